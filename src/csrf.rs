//! CSRF protection for HTML forms: a random per-browser cookie, and in each form an HMAC
//! of it under the secret key (signed double submit). Under `/staff` the HMAC also covers
//! the staff session cookie (`SessionBinding`), so a token from one staff session does not
//! validate in another, and a cookie planted from elsewhere is not enough to forge one. A
//! POST whose token does not match is refused with 403 before anything changes.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::cookies::CSRF;
use crate::error::AppError;
use crate::state::AppState;

/// The cookie value chosen for a browser that had none, kept for the handler and the response.
#[derive(Clone)]
struct FreshCookie(String);

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Sets the CSRF cookie on pages whose forms needed a fresh one (see `token`).
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let https = req
        .app_data::<actix_web::web::Data<AppState>>()
        .is_some_and(|s| s.settings.https());
    let mut res = next.call(req).await?;
    let fresh = res.request().extensions().get::<FreshCookie>().cloned();
    if let Some(FreshCookie(value)) = fresh {
        res.response_mut().add_cookie(&CSRF.set(value, https)).ok();
    }
    Ok(res)
}

/// This browser's cookie value; a browser without one gets a new value, which the
/// middleware sets on the response. Only pages with forms ask, so feeds, assets and JSON
/// answers carry no cookie. A browser that holds it only under the old plain name (from
/// before https) gets it under the `__Host-` name with the same value, so its open forms
/// stay valid.
fn cookie_value(req: &HttpRequest, https: bool) -> String {
    if let Some(value) = CSRF.value(req, https) {
        if CSRF.only_plain(req, https) && req.extensions().get::<FreshCookie>().is_none() {
            req.extensions_mut().insert(FreshCookie(value.clone()));
        }
        return value;
    }
    if let Some(f) = req.extensions().get::<FreshCookie>() {
        return f.0.clone();
    }
    let value = crate::domain::token::generate();
    req.extensions_mut().insert(FreshCookie(value.clone()));
    value
}

/// What a request's tokens are bound to besides the CSRF cookie: the hash of its staff
/// session cookie. Set on staff requests by `routes::staff::session::bind_csrf`.
#[derive(Clone)]
pub struct SessionBinding(pub String);

fn sign(req: &HttpRequest, secret: &[u8], value: &str) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(b"csrf:");
    mac.update(value.as_bytes());
    if let Some(SessionBinding(session)) = req.extensions().get::<SessionBinding>() {
        mac.update(b"\0session:");
        mac.update(session.as_bytes());
    }
    Some(mac)
}

/// The token to put in this browser's forms.
pub fn token(req: &HttpRequest, state: &AppState) -> String {
    sign(
        req,
        &state.secret,
        &cookie_value(req, state.settings.https()),
    )
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
    let value = CSRF
        .value(req, state.settings.https())
        .ok_or_else(refused)?;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(submitted.trim())
        .map_err(|_| refused())?;
    let mac = sign(req, &state.secret, &value).ok_or_else(refused)?;
    mac.verify_slice(&raw).map_err(|_| refused())
}
