//! A strict RFC 5545 checker for everything Quorum emits (feeds and mailed invites).
//!
//! [`problems`] / [`assert_valid`] check the text; [`problems_bytes`] takes raw bytes, which is
//! the only way to see a fold that split a UTF-8 sequence (a `&str` cannot hold one; one decoded
//! lossily shows up as U+FFFD, which is reported too). [`event_instants`] resolves DTSTART/DTEND
//! with the file's VTIMEZONEs and cross-checks them against chrono-tz.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

/// One VEVENT's identity and its start/end as UTC instants (see [`event_instants`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInstant {
    pub uid: String,
    pub recurrence_id: Option<String>,
    pub start_utc: DateTime<Utc>,
    pub end_utc: Option<DateTime<Utc>>,
}

/// An unfolded content line; `no` is the physical line (1-based) where it starts.
#[derive(Debug, Default)]
struct Prop {
    no: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Prop {
    fn param(&self, key: &str) -> Option<&str> {
        let found = self.params.iter().find(|(k, _)| k == key);
        found.map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Default)]
struct Comp {
    no: usize,
    name: String,
    props: Vec<Prop>,
    subs: Vec<Comp>,
}

impl Comp {
    fn get(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }
    fn count(&self, name: &str) -> usize {
        self.props.iter().filter(|p| p.name == name).count()
    }
    fn subs<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Comp> + 'a {
        self.subs.iter().filter(move |c| c.name == name)
    }
    fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Comp, &'a Prop)) {
        self.props.iter().for_each(|p| f(self, p));
        self.subs.iter().for_each(|c| c.walk(f));
    }
}

const TEXT: &str = "SUMMARY DESCRIPTION LOCATION COMMENT CONTACT NAME X-WR-CALNAME CATEGORIES";
const DATES: &str = "DTSTART DTEND DTSTAMP LAST-MODIFIED CREATED RECURRENCE-ID EXDATE RDATE";
const EVENT_ONCE: &str = "UID DTSTAMP DTSTART DTEND SUMMARY SEQUENCE STATUS URL LAST-MODIFIED";
const FREQS: &str = "SECONDLY MINUTELY HOURLY DAILY WEEKLY MONTHLY YEARLY";

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'-' || b.is_ascii_alphanumeric())
}

fn listed(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// Every problem found, as human-readable lines; empty means valid.
pub fn problems(ics: &str) -> Vec<String> {
    problems_bytes(ics.as_bytes())
}

/// Like [`problems`], for raw bytes (e.g. a mail attachment that may not even be UTF-8).
pub fn problems_bytes(raw: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let top = scan(raw, &mut out);
    if let Some(p) = top.props.first() {
        out.push(format!("line {}: {} outside any component", p.no, p.name));
    }
    let names: Vec<&str> = top.subs.iter().map(|c| c.name.as_str()).collect();
    if names != ["VCALENDAR"] {
        out.push(format!("expected exactly one VCALENDAR, found {names:?}"));
    }
    for cal in top.subs("VCALENDAR") {
        check_calendar(cal, &mut out);
    }
    let unfolded = icalendar::parser::unfold(&String::from_utf8_lossy(raw));
    if let Err(e) = icalendar::parser::read_calendar(&unfolded) {
        out.push(format!("the icalendar parser rejects it: {e}"));
    }
    out
}

/// The text after the last VTIMEZONE: the events (their RRULEs, not the zones' yearly ones).
pub fn events_part(ics: &str) -> &str {
    ics.rsplit("END:VTIMEZONE").next().unwrap_or(ics)
}

/// Panics with all problems (and the offending text, numbered lines) if any.
pub fn assert_valid(ics: &str) {
    let found = problems(ics);
    if !found.is_empty() {
        let lines = ics.split('\n').map(|l| l.trim_end_matches('\r'));
        let text: Vec<_> = lines
            .enumerate()
            .map(|(i, l)| format!("{:4} {l}", i + 1))
            .collect();
        let found = found.join("\n  - ");
        panic!("invalid iCalendar:\n  - {found}\n{}", text.join("\n"));
    }
}

/// Physical-line checks (1-4), unfolding, content-line syntax (5) and the component tree.
fn scan(raw: &[u8], out: &mut Vec<String>) -> Comp {
    if !raw.ends_with(b"\r\n") {
        out.push("the text does not end with CRLF".into());
    }
    let lines: Vec<&[u8]> = raw.split(|&b| b == b'\n').collect();
    let mut logical: Vec<(usize, Vec<u8>)> = Vec::new();
    for (i, &seg) in lines.iter().enumerate() {
        let (no, last) = (i + 1, i + 1 == lines.len());
        if last && seg.is_empty() {
            break;
        }
        let mut bad = |m: &str| out.push(format!("line {no}: {m}"));
        let line = seg.strip_suffix(b"\r").filter(|_| !last).unwrap_or(seg);
        if !last && line.len() == seg.len() {
            bad("ends with a bare LF instead of CRLF");
        }
        if line.contains(&b'\r') {
            bad("contains a bare CR");
        }
        if line.len() > 75 {
            bad(&format!("is {} octets long (max 75)", line.len()));
        }
        if std::str::from_utf8(line).is_err() {
            bad("is not valid UTF-8 alone (a fold split a character?)");
        } else if String::from_utf8_lossy(line).contains('\u{FFFD}') {
            bad("has U+FFFD (a split character decoded lossily?)");
        }
        match (line.first(), logical.last_mut()) {
            (None, _) => bad("is an empty content line"),
            (Some(b' ' | b'\t'), Some((_, prev))) => prev.extend_from_slice(&line[1..]),
            (Some(b' ' | b'\t'), None) => bad("is a continuation of nothing"),
            (Some(_), _) => logical.push((no, line.to_vec())),
        }
    }
    let (mut root, mut stack) = (Comp::default(), Vec::<Comp>::new());
    for (no, bytes) in logical {
        let Some(p) = parse_line(no, &String::from_utf8_lossy(&bytes), out) else {
            continue;
        };
        let name = p.value.to_ascii_uppercase();
        match p.name.as_str() {
            "BEGIN" => stack.push(Comp {
                no,
                name,
                ..Comp::default()
            }),
            "END" => match stack.iter().rposition(|c| c.name == name) {
                Some(i) => {
                    unclosed(&mut stack, &mut root, i + 1, out);
                    let done = stack.pop();
                    stack.last_mut().unwrap_or(&mut root).subs.extend(done);
                }
                None => out.push(format!("line {no}: END:{name} without BEGIN")),
            },
            _ => stack.last_mut().unwrap_or(&mut root).props.push(p),
        }
    }
    unclosed(&mut stack, &mut root, 0, out);
    root
}

/// Pops the components above the first `len` (never closed) into their parents.
fn unclosed(stack: &mut Vec<Comp>, root: &mut Comp, len: usize, out: &mut Vec<String>) {
    while stack.len() > len {
        let Some(c) = stack.pop() else { break };
        out.push(format!("line {}: BEGIN:{} is never closed", c.no, c.name));
        stack.last_mut().unwrap_or(&mut *root).subs.push(c);
    }
}

/// `NAME *(;PARAM=VALUE) : VALUE`, with quoting rules for parameter values.
fn parse_line(no: usize, line: &str, out: &mut Vec<String>) -> Option<Prop> {
    let mut bad = |m: String| out.push(format!("line {no}: {m} in {line:?}"));
    if let Some(c) = line.chars().find(|&c| c < ' ' && c != '\t' || c == '\x7f') {
        bad(format!("control character U+{:04X}", u32::from(c)));
    }
    let (name, mut rest) = line.split_at(line.find([';', ':']).unwrap_or(line.len()));
    if !is_name(name) {
        bad(format!("invalid property name {name:?}"));
        return None;
    }
    let mut params = Vec::new();
    while let Some(r) = rest.strip_prefix(';') {
        let Some((key, mut r)) = r.split_once('=').filter(|&(k, _)| is_name(k)) else {
            bad("malformed parameter (expected NAME=VALUE)".into());
            return None;
        };
        let mut values = Vec::new();
        loop {
            let (v, after) = if let Some(q) = r.strip_prefix('"') {
                let Some((v, after)) = q.split_once('"') else {
                    bad(format!("unterminated quoted value of {key}"));
                    return None;
                };
                if !after.is_empty() && !after.starts_with([';', ':', ',']) {
                    bad(format!("DQUOTE inside the quoted value of {key}"));
                    return None;
                }
                (v, after)
            } else {
                let (v, after) = r.split_at(r.find([';', ':', ',', '"']).unwrap_or(r.len()));
                if after.starts_with('"') {
                    bad(format!("DQUOTE inside the unquoted value of {key}"));
                    return None;
                } else if after.starts_with(',') {
                    bad(format!("',' in the unquoted value of {key}"));
                }
                (v, after)
            };
            values.push(v);
            match after.strip_prefix(',') {
                Some(next) => r = next,
                None => {
                    rest = after;
                    break;
                }
            }
        }
        params.push((key.to_ascii_uppercase(), values.join(",")));
    }
    let Some(value) = rest.strip_prefix(':') else {
        bad("no ':' between name and value".into());
        return None;
    };
    let mut prop = Prop::default();
    (prop.no, prop.name, prop.params) = (no, name.to_ascii_uppercase(), params);
    prop.value = value.to_string();
    Some(prop)
}

fn check_calendar(cal: &Comp, out: &mut Vec<String>) {
    let no = cal.no;
    for name in ["VERSION", "PRODID"] {
        let n = cal.count(name);
        if n != 1 {
            out.push(format!("line {no}: VCALENDAR has {n} {name}, not 1"));
        }
    }
    if let Some(v) = cal.get("VERSION").filter(|v| v.value != "2.0") {
        let (no, v) = (v.no, &v.value);
        out.push(format!("line {no}: VERSION is {v:?}, not 2.0"));
    }
    let zones = check_zones(cal, out);
    cal.walk(&mut |c, p| check_prop(c, p, &zones, out));
    check_events(cal, out);
}

/// VTIMEZONE structure (10); returns the TZIDs defined.
fn check_zones<'a>(cal: &'a Comp, out: &mut Vec<String>) -> HashSet<&'a str> {
    let mut zones = HashSet::new();
    for tz in cal.subs("VTIMEZONE") {
        let (no, n) = (tz.no, tz.count("TZID"));
        let id = tz.get("TZID").map_or("", |p| p.value.as_str());
        let mut bad = |m: &str| out.push(format!("line {no}: VTIMEZONE {id:?} {m}"));
        if n != 1 {
            bad(&format!("has {n} TZID, not 1"));
        }
        if !zones.insert(id) {
            bad("is defined a second time");
        }
        for p in tz.props.iter().filter(|p| listed("UID DTSTAMP", &p.name)) {
            bad(&format!("must not contain {}", p.name));
        }
        if !tz.subs.iter().any(|o| listed("STANDARD DAYLIGHT", &o.name)) {
            bad("has no STANDARD or DAYLIGHT observance");
        }
        for obs in &tz.subs {
            let mut bad = |m: &str| out.push(format!("line {}: {m} in {id:?}", obs.no));
            if !listed("STANDARD DAYLIGHT", &obs.name) {
                bad(&format!("unexpected {}", obs.name));
            }
            for name in ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"] {
                let n = obs.count(name);
                if n != 1 {
                    bad(&format!("{} has {n} {name}, not 1", obs.name));
                }
            }
            for p in obs.props.iter().filter(|p| p.name.starts_with("TZOFFSET")) {
                if offset(&p.value).is_none() {
                    bad(&format!("{} {:?} is not ±HHMM[SS]", p.name, p.value));
                }
            }
        }
    }
    zones
}

/// Per-property checks: TZID references (10), TEXT escaping (6), date-times (9), RRULE (13).
fn check_prop(c: &Comp, p: &Prop, zones: &HashSet<&str>, out: &mut Vec<String>) {
    let (no, name) = (p.no, p.name.as_str());
    let mut bad = |m: &str| out.push(format!("line {no}: {name} {m}"));
    if let Some(tzid) = p.param("TZID").filter(|t| !zones.contains(t)) {
        bad(&format!("uses TZID={tzid}, but no VTIMEZONE has it"));
    }
    let mut chars = if listed(TEXT, name) {
        p.value.chars()
    } else {
        "".chars()
    };
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => match chars.next() {
                Some('\\' | ';' | ',' | 'n' | 'N') => {}
                Some(x) => bad(&format!("TEXT has an invalid escape \\{x}")),
                None => bad("TEXT has an invalid escape: a trailing \\"),
            },
            ';' => bad("TEXT has an unescaped ';'"),
            ',' if name != "CATEGORIES" => bad("TEXT has an unescaped ','"),
            '\n' | '\r' => bad("TEXT has a raw line break"),
            _ => {}
        }
    }
    let value = p.param("VALUE");
    let utc_only = listed("DTSTAMP LAST-MODIFIED CREATED", name);
    for v in p.value.split(',').filter(|_| listed(DATES, name)) {
        let (date, utc) = (value == Some("DATE"), v.ends_with('Z'));
        let m = match date_time(v) {
            _ if date && v.len() == 8 && date_time(&format!("{v}T000000")).is_some() => continue,
            _ if date => "is not a DATE (YYYYMMDD)",
            _ if value == Some("PERIOD") => continue,
            None => "is not a DATE-TIME (YYYYMMDDTHHMMSS[Z])",
            _ if !utc && utc_only => "must be UTC (end in Z)",
            _ if utc && p.param("TZID").is_some() => "is UTC but has a TZID",
            _ if utc && listed("STANDARD DAYLIGHT", &c.name) => "must be local time",
            _ => continue,
        };
        bad(&format!("value {v:?} {m}"));
    }
    let scheme = p.value.split_once(':').map_or("", |(s, _)| s);
    if listed("ATTENDEE ORGANIZER URL", name) && (!is_name(scheme) || p.value.contains(' ')) {
        let v = &p.value;
        bad(&format!(
            "{v:?} is not a URI (unquoted ':' in a parameter?)"
        ));
    }
    if name == "RRULE" {
        let pairs: Vec<_> = p.value.split(';').map(|kv| kv.split_once('=')).collect();
        let freq = pairs
            .iter()
            .flatten()
            .any(|&(k, v)| k == "FREQ" && listed(FREQS, v));
        let empty = |(k, v): (&str, &str)| k.is_empty() || v.is_empty();
        if !freq || pairs.iter().any(|kv| kv.is_none_or(empty)) {
            bad(&format!("{:?} is not KEY=VALUE;... with a FREQ", p.value));
        }
    }
}

/// VEVENT properties (8), UID uniqueness (11) and iTIP METHOD rules (12).
fn check_events(cal: &Comp, out: &mut Vec<String>) {
    let method = cal.get("METHOD").map(|m| m.value.as_str());
    let mut uids: HashMap<&str, Vec<Option<&str>>> = HashMap::new();
    for ev in cal.subs("VEVENT") {
        let uid = ev.get("UID").map_or("", |p| p.value.as_str());
        let mut bad = |m: &str| out.push(format!("line {}: VEVENT {uid:?}: {m}", ev.no));
        for name in EVENT_ONCE.split(' ') {
            let n = ev.count(name);
            if n != 1 {
                bad(&format!("has {n} {name}, not exactly 1"));
            }
        }
        if ev.count("DURATION") > 0 && ev.count("DTEND") > 0 {
            bad("has both DTEND and DURATION");
        }
        let seq = ev.get("SEQUENCE").map_or("0", |s| s.value.as_str());
        if seq.is_empty() || !seq.bytes().all(|b| b.is_ascii_digit()) {
            bad(&format!("SEQUENCE {seq:?} is not a non-negative integer"));
        }
        let status = ev.get("STATUS").map_or("", |s| s.value.as_str());
        if !status.is_empty() && !listed("TENTATIVE CONFIRMED CANCELLED", status) {
            bad(&format!("STATUS {status:?} is not a VEVENT status"));
        }
        if let Some(m @ ("REQUEST" | "CANCEL")) = method {
            if ev.count("ORGANIZER") != 1 || ev.count("ATTENDEE") == 0 {
                bad(&format!("METHOD:{m} needs one ORGANIZER and an ATTENDEE"));
            }
            if m == "CANCEL" && status != "CANCELLED" {
                bad("METHOD:CANCEL needs STATUS:CANCELLED");
            }
        }
        let rid = ev.get("RECURRENCE-ID").map(|r| r.value.as_str());
        let same = uids.entry(uid).or_default();
        if same.contains(&rid) {
            let rid = rid.unwrap_or("(none)");
            bad(&format!("UID repeated with the same RECURRENCE-ID {rid}"));
        }
        same.push(rid);
    }
}

/// `YYYYMMDDTHHMMSS[Z]` -> (local or UTC date-time, is UTC).
fn date_time(v: &str) -> Option<(NaiveDateTime, bool)> {
    let (body, utc) = v.strip_suffix('Z').map_or((v, false), |b| (b, true));
    let digits = body.replacen('T', "", 1); // the format below requires the T
    let ok = body.len() == 15 && digits.bytes().all(|b| b.is_ascii_digit());
    let parsed = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S").ok();
    parsed.filter(|_| ok).map(|d| (d, utc))
}

/// `+HHMM`, `-HHMM` or `+HHMMSS` -> seconds east of UTC.
fn offset(s: &str) -> Option<i64> {
    let (sign, digits) = match s.split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    let ok = matches!(digits.len(), 4 | 6) && digits.bytes().all(|b| b.is_ascii_digit());
    let two = |i: usize| digits.get(i..i + 2).map_or(Some(0), |x| x.parse().ok());
    let (h, m, s) = (two(0)?, two(2)?, two(4)?);
    let secs = sign * (h * 3600 + m * 60 + s);
    (ok && m < 60 && s < 60 && (secs, sign) != (0, -1)).then_some(secs)
}

/// Parses the calendar and returns, for every VEVENT, its UID, RECURRENCE-ID and DTSTART/DTEND
/// as UTC instants. A `TZID=X` local time is resolved both with the file's VTIMEZONE X and with
/// chrono-tz's X; panics if they disagree, or if either finds the local time ambiguous or missing.
pub fn event_instants(ics: &str) -> Vec<EventInstant> {
    let top = scan(ics.as_bytes(), &mut Vec::new());
    let Some(cal) = top.subs("VCALENDAR").next() else {
        panic!("no VCALENDAR in:\n{ics}");
    };
    let zones = cal
        .subs("VTIMEZONE")
        .filter_map(|z| Some((z.get("TZID")?.value.as_str(), z)));
    let zones: HashMap<&str, &Comp> = zones.collect();
    let events = cal.subs("VEVENT").map(|ev| {
        let uid = ev.get("UID").map_or(String::new(), |p| p.value.clone());
        let at = |name| {
            ev.get(name)
                .map(|p| instant(p, &zones, &format!("VEVENT {uid:?} {name}")))
        };
        EventInstant {
            start_utc: at("DTSTART").unwrap_or_else(|| panic!("VEVENT {uid:?} lacks DTSTART")),
            end_utc: at("DTEND"),
            recurrence_id: ev.get("RECURRENCE-ID").map(|p| p.value.clone()),
            uid,
        }
    });
    events.collect()
}

fn instant(p: &Prop, zones: &HashMap<&str, &Comp>, what: &str) -> DateTime<Utc> {
    let v = &p.value;
    let (local, tzid) = match (date_time(v), p.param("TZID")) {
        (Some((utc, true)), _) => return utc.and_utc(),
        (Some((local, false)), Some(tzid)) => (local, tzid),
        _ => panic!("{what}: {v:?} is neither UTC nor local time with a TZID"),
    };
    let zone = zones
        .get(tzid)
        .unwrap_or_else(|| panic!("{what}: no VTIMEZONE {tzid}"));
    let from_file = resolve_in_vtimezone(zone, local, what);
    let tz: chrono_tz::Tz = tzid.parse().unwrap_or_else(|e| panic!("{what}: {e}"));
    let from_db = tz.from_local_datetime(&local).single().map(|d| d.to_utc());
    match (from_file, from_db) {
        (Some(a), Some(b)) if a == b => a,
        (a, b) => panic!("{what}: {tzid} {local} is {a:?} by the VTIMEZONE, {b:?} by chrono-tz"),
    }
}

/// The unique UTC instant of `local` under the VTIMEZONE's observances, if there is exactly one.
fn resolve_in_vtimezone(zone: &Comp, local: NaiveDateTime, what: &str) -> Option<DateTime<Utc>> {
    let mut transitions = Vec::new(); // (onset in UTC, offset before, offset after)
    for obs in &zone.subs {
        let get = |name| obs.get(name).map_or("", |p| p.value.as_str());
        let (from, to) = (offset(get("TZOFFSETFROM")), offset(get("TZOFFSETTO")));
        let (Some(from), Some(to), Some((start, false))) = (from, to, date_time(get("DTSTART")))
        else {
            panic!("{what}: bad offsets or DTSTART in {}", obs.name);
        };
        let Some(onsets) = onsets(obs, start, from, local.year() + 1) else {
            panic!("{what}: unsupported RRULE in {}", obs.name);
        };
        for onset in onsets {
            transitions.push((onset - Duration::seconds(from), from, to));
        }
    }
    transitions.sort();
    let offset_at = |t: NaiveDateTime| match transitions.iter().rev().find(|tr| tr.0 <= t) {
        Some(&(_, _, to)) => Some(to),
        None => transitions.first().map(|tr| tr.1),
    };
    let offsets = transitions.iter().flat_map(|&(_, from, to)| [from, to]);
    let candidates = offsets.map(|o| (o, local - Duration::seconds(o)));
    let mut found: Vec<_> = candidates
        .filter(|&(o, t)| offset_at(t) == Some(o))
        .map(|(_, t)| t)
        .collect();
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found[0].and_utc())
}

/// Local onsets of an observance: DTSTART, RDATEs, and a `FREQ=YEARLY;BYMONTH=m;BYDAY=nDD` RRULE
/// (optionally with UNTIL or COUNT) expanded up to `last`; `None` for other RRULEs.
fn onsets(obs: &Comp, start: NaiveDateTime, from: i64, last: i32) -> Option<Vec<NaiveDateTime>> {
    let mut out = vec![start];
    for p in obs.props.iter().filter(|p| p.name == "RDATE") {
        out.extend(p.value.split(',').filter_map(date_time).map(|(d, _)| d));
    }
    let Some(rule) = obs.get("RRULE") else {
        return Some(out);
    };
    let (month, n, wd, until, count) = yearly_rule(&rule.value, from)?;
    for year in start.year()..=last {
        match nth_weekday(year, month, wd, n).map(|d| d.and_time(start.time())) {
            Some(o) if until.is_some_and(|u| o > u) || out.len() >= count => break,
            Some(o) if o > start => out.push(o),
            _ => {}
        }
    }
    Some(out)
}

/// (month, n, weekday, UNTIL as local time, COUNT) of `FREQ=YEARLY;BYMONTH=m;BYDAY=nDD`.
type YearlyRule = (u32, i32, Weekday, Option<NaiveDateTime>, usize);

fn yearly_rule(rule: &str, from: i64) -> Option<YearlyRule> {
    let (mut month, mut day, mut until, mut count) = (None, None, None, usize::MAX);
    for part in rule.split(';') {
        match part.split_once('=')? {
            ("FREQ", "YEARLY") => {}
            ("BYMONTH", m) => month = Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            ("BYDAY", d) => {
                let (n, wd) = d.split_at_checked(d.len().checked_sub(2)?)?;
                let names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
                let wd = Weekday::try_from(names.iter().position(|x| *x == wd)? as u8).ok()?;
                day = Some((
                    n.parse::<i32>().ok().filter(|n| *n != 0 && n.abs() <= 5)?,
                    wd,
                ));
            }
            ("UNTIL", u) => {
                let (d, utc) = date_time(u)?;
                until = Some(if utc { d + Duration::seconds(from) } else { d });
            }
            ("COUNT", c) => count = c.parse().ok()?,
            _ => return None,
        }
    }
    let (n, wd) = day?;
    Some((month?, n, wd, until, count))
}

/// The `n`th (or, if negative, `-n`th last) `wd` of the month, if it exists.
fn nth_weekday(year: i32, month: u32, wd: Weekday, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        return NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?);
    }
    let next = NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(chrono::Months::new(1));
    let last = next?.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let date = last - Duration::days(i64::from(back) - 7 * i64::from(n + 1));
    (date.month() == month).then_some(date)
}
