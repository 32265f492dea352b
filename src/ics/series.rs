//! A weekly series as calendars see it: one event with the rule, and the invites of series
//! registrants.

use chrono::{DateTime, Duration, TimeZone, Utc};
use icalendar::{CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use super::event::{
    address, calendar_head, event, with_timezones, EventSource, Invitation, Method,
};
use super::text::clean;
use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::series::Series;
use crate::domain::recurrence::weekly_rrule;
use crate::domain::MeetingStatus;
use crate::i18n::Lang;

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
    /// Appended to every page link (`?lang=fr` in a feed asked in French; else empty).
    pub link_query: &'a str,
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
            link_query: "",
        }
    }

    /// The occurrence that stands for the rule (the first published one that follows it).
    /// A draft never does: its title and description are not public.
    fn representative(&self) -> Option<&Meeting> {
        self.occurrences
            .iter()
            .find(|m| !m.detached && m.status() == MeetingStatus::Published)
            .or_else(|| self.occurrences.iter().find(|m| !is_draft(m)))
    }

    fn recurrence_id(&self, m: &Meeting) -> Option<Property> {
        let local = m.recurrence_local?;
        let mut p = Property::new("RECURRENCE-ID", local.format("%Y%m%dT%H%M%S").to_string());
        p.add_parameter("TZID", &self.series.timezone);
        Some(p.done())
    }

    fn master(&self, lang: Lang, now: DateTime<Utc>) -> Option<Event> {
        let rep = self.representative()?;
        let tz = self.series.tz();
        let start = self.series.first_start_local;
        let end = start + Duration::minutes(i64::from(self.series.duration_minutes));
        let source = EventSource {
            meeting: rep,
            group: self.group,
            url: format!("{}{}", self.url, self.link_query),
            show_online_url: self.show_online_url,
            note: self.note.clone(),
        };
        let mut e = event(&source, lang, now);
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
        e.add_property(
            "RRULE",
            weekly_rrule(
                self.series.interval_weeks,
                &self.series.weekdays,
                self.occurrences.len(),
            ),
        );
        // Cancelled occurrences, and drafts (not public), are no dates of the rule.
        for m in self
            .occurrences
            .iter()
            .filter(|m| m.status() == MeetingStatus::Cancelled || is_draft(m))
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
    fn instance(&self, m: &Meeting, lang: Lang, now: DateTime<Utc>) -> Event {
        let source = EventSource {
            meeting: m,
            group: self.group,
            url: format!("{}/meetings/{}{}", self.base_url, m.id, self.link_query),
            show_online_url: self.show_online_url,
            note: self.note.clone(),
        };
        let mut e = event(&source, lang, now);
        e.uid(&self.series.uid)
            .sequence(u32::try_from(m.sequence.max(self.series.sequence)).unwrap_or(0));
        if let Some(p) = self.recurrence_id(m) {
            e.append_property(p);
        }
        e
    }

    pub(super) fn events(&self, lang: Lang, now: DateTime<Utc>) -> Vec<Event> {
        let mut out: Vec<Event> = self.master(lang, now).into_iter().collect();
        for m in self
            .occurrences
            .iter()
            .filter(|m| m.detached && m.status() == MeetingStatus::Published)
        {
            out.push(self.instance(m, lang, now));
        }
        out
    }
}

fn is_draft(m: &Meeting) -> bool {
    m.status() == MeetingStatus::Draft
}

/// The invite for a registration to a whole series.
pub fn series_invite(
    source: &SeriesSource<'_>,
    invitation: &Invitation<'_>,
    now: DateTime<Utc>,
) -> String {
    let mut cal = calendar_head();
    cal.append_property(Property::new("METHOD", invitation.method.as_str()));
    for mut e in source.events(invitation.lang, now) {
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
    let mut e = source.instance(occurrence, invitation.lang, now);
    if invitation.method == Method::Cancel {
        e.status(EventStatus::Cancelled);
    }
    address(&mut e, invitation);
    cal.push(e.done());
    with_timezones(cal.to_string(), &[occurrence])
}
