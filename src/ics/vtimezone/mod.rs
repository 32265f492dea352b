//! VTIMEZONE components (RFC 5545 §3.6.5) the way calendar clients import them best.
//!
//! - Every change of the zone within the covered range is an observance. Changes that repeat
//!   every year (same month, weekday rule and wall time, same offsets) are one `STANDARD` or
//!   `DAYLIGHT` observance with a yearly `RRULE`; the others are explicit observances.
//! - A yearly `RRULE` that the zone's current rule keeps repeating has no `UNTIL`, so a client
//!   that keeps the first VTIMEZONE it sees for a TZID still places later events right.
//! - The range covers at least a year before the first and after the last event.

mod yearly;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};

use crate::tz::transitions::Transition;
use crate::tz::Zone;

/// Margin around the events: a full year and then some, on both sides.
const MARGIN_SECS: i64 = 400 * 86_400;

/// How far past the covered range (and past the end of the zone's table) changes are read to
/// pin down a yearly pattern: the Gregorian calendar's days and weekdays repeat every 28
/// years (between 1901 and 2099), so a rule that holds for 28 years in a row holds for good.
const PATTERN_SECS: i64 = yearly::PATTERN_YEARS as i64 * 366 * 86_400;

/// How far past the covered range observances are still written so that the zone's current
/// yearly rule is reached (a rule that pauses and resumes, like Havana's in 2026).
const REACH_SECS: i64 = 30 * 366 * 86_400;

/// Most VTIMEZONEs kept (by zone and years); the cache starts over when it is full.
const CACHE_ENTRIES: usize = 512;

type CacheKey = (u64, i32, i32);

/// Lines (without line endings, unfolded) of one VTIMEZONE for `zone`, covering its events
/// between `first` and `last` with a year's margin on both sides. The range is widened to
/// whole years, so the text depends on the zone and two years only and is computed once.
pub fn vtimezone_lines(zone: &Zone, first: DateTime<Utc>, last: DateTime<Utc>) -> Arc<[String]> {
    static CACHE: LazyLock<Mutex<HashMap<CacheKey, Arc<[String]>>>> = LazyLock::new(Mutex::default);
    let key = (
        zone.fingerprint(),
        first.year(),
        last.year().max(first.year()),
    );
    if let Some(lines) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return lines;
    }
    let lines: Arc<[String]> = compute(zone, key.1, key.2).into();
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key, lines.clone());
    }
    lines
}

/// The start of `year` (seconds since the epoch), clamped to chrono's range.
fn year_start(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .map(|d| d.and_time(NaiveTime::MIN).and_utc().timestamp())
        .unwrap_or(if year < 0 {
            DateTime::<Utc>::MIN_UTC.timestamp()
        } else {
            DateTime::<Utc>::MAX_UTC.timestamp()
        })
}

fn compute(zone: &Zone, first_year: i32, last_year: i32) -> Vec<String> {
    let start = year_start(first_year).saturating_sub(MARGIN_SECS);
    let end = year_start(last_year.saturating_add(1)).saturating_add(MARGIN_SECS);
    // Look past the end far enough to tell whether a yearly pattern goes on under the
    // zone's current rule (its table may run years ahead).
    let rule_from = zone.rule_applies_from();
    let yearly_rule = zone.has_yearly_rule();
    let horizon = if yearly_rule {
        end.max(rule_from.unwrap_or(end))
            .saturating_add(PATTERN_SECS)
    } else {
        end
    };
    let mut changes: Vec<Transition> = zone.last_transition(start).into_iter().collect();
    changes.extend(zone.transitions(start, horizon));
    let open_after = yearly_rule.then(|| rule_from.unwrap_or(i64::MIN));

    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", zone.name()),
        format!("X-LIC-LOCATION:{}", zone.name()),
    ];
    if changes.is_empty() {
        // A zone that never changed (UTC, or a file with a single type).
        let ltt = zone.local_time_type(start);
        let only = Transition {
            at: 0,
            from: ltt,
            to: ltt,
        };
        push_observance(&mut lines, &only, None);
    }
    // Up to where the current rule takes over, so that a client that keeps this VTIMEZONE
    // for later events still reads them right.
    let emit_end = match (yearly_rule, rule_from) {
        (true, Some(from)) => end.max(
            from.saturating_add(MARGIN_SECS)
                .min(end.saturating_add(REACH_SECS)),
        ),
        _ => end,
    };
    for observance in yearly::observances(&changes, open_after) {
        if observance.first.at > emit_end {
            continue;
        }
        push_observance(&mut lines, &observance.first, observance.rrule());
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// One observance starting with the change `t` (DTSTART: its wall time on the clock before).
fn push_observance(lines: &mut Vec<String>, t: &Transition, rrule: Option<String>) {
    // Only a move forward into daylight time is "daylight": tzdb models Irish winter time as
    // negative DST, which clients expect as STANDARD.
    let kind = if t.to.is_dst() && t.to.ut_offset() > t.from.ut_offset() {
        "DAYLIGHT"
    } else {
        "STANDARD"
    };
    lines.push(format!("BEGIN:{kind}"));
    let onset = yearly::onset(t);
    lines.push(format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")));
    if let Some(rrule) = rrule {
        lines.push(format!("RRULE:{rrule}"));
    }
    lines.push(format!(
        "TZOFFSETFROM:{}",
        format_offset(t.from.ut_offset())
    ));
    lines.push(format!("TZOFFSETTO:{}", format_offset(t.to.ut_offset())));
    if let Some(name) = tzname(t.to.time_zone_designation()) {
        lines.push(format!("TZNAME:{name}"));
    }
    lines.push(format!("END:{kind}"));
}

/// `+HHMM`, or `+HHMMSS` when the offset has seconds (RFC 5545 UTC-OFFSET).
fn format_offset(total: i32) -> String {
    let sign = if total < 0 { '-' } else { '+' };
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// The abbreviation, when it is a real name ("CEST") rather than a numeric stand-in ("-03",
/// "+0530"), which carries no information beyond the offset.
fn tzname(abbreviation: &str) -> Option<&str> {
    Some(abbreviation).filter(|name| {
        name.chars().any(|c| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
