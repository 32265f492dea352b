//! A meeting of several days as calendars see it: one event for the first day that repeats
//! daily up to the last, `EXDATE`s for the dates in between that are not meeting days, and a
//! `RECURRENCE-ID` override for every day whose hours differ from the first day's. Every
//! client then shows one block per day with that day's hours, under the meeting's one UID.

use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use icalendar::{CalendarDateTime, Component, Event, EventLike, Property};

use super::event::{event, local, EventSource};
use crate::i18n::Lang;

/// The events of one meeting: the first day (with the rule when there are more), then the
/// overrides.
pub fn meeting_events(source: &EventSource<'_>, lang: Lang, now: DateTime<Utc>) -> Vec<Event> {
    let m = source.meeting;
    let tz = m.tz();
    let days: Vec<(NaiveDateTime, NaiveDateTime)> = m
        .schedule()
        .spans()
        .iter()
        .map(|&(s, e)| (local(&tz, s), local(&tz, e)))
        .collect();
    let Some(&(first_start, first_end)) = days.first() else {
        return Vec::new();
    };
    let mut master = event(source, lang, now);
    set_span(&mut master, tz.name(), first_start, first_end);
    let Some(&(last_start, _)) = days.last().filter(|_| days.len() > 1) else {
        return vec![master];
    };
    let span_days = (last_start.date() - first_start.date()).num_days() + 1;
    master.add_property("RRULE", format!("FREQ=DAILY;COUNT={span_days}"));
    let at_first_time = |date: chrono::NaiveDate| date.and_time(first_start.time());
    for date in first_start.date().iter_days().take(span_days as usize) {
        if !days.iter().any(|(s, _)| s.date() == date) {
            master.append_multi_property(with_tzid("EXDATE", at_first_time(date), tz.name()));
        }
    }
    let mut out = vec![master];
    let hours =
        |(s, e): (NaiveDateTime, NaiveDateTime)| -> (NaiveTime, NaiveTime) { (s.time(), e.time()) };
    for &(start, end) in days.iter().skip(1) {
        if hours((start, end)) == hours((first_start, first_end)) {
            continue;
        }
        let mut day = event(source, lang, now);
        set_span(&mut day, tz.name(), start, end);
        day.append_property(with_tzid(
            "RECURRENCE-ID",
            at_first_time(start.date()),
            tz.name(),
        ));
        out.push(day);
    }
    out
}

fn set_span(e: &mut Event, tzid: &str, start: NaiveDateTime, end: NaiveDateTime) {
    e.starts(CalendarDateTime::WithTimezone {
        date_time: start,
        tzid: tzid.to_string(),
    })
    .ends(CalendarDateTime::WithTimezone {
        date_time: end,
        tzid: tzid.to_string(),
    });
}

fn with_tzid(name: &str, local: NaiveDateTime, tzid: &str) -> Property {
    let mut p = Property::new(name, local.format("%Y%m%dT%H%M%S").to_string());
    p.add_parameter("TZID", tzid);
    p.done()
}
