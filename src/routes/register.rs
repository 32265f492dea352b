//! Registering through the web form or the JSON API, for a meeting or a whole series: one
//! path for both, into `services::registrations::register`.

use crate::db::registrations::Target;
use crate::domain::registration::{RawRegistration, RegistrationInput};
use crate::domain::FieldErrors;
use crate::error::{AppError, HtmlError};
use crate::i18n::Lang;
use crate::services::registrations::{self as service, Registered, Requester};
use crate::state::AppState;
use crate::templates::{self, RegistrationForm};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

/// The registration form's fields.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct RegisterForm {
    pub name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub attendance: Option<String>,
    pub consent: Option<String>,
    pub website: Option<String>,
    pub csrf_token: Option<String>,
    /// The "attend remotely instead" button of a full room.
    pub attend_remotely: Option<String>,
}

impl RegisterForm {
    /// The request, or every problem with it (consent and the honeypot included).
    fn parse(&self) -> Result<RegistrationInput, FieldErrors> {
        let attendance = match self.attend_remotely.as_deref() {
            Some("remote") => Some("remote".to_string()),
            _ => self.attendance.clone(),
        };
        let raw = RawRegistration {
            name: self.name.clone(),
            email: self.email.clone(),
            affiliation: self.affiliation.clone(),
            attendance,
        };
        let parsed = raw.parse();
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        if self.consent.as_deref() != Some("on") {
            errors.add("consent", crate::domain::Problem::Consent);
        }
        if self
            .website
            .as_deref()
            .is_some_and(|w| !w.trim().is_empty())
        {
            errors.add("website", crate::domain::Problem::LeaveEmpty);
        }
        match parsed {
            Ok(input) if errors.is_empty() => Ok(input),
            _ => Err(errors),
        }
    }

    /// The values to show again in a re-rendered form.
    pub fn kept(&self) -> RegistrationForm {
        RegistrationForm {
            name: self.name.clone().unwrap_or_default(),
            email: self.email.clone().unwrap_or_default(),
            affiliation: self.affiliation.clone().unwrap_or_default(),
            attendance: self.attendance.clone().unwrap_or_default(),
            consent: self.consent.as_deref() == Some("on"),
        }
    }
}

/// The meeting or series a registration route names: `/meetings/{id}/…` or
/// `/series/{id}/…`, also under `/api/v1`. An id that is not a number is not found (as an
/// HTML page, or a JSON error under `/api/`).
pub struct PathTarget(pub Target);

impl actix_web::FromRequest for PathTarget {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<PathTarget, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let path = req.path().trim_start_matches("/api/v1");
        let id = req.match_info().get("id").and_then(|id| id.parse().ok());
        let series = path.starts_with("/series/");
        let found = match (series, id) {
            (true, Some(id)) => Ok(PathTarget(Target::Series(id))),
            (false, Some(id)) => Ok(PathTarget(Target::Meeting(id))),
            (true, None) => Err(AppError::NotFound("series")),
            (false, None) => Err(AppError::NotFound("meeting")),
        };
        std::future::ready(found.map_err(|e| {
            if req.path().starts_with("/api/") {
                e.into()
            } else {
                HtmlError(e).into()
            }
        }))
    }
}

/// `POST /meetings/{id}/register` and `POST /series/{id}/register`.
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    target: PathTarget,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, HtmlError> {
    submit_form(req, state, target.0, form.into_inner()).await
}

async fn submit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    target: Target,
    form: RegisterForm,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    state.limiter.check(&req)?;
    // The registration keeps the page's language: its mail is written in it.
    let lang = crate::i18n::Ui::of(&req).lang;
    let outcome = match form.parse() {
        Ok(input) => run(&state, target, input, Requester::Anonymous, lang).await,
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match outcome {
        Ok(Registered::New { token, .. }) => Ok(see_other(&format!("/r/{token}"))),
        Ok(Registered::Pending) => Ok(see_other(&format!("{}/check-mail", path_of(target)))),
        Ok(Registered::Existing { .. }) => {
            let ui = crate::i18n::Ui::of(&req);
            Ok(templates::html(&crate::templates::ErrorPage {
                status: 200,
                title: ui.msg("register-existing-title"),
                message: ui.msg("register-existing"),
                ui,
            }))
        }
        Err(e @ (AppError::NotFound(_) | AppError::Unavailable | AppError::Internal(_))) => {
            Err(e.into())
        }
        Err(error) => {
            let status = match actix_web::ResponseError::status_code(&error) {
                StatusCode::OK => StatusCode::UNPROCESSABLE_ENTITY,
                s => s,
            };
            let (errors, notice) = match error {
                AppError::Validation(fields) => (fields, None),
                other => (
                    FieldErrors::default(),
                    Some(crate::error::public_message_in(
                        &other,
                        crate::i18n::Ui::of(&req).lang,
                    )),
                ),
            };
            let mut res = HttpResponse::build(status);
            match target {
                Target::Meeting(id) => {
                    super::pages::form_again(
                        &req,
                        &state,
                        &mut res,
                        id,
                        form.kept(),
                        errors,
                        notice,
                    )
                    .await
                }
                Target::Series(id) => {
                    let page = super::series::page(&req, &state, id, errors, notice).await?;
                    Ok(templates::render_into(&mut res, &page))
                }
            }
        }
    }
}

/// Registers in the database; the meeting's group comes from the page cache when it can.
pub(crate) async fn run(
    state: &web::Data<AppState>,
    target: Target,
    input: RegistrationInput,
    requester: Requester,
    lang: Lang,
) -> Result<Registered, AppError> {
    let st = state.clone();
    let outcome = state
        .db(move |conn| {
            let group = match target {
                Target::Meeting(id) => Some(
                    super::pages::cached_public_meeting(conn, &st, id)?
                        .group
                        .clone(),
                ),
                Target::Series(_) => None,
            };
            service::register(
                conn,
                &st.mail,
                target,
                group.as_ref(),
                &input,
                requester,
                lang,
            )
        })
        .await;
    state.wake_mailer();
    outcome
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// `/meetings/{id}` or `/series/{id}`.
fn path_of(target: Target) -> String {
    match target {
        Target::Meeting(id) => format!("/meetings/{id}"),
        Target::Series(id) => format!("/series/{id}"),
    }
}

/// `GET /meetings/{id}/check-mail` and `GET /series/{id}/check-mail`: where the form leads
/// when the address must be confirmed. The same page for every address, new or known.
pub async fn check_mail(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    target: PathTarget,
) -> Result<HttpResponse, HtmlError> {
    Ok(templates::html(&templates::CheckMailPage {
        back: path_of(target.0),
        hours: crate::mail::context::describe_duration(ui.lang, state.mail.pending),
        ui,
    }))
}
