//! Health, metrics, static assets, and the fallback 404.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::db::{outbox, scheduled};
use crate::error::{AppError, HtmlError};
use crate::state::AppState;

const STYLESHEET: &str = include_str!("../../templates/static/quorum.css");
/// A 32×32 icon (a PNG inside an ICO), asked for by every browser on every site.
const FAVICON: &[u8] = include_bytes!("../../templates/static/favicon.ico");

/// 200 when the database answers, else 503.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let result = state
        .db(|conn| -> Result<(), AppError> {
            diesel::sql_query("SELECT 1").execute(conn)?;
            Ok(())
        })
        .await;
    match result {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({
            "status": "ok",
            "database": "ok",
            "tzdata": crate::tz::version(),
        })),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header((header::RETRY_AFTER, "5"))
                .json(serde_json::json!({
                    "status": "unavailable",
                    "database": "unreachable",
                    "tzdata": crate::tz::version(),
                }))
        }
    }
}

/// Whether the request may read `/metrics`: always without `QUORUM_METRICS_TOKEN`, else
/// only with `Authorization: Bearer <it>` (compared in constant time).
fn metrics_allowed(req: &HttpRequest, state: &AppState) -> bool {
    use sha2::{Digest, Sha256};
    use subtle::ConstantTimeEq;
    let Some(wanted) = state.settings.metrics_token.as_deref() else {
        return true;
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    // Digests have one length, so not even the token's length shows in the timing.
    Sha256::digest(given.as_bytes())
        .ct_eq(&Sha256::digest(wanted.as_bytes()))
        .into()
}

/// Prometheus text format.
pub async fn metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !metrics_allowed(&req, &state) {
        return Err(AppError::Unauthorized);
    }
    let counts = state
        .db(|conn| -> Result<_, AppError> {
            let waiting = scheduled::waiting(conn, crate::db::now())?;
            Ok((
                outbox::count_by_status(conn, outbox::PENDING)? - waiting,
                outbox::count_by_status(conn, outbox::SENT)?,
                outbox::count_by_status(conn, outbox::FAILED)?,
                waiting,
            ))
        })
        .await?;
    let pool = state.pool.state();
    let body = format!(
        "# HELP quorum_outbox_messages Mail messages in the outbox by status.\n\
         # TYPE quorum_outbox_messages gauge\n\
         quorum_outbox_messages{{status=\"pending\"}} {}\n\
         quorum_outbox_messages{{status=\"sent\"}} {}\n\
         quorum_outbox_messages{{status=\"failed\"}} {}\n\
         # HELP quorum_outbox_scheduled Reminders and minutes-due notes waiting for their time.\n\
         # TYPE quorum_outbox_scheduled gauge\n\
         quorum_outbox_scheduled {}\n\
         # HELP quorum_db_pool_connections Database pool connections.\n\
         # TYPE quorum_db_pool_connections gauge\n\
         quorum_db_pool_connections{{state=\"idle\"}} {}\n\
         quorum_db_pool_connections{{state=\"total\"}} {}\n",
        counts.0, counts.1, counts.2, counts.3, pool.idle_connections, pool.connections
    );
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

pub async fn favicon() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/x-icon")
        .insert_header((header::CACHE_CONTROL, "public, max-age=2592000"))
        .body(FAVICON)
}

pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    // `/staff/` and the like: send browsers to the address without the trailing slash. Never
    // a path with a backslash: browsers read `/\host` as `//host`, another site.
    let path = req.path();
    let backslash = path.contains('\\') || path.to_ascii_lowercase().contains("%5c");
    if !backslash
        && path.len() > 1
        && path.ends_with('/')
        && req.method() == actix_web::http::Method::GET
    {
        let trimmed = path.trim_end_matches('/');
        let location = match req.query_string() {
            "" => trimmed.to_string(),
            q => format!("{trimmed}?{q}"),
        };
        if !trimmed.is_empty() && !trimmed.starts_with("//") {
            return Ok(HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, location))
                .finish());
        }
    }
    if req.path().starts_with("/api/") {
        Err(AppError::NotFound("route").into())
    } else {
        Err(HtmlError(AppError::NotFound("page")).into())
    }
}
