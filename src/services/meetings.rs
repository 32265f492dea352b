//! Creating meetings from what staff send, checked field by field.

use chrono::NaiveDateTime;
use diesel::Connection;
use rand::RngCore;

use crate::db::groups::{self, Group, NewGroup};
use crate::db::meetings::{self, Meeting, MeetingFields};
use crate::db::{self, DbConn};
use crate::domain::schedule::{self, ScheduleError};
use crate::domain::{
    is_http_url, is_valid_slug, optional_text, required_text, single_line, EmailAddress,
    FieldErrors, MeetingFormat, MeetingStatus, UrlVisibility,
};
use crate::error::AppError;

/// A meeting as staff describe it; times are wall times in `timezone`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    pub group: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub format: Option<String>,
    pub timezone: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub online_details: Option<String>,
    pub online_url_visibility: Option<String>,
    pub in_person_capacity: Option<i64>,
    pub remote_capacity: Option<i64>,
    pub waitlist: Option<bool>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub status: Option<String>,
}

/// A group as staff describe it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    pub slug: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub contact_email: Option<String>,
}

pub fn create_group(conn: &mut DbConn, input: &GroupInput) -> Result<Group, AppError> {
    let mut errors = FieldErrors::default();
    let slug = input.slug.as_deref().unwrap_or("").trim().to_string();
    if !is_valid_slug(&slug) {
        errors.add(
            "slug",
            "Use 1 to 64 lower-case letters, digits and hyphens, e.g. ssr2.",
        );
    }
    let name = required_text(&mut errors, "name", input.name.as_deref(), 200);
    single_line(&mut errors, "name", &name);
    let description = optional_text(
        &mut errors,
        "description",
        input.description.as_deref(),
        10_000,
    )
    .unwrap_or_default();
    let contact_email = match input.contact_email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(e) => match EmailAddress::parse(e) {
            Ok(e) => Some(e.to_string()),
            Err(msg) => {
                errors.add("contact_email", msg);
                None
            }
        },
    };
    let new = errors.into_result(NewGroup {
        slug,
        name,
        description,
        contact_email,
        created_at: db::now(),
    })?;
    groups::insert(conn, &new).map_err(|e| {
        if db::is_unique_violation(&e) {
            AppError::Conflict {
                code: "conflict",
                message: format!("A group with the slug {:?} exists already.", new.slug),
            }
        } else {
            e.into()
        }
    })
}

fn wall_time(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    tz: Option<chrono_tz::Tz>,
    required: bool,
) -> Option<NaiveDateTime> {
    let raw = value.map(str::trim).filter(|v| !v.is_empty());
    let Some(raw) = raw else {
        if required {
            errors.add(
                field,
                "This field is required (a local time like 2027-05-15T09:00).",
            );
        }
        return None;
    };
    let local = match schedule::parse_wall_time(raw) {
        Ok(t) => t,
        Err(e) => {
            errors.add(field, e.to_string());
            return None;
        }
    };
    let tz = tz?;
    match schedule::local_to_utc(tz, local) {
        Ok(t) => Some(t),
        Err(e @ (ScheduleError::Ambiguous(..) | ScheduleError::Nonexistent(..))) => {
            errors.add(field, e.to_string());
            None
        }
        Err(e) => {
            errors.add(field, e.to_string());
            None
        }
    }
}

fn capacity(errors: &mut FieldErrors, field: &str, value: Option<i64>) -> Option<i32> {
    let v = value?;
    match i32::try_from(v) {
        Ok(c) if (0..=1_000_000).contains(&c) => Some(c),
        _ => {
            errors.add(
                field,
                "Must be a whole number from 0 to 1000000, or null for no limit.",
            );
            None
        }
    }
}

/// Checks every field and resolves the group; all problems are reported together.
pub fn validate(conn: &mut DbConn, input: &MeetingInput) -> Result<MeetingFields, AppError> {
    let mut errors = FieldErrors::default();
    let group = match input.group.as_deref().map(str::trim) {
        None | Some("") => {
            errors.add("group", "This field is required (the group's slug).");
            None
        }
        Some(slug) => {
            let g = groups::find_by_slug(conn, slug)?;
            if g.is_none() {
                errors.add("group", format!("No group has the slug {slug:?}."));
            }
            g
        }
    };
    let title = required_text(&mut errors, "title", input.title.as_deref(), 200);
    single_line(&mut errors, "title", &title);
    let description = optional_text(
        &mut errors,
        "description",
        input.description.as_deref(),
        20_000,
    )
    .unwrap_or_default();
    let format = match input.format.as_deref().map(str::trim) {
        None | Some("") => {
            errors.add("format", "This field is required.");
            None
        }
        Some(f) => MeetingFormat::parse(f).or_else(|| {
            errors.add(
                "format",
                format!("Must be one of: {}.", MeetingFormat::names()),
            );
            None
        }),
    };
    let tz = match input.timezone.as_deref().map(str::trim) {
        None | Some("") => {
            errors.add(
                "timezone",
                "This field is required (an IANA name such as Europe/Madrid).",
            );
            None
        }
        Some(z) => schedule::parse_zone(z)
            .map_err(|e| errors.add("timezone", e.to_string()))
            .ok(),
    };
    let starts_at = wall_time(
        &mut errors,
        "starts_at",
        input.starts_at.as_deref(),
        tz,
        true,
    );
    let ends_at = wall_time(&mut errors, "ends_at", input.ends_at.as_deref(), tz, true);
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e <= s {
            errors.add("ends_at", "The meeting must end after it starts.");
        } else if e - s > chrono::Duration::days(31) {
            errors.add("ends_at", "A meeting may last at most 31 days.");
        }
    }
    let opens = wall_time(
        &mut errors,
        "registration_opens_at",
        input.registration_opens_at.as_deref(),
        tz,
        false,
    );
    let closes = wall_time(
        &mut errors,
        "registration_closes_at",
        input.registration_closes_at.as_deref(),
        tz,
        false,
    );
    if let (Some(o), Some(c)) = (opens, closes) {
        if c <= o {
            errors.add(
                "registration_closes_at",
                "Registration must close after it opens.",
            );
        }
    }
    let venue = optional_text(&mut errors, "venue", input.venue.as_deref(), 200);
    let address = optional_text(&mut errors, "address", input.address.as_deref(), 500);
    let city = optional_text(&mut errors, "city", input.city.as_deref(), 100);
    let country = optional_text(&mut errors, "country", input.country.as_deref(), 100);
    let online_url = optional_text(&mut errors, "online_url", input.online_url.as_deref(), 2000);
    let online_details = optional_text(
        &mut errors,
        "online_details",
        input.online_details.as_deref(),
        5000,
    );
    if let Some(f) = format {
        if f.has_venue() {
            if venue.is_none() {
                errors.add("venue", "A venue is required for meetings held in person.");
            }
            if city.is_none() {
                errors.add("city", "A city is required for meetings held in person.");
            }
        }
        if f.has_online() && online_url.is_none() {
            errors.add(
                "online_url",
                "A join URL is required for online and hybrid meetings.",
            );
        }
    }
    if let Some(u) = &online_url {
        if !is_http_url(u) {
            errors.add("online_url", "Must be an http:// or https:// URL.");
        }
    }
    let visibility = match input.online_url_visibility.as_deref().map(str::trim) {
        None | Some("") => UrlVisibility::Registrants,
        Some(v) => UrlVisibility::parse(v).unwrap_or_else(|| {
            errors.add(
                "online_url_visibility",
                format!("Must be one of: {}.", UrlVisibility::names()),
            );
            UrlVisibility::Registrants
        }),
    };
    let in_person_capacity = capacity(&mut errors, "in_person_capacity", input.in_person_capacity);
    let remote_capacity = capacity(&mut errors, "remote_capacity", input.remote_capacity);
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") => MeetingStatus::Draft,
        Some(s) => match MeetingStatus::parse(s) {
            Some(MeetingStatus::Cancelled) => {
                errors.add("status", "A new meeting cannot start cancelled.");
                MeetingStatus::Draft
            }
            Some(s) => s,
            None => {
                errors.add(
                    "status",
                    format!("Must be one of: {}.", MeetingStatus::names()),
                );
                MeetingStatus::Draft
            }
        },
    };
    match (group, format, tz, starts_at, ends_at) {
        (Some(group), Some(format), Some(tz), Some(starts_at), Some(ends_at))
            if errors.is_empty() =>
        {
            Ok(MeetingFields {
                group_id: group.id,
                title,
                description,
                format: format.as_str().to_string(),
                timezone: tz.name().to_string(),
                starts_at,
                ends_at,
                venue: venue.filter(|_| format.has_venue()),
                address: address.filter(|_| format.has_venue()),
                city: city.filter(|_| format.has_venue()),
                country: country.filter(|_| format.has_venue()),
                online_url: online_url.filter(|_| format.has_online()),
                online_details: online_details.filter(|_| format.has_online()),
                online_url_visibility: visibility.as_str().to_string(),
                in_person_capacity,
                remote_capacity,
                waitlist: input.waitlist.unwrap_or(true),
                registration_opens_at: opens,
                registration_closes_at: closes,
                status: status.as_str().to_string(),
            })
        }
        _ => Err(AppError::Validation(errors)),
    }
}

/// A fresh, never-changing iCalendar UID.
pub fn new_uid(base_url: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let host = url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "quorum.invalid".into());
    format!("{}@{}", hex::encode(bytes), host)
}

pub fn create(
    conn: &mut DbConn,
    input: &MeetingInput,
    base_url: &str,
) -> Result<(Meeting, Group), AppError> {
    conn.transaction(|conn| {
        let fields = validate(conn, input)?;
        let meeting = meetings::insert(conn, &fields, &new_uid(base_url), db::now())?;
        let group = groups::find(conn, meeting.group_id)?;
        Ok((meeting, group))
    })
}
