//! Creating, changing and cancelling meetings, each in one transaction. The fields are checked
//! in `domain::meeting`; the group is found here.

use diesel::prelude::*;

pub use super::new_uid;
use crate::db::groups::{self, Group};
use crate::db::meetings::{self, Meeting, MeetingFields};
pub(crate) use crate::db::meetings::{any_change, calendar_visible_change};
use crate::db::seats;
use crate::db::sessions;
use crate::db::staff::Staff;
use crate::db::{self, DbConn};
use crate::domain::days::RawDay;
use crate::domain::meeting::{MeetingDraft, MeetingInput};
use crate::domain::notes::cancel_reason;
use crate::domain::schedule;
use crate::domain::{Attendance, FieldErrors, MeetingFormat, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::changes::{summarize, ChangeLine};
use crate::mail::{MailContext, MailKind, Recipient};
use crate::services::groups as group_service;
use crate::services::registrations::seats as seat_rules;

/// Checks every field and resolves the group; all problems are reported together.
pub fn validate(conn: &mut DbConn, input: &MeetingInput) -> Result<MeetingFields, AppError> {
    let draft = MeetingDraft::parse(input);
    let group = group_service::named(conn, input.group_slug())?;
    let (group, draft) = FieldErrors::both(group, draft)?;
    Ok(fields_of(draft, group.id))
}

/// The row of a checked meeting of group `group_id`.
fn fields_of(d: MeetingDraft, group_id: i64) -> MeetingFields {
    MeetingFields {
        group_id,
        title: d.title,
        description: d.description,
        format: d.format.as_str().to_string(),
        timezone: d.timezone.name().to_string(),
        starts_at: d.days.starts_at(),
        ends_at: d.days.ends_at(),
        days: d.days.encode(),
        venue: d.place.venue,
        address: d.place.address,
        city: d.place.city,
        country: d.place.country,
        online_url: d.place.online_url,
        online_details: d.place.online_details,
        online_url_visibility: d.online_url_visibility.as_str().to_string(),
        in_person_capacity: d.in_person_capacity,
        remote_capacity: d.remote_capacity,
        waitlist: d.waitlist,
        verify_email: d.verify_email,
        registration_opens_at: d.registration_opens_at,
        registration_closes_at: d.registration_closes_at,
        status: d.status.as_str().to_string(),
        reminders: d.reminders.to_stored(),
        agenda: d.agenda.as_str().to_string(),
    }
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
        crate::services::announce::meeting(conn, base_url, &meeting)?;
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
    let wall = |t| schedule::format_wall_time(schedule::utc_to_local(&tz, t).naive_local());
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
        verify_email: Some(m.verify_email),
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
        reminders: Some(m.reminder_leads().iter().map(|&l| i64::from(l)).collect()),
        agenda: Some(m.agenda.clone()),
        notify: None,
    }
}

fn audit_view(m: &Meeting, g: &Group) -> serde_json::Value {
    let mut v = serde_json::to_value(input_from(m, g)).unwrap_or_default();
    v["sequence"] = m.sequence.into();
    v["cancel_reason"] = m.cancel_reason.clone().into();
    v
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
                        attendance.label(crate::i18n::Lang::En).to_lowercase()
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
        // A quiet save still raises SEQUENCE: the next invite anyone gets is current.
        let notify = input.notify.unwrap_or(true);
        meetings::reshape(conn, id, &fields, visible)?;
        if visible && single_change && old.series_id.is_some() {
            // A single occurrence changed: it becomes an override of its series.
            crate::db::series::set_detached(conn, id)?;
        }
        let (new, group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        crate::services::announce::meeting(conn, &ctx.base_url, &new)?;
        crate::db::changes::notify_change(conn)?;
        if visible && notify && new.status() == MeetingStatus::Published {
            // A series re-shaping its occurrences tells its own registrants itself.
            notify_seat_holders(
                conn,
                ctx,
                MailKind::MeetingChanged,
                &summarize(&old, &new),
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
        let mut after = audit_view(&new, &group);
        after["notify"] = notify.into();
        sessions::audit(
            conn,
            actor,
            "meeting.update",
            &format!("meeting:{id}"),
            Some(&audit_view(&old, &old_group)),
            Some(&after),
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
    // The reason is checked first: an invalid one is refused also for a meeting that is
    // cancelled already.
    let reason = cancel_reason(reason)?;
    db::write_tx(conn, |conn| {
        if !db::lock_meeting(conn, id)? {
            return Err(AppError::NotFound("meeting"));
        }
        let (old, group) =
            meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
        if old.status() == MeetingStatus::Cancelled {
            return Ok((old, group));
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
        crate::db::scheduled::schedule(conn, &new)?;
        crate::db::changes::notify_change(conn)?;
        if old.status() == MeetingStatus::Published {
            notify_seat_holders(
                conn,
                ctx,
                MailKind::MeetingCancelled,
                &[],
                &new,
                &group,
                true,
            )?;
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
pub(crate) fn notify_seat_holders(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    changes: &[ChangeLine],
    meeting: &Meeting,
    group: &Group,
    include_series: bool,
) -> Result<(), AppError> {
    for (seat, reg) in seats::in_meeting(conn, meeting.id)? {
        let wanted = match kind {
            MailKind::MeetingChanged | MailKind::ZoneRulesChanged => {
                seat.status() == RegistrationStatus::Confirmed
            }
            _ => seat.status() != RegistrationStatus::Cancelled,
        };
        if !wanted || !reg.is_active() || (reg.series_id.is_some() && !include_series) {
            continue;
        }
        let to = Recipient {
            registration: &reg,
            status: seat.status(),
            seat_checked: false,
        };
        seat_rules::mail_about_seat(conn, ctx, kind, meeting, group, &to, changes)?;
    }
    Ok(())
}
