//! What the API's handlers take from a request: a JSON body read field by field, and the
//! staff member a bearer token stands for.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::staff::{self, Staff};
use crate::domain::{token, FieldErrors};
use crate::error::AppError;
use crate::state::AppState;

/// How JSON bodies are read: at most `BODY_LIMIT`, and every failure as a JSON error.
pub fn json_config() -> web::JsonConfig {
    json_config_up_to(crate::routes::BODY_LIMIT)
}

/// JSON bodies of at most `limit` bytes, every failure as a JSON error.
pub fn json_config_up_to(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(|err, _| {
            use actix_web::error::JsonPayloadError as E;
            let e = match err {
                E::OverflowKnownLength { .. } | E::Overflow { .. } => AppError::PayloadTooLarge,
                E::ContentType => AppError::UnsupportedMediaType("application/json"),
                E::Deserialize(e) => {
                    AppError::BadRequest(format!("The body is not valid JSON: {e}"))
                }
                other => AppError::BadRequest(format!("The body could not be read: {other}")),
            };
            e.into()
        })
}

/// The body's fields; any other JSON value is a 400.
pub fn json_object(body: Value) -> Result<Map<String, Value>, AppError> {
    match body {
        Value::Object(fields) => Ok(fields),
        _ => Err(AppError::BadRequest(
            "The body must be a JSON object.".into(),
        )),
    }
}

/// `current` as JSON with the fields named in `cleared` set to null, then the fields of
/// `patch` in place of its own: what a `PATCH` asks for.
pub fn patched_json<T: Serialize>(
    current: &T,
    cleared: &[&str],
    patch: Map<String, Value>,
) -> Result<Value, AppError> {
    let mut merged = serde_json::to_value(current).map_err(|e| AppError::Internal(e.into()))?;
    for k in cleared {
        merged[*k] = Value::Null;
    }
    for (k, v) in patch {
        merged[k] = v;
    }
    Ok(merged)
}

/// Reads a JSON object into `T`; a field of the wrong type is a 422 naming the field.
pub fn parse_body<T: DeserializeOwned>(body: Value) -> Result<T, AppError> {
    let mut body = Value::Object(json_object(body)?);
    whole_numbers_as_integers(&mut body);
    serde_path_to_error::deserialize(body).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let mut fields = FieldErrors::default();
        if inner.starts_with("unknown field") {
            let name = inner.split('`').nth(1).unwrap_or(path.as_str()).to_string();
            fields.add(&name, "Unknown field.");
        } else {
            fields.add(&path, strip_position(&inner));
        }
        AppError::Validation(fields)
    })
}

/// JSON has one kind of number: `3.0` is the whole number 3 (as JSON Schema's `integer`
/// says), which serde would refuse for an integer field.
fn whole_numbers_as_integers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                // Within ±2^53 every whole f64 is exact; beyond that, leave it to be refused.
                if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 {
                    *value = Value::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A staff member authenticated by `Authorization: Bearer <token>`.
pub struct ApiStaff(pub Staff);

impl FromRequest for ApiStaff {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let secret = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_string());
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let (Some(secret), Some(state)) = (secret, state) else {
                return Err(AppError::Unauthorized);
            };
            if !token::looks_valid(&secret) {
                return Err(AppError::Unauthorized);
            }
            let hash = token::hash(&secret);
            let found = state
                .db(move |conn| -> Result<_, AppError> {
                    Ok(staff::authenticate_token(conn, &hash, crate::db::now())?)
                })
                .await?;
            found.map(ApiStaff).ok_or(AppError::Unauthorized)
        })
    }
}

/// A staff member if the request carries `Authorization`, else nobody. A header that names no
/// valid token is refused (`401`), never taken as anonymous.
pub struct MaybeApiStaff(pub Option<Staff>);

impl FromRequest for MaybeApiStaff {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().contains_key(header::AUTHORIZATION) {
            let staff = ApiStaff::from_request(req, payload);
            Box::pin(async move { staff.await.map(|s| MaybeApiStaff(Some(s.0))) })
        } else {
            Box::pin(std::future::ready(Ok(MaybeApiStaff(None))))
        }
    }
}
