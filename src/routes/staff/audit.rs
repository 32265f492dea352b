//! Admins: the audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{AdminUser, StaffError};
use super::{chrome, page, StaffChrome};
use crate::db::sessions::{self, AuditEntry};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    chrome: StaffChrome,
    entries: Vec<AuditEntry>,
}

pub async fn audit(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
) -> Result<HttpResponse, StaffError> {
    let entries = state
        .db(|conn| -> Result<_, AppError> { Ok(sessions::audit_entries(conn, 1000)?) })
        .await?;
    Ok(page(
        StatusCode::OK,
        &AuditPage {
            chrome: chrome(&req, &state, &me.0, None),
            entries,
        },
    ))
}
