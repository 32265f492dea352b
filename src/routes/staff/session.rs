//! Staff sign-in: argon2id passwords, throttled failures, server-side sessions in an
//! HttpOnly cookie that is replaced at login, expires when idle, and dies at logout.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use askama::Template;
use chrono::Duration;

use crate::cookies::SESSION;
use crate::db::staff::Staff;
use crate::db::{self, sessions, staff};
use crate::domain::token;
use crate::error::{AppError, HtmlError};
use crate::state::AppState;
use crate::templates::render_into;

const IDLE: i64 = 2 * 3600;
const ABSOLUTE: i64 = 12 * 3600;
const WINDOW_MINUTES: i64 = 15;
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
const MAX_FAILURES_PER_ADDRESS: i64 = 20;

/// Why a staff page cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("login required")]
    LoginRequired,
    #[error(transparent)]
    Page(#[from] HtmlError),
}

impl From<AppError> for StaffError {
    fn from(e: AppError) -> Self {
        StaffError::Page(HtmlError(e))
    }
}

impl From<diesel::result::Error> for StaffError {
    fn from(e: diesel::result::Error) -> Self {
        StaffError::Page(e.into())
    }
}

impl ResponseError for StaffError {
    fn status_code(&self) -> StatusCode {
        match self {
            StaffError::LoginRequired => StatusCode::SEE_OTHER,
            StaffError::Page(e) => e.status_code(),
        }
    }
    fn error_response(&self) -> HttpResponse {
        match self {
            StaffError::LoginRequired => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/staff/login"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish(),
            StaffError::Page(e) => e.error_response(),
        }
    }
}

/// A signed-in staff member (any role).
pub struct StaffUser(pub Staff);

/// A signed-in admin; others get 403.
pub struct AdminUser(pub Staff);

fn session_staff(req: &HttpRequest) -> Pin<Box<dyn Future<Output = Result<Staff, StaffError>>>> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let secret = state
        .as_ref()
        .and_then(|s| SESSION.value(req, s.settings.https()));
    Box::pin(async move {
        let (Some(secret), Some(state)) = (secret, state) else {
            return Err(StaffError::LoginRequired);
        };
        if !token::looks_valid(&secret) {
            return Err(StaffError::LoginRequired);
        }
        let hash = token::hash(&secret);
        let found = state
            .db(move |conn| -> Result<_, AppError> {
                let now = db::now();
                Ok(sessions::resume(
                    conn,
                    &hash,
                    now,
                    now - Duration::seconds(IDLE),
                    now - Duration::seconds(ABSOLUTE),
                )?)
            })
            .await?;
        found.ok_or(StaffError::LoginRequired)
    })
}

impl FromRequest for StaffUser {
    type Error = StaffError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, StaffError>>>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let fut = session_staff(req);
        Box::pin(async move { fut.await.map(StaffUser) })
    }
}

impl FromRequest for AdminUser {
    type Error = StaffError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, StaffError>>>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let fut = session_staff(req);
        Box::pin(async move {
            let account = fut.await?;
            if account.is_admin() {
                Ok(AdminUser(account))
            } else {
                Err(AppError::Forbidden("This page is for administrators.".into()).into())
            }
        })
    }
}

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    csrf_token: String,
    email: String,
    error: Option<String>,
}

pub async fn login_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let page = LoginPage {
        csrf_token: crate::csrf::token(&req, &state),
        email: String::new(),
        error: None,
    };
    render_into(
        HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")),
        &page,
    )
}

#[derive(serde::Deserialize)]
pub struct LoginForm {
    email: Option<String>,
    password: Option<String>,
    csrf_token: Option<String>,
}

/// A PHC string to verify against when the account does not exist, so that a failed login
/// costs the same time either way.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| crate::auth::hash_password(&token::generate()).unwrap_or_default())
}

enum LoginOutcome {
    Ok(String),
    Refused,
    Throttled(i64),
}

pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    state.limiter.check(&req)?;
    let form = form.into_inner();
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    let password = form.password.unwrap_or_default();
    let ip = crate::client_ip::client_ip(&req, &state.settings.trusted_proxies)
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into());
    let old_session = SESSION.value(&req, state.settings.https());
    let email_for_db = email.clone();
    let outcome = state
        .db(move |conn| -> Result<LoginOutcome, AppError> {
            let now = db::now();
            let since = now - Duration::minutes(WINDOW_MINUTES);
            let account_key = format!("account:{email_for_db}");
            let address_key = format!("address:{ip}");
            for (key, max) in [
                (&account_key, MAX_FAILURES_PER_ACCOUNT),
                (&address_key, MAX_FAILURES_PER_ADDRESS),
            ] {
                let (n, oldest) = sessions::failures_since(conn, key, since)?;
                if n >= max {
                    let wait = oldest
                        .map(|t| (t + Duration::minutes(WINDOW_MINUTES) - now).num_seconds())
                        .unwrap_or(60)
                        .max(1);
                    return Ok(LoginOutcome::Throttled(wait));
                }
            }
            let account =
                staff::find_by_email(conn, &email_for_db)?.filter(|a| a.disabled_at.is_none());
            let hash = account
                .as_ref()
                .map(|a| a.password_hash.clone())
                .unwrap_or_else(|| dummy_hash().to_string());
            let valid = crate::auth::verify_password(&password, &hash);
            match account {
                Some(account) if valid => {
                    sessions::clear_failures(conn, &account_key)?;
                    if let Some(old) = old_session {
                        sessions::delete(conn, &token::hash(&old))?;
                    }
                    let secret = token::generate();
                    sessions::create(conn, account.id, &token::hash(&secret), now)?;
                    Ok(LoginOutcome::Ok(secret))
                }
                _ => {
                    sessions::record_failure(conn, &account_key, now)?;
                    sessions::record_failure(conn, &address_key, now)?;
                    Ok(LoginOutcome::Refused)
                }
            }
        })
        .await?;
    match outcome {
        LoginOutcome::Ok(secret) => {
            let https = state.settings.https();
            let mut res = HttpResponse::SeeOther();
            res.insert_header((header::LOCATION, "/staff"))
                .cookie(SESSION.set(secret, https));
            if let Some(stale) = SESSION.removal_of_plain(https) {
                res.cookie(stale);
            }
            Ok(res.finish())
        }
        LoginOutcome::Refused => {
            tracing::warn!("failed staff login");
            let page = LoginPage {
                csrf_token: crate::csrf::token(&req, &state),
                email,
                error: Some("Wrong e-mail address or password.".into()),
            };
            Ok(render_into(&mut HttpResponse::Unauthorized(), &page))
        }
        LoginOutcome::Throttled(wait) => Err(AppError::RateLimited(wait as u64).into()),
    }
}

#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    pub csrf_token: Option<String>,
}

pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let https = state.settings.https();
    if let Some(secret) = SESSION.value(&req, https) {
        state
            .db(move |conn| -> Result<_, AppError> {
                Ok(sessions::delete(conn, &token::hash(&secret))?)
            })
            .await?;
    }
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, "/staff/login"));
    for gone in SESSION.removal(https) {
        res.cookie(gone);
    }
    Ok(res.finish())
}
