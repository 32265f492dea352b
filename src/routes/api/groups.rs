//! `POST /api/v1/groups`.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde_json::Value;

use super::extract::{parse_body, ApiStaff};
use crate::db::groups::Group;
use crate::domain::group::GroupInput;
use crate::error::AppError;
use crate::services::groups as service;
use crate::state::AppState;

fn group_json(g: &Group, base_url: &str) -> Value {
    serde_json::json!({
        "id": g.id,
        "slug": g.slug,
        "name": g.name,
        "description": g.description,
        "contact_email": g.contact_email,
        "url": format!("{base_url}/groups/{}", g.slug),
        "ics_url": format!("{base_url}/groups/{}/calendar.ics", g.slug),
    })
}

pub async fn create(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: GroupInput = parse_body(body.into_inner())?;
    let group = state
        .db(move |conn| service::create(conn, &input, Some(&staff.0)))
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/groups/{}", group.slug)))
        .json(group_json(&group, &state.mail.base_url)))
}
