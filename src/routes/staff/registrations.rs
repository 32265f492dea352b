//! Staff: the registrations of a meeting — list, search, CSV export, check-in, removal.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{CsrfOnly, StaffError, StaffUser};
use super::{chrome, page, see_other, StaffChrome};
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, Registration};
use crate::error::AppError;
use crate::services::registrations as service;
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
    rows: Vec<Registration>,
    total: usize,
}

fn matches(r: &Registration, q: &str) -> bool {
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
) -> impl std::future::Future<Output = Result<(Meeting, Vec<Registration>), AppError>> + '_ {
    state.db(move |conn| -> Result<_, AppError> {
        let m = meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        Ok((m, regs::for_meeting(conn, id)?))
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
        Some("checked_in") => Some("Checked in.".to_string()),
        Some("removed") => Some("The person's data has been removed.".to_string()),
        _ => None,
    };
    Ok(page(
        StatusCode::OK,
        &ListPage {
            chrome: chrome(&req, &state, &me.0, notice),
            when: views::when_local(&m),
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
    let (_, rows) = load(&state, id).await?;
    let mut out = String::from("\u{feff}");
    out.push_str(
        "name,email,affiliation,attendance,status,registered_at_utc,checked_in_at_utc\r\n",
    );
    for r in rows {
        let cells = [
            r.name.as_str(),
            r.email.as_str(),
            r.affiliation.as_deref().unwrap_or(""),
            r.attendance.as_str(),
            r.status.as_str(),
            &r.created_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            &r.checked_in_at
                .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
                .unwrap_or_default(),
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
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
    let actor = me.0.clone();
    let reg = state
        .db(move |conn| service::set_checked_in(conn, id, !undo, &actor))
        .await?;
    Ok(see_other(&format!(
        "/staff/meetings/{}/registrations?done=checked_in#r{}",
        reg.meeting_id, reg.id
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
