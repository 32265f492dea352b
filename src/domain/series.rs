//! A weekly series as staff describe it (`SeriesInput`, the JSON of the API) and the same
//! series checked (`SeriesDraft`): its rule, and its first occurrence as a meeting. Whether
//! the named group exists is left to the service: it needs the database.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::meeting::{MeetingDraft, MeetingInput};
use super::recurrence::{self, RuleEnd, WeeklyRule};
use super::schedule::{self, format_wall_time as wall};
pub use super::series_input::SeriesInput;
use super::{given, FieldErrors};

/// A series with every field checked: its rule, and the meeting every occurrence is made of.
#[derive(Debug, Clone)]
pub struct SeriesDraft {
    /// The first occurrence's wall start in the series' zone.
    pub first_start: NaiveDateTime,
    pub duration_minutes: i64,
    pub rule: WeeklyRule,
    /// The first occurrence as staff would describe it (stored; occurrences are made of it).
    pub template: MeetingInput,
    /// The template, checked.
    pub meeting: MeetingDraft,
}

impl SeriesDraft {
    /// Checks every field of `input`; all problems are reported together, keyed by field.
    /// Everything that is not about time is checked as the first occurrence would be.
    pub fn parse(input: &SeriesInput) -> Result<SeriesDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let first = first_start(&mut errors, input.first_start.as_deref());
        let duration = duration(&mut errors, input.duration_minutes);
        let interval = match input.interval_weeks.unwrap_or(1) {
            n @ 1..=52 => n as u32,
            _ => {
                errors.add("interval_weeks", "Between 1 and 52 weeks.");
                1
            }
        };
        let weekdays = weekdays(&mut errors, input.weekdays.as_deref(), first);
        let end = end(&mut errors, input, first);
        let template = template(input, first, duration);
        let meeting = MeetingDraft::parse(&template)
            .map_err(|e| {
                for (k, v) in e.0 {
                    let key = match k.as_str() {
                        "starts_at" => "first_start".to_string(),
                        "ends_at" => "duration_minutes".to_string(),
                        _ => k,
                    };
                    errors.add(&key, v);
                }
            })
            .ok();
        match (first, duration, end, meeting) {
            (Some(first), Some(duration), Some(end), Some(meeting)) if errors.is_empty() => {
                Ok(SeriesDraft {
                    first_start: first,
                    duration_minutes: duration,
                    rule: WeeklyRule {
                        interval,
                        weekdays,
                        end,
                    },
                    template,
                    meeting,
                })
            }
            _ => Err(errors),
        }
    }

    /// Wall-clock starts of every occurrence; each must start and end at a time that exists
    /// in the zone.
    pub fn starts(&self) -> Result<Vec<NaiveDateTime>, FieldErrors> {
        let starts = self.rule.expand(self.first_start);
        for s in &starts {
            for t in [*s, *s + Duration::minutes(self.duration_minutes)] {
                if let Err(e) = schedule::local_to_utc(&self.meeting.timezone, t) {
                    let mut errors = FieldErrors::default();
                    errors.add(
                        "first_start",
                        format!("The occurrence on {}: {e}", s.date()),
                    );
                    return Err(errors);
                }
            }
        }
        Ok(starts)
    }
}

/// One occurrence of a series: its template at `start`.
pub fn occurrence_input(
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

fn first_start(errors: &mut FieldErrors, value: Option<&str>) -> Option<NaiveDateTime> {
    match value.map(schedule::parse_wall_time) {
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
    }
}

fn duration(errors: &mut FieldErrors, value: Option<i64>) -> Option<i64> {
    match value {
        Some(d) if (5..=24 * 60).contains(&d) => Some(d),
        Some(_) => {
            errors.add("duration_minutes", "Between 5 and 1440 minutes.");
            None
        }
        None => {
            errors.add("duration_minutes", "This field is required.");
            None
        }
    }
}

/// The rule's weekdays, Monday first; by default the first start's.
fn weekdays(
    errors: &mut FieldErrors,
    value: Option<&[String]>,
    first: Option<NaiveDateTime>,
) -> Vec<Weekday> {
    let mut weekdays = Vec::new();
    match value {
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
        None => weekdays.extend(first.map(|f| f.weekday())),
    }
    weekdays.sort_by_key(|d| d.num_days_from_monday());
    weekdays.dedup();
    if let Some(f) = first {
        if !weekdays.is_empty() && !weekdays.contains(&f.weekday()) {
            errors.add(
                "weekdays",
                "The first start must fall on one of the weekdays.",
            );
        }
    }
    weekdays
}

/// Where the rule ends: a last date (`until`) or a number of occurrences (`count`).
fn end(
    errors: &mut FieldErrors,
    input: &SeriesInput,
    first: Option<NaiveDateTime>,
) -> Option<RuleEnd> {
    match (given(input.until.as_deref()), input.count) {
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
    }
}

/// The first occurrence as a meeting; times left as given when they cannot be read, so that
/// the meeting's own checks name them.
fn template(
    input: &SeriesInput,
    first: Option<NaiveDateTime>,
    duration: Option<i64>,
) -> MeetingInput {
    MeetingInput {
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
        verify_email: input.verify_email,
        registration_opens_at: None,
        registration_closes_at: None,
        status: input.status.clone(),
        days: None,
        reminders: input.reminders.clone(),
        agenda: input.agenda.clone(),
        notify: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weekly() -> SeriesInput {
        SeriesInput {
            group: Some("g".into()),
            title: Some("Weekly call".into()),
            format: Some("online".into()),
            timezone: Some("Europe/Madrid".into()),
            first_start: Some("2027-03-03T14:00".into()),
            duration_minutes: Some(60),
            count: Some(4),
            online_url: Some("https://meet.example.org/w".into()),
            venue: Some("Room 1".into()),
            ..SeriesInput::default()
        }
    }

    #[test]
    fn a_series_is_checked_as_its_first_occurrence_would_be() {
        let draft = SeriesDraft::parse(&weekly()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(draft.rule.byday(), "WE");
        // An online meeting has no room, whatever was given.
        assert_eq!(draft.meeting.place.venue, None);
        assert_eq!(draft.starts().map(|s| s.len()), Ok(4));

        let errors = SeriesDraft::parse(&SeriesInput {
            first_start: Some("2027-03-28T02:30".into()),
            weekdays: Some(vec!["SU".into()]),
            timezone: Some("Mars/Olympus".into()),
            until: Some("2027-12-31".into()),
            ..weekly()
        })
        .err()
        .unwrap_or_default();
        assert!(errors.get("count").is_some());
        assert!(errors.get("timezone").is_some());

        let moved = SeriesInput {
            weekdays: Some(vec!["WE".into()]),
            ..weekly()
        }
        .starting_from(
            NaiveDate::from_ymd_opt(2027, 4, 1).unwrap_or_default(),
            wall_start("2027-03-03T14:00"),
        );
        assert_eq!(moved.first_start.as_deref(), Some("2027-04-07T14:00"));
    }

    fn wall_start(s: &str) -> NaiveDateTime {
        schedule::parse_wall_time(s).unwrap_or_default()
    }
}
