//! How meetings read for people: times in the venue's zone and in UTC, places, seats.
//! Shared by pages and mails.

use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::db::meetings::{Meeting, ModeCount, SeatCounts};
use crate::domain::Attendance;

/// "Tue 16 May 2027, 09:00–17:00 CEST (Europe/Madrid)"; both dates when it ends on another day.
pub fn when_local(m: &Meeting) -> String {
    let tz = m.tz();
    format!(
        "{} ({})",
        local_span(&tz, m.starts_at, m.ends_at),
        tz.name()
    )
}

/// A span in the venue's zone: "Wed 2 Dec 2026, 14:00–15:30 CET".
pub fn local_span(tz: &crate::tz::Zone, start: NaiveDateTime, end: NaiveDateTime) -> String {
    let start = Utc.from_utc_datetime(&start).with_timezone(tz);
    let end = Utc.from_utc_datetime(&end).with_timezone(tz);
    if start.date_naive() == end.date_naive() {
        format!(
            "{}–{} {}",
            start.format("%a %-d %b %Y, %H:%M"),
            end.format("%H:%M"),
            end.format("%Z")
        )
    } else {
        format!(
            "{} – {} {}",
            start.format("%a %-d %b %Y, %H:%M"),
            end.format("%a %-d %b %Y, %H:%M"),
            end.format("%Z")
        )
    }
}

/// The same span in UTC.
pub fn when_utc(m: &Meeting) -> String {
    utc_span(m.starts_at, m.ends_at)
}

fn utc_span(start: NaiveDateTime, end: NaiveDateTime) -> String {
    if start.date() == end.date() {
        format!(
            "{}–{} UTC",
            start.format("%a %-d %b %Y, %H:%M"),
            end.format("%H:%M")
        )
    } else {
        format!(
            "{} – {} UTC",
            start.format("%a %-d %b %Y, %H:%M"),
            end.format("%a %-d %b %Y, %H:%M")
        )
    }
}

/// One day of a meeting (or one line of a schedule): in the venue's zone and in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLine {
    pub local: String,
    pub utc: String,
}

/// Each day of a meeting with its own hours; a meeting of one day is one line.
pub fn day_lines(m: &Meeting) -> Vec<DayLine> {
    let tz = m.tz();
    m.schedule()
        .spans()
        .iter()
        .map(|&(start, end)| DayLine {
            local: format!("{} ({})", local_span(&tz, start, end), tz.name()),
            utc: utc_span(start, end),
        })
        .collect()
}

/// The local date of each of a meeting's days.
pub fn day_dates(m: &Meeting) -> Vec<chrono::NaiveDate> {
    let tz = m.tz();
    m.schedule()
        .spans()
        .iter()
        .map(|(start, _)| Utc.from_utc_datetime(start).with_timezone(&tz).date_naive())
        .collect()
}

/// "Every week on Wednesday at 14:00 (Europe/Madrid), 90 minutes, 12 meetings".
pub fn describe_rule(loaded: &crate::db::series::Loaded) -> String {
    let s = &loaded.series;
    let days = weekday_names(s);
    let every = if s.interval_weeks == 1 {
        "Every week".to_string()
    } else {
        format!("Every {} weeks", s.interval_weeks)
    };
    format!(
        "{every} on {} at {} ({}), {} minutes, {} meetings",
        days.join(" and "),
        s.first_start_local.format("%H:%M"),
        s.timezone,
        s.duration_minutes,
        loaded.occurrences.len()
    )
}

fn weekday_names(s: &crate::db::series::Series) -> Vec<&'static str> {
    s.weekdays
        .split(',')
        .map(|d| match d {
            "MO" => "Monday",
            "TU" => "Tuesday",
            "WE" => "Wednesday",
            "TH" => "Thursday",
            "FR" => "Friday",
            "SA" => "Saturday",
            _ => "Sunday",
        })
        .collect()
}

/// A series' rule in a few words: "Every Wednesday 14:00 Europe/Madrid", "Every 2 weeks on
/// Monday and Thursday 09:30 America/New_York".
pub fn short_rule(s: &crate::db::series::Series) -> String {
    let days = weekday_names(s).join(" and ");
    let every = match s.interval_weeks {
        1 => format!("Every {days}"),
        n => format!("Every {n} weeks on {days}"),
    };
    format!(
        "{every} {} {}",
        s.first_start_local.format("%H:%M"),
        s.timezone
    )
}

/// The first sentence of `text`, or its first `max` characters cut at a word, with "…".
pub fn first_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let sentence = text.find(". ").map_or(text, |i| &text[..=i]);
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// A meeting's day in the venue's zone, short: "Wed 2 Dec".
pub fn short_day(m: &Meeting) -> String {
    Utc.from_utc_datetime(&m.starts_at)
        .with_timezone(&m.tz())
        .format("%a %-d %b")
        .to_string()
}

/// How and where, said once: "Online", "In person · Hotel, Madrid", "Hybrid (in person and
/// online) · Hotel, Madrid".
pub fn format_and_place(m: &Meeting) -> String {
    match place(m) {
        Some(p) => format!("{} · {p}", m.format().label()),
        None => m.format().label().to_string(),
    }
}

/// Venue, address, city and country, as one line; `None` for online meetings.
pub fn place(m: &Meeting) -> Option<String> {
    if !m.format().has_venue() {
        return None;
    }
    let parts: Vec<&str> = [&m.venue, &m.address, &m.city, &m.country]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Seats of one attendance mode as a page shows them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SeatView {
    pub attendance: Attendance,
    pub label: &'static str,
    pub capacity: Option<i32>,
    pub confirmed: i64,
    pub waitlisted: i64,
    /// `None` = unlimited.
    pub available: Option<i64>,
}

impl SeatView {
    pub fn is_full(&self) -> bool {
        self.available == Some(0)
    }
    pub fn summary(&self) -> String {
        match self.available {
            None => "open, no limit".to_string(),
            Some(0) if self.waitlisted > 0 => format!("full ({} on the waitlist)", self.waitlisted),
            Some(0) => "full".to_string(),
            Some(1) => "1 seat left".to_string(),
            Some(n) => format!("{n} seats left"),
        }
    }
}

/// The modes a meeting offers, with their counts.
pub fn seats(m: &Meeting, counts: &SeatCounts) -> Vec<SeatView> {
    let format = m.format();
    Attendance::ALL
        .iter()
        .copied()
        .filter(|a| format.offers(*a))
        .map(|a| {
            let ModeCount {
                confirmed,
                waitlisted,
            } = counts.mode(a);
            let capacity = m.capacity(a);
            SeatView {
                attendance: a,
                label: a.label(),
                capacity,
                confirmed,
                waitlisted,
                available: capacity.map(|c| (i64::from(c) - confirmed).max(0)),
            }
        })
        .collect()
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// `webcal://` form of an absolute http(s) feed URL, for one-click subscription.
pub fn webcal(feed_url: &str) -> String {
    feed_url
        .strip_prefix("https://")
        .or_else(|| feed_url.strip_prefix("http://"))
        .map(|rest| format!("webcal://{rest}"))
        .unwrap_or_else(|| feed_url.to_string())
}

/// The site's name, as its pages show it; the feed of all its meetings is named after it.
pub const SITE_NAME: &str = "Quorum";

/// Links that subscribe a calendar client to a feed.
pub struct SubscribeLinks {
    pub https: String,
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

pub fn subscribe_links(feed_url: &str, name: &str) -> SubscribeLinks {
    let webcal = webcal(feed_url);
    SubscribeLinks {
        https: feed_url.to_string(),
        google: format!(
            "https://calendar.google.com/calendar/r?cid={}",
            enc(&webcal)
        ),
        outlook: format!(
            "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
            enc(feed_url),
            enc(name)
        ),
        webcal,
    }
}

/// "Add to Google Calendar" and "Add to Outlook" links for one meeting.
pub struct AddLinks {
    pub google: String,
    pub outlook: String,
}

pub fn add_links(m: &Meeting, page_url: &str) -> AddLinks {
    let location = crate::ics::location(m, m.public_online_url().is_some());
    let details = format!("{}\n\n{page_url}", m.description);
    let utc = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%SZ").to_string();
    let iso = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    AddLinks {
        google: format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}&ctz={}",
            enc(&m.title),
            utc(m.starts_at),
            utc(m.ends_at),
            enc(&details),
            enc(&location),
            enc(&m.timezone)
        ),
        outlook: format!(
            "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
            enc(&m.title),
            iso(m.starts_at),
            iso(m.ends_at),
            enc(&details),
            enc(&location)
        ),
    }
}

/// A group's public page.
pub fn group_url(base_url: &str, slug: &str) -> String {
    format!("{base_url}/groups/{slug}")
}

/// The public page of a group's update.
pub fn update_url(base_url: &str, slug: &str, id: i64) -> String {
    format!("{}/updates/{id}", group_url(base_url, slug))
}

/// The group's feeds: meetings (ICS), milestones (ICS) and updates (Atom).
pub fn group_feed_url(base_url: &str, slug: &str, feed: &str) -> String {
    format!("{}/{feed}", group_url(base_url, slug))
}

/// The host of the site's base URL, for UIDs and `tag:` ids.
pub fn site_host(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "quorum.invalid".into())
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn a_description_is_shortened_to_its_first_sentence_or_a_word() {
        assert_eq!(first_sentence("One. Two.", 100), "One.");
        assert_eq!(first_sentence("  No full stop ", 100), "No full stop");
        assert_eq!(first_sentence("alpha beta, gamma delta", 12), "alpha beta…");
    }
}
