//! A meeting as staff describe it (`MeetingInput`, the JSON of the API) and the same meeting
//! checked field by field (`MeetingDraft`). Whether the named group exists is the one check
//! left to the service: it needs the database.

use crate::tz::Zone;
use chrono::NaiveDateTime;

use super::days::Days;
pub use super::meeting_input::MeetingInput;
use super::notes::Agenda;
use super::reminders::Reminders;
use super::schedule;
use super::{
    given, is_http_url, no_controls, optional_text, required_text, single_line, FieldErrors,
    MeetingFormat, MeetingStatus, UrlVisibility,
};

/// A meeting with every field checked and times in UTC. The group is still its slug: the
/// service finds the group (and reports a slug that names none).
#[derive(Debug, Clone)]
pub struct MeetingDraft {
    pub group_slug: String,
    pub title: String,
    pub description: String,
    pub format: MeetingFormat,
    pub timezone: Zone,
    pub days: Days,
    pub place: Place,
    pub online_url_visibility: UrlVisibility,
    pub in_person_capacity: Option<i32>,
    pub remote_capacity: Option<i32>,
    pub waitlist: bool,
    pub verify_email: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: MeetingStatus,
    pub reminders: Reminders,
    pub agenda: Agenda,
}

impl MeetingDraft {
    /// Checks every field of `input`; all problems are reported together, keyed by field.
    pub fn parse(input: &MeetingInput) -> Result<MeetingDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        if input.group_slug().is_none() {
            errors.add("group", "This field is required (the group's slug).");
        }
        let title = required_text(&mut errors, "title", input.title.as_deref(), 200);
        single_line(&mut errors, "title", &title);
        let description = optional_text(
            &mut errors,
            "description",
            input.description.as_deref(),
            20_000,
        )
        .unwrap_or_default();
        let format = format_of(&mut errors, input.format.as_deref());
        let tz = zone_of(&mut errors, input.timezone.as_deref());
        let days = schedule_of(&mut errors, input, tz.as_ref());
        let (opens, closes) = registration_window(&mut errors, input, tz.as_ref());
        let place = Place::parse(&mut errors, input, format);
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
        let in_person_capacity =
            capacity(&mut errors, "in_person_capacity", input.in_person_capacity);
        let remote_capacity = capacity(&mut errors, "remote_capacity", input.remote_capacity);
        let status = status_of(&mut errors, input.status.as_deref());
        let reminders = Reminders::parse(&mut errors, input.reminders.as_deref());
        let agenda = Agenda::parse(&mut errors, input.agenda.as_deref());
        match (input.group_slug(), format, tz, days) {
            (Some(slug), Some(format), Some(tz), Some(days)) if errors.is_empty() => {
                Ok(MeetingDraft {
                    group_slug: slug.to_string(),
                    title,
                    description,
                    format,
                    timezone: tz,
                    days,
                    place: place.for_format(format),
                    online_url_visibility: visibility,
                    in_person_capacity,
                    remote_capacity,
                    waitlist: input.waitlist.unwrap_or(true),
                    verify_email: input.verify_email.unwrap_or(true),
                    registration_opens_at: opens,
                    registration_closes_at: closes,
                    status,
                    reminders,
                    agenda,
                })
            }
            _ => Err(errors),
        }
    }
}

fn format_of(errors: &mut FieldErrors, value: Option<&str>) -> Option<MeetingFormat> {
    match value.map(str::trim) {
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
    }
}

fn zone_of(errors: &mut FieldErrors, value: Option<&str>) -> Option<Zone> {
    match value.map(str::trim) {
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
    }
}

/// Staff may draft or publish a meeting here; cancelling has its own action.
fn status_of(errors: &mut FieldErrors, value: Option<&str>) -> MeetingStatus {
    match value.map(str::trim) {
        None | Some("") => MeetingStatus::Draft,
        Some(s) => match MeetingStatus::parse(s) {
            Some(MeetingStatus::Cancelled) => {
                errors.add(
                    "status",
                    "Cancel a meeting with its cancel action, which tells the observers.",
                );
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
    }
}

fn wall_time(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    tz: Option<&Zone>,
    required: bool,
) -> Option<NaiveDateTime> {
    let Some(raw) = given(value) else {
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
    schedule::local_to_utc(tz?, local)
        .map_err(|e| errors.add(field, e.to_string()))
        .ok()
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

/// The meeting's days: `days` when given (with `starts_at`/`ends_at` only as the first start
/// and the last end), else the one span from `starts_at` to `ends_at`.
fn schedule_of(errors: &mut FieldErrors, input: &MeetingInput, tz: Option<&Zone>) -> Option<Days> {
    let Some(raw) = &input.days else {
        let starts_at = wall_time(errors, "starts_at", input.starts_at.as_deref(), tz, true);
        let ends_at = wall_time(errors, "ends_at", input.ends_at.as_deref(), tz, true);
        let (s, e) = (starts_at?, ends_at?);
        if e <= s {
            errors.add("ends_at", "The meeting must end after it starts.");
            return None;
        } else if e - s > chrono::Duration::days(31) {
            errors.add("ends_at", "A meeting may last at most 31 days.");
            return None;
        }
        return Some(Days::single((s, e)));
    };
    let days = Days::parse(tz?, raw, errors)?;
    let utc_of = |v: &Option<String>| {
        given(v.as_deref()).map(|v| {
            schedule::parse_wall_time(v)
                .ok()
                .and_then(|t| schedule::local_to_utc(tz?, t).ok())
        })
    };
    if utc_of(&input.starts_at).is_some_and(|s| s != Some(days.starts_at()))
        || utc_of(&input.ends_at).is_some_and(|e| e != Some(days.ends_at()))
    {
        errors.add(
            "days",
            "starts_at and ends_at, when given with days, must be the first day's start and the last day's end.",
        );
        return None;
    }
    Some(days)
}

/// When registration opens and closes (both optional), closing after opening.
fn registration_window(
    errors: &mut FieldErrors,
    input: &MeetingInput,
    tz: Option<&Zone>,
) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
    let opens = wall_time(
        errors,
        "registration_opens_at",
        input.registration_opens_at.as_deref(),
        tz,
        false,
    );
    let closes = wall_time(
        errors,
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
    (opens, closes)
}

/// Where the meeting is held: a room, a join link, or both, as the format wants.
#[derive(Debug, Clone)]
pub struct Place {
    /// The room: only for formats held in one.
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// The join link and its details: only for formats held online.
    pub online_url: Option<String>,
    pub online_details: Option<String>,
}

impl Place {
    /// The place as given; what the format requires must be there, a link must be http(s).
    fn parse(
        errors: &mut FieldErrors,
        input: &MeetingInput,
        format: Option<MeetingFormat>,
    ) -> Place {
        let place = Place {
            venue: optional_text(errors, "venue", input.venue.as_deref(), 200),
            address: optional_text(errors, "address", input.address.as_deref(), 500),
            city: optional_text(errors, "city", input.city.as_deref(), 100),
            country: optional_text(errors, "country", input.country.as_deref(), 100),
            online_url: optional_text(errors, "online_url", input.online_url.as_deref(), 2000),
            online_details: optional_text(
                errors,
                "online_details",
                input.online_details.as_deref(),
                5000,
            ),
        };
        for (field, value) in [
            ("venue", &place.venue),
            ("address", &place.address),
            ("city", &place.city),
            ("country", &place.country),
            ("online_url", &place.online_url),
        ] {
            no_controls(errors, field, value.as_deref());
        }
        if let Some(f) = format {
            if f.has_venue() {
                if place.venue.is_none() {
                    errors.add("venue", "A venue is required for meetings held in person.");
                }
                if place.city.is_none() {
                    errors.add("city", "A city is required for meetings held in person.");
                }
            }
            if f.has_online() && place.online_url.is_none() {
                errors.add(
                    "online_url",
                    "A join URL is required for online and hybrid meetings.",
                );
            }
        }
        if let Some(u) = &place.online_url {
            if !is_http_url(u) {
                errors.add("online_url", "Must be an http:// or https:// URL.");
            }
        }
        place
    }

    /// Only what `format` has: no room for an online meeting, no link for one in person.
    fn for_format(self, format: MeetingFormat) -> Place {
        let room = format.has_venue();
        let online = format.has_online();
        Place {
            venue: self.venue.filter(|_| room),
            address: self.address.filter(|_| room),
            city: self.city.filter(|_| room),
            country: self.country.filter(|_| room),
            online_url: self.online_url.filter(|_| online),
            online_details: self.online_details.filter(|_| online),
        }
    }
}
