//! Staff: changing one's own password.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::auth;
use crate::db;
use crate::db::sessions;
use crate::db::staff;
use crate::error::AppError;
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
    let new = form.new.unwrap_or_default();
    let error =
        if !auth::verify_password(form.current.as_deref().unwrap_or(""), &me.0.password_hash) {
            Some("The current password is wrong.".to_string())
        } else if Some(&new) != form.confirm.as_ref() {
            Some("The new passwords do not match.".to_string())
        } else {
            auth::check_password_strength(&new)
                .err()
                .map(|e| format!("Not changed: {e}."))
        };
    if let Some(error) = error {
        return Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                chrome: chrome(&req, &state, &me.0, None),
                error: Some(error),
            },
        ));
    }
    let hash = auth::hash_password(&new).map_err(AppError::Internal)?;
    let actor = me.0.clone();
    let current_session = crate::cookies::SESSION
        .value(&req, state.settings.https())
        .map(|c| crate::domain::token::hash(&c));
    state
        .db(move |conn| -> Result<_, AppError> {
            staff::set_password_hash(conn, actor.id, &hash)?;
            // Sign out every other session of this account.
            sessions::delete_for_staff(conn, actor.id)?;
            if let Some(h) = current_session {
                sessions::create(conn, actor.id, &h, db::now())?;
            }
            sessions::audit(
                conn,
                &actor,
                "staff.change_password",
                &format!("staff:{}", actor.email),
                None,
                None,
            )?;
            Ok(())
        })
        .await?;
    Ok(see_other("/staff/password?done=password"))
}
