//! iCalendar (RFC 5545) text for invites and feeds: pure functions of meetings.

mod days;
mod event;
mod milestones;
mod series;
mod text;
pub mod vtimezone;

pub use event::{location_in, manage_note, EventSource, Invitation, Method, Organizer, PRODID};
pub use milestones::{milestones_feed, MilestoneEvent};
pub use series::{occurrence_invite, series_invite, SeriesSource};
pub use text::refold;

use chrono::{DateTime, Utc};
use icalendar::{Component, EventStatus, Property};

use crate::db::meetings::Meeting;
use crate::i18n::Lang;
use event::{address, calendar_head, with_timezones};
use text::{clean, escape_text};

/// A meeting's invite (`METHOD:REQUEST` or `METHOD:CANCEL`).
pub fn invite(source: &EventSource<'_>, invitation: &Invitation<'_>, now: DateTime<Utc>) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", invitation.method.as_str()));
    for mut event in days::meeting_events(source, invitation.lang, now) {
        if invitation.method == Method::Cancel {
            event.status(EventStatus::Cancelled);
        }
        address(&mut event, invitation);
        cal.push(event.done());
    }
    with_timezones(cal.to_string(), &[source.meeting])
}

/// A feed of many meetings (and series) for calendar subscriptions, its fixed words in
/// `lang`. Each event names its group's contact as `ORGANIZER`, else `sender`.
pub fn feed(
    lang: Lang,
    name: &str,
    sources: &[EventSource<'_>],
    series: &[SeriesSource<'_>],
    sender: Organizer<'_>,
    now: DateTime<Utc>,
) -> String {
    let mut cal = feed_head(name);
    if let Some(zone) = dominant_zone(sources) {
        cal.append_property(Property::new("X-WR-TIMEZONE", zone));
    }
    let events = sources
        .iter()
        .map(|s| (s.group, days::meeting_events(s, lang, now)))
        .chain(series.iter().map(|s| (s.group, s.events(lang, now))));
    for (group, events) in events {
        let organizer = Organizer::of_group(group, sender).property();
        for mut e in events {
            e.append_property(organizer.clone());
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

/// The head of a subscribed calendar: `METHOD:PUBLISH`, its name, how often to refresh.
fn feed_head(name: &str) -> icalendar::Calendar {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    // The icalendar crate escapes, as it writes them, the TEXT properties of RFC 5545 and every
    // `X-` property (CATEGORIES and RESOURCES excepted); RFC 7986's NAME it writes raw. So
    // each is given the name as it must reach the crate, and is escaped exactly once.
    cal.append_property(Property::new("NAME", escape_text(name)));
    cal.append_property(Property::new("X-WR-CALNAME", clean(name)));
    let mut refresh = Property::new("REFRESH-INTERVAL", "PT1H");
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh.done());
    cal.append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    cal
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
