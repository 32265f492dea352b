//! One error type for the whole application, mapped to status codes in one place.
//! `AppError` answers as the contract's JSON error body; `HtmlError` wraps it for pages.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::db::meetings::Closed;
use crate::domain::FieldErrors;
use crate::i18n::{Lang, Ui};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("unsupported media type: send {0}")]
    UnsupportedMediaType(&'static str),
    #[error("the input is not valid")]
    Validation(FieldErrors),
    #[error("too many requests; try again in {0} seconds")]
    RateLimited(u64),
    #[error("the service is temporarily unavailable")]
    Unavailable,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict { code, .. } | AppError::Gone { code, .. } => code,
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::Validation(_) => "validation_failed",
            AppError::RateLimited(_) => "rate_limited",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message shown to the client: never internal details.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Internal(_) => "internal error; it has been logged".to_string(),
            other => other.to_string(),
        }
    }

    fn log(&self) {
        match self {
            AppError::Internal(e) => {
                tracing::error!(error = %crate::redact::text(&format!("{e:?}")), "request failed")
            }
            AppError::Unavailable => tracing::warn!("database unavailable"),
            _ => {}
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &e {
            Error::NotFound => AppError::NotFound("record"),
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                AppError::Unavailable
            }
            Error::DatabaseError(_, info)
                if info.message().contains("database is locked")
                    || info.message().contains("database is busy") =>
            {
                AppError::Unavailable
            }
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => AppError::Unavailable,
            _ => AppError::Internal(e.into()),
        }
    }
}

impl From<r2d2::Error> for AppError {
    fn from(_: r2d2::Error) -> Self {
        AppError::Unavailable
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::Internal(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Validation(e)
    }
}

/// The API's error body: `{"error":{"code","message","fields"}}`.
#[derive(serde::Serialize, utoipa::ToSchema, utoipa::ToResponse)]
#[response(description = "An error, named by `error.code`.")]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// What went wrong, e.g. `not_found`, `validation_failed`, `already_registered`.
    #[schema(value_type = String, example = "validation_failed")]
    pub code: &'static str,
    pub message: String,
    /// For `validation_failed`: a message for each field that is not valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub fields: Option<std::collections::BTreeMap<String, String>>,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        let error = ErrorDetail {
            code: self.code(),
            message: self.public_message(),
            fields: match self {
                AppError::Validation(fields) => Some(fields.0.clone()),
                _ => None,
            },
        };
        let mut res = HttpResponse::build(self.status_code());
        add_retry_after(self, &mut res);
        if matches!(self, AppError::Unauthorized) {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.json(ErrorBody { error })
    }
}

fn add_retry_after(e: &AppError, res: &mut actix_web::HttpResponseBuilder) {
    match e {
        AppError::RateLimited(secs) => {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        AppError::Unavailable => {
            res.insert_header((header::RETRY_AFTER, "5"));
        }
        _ => {}
    }
}

/// An `AppError` shown to a person as an HTML page.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct HtmlError(#[from] pub AppError);

impl From<diesel::result::Error> for HtmlError {
    fn from(e: diesel::result::Error) -> Self {
        HtmlError(e.into())
    }
}

impl From<actix_web::error::BlockingError> for HtmlError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        HtmlError(e.into())
    }
}

impl From<r2d2::Error> for HtmlError {
    fn from(e: r2d2::Error) -> Self {
        HtmlError(e.into())
    }
}

impl HtmlError {
    /// The error page in the language of `ui`.
    fn page(&self, ui: Ui) -> crate::templates::ErrorPage {
        let status = self.status_code();
        crate::templates::ErrorPage {
            status: status.as_u16(),
            title: title_in(status, ui.lang),
            message: public_message_in(&self.0, ui.lang),
            ui,
        }
    }
}

impl ResponseError for HtmlError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    /// The page in English: `localise` renders it again in the reader's language, which
    /// needs the request.
    fn error_response(&self) -> HttpResponse {
        self.0.log();
        let mut res = HttpResponse::build(self.status_code());
        add_retry_after(&self.0, &mut res);
        crate::templates::render_into(&mut res, &self.page(Ui::english()))
    }
}

/// Middleware of the public pages: an error page (`HtmlError`) is rendered again in the
/// reader's language (`Ui::of`), with the same status and headers. Staff pages stay English.
pub async fn localise(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    if res.request().path().starts_with("/staff") {
        return Ok(res.map_into_boxed_body());
    }
    let body = res
        .response()
        .error()
        .and_then(|e| e.as_error::<HtmlError>())
        .and_then(|e| match e.page(Ui::of(res.request())).render() {
            Ok(body) => Some(body),
            Err(err) => {
                tracing::error!(error = %err, "template failed");
                None
            }
        });
    Ok(match body {
        Some(body) => res.map_body(|_, _| BoxBody::new(body)),
        None => res.map_into_boxed_body(),
    })
}

/// An error page's title in `lang`, by its status.
pub fn title_in(status: StatusCode, lang: Lang) -> String {
    lang.msg(match status.as_u16() {
        400 => "errorpage-title-400",
        401 => "errorpage-title-401",
        403 => "errorpage-title-403",
        404 => "errorpage-title-404",
        409 => "errorpage-title-409",
        410 => "errorpage-title-410",
        413 => "errorpage-title-413",
        415 => "errorpage-title-415",
        422 => "errorpage-title-422",
        429 => "errorpage-title-429",
        503 => "errorpage-title-503",
        _ => "errorpage-title-500",
    })
}

/// What a page in `lang` says about `e`: in English the public message the API gives; in
/// another language its equivalent, by the error's kind (and, for refusals, by what was
/// refused). Never internal details.
pub fn public_message_in(e: &AppError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.public_message();
    }
    match e {
        AppError::NotFound(what) => not_found_in(what, lang),
        AppError::RateLimited(secs) => lang.msg1(
            "errorpage-rate-limited",
            "seconds",
            i64::try_from(*secs).unwrap_or(i64::MAX),
        ),
        AppError::Gone {
            code: "registration_closed",
            message,
        } => CLOSED
            .iter()
            .find(|c| c.message() == message)
            .map(|c| crate::views::closed_reason(lang, *c))
            .unwrap_or_else(|| lang.msg("errorpage-series-closed")),
        AppError::Gone { .. } => lang.msg("errorpage-gone"),
        AppError::Conflict { code, message } => {
            // The refusals an observer can meet, told apart by their English message.
            let by_series = message.contains("series");
            let confirm_first = message.starts_with("Confirm your registration first");
            let cancelled = message == "This registration has been cancelled.";
            lang.msg(match (*code, by_series, confirm_first, cancelled) {
                ("full", ..) => "errorpage-full",
                ("already_registered", true, ..) => "errorpage-already-by-series",
                ("already_registered", ..) => "errorpage-already-registered",
                (_, _, true, _) => "errorpage-confirm-first",
                (_, _, _, true) => "errorpage-registration-cancelled",
                _ => "errorpage-conflict",
            })
        }
        other => lang.msg(match other {
            AppError::BadRequest(_) => "errorpage-bad-request",
            AppError::Unauthorized => "errorpage-unauthorized",
            AppError::Forbidden(_) => "errorpage-forbidden",
            AppError::PayloadTooLarge => "errorpage-too-large",
            AppError::UnsupportedMediaType(_) => "errorpage-unsupported",
            AppError::Validation(_) => "errorpage-validation",
            AppError::Unavailable => "errorpage-unavailable",
            _ => "errorpage-internal",
        }),
    }
}

/// Why registration can be closed (matched by their English message, as `Gone` carries it).
const CLOSED: [Closed; 5] = [
    Closed::Draft,
    Closed::Cancelled,
    Closed::NotYetOpen,
    Closed::Closed,
    Closed::Past,
];

/// "This meeting was not found." and the like, in `lang`.
fn not_found_in(what: &str, lang: Lang) -> String {
    lang.msg(match what {
        "meeting" => "errorpage-not-found-meeting",
        "series" => "errorpage-not-found-series",
        "group" => "errorpage-not-found-group",
        "registration" | "link" | "token" => "errorpage-not-found-link",
        "material" => "errorpage-not-found-material",
        "update" => "errorpage-not-found-update",
        _ => "errorpage-not-found",
    })
}
