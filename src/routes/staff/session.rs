//! Staff sign-in: argon2id passwords checked within limits (`services::staff_auth`),
//! server-side sessions in an HttpOnly cookie that is replaced at login, expires when idle
//! or 12 hours after sign-in, and dies at logout.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError};
use askama::Template;
use chrono::Duration;

use crate::cookies::SESSION;
use crate::db::staff::Staff;
use crate::db::{self, sessions};
use crate::domain::token;
use crate::error::{AppError, HtmlError};
use crate::services::staff_auth::{self, Attempt, Purpose, Verdict};
use crate::state::AppState;
use crate::templates::render_into;

const IDLE: i64 = 2 * 3600;
const ABSOLUTE: i64 = 12 * 3600;

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
    let secret = session_secret(req);
    let state = req.app_data::<web::Data<AppState>>().cloned();
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
                Err(AppError::Forbidden(super::LANG.msg("staff-admins-only")).into())
            }
        })
    }
}

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    /// Staff pages are in English.
    ui: crate::i18n::Ui,
    csrf_token: String,
    email: String,
    error: Option<String>,
}

pub async fn login_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let page = LoginPage {
        ui: crate::i18n::Ui::english(),
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

pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    state.limiter.check(&req)?;
    let form = form.into_inner();
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    let attempt = Attempt {
        email: email.clone(),
        client: crate::client_ip::client_ip(&req, &state.settings.trusted_proxies),
        purpose: Purpose::SignIn,
    };
    let password = form.password.unwrap_or_default();
    match staff_auth::check_password(&state, attempt, password).await? {
        Verdict::Valid(account) => {
            let secret = start_session(&state, account.id, session_secret(&req)).await?;
            Ok(signed_in(&state, secret))
        }
        Verdict::Invalid => {
            tracing::warn!("failed staff login");
            let page = LoginPage {
                ui: crate::i18n::Ui::english(),
                csrf_token: crate::csrf::token(&req, &state),
                email,
                error: Some(super::LANG.msg("staff-login-wrong")),
            };
            Ok(render_into(&mut HttpResponse::Unauthorized(), &page))
        }
        Verdict::Throttled(wait) => Err(AppError::RateLimited(wait).into()),
    }
}

/// A new session for the account, replacing the browser's old one; returns its secret.
async fn start_session(
    state: &AppState,
    staff_id: i64,
    old_session: Option<String>,
) -> Result<String, AppError> {
    state
        .db(move |conn| {
            db::write_tx(conn, |conn| -> Result<_, AppError> {
                if let Some(old) = old_session {
                    sessions::delete(conn, &token::hash(&old))?;
                }
                let secret = token::generate();
                sessions::create(conn, staff_id, &token::hash(&secret), db::now())?;
                Ok(secret)
            })
        })
        .await
}

/// The answer to a successful sign-in: the new session cookie, and on to the dashboard.
fn signed_in(state: &AppState, secret: String) -> HttpResponse {
    let https = state.settings.https();
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, "/staff"))
        .cookie(SESSION.set(secret, https));
    if let Some(stale) = SESSION.removal_of_plain(https) {
        res.cookie(stale);
    }
    res.finish()
}

/// Binds the CSRF tokens of staff requests to the staff session cookie they carry (see
/// `csrf`): the page that shows a form and the POST that sends it carry the same one.
pub async fn bind_csrf(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some(secret) = session_secret(req.request()) {
        req.extensions_mut()
            .insert(crate::csrf::SessionBinding(token::hash(&secret)));
    }
    next.call(req).await
}

/// The staff session secret this request carries, if any.
pub fn session_secret(req: &HttpRequest) -> Option<String> {
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.https());
    SESSION.value(req, https)
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
    if let Some(secret) = session_secret(&req) {
        state
            .db(move |conn| -> Result<_, AppError> {
                Ok(sessions::delete(conn, &token::hash(&secret))?)
            })
            .await?;
    }
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, "/staff/login"));
    for gone in SESSION.removal(state.settings.https()) {
        res.cookie(gone);
    }
    Ok(res.finish())
}
