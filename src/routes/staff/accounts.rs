//! Admins: staff accounts.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{AdminUser, CsrfOnly, StaffError};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::auth::{self, Role};
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

pub async fn accounts(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let accounts = state
        .db(|conn| -> Result<_, AppError> { Ok(staff::all(conn)?) })
        .await?;
    Ok(page(
        StatusCode::OK,
        &AccountsPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            accounts,
            error: None,
        },
    ))
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
    let actor = me.0.clone();
    let result = state
        .db(move |conn| -> Result<_, AppError> {
            let created = auth::create_staff(
                conn,
                form.email.as_deref().unwrap_or(""),
                form.name.as_deref().unwrap_or(""),
                role,
                form.password.as_deref().unwrap_or(""),
            );
            match created {
                Ok(account) => {
                    sessions::audit(
                        conn,
                        &actor,
                        "staff.create",
                        &format!("staff:{}", account.email),
                        None,
                        Some(&serde_json::json!({"email": account.email, "name": account.name, "role": account.role})),
                    )?;
                    Ok(Ok(()))
                }
                Err(e) => Ok(Err((e.to_string().replace("--", ""), staff::all(conn)?))),
            }
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other("/staff/accounts?done=account")),
        Err((error, accounts)) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountsPage {
                chrome: chrome(&req, &state, &me.0, None),
                accounts,
                error: Some(error),
            },
        )),
    }
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
            message: "You cannot disable your own account.".into(),
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
