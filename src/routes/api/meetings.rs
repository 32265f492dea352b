//! `/api/v1/meetings`: list, read, create, change and cancel meetings, and their registrations.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::doc::{ListingQuery, LookupAsAnyone, MeetingCreate, StaffLookup, StaffWrite};
use super::extract::{json_object, parse_body, patched_json, ApiStaff, MaybeApiStaff};
use super::json::{meeting_json, one_meeting_json, utc_rfc3339, MeetingJson};
use crate::db::groups::{self, Group};
use crate::db::meetings::{self, Listing, Meeting};
use crate::db::{self, DbConn};
use crate::domain::meeting::MeetingInput;
use crate::domain::{given, Attendance, FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::services::meetings as service;
use crate::state::AppState;
use crate::views;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// A group's slug: only its meetings.
    pub group: Option<String>,
    /// From this date (midnight UTC) or RFC 3339 instant on; empty: from now on, unless `to`
    /// is given.
    #[param(schema_with = crate::domain::schema::date_or_instant)]
    pub from: Option<String>,
    /// Until this date or instant (empty: no end).
    #[param(schema_with = crate::domain::schema::date_or_instant)]
    pub to: Option<String>,
}

/// `GET /api/v1/meetings`.
#[derive(Serialize, ToSchema)]
pub struct MeetingList {
    pub meetings: Vec<MeetingJson>,
}

impl ListQuery {
    /// `from` and `to` as instants, or the problems with them.
    fn window(&self) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), AppError> {
        let mut errors = FieldErrors::default();
        let from = given(self.from.as_deref()).and_then(|v| parse_instant("from", v, &mut errors));
        let to = given(self.to.as_deref()).and_then(|v| parse_instant("to", v, &mut errors));
        errors.into_result((from, to)).map_err(AppError::Validation)
    }
}

/// `2027-05-15` (midnight UTC) or an RFC 3339 instant.
fn parse_instant(field: &str, value: &str, errors: &mut FieldErrors) -> Option<NaiveDateTime> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc).naive_utc());
    }
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0);
    }
    errors.add(field, "Use a date like 2027-05-15 or an RFC 3339 time.");
    None
}

/// Published meetings of `group` (a slug; any group when `None`) between `from` and `to`
/// (from now on when neither is given).
fn published(
    conn: &mut DbConn,
    group: Option<&str>,
    (from, to): (Option<NaiveDateTime>, Option<NaiveDateTime>),
    base_url: &str,
) -> Result<Vec<MeetingJson>, AppError> {
    let group_id = match group.filter(|g| !g.is_empty()) {
        Some(slug) => Some(
            groups::find_by_slug(conn, slug)?
                .ok_or(AppError::NotFound("group"))?
                .id,
        ),
        None => None,
    };
    let listing = Listing {
        group_id,
        from: from.or_else(|| to.is_none().then(db::now)),
        to,
        limit: Some(1000),
        ..Listing::default()
    };
    let rows: Vec<(Meeting, Group)> = meetings::list(conn, &listing)?
        .into_iter()
        .filter(|(m, _)| m.status() == MeetingStatus::Published)
        .collect();
    let ids: Vec<i64> = rows.iter().map(|(m, _)| m.id).collect();
    let counts = meetings::seat_counts(conn, &ids)?;
    let mut list: Vec<MeetingJson> = rows
        .iter()
        .map(|(m, g)| {
            meeting_json(
                m,
                g,
                &counts.get(&m.id).copied().unwrap_or_default(),
                base_url,
            )
        })
        .collect();
    super::json::with_materials(conn, &mut list, base_url)?;
    Ok(list)
}

/// Published meetings, upcoming by default.
#[utoipa::path(
    get,
    path = "/meetings",
    operation_id = "meetings_list",
    tag = "meetings",
    params(ListQuery),
    responses(
        (status = 200, description = "The meetings, by start.", body = MeetingList),
        ListingQuery,
    ),
)]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let window = query.window()?;
    let group = query.into_inner().group;
    let base_url = state.mail.base_url.clone();
    let list = state
        .db(move |conn| published(conn, group.as_deref(), window, &base_url))
        .await?;
    Ok(HttpResponse::Ok().json(MeetingList { meetings: list }))
}

fn meeting_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound("meeting"))
}

/// One published or cancelled meeting; with a staff token, also a draft.
#[utoipa::path(
    get,
    path = "/meetings/{id}",
    operation_id = "meetings_get",
    tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id.")),
    responses(
        (status = 200, description = "The meeting.", body = MeetingJson),
        LookupAsAnyone,
    ),
    security((), ("bearer" = [])),
)]
pub async fn get(
    state: web::Data<AppState>,
    staff: MaybeApiStaff,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (m, g) = match staff.0 {
                // Staff read drafts too.
                Some(_) => {
                    meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?
                }
                None => crate::routes::pages::public_meeting(conn, id)?,
            };
            one_meeting_json(conn, &m, &g, &base_url)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}

/// Create a meeting.
#[utoipa::path(
    post,
    path = "/meetings",
    operation_id = "meetings_create",
    tag = "meetings",
    request_body = MeetingCreate,
    responses(
        (status = 201, description = "Created; `Location` names it.", body = MeetingJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn create(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: MeetingInput = parse_body(body.into_inner())?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (m, g) = service::create(conn, &input, &base_url, Some(&staff.0))?;
            one_meeting_json(conn, &m, &g, &base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/meetings/{}", json.id)))
        .json(json))
}

/// The meeting as it is, with the fields of `patch` in place of its own.
fn patched(m: &Meeting, g: &Group, patch: Map<String, Value>) -> Result<MeetingInput, AppError> {
    // New days replace the old span; a new span replaces the old days.
    let times = ["starts_at", "ends_at"];
    let cleared: &[&str] = match (
        patch.contains_key("days"),
        times.iter().any(|k| patch.contains_key(*k)),
    ) {
        (true, false) => &times,
        (false, true) => &["days"],
        _ => &[],
    };
    parse_body(patched_json(&service::input_from(m, g), cleared, patch)?)
}

/// Any subset of the create fields; `null` clears an optional field (a capacity becomes unlimited).
#[utoipa::path(
    patch,
    path = "/meetings/{id}",
    operation_id = "meetings_patch",
    tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = MeetingInput,
    responses(
        (status = 200, description = "Changed.", body = MeetingJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn patch(
    state: web::Data<AppState>,
    staff: ApiStaff,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let patch = json_object(body.into_inner())?;
    let st = state.clone();
    let json = state
        .db(move |conn| {
            let (m, g) =
                meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            let input = patched(&m, &g, patch)?;
            let (m, g) = service::update(conn, &st.mail, id, &input, &staff.0)?;
            one_meeting_json(conn, &m, &g, &st.mail.base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}

/// Why the meeting is cancelled, shown to observers (optional).
#[derive(serde::Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelBody {
    #[schema(schema_with = crate::domain::schema::text::<2000>)]
    reason: Option<String>,
}

/// Cancel a meeting: every active observer is told (METHOD:CANCEL).
#[utoipa::path(
    post,
    path = "/meetings/{id}/cancel",
    operation_id = "meetings_cancel",
    tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = inline(Option<CancelBody>),
    responses(
        (status = 200, description = "Cancelled (also when it was already).", body = MeetingJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn cancel(
    state: web::Data<AppState>,
    staff: ApiStaff,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let body: CancelBody = if body.iter().all(u8::is_ascii_whitespace) {
        CancelBody::default()
    } else {
        let value: Value = serde_json::from_slice(&body)
            .map_err(|e| AppError::BadRequest(format!("The body is not valid JSON: {e}")))?;
        match value {
            Value::Null => CancelBody::default(),
            value => parse_body(value)?,
        }
    };
    let st = state.clone();
    let json = state
        .db(move |conn| {
            let (m, g) = service::cancel(conn, &st.mail, id, body.reason.as_deref(), &staff.0)?;
            one_meeting_json(conn, &m, &g, &st.mail.base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}

/// One registration, as staff see it.
#[derive(Serialize, ToSchema)]
pub struct RegistrationJson {
    id: i64,
    name: String,
    email: String,
    affiliation: Option<String>,
    #[schema(value_type = Attendance)]
    attendance: String,
    #[schema(value_type = RegistrationStatus)]
    status: String,
    #[schema(format = DateTime)]
    created_at: String,
    /// The first day's check-in (every day's is in `check_ins`).
    #[schema(format = DateTime)]
    checked_in_at: Option<String>,
    /// Check-in time per local date of the meeting's days.
    check_ins: std::collections::BTreeMap<String, String>,
}

/// `GET /api/v1/meetings/{id}/registrations`.
#[derive(Serialize, ToSchema)]
pub struct RegistrationList {
    pub registrations: Vec<RegistrationJson>,
}

/// A meeting's registrations (staff).
#[utoipa::path(
    get,
    path = "/meetings/{id}/registrations",
    operation_id = "meetings_registrations",
    tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id.")),
    responses(
        (status = 200, description = "Every registration, oldest first.", body = RegistrationList),
        StaffLookup,
    ),
    security(("bearer" = [])),
)]
pub async fn registrations(
    state: web::Data<AppState>,
    _staff: ApiStaff,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let list = state
        .db(move |conn| -> Result<_, AppError> {
            let m = meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            let dates = views::day_dates(&m);
            Ok(crate::db::seats::roster(conn, id, dates.len())?
                .into_iter()
                .map(|row| RegistrationJson {
                    id: row.seat.id,
                    status: row.status().to_string(),
                    name: row.registration.name,
                    email: row.registration.email,
                    affiliation: row.registration.affiliation,
                    attendance: row.seat.attendance,
                    created_at: utc_rfc3339(row.registration.created_at),
                    checked_in_at: row.checked_in.first().copied().flatten().map(utc_rfc3339),
                    check_ins: dates
                        .iter()
                        .zip(&row.checked_in)
                        .filter_map(|(d, t)| t.map(|t| (d.to_string(), utc_rfc3339(t))))
                        .collect(),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(RegistrationList {
        registrations: list,
    }))
}
