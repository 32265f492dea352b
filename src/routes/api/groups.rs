//! `/api/v1/groups`: create a group, read and change one.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde_json::Value;

use super::extract::{parse_body, ApiStaff};
use super::home_json::group_json;
use crate::domain::group::GroupInput;
use crate::error::AppError;
use crate::services::groups as service;
use crate::state::AppState;

pub async fn create(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: GroupInput = parse_body(body.into_inner())?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let group = service::create(conn, &input, Some(&staff.0))?;
            group_json(conn, &group, &base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/groups/{}", json.slug)))
        .json(json))
}

pub async fn get(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let group = service::by_slug(conn, &slug)?;
            group_json(conn, &group, &base_url)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}

/// Any subset of `name, description, about, contact_email, input_email` (`""` clears an
/// address); `slug` may be given only unchanged.
pub async fn patch(
    state: web::Data<AppState>,
    staff: ApiStaff,
    slug: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let patch: GroupInput = parse_body(body.into_inner())?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let group = service::update(conn, &slug, patch, &staff.0)?;
            group_json(conn, &group, &base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}
