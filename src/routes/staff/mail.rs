//! Staff: failed mail, which can be queued again.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{CsrfOnly, StaffError, StaffUser};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::db;
use crate::db::outbox::{self, OutboxMessage};
use crate::db::sessions;
use crate::error::AppError;
use crate::state::AppState;

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
