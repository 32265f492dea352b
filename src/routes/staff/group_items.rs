//! The editor's milestone and update forms (`/staff/groups/{slug}/milestones[/{id}]`,
//! `…/updates[/{id}]`: add or change) and its delete buttons, through the same services as
//! the API.

use actix_web::{web, HttpRequest, HttpResponse};

use super::group_page::{kept, submit, Failed};
use super::session::{CsrfOnly, StaffError, StaffUser};
use crate::db::staff::Staff;
use crate::db::DbConn;
use crate::domain::home::{MilestoneInput, UpdateInput};
use crate::error::AppError;
use crate::services::{members, milestones, updates};
use crate::state::AppState;

#[derive(Debug, Default, serde::Deserialize)]
pub struct MilestoneForm {
    csrf_token: Option<String>,
    date: Option<String>,
    title: Option<String>,
    description: Option<String>,
    status: Option<String>,
    /// A meeting id, or empty for none.
    meeting: Option<String>,
}

/// The group's slug and, when changing one, the item's id, from the path.
fn target(req: &HttpRequest) -> Result<(String, Option<i64>), AppError> {
    let slug = req.match_info().get("slug").unwrap_or_default().to_string();
    match req.match_info().get("id") {
        None => Ok((slug, None)),
        Some(id) => Ok((
            slug,
            Some(id.parse().map_err(|_| AppError::NotFound("item"))?),
        )),
    }
}

/// Adds a milestone, or changes the one the path names.
pub async fn save_milestone(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<MilestoneForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (slug, id) = target(&req)?;
    let f = form.into_inner();
    let input = MilestoneInput {
        date: f.date,
        title: f.title,
        description: f.description,
        status: f.status,
        // Not a number names no meeting (id 0), which the service refuses by field.
        meeting: f
            .meeting
            .filter(|m| !m.trim().is_empty())
            .map(|m| m.trim().parse().unwrap_or(0)),
    };
    submit(
        &req,
        &state,
        &me,
        (slug.clone(), "milestones"),
        move |conn, actor| {
            let given = input.clone();
            let result = milestones::save(conn, &slug, id, actor, |_| Ok(given));
            kept(result, |e| Failed::Milestone(id, input, e))
        },
    )
    .await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct UpdateForm {
    csrf_token: Option<String>,
    title: Option<String>,
    body: Option<String>,
    status: Option<String>,
}

/// Adds an update, or changes the one the path names.
pub async fn save_update(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<UpdateForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (slug, id) = target(&req)?;
    let f = form.into_inner();
    let input = UpdateInput {
        title: f.title,
        body: f.body,
        status: f.status,
    };
    let base_url = state.mail.base_url.clone();
    submit(
        &req,
        &state,
        &me,
        (slug.clone(), "updates"),
        move |conn, actor| {
            let given = input.clone();
            let result = updates::save(conn, &base_url, &slug, id, actor, |_| Ok(given));
            kept(result, |e| Failed::Update(id, input, e))
        },
    )
    .await
}

/// `POST /staff/groups/{slug}/{members|milestones|updates}/{id}/delete`.
pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    path: web::Path<(String, String, i64)>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (slug, kind, id) = path.into_inner();
    type Delete = fn(&mut DbConn, &str, i64, &Staff) -> Result<(), AppError>;
    let (section, delete): (&'static str, Delete) = match kind.as_str() {
        "members" => ("people", members::remove),
        "milestones" => ("milestones", milestones::delete),
        "updates" => ("updates", updates::delete),
        _ => return Err(AppError::NotFound("page").into()),
    };
    submit(
        &req,
        &state,
        &me,
        (slug.clone(), section),
        move |conn, actor| delete(conn, &slug, id, actor).map(Ok),
    )
    .await
}
