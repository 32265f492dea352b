//! Wall time in a meeting's zone ⇄ UTC.

use crate::tz::Zone;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};

/// Why a wall time cannot be placed in a zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("Unknown time zone; use an IANA name such as Europe/Madrid.")]
    UnknownZone,
    #[error("Use the form YYYY-MM-DDTHH:MM, e.g. 2027-05-15T09:00.")]
    BadFormat,
    #[error("{0} does not exist in {1} (the clocks skip it when daylight saving time starts).")]
    Nonexistent(String, String),
    #[error("{0} happens twice in {1} (the clocks fall back); pick a time outside that hour.")]
    Ambiguous(String, String),
}

pub fn parse_zone(name: &str) -> Result<Zone, ScheduleError> {
    crate::tz::zone(name.trim()).ok_or(ScheduleError::UnknownZone)
}

/// Parses `2027-05-15T09:00` (seconds optional; a space may stand for the `T`).
pub fn parse_wall_time(input: &str) -> Result<NaiveDateTime, ScheduleError> {
    let s = input.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(t);
        }
    }
    Err(ScheduleError::BadFormat)
}

/// A wall time as `parse_wall_time` reads it first, e.g. `2027-05-15T09:00`.
pub fn format_wall_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The UTC instant of a wall time in `tz`; times skipped or repeated by a DST change are refused.
pub fn local_to_utc(tz: &Zone, local: NaiveDateTime) -> Result<NaiveDateTime, ScheduleError> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc).naive_utc()),
        LocalResult::Ambiguous(_, _) => Err(ScheduleError::Ambiguous(
            local.format("%Y-%m-%d %H:%M").to_string(),
            tz.name().to_string(),
        )),
        LocalResult::None => Err(ScheduleError::Nonexistent(
            local.format("%Y-%m-%d %H:%M").to_string(),
            tz.name().to_string(),
        )),
    }
}

/// A stored UTC instant seen in `tz`.
pub fn utc_to_local(tz: &Zone, utc: NaiveDateTime) -> DateTime<Zone> {
    Utc.from_utc_datetime(&utc).with_timezone(tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(s: &str) -> NaiveDateTime {
        parse_wall_time(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn converts_summer_and_winter_and_refuses_dst_gaps() {
        let madrid = parse_zone("Europe/Madrid").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            local_to_utc(&madrid, wall("2027-05-15T09:00")),
            Ok(wall("2027-05-15T07:00"))
        );
        assert_eq!(
            local_to_utc(&madrid, wall("2027-01-15T09:00")),
            Ok(wall("2027-01-15T08:00"))
        );
        assert!(matches!(
            local_to_utc(&madrid, wall("2027-03-28T02:30")),
            Err(ScheduleError::Nonexistent(..))
        ));
        assert!(matches!(
            local_to_utc(&madrid, wall("2027-10-31T02:30")),
            Err(ScheduleError::Ambiguous(..))
        ));
        assert!(parse_zone("Mars/Olympus").is_err());
        assert!(parse_wall_time("15/05/2027 09:00").is_err());
    }
}
