//! ICS feeds for calendar subscriptions. Drafts never appear; cancelled meetings stay with
//! `STATUS:CANCELLED`; an online URL limited to registrants never appears. Bodies are
//! rendered once per calendar change and served from memory (plain or gzip), with `ETag`,
//! `Last-Modified` and `304` answers to conditional requests.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue, HttpDate};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, TimeZone, Utc};

use crate::db::groups::Group;
use crate::db::meetings::{self, Listing, Meeting};
use crate::db::series::Loaded;
use crate::db::{self, DbConn};
use crate::error::{AppError, HtmlError};
use crate::feed_cache::{CachedFeed, FeedKey};
use crate::i18n::Lang;
use crate::ics::{self, EventSource};
use crate::state::AppState;

const CALENDAR: &str = "text/calendar; charset=utf-8";

/// How long clients may reuse a feed before asking again (they revalidate cheaply).
const MAX_AGE: &str = "public, max-age=300";

/// Loads the series that `rows` touch, whole: drafts included, which calendars leave out
/// as dates of the rule (`ics::SeriesSource`), so that the rule keeps its count.
pub fn series_of(conn: &mut DbConn, rows: &[(Meeting, Group)]) -> Result<Vec<Loaded>, AppError> {
    let mut ids: Vec<(i64, Group)> = Vec::new();
    for (m, g) in rows {
        if let Some(id) = m.series_id {
            if !ids.iter().any(|(i, _)| *i == id) {
                ids.push((id, g.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for (id, group) in ids {
        if let Some(series) = crate::db::series::find(conn, id)? {
            let occurrences = crate::db::series::occurrences(conn, id)?;
            if occurrences
                .iter()
                .any(|m| m.status() != crate::domain::MeetingStatus::Draft)
            {
                out.push(Loaded {
                    series,
                    group,
                    occurrences,
                });
            }
        }
    }
    Ok(out)
}

fn render(
    state: &AppState,
    lang: Lang,
    name: &str,
    rows: &[(Meeting, Group)],
    series: &[Loaded],
) -> (String, Option<chrono::NaiveDateTime>) {
    let query = link_query(lang, state);
    let sources: Vec<EventSource<'_>> = rows
        .iter()
        .filter(|(m, _)| m.series_id.is_none())
        .map(|(m, g)| EventSource {
            meeting: m,
            group: g,
            url: format!("{}{query}", state.mail.meeting_url(m)),
            show_online_url: m.public_online_url().is_some(),
            note: None,
        })
        .collect();
    let series_sources: Vec<ics::SeriesSource<'_>> = series
        .iter()
        .map(|s| {
            let public = s
                .occurrences
                .iter()
                .all(|m| m.public_online_url().is_some());
            ics::SeriesSource {
                link_query: &query,
                ..ics::SeriesSource::new(&state.mail.base_url, s, public, None)
            }
        })
        .collect();
    let last_modified = rows
        .iter()
        .map(|(m, _)| m.updated_at)
        .chain(series.iter().flat_map(|s| {
            s.occurrences
                .iter()
                .map(|m| m.updated_at)
                .chain([s.series.updated_at])
        }))
        .max();
    // DTSTAMP is the feed's last change, so the same data gives the same bytes (and ETag).
    let stamp = last_modified
        .map(|t| Utc.from_utc_datetime(&t))
        .unwrap_or_else(|| Utc.timestamp_opt(0, 0).single().unwrap_or_default());
    let from = &state.mail.from;
    let sender = ics::Organizer {
        name: from.name.as_deref(),
        email: from.email.as_ref(),
    };
    (
        ics::feed(lang, name, &sources, &series_sources, sender, stamp),
        last_modified,
    )
}

fn listing(
    conn: &mut DbConn,
    past_days: i64,
    group_id: Option<i64>,
) -> Result<Vec<(Meeting, Group)>, AppError> {
    Ok(meetings::list(
        conn,
        &Listing {
            group_id,
            from: Some(db::now() - Duration::days(past_days)),
            ..Listing::default()
        },
    )?)
}

/// The cached feed in `lang`, or a new rendering stored for the next request.
pub async fn feed(
    state: &web::Data<AppState>,
    key: FeedKey,
    lang: Lang,
) -> Result<Arc<CachedFeed>, AppError> {
    let today = crate::clock::now().date_naive();
    let key = (key, lang);
    if let Some(hit) = state.feeds.get(&key, today) {
        return Ok(hit);
    }
    // Read the generation before the data: a write that lands meanwhile makes this entry stale.
    let generation = state.feeds.generation();
    let st = state.clone();
    let k = key.0.clone();
    let built = state
        .db(move |conn| -> Result<_, AppError> {
            let past_days = st.settings.feed_past_days;
            let built = |(body, last_modified): (String, Option<chrono::NaiveDateTime>)| {
                Arc::new(CachedFeed::new(body, last_modified, generation, today))
            };
            let (name, rows) = match &k {
                FeedKey::All => (
                    crate::views::SITE_NAME.to_string(),
                    listing(conn, past_days, None)?,
                ),
                FeedKey::Group(slug) => {
                    let g = crate::services::groups::by_slug(conn, slug)?;
                    (g.name.clone(), listing(conn, past_days, Some(g.id))?)
                }
                FeedKey::Meeting(id) => {
                    let (m, g) = super::pages::public_meeting(conn, *id)?;
                    // One occurrence on its own: a plain event with the meeting's UID.
                    let m = Meeting {
                        series_id: None,
                        ..m
                    };
                    (m.title.clone(), vec![(m, g)])
                }
                FeedKey::Milestones(slug) => {
                    return Ok(built(super::home_feeds::milestones(conn, &st, slug, lang)?))
                }
                FeedKey::Updates(slug) => {
                    return Ok(built(super::home_feeds::updates(conn, &st, slug, lang)?))
                }
            };
            let series = series_of(conn, &rows)?;
            Ok(built(render(&st, lang, &name, &rows, &series)))
        })
        .await?;
    state.feeds.put(key, built.clone());
    Ok(built)
}

fn not_modified(req: &HttpRequest, feed: &CachedFeed) -> bool {
    if let Some(inm) = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        return inm
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == feed.etag || t == feed.etag_gzip || t == "*");
    }
    let since = req
        .headers()
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<HttpDate>().ok())
        .map(std::time::SystemTime::from);
    match (since, feed.last_modified) {
        (Some(since), Some(modified)) => {
            let modified = std::time::SystemTime::from(Utc.from_utc_datetime(&modified));
            // HTTP dates have whole seconds.
            modified
                .duration_since(since)
                .map(|d| d.as_secs() == 0)
                .unwrap_or(true)
        }
        _ => false,
    }
}

fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|e| {
                let mut parts = e.trim().split(';');
                let name = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| p.trim().replace(' ', "") == "q=0");
                (name == "gzip" || name == "x-gzip") && !refused
            })
        })
}

/// The feed (written in `lang`), or `304` when the client has it already.
pub fn respond(
    req: &HttpRequest,
    feed: &CachedFeed,
    content_type: &'static str,
    lang: Lang,
) -> HttpResponse {
    let gzip = accepts_gzip(req) && !feed.gzip.is_empty();
    let unchanged = not_modified(req, feed);
    let mut res = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    let etag = if gzip {
        feed.etag_gzip_value.clone()
    } else {
        feed.etag_value.clone()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static(MAX_AGE)))
        .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")))
        .insert_header((
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        ))
        .insert_header((
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ));
    if let Some(t) = &feed.last_modified_value {
        res.insert_header((header::LAST_MODIFIED, t.clone()));
    }
    if unchanged {
        return res.finish();
    }
    res.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(content_type)));
    if gzip {
        res.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static("gzip")))
            .body(feed.gzip.clone())
    } else {
        res.body(feed.body.clone())
    }
}

/// What links in a feed carry so that its readers land on pages in the feed's language:
/// `?lang=xx`, unless that is the default language (whose feeds stay as they always were).
pub(super) fn link_query(lang: Lang, state: &AppState) -> String {
    if lang == state.settings.default_lang {
        String::new()
    } else {
        format!("?lang={}", lang.code())
    }
}

/// The language a feed is asked in: `?lang=` only (an unknown one is the default), so that
/// a URL's one cached body serves every subscriber, whatever their cookie or browser says.
fn lang_of(req: &HttpRequest, state: &AppState) -> Lang {
    crate::i18n::negotiate::for_feed(req, state.settings.default_lang)
}

pub async fn all(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, HtmlError> {
    let lang = lang_of(&req, &state);
    let feed = feed(&state, FeedKey::All, lang).await?;
    Ok(respond(&req, &feed, CALENDAR, lang))
}

pub async fn group(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let lang = lang_of(&req, &state);
    let feed = feed(&state, FeedKey::Group(slug.into_inner()), lang).await?;
    Ok(respond(&req, &feed, CALENDAR, lang))
}

pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, HtmlError> {
    let lang = lang_of(&req, &state);
    let feed = feed(&state, FeedKey::Meeting(id.into_inner()), lang).await?;
    Ok(respond(&req, &feed, CALENDAR, lang))
}

/// A group's milestones or updates feed, as `key` names it.
async fn group_feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    key: FeedKey,
) -> Result<HttpResponse, HtmlError> {
    let content_type = key.content_type();
    let lang = lang_of(&req, &state);
    let feed = feed(&state, key, lang).await?;
    Ok(respond(&req, &feed, content_type, lang))
}

pub async fn milestones(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    group_feed(req, state, FeedKey::Milestones(slug.into_inner())).await
}

pub async fn updates(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    group_feed(req, state, FeedKey::Updates(slug.into_inner())).await
}
