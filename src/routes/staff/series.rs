//! Staff: creating a weekly series.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, page, see_other, StaffChrome};
use crate::db::groups;
use crate::domain::reminders::Reminders;
use crate::domain::series::SeriesInput;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::series as service;
use crate::state::AppState;

/// The weekdays of the series form, by their iCalendar codes.
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

#[derive(Debug, Default, serde::Deserialize)]
pub struct SeriesForm {
    csrf_token: Option<String>,
    group: Option<String>,
    title: Option<String>,
    description: Option<String>,
    format: Option<String>,
    timezone: Option<String>,
    first_start: Option<String>,
    duration_minutes: Option<String>,
    interval_weeks: Option<String>,
    wd_mo: Option<String>,
    wd_tu: Option<String>,
    wd_we: Option<String>,
    wd_th: Option<String>,
    wd_fr: Option<String>,
    wd_sa: Option<String>,
    wd_su: Option<String>,
    until: Option<String>,
    count: Option<String>,
    venue: Option<String>,
    city: Option<String>,
    country: Option<String>,
    online_url: Option<String>,
    online_details: Option<String>,
    in_person_capacity: Option<String>,
    remote_capacity: Option<String>,
    verify_email: Option<String>,
    status: Option<String>,
    /// Reminder lead times, minutes separated by commas ("1440, 60"; empty for none).
    reminders: Option<String>,
    /// The agenda of every occurrence, in Markdown.
    agenda: Option<String>,
    /// "Preview" was pressed: show the form again with the agenda rendered, save nothing.
    preview: Option<String>,
}

fn number(errors: &mut FieldErrors, field: &str, v: Option<&str>) -> Option<i64> {
    let v = v.map(str::trim).filter(|v| !v.is_empty())?;
    v.parse()
        .map_err(|_| errors.add(field, super::LANG.msg("staff-error-number")))
        .ok()
}

impl SeriesForm {
    fn input(&self) -> (SeriesInput, FieldErrors) {
        let mut errors = FieldErrors::default();
        let days: Vec<String> = [
            (&self.wd_mo, "MO"),
            (&self.wd_tu, "TU"),
            (&self.wd_we, "WE"),
            (&self.wd_th, "TH"),
            (&self.wd_fr, "FR"),
            (&self.wd_sa, "SA"),
            (&self.wd_su, "SU"),
        ]
        .iter()
        .filter(|(v, _)| v.is_some())
        .map(|(_, d)| d.to_string())
        .collect();
        let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let input = SeriesInput {
            group: text(&self.group),
            title: text(&self.title),
            description: text(&self.description),
            format: text(&self.format),
            timezone: text(&self.timezone),
            first_start: text(&self.first_start),
            duration_minutes: number(
                &mut errors,
                "duration_minutes",
                self.duration_minutes.as_deref(),
            ),
            interval_weeks: number(
                &mut errors,
                "interval_weeks",
                self.interval_weeks.as_deref(),
            ),
            weekdays: (!days.is_empty()).then_some(days),
            until: text(&self.until),
            count: number(&mut errors, "count", self.count.as_deref()),
            venue: text(&self.venue),
            city: text(&self.city),
            country: text(&self.country),
            online_url: text(&self.online_url),
            online_details: text(&self.online_details),
            in_person_capacity: number(
                &mut errors,
                "in_person_capacity",
                self.in_person_capacity.as_deref(),
            ),
            remote_capacity: number(
                &mut errors,
                "remote_capacity",
                self.remote_capacity.as_deref(),
            ),
            verify_email: Some(self.verify_email.as_deref() == Some("on")),
            status: text(&self.status),
            reminders: self
                .reminders
                .as_deref()
                .and_then(|t| Reminders::parse_text(&mut errors, t)),
            agenda: self.agenda.clone(),
            ..SeriesInput::default()
        };
        (input, errors)
    }
}

#[derive(Template)]
#[template(path = "staff/series_form.html")]
struct FormPage {
    chrome: StaffChrome,
    f: SeriesForm,
    groups: Vec<(String, String)>,
    days: [&'static str; 7],
    errors: FieldErrors,
}

impl FormPage {
    /// The agenda as it will show on each occurrence's page.
    fn agenda_preview(&self) -> String {
        crate::markdown::to_safe_html(self.v(&self.f.agenda))
    }
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
    fn v<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or("")
    }
    fn day_label(&self, code: &str) -> String {
        super::LANG.msg(match code {
            "MO" => "staff-series-day-mo",
            "TU" => "staff-series-day-tu",
            "WE" => "staff-series-day-we",
            "TH" => "staff-series-day-th",
            "FR" => "staff-series-day-fr",
            "SA" => "staff-series-day-sa",
            _ => "staff-series-day-su",
        })
    }
    fn day_checked(&self, code: &str) -> bool {
        let f = &self.f;
        match code {
            "MO" => f.wd_mo.is_some(),
            "TU" => f.wd_tu.is_some(),
            "WE" => f.wd_we.is_some(),
            "TH" => f.wd_th.is_some(),
            "FR" => f.wd_fr.is_some(),
            "SA" => f.wd_sa.is_some(),
            _ => f.wd_su.is_some(),
        }
    }
}

async fn groups_list(state: &web::Data<AppState>) -> Result<Vec<(String, String)>, AppError> {
    state
        .db(|conn| -> Result<_, AppError> {
            Ok(groups::all(conn)?
                .into_iter()
                .map(|g| (g.slug, g.name))
                .collect())
        })
        .await
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
) -> Result<HttpResponse, StaffError> {
    let groups = groups_list(&state).await?;
    let f = SeriesForm {
        format: Some("online".into()),
        timezone: Some("UTC".into()),
        duration_minutes: Some("60".into()),
        interval_weeks: Some("1".into()),
        verify_email: Some("on".into()),
        ..SeriesForm::default()
    };
    Ok(page(
        StatusCode::OK,
        &FormPage {
            chrome: chrome(&req, &state, &me.0, None),
            f,
            groups,
            days: DAYS,
            errors: FieldErrors::default(),
        },
    ))
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<SeriesForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let (input, form_errors) = form.input();
    if form.preview.is_some() {
        let groups = groups_list(&state).await?;
        return Ok(page(
            StatusCode::OK,
            &FormPage {
                chrome: chrome(&req, &state, &me.0, None),
                f: form,
                groups,
                days: DAYS,
                errors: form_errors,
            },
        ));
    }
    let base_url = state.mail.base_url.clone();
    let actor = me.0.clone();
    let result = state
        .db(move |conn| {
            if !form_errors.is_empty() {
                return Err(AppError::Validation(form_errors));
            }
            service::create(conn, &input, &base_url, Some(&actor)).map(|(s, _)| s.id)
        })
        .await;
    match result {
        Ok(id) => {
            state.calendar_changed();
            Ok(see_other(&format!("/series/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            let groups = groups_list(&state).await?;
            Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    chrome: chrome(&req, &state, &me.0, None),
                    f: form,
                    groups,
                    days: DAYS,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
