//! The staff page of a meeting's materials: upload a file, add a link, remove one. The same
//! service calls as the API; the upload form carries its CSRF token in the URL, since the
//! file comes before any other field of a multipart body.

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{CsrfOnly, StaffError, StaffUser};
use super::{chrome, page, see_other, Done, StaffChrome};
use crate::db::materials::{self, Material};
use crate::db::meetings::Meeting;
use crate::domain::material::MaterialFields;
use crate::domain::{MaterialKind, UrlVisibility};
use crate::error::AppError;
use crate::routes::api::materials::{is_multipart, upload};
use crate::services::materials as service;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/materials.html")]
struct MaterialsPage {
    chrome: StaffChrome,
    m: Meeting,
    materials: Vec<(Material, String)>,
    kinds: &'static [MaterialKind],
    visibilities: &'static [UrlVisibility],
}

pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let (m, found) = state
        .db(move |conn| -> Result<_, AppError> {
            let (m, _) = crate::db::meetings::find_with_group(conn, id)?
                .ok_or(AppError::NotFound("meeting"))?;
            Ok((m, materials::of_meetings(conn, &[id], false)?))
        })
        .await?;
    let notice = done.done.as_deref().map(|d| {
        super::LANG.msg(match d {
            "removed" => "staff-done-material-removed",
            _ => "staff-done-material-added",
        })
    });
    let materials = found
        .into_iter()
        .map(|x| {
            let url = x.download_url("").unwrap_or_default();
            (x, url)
        })
        .collect();
    Ok(page(
        actix_web::http::StatusCode::OK,
        &MaterialsPage {
            chrome: chrome(&req, &state, &me.0, notice),
            m,
            materials,
            kinds: MaterialKind::ALL,
            visibilities: UrlVisibility::ALL,
        },
    ))
}

/// The upload form (multipart, CSRF token in the query).
pub async fn add_file(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    csrf: web::Query<CsrfOnly>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, csrf.csrf_token.as_deref())?;
    if !is_multipart(&req) {
        return Err(AppError::UnsupportedMediaType("multipart/form-data").into());
    }
    let id = id.into_inner();
    upload(&state, me.0, id, Multipart::new(req.headers(), payload)).await?;
    state.wake_mailer();
    Ok(see_other(&format!(
        "/staff/meetings/{id}/materials?done=added"
    )))
}

#[derive(serde::Deserialize)]
pub struct LinkForm {
    csrf_token: Option<String>,
    title: Option<String>,
    kind: Option<String>,
    url: Option<String>,
    visibility: Option<String>,
    notify: Option<String>,
}

pub async fn add_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<LinkForm>,
) -> Result<HttpResponse, StaffError> {
    let form = form.into_inner();
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let fields = MaterialFields {
        title: form.title,
        kind: form.kind,
        url: form.url,
        visibility: form.visibility,
        notify: Some(form.notify.is_some()),
    };
    let link = fields.parse_link().map_err(AppError::Validation)?;
    let id = id.into_inner();
    let ctx = state.mail.clone();
    state
        .db(move |conn| service::add_link(conn, &ctx, id, &link.material, &link.url, &me.0))
        .await?;
    state.wake_mailer();
    Ok(see_other(&format!(
        "/staff/meetings/{id}/materials?done=added"
    )))
}

pub async fn remove(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    path: web::Path<(i64, i64)>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (id, mid) = path.into_inner();
    state
        .db(move |conn| service::remove(conn, id, mid, &me.0))
        .await?;
    Ok(see_other(&format!(
        "/staff/meetings/{id}/materials?done=removed"
    )))
}
