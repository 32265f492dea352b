//! Staff: the registrations of a meeting — list, search, CSV export, check-in, removal.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{CsrfOnly, StaffError, StaffUser};
use super::{chrome, page, see_other, StaffChrome};
use crate::db::meetings::{self, Meeting};
use crate::db::seats::{self, RosterRow};
use crate::error::AppError;
use crate::services::registrations::staff as service;
use crate::state::AppState;
use crate::views;

#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/registrations.html")]
struct ListPage {
    chrome: StaffChrome,
    m: Meeting,
    when: String,
    q: String,
    /// The local date of each day, for the check-in columns.
    days: Vec<chrono::NaiveDate>,
    rows: Vec<RosterRow>,
    total: usize,
}

fn matches(row: &RosterRow, q: &str) -> bool {
    let r = &row.registration;
    let q = q.to_lowercase();
    r.name.to_lowercase().contains(&q)
        || r.email_normalized.contains(&q)
        || r.affiliation
            .as_deref()
            .is_some_and(|a| a.to_lowercase().contains(&q))
}

fn load(
    state: &AppState,
    id: i64,
) -> impl std::future::Future<Output = Result<(Meeting, Vec<RosterRow>), AppError>> + '_ {
    state.db(move |conn| -> Result<_, AppError> {
        let m = meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        let days = m.schedule().spans().len();
        Ok((m, seats::roster(conn, id, days)?))
    })
}

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, StaffError> {
    let (m, all) = load(&state, id.into_inner()).await?;
    let q = query.q.clone().unwrap_or_default().trim().to_string();
    let total = all.len();
    let rows = all
        .into_iter()
        .filter(|r| q.is_empty() || matches(r, &q))
        .collect();
    let notice = match query.done.as_deref() {
        Some("checked_in") => Some(super::LANG.msg("staff-done-checked-in")),
        Some("removed") => Some(super::LANG.msg("staff-done-registration-removed")),
        _ => None,
    };
    Ok(page(
        StatusCode::OK,
        &ListPage {
            chrome: chrome(&req, &state, &me.0, notice),
            when: views::when_local(super::LANG, &m),
            days: views::day_dates(&m),
            m,
            q,
            rows,
            total,
        },
    ))
}

/// A spreadsheet cell: quoted, and text that a spreadsheet would run as a formula is
/// prefixed with an apostrophe.
fn csv_cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

pub async fn csv(
    state: web::Data<AppState>,
    _me: StaffUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let (m, rows) = load(&state, id).await?;
    let mut out = String::from("\u{feff}");
    out.push_str("name,email,affiliation,attendance,status,registered_at_utc");
    for d in views::day_dates(&m) {
        out.push_str(&format!(",checked_in_{d}"));
    }
    out.push_str("\r\n");
    let stamp = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M:%S").to_string();
    for row in rows {
        let r = &row.registration;
        let mut cells = vec![
            r.name.clone(),
            r.email.clone(),
            r.affiliation.clone().unwrap_or_default(),
            row.seat.attendance.clone(),
            row.status().to_string(),
            stamp(r.created_at),
        ];
        cells.extend(
            row.checked_in
                .iter()
                .map(|t| t.map(stamp).unwrap_or_default()),
        );
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"meeting-{id}-registrations.csv\""),
        ))
        .body(out))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CheckInForm {
    csrf_token: Option<String>,
    undo: Option<String>,
    /// Which day (0 = the first); the first when absent.
    day: Option<i32>,
}

pub async fn check_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<CheckInForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let undo = form.undo.is_some();
    let day = form.day.unwrap_or(0);
    let actor = me.0.clone();
    let seat = state
        .db(move |conn| service::set_checked_in(conn, id, day, !undo, &actor))
        .await?;
    Ok(see_other(&format!(
        "/staff/meetings/{}/registrations?done=checked_in#r{}",
        seat.meeting_id, seat.id
    )))
}

pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let st = state.clone();
    let actor = me.0.clone();
    let meeting_id = state
        .db(move |conn| service::remove_personal_data(conn, &st.mail, id, &actor))
        .await?;
    state.wake_mailer();
    Ok(see_other(&format!(
        "/staff/meetings/{meeting_id}/registrations?done=removed"
    )))
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "\"'+1\"");
        assert_eq!(csv_cell("-1"), "\"'-1\"");
        assert_eq!(csv_cell("@SUM"), "\"'@SUM\"");
        assert_eq!(csv_cell("Ada"), "\"Ada\"");
    }
}
