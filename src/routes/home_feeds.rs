//! The bodies of a group's milestones (`/groups/{slug}/milestones.ics`) and updates
//! (`/groups/{slug}/updates.atom`) feeds; `routes::feeds` caches, validates and answers
//! them like the calendar feeds.

use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::db::updates;
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::{groups, milestones as milestone_service};
use crate::state::AppState;

/// The milestones calendar in `lang` and its last change.
pub fn milestones(
    conn: &mut DbConn,
    state: &AppState,
    slug: &str,
    lang: Lang,
) -> Result<(String, Option<NaiveDateTime>), AppError> {
    let group = groups::by_slug(conn, slug)?;
    let rows = milestone_service::of_group(conn, group.id)?;
    let base_url = &state.mail.base_url;
    let query = super::feeds::link_query(lang, state);
    let page = crate::views::group_url(base_url, &group.slug);
    let events: Vec<crate::ics::MilestoneEvent<'_>> = rows
        .iter()
        .map(|(m, meeting)| crate::ics::MilestoneEvent {
            milestone: m,
            url: match meeting {
                Some(x) => format!("{}{query}", state.mail.meeting_url(x)),
                None => format!("{page}{query}"),
            },
        })
        .collect();
    let last_modified = rows
        .iter()
        .map(|(m, _)| m.updated_at)
        .max()
        .unwrap_or(group.created_at);
    let host = crate::views::site_host(base_url);
    // DTSTAMP is the feed's last change, so the same data gives the same bytes (and ETag).
    let stamp = Utc.from_utc_datetime(&last_modified);
    let name = lang.msg1("ics-milestones-name", "group", &group.name);
    let body = crate::ics::milestones_feed(lang, &name, &group.name, &host, &events, stamp);
    Ok((body, Some(last_modified)))
}

/// The Atom feed of the group's published updates (the latest 50) in `lang`, and its last
/// change.
pub fn updates(
    conn: &mut DbConn,
    state: &AppState,
    slug: &str,
    lang: Lang,
) -> Result<(String, Option<NaiveDateTime>), AppError> {
    let group = groups::by_slug(conn, slug)?;
    let rows = updates::of_group(conn, group.id, false, 50)?;
    let last_modified = rows.iter().map(|u| u.updated_at).max();
    let body = crate::atom::updates_feed(
        lang,
        &super::feeds::link_query(lang, state),
        &state.mail.base_url,
        &group,
        &rows,
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the Atom feed: {e}")))?;
    Ok((body, last_modified.or(Some(group.created_at))))
}
