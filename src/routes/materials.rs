//! Downloading an uploaded material: `/materials/{mid}/{filename}` for public ones, and
//! `/r/{token}/materials/{mid}` for a confirmed registrant. Files come from the database,
//! recent small ones from memory.

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::stream::{self, Stream};

use crate::db::materials::{self, Material};
use crate::domain::material::shown_inline;
use crate::domain::RegistrationStatus;
use crate::error::AppError;
use crate::services::registrations::manage as managed;
use crate::state::AppState;

fn material_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound("material"))
}

/// A public material of a meeting that is not a draft.
pub async fn public(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (mid, filename) = path.into_inner();
    let mid = material_id(&mid)?;
    let found = state
        .db(move |conn| -> Result<_, AppError> { Ok(materials::find_shown(conn, mid)?) })
        .await?
        .filter(|m| !m.registrants_only() && m.filename.as_deref() == Some(filename.as_str()))
        .ok_or(AppError::NotFound("material"))?;
    serve(&req, &state, found).await
}

/// Any uploaded material of a meeting in which the manage link's registrant holds a
/// confirmed seat.
pub async fn for_registrant(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (token, mid) = path.into_inner();
    let mid = material_id(&mid)?;
    let found = state
        .db(move |conn| -> Result<_, AppError> {
            let who = managed::find_by_token(conn, &token)?;
            let Some(m) = materials::find_shown(conn, mid)? else {
                return Ok(None);
            };
            Ok(seated_meetings(&who).contains(&m.meeting_id).then_some(m))
        })
        .await?
        .ok_or(AppError::NotFound("material"))?;
    let mut res = match &found.url {
        Some(url) => HttpResponse::Found()
            .insert_header((header::LOCATION, url.as_str()))
            .finish(),
        None => serve(&req, &state, found).await?,
    };
    let headers = res.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

/// The meetings in which the registration holds a confirmed seat: whose registrants-only
/// materials its manage link reaches.
pub fn seated_meetings(who: &managed::Managed) -> Vec<i64> {
    if !who.registration.is_active() {
        return Vec::new();
    }
    who.seats
        .iter()
        .filter(|(s, _)| s.status() == RegistrationStatus::Confirmed)
        .map(|(_, m)| m.id)
        .collect()
}

/// The registrants-only materials a manage link reaches: (title, path) each.
pub fn for_manage_page(
    conn: &mut crate::db::DbConn,
    who: &managed::Managed,
    token: &str,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(materials::of_meetings(conn, &seated_meetings(who), false)?
        .into_iter()
        .filter(Material::registrants_only)
        .map(|m| {
            let path = materials::through_manage(&format!("/r/{token}"), m.id);
            (m.title, path)
        })
        .collect())
}

/// The file with its safety headers; `304` when the client has this version.
async fn serve(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    m: Material,
) -> Result<HttpResponse, AppError> {
    let sha = m.sha256.clone().unwrap_or_default();
    let etag = format!("\"{sha}\"");
    let content_type = m
        .content_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".into());
    let filename = m.filename.clone().unwrap_or_else(|| "file".into());
    let disposition = if shown_inline(&content_type) {
        "inline"
    } else {
        "attachment"
    };
    let mut res = HttpResponse::Ok();
    res.insert_header((header::ETAG, etag.clone()))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "sandbox"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"));
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if not_modified {
        return Ok(res
            .status(actix_web::http::StatusCode::NOT_MODIFIED)
            .finish());
    }
    res.insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("{disposition}; filename=\"{filename}\""),
        ));
    let size = u64::try_from(m.size.unwrap_or(0)).unwrap_or(0);
    if let Some(data) = state.materials.get(&sha) {
        return Ok(res.body(data));
    }
    if size as usize <= crate::material_cache::ITEM_MAX {
        let id = m.id;
        let parts = state
            .db(move |conn| -> Result<_, AppError> { Ok(materials::chunks(conn, id)?) })
            .await?;
        let data = Bytes::from(parts.concat());
        state.materials.put(&sha, data.clone());
        return Ok(res.body(data));
    }
    Ok(res.no_chunking(size).streaming(chunks(state.clone(), m.id)))
}

/// A large file's chunks, read from the database one at a time as the client takes them.
fn chunks(
    state: web::Data<AppState>,
    id: i64,
) -> impl Stream<Item = Result<Bytes, AppError>> + 'static {
    stream::unfold(Some(0i32), move |seq| {
        let state = state.clone();
        async move {
            let seq = seq?;
            let next = state
                .db(move |conn| -> Result<_, AppError> { Ok(materials::chunk(conn, id, seq)?) })
                .await;
            match next {
                Ok(Some(data)) => Some((Ok(Bytes::from(data)), Some(seq + 1))),
                Ok(None) => None,
                Err(e) => Some((Err(e), None)),
            }
        }
    })
}
