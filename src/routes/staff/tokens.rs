//! Admins: API tokens.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{AdminUser, CsrfOnly, StaffError};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::auth;
use crate::db;
use crate::db::sessions;
use crate::db::staff::{self, ApiToken, Staff};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/tokens.html")]
struct TokensPage {
    chrome: StaffChrome,
    tokens: Vec<(ApiToken, String)>,
    accounts: Vec<Staff>,
    new_token: Option<String>,
    error: Option<String>,
}

async fn tokens_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &Staff,
    notice: Option<String>,
    new_token: Option<String>,
    error: Option<String>,
) -> Result<HttpResponse, StaffError> {
    let (tokens, accounts) = state
        .db(|conn| -> Result<_, AppError> { Ok((staff::tokens(conn)?, staff::all(conn)?)) })
        .await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(page(
        status,
        &TokensPage {
            chrome: chrome(req, state, me, notice),
            tokens,
            accounts,
            new_token,
            error,
        },
    ))
}

pub async fn tokens(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    tokens_page(&req, &state, &me.0, done_notice(&done), None, None).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct TokenForm {
    csrf_token: Option<String>,
    email: Option<String>,
    label: Option<String>,
    /// Days until the token expires; empty: never.
    expires_days: Option<String>,
}

/// The expiry field: empty for none, else a whole number of days in range.
fn expires_days(field: Option<&str>) -> Result<Option<u32>, String> {
    let field = field.unwrap_or("").trim();
    if field.is_empty() {
        return Ok(None);
    }
    field
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=auth::MAX_TOKEN_DAYS).contains(d))
        .map(Some)
        .ok_or_else(|| super::LANG.msg1("staff-tokens-expiry-invalid", "max", auth::MAX_TOKEN_DAYS))
}

pub async fn create_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let days = match expires_days(form.expires_days.as_deref()) {
        Ok(days) => days,
        Err(error) => return tokens_page(&req, &state, &me.0, None, None, Some(error)).await,
    };
    let actor = me.0.clone();
    let result = state
        .db(move |conn| -> Result<_, AppError> {
            let email = form.email.unwrap_or_default();
            let label = form.label.unwrap_or_default();
            match auth::create_token_expiring(conn, &email, &label, days) {
                Ok(secret) => {
                    sessions::audit(
                        conn,
                        &actor,
                        "token.create",
                        &format!("staff:{email}"),
                        None,
                        Some(&serde_json::json!({"label": label, "expires_days": days})),
                    )?;
                    Ok(Ok(secret))
                }
                Err(e) => {
                    let label = super::LANG.msg("staff-tokens-the-label");
                    Ok(Err(e.to_string().replace("--name", &label)))
                }
            }
        })
        .await?;
    match result {
        // The secret is shown once, in this answer, and never again.
        Ok(secret) => tokens_page(&req, &state, &me.0, None, Some(secret), None).await,
        Err(error) => tokens_page(&req, &state, &me.0, None, None, Some(error)).await,
    }
}

pub async fn revoke_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let actor = me.0.clone();
    state
        .db(move |conn| -> Result<_, AppError> {
            if !staff::revoke_token(conn, id, db::now())? {
                return Err(AppError::NotFound("token"));
            }
            sessions::audit(
                conn,
                &actor,
                "token.revoke",
                &format!("token:{id}"),
                None,
                None,
            )?;
            Ok(())
        })
        .await?;
    Ok(see_other("/staff/tokens?done=revoked"))
}
