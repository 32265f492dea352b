//! Staff: a group's public input, every confirmed item with its author's address, and the
//! buttons that hide an item from the archive and show it again (each in the audit log).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{CsrfOnly, StaffError, StaffUser};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::db::groups::Group;
use crate::db::inputs::{self, Input};
use crate::error::AppError;
use crate::services::inputs as service;
use crate::state::AppState;

/// The most items the staff list shows.
const LIST_LIMIT: i64 = 1000;

#[derive(Template)]
#[template(path = "staff/input.html")]
struct InputListPage {
    chrome: StaffChrome,
    group: Group,
    items: Vec<Input>,
}

/// `GET /staff/groups/{slug}/input`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    slug: web::Path<String>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let slug = slug.into_inner();
    let (group, items) = state
        .db(move |conn| -> Result<_, AppError> {
            let group = crate::services::groups::by_slug(conn, &slug)?;
            let items = inputs::confirmed(conn, group.id, LIST_LIMIT)?;
            Ok((group, items))
        })
        .await?;
    Ok(page(
        StatusCode::OK,
        &InputListPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            group,
            items,
        },
    ))
}

/// `POST /staff/groups/{slug}/input/{id}/hide` and `…/unhide`.
pub async fn set_hidden(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    path: web::Path<(String, i64, String)>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (slug, id, action) = path.into_inner();
    let hidden = service::hiding(&action)?;
    let s = slug.clone();
    state
        .db(move |conn| service::set_hidden(conn, &me.0, &s, id, hidden))
        .await?;
    let done = if hidden { "hidden" } else { "shown" };
    Ok(see_other(&format!(
        "/staff/groups/{slug}/input?done={done}#input-{id}"
    )))
}
