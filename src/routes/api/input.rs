//! `GET /api/v1/groups/{slug}/input` (the published input, no address), and staff hiding
//! an item: `POST /api/v1/groups/{slug}/input/{id}/hide` and `…/unhide`.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::doc::{ListingQuery, StaffLookup};
use super::extract::ApiStaff;
use super::json::utc_rfc3339;
use crate::db::inputs::{self, Input};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::plain_text::obscure_addresses;
use crate::routes::input::PAGE_SIZE;
use crate::services::inputs as service;
use crate::state::AppState;

/// One published item: what the archive page shows, as plain text.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InputJson {
    id: i64,
    /// Addresses typed in the text show as `name@…`.
    name: String,
    subject: String,
    /// Plain text, lines separated by `\n`.
    message: String,
    #[schema(format = DateTime)]
    created_at: String,
    #[schema(format = DateTime)]
    published_at: Option<String>,
}

/// `GET /api/v1/groups/{slug}/input`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InputList {
    pub input: Vec<InputJson>,
    /// The path of the next page, or null.
    pub next: Option<String>,
}

impl InputJson {
    fn of(i: &Input) -> InputJson {
        InputJson {
            id: i.id,
            name: obscure_addresses(&i.name),
            subject: obscure_addresses(&i.subject),
            message: obscure_addresses(&i.message),
            created_at: utc_rfc3339(i.created_at),
            published_at: i.published_at.map(utc_rfc3339),
        }
    }
}

/// `?page=`: a whole number from 1 (the default) to 100000.
#[derive(serde::Deserialize)]
pub struct ApiPage {
    page: Option<String>,
}

impl ApiPage {
    fn number(&self) -> Result<i64, AppError> {
        match self.page.as_deref().map(str::trim) {
            None => Ok(1),
            Some(p) => match p.parse::<i64>() {
                Ok(n) if (1..=100_000).contains(&n) => Ok(n),
                _ => {
                    let mut errors = FieldErrors::default();
                    errors.add("page", "A whole number from 1 to 100000.");
                    Err(AppError::Validation(errors))
                }
            },
        }
    }
}

/// The group's published items that are not hidden, newest first, a page (`?page=`) at a
/// time; `next` is the next page's path, or null.
#[utoipa::path(
    get,
    path = "/groups/{slug}/input",
    operation_id = "input_list",
    tag = "input",
    params(
        ("slug" = String, Path, description = "The group's slug."),
        ("page" = Option<i64>, Query, minimum = 1, maximum = 100000, description = "The page, from 1."),
    ),
    responses(
        (status = 200, description = "The items, newest first.", body = InputList),
        ListingQuery,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<ApiPage>,
) -> Result<HttpResponse, AppError> {
    let page = query.number()?;
    let slug = slug.into_inner();
    let s = slug.clone();
    let mut rows = state
        .db(move |conn| -> Result<_, AppError> {
            let group = crate::services::groups::by_slug(conn, &s)?;
            Ok(inputs::published_page(
                conn,
                group.id,
                (page - 1) * PAGE_SIZE,
                PAGE_SIZE + 1,
            )?)
        })
        .await?;
    let next = (rows.len() as i64 > PAGE_SIZE)
        .then(|| format!("/api/v1/groups/{slug}/input?page={}", page + 1));
    rows.truncate(PAGE_SIZE as usize);
    let input: Vec<InputJson> = rows.iter().map(InputJson::of).collect();
    Ok(HttpResponse::Ok().json(InputList { input, next }))
}

/// Hide a published item from the archive (kept, marked hidden, recorded in the audit log).
#[utoipa::path(
    post,
    path = "/groups/{slug}/input/{id}/hide",
    operation_id = "input_hide",
    tag = "input",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The item's id.")),
    responses(
        (status = 204, description = "Hidden."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn hide(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    set_hidden(state, staff, path.into_inner(), true).await
}

/// Show a hidden item in the archive again (recorded in the audit log).
#[utoipa::path(
    post,
    path = "/groups/{slug}/input/{id}/unhide",
    operation_id = "input_unhide",
    tag = "input",
    params(("slug" = String, Path, description = "The group's slug."), ("id" = i64, Path, description = "The item's id.")),
    responses(
        (status = 204, description = "Shown."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn unhide(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    set_hidden(state, staff, path.into_inner(), false).await
}

async fn set_hidden(
    state: web::Data<AppState>,
    staff: ApiStaff,
    (slug, id): (String, i64),
    hidden: bool,
) -> Result<HttpResponse, AppError> {
    state
        .db(move |conn| service::set_hidden(conn, &staff.0, &slug, id, hidden))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
