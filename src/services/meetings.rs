//! Creating meetings from what staff send, checked field by field.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::RngCore;

use crate::db::groups::{self, Group, NewGroup};
use crate::db::meetings::{self, Meeting, MeetingFields};
use crate::db::seats;
use crate::db::sessions;
use crate::db::staff::Staff;
use crate::db::{self, DbConn};
use crate::domain::days::{Days, RawDay};
use crate::domain::schedule::{self, ScheduleError};
use crate::domain::{
    is_http_url, is_valid_slug, optional_text, required_text, single_line, EmailAddress,
    FieldErrors, MeetingFormat, MeetingStatus, UrlVisibility,
};
use crate::domain::{Attendance, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{MailContext, MailKind, Recipient};
use crate::services::registrations::seats as seat_rules;

/// A meeting as staff describe it; times are wall times in `timezone`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
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
    /// Several days, each with its own hours (then `starts_at`/`ends_at` may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Vec<RawDay>>,
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

pub fn create_group(
    conn: &mut DbConn,
    input: &GroupInput,
    actor: Option<&Staff>,
) -> Result<Group, AppError> {
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
    let group = groups::insert(conn, &new).map_err(|e| {
        if db::is_unique_violation(&e) {
            AppError::Conflict {
                code: "conflict",
                message: format!("A group with the slug {:?} exists already.", new.slug),
            }
        } else {
            AppError::from(e)
        }
    })?;
    crate::db::changes::notify_change(conn)?;
    if let Some(actor) = actor {
        sessions::audit(
            conn,
            actor,
            "group.create",
            &format!("group:{}", group.slug),
            None,
            Some(&serde_json::to_value(&group).unwrap_or_default()),
        )?;
    }
    Ok(group)
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

/// The meeting's days: `days` when given (with `starts_at`/`ends_at` only as the first start
/// and the last end), else the one span from `starts_at` to `ends_at`.
fn schedule_of(
    errors: &mut FieldErrors,
    input: &MeetingInput,
    tz: Option<chrono_tz::Tz>,
) -> Option<Days> {
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
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                schedule::parse_wall_time(v)
                    .ok()
                    .and_then(|t| schedule::local_to_utc(tz?, t).ok())
            })
    };
    if given(&input.starts_at).is_some_and(|s| s != Some(days.starts_at()))
        || given(&input.ends_at).is_some_and(|e| e != Some(days.ends_at()))
    {
        errors.add(
            "days",
            "starts_at and ends_at, when given with days, must be the first day's start and the last day's end.",
        );
        return None;
    }
    Some(days)
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
    let days = schedule_of(&mut errors, input, tz);
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
    };
    match (group, format, tz, days) {
        (Some(group), Some(format), Some(tz), Some(days)) if errors.is_empty() => {
            Ok(MeetingFields {
                group_id: group.id,
                title,
                description,
                format: format.as_str().to_string(),
                timezone: tz.name().to_string(),
                starts_at: days.starts_at(),
                ends_at: days.ends_at(),
                days: days.encode(),
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
    actor: Option<&Staff>,
) -> Result<(Meeting, Group), AppError> {
    db::write_tx(conn, |conn| {
        let fields = validate(conn, input)?;
        let meeting = meetings::insert(conn, &fields, &new_uid(base_url), db::now())?;
        let group = groups::find(conn, meeting.group_id)?;
        crate::db::changes::notify_change(conn)?;
        if let Some(actor) = actor {
            sessions::audit(
                conn,
                actor,
                "meeting.create",
                &format!("meeting:{}", meeting.id),
                None,
                Some(&audit_view(&meeting, &group)),
            )?;
        }
        Ok((meeting, group))
    })
}

/// The meeting as an input, with times as wall times in its zone: the starting point of edits.
pub fn input_from(m: &Meeting, g: &Group) -> MeetingInput {
    let tz = m.tz();
    let wall = |t: NaiveDateTime| {
        schedule::utc_to_local(tz, t)
            .naive_local()
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    MeetingInput {
        group: Some(g.slug.clone()),
        title: Some(m.title.clone()),
        description: Some(m.description.clone()),
        format: Some(m.format.clone()),
        timezone: Some(m.timezone.clone()),
        starts_at: Some(wall(m.starts_at)),
        ends_at: Some(wall(m.ends_at)),
        venue: m.venue.clone(),
        address: m.address.clone(),
        city: m.city.clone(),
        country: m.country.clone(),
        online_url: m.online_url.clone(),
        online_details: m.online_details.clone(),
        online_url_visibility: Some(m.online_url_visibility.clone()),
        in_person_capacity: m.in_person_capacity.map(i64::from),
        remote_capacity: m.remote_capacity.map(i64::from),
        waitlist: Some(m.waitlist),
        registration_opens_at: m.registration_opens_at.map(wall),
        registration_closes_at: m.registration_closes_at.map(wall),
        status: Some(m.status.clone()),
        days: m.days.is_some().then(|| {
            m.schedule()
                .spans()
                .iter()
                .map(|(s, e)| RawDay {
                    starts_at: Some(wall(*s)),
                    ends_at: Some(wall(*e)),
                })
                .collect()
        }),
    }
}

fn audit_view(m: &Meeting, g: &Group) -> serde_json::Value {
    let mut v = serde_json::to_value(input_from(m, g)).unwrap_or_default();
    v["sequence"] = m.sequence.into();
    v["cancel_reason"] = m.cancel_reason.clone().into();
    v
}

/// Whether a change shows in calendars (and so raises SEQUENCE and mails observers).
fn calendar_visible_change(old: &Meeting, new: &MeetingFields) -> bool {
    old.title != new.title
        || old.starts_at != new.starts_at
        || old.ends_at != new.ends_at
        || old.days != new.days
        || old.timezone != new.timezone
        || old.format != new.format
        || old.venue != new.venue
        || old.address != new.address
        || old.city != new.city
        || old.country != new.country
        || old.online_url != new.online_url
        || old.status != new.status
}

fn any_change(old: &Meeting, new: &MeetingFields) -> bool {
    calendar_visible_change(old, new)
        || old.group_id != new.group_id
        || old.description != new.description
        || old.online_details != new.online_details
        || old.online_url_visibility != new.online_url_visibility
        || old.in_person_capacity != new.in_person_capacity
        || old.remote_capacity != new.remote_capacity
        || old.waitlist != new.waitlist
        || old.registration_opens_at != new.registration_opens_at
        || old.registration_closes_at != new.registration_closes_at
}

/// Applies a complete new description of a meeting. Calendar-visible changes raise SEQUENCE
/// and queue an updated invite to every confirmed observer; raised capacity promotes the
/// waitlist; capacity below the confirmed count is refused.
pub fn update(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    input: &MeetingInput,
    actor: &Staff,
) -> Result<(Meeting, Group), AppError> {
    update_inner(conn, ctx, id, input, actor, true)
}

/// As `update`, for a series that re-shapes its occurrences: the occurrence stays attached
/// and series registrants are told by the series itself.
pub fn update_quietly(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    input: &MeetingInput,
    actor: &Staff,
) -> Result<(Meeting, Group), AppError> {
    update_inner(conn, ctx, id, input, actor, false)
}

fn update_inner(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    input: &MeetingInput,
    actor: &Staff,
    single_change: bool,
) -> Result<(Meeting, Group), AppError> {
    db::write_tx(conn, |conn| {
        if !db::lock_meeting(conn, id)? {
            return Err(AppError::NotFound("meeting"));
        }
        let (old, old_group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        if old.status() == MeetingStatus::Cancelled {
            return Err(AppError::Conflict {
                code: "conflict",
                message: "This meeting has been cancelled and can no longer be changed.".into(),
            });
        }
        let fields = validate(conn, input)?;
        let mut errors = FieldErrors::default();
        let new_format = MeetingFormat::parse(&fields.format).unwrap_or(MeetingFormat::InPerson);
        for (attendance, capacity, field) in [
            (
                Attendance::InPerson,
                fields.in_person_capacity,
                "in_person_capacity",
            ),
            (
                Attendance::Remote,
                fields.remote_capacity,
                "remote_capacity",
            ),
        ] {
            let confirmed = seats::count_confirmed(conn, id, attendance)?;
            if !new_format.offers(attendance) && confirmed > 0 {
                errors.add(
                    "format",
                    format!(
                        "{confirmed} observer(s) hold {} seats; this format would drop them.",
                        attendance.label().to_lowercase()
                    ),
                );
            } else if capacity.is_some_and(|c| i64::from(c) < confirmed) {
                errors.add(
                    field,
                    format!(
                        "{confirmed} observers hold a seat already; the capacity cannot be lower."
                    ),
                );
            }
        }
        if old.status() == MeetingStatus::Published
            && fields.status == MeetingStatus::Draft.as_str()
        {
            let active = seats::in_meeting(conn, id)?
                .iter()
                .any(|(s, r)| r.is_active() && s.status() != RegistrationStatus::Cancelled);
            if active {
                errors.add(
                    "status",
                    "Observers are registered; cancel the meeting instead of hiding it.",
                );
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        if !any_change(&old, &fields) {
            return Ok((old, old_group));
        }
        let visible = calendar_visible_change(&old, &fields);
        let sequence = old.sequence + i32::from(visible);
        {
            use crate::db::schema::meetings::dsl as m;
            diesel::update(m::meetings.find(id))
                .set((
                    &fields,
                    m::sequence.eq(sequence),
                    m::updated_at.eq(db::now()),
                ))
                .execute(conn)?;
        }
        if visible && single_change && old.series_id.is_some() {
            // A single occurrence changed: it becomes an override of its series.
            crate::db::series::set_detached(conn, id)?;
        }
        let (new, group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        crate::db::changes::notify_change(conn)?;
        if visible && new.status() == MeetingStatus::Published {
            // A series re-shaping its occurrences tells its own registrants itself.
            notify_seat_holders(
                conn,
                ctx,
                MailKind::MeetingChanged,
                &new,
                &group,
                single_change,
            )?;
        }
        for attendance in Attendance::ALL {
            if new.format().offers(*attendance) {
                crate::services::registrations::seats::promote_waitlisted(
                    conn,
                    ctx,
                    &new,
                    &group,
                    *attendance,
                )?;
            }
        }
        sessions::audit(
            conn,
            actor,
            "meeting.update",
            &format!("meeting:{id}"),
            Some(&audit_view(&old, &old_group)),
            Some(&audit_view(&new, &group)),
        )?;
        Ok((new, group))
    })
}

/// Cancels a meeting: SEQUENCE raised, a `METHOD:CANCEL` to every active observer.
pub fn cancel(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    reason: Option<&str>,
    actor: &Staff,
) -> Result<(Meeting, Group), AppError> {
    db::write_tx(conn, |conn| {
        if !db::lock_meeting(conn, id)? {
            return Err(AppError::NotFound("meeting"));
        }
        let (old, group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        if old.status() == MeetingStatus::Cancelled {
            return Ok((old, group));
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        if reason.is_some_and(|r| r.chars().count() > 2000) {
            let mut errors = FieldErrors::default();
            errors.add("reason", "At most 2000 characters.");
            return Err(AppError::Validation(errors));
        }
        {
            use crate::db::schema::meetings::dsl as m;
            diesel::update(m::meetings.find(id))
                .set((
                    m::status.eq(MeetingStatus::Cancelled.as_str()),
                    m::cancel_reason.eq(reason),
                    m::sequence.eq(old.sequence + 1),
                    m::updated_at.eq(db::now()),
                ))
                .execute(conn)?;
        }
        let (new, group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        crate::db::changes::notify_change(conn)?;
        if old.status() == MeetingStatus::Published {
            notify_seat_holders(conn, ctx, MailKind::MeetingCancelled, &new, &group, true)?;
        }
        sessions::audit(
            conn,
            actor,
            "meeting.cancel",
            &format!("meeting:{id}"),
            Some(&audit_view(&old, &group)),
            Some(&audit_view(&new, &group)),
        )?;
        Ok((new, group))
    })
}

/// Tells everyone holding a place in `meeting` that it changed (confirmed seats) or was
/// cancelled (seats and waitlist places): a meeting registrant about the meeting, a series
/// registrant about that occurrence.
fn notify_seat_holders(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    meeting: &Meeting,
    group: &Group,
    include_series: bool,
) -> Result<(), AppError> {
    for (seat, reg) in seats::in_meeting(conn, meeting.id)? {
        let wanted = match kind {
            MailKind::MeetingChanged => seat.status() == RegistrationStatus::Confirmed,
            _ => seat.status() != RegistrationStatus::Cancelled,
        };
        if !wanted || !reg.is_active() || (reg.series_id.is_some() && !include_series) {
            continue;
        }
        let to = Recipient {
            registration: &reg,
            status: seat.status(),
        };
        seat_rules::mail_about_seat(conn, ctx, kind, meeting, group, &to)?;
    }
    Ok(())
}
