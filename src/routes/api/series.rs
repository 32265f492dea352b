//! `/api/v1/series`: create, read and change weekly series.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::doc::{LookupAsAnyone, SeriesCreate, SeriesPatch, StaffWrite};
use super::extract::{json_object, parse_body, patched_json, ApiStaff, MaybeApiStaff};
use super::json::{meeting_json, GroupRef, MeetingJson};
use crate::db::meetings::{self, Meeting};
use crate::db::series::Loaded;
use crate::db::DbConn;
use crate::domain::recurrence::weekly_rrule;
use crate::domain::schedule::format_wall_time;
use crate::domain::series::SeriesInput;
use crate::domain::{FieldErrors, MeetingStatus};
use crate::error::AppError;
use crate::services::series as service;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct SeriesJson {
    pub id: i64,
    pub uid: String,
    pub group: GroupRef,
    pub title: String,
    pub timezone: String,
    /// The first occurrence's start, a wall time in the zone.
    #[schema(example = "2027-01-06T14:00")]
    pub first_start: String,
    pub duration_minutes: i32,
    pub interval_weeks: i32,
    #[schema(example = json!(["WE"]))]
    pub weekdays: Vec<String>,
    #[schema(format = Date)]
    pub until: Option<String>,
    pub count: Option<i32>,
    pub rrule: String,
    pub verify_email: bool,
    pub sequence: i32,
    pub url: String,
    pub ics_url: String,
    pub occurrences: Vec<OccurrenceJson>,
}

#[derive(Serialize, ToSchema)]
pub struct OccurrenceJson {
    /// The occurrence's place in the rule (its RECURRENCE-ID): its original start, a wall
    /// time with its offset.
    pub recurrence_id: String,
    /// Moved or otherwise changed away from the rule.
    pub detached: bool,
    #[serde(flatten)]
    pub meeting: MeetingJson,
}

/// The series as JSON; for the `public`, without its draft occurrences (the rule keeps its
/// count, as in calendars).
fn series_json(
    conn: &mut DbConn,
    loaded: &Loaded,
    base_url: &str,
    public: bool,
) -> Result<SeriesJson, AppError> {
    let s = &loaded.series;
    let shown: Vec<&Meeting> = loaded
        .occurrences
        .iter()
        .filter(|m| !public || m.status() != MeetingStatus::Draft)
        .collect();
    let ids: Vec<i64> = shown.iter().map(|m| m.id).collect();
    let counts = meetings::seat_counts(conn, &ids)?;
    Ok(SeriesJson {
        id: s.id,
        uid: s.uid.clone(),
        group: GroupRef::of(&loaded.group),
        title: s.title.clone(),
        timezone: s.timezone.clone(),
        first_start: format_wall_time(s.first_start_local),
        duration_minutes: s.duration_minutes,
        interval_weeks: s.interval_weeks,
        weekdays: s.weekdays.split(',').map(str::to_string).collect(),
        until: s.until_date.clone(),
        count: s.occurrence_count,
        rrule: weekly_rrule(s.interval_weeks, &s.weekdays, loaded.occurrences.len()),
        verify_email: loaded.verifies_email(),
        sequence: s.sequence,
        url: format!("{base_url}/series/{}", s.id),
        ics_url: format!("{base_url}/groups/{}/calendar.ics", loaded.group.slug),
        occurrences: shown
            .into_iter()
            .map(|m| OccurrenceJson {
                recurrence_id: m
                    .recurrence_local
                    .map(|wall| with_offset(&s.tz(), wall))
                    .unwrap_or_default(),
                detached: m.detached,
                meeting: meeting_json(
                    m,
                    &loaded.group,
                    &counts.get(&m.id).copied().unwrap_or_default(),
                    base_url,
                ),
            })
            .collect(),
    })
}

fn series_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound("series"))
}

/// Create a weekly series; its occurrences are meetings.
#[utoipa::path(
    post,
    path = "/series",
    operation_id = "series_create",
    tag = "series",
    request_body = SeriesCreate,
    responses(
        (status = 201, description = "Created; `Location` names it.", body = SeriesJson),
        StaffWrite,
    ),
    security(("bearer" = [])),
)]
pub async fn create(
    state: web::Data<AppState>,
    staff: ApiStaff,
    body: web::Json<Value>,
) -> Result<HttpResponse, AppError> {
    let input: SeriesInput = parse_body(body.into_inner())?;
    let base_url = state.mail.base_url.clone();
    let json = state
        .db(move |conn| {
            let (s, _) = service::create(conn, &input, &base_url, Some(&staff.0))?;
            let loaded = service::load(conn, s.id)?;
            series_json(conn, &loaded, &base_url, false)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/series/{}", json.id)))
        .json(json))
}

/// A series with its occurrences (drafts only with a staff token).
#[utoipa::path(
    get,
    path = "/series/{id}",
    operation_id = "series_get",
    tag = "series",
    params(("id" = i64, Path, description = "The series' id.")),
    responses(
        (status = 200, description = "The series.", body = SeriesJson),
        LookupAsAnyone,
    ),
    security((), ("bearer" = [])),
)]
pub async fn get(
    state: web::Data<AppState>,
    staff: MaybeApiStaff,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = series_id(&id)?;
    let base_url = state.mail.base_url.clone();
    let public = staff.0.is_none();
    let json = state
        .db(move |conn| {
            let loaded = if public {
                service::load_public(conn, id)?
            } else {
                service::load(conn, id)?
            };
            series_json(conn, &loaded, &base_url, public)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}

/// The `from` of a change: a date, or absent for the whole series.
fn from_date(patch: &mut Map<String, Value>) -> Result<Option<NaiveDate>, AppError> {
    let date = match patch.remove("from") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        Some(_) => None,
    };
    date.map(Some).ok_or_else(|| {
        let mut e = FieldErrors::default();
        e.add("from", "Use a date like 2027-03-01.");
        AppError::Validation(e)
    })
}

/// The series as it is, with the fields of `patch` in place of its own.
fn patched(
    loaded: &Loaded,
    patch: Map<String, Value>,
    from: Option<NaiveDate>,
) -> Result<SeriesInput, AppError> {
    // A new end replaces the old one, whichever kind it was.
    let cleared: Vec<&str> = [("until", "count"), ("count", "until")]
        .into_iter()
        .filter(|(given, _)| patch.contains_key(*given))
        .map(|(_, other)| other)
        .collect();
    let patch_sets_end = !cleared.is_empty();
    let current = service::input_from(&loaded.series, &loaded.group)?;
    let mut merged = patched_json(&current, &cleared, patch)?;
    // Split with a count: the new part has what the old one had left.
    if let (Some(d), false, Some(n)) = (from, patch_sets_end, merged["count"].as_i64()) {
        let done = loaded
            .occurrences
            .iter()
            .filter(|m| m.recurrence_local.is_some_and(|r| r.date() < d))
            .count() as i64;
        if done > 0 {
            merged["count"] = (n - done).max(1).into();
        }
    }
    parse_body(merged)
}

/// Any subset of the create fields, plus `from` (a date): the change applies from that date
/// on, splitting the series when it falls after the first occurrence.
#[utoipa::path(
    patch,
    path = "/series/{id}",
    operation_id = "series_patch",
    tag = "series",
    params(("id" = i64, Path, description = "The series' id.")),
    request_body = SeriesPatch,
    responses(
        (status = 200, description = "The series that holds the changed occurrences.", body = SeriesJson),
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
    let id = series_id(&id)?;
    let mut patch = json_object(body.into_inner())?;
    let from = from_date(&mut patch)?;
    let st = state.clone();
    let json = state
        .db(move |conn| {
            let loaded = service::load(conn, id)?;
            let input = patched(&loaded, patch, from)?;
            let base_url = &st.mail.base_url;
            let target = service::update(conn, &st.mail, id, &input, from, base_url, &staff.0)?;
            let loaded = service::load(conn, target.id)?;
            series_json(conn, &loaded, base_url, false)
        })
        .await?;
    state.calendar_changed();
    Ok(HttpResponse::Ok().json(json))
}

/// A wall time in `zone` with its offset (`2027-03-10T14:00:00+01:00`), as the contract gives
/// an occurrence's `recurrence_id`.
fn with_offset(zone: &crate::tz::Zone, wall: chrono::NaiveDateTime) -> String {
    use chrono::TimeZone;
    match zone.from_local_datetime(&wall).earliest() {
        Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        None => format_wall_time(wall),
    }
}
