//! The JSON API under `/api/v1`.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::db::groups::Group;
use crate::db::meetings::{self, Listing, Meeting, SeatCounts};
use crate::db::staff::{self, Staff};
use crate::db::{self, DbConn};
use crate::domain::{token, FieldErrors, MeetingStatus};
use crate::error::AppError;
use crate::services::meetings::{self as meeting_service, GroupInput, MeetingInput};
use crate::state::AppState;
use crate::views;

pub fn scope() -> actix_web::Scope {
    web::scope("/api/v1")
        .route("/meetings", web::get().to(list_meetings))
        .route("/meetings", web::post().to(create_meeting))
        .route("/meetings/{id}", web::get().to(get_meeting))
        .route("/meetings/{id}", web::patch().to(patch_meeting))
        .route("/meetings/{id}/cancel", web::post().to(cancel_meeting))
        .route(
            "/meetings/{id}/registrations",
            web::get().to(list_registrations),
        )
        .route(
            "/meetings/{id}/registrations",
            web::post().to(super::register::meeting_api),
        )
        .route("/groups", web::post().to(create_group))
        .route("/openapi.json", web::get().to(openapi))
        .route("/series", web::post().to(super::series::create))
        .route("/series/{id}", web::get().to(super::series::get))
        .route("/series/{id}", web::patch().to(super::series::patch))
        .route(
            "/series/{id}/registrations",
            web::post().to(super::register::series_api),
        )
}

pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(super::BODY_LIMIT)
        .error_handler(|err, _| {
            use actix_web::error::JsonPayloadError as E;
            let e = match err {
                E::OverflowKnownLength { .. } | E::Overflow { .. } => AppError::PayloadTooLarge,
                E::ContentType => AppError::UnsupportedMediaType("application/json"),
                E::Deserialize(e) => {
                    AppError::BadRequest(format!("The body is not valid JSON: {e}"))
                }
                other => AppError::BadRequest(format!("The body could not be read: {other}")),
            };
            e.into()
        })
}

/// Reads a JSON object into `T`; a field of the wrong type is a 422 naming the field.
pub fn parse_body<T: DeserializeOwned>(body: Value) -> Result<T, AppError> {
    if !body.is_object() {
        return Err(AppError::BadRequest(
            "The body must be a JSON object.".into(),
        ));
    }
    serde_path_to_error::deserialize(body).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let mut fields = FieldErrors::default();
        if inner.starts_with("unknown field") {
            let name = inner.split('`').nth(1).unwrap_or(path.as_str()).to_string();
            fields.add(&name, "Unknown field.");
        } else {
            fields.add(&path, strip_position(&inner));
        }
        AppError::Validation(fields)
    })
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A staff member authenticated by `Authorization: Bearer <token>`.
pub struct ApiStaff(pub Staff);

impl FromRequest for ApiStaff {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let secret = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_string());
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let (Some(secret), Some(state)) = (secret, state) else {
                return Err(AppError::Unauthorized);
            };
            if !token::looks_valid(&secret) {
                return Err(AppError::Unauthorized);
            }
            let hash = token::hash(&secret);
            let found = state
                .db(move |conn| -> Result<_, AppError> {
                    Ok(staff::find_by_token_hash(conn, &hash)?)
                })
                .await?;
            found.map(ApiStaff).ok_or(AppError::Unauthorized)
        })
    }
}

#[derive(Serialize)]
pub struct GroupRef {
    pub slug: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct ModeSeats {
    pub capacity: Option<i32>,
    pub confirmed: i64,
    pub waitlisted: i64,
    pub available: Option<i64>,
}

#[derive(Serialize)]
pub struct MeetingJson {
    pub id: i64,
    pub uid: String,
    pub group: GroupRef,
    pub title: String,
    pub description: String,
    pub format: String,
    pub timezone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub starts_at_utc: String,
    pub ends_at_utc: String,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub online_url_visibility: String,
    pub in_person_capacity: Option<i32>,
    pub remote_capacity: Option<i32>,
    pub waitlist: bool,
    pub status: String,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub registration_open: bool,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: String,
    pub seats: serde_json::Map<String, Value>,
    /// Every day with its hours (one entry for a meeting of one day).
    pub days: Vec<DayJson>,
    pub url: String,
    pub ics_url: String,
}

#[derive(Serialize)]
pub struct DayJson {
    pub starts_at: String,
    pub ends_at: String,
    pub starts_at_utc: String,
    pub ends_at_utc: String,
}

fn local_rfc3339(m: &Meeting, t: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&t)
        .with_timezone(&m.tz())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn utc_rfc3339(t: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&t)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn meeting_json(m: &Meeting, g: &Group, counts: &SeatCounts, base_url: &str) -> MeetingJson {
    let mut seats = serde_json::Map::new();
    for s in views::seats(m, counts) {
        let mode = ModeSeats {
            capacity: s.capacity,
            confirmed: s.confirmed,
            waitlisted: s.waitlisted,
            available: s.available,
        };
        seats.insert(
            s.attendance.as_str().to_string(),
            serde_json::to_value(mode).unwrap_or(Value::Null),
        );
    }
    MeetingJson {
        id: m.id,
        uid: m.uid.clone(),
        group: GroupRef {
            slug: g.slug.clone(),
            name: g.name.clone(),
        },
        title: m.title.clone(),
        description: m.description.clone(),
        format: m.format.clone(),
        timezone: m.timezone.clone(),
        starts_at: local_rfc3339(m, m.starts_at),
        ends_at: local_rfc3339(m, m.ends_at),
        starts_at_utc: utc_rfc3339(m.starts_at),
        ends_at_utc: utc_rfc3339(m.ends_at),
        venue: m.venue.clone(),
        address: m.address.clone(),
        city: m.city.clone(),
        country: m.country.clone(),
        online_url: m.public_online_url().map(str::to_string),
        online_url_visibility: m.online_url_visibility.clone(),
        in_person_capacity: m.in_person_capacity,
        remote_capacity: m.remote_capacity,
        waitlist: m.waitlist,
        status: m.status.clone(),
        cancel_reason: m.cancel_reason.clone(),
        sequence: m.sequence,
        registration_open: m.registration_state(db::now()).is_ok(),
        registration_opens_at: m.registration_opens_at.map(|t| local_rfc3339(m, t)),
        registration_closes_at: local_rfc3339(m, m.closes_at()),
        seats,
        days: m
            .schedule()
            .spans()
            .iter()
            .map(|&(s, e)| DayJson {
                starts_at: local_rfc3339(m, s),
                ends_at: local_rfc3339(m, e),
                starts_at_utc: utc_rfc3339(s),
                ends_at_utc: utc_rfc3339(e),
            })
            .collect(),
        url: format!("{base_url}/meetings/{}", m.id),
        ics_url: format!("{base_url}/meetings/{}/calendar.ics", m.id),
    }
}

fn one_meeting_json(
    conn: &mut DbConn,
    m: &Meeting,
    g: &Group,
    base_url: &str,
) -> Result<MeetingJson, AppError> {
    let counts = meetings::seat_counts(conn, &[m.id])?
        .get(&m.id)
        .copied()
        .unwrap_or_default();
    Ok(meeting_json(m, g, &counts, base_url))
}

#[derive(Debug, serde::Deserialize)]
pub struct ListQuery {
    pub group: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
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

pub async fn list_meetings(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::default();
    let from = query
        .from
        .as_deref()
        .and_then(|v| parse_instant("from", v, &mut errors));
    let to = query
        .to
        .as_deref()
        .and_then(|v| parse_instant("to", v, &mut errors));
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let group = query.group.clone();
    let base_url = state.mail.base_url.clone();
    let list = state
        .db(move |conn| -> Result<_, AppError> {
            let group_id = match group.as_deref().filter(|g| !g.is_empty()) {
                Some(slug) => Some(
                    crate::db::groups::find_by_slug(conn, slug)?
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
            Ok(rows
                .iter()
                .map(|(m, g)| {
                    meeting_json(
                        m,
                        g,
                        &counts.get(&m.id).copied().unwrap_or_default(),
                        &base_url,
                    )
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "meetings": list })))
}

fn meeting_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound("meeting"))
}

pub async fn get_meeting(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (m, g) = super::pages::public_meeting(conn, id)?;
            one_meeting_json(conn, &m, &g, &base_url)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}

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

pub async fn create_group(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: GroupInput = parse_body(body.into_inner())?;
    let group = state
        .db(move |conn| meeting_service::create_group(conn, &input, Some(&staff.0)))
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/groups/{}", group.slug)))
        .json(group_json(&group, &state.mail.base_url)))
}

pub async fn create_meeting(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: MeetingInput = parse_body(body.into_inner())?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (m, g) = meeting_service::create(conn, &input, &base_url, Some(&staff.0))?;
            one_meeting_json(conn, &m, &g, &base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/meetings/{}", json.id)))
        .json(json))
}

/// Any subset of the create fields; `null` clears an optional field (a capacity becomes unlimited).
pub async fn patch_meeting(
    state: web::Data<AppState>,
    staff: ApiStaff,
    id: web::Path<String>,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let id = meeting_id(&id)?;
    let Value::Object(patch) = body.into_inner() else {
        return Err(AppError::BadRequest(
            "The body must be a JSON object.".into(),
        ));
    };
    let st = state.clone();
    let json = state
        .db(move |conn| {
            let (m, g) =
                meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            let mut merged = serde_json::to_value(meeting_service::input_from(&m, &g))
                .map_err(|e| AppError::Internal(e.into()))?;
            // New days replace the old span; a new span replaces the old days.
            let times = ["starts_at", "ends_at"];
            if patch.contains_key("days") && !times.iter().any(|k| patch.contains_key(*k)) {
                times.iter().for_each(|k| merged[*k] = Value::Null);
            }
            if !patch.contains_key("days") && times.iter().any(|k| patch.contains_key(*k)) {
                merged["days"] = Value::Null;
            }
            for (k, v) in patch {
                merged[k] = v;
            }
            let input: MeetingInput = parse_body(merged)?;
            let (m, g) = meeting_service::update(conn, &st.mail, id, &input, &staff.0)?;
            one_meeting_json(conn, &m, &g, &st.mail.base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CancelBody {
    reason: Option<String>,
}

pub async fn cancel_meeting(
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
        parse_body(value)?
    };
    let st = state.clone();
    let json = state
        .db(move |conn| {
            let (m, g) =
                meeting_service::cancel(conn, &st.mail, id, body.reason.as_deref(), &staff.0)?;
            one_meeting_json(conn, &m, &g, &st.mail.base_url)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}

#[derive(Serialize)]
struct RegistrationJson {
    id: i64,
    name: String,
    email: String,
    affiliation: Option<String>,
    attendance: String,
    status: String,
    created_at: String,
    /// The first day's check-in (every day's is in `check_ins`).
    checked_in_at: Option<String>,
    /// Check-in time per local date of the meeting's days.
    check_ins: std::collections::BTreeMap<String, String>,
}

pub async fn list_registrations(
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
    Ok(HttpResponse::Ok().json(serde_json::json!({ "registrations": list })))
}

/// The OpenAPI 3 description of this API (kept beside the handlers; a test checks that it
/// names every route).
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(include_str!("openapi.json"))
}
