//! Weekly series: created once, expanded into occurrences (meetings) in the zone's wall
//! time, registered for as a whole, and kept in sync in calendars with one recurring event.

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::groups::{self, Group};
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, NewRegistration};
use crate::db::series::{self, NewSeriesRegistration, Series, SeriesFields, SeriesRegistration};
use crate::db::staff::Staff;
use crate::db::{self, sessions, DbConn};
use crate::domain::recurrence::{self, RuleEnd, WeeklyRule};
use crate::domain::schedule;
use crate::domain::{token, Attendance, FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::ics::{self, Invitation, Method, SeriesSource};
use crate::mail::{MailContext, MailKind};
use crate::services::meetings::{self as meeting_service, MeetingInput};
use crate::services::registrations::RegistrationInput;

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
        crate::feed_cache::notify_change(conn)?;
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

/// Everything a series invite needs, loaded.
pub struct Loaded {
    pub series: Series,
    pub group: Group,
    pub occurrences: Vec<Meeting>,
}

pub fn load(conn: &mut DbConn, id: i64) -> Result<Loaded, AppError> {
    let series = series::find(conn, id)?.ok_or(AppError::NotFound("series"))?;
    let group = groups::find(conn, series.group_id)?;
    let occurrences = series::occurrences(conn, id)?;
    Ok(Loaded {
        series,
        group,
        occurrences,
    })
}

fn invitation<'a>(
    ctx: &'a MailContext,
    organizer_email: &'a str,
    name: &'a str,
    email: &'a str,
    method: Method,
) -> Invitation<'a> {
    Invitation {
        method,
        organizer_name: ctx.from.name.as_deref(),
        organizer_email,
        attendee_name: name,
        attendee_email: email,
        accepted: method == Method::Request,
    }
}

/// The whole-series invite for one series registrant.
pub fn registrant_invite(
    ctx: &MailContext,
    loaded: &Loaded,
    reg: &SeriesRegistration,
    token: Option<&str>,
    method: Method,
) -> String {
    let meeting_url = |m: &Meeting| ctx.meeting_url(m);
    let source = SeriesSource {
        series: &loaded.series,
        group: &loaded.group,
        occurrences: &loaded.occurrences,
        url: format!("{}/series/{}", ctx.base_url, loaded.series.id),
        meeting_url: &meeting_url,
        show_online_url: true,
        note: token.map(|t| format!("Change or cancel your registration: {}", ctx.manage_url(t))),
    };
    let organizer = ctx.from.email.to_string();
    ics::series_invite(
        &source,
        &invitation(ctx, &organizer, &reg.name, &reg.email, method),
        Utc::now(),
    )
}

/// Registers an observer for every occurrence still ahead (seat rules per occurrence).
/// An address already registered gets its link mailed again and no token back.
pub fn register(
    conn: &mut DbConn,
    ctx: &MailContext,
    series_id: i64,
    input: &RegistrationInput,
) -> Result<(SeriesRegistration, Option<String>), AppError> {
    db::write_tx(conn, |conn| {
        if !series::lock(conn, series_id)? {
            return Err(AppError::NotFound("series"));
        }
        let loaded = load(conn, series_id)?;
        let now = db::now();
        let ahead: Vec<&Meeting> = loaded
            .occurrences
            .iter()
            .filter(|m| m.registration_state(now).is_ok())
            .collect();
        if ahead.is_empty() {
            return Err(AppError::Gone {
                code: "registration_closed",
                message: "No occurrence of this series is open for registration.".into(),
            });
        }
        if !ahead.iter().any(|m| m.format().offers(input.attendance)) {
            let mut errors = FieldErrors::default();
            errors.add(
                "attendance",
                format!("{} attendance is not offered.", input.attendance.label()),
            );
            return Err(AppError::Validation(errors));
        }
        let normalized = input.email.normalized();
        let token = token::generate();
        if let Some(existing) = series::find_active_registration(conn, series_id, &normalized)? {
            series::set_registration_token(conn, existing.id, &token::hash(&token))?;
            let text = format!(
                "Someone (probably you) tried to register this address again for {}. You are already registered; use this link to see, change or cancel your registration (earlier links no longer work):\n\n{}\n",
                loaded.series.title,
                ctx.manage_url(&token)
            );
            crate::mail::messages::enqueue_plain(
                conn,
                ctx,
                MailKind::AlreadyRegistered,
                None,
                &existing.email,
                &format!("You are already registered: {}", loaded.series.title),
                &text,
                None,
            )?;
            // Committed (the new link must reach the owner); the caller answers 409.
            return Ok((existing, None));
        }
        let reg = series::insert_registration(
            conn,
            &NewSeriesRegistration {
                series_id,
                token_hash: &token::hash(&token),
                name: &input.name,
                email: input.email.as_str(),
                email_normalized: &normalized,
                affiliation: input.affiliation.as_deref(),
                attendance: input.attendance.as_str(),
                status: "active",
                created_at: now,
            },
        )?;
        for m in ahead {
            if !m.format().offers(input.attendance) {
                continue;
            }
            crate::db::lock_meeting(conn, m.id)?;
            if regs::find_active_by_email(conn, m.id, &normalized)?.is_some() {
                continue;
            }
            add_seat(conn, m, &reg, input.attendance, now)?;
        }
        let ics = registrant_invite(ctx, &loaded, &reg, Some(&token), Method::Request);
        let text = format!(
            "Hello {},\n\nYou are registered for every meeting of {} ({}). The attached invitation adds the whole series to your calendar and stays up to date when a meeting moves or is cancelled.\n\nSeries page: {}/series/{}\n\nChange or cancel your registration (keep this link to yourself):\n{}\n",
            reg.name, loaded.series.title, loaded.group.name, ctx.base_url, series_id, ctx.manage_url(&token)
        );
        crate::mail::messages::enqueue_plain(
            conn,
            ctx,
            MailKind::Confirmed,
            None,
            &reg.email,
            &format!("Registration confirmed: {}", loaded.series.title),
            &text,
            Some((Method::Request, &ics)),
        )?;
        Ok((reg, Some(token)))
    })
}

/// Tells series registrants holding a seat at `occurrence` that it changed (`REQUEST`) or was
/// cancelled (`CANCEL`), with the occurrence's RECURRENCE-ID. Call inside the transaction.
pub fn notify_occurrence(
    conn: &mut DbConn,
    ctx: &MailContext,
    occurrence: &Meeting,
    method: Method,
) -> Result<(), AppError> {
    let Some(series_id) = occurrence.series_id else {
        return Ok(());
    };
    let loaded = load(conn, series_id)?;
    let meeting_url = |m: &Meeting| ctx.meeting_url(m);
    let source = SeriesSource {
        series: &loaded.series,
        group: &loaded.group,
        occurrences: &loaded.occurrences,
        url: format!("{}/series/{}", ctx.base_url, series_id),
        meeting_url: &meeting_url,
        show_online_url: true,
        note: None,
    };
    let organizer = ctx.from.email.to_string();
    let rows = regs::for_meeting(conn, occurrence.id)?;
    for r in rows.iter().filter(|r| {
        r.series_registration_id.is_some() && r.status() != RegistrationStatus::Cancelled
    }) {
        let ics = ics::occurrence_invite(
            &source,
            occurrence,
            &invitation(ctx, &organizer, &r.name, &r.email, method),
            Utc::now(),
        );
        let (subject, intro) = match method {
            Method::Request => ("Meeting updated", "One meeting of the series has changed. The attached update moves it in your calendar; the rest of the series is unchanged."),
            Method::Cancel => ("Meeting cancelled", "One meeting of the series has been cancelled. The attached cancellation removes it from your calendar; the rest of the series is unchanged."),
        };
        let text = format!(
            "Hello {},\n\n{intro}\n\n{}\n{}\n{}\n\nMeeting page: {}\n",
            r.name,
            occurrence.title,
            crate::views::when_local(occurrence),
            crate::views::when_utc(occurrence),
            ctx.meeting_url(occurrence)
        );
        let kind = if method == Method::Request {
            MailKind::MeetingChanged
        } else {
            MailKind::MeetingCancelled
        };
        crate::mail::messages::enqueue_plain(
            conn,
            ctx,
            kind,
            Some(occurrence.id),
            &r.email,
            &format!("{subject}: {}", occurrence.title),
            &text,
            Some((method, &ics)),
        )?;
    }
    Ok(())
}

/// The series registration behind a manage-link secret, if it is one.
pub fn find_registration_by_token(
    conn: &mut DbConn,
    secret: &str,
) -> Result<Option<(SeriesRegistration, Loaded)>, AppError> {
    if !token::looks_valid(secret) {
        return Ok(None);
    }
    match series::find_registration_by_token_hash(conn, &token::hash(secret))? {
        Some(r) => {
            let loaded = load(conn, r.series_id)?;
            Ok(Some((r, loaded)))
        }
        None => Ok(None),
    }
}

/// Cancels a whole-series registration: its seats in every occurrence ahead are freed
/// (and go to the waitlists), and one CANCEL for the series is sent.
pub fn cancel_registration(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let Some((reg, loaded)) = find_registration_by_token(conn, secret)? else {
            return Err(AppError::NotFound("registration"));
        };
        if reg.status == "cancelled" {
            return Ok(());
        }
        series::lock(conn, reg.series_id)?;
        series::set_registration_status(conn, reg.id, "cancelled")?;
        let now = db::now();
        // Every seat this registration holds, also in a series split off from this one.
        for r in seats_of(conn, reg.id)? {
            let Some((m, group)) = meetings::find_with_group(conn, r.meeting_id)? else {
                continue;
            };
            if m.starts_at <= now || r.status() == RegistrationStatus::Cancelled {
                continue;
            }
            crate::db::lock_meeting(conn, m.id)?;
            regs::set_status(conn, r.id, RegistrationStatus::Cancelled, now)?;
            if r.status() == RegistrationStatus::Confirmed {
                crate::services::registrations::promote_waitlisted(
                    conn,
                    ctx,
                    &m,
                    &group,
                    r.attendance(),
                )?;
            }
        }
        let ics = registrant_invite(ctx, &loaded, &reg, None, Method::Cancel);
        let text = format!("Hello {},\n\nYour registration for {} has been cancelled. The attached cancellation removes the series from your calendar.\n", reg.name, loaded.series.title);
        crate::mail::messages::enqueue_plain(
            conn,
            ctx,
            MailKind::ObserverCancelled,
            None,
            &reg.email,
            &format!("Registration cancelled: {}", loaded.series.title),
            &text,
            Some((Method::Cancel, &ics)),
        )?;
        Ok(())
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
        let registrants = series::active_registrations(conn, id)?;
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
                    for reg in &registrants {
                        let Some(attendance) = Attendance::parse(&reg.attendance) else {
                            continue;
                        };
                        if !m.format().offers(attendance) {
                            continue;
                        }
                        add_seat(conn, &m, reg, attendance, now)?;
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
        crate::feed_cache::notify_change(conn)?;
        // Series registrants get the new shape of their series (and of the split-off part).
        let mut notify_ids = vec![id];
        if target.id != id {
            notify_ids.push(target.id);
        }
        for sid in notify_ids {
            let loaded = load(conn, sid)?;
            for reg in &registrants {
                let ics = registrant_invite(ctx, &loaded, reg, None, Method::Request);
                let text = format!("Hello {},\n\nThe series {} has changed. The attached invitation updates it in your calendar.\n\nSeries page: {}/series/{}\n", reg.name, loaded.series.title, ctx.base_url, sid);
                crate::mail::messages::enqueue_plain(
                    conn,
                    ctx,
                    MailKind::MeetingChanged,
                    None,
                    &reg.email,
                    &format!("Meeting updated: {}", loaded.series.title),
                    &text,
                    Some((Method::Request, &ics)),
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

/// A seat (or a waitlist place) for a whole-series registrant in one occurrence.
fn add_seat(
    conn: &mut DbConn,
    m: &Meeting,
    reg: &SeriesRegistration,
    attendance: Attendance,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let status = crate::services::registrations::seat_for(conn, m, attendance)?
        .unwrap_or(RegistrationStatus::Waitlisted);
    let row = regs::insert(
        conn,
        &NewRegistration {
            meeting_id: m.id,
            token_hash: &token::hash(&token::generate()),
            name: &reg.name,
            email: &reg.email,
            email_normalized: &reg.email_normalized,
            affiliation: reg.affiliation.as_deref(),
            attendance: attendance.as_str(),
            status: status.as_str(),
            created_at: now,
            updated_at: now,
        },
    )?;
    diesel::update(crate::db::schema::registrations::table.find(row.id))
        .set(crate::db::schema::registrations::series_registration_id.eq(reg.id))
        .execute(conn)?;
    Ok(())
}

/// The per-meeting seats held by a whole-series registration.
pub fn seats_of(
    conn: &mut DbConn,
    series_registration_id: i64,
) -> Result<Vec<crate::db::registrations::Registration>, AppError> {
    use crate::db::schema::registrations::dsl as r;
    Ok(r::registrations
        .filter(r::series_registration_id.eq(series_registration_id))
        .order(r::id.asc())
        .load(conn)?)
}

/// Attendance offered by any occurrence of a series.
pub fn offers(loaded: &Loaded, a: Attendance) -> bool {
    loaded.occurrences.iter().any(|m| m.format().offers(a))
}
