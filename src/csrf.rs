//! CSRF protection for HTML forms: a random per-browser cookie, and in each form an HMAC
//! of it under the secret key (signed double submit). A POST whose token does not match its
//! cookie is refused with 403 before anything changes.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::AppError;
use crate::state::AppState;

pub const COOKIE: &str = "quorum_csrf";

/// The cookie value chosen for a browser that had none, kept for the handler and the response.
#[derive(Clone)]
struct FreshCookie(String);

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Gives every browser a CSRF cookie on its first visit.
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let fresh = if req.cookie(COOKIE).is_none() && !req.path().starts_with("/api/") {
        let value = crate::domain::token::generate();
        req.extensions_mut().insert(FreshCookie(value.clone()));
        Some(value)
    } else {
        None
    };
    let secure = req
        .app_data::<actix_web::web::Data<AppState>>()
        .is_some_and(|s| s.settings.base_url.starts_with("https://"));
    let mut res = next.call(req).await?;
    // Only pages carry forms; feeds, assets and JSON stay cookie-free (and cacheable).
    let is_html = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let Some(value) = fresh.filter(|_| is_html) {
        let cookie = Cookie::build(COOKIE, value)
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie).ok();
    }
    Ok(res)
}

fn cookie_value(req: &HttpRequest) -> Option<String> {
    req.cookie(COOKIE)
        .map(|c| c.value().to_string())
        .or_else(|| req.extensions().get::<FreshCookie>().map(|f| f.0.clone()))
}

fn sign(secret: &[u8], value: &str) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(b"csrf:");
    mac.update(value.as_bytes());
    Some(mac)
}

/// The token to put in this browser's forms.
pub fn token(req: &HttpRequest, state: &AppState) -> String {
    cookie_value(req)
        .and_then(|v| sign(&state.secret, &v))
        .map(|mac| b64(&mac.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Checks a submitted token against the browser's cookie (constant time).
pub fn verify(
    req: &HttpRequest,
    state: &AppState,
    submitted: Option<&str>,
) -> Result<(), AppError> {
    let refused = || {
        AppError::Forbidden(
            "The form has expired or was not sent from this site. Go back, reload the page and try again."
                .into(),
        )
    };
    let submitted = submitted.ok_or_else(refused)?;
    let value = req.cookie(COOKIE).ok_or_else(refused)?;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(submitted.trim())
        .map_err(|_| refused())?;
    let mac = sign(&state.secret, value.value()).ok_or_else(refused)?;
    mac.verify_slice(&raw).map_err(|_| refused())
}
