//! `POST /api/v1/meetings/{id}/registrations` and `POST /api/v1/series/{id}/registrations`:
//! registering through the API, on the same path as the web form (`routes::register::run`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::doc::Registering;
use super::extract::{parse_body, MaybeApiStaff};
use crate::db::registrations::Target;
use crate::domain::registration::RawRegistration;
use crate::domain::{schema, Attendance};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::register::{run, PathTarget};
use crate::services::registrations::{Registered, Requester};
use crate::state::AppState;

/// A registration request; unknown fields are refused.
#[derive(serde::Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationBody {
    #[schema(required = true, schema_with = schema::required_line::<200>)]
    name: Option<String>,
    #[schema(required = true, schema_with = schema::email)]
    email: Option<String>,
    #[schema(schema_with = schema::line::<200>)]
    affiliation: Option<String>,
    /// A way of attending that the meeting's format offers.
    #[schema(required = true, value_type = Attendance, nullable = false)]
    attendance: Option<String>,
    /// The language of the mail it gets; by default `QUORUM_DEFAULT_LANG`.
    #[schema(schema_with = schema::lang)]
    lang: Option<String>,
}

/// `201`: registered at once.
#[derive(Serialize, ToSchema)]
pub struct Registration {
    pub registration: Made,
}

#[derive(Serialize, ToSchema)]
pub struct Made {
    /// `confirmed`, or `waitlisted` when the mode is full and the meeting has a waitlist.
    #[schema(schema_with = schema::seat_status)]
    pub status: &'static str,
    #[schema(value_type = Attendance)]
    pub attendance: String,
    /// The secret link to see, change or cancel the registration.
    pub manage_url: String,
    /// The series, for a series registration.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub series: Option<i64>,
}

/// `202`: a link to confirm was mailed to the address (the same answer when it was
/// registered already).
#[derive(Serialize, ToSchema)]
pub struct PendingRegistration {
    pub registration: Pending,
}

#[derive(Serialize, ToSchema)]
pub struct Pending {
    #[schema(schema_with = schema::pending_status)]
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub series: Option<i64>,
}

/// A registration route: the same handler under a meeting's path and a series' path.
macro_rules! registration_route {
    ($(#[$doc:meta])* $name:ident, $path:literal, $operation:literal, $id:literal) => {
        $(#[$doc])*
        ///
        /// Anonymous requests for something that verifies addresses answer `202` and mail a
        /// link to confirm; with a staff bearer token the registration is made at once
        /// (`201`). A bearer token that is not valid is refused (`401`).
        #[utoipa::path(
            post,
            path = $path,
            operation_id = $operation,
            tag = "registrations",
            params(("id" = i64, Path, description = $id)),
            request_body = RegistrationBody,
            responses(
                (status = 201, description = "Registered at once (confirmed or waitlisted).", body = Registration),
                (status = 202, description = "Pending until the address is confirmed.", body = PendingRegistration),
                Registering,
            ),
            security((), ("bearer" = [])),
        )]
        pub async fn $name(
            req: HttpRequest,
            state: web::Data<AppState>,
            target: PathTarget,
            staff: MaybeApiStaff,
            body: web::Json<Value>,
        ) -> Result<HttpResponse, AppError> {
            register(req, state, target, staff, body.into_inner()).await
        }
    };
}

registration_route!(
    /// Register an observer for a meeting.
    for_meeting,
    "/meetings/{id}/registrations",
    "registrations_for_meeting",
    "The meeting's id."
);

registration_route!(
    /// Register an observer for every occurrence ahead of a series (one invite with the rule).
    for_series,
    "/series/{id}/registrations",
    "registrations_for_series",
    "The series' id."
);

async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    target: PathTarget,
    staff: MaybeApiStaff,
    body: Value,
) -> Result<HttpResponse, AppError> {
    let requester = match staff.0 {
        Some(_) => Requester::Staff,
        None => Requester::Anonymous,
    };
    if requester == Requester::Anonymous {
        state.limiter.check(&req)?;
    }
    let target = target.0;
    let b: RegistrationBody = parse_body(body)?;
    let parsed = RawRegistration {
        name: b.name,
        email: b.email,
        affiliation: b.affiliation,
        attendance: b.attendance,
    }
    .parse();
    let lang = match b.lang.as_deref().map(str::trim) {
        None => Some(state.settings.default_lang),
        Some(code) => Lang::parse(code),
    };
    let (input, lang) = match (parsed, lang) {
        (Ok(input), Some(lang)) => (input, lang),
        (parsed, lang) => {
            let mut errors = parsed.err().unwrap_or_default();
            if lang.is_none() {
                errors.add("lang", format!("Must be one of: {}.", lang_codes()));
            }
            return Err(AppError::Validation(errors));
        }
    };
    let series = match target {
        Target::Series(id) => Some(id),
        Target::Meeting(_) => None,
    };
    match run(&state, target, input, requester, lang).await? {
        Registered::New {
            registration,
            status,
            token,
        } => Ok(HttpResponse::Created().json(Registration {
            registration: Made {
                status: status.as_str(),
                attendance: registration.attendance,
                manage_url: state.mail.manage_url(&token),
                series,
            },
        })),
        Registered::Pending => Ok(HttpResponse::Accepted().json(PendingRegistration {
            registration: Pending {
                status: "pending",
                series,
            },
        })),
        Registered::Existing { .. } => Err(AppError::Conflict {
            code: "already_registered",
            message: "This address is already registered; the link to the registration has been mailed to it again.".into(),
        }),
    }
}

/// "en, fr, es, ar, zh, ru".
fn lang_codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}
