//! The emitted VTIMEZONEs are read back with an independent RRULE implementation (the `rrule`
//! crate) and must give the zone's offset at every quarter hour of the covered range.

use super::*;
use chrono::{NaiveDateTime, TimeDelta, TimeZone};

use crate::tz::TzDb;

/// One observance as read back from the text, expanded to its onsets (UTC).
struct Parsed {
    kind: String,
    from: i64,
    to: i64,
    onsets: Vec<NaiveDateTime>,
    rrule: Option<String>,
}

fn parse_offset(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let d = &s[1..];
    assert!(d.len() == 4 || d.len() == 6, "bad offset {s}");
    let h: i64 = d[0..2].parse().unwrap();
    let m: i64 = d[2..4].parse().unwrap();
    let sec: i64 = if d.len() == 6 {
        d[4..6].parse().unwrap()
    } else {
        0
    };
    sign * (h * 3600 + m * 60 + sec)
}

fn parse_dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").unwrap()
}

/// Expands an observance's DTSTART and RRULE (wall times on the clock before each change),
/// up to `until` (UTC), with the `rrule` crate.
fn onsets(
    dtstart: NaiveDateTime,
    rrule: Option<&str>,
    from: i64,
    until: NaiveDateTime,
) -> Vec<NaiveDateTime> {
    let first = dtstart - TimeDelta::seconds(from);
    let Some(rule) = rrule else {
        return vec![first];
    };
    // Wall times are expanded as if they were UTC; UNTIL (true UTC) is moved to that clock.
    let rule = match rule.split_once(";UNTIL=") {
        Some((head, until)) => {
            let until = NaiveDateTime::parse_from_str(until, "%Y%m%dT%H%M%SZ").unwrap();
            format!(
                "{head};UNTIL={}",
                (until + TimeDelta::seconds(from)).format("%Y%m%dT%H%M%SZ")
            )
        }
        None => rule.to_string(),
    };
    let text = format!("DTSTART:{}Z\nRRULE:{rule}", dtstart.format("%Y%m%dT%H%M%S"));
    let set: rrule::RRuleSet = text.parse().unwrap_or_else(|e| panic!("{e}: {text}"));
    set.into_iter()
        .map(|d| d.naive_utc() - TimeDelta::seconds(from))
        .take_while(|t| *t <= until)
        .collect()
}

fn parse_vtimezone(lines: &[String], until: NaiveDateTime) -> Vec<Parsed> {
    let mut out = Vec::new();
    let (mut from, mut to, mut start, mut rrule) = (None, None, None, None);
    for line in lines {
        let (name, value) = line.split_once(':').unwrap();
        match name {
            "BEGIN" if value == "DAYLIGHT" || value == "STANDARD" => {
                (from, to, start, rrule) = (None, None, None, None);
            }
            "TZOFFSETFROM" => from = Some(parse_offset(value)),
            "TZOFFSETTO" => to = Some(parse_offset(value)),
            "DTSTART" => start = Some(parse_dt(value)),
            "RRULE" => rrule = Some(value.to_string()),
            "END" if value == "DAYLIGHT" || value == "STANDARD" => {
                let (from, to, start) = (from.unwrap(), to.unwrap(), start.unwrap());
                out.push(Parsed {
                    kind: value.to_string(),
                    from,
                    to,
                    onsets: onsets(start, rrule.as_deref(), from, until),
                    rrule: rrule.take(),
                });
            }
            _ => {}
        }
    }
    out
}

fn zone(name: &str) -> Zone {
    TzDb::built_in()
        .zone(name)
        .unwrap_or_else(|| panic!("no zone {name}"))
}

fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

/// Emits the zone for events from `first` to `last`, expands it, and compares the offset it
/// gives with the zone's at every quarter hour from a year before to a year after.
fn check_zone(zone: &Zone, first: DateTime<Utc>, last: DateTime<Utc>) -> Vec<Parsed> {
    let lines = vtimezone_lines(zone, first, last);
    assert_eq!(lines[1], format!("TZID:{}", zone.name()));
    let lo = (first - TimeDelta::days(366)).naive_utc();
    let hi = (last + TimeDelta::days(366)).naive_utc();
    let obs = parse_vtimezone(&lines, hi + TimeDelta::days(400));
    let mut changes: Vec<(NaiveDateTime, i64, i64)> = obs
        .iter()
        .flat_map(|o| o.onsets.iter().map(|t| (*t, o.from, o.to)))
        .collect();
    changes.sort();
    assert!(
        changes.first().is_some_and(|c| c.0 <= lo),
        "{zone}: does not cover {lo}"
    );
    for (at, from, to) in &changes {
        if *at < lo || *at > hi {
            continue;
        }
        let before = zone.offset_from_utc_datetime(&(*at - TimeDelta::seconds(1)));
        let after = zone.offset_from_utc_datetime(at);
        assert_eq!(
            i64::from(before.seconds()),
            *from,
            "{zone}: TZOFFSETFROM at {at}"
        );
        assert_eq!(
            i64::from(after.seconds()),
            *to,
            "{zone}: TZOFFSETTO at {at}"
        );
    }
    let mut t = lo;
    while t <= hi {
        let idx = changes.partition_point(|c| c.0 <= t);
        let given = changes[idx - 1].2;
        let actual = i64::from(zone.offset_from_utc_datetime(&t).seconds());
        assert_eq!(given, actual, "{zone}: offset at {t}\n{}", lines.join("\n"));
        t += TimeDelta::minutes(15);
    }
    obs
}

#[test]
fn zones_read_back_at_every_quarter_hour() {
    for name in [
        "Europe/Madrid",
        "Europe/Copenhagen",
        "Europe/Dublin",
        "America/New_York",
        "America/St_Johns",
        "America/Vancouver",
        "America/Sao_Paulo",
        "America/Havana",
        "Africa/Casablanca",
        "Africa/Johannesburg",
        "Asia/Kolkata",
        "Asia/Jerusalem",
        "Australia/Sydney",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/Nuuk",
        "UTC",
    ] {
        let z = zone(name);
        check_zone(&z, utc(2026, 11, 1), utc(2028, 6, 30));
        check_zone(&z, utc(2017, 1, 1), utc(2019, 6, 30));
    }
}

#[test]
fn yearly_changes_are_rules_without_end() {
    let obs = check_zone(&zone("Europe/Madrid"), utc(2027, 5, 15), utc(2027, 5, 16));
    let mut rules: Vec<(&str, Option<&str>)> = obs
        .iter()
        .map(|o| (o.kind.as_str(), o.rrule.as_deref()))
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            ("DAYLIGHT", Some("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")),
            ("STANDARD", Some("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")),
        ]
    );
    let obs = check_zone(&zone("America/New_York"), utc(2027, 7, 1), utc(2027, 7, 1));
    let mut rules: Vec<Option<&str>> = obs.iter().map(|o| o.rrule.as_deref()).collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            Some("FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
            Some("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"),
        ]
    );
}

#[test]
fn a_rule_that_ended_has_until_and_fixed_zones_one_observance() {
    // São Paulo kept DST until February 2019.
    let obs = check_zone(&zone("America/Sao_Paulo"), utc(2018, 1, 1), utc(2020, 1, 1));
    assert!(obs
        .iter()
        .any(|o| o.rrule.as_deref().is_some_and(|r| r.contains("UNTIL=2019"))));
    let obs = check_zone(&zone("Asia/Kolkata"), utc(2027, 1, 1), utc(2027, 1, 2));
    assert_eq!(obs.len(), 1);
    assert_eq!((obs[0].kind.as_str(), obs[0].to), ("STANDARD", 19_800));
}

#[test]
fn negative_dst_is_standard_and_odd_offsets_are_exact() {
    // Whether a copy models Irish winter time as negative DST (main form) or summer time as
    // DST (rearguard form), winter GMT is standard time.
    for db in [TzDb::built_in(), TzDb::from_env()] {
        let dublin = db.zone("Europe/Dublin").unwrap();
        let obs = check_zone(&dublin, utc(2027, 1, 1), utc(2027, 12, 31));
        assert!(obs.iter().any(|o| o.to == 0 && o.kind == "STANDARD"));
        assert!(!obs.iter().any(|o| o.to == 0 && o.kind == "DAYLIGHT"));
    }
    let lines = vtimezone_lines(&zone("Pacific/Chatham"), utc(2027, 1, 1), utc(2027, 12, 31));
    assert!(lines.contains(&"TZOFFSETFROM:+1345".to_string()));
    assert!(lines.contains(&"TZOFFSETTO:+1245".to_string()));
    let lines = vtimezone_lines(&zone("Africa/Monrovia"), utc(1972, 1, 1), utc(1972, 2, 1));
    assert!(lines.contains(&"TZOFFSETFROM:-004430".to_string()));
}

#[test]
fn extreme_ranges_do_not_panic() {
    let z = zone("Europe/Madrid");
    let at = utc(2027, 3, 28);
    assert!(!vtimezone_lines(&z, at, at - TimeDelta::days(30)).is_empty());
    let _ = vtimezone_lines(&z, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MIN_UTC);
    let _ = vtimezone_lines(&z, DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MAX_UTC);
}

#[test]
fn one_computation_per_zone_and_pair_of_years() {
    let z = zone("Europe/Madrid");
    let a = vtimezone_lines(&z, utc(2030, 2, 1), utc(2030, 3, 1));
    let b = vtimezone_lines(&z, utc(2030, 11, 1), utc(2030, 12, 1));
    assert!(Arc::ptr_eq(&a, &b));
    let other = vtimezone_lines(&zone("Europe/Paris"), utc(2030, 2, 1), utc(2030, 3, 1));
    assert!(other.contains(&"TZID:Europe/Paris".to_string()));
}

/// A client that keeps one VTIMEZONE for a TZID reads later events with it: every change its
/// rules generate, decades ahead, must be a real change of the zone, and where the zone's
/// current rule is a yearly one the offsets must stay right.
#[test]
fn open_rules_hold_for_decades() {
    let until = utc(2060, 1, 1).naive_utc();
    for name in [
        "Europe/Madrid",
        "America/New_York",
        "Asia/Jerusalem",
        "America/Nuuk",
        "America/Scoresbysund",
        "America/Havana",
        "America/Santiago",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Africa/Cairo",
    ] {
        let z = zone(name);
        let lines = vtimezone_lines(&z, utc(2027, 5, 1), utc(2027, 6, 1));
        let obs = parse_vtimezone(&lines, until);
        let mut changes: Vec<(NaiveDateTime, i64, i64)> = obs
            .iter()
            .flat_map(|o| o.onsets.iter().map(|t| (*t, o.from, o.to)))
            .filter(|c| c.0 <= until)
            .collect();
        changes.sort();
        for (at, from, to) in &changes {
            let before = z.offset_from_utc_datetime(&(*at - TimeDelta::seconds(1)));
            let after = z.offset_from_utc_datetime(at);
            let real = (i64::from(before.seconds()), i64::from(after.seconds()));
            assert_eq!(
                real,
                (*from, *to),
                "{name}: no such change at {at}\n{}",
                lines.join("\n")
            );
        }
        // Cairo's rule (the day after the last Thursday of October) sometimes falls in
        // November: no yearly RRULE states it, so its observances end with the range.
        if name == "Africa/Cairo" {
            continue;
        }
        let mut t = utc(2027, 1, 1).naive_utc();
        while t < until {
            let idx = changes.partition_point(|c| c.0 <= t);
            let given = changes[idx - 1].2;
            let actual = i64::from(z.offset_from_utc_datetime(&t).seconds());
            assert_eq!(given, actual, "{name}: offset at {t}\n{}", lines.join("\n"));
            t += TimeDelta::hours(5);
        }
    }
}
