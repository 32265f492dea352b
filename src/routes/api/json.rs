//! How meetings look in the API: local and UTC times, seats per way of attending, days.

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::groups::Group;
use crate::db::materials::Material;
use crate::db::meetings::{self, Meeting, SeatCounts};
use crate::db::{self, DbConn};
use crate::domain::{Attendance, MaterialKind, MeetingFormat, MeetingStatus, UrlVisibility};
use crate::error::AppError;
use crate::views;

#[derive(Serialize, ToSchema)]
pub struct GroupRef {
    pub slug: String,
    pub name: String,
}

impl GroupRef {
    /// The group as a meeting or series names it.
    pub fn of(g: &Group) -> GroupRef {
        GroupRef {
            slug: g.slug.clone(),
            name: g.name.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
/// The seats of one way of attending.
pub struct ModeSeats {
    /// Null: unlimited.
    pub capacity: Option<i32>,
    pub confirmed: i64,
    pub waitlisted: i64,
    /// Null: unlimited.
    pub available: Option<i64>,
}

/// Seats per way of attending the meeting's format offers.
#[derive(Serialize, ToSchema, Default)]
pub struct Seats {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub in_person: Option<ModeSeats>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub remote: Option<ModeSeats>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingJson {
    pub id: i64,
    /// The iCalendar UID; it never changes.
    pub uid: String,
    pub group: GroupRef,
    pub title: String,
    pub description: String,
    #[schema(value_type = MeetingFormat)]
    pub format: String,
    /// The IANA name of the venue's zone.
    #[schema(example = "Europe/Madrid")]
    pub timezone: String,
    /// RFC 3339 with the meeting's offset.
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    #[schema(format = DateTime)]
    pub starts_at_utc: String,
    #[schema(format = DateTime)]
    pub ends_at_utc: String,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// Null unless the join URL is public.
    pub online_url: Option<String>,
    #[schema(value_type = UrlVisibility)]
    pub online_url_visibility: String,
    pub in_person_capacity: Option<i32>,
    pub remote_capacity: Option<i32>,
    pub waitlist: bool,
    pub verify_email: bool,
    #[schema(value_type = MeetingStatus)]
    pub status: String,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub registration_open: bool,
    #[schema(format = DateTime)]
    pub registration_opens_at: Option<String>,
    #[schema(format = DateTime)]
    pub registration_closes_at: String,
    pub seats: Seats,
    /// Every day with its hours (one entry for a meeting of one day).
    pub days: Vec<DayJson>,
    /// Reminder lead times, minutes before the start, longest first.
    pub reminders: Vec<u32>,
    /// The agenda's Markdown source (empty for none).
    pub agenda: String,
    pub url: String,
    pub ics_url: String,
    /// The public materials.
    pub materials: Vec<MaterialJson>,
}

#[derive(Serialize, ToSchema)]
pub struct DayJson {
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    #[schema(format = DateTime)]
    pub starts_at_utc: String,
    #[schema(format = DateTime)]
    pub ends_at_utc: String,
}

fn local_rfc3339(m: &Meeting, t: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&t)
        .with_timezone(&m.tz())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A stored UTC instant as RFC 3339 with `Z`.
pub fn utc_rfc3339(t: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&t)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A meeting as the API shows it, with the seat counts given.
pub fn meeting_json(m: &Meeting, g: &Group, counts: &SeatCounts, base_url: &str) -> MeetingJson {
    let mut seats = Seats::default();
    for s in views::seats(crate::i18n::Lang::En, m, counts) {
        let mode = Some(ModeSeats {
            capacity: s.capacity,
            confirmed: s.confirmed,
            waitlisted: s.waitlisted,
            available: s.available,
        });
        match s.attendance {
            Attendance::InPerson => seats.in_person = mode,
            Attendance::Remote => seats.remote = mode,
        }
    }
    MeetingJson {
        id: m.id,
        uid: m.uid.clone(),
        group: GroupRef::of(g),
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
        verify_email: m.verify_email,
        status: m.status.clone(),
        cancel_reason: m.cancel_reason.clone(),
        sequence: m.sequence,
        registration_open: m.registration_state(db::now()).is_ok(),
        registration_opens_at: m.registration_opens_at.map(|t| local_rfc3339(m, t)),
        registration_closes_at: local_rfc3339(m, m.closes_at()),
        seats,
        reminders: m.reminder_leads(),
        agenda: m.agenda.clone(),
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
        materials: Vec::new(),
    }
}

/// Fills in the public materials of each meeting in `list`.
pub fn with_materials(
    conn: &mut DbConn,
    list: &mut [MeetingJson],
    base_url: &str,
) -> Result<(), AppError> {
    let ids: Vec<i64> = list.iter().map(|m| m.id).collect();
    for material in crate::db::materials::of_meetings(conn, &ids, true)? {
        if let Some(m) = list.iter_mut().find(|m| m.id == material.meeting_id) {
            m.materials.push(MaterialJson::new(base_url, &material));
        }
    }
    Ok(())
}

/// One meeting as JSON, with its seat counts read now.
pub fn one_meeting_json(
    conn: &mut DbConn,
    m: &Meeting,
    g: &Group,
    base_url: &str,
) -> Result<MeetingJson, AppError> {
    let counts = meetings::seat_counts(conn, &[m.id])?
        .get(&m.id)
        .copied()
        .unwrap_or_default();
    let mut one = [meeting_json(m, g, &counts, base_url)];
    with_materials(conn, &mut one, base_url)?;
    let [json] = one;
    Ok(json)
}

/// The `Material` of the API.
#[derive(Serialize, ToSchema)]
pub struct MaterialJson {
    pub id: i64,
    pub title: String,
    #[schema(value_type = MaterialKind)]
    pub kind: String,
    /// The link, or for an upload its download URL.
    pub url: Option<String>,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    /// Hex; also the download's ETag.
    pub sha256: Option<String>,
    #[schema(value_type = UrlVisibility)]
    pub visibility: String,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl MaterialJson {
    pub fn new(base_url: &str, m: &Material) -> MaterialJson {
        MaterialJson {
            id: m.id,
            title: m.title.clone(),
            kind: m.kind.clone(),
            url: m.download_url(base_url),
            filename: m.filename.clone(),
            content_type: m.content_type.clone(),
            size: m.size,
            sha256: m.sha256.clone(),
            visibility: m.visibility.clone(),
            created_at: utc_rfc3339(m.created_at),
        }
    }
}
