//! `GET /api/v1/groups/{slug}/input` (the published input, no address), and staff hiding
//! an item: `POST /api/v1/groups/{slug}/input/{id}/hide` and `…/unhide`.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::extract::ApiStaff;
use super::json::utc_rfc3339;
use crate::db::inputs::{self, Input};
use crate::error::AppError;
use crate::plain_text::obscure_addresses;
use crate::routes::input::{PageQuery, PAGE_SIZE};
use crate::services::inputs as service;
use crate::state::AppState;

/// One published item: what the archive page shows, as plain text.
#[derive(Serialize)]
struct InputJson {
    id: i64,
    name: String,
    subject: String,
    message: String,
    created_at: String,
    published_at: Option<String>,
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

/// The group's published items that are not hidden, newest first, a page (`?page=`) at a
/// time; `next` is the next page's path, or null.
pub async fn list(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page_number();
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
    Ok(HttpResponse::Ok().json(serde_json::json!({ "input": input, "next": next })))
}

/// `POST /api/v1/groups/{slug}/input/{id}/hide` and `…/unhide`: `204`.
pub async fn set_hidden(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, i64, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id, action) = path.into_inner();
    let hidden = service::hiding(&action)?;
    state
        .db(move |conn| service::set_hidden(conn, &staff.0, &slug, id, hidden))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
