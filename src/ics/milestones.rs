//! A group's milestones as a subscribed calendar: one all-day event per milestone
//! (`DTSTART;VALUE=DATE`, `DTEND` the next day), its UID `milestone-{id}@{host}`.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use icalendar::{Component, Event, EventStatus, Property};

use super::text::{clean, escape_text, refold};
use crate::db::milestones::Milestone;
use crate::domain::MilestoneStatus;
use crate::i18n::Lang;

/// One milestone and the page it links to (its meeting's when that is public, else the
/// group's).
pub struct MilestoneEvent<'a> {
    pub milestone: &'a Milestone,
    pub url: String,
}

/// The calendar `name` of these milestones, their fixed words in `lang`; `host` makes the
/// UIDs, `now` is every DTSTAMP.
pub fn milestones_feed(
    lang: Lang,
    name: &str,
    group_name: &str,
    host: &str,
    events: &[MilestoneEvent<'_>],
    now: DateTime<Utc>,
) -> String {
    let mut cal = super::feed_head(name);
    let done = lang.msg("ics-milestone-done");
    let planned = lang.msg("ics-milestone-planned");
    for e in events {
        let m = e.milestone;
        let status = match MilestoneStatus::parse(&m.status) {
            Some(MilestoneStatus::Done) => &done,
            _ => &planned,
        };
        let description = if m.description.trim().is_empty() {
            status.clone()
        } else {
            format!("{}\n\n{status}", m.description)
        };
        let mut event = Event::new();
        event
            .uid(&format!("milestone-{}@{host}", m.id))
            .timestamp(now)
            .summary(&clean(&m.title))
            .description(&clean(&description))
            .url(&e.url)
            .sequence(0)
            .status(EventStatus::Confirmed)
            .last_modified(Utc.from_utc_datetime(&m.updated_at))
            .created(Utc.from_utc_datetime(&m.created_at));
        event.append_property(date("DTSTART", m.due_date));
        event.append_property(date(
            "DTEND",
            m.due_date
                .checked_add_days(Days::new(1))
                .unwrap_or(m.due_date),
        ));
        event.add_property("CLASS", "PUBLIC");
        // A milestone is a date, not time taken: it never shows the day as busy.
        event.add_property("TRANSP", "TRANSPARENT");
        event.append_multi_property(Property::new("CATEGORIES", escape_text(group_name)));
        cal.push(event.done());
    }
    refold(&cal.to_string())
}

fn date(name: &str, d: NaiveDate) -> Property {
    let mut p = Property::new(name, d.format("%Y%m%d").to_string());
    p.add_parameter("VALUE", "DATE");
    p.done()
}
