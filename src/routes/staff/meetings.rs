//! Staff: the meeting forms (create, edit, copy, cancel).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::meeting_form::{
    edit_context, form_page, group_choices, new_context, FormContext, MeetingForm, Submitted,
};
use super::session::{StaffError, StaffUser};
use super::{chrome, page, see_other, Done};
use crate::db::meetings;
use crate::db::DbConn;
use crate::domain::meeting::MeetingInput;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::meetings as service;
use crate::state::AppState;

pub(super) fn notice_text(done: &str) -> String {
    super::LANG.msg(match done {
        "created" => "staff-done-meeting-created",
        "saved" => "staff-done-meeting-saved",
        "cancelled" => "staff-done-meeting-cancelled",
        _ => "staff-done",
    })
}

/// The form of a new meeting (`None`) or of meeting `id`, with `input` as its values.
struct Shown {
    ctx: FormContext,
    input: MeetingInput,
    groups: Vec<(String, String)>,
}

impl Shown {
    fn load(conn: &mut DbConn, id: Option<i64>, input: MeetingInput) -> Result<Shown, AppError> {
        let ctx = match id {
            Some(id) => {
                edit_context(&meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?)
            }
            None => new_context(),
        };
        Shown::new(conn, ctx, input)
    }

    fn new(conn: &mut DbConn, ctx: FormContext, input: MeetingInput) -> Result<Shown, AppError> {
        Ok(Shown {
            ctx,
            input,
            groups: group_choices(conn)?,
        })
    }

    /// The page, with the notice above it, or the error that kept the values from being saved.
    fn page(
        self,
        req: &HttpRequest,
        state: &AppState,
        me: &StaffUser,
        notice: Option<String>,
        error: Option<AppError>,
    ) -> HttpResponse {
        let (status, errors, form_error) = match error {
            None => (StatusCode::OK, FieldErrors::default(), None),
            Some(AppError::Validation(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
            Some(other) => (
                actix_web::ResponseError::status_code(&other),
                FieldErrors::default(),
                Some(other.public_message()),
            ),
        };
        let chrome = chrome(req, state, &me.0, notice);
        let form = form_page(
            chrome,
            self.ctx,
            self.input,
            self.groups,
            errors,
            form_error,
        );
        page(status, &form)
    }
}

/// The form again, unsaved: after a day was added or removed or the agenda previewed, or with the `error` that
/// refused its values.
async fn redisplay(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &StaffUser,
    id: Option<i64>,
    input: MeetingInput,
    error: Option<AppError>,
) -> Result<HttpResponse, StaffError> {
    let shown = state.db(move |conn| Shown::load(conn, id, input)).await?;
    Ok(shown.page(req, state, me, None, error))
}

/// Saves a submitted meeting form with `save` (which answers the meeting's id): then on to
/// the edit page, or the form again when a day was added or removed or the values refused.
async fn submit<F>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &StaffUser,
    id: Option<i64>,
    form: MeetingForm,
    save: F,
) -> Result<HttpResponse, StaffError>
where
    F: FnOnce(&mut DbConn, &MeetingInput) -> Result<i64, AppError> + Send + 'static,
{
    crate::csrf::verify(req, state, form.csrf_token.as_deref())?;
    let (input, form_errors) = match form.into_input() {
        Submitted::Save(input, errors) => (input, errors),
        Submitted::Redisplay(input) => return redisplay(req, state, me, id, input, None).await,
    };
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            let saved = if form_errors.is_empty() {
                save(conn, &input)
            } else {
                Err(AppError::Validation(form_errors))
            };
            match saved {
                Ok(saved) => Ok(Ok(saved)),
                Err(e @ (AppError::Validation(_) | AppError::Conflict { .. })) => {
                    Ok(Err((e, input)))
                }
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(saved) => {
            let done = if id.is_some() { "saved" } else { "created" };
            Ok(see_other(&format!(
                "/staff/meetings/{saved}/edit?done={done}"
            )))
        }
        Err((e, input)) => redisplay(req, state, me, id, input, Some(e)).await,
    }
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
    let mut shown = state
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
            Shown::load(conn, None, input)
        })
        .await?;
    if copy.is_some() {
        shown.ctx.heading = super::LANG.msg("staff-meeting-new-copy");
    }
    Ok(shown.page(&req, &state, &me, None, None))
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    let base_url = state.mail.base_url.clone();
    let actor = me.0.clone();
    submit(
        &req,
        &state,
        &me,
        None,
        form.into_inner(),
        move |conn, input| service::create(conn, input, &base_url, Some(&actor)).map(|(m, _)| m.id),
    )
    .await
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let shown = state
        .db(move |conn| -> Result<_, AppError> {
            let (m, g) =
                meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            Shown::new(conn, edit_context(&m), service::input_from(&m, &g))
        })
        .await?;
    let notice = done.done.as_deref().map(notice_text);
    Ok(shown.page(&req, &state, &me, notice, None))
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let st = state.clone();
    let actor = me.0.clone();
    submit(
        &req,
        &state,
        &me,
        Some(id),
        form.into_inner(),
        move |conn, input| service::update(conn, &st.mail, id, input, &actor).map(|_| id),
    )
    .await
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
