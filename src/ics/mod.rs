//! iCalendar (RFC 5545) text for invites and feeds: pure functions of meetings.

mod days;
pub mod vtimezone;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::series::Series;
use crate::domain::MeetingStatus;

pub const PRODID: &str = "-//Quorum//Quorum Meetings//EN";

/// The iTIP method of an invite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// What a calendar shows of one meeting, and to whom.
pub struct EventSource<'a> {
    pub meeting: &'a Meeting,
    pub group: &'a Group,
    /// Absolute URL of the meeting page.
    pub url: String,
    /// Whether the online URL may be shown (registrants, or a public URL).
    pub show_online_url: bool,
    /// Extra text after the description (for invites: the manage link).
    pub note: Option<String>,
}

/// The person an invite is addressed to, and who sends it.
pub struct Invitation<'a> {
    pub method: Method,
    pub organizer_name: Option<&'a str>,
    pub organizer_email: &'a str,
    pub attendee_name: &'a str,
    pub attendee_email: &'a str,
    /// Whether the attendee holds a seat (ACCEPTED) or not.
    pub accepted: bool,
}

/// A meeting's invite (`METHOD:REQUEST` or `METHOD:CANCEL`).
pub fn invite(source: &EventSource<'_>, invitation: &Invitation<'_>, now: DateTime<Utc>) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", invitation.method.as_str()));
    for mut event in days::meeting_events(source, now) {
        if invitation.method == Method::Cancel {
            event.status(EventStatus::Cancelled);
        }
        address(&mut event, invitation);
        cal.push(event.done());
    }
    with_timezones(cal.to_string(), &[source.meeting])
}

/// A series as calendars see it: one VEVENT with the rule, EXDATEs for cancelled occurrences,
/// and RECURRENCE-ID overrides for changed ones.
pub struct SeriesSource<'a> {
    pub series: &'a Series,
    pub group: &'a Group,
    /// Every occurrence, in rule order.
    pub occurrences: &'a [Meeting],
    pub url: String,
    /// Absolute base URL; occurrence pages are under it.
    pub base_url: &'a str,
    pub show_online_url: bool,
    pub note: Option<String>,
}

impl<'a> SeriesSource<'a> {
    /// A series as calendars see it, for invites and feeds.
    pub fn new(
        base_url: &'a str,
        loaded: &'a crate::db::series::Loaded,
        show_online_url: bool,
        note: Option<String>,
    ) -> SeriesSource<'a> {
        SeriesSource {
            series: &loaded.series,
            group: &loaded.group,
            occurrences: &loaded.occurrences,
            url: format!("{base_url}/series/{}", loaded.series.id),
            base_url,
            show_online_url,
            note,
        }
    }

    /// The occurrence that stands for the rule (the first one that follows it).
    fn representative(&self) -> Option<&Meeting> {
        self.occurrences
            .iter()
            .find(|m| !m.detached && m.status() != MeetingStatus::Cancelled)
            .or_else(|| self.occurrences.first())
    }

    fn rrule(&self) -> String {
        format!(
            "FREQ=WEEKLY;INTERVAL={};BYDAY={};WKST=MO;COUNT={}",
            self.series.interval_weeks.max(1),
            self.series.weekdays,
            self.occurrences.len()
        )
    }

    fn recurrence_id(&self, m: &Meeting) -> Option<Property> {
        let local = m.recurrence_local?;
        let mut p = Property::new("RECURRENCE-ID", local.format("%Y%m%dT%H%M%S").to_string());
        p.add_parameter("TZID", &self.series.timezone);
        Some(p.done())
    }

    fn master(&self, now: DateTime<Utc>) -> Option<Event> {
        let rep = self.representative()?;
        let tz = self.series.tz();
        let start = self.series.first_start_local;
        let end = start + Duration::minutes(i64::from(self.series.duration_minutes));
        let source = EventSource {
            meeting: rep,
            group: self.group,
            url: self.url.clone(),
            show_online_url: self.show_online_url,
            note: self.note.clone(),
        };
        let mut e = event(&source, now);
        let last_modified = self
            .occurrences
            .iter()
            .map(|m| m.updated_at)
            .chain([self.series.updated_at])
            .max()
            .unwrap_or(self.series.updated_at);
        e.uid(&self.series.uid)
            .summary(&clean(&self.series.title))
            .starts(CalendarDateTime::WithTimezone {
                date_time: start,
                tzid: tz.name().to_string(),
            })
            .ends(CalendarDateTime::WithTimezone {
                date_time: end,
                tzid: tz.name().to_string(),
            })
            .sequence(u32::try_from(self.series.sequence).unwrap_or(0))
            .last_modified(Utc.from_utc_datetime(&last_modified))
            .status(EventStatus::Confirmed);
        e.add_property("RRULE", self.rrule());
        for m in self
            .occurrences
            .iter()
            .filter(|m| m.status() == MeetingStatus::Cancelled)
        {
            if let Some(local) = m.recurrence_local {
                let mut p = Property::new("EXDATE", local.format("%Y%m%dT%H%M%S").to_string());
                p.add_parameter("TZID", &self.series.timezone);
                e.append_multi_property(p.done());
            }
        }
        Some(e)
    }

    /// The override of one occurrence (same UID, its RECURRENCE-ID).
    fn instance(&self, m: &Meeting, now: DateTime<Utc>) -> Event {
        let source = EventSource {
            meeting: m,
            group: self.group,
            url: format!("{}/meetings/{}", self.base_url, m.id),
            show_online_url: self.show_online_url,
            note: self.note.clone(),
        };
        let mut e = event(&source, now);
        e.uid(&self.series.uid)
            .sequence(u32::try_from(m.sequence.max(self.series.sequence)).unwrap_or(0));
        if let Some(p) = self.recurrence_id(m) {
            e.append_property(p);
        }
        e
    }

    fn events(&self, now: DateTime<Utc>) -> Vec<Event> {
        let mut out: Vec<Event> = self.master(now).into_iter().collect();
        for m in self
            .occurrences
            .iter()
            .filter(|m| m.detached && m.status() != MeetingStatus::Cancelled)
        {
            out.push(self.instance(m, now));
        }
        out
    }
}

/// The invite for a registration to a whole series.
pub fn series_invite(
    source: &SeriesSource<'_>,
    invitation: &Invitation<'_>,
    now: DateTime<Utc>,
) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", invitation.method.as_str()));
    for mut e in source.events(now) {
        if invitation.method == Method::Cancel {
            e.status(EventStatus::Cancelled);
        }
        address(&mut e, invitation);
        cal.push(e.done());
    }
    let meetings: Vec<&Meeting> = source.occurrences.iter().collect();
    with_timezones(cal.to_string(), &meetings)
}

/// An update (`REQUEST`) or cancellation (`CANCEL`) of one occurrence, for series registrants.
pub fn occurrence_invite(
    source: &SeriesSource<'_>,
    occurrence: &Meeting,
    invitation: &Invitation<'_>,
    now: DateTime<Utc>,
) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", invitation.method.as_str()));
    let mut e = source.instance(occurrence, now);
    if invitation.method == Method::Cancel {
        e.status(EventStatus::Cancelled);
    }
    address(&mut e, invitation);
    cal.push(e.done());
    with_timezones(cal.to_string(), &[occurrence])
}

fn address(event: &mut Event, invitation: &Invitation<'_>) {
    let mut organizer = Property::new(
        "ORGANIZER",
        format!("mailto:{}", invitation.organizer_email),
    );
    if let Some(name) = invitation.organizer_name {
        organizer.add_parameter("CN", &param_text(name));
    }
    event.append_property(organizer.done());
    let mut attendee = Property::new("ATTENDEE", format!("mailto:{}", invitation.attendee_email));
    attendee
        .add_parameter("CN", &param_text(invitation.attendee_name))
        .add_parameter("ROLE", "NON-PARTICIPANT")
        .add_parameter("CUTYPE", "INDIVIDUAL")
        .add_parameter(
            "PARTSTAT",
            if invitation.method == Method::Cancel {
                "DECLINED"
            } else if invitation.accepted {
                "ACCEPTED"
            } else {
                "TENTATIVE"
            },
        )
        .add_parameter("RSVP", "FALSE");
    event.append_multi_property(attendee.done());
}

/// A feed of many meetings (and series) for calendar subscriptions.
pub fn feed(
    name: &str,
    sources: &[EventSource<'_>],
    series: &[SeriesSource<'_>],
    now: DateTime<Utc>,
) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    // The icalendar crate escapes only the TEXT properties it knows; these it writes raw.
    cal.append_property(Property::new("NAME", escape_text(name)));
    cal.append_property(Property::new("X-WR-CALNAME", escape_text(name)));
    let mut refresh = Property::new("REFRESH-INTERVAL", "PT1H");
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh.done());
    cal.append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    if let Some(zone) = dominant_zone(sources) {
        cal.append_property(Property::new("X-WR-TIMEZONE", zone));
    }
    for source in sources {
        for mut e in days::meeting_events(source, now) {
            cal.push(e.done());
        }
    }
    for s in series {
        for mut e in s.events(now) {
            cal.push(e.done());
        }
    }
    let meetings: Vec<&Meeting> = sources
        .iter()
        .map(|s| s.meeting)
        .chain(series.iter().flat_map(|s| s.occurrences.iter()))
        .collect();
    with_timezones(cal.to_string(), &meetings)
}

/// The zone of more than half of the events, if there is one (clients use it as a default).
fn dominant_zone<'a>(sources: &'a [EventSource<'_>]) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in sources {
        let z = s.meeting.timezone.as_str();
        match counts.iter_mut().find(|(name, _)| *name == z) {
            Some((_, n)) => *n += 1,
            None => counts.push((z, 1)),
        }
    }
    counts
        .into_iter()
        .find(|(_, n)| n * 2 > sources.len())
        .map(|(z, _)| z)
}

fn calendar_head() -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal
}

fn event(source: &EventSource<'_>, now: DateTime<Utc>) -> Event {
    let m = source.meeting;
    let tz = m.tz();
    let mut event = Event::new();
    event
        .uid(&m.uid)
        .timestamp(now)
        .starts(CalendarDateTime::WithTimezone {
            date_time: local(tz, m.starts_at),
            tzid: tz.name().to_string(),
        })
        .ends(CalendarDateTime::WithTimezone {
            date_time: local(tz, m.ends_at),
            tzid: tz.name().to_string(),
        })
        .sequence(u32::try_from(m.sequence).unwrap_or(0))
        .summary(&clean(&m.title))
        .location(&clean(&location(m, source.show_online_url)))
        .url(&source.url)
        .last_modified(Utc.from_utc_datetime(&m.updated_at))
        .created(Utc.from_utc_datetime(&m.created_at))
        .status(match m.status() {
            MeetingStatus::Cancelled => EventStatus::Cancelled,
            MeetingStatus::Draft => EventStatus::Tentative,
            MeetingStatus::Published => EventStatus::Confirmed,
        });
    event.description(&clean(&description(source)));
    event.add_property("CLASS", "PUBLIC");
    event.add_property("TRANSP", "OPAQUE");
    event.append_multi_property(Property::new("CATEGORIES", escape_text(&source.group.name)));
    if source.show_online_url {
        if let Some(u) = m.online_url.as_deref() {
            let mut conf = Property::new("CONFERENCE", u);
            conf.add_parameter("VALUE", "URI")
                .add_parameter("FEATURE", "AUDIO,VIDEO");
            event.append_multi_property(conf.done());
        }
    }
    event
}

fn local(tz: chrono_tz::Tz, utc: NaiveDateTime) -> NaiveDateTime {
    Utc.from_utc_datetime(&utc).with_timezone(&tz).naive_local()
}

/// Where the meeting is: the venue for people in the room, else the join link or "Online".
pub fn location(m: &Meeting, show_online_url: bool) -> String {
    let place: Vec<&str> = [&m.venue, &m.address, &m.city, &m.country]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .filter(|p| !p.trim().is_empty())
        .collect();
    let online = if show_online_url {
        m.online_url.as_deref().unwrap_or("Online")
    } else {
        "Online"
    };
    match (m.format().has_venue(), m.format().has_online()) {
        (true, true) if !place.is_empty() => format!("{} / {online}", place.join(", ")),
        (true, _) if !place.is_empty() => place.join(", "),
        _ => online.to_string(),
    }
}

fn description(source: &EventSource<'_>) -> String {
    let m = source.meeting;
    let mut parts = Vec::new();
    if m.status() == MeetingStatus::Cancelled {
        match m.cancel_reason.as_deref() {
            Some(reason) if !reason.trim().is_empty() => parts.push(format!("CANCELLED: {reason}")),
            _ => parts.push("CANCELLED".to_string()),
        }
    }
    if !m.description.trim().is_empty() {
        parts.push(m.description.clone());
    }
    if source.show_online_url {
        if let Some(u) = &m.online_url {
            parts.push(format!("Join online: {u}"));
        }
        if let Some(d) = m.online_details.as_deref().filter(|d| !d.trim().is_empty()) {
            parts.push(d.to_string());
        }
    }
    parts.push(format!("{} – {}", source.group.name, source.url));
    if let Some(note) = &source.note {
        parts.push(note.clone());
    }
    parts.join("\n\n")
}

/// RFC 5545 TEXT escaping, for properties the icalendar crate writes without it.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parameter values may not hold DQUOTE or control characters (RFC 5545 §3.1).
/// Text as calendars can carry it: line breaks as LF only (the icalendar crate escapes LF
/// but would pass a bare CR through), no other control characters.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

fn param_text(s: &str) -> String {
    s.chars()
        .map(|c| if c == '"' || c.is_control() { '\'' } else { c })
        .collect()
}

/// Folds every content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8
/// character. The icalendar crate folds too, but can leave a continuation line one octet
/// long, so its output is unfolded and folded again here.
pub fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(text.len() + text.len() / 60 * 3);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
    }
    out
}

/// Inserts one VTIMEZONE per zone used, covering the meetings' dates, before the first VEVENT.
fn with_timezones(text: String, meetings: &[&Meeting]) -> String {
    let mut zones: Vec<(chrono_tz::Tz, NaiveDateTime, NaiveDateTime)> = Vec::new();
    for m in meetings {
        let tz = m.tz();
        match zones.iter_mut().find(|(z, _, _)| *z == tz) {
            Some((_, from, to)) => {
                *from = (*from).min(m.starts_at);
                *to = (*to).max(m.ends_at);
            }
            None => zones.push((tz, m.starts_at, m.ends_at)),
        }
    }
    zones.sort_by_key(|(z, _, _)| z.name());
    let mut block = String::new();
    for (tz, from, to) in zones {
        let from = Utc.from_utc_datetime(&(from - Duration::days(1)));
        let to = Utc.from_utc_datetime(&(to + Duration::days(1)));
        for line in vtimezone::vtimezone_lines(tz, from, to) {
            block.push_str(&line);
            block.push_str("\r\n");
        }
    }
    let text = match text.find("BEGIN:VEVENT\r\n") {
        Some(at) => {
            let mut out = String::with_capacity(text.len() + block.len());
            out.push_str(&text[..at]);
            out.push_str(&block);
            out.push_str(&text[at..]);
            out
        }
        None => text,
    };
    refold(&text)
}

#[cfg(test)]
mod fold_tests {
    use super::refold;

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let long = format!("DESCRIPTION:{}", "é🎉中a".repeat(40));
        let folded = refold(&format!("BEGIN:VCALENDAR\r\n{long}\r\nEND:VCALENDAR\r\n"));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("BEGIN:VCALENDAR\r\n{long}\r\nEND:VCALENDAR\r\n")
        );
    }
}
