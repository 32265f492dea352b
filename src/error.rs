//! One error type for the whole application, mapped to status codes in one place.
//! `AppError` answers as the contract's JSON error body; `HtmlError` wraps it for pages.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde_json::json;

use crate::domain::FieldErrors;

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
        let mut error = json!({ "code": self.code(), "message": self.public_message() });
        if let AppError::Validation(fields) = self {
            error["fields"] = json!(fields.0);
        }
        let mut res = HttpResponse::build(self.status_code());
        add_retry_after(self, &mut res);
        if matches!(self, AppError::Unauthorized) {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.json(json!({ "error": error }))
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

impl ResponseError for HtmlError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        self.0.log();
        let status = self.status_code();
        let page = crate::templates::ErrorPage {
            ui: crate::i18n::Ui::english(), // TODO(i18n): the reader's language
            status: status.as_u16(),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            message: self.0.public_message(),
        };
        let mut res = HttpResponse::build(status);
        add_retry_after(&self.0, &mut res);
        crate::templates::render_into(&mut res, &page)
    }
}
