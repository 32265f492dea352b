//! Announcements to a group's followers in the outbox (`services::announce`). What is
//! published first becomes ONE `announce` row (its Message-ID fixed, so it is written once);
//! the mail worker expands it, a batch of followers per transaction, into one
//! `announcement` row per active follower, each written when it is sent. Per-follower
//! Message-IDs are fixed too, so an expansion that dies half-way and is claimed again by
//! another instance writes no follower twice.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox::{OutboxMessage, FAILED, PENDING, SENT};
use super::schema::outbox::{self, dsl as o};
use super::DbConn;

/// The fan-out row, one per thing announced.
pub const ANNOUNCE: &str = "announce";
/// One follower's announcement (written when sent).
pub const ANNOUNCEMENT: &str = "announcement";

/// What an announcement is about, as kept in `outbox.about_ref`: `meeting:12`, `series:3`,
/// `update:5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AboutRef {
    Meeting(i64),
    Series(i64),
    Update(i64),
}

impl AboutRef {
    pub fn encode(self) -> String {
        match self {
            AboutRef::Meeting(id) => format!("meeting:{id}"),
            AboutRef::Series(id) => format!("series:{id}"),
            AboutRef::Update(id) => format!("update:{id}"),
        }
    }

    pub fn decode(s: &str) -> Option<AboutRef> {
        let (kind, id) = s.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "meeting" => Some(AboutRef::Meeting(id)),
            "series" => Some(AboutRef::Series(id)),
            "update" => Some(AboutRef::Update(id)),
            _ => None,
        }
    }

    /// Marks the thing announced unless it was already; `true` when this call marked it.
    pub fn mark_announced(self, conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<bool> {
        use super::schema::meetings::dsl as m;
        use super::schema::series::dsl as s;
        let n = match self {
            AboutRef::Meeting(id) => {
                diesel::update(m::meetings.find(id).filter(m::announced_at.is_null()))
                    .set(m::announced_at.eq(now))
                    .execute(conn)?
            }
            AboutRef::Series(id) => {
                diesel::update(s::series.find(id).filter(s::announced_at.is_null()))
                    .set(s::announced_at.eq(now))
                    .execute(conn)?
            }
            AboutRef::Update(id) => return super::updates::mark_announced(conn, id, now),
        };
        Ok(n > 0)
    }
}

/// A row of mail to followers: a fan-out row, an announcement waiting to be written, or
/// a written message (a follow confirmation) with its unsubscribe link.
impl AboutRef {
    /// The group of the thing announced, if it still exists.
    pub fn group_id(self, conn: &mut DbConn) -> QueryResult<Option<i64>> {
        use super::schema::meetings::dsl as m;
        use super::schema::series::dsl as s;
        use super::schema::updates::dsl as u;
        match self {
            AboutRef::Meeting(id) => m::meetings.find(id).select(m::group_id).get_result(conn),
            AboutRef::Series(id) => s::series.find(id).select(s::group_id).get_result(conn),
            AboutRef::Update(id) => u::updates.find(id).select(u::group_id).get_result(conn),
        }
        .optional()
    }
}

#[derive(Insertable, Debug)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
pub struct FollowerMail<'a> {
    pub message_id: &'a str,
    pub kind: &'a str,
    pub about_ref: Option<&'a str>,
    pub follower_id: Option<i64>,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub unsubscribe_url: Option<&'a str>,
    pub status: &'a str,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

impl<'a> FollowerMail<'a> {
    /// An empty row of `kind`, due at once.
    pub fn empty(message_id: &'a str, kind: &'a str, now: NaiveDateTime) -> FollowerMail<'a> {
        FollowerMail {
            message_id,
            kind,
            about_ref: None,
            follower_id: None,
            recipient: "",
            subject: "",
            body_text: "",
            body_html: "",
            unsubscribe_url: None,
            status: PENDING,
            next_attempt_at: now,
            created_at: now,
        }
    }
}

/// Queues one row (a row with its Message-ID already there wins).
pub fn insert_one(conn: &mut DbConn, row: &FollowerMail<'_>) -> QueryResult<()> {
    insert(conn, std::slice::from_ref(row)).map(|_| ())
}

/// Queues the fan-out row for `about` (its group is read back from it when expanding).
/// `host` names the installation in the Message-ID. Written once: a second call changes
/// nothing.
pub fn queue(conn: &mut DbConn, about: AboutRef, host: &str) -> QueryResult<()> {
    let now = super::now();
    let about_ref = about.encode();
    let message_id = format!("<announce.{}@{host}>", about_ref.replace(':', "."));
    let row = FollowerMail {
        about_ref: Some(&about_ref),
        ..FollowerMail::empty(&message_id, ANNOUNCE, now)
    };
    insert_one(conn, &row)
}

fn insert(conn: &mut DbConn, rows: &[FollowerMail<'_>]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let insert = diesel::insert_into(o::outbox)
        .values(rows)
        .on_conflict_do_nothing();
    match conn {
        DbConn::Postgresql(c) => insert.execute(c),
        DbConn::Sqlite(c) => insert.execute(c),
    }
}

/// One step of expanding the claimed fan-out row `fan_out` to the followers in `ids` (the
/// next ones after its cursor): one `announcement` row each, and the cursor moved past
/// them; `done` settles the row. Call in one transaction per batch. Answers the rows
/// written, or `None` when the row is no longer ours to expand (settled meanwhile).
pub fn expand_batch(
    conn: &mut DbConn,
    fan_out: &OutboxMessage,
    ids: &[i64],
    done: bool,
    host: &str,
) -> QueryResult<Option<usize>> {
    let now = super::now();
    let about_ref = fan_out.about_ref.clone().unwrap_or_default();
    let cursor = ids.last().copied().or(fan_out.follower_id);
    let mine = o::outbox.find(fan_out.id).filter(o::status.eq(PENDING));
    let moved = if done {
        diesel::update(mine)
            .set((
                o::status.eq(SENT),
                o::sent_at.eq(now),
                o::follower_id.eq(cursor),
                o::lease_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?
    } else {
        diesel::update(mine)
            .set(o::follower_id.eq(cursor))
            .execute(conn)?
    };
    if moved == 0 {
        return Ok(None);
    }
    let base = about_ref.replace(':', ".");
    let message_ids: Vec<String> = ids
        .iter()
        .map(|f| format!("<announce.{base}.{f}@{host}>"))
        .collect();
    let rows: Vec<FollowerMail<'_>> = ids
        .iter()
        .zip(&message_ids)
        .map(|(follower, message_id)| FollowerMail {
            about_ref: Some(&about_ref),
            follower_id: Some(*follower),
            ..FollowerMail::empty(message_id, ANNOUNCEMENT, now)
        })
        .collect();
    insert(conn, &rows).map(Some)
}

/// Makes the waiting announcements of `about` due at once (it was published again after
/// they were held back while it was a draft).
pub fn wake(conn: &mut DbConn, about: AboutRef) -> QueryResult<usize> {
    let now = super::now();
    diesel::update(
        o::outbox
            .filter(o::about_ref.eq(about.encode()))
            .filter(o::kind.eq(ANNOUNCEMENT))
            .filter(o::status.eq(PENDING)),
    )
    .set(o::next_attempt_at.eq(now))
    .execute(conn)
}

/// The fan-out row as it is now (its cursor), if it is still waiting.
pub fn still_pending(conn: &mut DbConn, id: i64) -> QueryResult<Option<OutboxMessage>> {
    o::outbox
        .find(id)
        .filter(o::status.eq(PENDING))
        .get_result(conn)
        .optional()
}

/// Removes the mail to these followers that has not gone (waiting, or failed and kept
/// with its content): a follower who goes leaves nothing of it. Fan-out rows keep their
/// cursor.
pub fn drop_for_followers(conn: &mut DbConn, followers: &[i64]) -> QueryResult<usize> {
    if followers.is_empty() {
        return Ok(0);
    }
    diesel::delete(
        o::outbox
            .filter(o::follower_id.eq_any(followers))
            .filter(o::kind.ne(ANNOUNCE))
            .filter(o::status.eq_any([PENDING, FAILED])),
    )
    .execute(conn)
}
