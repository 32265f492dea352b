//! The observer's own page behind the secret link `/r/{token}`: one page for a meeting and
//! for a whole series.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::db::seats;
use crate::domain::{Attendance, MeetingStatus, RegistrationStatus};
use crate::error::{AppError, HtmlError};
use crate::ics::{Invitation, Method};
use crate::mail::MailContext;
use crate::services::registrations::manage::{self as service, Cancelled, Managed};
use crate::services::registrations::pending;
use crate::services::registrations::Subject;
use crate::state::AppState;
use crate::templates::{self, ManagePage, SeatRow};
use crate::views;

#[derive(Debug, Default, serde::Deserialize)]
pub struct ManageQuery {
    pub done: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ManageForm {
    pub csrf_token: Option<String>,
    pub attendance: Option<String>,
}

/// Manage pages carry a secret in their URL: never cached, never sent as a referrer.
pub(crate) fn private(
    res: &mut actix_web::HttpResponseBuilder,
) -> &mut actix_web::HttpResponseBuilder {
    res.insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("X-Robots-Tag", "noindex"))
}

fn page(
    ui: crate::i18n::Ui,
    found: Managed,
    token: String,
    csrf_token: String,
    notice: Option<String>,
) -> ManagePage {
    let now = crate::db::now();
    let lang = ui.lang;
    let about = found.subject.about();
    let r = &found.registration;
    let attendance = r.attendance();
    let shown = about.meeting();
    let holds_seat = holds_confirmed_seat(&found);
    let online = shown.filter(|m| m.format().has_online());
    let open = found.subject.open_meetings(now).unwrap_or_default();
    let seats = match found.subject {
        Subject::Series(_) => found
            .seats
            .iter()
            .filter(|(_, m)| m.ends_at >= now)
            .map(|(s, m)| SeatRow {
                when: views::when_local(lang, m),
                title: m.title.clone(),
                status: lang.msg(match (m.status(), s.status.as_str()) {
                    (MeetingStatus::Cancelled, _) => "manage-seat-meeting-cancelled",
                    (_, "waitlisted") => "manage-seat-waitlisted",
                    (_, "confirmed") => "manage-seat-confirmed",
                    _ => "manage-seat-cancelled",
                }),
            })
            .collect(),
        Subject::Meeting(..) => Vec::new(),
    };
    ManagePage {
        ui,
        token,
        name: r.name.clone(),
        title: about.title().to_string(),
        page_path: about.page_url(""),
        group: about.group().name.clone(),
        attendance: attendance.label(lang),
        status: found.status.as_str(),
        when: about.when_in(lang),
        place: shown.and_then(views::place),
        join_url: online
            .filter(|m| holds_seat || m.public_online_url().is_some())
            .and_then(|m| m.online_url.clone()),
        online_details: online
            .filter(|_| holds_seat)
            .and_then(|m| m.online_details.clone()),
        join_now: service::join_now(&found, now).map(str::to_string),
        seats,
        other_attendance: Attendance::ALL
            .iter()
            .copied()
            .find(|a| *a != attendance && open.iter().any(|m| m.format().offers(*a)))
            .map(|a| (a.as_str(), a.label(lang))),
        can_change: !open.is_empty(),
        csrf_token,
        notice,
        materials: Vec::new(),
    }
}

/// Whether the registration holds a confirmed seat in what it is for (for a whole series: in
/// one of its meetings): who sees a join URL limited to registrants.
fn holds_confirmed_seat(found: &Managed) -> bool {
    found.registration.is_active()
        && seats::confirmed_among(
            found.seats.iter().map(|(s, _)| s),
            found.subject.about().meeting_id(),
        )
}

async fn find(state: &web::Data<AppState>, token: String) -> Result<Managed, AppError> {
    state
        .db(move |conn| service::find_by_token(conn, &token))
        .await
}

/// The registration and the registrants-only materials its link reaches.
async fn find_with_materials(
    state: &web::Data<AppState>,
    token: String,
) -> Result<(Managed, Vec<(String, String)>), AppError> {
    state
        .db(move |conn| {
            let found = service::find_by_token(conn, &token)?;
            let materials = super::materials::for_manage_page(conn, &found, &token)?;
            Ok((found, materials))
        })
        .await
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    query: web::Query<ManageQuery>,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let (found, materials) = find_with_materials(&state, token.clone()).await?;
    let ui = crate::i18n::Ui::of(&req);
    let notice = match query.done.as_deref() {
        Some("cancelled") => Some(ui.msg("manage-done-cancelled")),
        Some("attendance") => Some(ui.msg("manage-done-attendance")),
        Some("confirmed") => Some(ui.msg("manage-done-confirmed")),
        _ => None,
    };
    let csrf = crate::csrf::token(&req, &state);
    let mut page = page(ui, found, token, csrf, notice);
    page.materials = materials;
    Ok(templates::render_into(
        private(&mut HttpResponse::Ok()),
        &page,
    ))
}

fn back_to(token: &str, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/r/{token}?done={done}")))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .finish()
}

/// One observer action behind the link: the CSRF check, then `action` in the database with
/// the mail context and the link's secret; queued mail is sent at once. Returns the secret
/// and the outcome.
async fn act<T: Send + 'static>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    token: web::Path<String>,
    form: &ManageForm,
    action: impl FnOnce(&mut crate::db::DbConn, &MailContext, &str) -> Result<T, AppError>
        + Send
        + 'static,
) -> Result<(String, Result<T, AppError>), HtmlError> {
    crate::csrf::verify(req, state, form.csrf_token.as_deref())?;
    let token = token.into_inner();
    let t = token.clone();
    let st = state.clone();
    let result = state.db(move |conn| action(conn, &st.mail, &t)).await;
    if result.is_ok() {
        state.wake_mailer();
    }
    Ok((token, result))
}

pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, HtmlError> {
    let (token, done) = act(&req, &state, token, &form, service::cancel_by_token).await?;
    match done? {
        Cancelled::Cancelled => Ok(back_to(&token, "cancelled")),
        Cancelled::Withdrawn => {
            let ui = crate::i18n::Ui::of(&req);
            Ok(templates::render_into(
                private(&mut HttpResponse::Ok()),
                &templates::ErrorPage {
                    status: 200,
                    title: ui.msg("manage-withdrawn-title"),
                    message: ui.msg("manage-withdrawn"),
                    ui,
                },
            ))
        }
    }
}

/// `POST /r/{token}/confirm`: the owner of the address takes the place (a `GET` of the link
/// never does: mail scanners follow links).
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, HtmlError> {
    let (token, result) = act(&req, &state, token, &form, pending::confirm).await?;
    match result {
        Ok(_) => Ok(back_to(&token, "confirmed")),
        Err(e) => refused(&req, &state, token, e).await,
    }
}

pub async fn attendance(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, HtmlError> {
    let chosen = form.attendance.clone();
    let change = move |conn: &mut crate::db::DbConn, ctx: &MailContext, t: &str| {
        let attendance = chosen
            .as_deref()
            .and_then(Attendance::parse)
            .ok_or_else(|| {
                let mut errors = crate::domain::FieldErrors::default();
                errors.add(
                    "attendance",
                    format!("Must be one of: {}.", Attendance::names()),
                );
                AppError::Validation(errors)
            })?;
        service::change_attendance(conn, ctx, t, attendance)
    };
    let (token, result) = act(&req, &state, token, &form, change).await?;
    match result {
        Ok(_) => Ok(back_to(&token, "attendance")),
        Err(e) => refused(&req, &state, token, e).await,
    }
}

/// The manage page again with why a change was refused (full, closed, not offered), or the
/// error page for anything else.
async fn refused(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    token: String,
    e: AppError,
) -> Result<HttpResponse, HtmlError> {
    if !matches!(
        e,
        AppError::Conflict { .. } | AppError::Gone { .. } | AppError::Validation(_)
    ) {
        return Err(e.into());
    }
    let status = actix_web::ResponseError::status_code(&e);
    let ui = crate::i18n::Ui::of(req);
    let message = match &e {
        AppError::Validation(f) => f
            .say("attendance", ui.lang)
            .unwrap_or_else(|| ui.msg("manage-not-possible")),
        other => crate::error::public_message_in(other, ui.lang),
    };
    let found = find(state, token.clone()).await?;
    let page = page(
        ui,
        found,
        token,
        crate::csrf::token(req, state),
        Some(message),
    );
    Ok(templates::render_into(
        private(&mut HttpResponse::build(status)),
        &page,
    ))
}

/// The observer's own invite: the same calendar object the mails carry.
/// Its fixed words are in the language stored with the registration, whoever downloads it.
pub async fn invite(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let found = find(&state, token.clone()).await?;
    if found.status == RegistrationStatus::Pending {
        return Err(AppError::Conflict {
            code: "conflict",
            message: ui.msg("ics-invite-pending"),
        }
        .into());
    }
    let about = found.subject.about();
    let r = &found.registration;
    let confirmed = holds_confirmed_seat(&found);
    let cancelled = found.status == RegistrationStatus::Cancelled
        || about
            .meeting()
            .is_none_or(|m| m.status() == MeetingStatus::Cancelled)
            && matches!(found.subject, Subject::Meeting(..));
    let method = if cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    let from = &state.mail.from;
    let organizer_email = from.email.to_string();
    let show_url = confirmed
        || about
            .meeting()
            .is_some_and(|m| m.public_online_url().is_some());
    let text = about.invite(
        &state.mail.base_url,
        &Invitation {
            method,
            organizer_name: from.name.as_deref(),
            organizer_email: &organizer_email,
            attendee_name: &r.name,
            attendee_email: &r.email,
            accepted: confirmed,
            lang: r.lang(),
        },
        show_url,
        Some(crate::ics::manage_note(
            r.lang(),
            &state.mail.manage_url(&token),
        )),
        crate::clock::now(),
    );
    Ok(private(&mut HttpResponse::Ok())
        .content_type(format!(
            "text/calendar; method={}; charset=utf-8",
            method.as_str()
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"invite.ics\"",
        ))
        .body(text))
}
