//! Staff: the dashboard and the meeting forms (create, edit, copy, cancel).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::meeting_form::{
    edit_context, form_page, group_choices, new_context, MeetingForm, Submitted,
};
use super::session::{StaffError, StaffUser};
use super::{chrome, page, see_other, Done, StaffChrome};
use crate::db::meetings::{self, Listing};
use crate::db::{self, outbox};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::meetings::{self as service, MeetingInput};
use crate::state::AppState;
use crate::views::{self, SeatView};

pub struct Row {
    pub id: i64,
    pub title: String,
    pub group: String,
    pub when: String,
    pub status: String,
    pub seats: Vec<SeatView>,
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    chrome: StaffChrome,
    rows: Vec<Row>,
    failed_mail: i64,
    pending_mail: i64,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct DashboardQuery {
    past: Option<String>,
    done: Option<String>,
}

pub async fn dashboard(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, StaffError> {
    let past = query.past.is_some();
    let (rows, failed_mail, pending_mail) = state
        .db(move |conn| -> Result<_, AppError> {
            let now = db::now();
            let listing = Listing {
                from: (!past).then_some(now),
                to: past.then_some(now),
                newest_first: past,
                include_drafts: true,
                limit: Some(500),
                ..Listing::default()
            };
            let list = meetings::list(conn, &listing)?;
            let ids: Vec<i64> = list.iter().map(|(m, _)| m.id).collect();
            let counts = meetings::seat_counts(conn, &ids)?;
            let rows = list
                .iter()
                .map(|(m, g)| Row {
                    id: m.id,
                    title: m.title.clone(),
                    group: g.name.clone(),
                    when: views::when_local(m),
                    status: m.status.clone(),
                    seats: views::seats(m, &counts.get(&m.id).copied().unwrap_or_default()),
                })
                .collect();
            Ok((
                rows,
                outbox::count_by_status(conn, outbox::FAILED)?,
                outbox::count_by_status(conn, outbox::PENDING)?,
            ))
        })
        .await?;
    let notice = query.done.as_deref().map(notice_text);
    Ok(page(
        StatusCode::OK,
        &Dashboard {
            chrome: chrome(&req, &state, &me.0, notice),
            rows,
            failed_mail,
            pending_mail,
        },
    ))
}

fn notice_text(done: &str) -> String {
    match done {
        "created" => "Meeting created.".into(),
        "saved" => {
            "Saved. Observers get an updated invitation if the time, place or link changed.".into()
        }
        "cancelled" => "Meeting cancelled. Every observer is being told.".into(),
        _ => "Done.".into(),
    }
}

/// The form again, unsaved, after a day was added or removed.
async fn redisplay(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &StaffUser,
    id: Option<i64>,
    input: MeetingInput,
) -> Result<HttpResponse, StaffError> {
    let (ctx, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let ctx = match id {
                Some(id) => {
                    edit_context(&meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?)
                }
                None => new_context(),
            };
            Ok((ctx, group_choices(conn)?))
        })
        .await?;
    let chrome = chrome(req, state, &me.0, None);
    let form = form_page(chrome, ctx, input, groups, FieldErrors::default(), None);
    Ok(page(StatusCode::OK, &form))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    copy: Option<i64>,
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, StaffError> {
    let copy = query.copy;
    let (input, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let input = match copy {
                Some(id) => {
                    let (m, g) = meetings::find_with_group(conn, id)?
                        .ok_or(AppError::NotFound("meeting"))?;
                    let mut input = service::input_from(&m, &g);
                    input.status = Some("draft".into());
                    input.title = input.title.map(|t| format!("{t} (copy)"));
                    input
                }
                None => MeetingInput {
                    format: Some("hybrid".into()),
                    timezone: Some("UTC".into()),
                    waitlist: Some(true),
                    ..MeetingInput::default()
                },
            };
            Ok((input, group_choices(conn)?))
        })
        .await?;
    let mut ctx = new_context();
    if copy.is_some() {
        ctx.heading = "New meeting (copy)".into();
    }
    Ok(page(
        StatusCode::OK,
        &form_page(
            chrome(&req, &state, &me.0, None),
            ctx,
            input,
            groups,
            FieldErrors::default(),
            None,
        ),
    ))
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (input, form_errors) = match form.into_inner().into_input() {
        Submitted::Save(input, errors) => (input, errors),
        Submitted::EditDays(input) => return redisplay(&req, &state, &me, None, input).await,
    };
    let base_url = state.mail.base_url.clone();
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            let result = if form_errors.is_empty() {
                service::create(conn, &input, &base_url, Some(&actor)).map(|(m, _)| m.id)
            } else {
                Err(AppError::Validation(form_errors))
            };
            match result {
                Ok(id) => Ok(Ok(id)),
                Err(AppError::Validation(errors)) => Ok(Err((input, errors, group_choices(conn)?))),
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(id) => Ok(see_other(&format!(
            "/staff/meetings/{id}/edit?done=created"
        ))),
        Err((input, errors, groups)) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                chrome(&req, &state, &me.0, None),
                new_context(),
                input,
                groups,
                errors,
                None,
            ),
        )),
    }
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let (m, input, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let (m, g) =
                meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            let input = service::input_from(&m, &g);
            Ok((m, input, group_choices(conn)?))
        })
        .await?;
    let notice = done.done.as_deref().map(notice_text);
    Ok(page(
        StatusCode::OK,
        &form_page(
            chrome(&req, &state, &me.0, notice),
            edit_context(&m),
            input,
            groups,
            FieldErrors::default(),
            None,
        ),
    ))
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let (input, form_errors) = match form.into_inner().into_input() {
        Submitted::Save(input, errors) => (input, errors),
        Submitted::EditDays(input) => return redisplay(&req, &state, &me, Some(id), input).await,
    };
    let st = state.clone();
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            let result = if form_errors.is_empty() {
                service::update(conn, &st.mail, id, &input, &actor).map(|_| ())
            } else {
                Err(AppError::Validation(form_errors))
            };
            match result {
                Ok(()) => Ok(Ok(())),
                Err(e @ (AppError::Validation(_) | AppError::Conflict { .. })) => {
                    let (m, _) = meetings::find_with_group(conn, id)?
                        .ok_or(AppError::NotFound("meeting"))?;
                    Ok(Err((e, m, input, group_choices(conn)?)))
                }
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(()) => Ok(see_other(&format!("/staff/meetings/{id}/edit?done=saved"))),
        Err((e, m, input, groups)) => {
            let status = actix_web::ResponseError::status_code(&e);
            let (errors, form_error) = match e {
                AppError::Validation(errors) => (errors, None),
                other => (FieldErrors::default(), Some(other.public_message())),
            };
            Ok(page(
                status,
                &form_page(
                    chrome(&req, &state, &me.0, None),
                    edit_context(&m),
                    input,
                    groups,
                    errors,
                    form_error,
                ),
            ))
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelForm {
    csrf_token: Option<String>,
    reason: Option<String>,
}

pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<CancelForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let reason = form.into_inner().reason;
    let st = state.clone();
    let actor = me.0.clone();
    state
        .db(move |conn| service::cancel(conn, &st.mail, id, reason.as_deref(), &actor))
        .await?;
    state.calendar_changed();
    Ok(see_other(&format!(
        "/staff/meetings/{id}/edit?done=cancelled"
    )))
}
