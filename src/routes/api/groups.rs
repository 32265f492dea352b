//! `/api/v1/groups`: create a group, read and change one.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde_json::Value;

use super::doc::{GroupCreate, GroupPatch, Lookup, StaffWrite};
use super::extract::{parse_body, ApiStaff};
use super::home_json::group_json;
use super::home_json::GroupJson;
use crate::domain::group::GroupInput;
use crate::error::AppError;
use crate::services::groups as service;
use crate::state::AppState;

/// Create a group.
#[utoipa::path(
    post,
    path = "/groups",
    operation_id = "groups_create",
    tag = "groups",
    request_body = GroupCreate,
    responses(
        (status = 201, description = "Created.", body = GroupJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
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

/// A group with its people (chairs first) and milestones.
#[utoipa::path(
    get,
    path = "/groups/{slug}",
    operation_id = "groups_get",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    responses(
        (status = 200, description = "The group.", body = GroupJson),
        Lookup,
    ),
)]
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
#[utoipa::path(
    patch,
    path = "/groups/{slug}",
    operation_id = "groups_patch",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    request_body = GroupPatch,
    responses(
        (status = 200, description = "Changed.", body = GroupJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
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
