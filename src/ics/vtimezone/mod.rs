//! VTIMEZONE generation (RFC 5545 §3.6.5) from the tz database shipped in
//! `chrono-tz`.
//!
//! `chrono-tz` does not expose its transition table, so transitions are found
//! by sampling the zone's offset once a day and bisecting every change down to
//! the exact second. Each transition becomes one observance with an explicit
//! DTSTART (no RRULE), which is unambiguous and valid for any range.

mod tzdb;

use chrono::{DateTime, NaiveDateTime, Offset, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};

use tzdb::{find_transitions, offset_at, Observance};

/// How far before `from` to look for the transition that put the offset in
/// force at `from` into effect (so its observance carries a real TZOFFSETFROM).
const LOOKBACK_SECS: i64 = 366 * 86_400;

/// Lines (without line endings, unfolded) of one VTIMEZONE component for `tz`
/// whose observances cover every instant in [from, to], computed from the tz database.
pub fn vtimezone_lines(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let min_secs = DateTime::<Utc>::MIN_UTC.timestamp();
    let from_secs = from.timestamp();
    // Transitions happen on whole seconds, so flooring `to` loses nothing.
    let end = to.timestamp().max(from_secs);
    let start = from_secs.saturating_sub(LOOKBACK_SECS).max(min_secs);

    let transitions = find_transitions(tz, start, end);
    // The transition that established the offset in force at `from`, if it
    // lies within the look-back window; every later one is in the range.
    let first_in_range = transitions.partition_point(|t| t.at <= from_secs);
    let mut observances: Vec<(NaiveDateTime, Observance)> = Vec::new();
    let rest = match first_in_range.checked_sub(1) {
        Some(i) => &transitions[i..],
        None => {
            // No change for LOOKBACK_SECS before `from`: describe the offset
            // in force there, starting at local midnight after `start`.
            let offset = offset_at(tz, start);
            let local_start = local(start, &offset);
            let local_from = local(from_secs, &offset);
            let midnight = local_start
                .date()
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .filter(|m| *m <= local_from)
                .unwrap_or(local_start);
            let initial = Observance {
                at: start,
                from: offset,
                to: offset,
            };
            observances.push((midnight, initial));
            &transitions[first_in_range..]
        }
    };
    observances.extend(rest.iter().map(|t| (local(t.at, &t.from), *t)));
    // Stable sort: keeps chronological order for equal wall-clock starts.
    observances.sort_by_key(|(dtstart, _)| *dtstart);

    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", tz.name()),
        format!("X-LIC-LOCATION:{}", tz.name()),
    ];
    for (dtstart, obs) in observances {
        // Only a positive DST part is "daylight": tzdb models Irish winter
        // time as negative DST, which RFC 5545 clients expect as STANDARD.
        let kind = if obs.to.dst_offset().num_seconds() > 0 {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("TZOFFSETFROM:{}", format_offset(&obs.from)));
        lines.push(format!("TZOFFSETTO:{}", format_offset(&obs.to)));
        if let Some(name) = tzname(&obs.to) {
            lines.push(format!("TZNAME:{name}"));
        }
        lines.push(format!("DTSTART:{}", dtstart.format("%Y%m%dT%H%M%S")));
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// Wall-clock time of the UTC instant `secs` under `offset`.
fn local(secs: i64, offset: &TzOffset) -> NaiveDateTime {
    let total = secs.saturating_add(i64::from(offset.fix().local_minus_utc()));
    DateTime::from_timestamp(total, 0)
        .unwrap_or(if total < 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
        .naive_utc()
}

/// `+HHMM`, or `+HHMMSS` when the offset has seconds (RFC 5545 UTC-OFFSET).
fn format_offset(offset: &TzOffset) -> String {
    let total = offset.fix().local_minus_utc();
    let sign = if total < 0 { '-' } else { '+' };
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// The abbreviation, when it is a real name ("CEST") rather than a numeric
/// stand-in ("-03", "+0530"), which carries no information beyond the offset.
fn tzname(offset: &TzOffset) -> Option<&str> {
    offset.abbreviation().filter(|name| {
        name.chars().any(|c| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
