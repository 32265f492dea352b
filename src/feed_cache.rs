//! Rendered feeds kept in memory until the calendar changes, with their gzip form, ETag and
//! Last-Modified, so that polling clients are answered without touching the database.
//!
//! Invalidation: a write through this instance bumps the generation right after it commits;
//! on PostgreSQL every such write also sends `NOTIFY quorum_calendar` in its transaction, and
//! a listener in each instance bumps the generation when it arrives, so a write through
//! another instance shows within milliseconds.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::http::header::HeaderValue;
use actix_web::web::Bytes;
use chrono::NaiveDateTime;
use diesel::{Connection, RunQueryDsl};
use sha2::{Digest, Sha256};

// Re-exported from the database layer, where writes report calendar changes.
use crate::db::changes::CHANNEL;
use crate::i18n::Lang;

const MAX_ENTRIES: usize = 2048;

/// Which feed. Each is cached once per language it is asked in (`?lang=`), with its own
/// body and ETag: see [`FeedCache::get`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FeedKey {
    All,
    Group(String),
    Meeting(i64),
    /// A group's milestones (ICS), by slug.
    Milestones(String),
    /// A group's updates (Atom), by slug.
    Updates(String),
}

impl FeedKey {
    /// The feed's `Content-Type`.
    pub fn content_type(&self) -> &'static str {
        match self {
            FeedKey::Updates(_) => "application/atom+xml; charset=utf-8",
            _ => "text/calendar; charset=utf-8",
        }
    }
}

/// One rendered feed.
pub struct CachedFeed {
    pub generation: u64,
    pub day: chrono::NaiveDate,
    pub body: Bytes,
    pub gzip: Bytes,
    /// Strong validator of the plain body; the gzip body has its own (`…-gz`).
    pub etag: String,
    pub etag_gzip: String,
    pub last_modified: Option<NaiveDateTime>,
    /// Ready-made header values, so answering costs no formatting.
    pub etag_value: HeaderValue,
    pub etag_gzip_value: HeaderValue,
    pub last_modified_value: Option<HeaderValue>,
}

impl CachedFeed {
    pub fn new(
        body: String,
        last_modified: Option<NaiveDateTime>,
        generation: u64,
        day: chrono::NaiveDate,
    ) -> CachedFeed {
        let digest = hex::encode(Sha256::digest(body.as_bytes()));
        let etag = format!("\"{}\"", &digest[..32]);
        let etag_gzip = format!("\"{}-gz\"", &digest[..32]);
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let gzip = encoder
            .write_all(body.as_bytes())
            .and_then(|_| encoder.finish())
            .map(Bytes::from)
            .unwrap_or_default();
        let last_modified_value = last_modified.and_then(|t| {
            let t =
                std::time::SystemTime::from(chrono::TimeZone::from_utc_datetime(&chrono::Utc, &t));
            HeaderValue::from_str(&actix_web::http::header::HttpDate::from(t).to_string()).ok()
        });
        CachedFeed {
            generation,
            day,
            body: Bytes::from(body),
            gzip,
            etag_value: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
            etag_gzip_value: HeaderValue::from_str(&etag_gzip)
                .unwrap_or(HeaderValue::from_static("\"0\"")),
            etag,
            etag_gzip,
            last_modified,
            last_modified_value,
        }
    }
}

/// A published (or cancelled) meeting with what its public page shows besides seat counts.
pub struct CachedMeeting {
    pub generation: u64,
    pub meeting: crate::db::meetings::Meeting,
    pub group: crate::db::groups::Group,
    /// The series it belongs to: id and title.
    pub series: Option<(i64, String)>,
}

/// Feeds and meeting rows, valid while the calendar generation is unchanged. Meetings,
/// series and groups are only written by code that bumps the generation here (and, on
/// PostgreSQL, notifies other instances), so an entry of the current generation is current.
#[derive(Default)]
pub struct FeedCache {
    generation: AtomicU64,
    entries: Mutex<HashMap<(FeedKey, Lang), Arc<CachedFeed>>>,
    meetings: Mutex<HashMap<i64, Arc<CachedMeeting>>>,
}

impl FeedCache {
    pub fn generation(&self) -> u64 {
        self.generation
            .load(Ordering::Acquire)
            .wrapping_add(crate::db::changes::sqlite_writes())
    }

    /// Everything cached so far is stale.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// A fresh entry for the feed `key` in its language, if there is one.
    pub fn get(&self, key: &(FeedKey, Lang), today: chrono::NaiveDate) -> Option<Arc<CachedFeed>> {
        let generation = self.generation();
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|e| e.generation == generation && e.day == today)
            .cloned()
    }

    /// The meeting's cached row, if it is of the current generation.
    pub fn meeting(&self, id: i64) -> Option<Arc<CachedMeeting>> {
        let generation = self.generation();
        let entries = self.meetings.lock().ok()?;
        entries
            .get(&id)
            .filter(|e| e.generation == generation)
            .cloned()
    }

    /// Stores a meeting read after `generation()` returned `entry.generation`.
    pub fn put_meeting(&self, entry: Arc<CachedMeeting>) {
        if let Ok(mut entries) = self.meetings.lock() {
            if entries.len() >= MAX_ENTRIES * 4 {
                entries.clear();
            }
            entries.insert(entry.meeting.id, entry);
        }
    }

    pub fn put(&self, key: (FeedKey, Lang), feed: Arc<CachedFeed>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, feed);
        }
    }
}

/// Listens for changes made through other instances on PostgreSQL and invalidates the cache.
/// Runs on its own thread with its own connection; reconnects after errors.
pub fn spawn_listener(database_url: String, cache: Arc<FeedCache>) {
    let spawned = std::thread::Builder::new()
        .name("quorum-feed-listener".into())
        .spawn(move || loop {
            match diesel::PgConnection::establish(&database_url) {
                Ok(mut conn) => {
                    if diesel::sql_query(format!("LISTEN {CHANNEL}"))
                        .execute(&mut conn)
                        .is_err()
                    {
                        std::thread::sleep(Duration::from_secs(1));
                        continue;
                    }
                    // Changes may have happened while we were not listening.
                    cache.invalidate();
                    let mut ticks = 0u32;
                    'poll: loop {
                        ticks = ticks.wrapping_add(1);
                        // Now and then, make sure the connection is still alive.
                        if ticks % 500 == 0
                            && diesel::sql_query("SELECT 1").execute(&mut conn).is_err()
                        {
                            break 'poll;
                        }
                        for n in conn.notifications_iter() {
                            match n {
                                Ok(_) => cache.invalidate(),
                                Err(e) => {
                                    tracing::warn!(error = %e, "feed listener lost its connection");
                                    break 'poll;
                                }
                            }
                        }
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "feed listener cannot connect");
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "cannot start the feed listener");
    }
}
