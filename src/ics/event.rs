//! The parts every calendar is made of: the head, one meeting's event, the attendee and
//! organizer of an invite, and the VTIMEZONEs. A leaf: the other calendar modules build on it.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use super::text::{clean, escape_text, param_text, refold};
use super::vtimezone;
use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::domain::MeetingStatus;
use crate::i18n::Lang;

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
    /// The attendee's language (the one stored with the registration): the fixed words of
    /// the invite are in it.
    pub lang: Lang,
}

/// Who organizes a meeting, as `ORGANIZER` names it.
#[derive(Debug, Clone, Copy)]
pub struct Organizer<'a> {
    pub name: Option<&'a str>,
    pub email: &'a str,
}

impl<'a> Organizer<'a> {
    /// The organizer of a group's events in a feed: its contact address, else `sender`.
    pub fn of_group(group: &'a Group, sender: Organizer<'a>) -> Organizer<'a> {
        match group.contact_email.as_deref().map(str::trim) {
            Some(email) if !email.is_empty() => Organizer {
                name: Some(&group.name),
                email,
            },
            _ => sender,
        }
    }

    pub(super) fn property(self) -> Property {
        let mut organizer = Property::new("ORGANIZER", mailto(self.email));
        if let Some(name) = self.name.filter(|n| !n.trim().is_empty()) {
            organizer.add_parameter("CN", &param_text(name));
        }
        organizer.done()
    }
}

/// A `mailto:` URI (RFC 6068): what an address may hold but a URI may not is percent-encoded.
fn mailto(email: &str) -> String {
    let mut uri = String::with_capacity(email.len() + 7);
    uri.push_str("mailto:");
    for b in email.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$'()*+;:@".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

pub(super) fn address(event: &mut Event, invitation: &Invitation<'_>) {
    let organizer = Organizer {
        name: invitation.organizer_name,
        email: invitation.organizer_email,
    };
    event.append_property(organizer.property());
    let mut attendee = Property::new("ATTENDEE", mailto(invitation.attendee_email));
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
pub(super) fn calendar_head() -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal
}

/// One meeting's event, its fixed words (location "Online", the join line, the
/// cancellation) in `lang`.
pub(super) fn event(source: &EventSource<'_>, lang: Lang, now: DateTime<Utc>) -> Event {
    let m = source.meeting;
    let tz = m.tz();
    let mut event = Event::new();
    event
        .uid(&m.uid)
        .timestamp(now)
        .starts(CalendarDateTime::WithTimezone {
            date_time: local(&tz, m.starts_at),
            tzid: tz.name().to_string(),
        })
        .ends(CalendarDateTime::WithTimezone {
            date_time: local(&tz, m.ends_at),
            tzid: tz.name().to_string(),
        })
        .sequence(u32::try_from(m.sequence).unwrap_or(0))
        .summary(&clean(&m.title))
        .location(&clean(&location_in(lang, m, source.show_online_url)))
        .url(&source.url)
        .last_modified(Utc.from_utc_datetime(&m.updated_at))
        .created(Utc.from_utc_datetime(&m.created_at))
        .status(match m.status() {
            MeetingStatus::Cancelled => EventStatus::Cancelled,
            MeetingStatus::Draft => EventStatus::Tentative,
            MeetingStatus::Published => EventStatus::Confirmed,
        });
    event.description(&clean(&description(source, lang)));
    event.add_property("CLASS", "PUBLIC");
    event.add_property("TRANSP", "OPAQUE");
    event.append_multi_property(Property::new("CATEGORIES", escape_text(&source.group.name)));
    if source.show_online_url {
        if let Some(u) = m.online_url.as_deref() {
            // A URI property is written as it is: nothing but the URI's own characters.
            let uri: String = u.chars().filter(|c| !c.is_control()).collect();
            let mut conf = Property::new("CONFERENCE", uri);
            conf.add_parameter("VALUE", "URI")
                .add_parameter("FEATURE", "AUDIO,VIDEO");
            event.append_multi_property(conf.done());
        }
    }
    event
}

pub(super) fn local(tz: &crate::tz::Zone, utc: NaiveDateTime) -> NaiveDateTime {
    Utc.from_utc_datetime(&utc).with_timezone(tz).naive_local()
}

/// Where the meeting is: the venue for people in the room, else the join link or "Online"
/// (in `lang`).
pub fn location_in(lang: Lang, m: &Meeting, show_online_url: bool) -> String {
    let word = lang.msg("ics-online");
    let place: Vec<&str> = [&m.venue, &m.address, &m.city, &m.country]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .filter(|p| !p.trim().is_empty())
        .collect();
    let online = match m.online_url.as_deref() {
        Some(url) if show_online_url => url,
        _ => word.as_str(),
    };
    match (m.format().has_venue(), m.format().has_online()) {
        (true, true) if !place.is_empty() => format!("{} / {online}", place.join(", ")),
        (true, _) if !place.is_empty() => place.join(", "),
        _ => online.to_string(),
    }
}

fn description(source: &EventSource<'_>, lang: Lang) -> String {
    let m = source.meeting;
    let mut parts = Vec::new();
    if m.status() == MeetingStatus::Cancelled {
        match m.cancel_reason.as_deref() {
            Some(reason) if !reason.trim().is_empty() => {
                parts.push(lang.msg1("ics-cancelled-reason", "reason", reason))
            }
            _ => parts.push(lang.msg("ics-cancelled")),
        }
    }
    if !m.description.trim().is_empty() {
        parts.push(m.description.clone());
    }
    if source.show_online_url {
        if let Some(u) = &m.online_url {
            parts.push(labelled(&lang.msg("ics-join-online"), u));
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

/// A label ("Join online:") and the link it introduces. Links stay outside the messages, so
/// that no bidi isolation mark (Arabic) ever sticks to a URL a calendar turns into a link;
/// after a full-width colon (Chinese) no space is needed.
fn labelled(label: &str, url: &str) -> String {
    if label.ends_with('：') {
        format!("{label}{url}")
    } else {
        format!("{label} {url}")
    }
}

/// The line under an invite's description that leads the attendee to their manage page
/// ("Change or cancel your registration: …"), in their language.
pub fn manage_note(lang: Lang, manage_url: &str) -> String {
    labelled(&lang.msg("ics-manage"), manage_url)
}

/// Inserts one VTIMEZONE per zone used, covering the meetings' dates, before the first VEVENT.
pub(super) fn with_timezones(text: String, meetings: &[&Meeting]) -> String {
    let mut zones: Vec<(crate::tz::Zone, NaiveDateTime, NaiveDateTime)> = Vec::new();
    for m in meetings {
        let tz = m.tz();
        match zones.iter_mut().find(|(z, _, _)| z.name() == tz.name()) {
            Some((_, from, to)) => {
                *from = (*from).min(m.starts_at);
                *to = (*to).max(m.ends_at);
            }
            None => zones.push((tz, m.starts_at, m.ends_at)),
        }
    }
    zones.sort_by(|(a, _, _), (b, _, _)| a.name().cmp(b.name()));
    let mut block = String::new();
    for (tz, from, to) in zones {
        let from = Utc.from_utc_datetime(&from);
        let to = Utc.from_utc_datetime(&to);
        for line in vtimezone::vtimezone_lines(&tz, from, to).iter() {
            block.push_str(line);
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
mod tests {
    use super::mailto;

    #[test]
    fn mailto_encodes_what_a_uri_may_not_hold() {
        assert_eq!(mailto("ada@example.org"), "mailto:ada@example.org");
        assert_eq!(
            mailto("a?b%c#d,e@example.org"),
            "mailto:a%3Fb%25c%23d%2Ce@example.org"
        );
        assert_eq!(mailto("zoë@example.org"), "mailto:zo%C3%AB@example.org");
    }
}
