use super::*;
use chrono::{Datelike, LocalResult, NaiveDate, TimeDelta, TimeZone};

/// An observance as read back from the emitted text.
struct Parsed {
    onset: NaiveDateTime, // UTC instant, as naive
    from: i64,
    to: i64,
    dst: bool,
}

fn parse_offset(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let d = &s[1..];
    let h: i64 = d[0..2].parse().unwrap();
    let m: i64 = d[2..4].parse().unwrap();
    let sec: i64 = if d.len() == 6 {
        d[4..6].parse().unwrap()
    } else {
        0
    };
    assert!(d.len() == 4 || d.len() == 6, "bad offset {s}");
    sign * (h * 3600 + m * 60 + sec)
}

fn parse_dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").unwrap()
}

/// Reads the observances of the VTIMEZONE in `lines`.
fn parse_vtimezone(lines: &[String]) -> Vec<Parsed> {
    let mut out = Vec::new();
    let (mut from, mut to, mut start, mut dst) = (None, None, None, false);
    for line in lines {
        let (name, value) = line.split_once(':').unwrap();
        match name {
            "BEGIN" if value == "DAYLIGHT" || value == "STANDARD" => {
                (from, to, start, dst) = (None, None, None, value == "DAYLIGHT");
            }
            "TZOFFSETFROM" => from = Some(parse_offset(value)),
            "TZOFFSETTO" => to = Some(parse_offset(value)),
            "DTSTART" => start = Some(parse_dt(value)),
            "END" if value == "DAYLIGHT" || value == "STANDARD" => {
                let (from, to, start) = (from.unwrap(), to.unwrap(), start.unwrap());
                out.push(Parsed {
                    onset: start - TimeDelta::seconds(from),
                    from,
                    to,
                    dst,
                });
            }
            _ => {}
        }
    }
    out
}

/// All UTC instants whose wall-clock time is `local` according to the
/// observances: 0 in a gap, 1 normally, 2 in an overlap.
fn evaluate(obs: &[Parsed], local: NaiveDateTime) -> Vec<NaiveDateTime> {
    let governing = |t: NaiveDateTime| obs.iter().rposition(|o| o.onset <= t);
    let mut out: Vec<NaiveDateTime> = (0..obs.len())
        .filter_map(|i| {
            let t = local - TimeDelta::seconds(obs[i].to);
            (governing(t) == Some(i)).then_some(t)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn expected(tz: Tz, local: NaiveDateTime) -> Vec<NaiveDateTime> {
    let n = |d: DateTime<Tz>| d.naive_utc();
    match tz.from_local_datetime(&local) {
        LocalResult::None => vec![],
        LocalResult::Single(a) => vec![n(a)],
        LocalResult::Ambiguous(a, b) => {
            let mut v = vec![n(a), n(b)];
            v.sort();
            v
        }
    }
}

fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

/// Full round trip for one zone; returns the emitted lines.
fn check_zone(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let lines = vtimezone_lines(tz, from, to);
    let obs = parse_vtimezone(&lines);
    assert!(!obs.is_empty(), "{tz}: no observance");
    assert_eq!(lines[1], format!("TZID:{}", tz.name()));

    // Sorted by DTSTART; the first one covers `from`; kinds match DST.
    let dtstarts: Vec<_> = obs
        .iter()
        .map(|o| o.onset + TimeDelta::seconds(o.from))
        .collect();
    assert!(dtstarts.windows(2).all(|w| w[0] <= w[1]), "{tz}: unsorted");
    assert!(
        obs[0].onset <= from.naive_utc(),
        "{tz}: does not cover from"
    );
    for o in &obs {
        let at = tz.offset_from_utc_datetime(&o.onset);
        let prev = tz.offset_from_utc_datetime(&(o.onset - TimeDelta::seconds(1)));
        assert_eq!(
            i64::from(at.fix().local_minus_utc()),
            o.to,
            "{tz}: TO at {}",
            o.onset
        );
        assert_eq!(
            o.dst,
            at.dst_offset().num_seconds() > 0,
            "{tz}: kind at {}",
            o.onset
        );
        if o.from != o.to {
            // A real transition: exact to the second.
            assert_eq!(
                i64::from(prev.fix().local_minus_utc()),
                o.from,
                "{tz}: FROM at {}",
                o.onset
            );
        }
    }
    // Independent hourly scan: every offset change in range is emitted.
    let mut t = from.naive_utc();
    let mut prev = tz.offset_from_utc_datetime(&t);
    let mut changes = 0;
    while t < to.naive_utc() {
        t += TimeDelta::hours(1);
        let cur = tz.offset_from_utc_datetime(&t);
        if cur != prev {
            changes += 1;
            assert!(
                obs.iter()
                    .any(|o| o.onset > t - TimeDelta::hours(1) && o.onset <= t),
                "{tz}: missed change before {t}"
            );
        }
        prev = cur;
    }
    assert_eq!(obs.len() - 1, changes, "{tz}: observance count");

    // VEVENTs near every transition (both sides, both wall clocks) and
    // mid-winter / mid-summer.
    let mut locals = Vec::new();
    for o in &obs {
        for base in [
            o.onset + TimeDelta::seconds(o.from),
            o.onset + TimeDelta::seconds(o.to),
        ] {
            for d in [-3601, -61, -1, 0, 1, 60, 3600] {
                locals.push(base + TimeDelta::seconds(d));
            }
        }
    }
    for year in from.year()..=to.year() {
        for month in [1, 7] {
            locals.push(
                NaiveDate::from_ymd_opt(year, month, 15)
                    .unwrap()
                    .and_hms_opt(12, 0, 0)
                    .unwrap(),
            );
        }
    }
    let lo = from.naive_utc() + TimeDelta::days(1);
    let hi = to.naive_utc() - TimeDelta::days(1);
    locals.retain(|l| *l >= lo && *l <= hi && *l >= obs[0].onset + TimeDelta::seconds(obs[0].to));

    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for line in &lines {
        ics.push_str(line);
        ics.push_str("\r\n");
    }
    for (i, l) in locals.iter().enumerate() {
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{i}@test\r\nDTSTAMP:20260101T000000Z\r\n\
             DTSTART;TZID={}:{}\r\nSUMMARY:e{i}\r\nEND:VEVENT\r\n",
            tz.name(),
            l.format("%Y%m%dT%H%M%S")
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    let cal = icalendar::parser::read_calendar(&ics)
        .unwrap_or_else(|e| panic!("{tz}: parse error {e}\n{ics}"));
    let vtz = cal
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .unwrap();
    assert_eq!(vtz.components.len(), obs.len());

    // Evaluate each event's DTSTART as read back from the ICS text.
    let mut checked = 0;
    for line in ics.lines().filter(|l| l.starts_with("DTSTART;TZID=")) {
        let local = parse_dt(line.rsplit_once(':').unwrap().1);
        assert_eq!(evaluate(&obs, local), expected(tz, local), "{tz}: {local}");
        checked += 1;
    }
    assert_eq!(checked, locals.len());

    // Dense grid of wall-clock times (every 15 minutes) across the range.
    let mut local = lo;
    while local <= hi {
        assert_eq!(
            evaluate(&obs, local),
            expected(tz, local),
            "{tz}: grid {local}"
        );
        local += TimeDelta::minutes(15);
    }
    lines
}

#[test]
fn dst_zones_round_trip() {
    use chrono_tz::{America, Australia, Europe, Pacific};
    for tz in [
        Europe::Madrid,
        Europe::Copenhagen,
        Europe::Dublin,
        America::New_York,
        America::St_Johns,
        Australia::Sydney,
        Australia::Lord_Howe,
        Pacific::Chatham,
    ] {
        let lines = check_zone(tz, utc(2026, 1, 1), utc(2028, 6, 30));
        let obs = parse_vtimezone(&lines);
        assert_eq!(obs.len(), 6, "{tz}: 1 initial + 5 transitions");
    }
}

#[test]
fn madrid_output() {
    let lines = vtimezone_lines(
        chrono_tz::Europe::Madrid,
        utc(2027, 1, 1),
        utc(2027, 12, 31),
    );
    let expected = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Madrid",
        "X-LIC-LOCATION:Europe/Madrid",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:20261025T030000",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:20270328T020000",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:20271031T030000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn negative_dst_is_standard() {
    // tzdb gives Europe/Dublin's winter GMT a DST part of -1h.
    let lines = check_zone(
        chrono_tz::Europe::Dublin,
        utc(2026, 1, 1),
        utc(2026, 12, 31),
    );
    assert!(!lines.iter().any(|l| l.contains("DAYLIGHT")));
    assert!(lines.contains(&"TZNAME:IST".to_string()));
    assert!(lines.contains(&"TZNAME:GMT".to_string()));
}

#[test]
fn half_hour_and_quarter_hour_offsets() {
    let lines = vtimezone_lines(
        chrono_tz::Australia::Lord_Howe,
        utc(2026, 1, 1),
        utc(2026, 12, 31),
    );
    assert!(lines.contains(&"TZOFFSETFROM:+1100".to_string()));
    assert!(lines.contains(&"TZOFFSETTO:+1030".to_string()));
    let lines = vtimezone_lines(
        chrono_tz::Pacific::Chatham,
        utc(2026, 1, 1),
        utc(2026, 12, 31),
    );
    assert!(lines.contains(&"TZOFFSETFROM:+1345".to_string()));
    assert!(lines.contains(&"TZOFFSETTO:+1245".to_string()));
}

#[test]
fn southern_hemisphere_historical() {
    // São Paulo observed DST until February 2019; numeric names get no TZNAME.
    let lines = check_zone(
        chrono_tz::America::Sao_Paulo,
        utc(2017, 1, 1),
        utc(2019, 6, 30),
    );
    assert_eq!(parse_vtimezone(&lines).len(), 6);
    assert!(lines.contains(&"TZOFFSETTO:-0200".to_string()));
    assert!(!lines.iter().any(|l| l.starts_with("TZNAME")));
}

#[test]
fn fixed_zones_have_one_standard_observance() {
    use chrono_tz::{Africa, Asia, Etc};
    for (tz, off) in [
        (Asia::Kolkata, "+0530"),
        (Tz::UTC, "+0000"),
        (Etc::GMTPlus5, "-0500"),
        (Africa::Johannesburg, "+0200"),
    ] {
        let lines = check_zone(tz, utc(2026, 1, 1), utc(2028, 6, 30));
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.starts_with("BEGIN:STANDARD"))
                .count(),
            1
        );
        assert!(!lines.iter().any(|l| l.contains("DAYLIGHT")), "{tz}");
        assert!(lines.contains(&format!("TZOFFSETFROM:{off}")));
        assert!(lines.contains(&format!("TZOFFSETTO:{off}")));
        // DTSTART at or before `from`.
        let dtstart = lines
            .iter()
            .find_map(|l| l.strip_prefix("DTSTART:"))
            .unwrap();
        assert!(
            parse_dt(dtstart)
                <= NaiveDate::from_ymd_opt(2026, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
        );
    }
}

#[test]
fn offsets_with_seconds() {
    // Monrovia moved from -00:44:30 to GMT on 1972-01-07.
    let lines = check_zone(
        chrono_tz::Africa::Monrovia,
        utc(1971, 1, 1),
        utc(1973, 1, 1),
    );
    assert!(lines.contains(&"TZOFFSETFROM:-004430".to_string()));
    assert!(lines.contains(&"TZOFFSETTO:+0000".to_string()));
}

#[test]
fn transition_exactly_at_from_and_degenerate_ranges() {
    let tz = chrono_tz::Europe::Madrid;
    let at = Utc.with_ymd_and_hms(2027, 3, 28, 1, 0, 0).unwrap();
    let lines = vtimezone_lines(tz, at, at);
    let obs = parse_vtimezone(&lines);
    assert_eq!(obs.len(), 1);
    assert_eq!(obs[0].to, 7200);
    assert_eq!(obs[0].from, 3600);
    // `to` before `from` is treated as an empty range, not a panic.
    let lines = vtimezone_lines(tz, at, at - TimeDelta::days(30));
    assert_eq!(parse_vtimezone(&lines).len(), 1);
    // Extreme inputs do not panic.
    let _ = vtimezone_lines(tz, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MIN_UTC);
    let _ = vtimezone_lines(tz, DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MAX_UTC);
}
