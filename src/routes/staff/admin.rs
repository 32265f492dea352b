//! Staff: groups, failed mail, own password; for admins: accounts, API tokens, audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{AdminUser, CsrfOnly, StaffError, StaffUser};
use super::{chrome, page, see_other, Done, StaffChrome};
use crate::auth::{self, Role};
use crate::db::groups::{self, Group};
use crate::db::outbox::{self, OutboxMessage};
use crate::db::sessions::{self, AuditEntry};
use crate::db::staff::{self, ApiToken, Staff};
use crate::db::{self};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::meetings::{self as meeting_service, GroupInput};
use crate::state::AppState;

fn done_notice(done: &Done) -> Option<String> {
    done.done.as_deref().map(|d| match d {
        "group" => "Group created.".to_string(),
        "retried" => "The message is queued again.".to_string(),
        "password" => "Password changed. Other sessions have been signed out.".to_string(),
        "account" => "Account created.".to_string(),
        "disabled" => "Account disabled; its sessions and tokens no longer work.".to_string(),
        "revoked" => "Token revoked.".to_string(),
        _ => "Done.".to_string(),
    })
}

#[derive(Template)]
#[template(path = "staff/groups.html")]
struct GroupsPage {
    chrome: StaffChrome,
    groups: Vec<Group>,
    f: GroupInput,
    errors: FieldErrors,
}

impl GroupsPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

pub async fn groups(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let groups = state
        .db(|conn| -> Result<_, AppError> { Ok(groups::all(conn)?) })
        .await?;
    Ok(page(
        StatusCode::OK,
        &GroupsPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            groups,
            f: GroupInput::default(),
            errors: FieldErrors::default(),
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct GroupForm {
    csrf_token: Option<String>,
    slug: Option<String>,
    name: Option<String>,
    description: Option<String>,
    contact_email: Option<String>,
}

pub async fn create_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<GroupForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let input = GroupInput {
        slug: form.slug,
        name: form.name,
        description: form.description,
        contact_email: form.contact_email,
    };
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            match meeting_service::create_group(conn, &input, Some(&actor)) {
                Ok(_) => Ok(Ok(())),
                Err(AppError::Validation(errors)) => Ok(Err((input, errors, groups::all(conn)?))),
                Err(AppError::Conflict { message, .. }) => {
                    let mut errors = FieldErrors::default();
                    errors.add("slug", message);
                    Ok(Err((input, errors, groups::all(conn)?)))
                }
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(()) => Ok(see_other("/staff/groups?done=group")),
        Err((f, errors, groups)) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &GroupsPage {
                chrome: chrome(&req, &state, &me.0, None),
                groups,
                f,
                errors,
            },
        )),
    }
}

#[derive(Template)]
#[template(path = "staff/mail.html")]
struct MailPage {
    chrome: StaffChrome,
    failed: Vec<OutboxMessage>,
    pending: i64,
    sent: i64,
}

pub async fn mail(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let (failed, pending, sent) = state
        .db(|conn| -> Result<_, AppError> {
            Ok((
                outbox::failed(conn, 500)?,
                outbox::count_by_status(conn, outbox::PENDING)?,
                outbox::count_by_status(conn, outbox::SENT)?,
            ))
        })
        .await?;
    Ok(page(
        StatusCode::OK,
        &MailPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            failed,
            pending,
            sent,
        },
    ))
}

pub async fn retry_mail(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let actor = me.0.clone();
    state
        .db(move |conn| -> Result<_, AppError> {
            if !outbox::retry(conn, id, db::now())? {
                return Err(AppError::NotFound("failed message"));
            }
            sessions::audit(
                conn,
                &actor,
                "mail.retry",
                &format!("outbox:{id}"),
                None,
                None,
            )?;
            Ok(())
        })
        .await?;
    state.wake_mailer();
    Ok(see_other("/staff/mail?done=retried"))
}

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
    let current_session = req
        .cookie(super::session::COOKIE)
        .map(|c| crate::domain::token::hash(c.value()));
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
}

pub async fn create_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let actor = me.0.clone();
    let result = state
        .db(move |conn| -> Result<_, AppError> {
            let email = form.email.unwrap_or_default();
            let label = form.label.unwrap_or_default();
            match auth::create_token(conn, &email, &label) {
                Ok(secret) => {
                    sessions::audit(
                        conn,
                        &actor,
                        "token.create",
                        &format!("staff:{email}"),
                        None,
                        Some(&serde_json::json!({"label": label})),
                    )?;
                    Ok(Ok(secret))
                }
                Err(e) => Ok(Err(e.to_string().replace("--name", "the label"))),
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

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    chrome: StaffChrome,
    entries: Vec<AuditEntry>,
}

pub async fn audit(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: AdminUser,
) -> Result<HttpResponse, StaffError> {
    let entries = state
        .db(|conn| -> Result<_, AppError> { Ok(sessions::audit_entries(conn, 1000)?) })
        .await?;
    Ok(page(
        StatusCode::OK,
        &AuditPage {
            chrome: chrome(&req, &state, &me.0, None),
            entries,
        },
    ))
}
