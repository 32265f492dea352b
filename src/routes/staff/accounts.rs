//! Admins: staff accounts.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{AdminUser, CsrfOnly, StaffError};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::auth::{self, NewAccount, Role};
use crate::db;
use crate::db::sessions;
use crate::db::staff::{self, Staff};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct AccountsPage {
    chrome: StaffChrome,
    accounts: Vec<Staff>,
    error: Option<String>,
}

/// The accounts page; with an error (what was wrong with a new account) it answers 422.
async fn accounts_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &Staff,
    notice: Option<String>,
    error: Option<String>,
) -> Result<HttpResponse, StaffError> {
    let accounts = state
        .db(|conn| -> Result<_, AppError> { Ok(staff::all(conn)?) })
        .await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(page(
        status,
        &AccountsPage {
            chrome: chrome(req, state, me, notice),
            accounts,
            error,
        },
    ))
}

pub async fn accounts(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    accounts_page(&req, &state, &me.0, done_notice(&done), None).await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AccountForm {
    csrf_token: Option<String>,
    email: Option<String>,
    name: Option<String>,
    role: Option<String>,
    password: Option<String>,
}

pub async fn create_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    form: web::Form<AccountForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let role = match form.role.as_deref() {
        Some("admin") => Role::Admin,
        _ => Role::Organizer,
    };
    let account = match NewAccount::parse(
        form.email.as_deref().unwrap_or(""),
        form.name.as_deref().unwrap_or(""),
        role,
        form.password.as_deref().unwrap_or(""),
    ) {
        Ok(account) => account,
        Err(e) => return refused(&req, &state, &me.0, e).await,
    };
    let hash = auth::hash_password(account.password.clone()).await?;
    let actor = me.0.clone();
    let created = state
        .db(move |conn| {
            db::write_tx(conn, |conn| -> Result<_, AppError> {
                let created = match account.insert(conn, &hash)? {
                    Ok(created) => created,
                    Err(exists) => return Ok(Err(exists.into())),
                };
                let after = serde_json::json!({"email": created.email, "name": created.name, "role": created.role});
                let subject = format!("staff:{}", created.email);
                sessions::audit(conn, &actor, "staff.create", &subject, None, Some(&after))?;
                Ok(Ok(()))
            })
        })
        .await?;
    match created {
        Ok(()) => Ok(see_other("/staff/accounts?done=account")),
        Err(e) => refused(&req, &state, &me.0, e).await,
    }
}

/// The accounts page again with what was wrong (422); messages name form fields, not
/// command-line options.
async fn refused(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &Staff,
    error: anyhow::Error,
) -> Result<HttpResponse, StaffError> {
    let error = error.to_string().replace("--", "");
    accounts_page(req, state, me, None, Some(error)).await
}

pub async fn disable_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    if id == me.0.id {
        return Err(AppError::Conflict {
            code: "conflict",
            message: super::LANG.msg("staff-accounts-disable-self"),
        }
        .into());
    }
    let actor = me.0.clone();
    state
        .db(move |conn| -> Result<_, AppError> {
            let account = staff::find(conn, id)?.ok_or(AppError::NotFound("account"))?;
            staff::set_disabled(conn, id, Some(db::now()))?;
            sessions::delete_for_staff(conn, id)?;
            sessions::audit(
                conn,
                &actor,
                "staff.disable",
                &format!("staff:{}", account.email),
                None,
                None,
            )?;
            Ok(())
        })
        .await?;
    Ok(see_other("/staff/accounts?done=disabled"))
}
