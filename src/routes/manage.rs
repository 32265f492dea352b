//! The observer's own page behind the secret link `/r/{token}`.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

use crate::domain::{Attendance, RegistrationStatus};
use crate::error::{AppError, HtmlError};
use crate::ics::{self, EventSource, Invitation, Method};
use crate::services::registrations::{self as service, Managed};
use crate::services::series as series_service;
use crate::state::AppState;
use crate::templates::{self, ManagePage};
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
fn private(res: &mut actix_web::HttpResponseBuilder) -> &mut actix_web::HttpResponseBuilder {
    res.insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("X-Robots-Tag", "noindex"))
}

fn page(found: Managed, token: String, csrf_token: String, notice: Option<String>) -> ManagePage {
    let Managed {
        registration: r,
        meeting: m,
        group,
    } = found;
    let confirmed = r.status() == RegistrationStatus::Confirmed;
    let attendance = r.attendance();
    let other = Attendance::ALL
        .iter()
        .copied()
        .find(|a| *a != attendance && m.format().offers(*a));
    ManagePage {
        token,
        name: r.name.clone(),
        attendance: attendance.label(),
        attendance_value: attendance.as_str(),
        status: r.status().as_str(),
        when_local: views::when_local(&m),
        when_utc: views::when_utc(&m),
        place: views::place(&m),
        join_url: m
            .online_url
            .clone()
            .filter(|_| (confirmed || m.public_online_url().is_some()) && m.format().has_online()),
        online_details: m.online_details.clone().filter(|_| confirmed),
        other_attendance: other.map(|a| (a.as_str(), a.label())),
        can_change: m.registration_state(crate::db::now()).is_ok(),
        csrf_token,
        notice,
        m,
        group,
    }
}

#[derive(askama::Template)]
#[template(path = "pages/manage_series.html")]
struct SeriesManagePage {
    token: String,
    series_id: i64,
    title: String,
    group: String,
    name: String,
    attendance: &'static str,
    cancelled: bool,
    rows: Vec<(String, String, String)>,
    csrf_token: String,
    notice: Option<String>,
}

/// Either kind of registration behind a manage link (short-lived, so size does not matter).
#[allow(clippy::large_enum_variant)]
enum Found {
    One(Managed),
    Series(
        crate::db::series::SeriesRegistration,
        series_service::Loaded,
        Vec<(String, String, String)>,
    ),
}

async fn find_any(state: &web::Data<AppState>, token: String) -> Result<Found, AppError> {
    state
        .db(move |conn| -> Result<Found, AppError> {
            match service::find_by_token(conn, &token) {
                Ok(m) => Ok(Found::One(m)),
                Err(AppError::NotFound(_)) => {
                    match series_service::find_registration_by_token(conn, &token)? {
                        Some((reg, loaded)) => {
                            let now = crate::db::now();
                            let mut rows = Vec::new();
                            // Seats follow the registration, also into a series split off later.
                            for r in series_service::seats_of(conn, reg.id)? {
                                let Some(m) = crate::db::meetings::find(conn, r.meeting_id)? else {
                                    continue;
                                };
                                if m.ends_at < now {
                                    continue;
                                }
                                let status =
                                    if m.status() == crate::domain::MeetingStatus::Cancelled {
                                        "meeting cancelled".to_string()
                                    } else {
                                        r.status
                                    };
                                rows.push((views::when_local(&m), m.title.clone(), status));
                            }
                            Ok(Found::Series(reg, loaded, rows))
                        }
                        None => Err(AppError::NotFound("registration")),
                    }
                }
                Err(e) => Err(e),
            }
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
    let found = match find_any(&state, token.clone()).await? {
        Found::One(m) => m,
        Found::Series(reg, loaded, rows) => {
            let page = SeriesManagePage {
                token,
                series_id: loaded.series.id,
                title: loaded.series.title.clone(),
                group: loaded.group.name.clone(),
                name: reg.name.clone(),
                attendance: Attendance::parse(&reg.attendance)
                    .map(|a| a.label())
                    .unwrap_or(""),
                cancelled: reg.status == "cancelled",
                rows,
                csrf_token: crate::csrf::token(&req, &state),
                notice: (query.done.as_deref() == Some("cancelled"))
                    .then(|| "Your registration for the series has been cancelled.".to_string()),
            };
            return Ok(templates::render_into(
                private(&mut HttpResponse::Ok()),
                &page,
            ));
        }
    };
    let notice = match query.done.as_deref() {
        Some("cancelled") => Some(
            "Your registration has been cancelled. We have sent you a confirmation.".to_string(),
        ),
        Some("attendance") => Some(
            "Your attendance has been changed. We have sent you an updated invitation.".to_string(),
        ),
        _ => None,
    };
    let csrf = crate::csrf::token(&req, &state);
    let page = page(found, token, csrf, notice);
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

pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let token = token.into_inner();
    let t = token.clone();
    let st = state.clone();
    state
        .db(
            move |conn| match service::cancel_by_token(conn, &st.mail, &t) {
                Err(AppError::NotFound(_)) => {
                    series_service::cancel_registration(conn, &st.mail, &t)
                }
                other => other,
            },
        )
        .await?;
    state.wake_mailer();
    Ok(back_to(&token, "cancelled"))
}

pub async fn attendance(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let attendance = form
        .attendance
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
    let token = token.into_inner();
    let t = token.clone();
    let st = state.clone();
    let result = state
        .db(move |conn| service::change_attendance(conn, &st.mail, &t, attendance))
        .await;
    match result {
        Ok(_) => {
            state.wake_mailer();
            Ok(back_to(&token, "attendance"))
        }
        Err(e @ (AppError::Conflict { .. } | AppError::Gone { .. } | AppError::Validation(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let t = token.clone();
            let found = state
                .db(move |conn| service::find_by_token(conn, &t))
                .await?;
            let csrf = crate::csrf::token(&req, &state);
            let message = match &e {
                AppError::Validation(f) => {
                    f.get("attendance").unwrap_or("Not possible.").to_string()
                }
                other => other.public_message(),
            };
            let page = page(found, token, csrf, Some(message));
            Ok(templates::render_into(
                private(&mut HttpResponse::build(status)),
                &page,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The observer's own invite: the same calendar object the mails carry.
pub async fn invite(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let found = match find_any(&state, token.clone()).await? {
        Found::One(m) => m,
        Found::Series(reg, loaded, _) => {
            let method = if reg.status == "cancelled" {
                Method::Cancel
            } else {
                Method::Request
            };
            let text =
                series_service::registrant_invite(&state.mail, &loaded, &reg, Some(&token), method);
            return Ok(private(&mut HttpResponse::Ok())
                .content_type(format!(
                    "text/calendar; method={}; charset=utf-8",
                    method.as_str()
                ))
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"invite.ics\"",
                ))
                .body(text));
        }
    };
    let r = &found.registration;
    let confirmed = r.status() == RegistrationStatus::Confirmed;
    let cancelled = r.status() == RegistrationStatus::Cancelled
        || found.meeting.status() == crate::domain::MeetingStatus::Cancelled;
    let method = if cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    let source = EventSource {
        meeting: &found.meeting,
        group: &found.group,
        url: state.mail.meeting_url(&found.meeting),
        show_online_url: confirmed || found.meeting.public_online_url().is_some(),
        note: Some(format!(
            "Change or cancel your registration: {}",
            state.mail.manage_url(&token)
        )),
    };
    let from = &state.mail.from;
    let organizer_email = from.email.to_string();
    let text = ics::invite(
        &source,
        &Invitation {
            method,
            organizer_name: from.name.as_deref(),
            organizer_email: &organizer_email,
            attendee_name: &r.name,
            attendee_email: &r.email,
            accepted: confirmed,
        },
        Utc::now(),
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
