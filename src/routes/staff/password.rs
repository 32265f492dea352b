//! Staff: changing one's own password (the current one is checked like a sign-in; the
//! account is mailed; other sessions end).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::auth;
use crate::db::staff::{self, Staff};
use crate::db::{self, sessions};
use crate::domain::password::NewPassword;
use crate::domain::token;
use crate::error::AppError;
use crate::mail::account;
use crate::services::staff_auth::{self, Attempt, Purpose, Verdict};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/password.html")]
struct PasswordPage {
    chrome: StaffChrome,
    error: Option<String>,
}

pub async fn password_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    Ok(page(
        StatusCode::OK,
        &PasswordPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            error: None,
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PasswordForm {
    csrf_token: Option<String>,
    current: Option<String>,
    new: Option<String>,
    confirm: Option<String>,
}

pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let client = crate::client_ip::client_ip(&req, &state.settings.trusted_proxies);
    let attempt = Attempt {
        email: me.0.email.clone(),
        client: client.clone(),
        purpose: Purpose::PasswordChange,
    };
    let current = form.current.unwrap_or_default();
    let new = match staff_auth::check_password(&state, attempt, current).await? {
        Verdict::Throttled(wait) => return Err(AppError::RateLimited(wait).into()),
        Verdict::Invalid => Err(super::LANG.msg("staff-password-wrong")),
        Verdict::Valid(_) => new_password(&me.0, form.new, form.confirm),
    };
    let new = match new {
        Ok(new) => new,
        Err(error) => return Ok(refused(&req, &state, &me.0, error)),
    };
    let hash = auth::hash_password(new).await?;
    let session = super::session::session_secret(&req).map(|s| token::hash(&s));
    store(&state, me.0, hash, session, client.map(|ip| ip.to_string())).await?;
    state.wake_mailer();
    Ok(see_other("/staff/password?done=password"))
}

/// Stores the new hash and signs out every other session of the account (the one that
/// made the change keeps its age), with an audit entry and a mail to the account.
async fn store(
    state: &AppState,
    actor: Staff,
    hash: String,
    session: Option<String>,
    address: Option<String>,
) -> Result<(), AppError> {
    let mail = state.mail.clone();
    state
        .db(move |conn| {
            db::write_tx(conn, |conn| -> Result<_, AppError> {
                staff::set_password_hash(conn, actor.id, &hash)?;
                let keep = session.as_deref().unwrap_or("");
                sessions::delete_others_for_staff(conn, actor.id, keep)?;
                let subject = format!("staff:{}", actor.email);
                sessions::audit(conn, &actor, "staff.change_password", &subject, None, None)?;
                let (now, address) = (db::now(), address.as_deref());
                account::enqueue_password_changed(conn, &mail, &actor, now, address)?;
                Ok(())
            })
        })
        .await
}

/// The new password, if both copies match and it follows the rules.
fn new_password(
    me: &Staff,
    new: Option<String>,
    confirm: Option<String>,
) -> Result<NewPassword, String> {
    let new = new.unwrap_or_default();
    if Some(&new) != confirm.as_ref() {
        return Err(super::LANG.msg("staff-password-mismatch"));
    }
    NewPassword::parse(&new, &me.email)
        .map_err(|e| super::LANG.msg1("staff-password-not-changed", "reason", e.to_string()))
}

/// The form again, with what was wrong (422).
fn refused(req: &HttpRequest, state: &AppState, me: &Staff, error: String) -> HttpResponse {
    page(
        StatusCode::UNPROCESSABLE_ENTITY,
        &PasswordPage {
            chrome: chrome(req, state, me, None),
            error: Some(error),
        },
    )
}
