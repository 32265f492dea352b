//! Weekly series: created once, expanded into occurrences (meetings) in the zone's wall
//! time, registered for as a whole, and kept in sync in calendars with one recurring event.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting};
use crate::db::registrations as regs;
use crate::db::series::{self, Loaded, Series, SeriesFields};
use crate::db::staff::Staff;
use crate::db::{self, sessions, DbConn};
use crate::domain::recurrence::{self, RuleEnd, WeeklyRule};
use crate::domain::schedule;
use crate::domain::{FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{self, About, MailContext, MailKind, Recipient};
use crate::services::meetings::{self as meeting_service, MeetingInput};
use crate::services::registrations::seats as seat_rules;

/// A series as staff describe it. Times are wall times in `timezone`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesInput {
    pub group: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub format: Option<String>,
    pub timezone: Option<String>,
    /// The first occurrence's start, e.g. `2027-01-06T14:00`.
    pub first_start: Option<String>,
    pub duration_minutes: Option<i64>,
    /// Every N weeks (default 1).
    pub interval_weeks: Option<i64>,
    /// E.g. `["WE"]` or `["MO","TH"]`; default: the first start's weekday.
    pub weekdays: Option<Vec<String>>,
    /// Last day an occurrence may fall on (`2027-12-31`); or give `count`.
    pub until: Option<String>,
    pub count: Option<i64>,
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
    pub status: Option<String>,
}

/// A checked series: its row and the wall-clock starts of its occurrences.
pub struct SeriesPlan {
    pub fields: SeriesFields,
    pub template: MeetingInput,
    pub starts: Vec<NaiveDateTime>,
}

fn wall(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// Checks a series and expands its rule; every occurrence must exist in the zone.
pub fn plan(conn: &mut DbConn, input: &SeriesInput) -> Result<SeriesPlan, AppError> {
    let mut errors = FieldErrors::default();
    let first = match input.first_start.as_deref().map(schedule::parse_wall_time) {
        None => {
            errors.add(
                "first_start",
                "This field is required (a local time like 2027-01-06T14:00).",
            );
            None
        }
        Some(Err(e)) => {
            errors.add("first_start", e.to_string());
            None
        }
        Some(Ok(t)) => Some(t),
    };
    let duration = match input.duration_minutes {
        Some(d) if (5..=24 * 60).contains(&d) => Some(d),
        Some(_) => {
            errors.add("duration_minutes", "Between 5 and 1440 minutes.");
            None
        }
        None => {
            errors.add("duration_minutes", "This field is required.");
            None
        }
    };
    let interval = match input.interval_weeks.unwrap_or(1) {
        n @ 1..=52 => n as u32,
        _ => {
            errors.add("interval_weeks", "Between 1 and 52 weeks.");
            1
        }
    };
    let mut weekdays = Vec::new();
    match &input.weekdays {
        Some(list) if !list.is_empty() => {
            for d in list {
                match recurrence::parse_weekday(d) {
                    Some(day) => weekdays.push(day),
                    None => errors.add(
                        "weekdays",
                        format!("{d:?} is not a weekday (use MO, TU, WE, TH, FR, SA, SU)."),
                    ),
                }
            }
        }
        Some(_) => errors.add("weekdays", "Give at least one weekday."),
        None => weekdays.extend(first.map(|f| chrono::Datelike::weekday(&f))),
    }
    weekdays.sort_by_key(|d| d.num_days_from_monday());
    weekdays.dedup();
    if let Some(f) = first {
        if !weekdays.is_empty() && !weekdays.contains(&chrono::Datelike::weekday(&f)) {
            errors.add(
                "weekdays",
                "The first start must fall on one of the weekdays.",
            );
        }
    }
    let end = match (
        input
            .until
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty()),
        input.count,
    ) {
        (Some(_), Some(_)) => {
            errors.add("count", "Give either until or count, not both.");
            None
        }
        (Some(u), None) => match NaiveDate::parse_from_str(u, "%Y-%m-%d") {
            Ok(d)
                if first
                    .is_some_and(|f| d >= f.date() && d <= f.date() + Duration::days(5 * 366)) =>
            {
                Some(RuleEnd::Until(d))
            }
            Ok(_) => {
                errors.add(
                    "until",
                    "Must be on or after the first start and within five years.",
                );
                None
            }
            Err(_) => {
                errors.add("until", "Use a date like 2027-12-31.");
                None
            }
        },
        (None, Some(n)) if (1..=recurrence::MAX_OCCURRENCES as i64).contains(&n) => {
            Some(RuleEnd::Count(n as u32))
        }
        (None, Some(_)) => {
            errors.add(
                "count",
                format!("Between 1 and {}.", recurrence::MAX_OCCURRENCES),
            );
            None
        }
        (None, None) => {
            errors.add(
                "until",
                "Give the last date (until) or the number of occurrences (count).",
            );
            None
        }
    };
    // Everything that is not about time is checked as the first occurrence would be.
    let template = MeetingInput {
        group: input.group.clone(),
        title: input.title.clone(),
        description: input.description.clone(),
        format: input.format.clone(),
        timezone: input.timezone.clone(),
        starts_at: first.map(wall).or_else(|| input.first_start.clone()),
        ends_at: match (first, duration) {
            (Some(f), Some(d)) => Some(wall(f + Duration::minutes(d))),
            _ => input.first_start.clone(),
        },
        venue: input.venue.clone(),
        address: input.address.clone(),
        city: input.city.clone(),
        country: input.country.clone(),
        online_url: input.online_url.clone(),
        online_details: input.online_details.clone(),
        online_url_visibility: input.online_url_visibility.clone(),
        in_person_capacity: input.in_person_capacity,
        remote_capacity: input.remote_capacity,
        waitlist: input.waitlist,
        registration_opens_at: None,
        registration_closes_at: None,
        status: input.status.clone(),
        days: None,
    };
    let checked = match meeting_service::validate(conn, &template) {
        Ok(f) => Some(f),
        Err(AppError::Validation(e)) => {
            for (k, v) in e.0 {
                let key = match k.as_str() {
                    "starts_at" => "first_start".to_string(),
                    "ends_at" => "duration_minutes".to_string(),
                    _ => k,
                };
                errors.add(&key, v);
            }
            None
        }
        Err(e) => return Err(e),
    };
    let (Some(first), Some(duration), Some(end), Some(fields)) = (first, duration, end, checked)
    else {
        return Err(AppError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let rule = WeeklyRule {
        interval,
        weekdays,
        end,
    };
    let starts = rule.expand(first);
    let tz = schedule::parse_zone(&fields.timezone).map_err(|e| AppError::Internal(e.into()))?;
    for s in &starts {
        for t in [*s, *s + Duration::minutes(duration)] {
            if let Err(e) = schedule::local_to_utc(tz, t) {
                errors.add(
                    "first_start",
                    format!("The occurrence on {}: {e}", s.date()),
                );
                return Err(AppError::Validation(errors));
            }
        }
    }
    Ok(SeriesPlan {
        fields: SeriesFields {
            group_id: fields.group_id,
            title: fields.title.clone(),
            timezone: fields.timezone.clone(),
            first_start_local: first,
            duration_minutes: duration as i32,
            interval_weeks: interval as i32,
            weekdays: rule.byday(),
            until_date: match rule.end {
                RuleEnd::Until(d) => Some(d.to_string()),
                RuleEnd::Count(_) => None,
            },
            occurrence_count: match rule.end {
                RuleEnd::Count(n) => Some(n as i32),
                RuleEnd::Until(_) => None,
            },
            template_json: serde_json::to_string(&template)
                .map_err(|e| AppError::Internal(e.into()))?,
        },
        template,
        starts,
    })
}

fn occurrence_input(
    template: &MeetingInput,
    start: NaiveDateTime,
    duration_minutes: i32,
) -> MeetingInput {
    MeetingInput {
        starts_at: Some(wall(start)),
        ends_at: Some(wall(start + Duration::minutes(i64::from(duration_minutes)))),
        ..template.clone()
    }
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
        status: t.status,
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
        let input = match split_at {
            // The new series starts at the first occurrence of its rule on or after `from`.
            Some(d) => {
                let mut i = input.clone();
                if i.first_start.as_deref() == Some(wall(old.series.first_start_local).as_str()) {
                    let time = old.series.first_start_local.time();
                    let weekdays: Vec<chrono::Weekday> = i
                        .weekdays
                        .clone()
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|w| recurrence::parse_weekday(w))
                        .collect();
                    let mut day = d;
                    while !weekdays.is_empty()
                        && !weekdays.contains(&chrono::Datelike::weekday(&day))
                    {
                        day += Duration::days(1);
                    }
                    i.first_start = Some(wall(day.and_time(time)));
                }
                i
            }
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
            let occ_input = occurrence_input(&plan.template, *start, target.duration_minutes);
            match affected.get(i) {
                Some(m) if m.starts_at <= now => {
                    // The past stays as it was; where it no longer fits the rule, it is kept
                    // in calendars as an override at its real time.
                    let expected = schedule::parse_zone(&target.timezone)
                        .ok()
                        .and_then(|tz| schedule::local_to_utc(tz, *start).ok());
                    let fits = m.recurrence_local == Some(*start) && expected == Some(m.starts_at);
                    series::set_occurrence_link(
                        conn,
                        m.id,
                        target.id,
                        *start,
                        m.detached || !fits,
                    )?;
                }
                Some(m) if m.detached || m.status() == MeetingStatus::Cancelled => {
                    series::set_occurrence_link(conn, m.id, target.id, *start, m.detached)?;
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
        crate::db::changes::notify_change(conn)?;
        // Series registrants get the new shape of their series (and of the split-off part).
        let mut notify_ids = vec![id];
        if target.id != id {
            notify_ids.push(target.id);
        }
        for sid in notify_ids {
            let loaded = load(conn, sid)?;
            for reg in &registrants {
                let to = Recipient {
                    registration: reg,
                    status: RegistrationStatus::Confirmed,
                };
                mail::enqueue(
                    conn,
                    ctx,
                    MailKind::MeetingChanged,
                    &About::Series(&loaded),
                    &to,
                    None,
                )?;
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
