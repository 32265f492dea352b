//! Staff: the dashboard. Coming meetings by group, a series as one row with its next
//! occurrence, and for each meeting its seats per mode, pending confirmations and failed
//! mail, counted with a few grouped queries.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, page, StaffChrome};
use crate::db::meetings::{self, Listing};
use crate::db::{self, outbox, registrations, DbConn};
use crate::error::AppError;
use crate::listing::{Item, Loaded};
use crate::state::AppState;
use crate::views::{self, SeatView};

/// A series shown as one row.
pub struct SeriesCell {
    pub id: i64,
    pub rule: String,
    /// Its meetings in the list.
    pub count: usize,
}

pub struct Row {
    /// The meeting, or the series' next occurrence.
    pub id: i64,
    pub title: String,
    pub when: String,
    pub status: String,
    pub series: Option<SeriesCell>,
    pub seats: Vec<SeatView>,
    pub pending: i64,
    /// Failed messages about the meeting (about any of the series' listed meetings).
    pub failed: i64,
}

pub struct GroupRows {
    pub name: String,
    pub slug: String,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    chrome: StaffChrome,
    past: bool,
    groups: Vec<GroupRows>,
    failed_mail: i64,
    pending_mail: i64,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct DashboardQuery {
    past: Option<String>,
    done: Option<String>,
}

pub async fn dashboard(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, StaffError> {
    let past = query.past.is_some();
    let (groups, failed_mail, pending_mail) = state
        .db(move |conn| -> Result<_, AppError> {
            Ok((
                group_rows(conn, past)?,
                outbox::count_by_status(conn, outbox::FAILED)?,
                outbox::count_by_status(conn, outbox::PENDING)?,
            ))
        })
        .await?;
    let notice = query.done.as_deref().map(super::meetings::notice_text);
    Ok(page(
        StatusCode::OK,
        &Dashboard {
            chrome: chrome(&req, &state, &me.0, notice),
            past,
            groups,
            failed_mail,
            pending_mail,
        },
    ))
}

/// The meetings ahead (or, with `past`, behind), drafts included, by group.
fn group_rows(conn: &mut DbConn, past: bool) -> Result<Vec<GroupRows>, AppError> {
    let now = db::now();
    let listed = Loaded::load(
        conn,
        &Listing {
            from: (!past).then_some(now),
            to: past.then_some(now),
            newest_first: past,
            include_drafts: true,
            limit: Some(1000),
            ..Listing::default()
        },
    )?;
    let ids = listed.ids();
    let series_ids: Vec<i64> = listed.series.keys().copied().collect();
    let seats = meetings::seat_counts(conn, &ids)?;
    let (pending, pending_series) = registrations::pending_counts(conn, &ids, &series_ids)?;
    let failed = outbox::failed_counts(conn, &ids)?;
    let count = |map: &HashMap<i64, i64>, id: i64| map.get(&id).copied().unwrap_or(0);
    let mut out: Vec<GroupRows> = Vec::new();
    for item in listed.items() {
        let (group, row) = match item {
            Item::One(m, g) => (
                g,
                Row::of(m, &seats, count(&pending, m.id), count(&failed, m.id)),
            ),
            Item::Series(s, g, occ) => {
                let Some(next) = crate::listing::next_of(&occ) else {
                    continue;
                };
                let mut row = Row::of(
                    next,
                    &seats,
                    count(&pending, next.id) + count(&pending_series, s.id),
                    occ.iter().map(|m| count(&failed, m.id)).sum(),
                );
                row.title = s.title.clone();
                row.series = Some(SeriesCell {
                    id: s.id,
                    rule: views::short_rule(super::LANG, s),
                    count: occ.len(),
                });
                (g, row)
            }
        };
        match out.iter_mut().find(|x| x.slug == group.slug) {
            Some(block) => block.rows.push(row),
            None => out.push(GroupRows {
                name: group.name.clone(),
                slug: group.slug.clone(),
                rows: vec![row],
            }),
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

impl Row {
    fn of(
        m: &meetings::Meeting,
        seats: &HashMap<i64, meetings::SeatCounts>,
        pending: i64,
        failed: i64,
    ) -> Row {
        Row {
            id: m.id,
            title: m.title.clone(),
            when: views::when_local(super::LANG, m),
            status: m.status.clone(),
            series: None,
            seats: views::seats(
                crate::i18n::Lang::En,
                m,
                &seats.get(&m.id).copied().unwrap_or_default(),
            ),
            pending,
            failed,
        }
    }
}
