//! `/api/v1/meetings/{id}/materials`: add (an upload streamed to the database, or a link),
//! list and remove a meeting's materials.

use actix_multipart::{Field, Multipart};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use super::doc::{StaffLookup, StaffWrite};
use super::extract::{parse_body, ApiStaff};
use super::json::MaterialJson;
use crate::db::materials::{self, Material, CHUNK_BYTES};
use crate::db::staff::Staff;
use crate::db::{self, DbConn};
use crate::domain::material::{content_type_for, form_flag, safe_filename, MaterialFields};
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::materials::{self as service, StoredFile};
use crate::state::AppState;

/// `GET /api/v1/meetings/{id}/materials`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct MaterialList {
    pub materials: Vec<MaterialJson>,
}

/// The upload form (read field by field as it streams in; unknown fields are refused).
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct MaterialUpload {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    #[schema(schema_with = crate::domain::schema::required_line::<200>)]
    title: String,
    kind: crate::domain::MaterialKind,
    /// `public` (the default) or `registrants`.
    #[schema(schema_with = crate::domain::schema::form_visibility)]
    visibility: Option<String>,
    /// Mail every confirmed registrant once with the link.
    #[schema(schema_with = crate::domain::schema::form_flag)]
    notify: Option<String>,
}

/// The largest text field of an upload form.
const FORM_FIELD_MAX: usize = 4096;

fn ids(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound("meeting"))
}

/// A meeting's materials, of every visibility (staff).
#[utoipa::path(
    get,
    path = "/meetings/{id}/materials",
    operation_id = "materials_list",
    tag = "materials",
    params(("id" = i64, Path, description = "The meeting's id.")),
    responses(
        (status = 200, description = "The materials.", body = MaterialList),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn list(
    state: web::Data<AppState>,
    _staff: ApiStaff,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = ids(&id)?;
    let base_url = state.mail.base_url.clone();
    let found = state
        .db(move |conn| -> Result<_, AppError> {
            crate::db::meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            Ok(materials::of_meetings(conn, &[id], false)?)
        })
        .await?;
    let list: Vec<MaterialJson> = found
        .iter()
        .map(|m| MaterialJson::new(&base_url, m))
        .collect();
    Ok(HttpResponse::Ok().json(MaterialList { materials: list }))
}

/// Remove a material and its stored file.
#[utoipa::path(
    delete,
    path = "/meetings/{id}/materials/{mid}",
    operation_id = "materials_remove",
    tag = "materials",
    params(("id" = i64, Path, description = "The meeting's id."), ("mid" = i64, Path, description = "The material's id.")),
    responses(
        (status = 204, description = "Removed."),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn remove(
    state: web::Data<AppState>,
    staff: ApiStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let id = ids(&path.0)?;
    let mid = path.1.parse().map_err(|_| AppError::NotFound("material"))?;
    state
        .db(move |conn| service::remove(conn, id, mid, &staff.0))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a material: a file (multipart/form-data) or a link (JSON).
///
/// Uploads are stored in the database, at most `QUORUM_MAX_UPLOAD_MB` MiB (default 50; larger: `413`). `notify: true` on minutes, a recording or slides mails every confirmed registrant once with its link.
#[utoipa::path(
    post,
    path = "/meetings/{id}/materials",
    operation_id = "materials_create",
    tag = "materials",
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body(content(
        (MaterialFields = "application/json"),
        (MaterialUpload = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "Added.", body = MaterialJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    staff: ApiStaff,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let id = ids(&id)?;
    let added = if is_multipart(&req) {
        upload(&state, staff.0, id, Multipart::new(req.headers(), payload)).await?
    } else {
        let link = parse_body::<MaterialFields>(read_json(&req, payload).await?)?.parse_link()?;
        let ctx = state.mail.clone();
        state
            .db(move |conn| service::add_link(conn, &ctx, id, &link.material, &link.url, &staff.0))
            .await?
    };
    state.wake_mailer();
    Ok(HttpResponse::Created().json(MaterialJson::new(&state.mail.base_url, &added)))
}

pub fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// A JSON body of at most `BODY_LIMIT` bytes.
async fn read_json(
    req: &HttpRequest,
    mut payload: web::Payload,
) -> Result<serde_json::Value, AppError> {
    let json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("application/json"));
    if !json {
        return Err(AppError::UnsupportedMediaType(
            "application/json or multipart/form-data",
        ));
    }
    let mut body = web::BytesMut::new();
    while let Some(part) = payload.next().await {
        let part =
            part.map_err(|e| AppError::BadRequest(format!("The body could not be read: {e}")))?;
        if body.len() + part.len() > crate::routes::BODY_LIMIT {
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&part);
    }
    serde_json::from_slice(&body)
        .map_err(|e| AppError::BadRequest(format!("The body is not valid JSON: {e}")))
}

fn unreadable(e: actix_multipart::MultipartError) -> AppError {
    AppError::BadRequest(format!("The form could not be read: {e}"))
}

/// Reads the form, storing the file chunk by chunk as it arrives; a file past the limit is
/// discarded (`413`), as is one whose description is not valid (`422`).
pub async fn upload(
    state: &web::Data<AppState>,
    staff: Staff,
    meeting_id: i64,
    mut form: Multipart,
) -> Result<Material, AppError> {
    let mut started = None;
    let read = read_form(state, meeting_id, &mut form, &mut started).await;
    let finished = match read {
        Ok((fields, file)) => {
            let input = fields.parse()?;
            let ctx = state.mail.clone();
            state
                .db(move |conn| {
                    service::finish_upload(conn, &ctx, meeting_id, &input, &file, &staff)
                })
                .await
        }
        Err(e) => Err(e),
    };
    if finished.is_err() {
        if let Some(id) = started {
            while let Some(Ok(mut field)) = form.next().await {
                while let Some(Ok(_)) = field.next().await {}
            }
            state
                .db(move |conn| db::write_one(conn, |conn| discard(conn, id)))
                .await?;
        }
    }
    finished
}

fn discard(conn: &mut DbConn, id: i64) -> Result<(), AppError> {
    Ok(materials::delete(conn, id)?)
}

/// The form's text fields and its stored file.
async fn read_form(
    state: &web::Data<AppState>,
    meeting_id: i64,
    form: &mut Multipart,
    started: &mut Option<i64>,
) -> Result<(MaterialFields, StoredFile), AppError> {
    let mut fields = MaterialFields::default();
    let mut file = None;
    let mut errors = FieldErrors::default();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" && started.is_none() {
            let filename =
                safe_filename(field.content_disposition().and_then(|cd| cd.get_filename()));
            let id = state
                .db(move |conn| db::write_one(conn, |conn| service::begin_upload(conn, meeting_id)))
                .await?;
            *started = Some(id);
            file = Some(store_file(state, id, filename, &mut field).await?);
            continue;
        }
        let value = read_text(&name, &mut field).await?;
        match name.as_str() {
            "title" => fields.title = Some(value),
            "kind" => fields.kind = Some(value),
            "visibility" => fields.visibility = Some(value),
            "notify" => match form_flag("notify", &value) {
                Ok(v) => fields.notify = Some(v),
                Err(e) => errors.merge(e),
            },
            _ => errors.add(&name, "Unknown field."),
        }
    }
    if file.is_none() {
        errors.add("file", "This field is required.");
    }
    match file {
        Some(file) if errors.is_empty() => Ok((fields, file)),
        _ => Err(AppError::Validation(errors)),
    }
}

async fn read_text(name: &str, field: &mut Field) -> Result<String, AppError> {
    let mut value = Vec::new();
    while let Some(part) = field.next().await {
        let part = part.map_err(unreadable)?;
        if value.len() + part.len() > FORM_FIELD_MAX {
            let mut errors = FieldErrors::default();
            errors.add(name, format!("At most {FORM_FIELD_MAX} bytes."));
            return Err(AppError::Validation(errors));
        }
        value.extend_from_slice(&part);
    }
    String::from_utf8(value).map_err(|_| {
        let mut errors = FieldErrors::default();
        errors.add(name, "Must be UTF-8 text.");
        AppError::Validation(errors)
    })
}

/// Streams the file into chunk rows, hashing it on the way, up to the upload limit.
async fn store_file(
    state: &web::Data<AppState>,
    id: i64,
    filename: String,
    field: &mut Field,
) -> Result<StoredFile, AppError> {
    let limit = state.settings.max_upload_bytes;
    let mut hasher = Sha256::new();
    let mut buf = Vec::with_capacity(CHUNK_BYTES);
    let (mut size, mut seq) = (0u64, 0i32);
    while let Some(part) = field.next().await {
        let part = part.map_err(unreadable)?;
        size += part.len() as u64;
        if size > limit {
            return Err(AppError::PayloadTooLarge);
        }
        hasher.update(&part);
        let mut rest = &part[..];
        while !rest.is_empty() {
            let take = (CHUNK_BYTES - buf.len()).min(rest.len());
            buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            if buf.len() == CHUNK_BYTES {
                let full = std::mem::replace(&mut buf, Vec::with_capacity(CHUNK_BYTES));
                write_chunk(state, id, seq, full).await?;
                seq += 1;
            }
        }
    }
    if !buf.is_empty() {
        write_chunk(state, id, seq, buf).await?;
    }
    Ok(StoredFile {
        id,
        content_type: content_type_for(&filename),
        filename,
        size: i64::try_from(size).unwrap_or(i64::MAX),
        sha256: hex::encode(hasher.finalize()),
    })
}

async fn write_chunk(
    state: &web::Data<AppState>,
    id: i64,
    seq: i32,
    data: Vec<u8>,
) -> Result<(), AppError> {
    state
        .db(move |conn| {
            db::write_one(conn, |conn| -> Result<(), AppError> {
                Ok(materials::add_chunk(conn, id, seq, &data)?)
            })
        })
        .await
}
