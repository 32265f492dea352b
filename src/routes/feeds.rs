//! ICS feeds for calendar subscriptions. Drafts never appear; cancelled meetings stay with
//! `STATUS:CANCELLED`; an online URL limited to registrants never appears.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, TimeZone, Utc};
use sha2::{Digest, Sha256};

use crate::db::groups::{self, Group};
use crate::db::meetings::{self, Listing, Meeting};
use crate::db::{self, DbConn};
use crate::error::{AppError, HtmlError};
use crate::ics::{self, EventSource};
use crate::state::AppState;

/// How far back a feed keeps past meetings.
const PAST_WINDOW_DAYS: i64 = 365;

struct Feed {
    name: String,
    rows: Vec<(Meeting, Group)>,
}

fn render(state: &AppState, feed: &Feed) -> String {
    let sources: Vec<EventSource<'_>> = feed
        .rows
        .iter()
        .map(|(m, g)| EventSource {
            meeting: m,
            group: g,
            url: state.mail.meeting_url(m),
            show_online_url: m.public_online_url().is_some(),
            note: None,
        })
        .collect();
    // DTSTAMP is the last change of the feed's content, so the same data gives the same bytes.
    let stamp = feed
        .rows
        .iter()
        .map(|(m, _)| m.updated_at)
        .max()
        .map(|t| Utc.from_utc_datetime(&t))
        .unwrap_or_else(|| Utc.timestamp_opt(0, 0).single().unwrap_or_default());
    ics::feed(&feed.name, &sources, stamp)
}

fn respond(req: &HttpRequest, state: &AppState, feed: &Feed) -> HttpResponse {
    let body = render(state, feed);
    let etag = format!(
        "\"{}\"",
        &hex::encode(Sha256::digest(body.as_bytes()))[..32]
    );
    let last_modified = feed
        .rows
        .iter()
        .map(|(m, _)| m.updated_at)
        .max()
        .map(|t| Utc.from_utc_datetime(&t));
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut res = if not_modified {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"));
    if let Some(t) = last_modified {
        res.insert_header((
            header::LAST_MODIFIED,
            t.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        ));
    }
    if not_modified {
        return res.finish();
    }
    res.content_type("text/calendar; charset=utf-8").body(body)
}

fn listing(conn: &mut DbConn, group_id: Option<i64>) -> Result<Vec<(Meeting, Group)>, AppError> {
    Ok(meetings::list(
        conn,
        &Listing {
            group_id,
            from: Some(db::now() - Duration::days(PAST_WINDOW_DAYS)),
            ..Listing::default()
        },
    )?)
}

pub async fn all(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, HtmlError> {
    let rows = state.db(|conn| listing(conn, None)).await?;
    let feed = Feed {
        name: "Quorum meetings".into(),
        rows,
    };
    Ok(respond(&req, &state, &feed))
}

pub async fn group(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let slug = slug.into_inner();
    let feed = state
        .db(move |conn| -> Result<_, AppError> {
            let g = groups::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound("group"))?;
            Ok(Feed {
                name: g.name.clone(),
                rows: listing(conn, Some(g.id))?,
            })
        })
        .await?;
    Ok(respond(&req, &state, &feed))
}

pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, HtmlError> {
    let id = id.into_inner();
    let feed = state
        .db(move |conn| -> Result<_, AppError> {
            let (m, g) = super::pages::public_meeting(conn, id)?;
            Ok(Feed {
                name: m.title.clone(),
                rows: vec![(m, g)],
            })
        })
        .await?;
    Ok(respond(&req, &state, &feed))
}
