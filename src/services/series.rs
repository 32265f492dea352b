//! Weekly series: created once, expanded into occurrences (meetings) in the zone's wall
//! time, registered for as a whole, and kept in sync in calendars with one recurring event.
//! Their fields are checked in `domain::series`; the transactions are here.

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting, MeetingFields};
use crate::db::registrations as regs;
use crate::db::series::{self, Loaded, Series, SeriesFields};
use crate::db::staff::Staff;
use crate::db::{self, sessions, DbConn};
use crate::domain::meeting::MeetingInput;
use crate::domain::recurrence::RuleEnd;
use crate::domain::schedule::{self, format_wall_time as wall};
use crate::domain::series::{occurrence_input, SeriesDraft, SeriesInput};
use crate::domain::{FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::changes::summarize;
use crate::mail::messages::Letter;
use crate::mail::{self, About, MailContext, MailKind, Recipient};
use crate::services::groups as group_service;
use crate::services::meetings as meeting_service;
use crate::services::registrations::seats as seat_rules;

/// A checked series: its row and the wall-clock starts of its occurrences.
pub struct SeriesPlan {
    pub fields: SeriesFields,
    pub template: MeetingInput,
    pub starts: Vec<NaiveDateTime>,
}

/// Checks a series, resolves its group and expands its rule; every occurrence must exist in
/// the zone.
pub fn plan(conn: &mut DbConn, input: &SeriesInput) -> Result<SeriesPlan, AppError> {
    let draft = SeriesDraft::parse(input);
    let group = group_service::named(conn, input.group_slug())?;
    let (group, draft) = FieldErrors::both(group, draft)?;
    let starts = draft.starts()?;
    let rule = &draft.rule;
    Ok(SeriesPlan {
        fields: SeriesFields {
            group_id: group.id,
            title: draft.meeting.title.clone(),
            timezone: draft.meeting.timezone.name().to_string(),
            first_start_local: draft.first_start,
            duration_minutes: draft.duration_minutes as i32,
            interval_weeks: rule.interval as i32,
            weekdays: rule.byday(),
            until_date: match rule.end {
                RuleEnd::Until(d) => Some(d.to_string()),
                RuleEnd::Count(_) => None,
            },
            occurrence_count: match rule.end {
                RuleEnd::Count(n) => Some(n as i32),
                RuleEnd::Until(_) => None,
            },
            template_json: serde_json::to_string(&draft.template)
                .map_err(|e| AppError::Internal(e.into()))?,
        },
        template: draft.template,
        starts,
    })
}

/// Creates a series and its occurrences.
pub fn create(
    conn: &mut DbConn,
    input: &SeriesInput,
    base_url: &str,
    actor: Option<&Staff>,
) -> Result<(Series, Vec<Meeting>), AppError> {
    db::write_tx(conn, |conn| {
        let plan = plan(conn, input)?;
        let now = db::now();
        let series = series::insert(conn, &plan.fields, &meeting_service::new_uid(base_url), now)?;
        let mut occurrences = Vec::with_capacity(plan.starts.len());
        for start in &plan.starts {
            let fields = meeting_service::validate(
                conn,
                &occurrence_input(&plan.template, *start, series.duration_minutes),
            )?;
            let m = meetings::insert(conn, &fields, &meeting_service::new_uid(base_url), now)?;
            series::set_occurrence_link(conn, m.id, series.id, *start, false)?;
            occurrences.push(Meeting {
                series_id: Some(series.id),
                recurrence_local: Some(*start),
                ..m
            });
        }
        crate::services::announce::series(conn, base_url, series.id, None)?;
        crate::db::changes::notify_change(conn)?;
        if let Some(actor) = actor {
            sessions::audit(
                conn,
                actor,
                "series.create",
                &format!("series:{}", series.id),
                None,
                Some(&serde_json::to_value(input).unwrap_or_default()),
            )?;
        }
        Ok((series, occurrences))
    })
}

/// The input that describes a series as it is now.
pub fn input_from(s: &Series, g: &Group) -> Result<SeriesInput, AppError> {
    let t: MeetingInput =
        serde_json::from_str(&s.template_json).map_err(|e| AppError::Internal(e.into()))?;
    Ok(SeriesInput {
        group: Some(g.slug.clone()),
        title: Some(s.title.clone()),
        description: t.description,
        format: t.format,
        timezone: Some(s.timezone.clone()),
        first_start: Some(wall(s.first_start_local)),
        duration_minutes: Some(i64::from(s.duration_minutes)),
        interval_weeks: Some(i64::from(s.interval_weeks)),
        weekdays: Some(s.weekdays.split(',').map(str::to_string).collect()),
        until: s.until_date.clone(),
        count: s.occurrence_count.map(i64::from),
        venue: t.venue,
        address: t.address,
        city: t.city,
        country: t.country,
        online_url: t.online_url,
        online_details: t.online_details,
        online_url_visibility: t.online_url_visibility,
        in_person_capacity: t.in_person_capacity,
        remote_capacity: t.remote_capacity,
        waitlist: t.waitlist,
        verify_email: t.verify_email,
        status: t.status,
        reminders: t.reminders,
        agenda: t.agenda,
        notify: None,
    })
}

/// Changes a series from `from` on (default: all of it). From the first occurrence on, the
/// series is changed in place (same UID, SEQUENCE raised); from a later date, it is split:
/// the old series ends before that date and a new series takes over the occurrences after.
/// Occurrences that keep their place in the rule keep their registrations.
pub fn update(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    input: &SeriesInput,
    from: Option<NaiveDate>,
    base_url: &str,
    actor: &Staff,
) -> Result<Series, AppError> {
    db::write_tx(conn, |conn| {
        if !series::lock(conn, id)? {
            return Err(AppError::NotFound("series"));
        }
        let old = load(conn, id)?;
        let split_at = from.filter(|d| *d > old.series.first_start_local.date());
        // The new series starts at the first occurrence of its rule on or after `from`.
        let input = match split_at {
            Some(d) => input.starting_from(d, old.series.first_start_local),
            None => input.clone(),
        };
        let plan = plan(conn, &input)?;
        let now = db::now();
        let (target, affected): (Series, Vec<Meeting>) = match split_at {
            None => {
                series::update(conn, id, &plan.fields, old.series.sequence + 1, now)?;
                (
                    series::find(conn, id)?.ok_or(AppError::NotFound("series"))?,
                    old.occurrences.clone(),
                )
            }
            Some(d) => {
                let (keep, moved): (Vec<Meeting>, Vec<Meeting>) = old
                    .occurrences
                    .iter()
                    .cloned()
                    .partition(|m| m.recurrence_local.is_some_and(|r| r.date() < d));
                // The old series now ends with its last occurrence before the split.
                let mut cut = series_fields_of(&old.series);
                cut.until_date = None;
                cut.occurrence_count = Some(keep.len().max(1) as i32);
                series::update(conn, id, &cut, old.series.sequence + 1, now)?;
                let new =
                    series::insert(conn, &plan.fields, &meeting_service::new_uid(base_url), now)?;
                (new, moved)
            }
        };
        let registrants = regs::active_for_series(conn, id)?;
        // Match occurrences in order: the i-th affected one becomes the i-th of the new rule.
        for (i, start) in plan.starts.iter().enumerate() {
            let mut occ_input = occurrence_input(&plan.template, *start, target.duration_minutes);
            occ_input.notify = input.notify;
            match affected.get(i) {
                Some(m) if m.starts_at <= now => {
                    // The past stays as it was; where it no longer fits the rule, it is kept
                    // in calendars as an override at its real time.
                    let expected = schedule::parse_zone(&target.timezone)
                        .ok()
                        .and_then(|tz| schedule::local_to_utc(&tz, *start).ok());
                    let fits = m.recurrence_local == Some(*start) && expected == Some(m.starts_at);
                    series::set_occurrence_link(
                        conn,
                        m.id,
                        target.id,
                        *start,
                        m.detached || !fits,
                    )?;
                }
                Some(m) if m.status() == MeetingStatus::Cancelled => {
                    follow_rule_cancelled(conn, m, &occ_input)?;
                    series::set_occurrence_link(conn, m.id, target.id, *start, false)?;
                }
                Some(m) if m.detached => {
                    series::set_occurrence_link(conn, m.id, target.id, *start, true)?;
                }
                Some(m) => {
                    series::set_occurrence_link(conn, m.id, target.id, *start, false)?;
                    meeting_service::update_quietly(conn, ctx, m.id, &occ_input, actor)?;
                }
                None => {
                    let fields = meeting_service::validate(conn, &occ_input)?;
                    let m =
                        meetings::insert(conn, &fields, &meeting_service::new_uid(base_url), now)?;
                    series::set_occurrence_link(conn, m.id, target.id, *start, false)?;
                    // Whole-series registrants get a seat in the new meeting too.
                    for reg in registrants
                        .iter()
                        .filter(|r| m.format().offers(r.attendance()))
                    {
                        seat_rules::take(conn, &m, reg, None)?;
                    }
                }
            }
        }
        // Occurrences the new rule no longer has are cancelled (observers are told).
        for m in affected
            .iter()
            .skip(plan.starts.len())
            .filter(|m| m.starts_at > now && m.status() != MeetingStatus::Cancelled)
        {
            series::set_occurrence_link(
                conn,
                m.id,
                target.id,
                m.recurrence_local.unwrap_or(m.starts_at),
                m.detached,
            )?;
            meeting_service::cancel(
                conn,
                ctx,
                m.id,
                Some("This meeting is no longer part of the series."),
                actor,
            )?;
        }
        let split_from = Some(&old.series).filter(|_| target.id != id);
        crate::services::announce::series(conn, base_url, target.id, split_from)?;
        crate::db::changes::notify_change(conn)?;
        // Series registrants get the new shape of their series (and of the split-off part).
        let mut notify_ids = vec![id];
        if input.notify == Some(false) {
            notify_ids.clear();
        } else if target.id != id {
            notify_ids.push(target.id);
        }
        // What changed is told with the next occurrence, as it was and as it is now.
        let next = |occurrences: &[Meeting]| {
            occurrences
                .iter()
                .find(|m| m.starts_at > now && m.status() != MeetingStatus::Cancelled)
                .cloned()
        };
        for sid in notify_ids {
            let loaded = load(conn, sid)?;
            let changes = match (next(&old.occurrences), next(&loaded.occurrences)) {
                (Some(was), Some(is)) => summarize(&was, &is),
                _ => Vec::new(),
            };
            let about = About::Series(&loaded);
            for reg in &registrants {
                let to = Recipient {
                    registration: reg,
                    status: RegistrationStatus::Confirmed,
                    seat_checked: false,
                };
                let letter = Letter {
                    kind: MailKind::MeetingChanged,
                    about: &about,
                    to: &to,
                    token: None,
                };
                mail::messages::enqueue_letter(conn, ctx, &letter, &changes)?;
            }
        }
        sessions::audit(
            conn,
            actor,
            "series.update",
            &format!("series:{id}"),
            Some(&serde_json::to_value(input_from(&old.series, &old.group)?).unwrap_or_default()),
            Some(&serde_json::to_value(&input).unwrap_or_default()),
        )?;
        Ok(target)
    })
}

/// A cancelled occurrence takes its new place and shape in the rule, still cancelled (an
/// EXDATE of the series), so that its start and its RECURRENCE-ID name the same instant.
/// Nobody is told: its observers had the cancellation, series registrants get the series.
fn follow_rule_cancelled(
    conn: &mut DbConn,
    m: &Meeting,
    occ_input: &MeetingInput,
) -> Result<(), AppError> {
    let fields = MeetingFields {
        status: m.status.clone(),
        ..meeting_service::validate(conn, occ_input)?
    };
    if !meeting_service::any_change(m, &fields) {
        return Ok(());
    }
    let visible = meeting_service::calendar_visible_change(m, &fields);
    meetings::reshape(conn, m.id, &fields, visible)?;
    Ok(())
}

fn series_fields_of(s: &Series) -> SeriesFields {
    SeriesFields {
        group_id: s.group_id,
        title: s.title.clone(),
        timezone: s.timezone.clone(),
        first_start_local: s.first_start_local,
        duration_minutes: s.duration_minutes,
        interval_weeks: s.interval_weeks,
        weekdays: s.weekdays.clone(),
        until_date: s.until_date.clone(),
        occurrence_count: s.occurrence_count,
        template_json: s.template_json.clone(),
    }
}

/// A series that exists, with its group and occurrences.
pub fn load(conn: &mut DbConn, id: i64) -> Result<Loaded, AppError> {
    series::load(conn, id)?.ok_or(AppError::NotFound("series"))
}

/// A series anyone may see: one with an occurrence that is not a draft.
pub fn load_public(conn: &mut DbConn, id: i64) -> Result<Loaded, AppError> {
    let loaded = load(conn, id)?;
    if loaded
        .occurrences
        .iter()
        .all(|m| m.status() == MeetingStatus::Draft)
    {
        return Err(AppError::NotFound("series"));
    }
    Ok(loaded)
}
