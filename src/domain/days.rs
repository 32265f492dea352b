//! When a meeting takes place: one span, or up to 14 days each with its own hours, given as
//! wall times in the venue's zone and kept as UTC instants.

use crate::tz::Zone;
use chrono::{Duration, NaiveDateTime};

use super::schedule::{self, ScheduleError};
use super::FieldErrors;

/// Most days a meeting may have.
pub const MAX_DAYS: usize = 14;

/// One day as a form or JSON body gives it.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize, utoipa::ToSchema,
)]
#[serde(deny_unknown_fields)]
pub struct RawDay {
    #[schema(required = true, schema_with = super::schema::required_wall_time)]
    pub starts_at: Option<String>,
    #[schema(required = true, schema_with = super::schema::required_wall_time)]
    pub ends_at: Option<String>,
}

/// A span of time in UTC.
pub type Span = (NaiveDateTime, NaiveDateTime);

/// The days of a meeting, checked: at least one, in order, each within its own local date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Days(Vec<Span>);

impl Days {
    /// A meeting of one span (which may run past midnight).
    pub fn single(span: Span) -> Days {
        Days(vec![span])
    }

    /// Parses `days` given as wall times in `tz`. Errors go to the field `days`.
    pub fn parse(tz: &Zone, raw: &[RawDay], errors: &mut FieldErrors) -> Option<Days> {
        if raw.is_empty() || raw.len() > MAX_DAYS {
            errors.add("days", format!("Give from 1 to {MAX_DAYS} days."));
            return None;
        }
        let mut local: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::with_capacity(raw.len());
        for (i, day) in raw.iter().enumerate() {
            let n = i + 1;
            let parse = |v: &Option<String>| -> Result<NaiveDateTime, String> {
                let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty());
                let v = v.ok_or_else(|| format!("Day {n}: give its start and end."))?;
                schedule::parse_wall_time(v).map_err(|e| format!("Day {n}: {e}"))
            };
            match (parse(&day.starts_at), parse(&day.ends_at)) {
                (Ok(s), Ok(e)) => {
                    if e <= s || e.date() != s.date() {
                        errors.add(
                            "days",
                            format!("Day {n} must end after it starts, on the same date."),
                        );
                        return None;
                    }
                    if local
                        .last()
                        .is_some_and(|(prev, _)| prev.date() >= s.date())
                    {
                        errors.add("days", "The days must be on later and later dates.");
                        return None;
                    }
                    local.push((s, e));
                }
                (Err(m), _) | (_, Err(m)) => {
                    errors.add("days", m);
                    return None;
                }
            }
        }
        let mut spans = Vec::with_capacity(local.len());
        for (s, e) in local {
            match (schedule::local_to_utc(tz, s), schedule::local_to_utc(tz, e)) {
                (Ok(s), Ok(e)) => spans.push((s, e)),
                (Err(err), _) | (_, Err(err)) => {
                    errors.add("days", day_error(err));
                    return None;
                }
            }
        }
        Some(Days(spans))
    }

    pub fn spans(&self) -> &[Span] {
        &self.0
    }
    pub fn starts_at(&self) -> NaiveDateTime {
        self.0.first().map(|d| d.0).unwrap_or_default()
    }
    pub fn ends_at(&self) -> NaiveDateTime {
        self.0.last().map(|d| d.1).unwrap_or_default()
    }

    /// The same days with every instant passed through `f`.
    pub fn map(&self, f: impl Fn(NaiveDateTime) -> NaiveDateTime) -> Days {
        Days(self.0.iter().map(|&(s, e)| (f(s), f(e))).collect())
    }

    /// The stored form: `None` for one span, else every span as JSON.
    pub fn encode(&self) -> Option<String> {
        (self.0.len() > 1).then(|| serde_json::to_string(&self.0).unwrap_or_default())
    }

    /// Reads the stored form back; `fallback` is the meeting's own span.
    pub fn decode(stored: Option<&str>, fallback: Span) -> Days {
        stored
            .and_then(|s| serde_json::from_str::<Vec<Span>>(s).ok())
            .filter(|d| !d.is_empty())
            .map(Days)
            .unwrap_or_else(|| Days::single(fallback))
    }

    /// Longest span of one day, for a check that a meeting is not absurdly long.
    pub fn total(&self) -> Duration {
        self.ends_at() - self.starts_at()
    }
}

fn day_error(e: ScheduleError) -> String {
    format!("A day's time: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str, e: &str) -> RawDay {
        RawDay {
            starts_at: Some(s.into()),
            ends_at: Some(e.into()),
        }
    }

    #[test]
    fn days_are_checked_and_placed_in_utc() {
        let madrid = crate::tz::zone("Europe/Madrid").unwrap_or_else(Zone::utc);
        let mut errors = FieldErrors::default();
        let days = Days::parse(
            &madrid,
            &[
                day("2027-03-27T09:00", "2027-03-27T18:00"),
                day("2027-03-28T09:00", "2027-03-28T13:00"),
            ],
            &mut errors,
        );
        let days = days.unwrap_or_else(|| panic!("{errors:?}"));
        // Across the change to summer time: 08:00 UTC, then 07:00 UTC.
        assert_eq!(days.starts_at().to_string(), "2027-03-27 08:00:00");
        assert_eq!(days.spans()[1].0.to_string(), "2027-03-28 07:00:00");
        let stored = days.encode();
        assert_eq!(
            Days::decode(stored.as_deref(), (days.starts_at(), days.ends_at())),
            days
        );

        for bad in [
            vec![],
            vec![day("2027-03-27T09:00", "2027-03-28T01:00")],
            vec![day("2027-03-27T09:00", "2027-03-27T08:00")],
            vec![
                day("2027-03-28T09:00", "2027-03-28T10:00"),
                day("2027-03-27T09:00", "2027-03-27T10:00"),
            ],
            vec![day("2027-03-28T02:30", "2027-03-28T10:00")],
            vec![RawDay::default()],
        ] {
            let mut errors = FieldErrors::default();
            assert!(Days::parse(&madrid, &bad, &mut errors).is_none(), "{bad:?}");
            assert!(errors.get("days").is_some());
        }
        let mut errors = FieldErrors::default();
        let many: Vec<RawDay> = (1..=15)
            .map(|d| {
                day(
                    &format!("2027-05-{d:02}T09:00"),
                    &format!("2027-05-{d:02}T10:00"),
                )
            })
            .collect();
        assert!(Days::parse(&madrid, &many, &mut errors).is_none());
    }
}
