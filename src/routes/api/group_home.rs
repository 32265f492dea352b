//! `/api/v1/groups/{slug}/members|milestones|updates`: a group's people, milestones and
//! updates, written by staff through the same services as the staff pages.

use actix_web::{web, HttpResponse};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::doc::{LookupAsAnyone, MilestoneCreate, StaffLookup, StaffWrite, UpdateCreate};
use super::extract::{json_object, parse_body, patched_json, ApiStaff, MaybeApiStaff};
use super::home_json::{MemberJson, MilestoneJson, UpdateJson};
use crate::db::updates;
use crate::domain::home::{MemberInput, MilestoneInput, UpdateInput};
use crate::error::AppError;
use crate::services::{groups, members, milestones, updates as update_service};
use crate::state::AppState;

/// `{slug}/…/{id}`; an id that is not a number names nothing (`404`).
fn item(path: web::Path<(String, String)>, what: &'static str) -> Result<(String, i64), AppError> {
    let (slug, id) = path.into_inner();
    let id = id.parse().map_err(|_| AppError::NotFound(what))?;
    Ok((slug, id))
}

/// The body's fields laid over the item as it is (a new one is empty): `null` clears.
fn laid_over<I>(fields: Map<String, Value>) -> impl FnOnce(Option<I>) -> Result<I, AppError>
where
    I: Serialize + DeserializeOwned + Default,
{
    move |current| parse_body(patched_json(&current.unwrap_or_default(), &[], fields)?)
}

/// Add a person to the group.
#[utoipa::path(
    post,
    path = "/groups/{slug}/members",
    operation_id = "groups_add_member",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    request_body = MemberInput,
    responses(
        (status = 201, description = "Added.", body = MemberJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn add_member(
    state: web::Data<AppState>,
    staff: ApiStaff,
    slug: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: MemberInput = parse_body(body.into_inner())?;
    let (_, member) = state
        .db(move |conn| members::add(conn, &slug, &input, &staff.0))
        .await?;
    Ok(HttpResponse::Created().json(MemberJson::from(&member)))
}

/// Remove a person from the group.
#[utoipa::path(
    delete,
    path = "/groups/{slug}/members/{id}",
    operation_id = "groups_remove_member",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The member's id.")),
    responses(
        (status = 204, description = "Removed."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn remove_member(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = item(path, "member")?;
    state
        .db(move |conn| members::remove(conn, &slug, id, &staff.0))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Creates (`id` none) or changes a milestone; a change is the body laid over the
/// milestone as it is (`null` unlinks the meeting).
async fn save_milestone(
    state: web::Data<AppState>,
    staff: ApiStaff,
    (slug, id): (String, Option<i64>),
    body: Value,
) -> Result<MilestoneJson, AppError> {
    let fields = json_object(body)?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (_, m) = milestones::save(conn, &slug, id, &staff.0, laid_over(fields))?;
            let linked = milestones::public_meeting(conn, &m)?;
            Ok::<_, AppError>(MilestoneJson::new(&base_url, &m, linked.as_ref()))
        })
        .await?;
    state.calendar_changed();
    Ok(json)
}

/// Add a milestone.
#[utoipa::path(
    post,
    path = "/groups/{slug}/milestones",
    operation_id = "groups_add_milestone",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    request_body = MilestoneCreate,
    responses(
        (status = 201, description = "Added.", body = MilestoneJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn add_milestone(
    state: web::Data<AppState>,
    staff: ApiStaff,
    slug: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let target = (slug.into_inner(), None);
    let json = save_milestone(state, staff, target, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(json))
}

/// Change a milestone: any subset of its fields (null unlinks the meeting).
#[utoipa::path(
    patch,
    path = "/groups/{slug}/milestones/{id}",
    operation_id = "groups_patch_milestone",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The milestone's id.")),
    request_body = MilestoneInput,
    responses(
        (status = 200, description = "Changed.", body = MilestoneJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn patch_milestone(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = item(path, "milestone")?;
    let json = save_milestone(state, staff, (slug, Some(id)), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(json))
}

/// Delete a milestone.
#[utoipa::path(
    delete,
    path = "/groups/{slug}/milestones/{id}",
    operation_id = "groups_delete_milestone",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The milestone's id.")),
    responses(
        (status = 204, description = "Deleted."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn delete_milestone(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = item(path, "milestone")?;
    state
        .db(move |conn| milestones::delete(conn, &slug, id, &staff.0))
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::NoContent().finish())
}

/// Creates (`id` none) or changes an update: the body laid over the update as it is.
async fn save_update(
    state: web::Data<AppState>,
    staff: ApiStaff,
    (slug, id): (String, Option<i64>),
    body: Value,
) -> Result<UpdateJson, AppError> {
    let fields = json_object(body)?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (group, u) =
                update_service::save(conn, &base_url, &slug, id, &staff.0, laid_over(fields))?;
            Ok::<_, AppError>(UpdateJson::new(&base_url, &group, &u))
        })
        .await?;
    state.calendar_changed();
    Ok(json)
}

/// Write an update (a status report); a published one gets a page and an Atom entry.
#[utoipa::path(
    post,
    path = "/groups/{slug}/updates",
    operation_id = "groups_add_update",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    request_body = UpdateCreate,
    responses(
        (status = 201, description = "Written.", body = UpdateJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn add_update(
    state: web::Data<AppState>,
    staff: ApiStaff,
    slug: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let json = save_update(state, staff, (slug.into_inner(), None), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(json))
}

/// Change an update: any subset of its fields.
#[utoipa::path(
    patch,
    path = "/groups/{slug}/updates/{id}",
    operation_id = "groups_patch_update",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The update's id.")),
    request_body = UpdateInput,
    responses(
        (status = 200, description = "Changed.", body = UpdateJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn patch_update(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = item(path, "update")?;
    let json = save_update(state, staff, (slug, Some(id)), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(json))
}

/// Delete an update.
#[utoipa::path(
    delete,
    path = "/groups/{slug}/updates/{id}",
    operation_id = "groups_delete_update",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The update's id.")),
    responses(
        (status = 204, description = "Deleted."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn delete_update(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = item(path, "update")?;
    state
        .db(move |conn| update_service::delete(conn, &slug, id, &staff.0))
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::NoContent().finish())
}

/// The group's published updates, newest first; with a staff token, drafts too.
#[utoipa::path(
    get,
    path = "/groups/{slug}/updates",
    operation_id = "groups_list_updates",
    tag = "groups",
    params(("slug" = String, Path, description = "The group's slug.")),
    responses(
        (status = 200, description = "The updates, newest first.", body = UpdateList),
        LookupAsAnyone,
    ),
    security((), ("bearer" = [])),
)]
pub async fn list_updates(
    state: web::Data<AppState>,
    staff: MaybeApiStaff,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let drafts = staff.0.is_some();
    let base_url = state.mail.base_url.clone();
    let list = state
        .db(move |conn| -> Result<_, AppError> {
            let group = groups::by_slug(conn, &slug)?;
            let rows = updates::of_group(conn, group.id, drafts, 500)?;
            Ok(rows
                .iter()
                .map(|u| UpdateJson::new(&base_url, &group, u))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(UpdateList { updates: list }))
}

/// `GET /api/v1/groups/{slug}/updates`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct UpdateList {
    pub updates: Vec<UpdateJson>,
}
