//! How meetings read for people: times in the venue's zone and in UTC, places, seats.
//! Shared by pages and mails.

use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::db::meetings::{Meeting, ModeCount, SeatCounts};
use crate::domain::Attendance;
use crate::i18n::{dates, Lang};

/// "Sunday, 16 May 2027, 09:00–17:00 CEST (Europe/Madrid)"; both dates when it ends on
/// another day.
pub fn when_local(lang: Lang, m: &Meeting) -> String {
    let tz = m.tz();
    format!(
        "{} ({})",
        local_span(lang, &tz, m.starts_at, m.ends_at),
        tz.name()
    )
}

/// A span in the venue's zone: "Wednesday, 2 December 2026, 14:00–15:30 CET".
pub fn local_span(
    lang: Lang,
    tz: &crate::tz::Zone,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> String {
    let start = Utc.from_utc_datetime(&start).with_timezone(tz);
    let end = Utc.from_utc_datetime(&end).with_timezone(tz);
    let zone = end.format("%Z").to_string();
    span(lang, start.naive_local(), end.naive_local(), &zone)
}

/// The span of wall times `start`–`end` in `zone`, as `lang` writes it.
fn span(lang: Lang, start: NaiveDateTime, end: NaiveDateTime, zone: &str) -> String {
    let date = dates::long_date(lang, start.date());
    let (from, to) = (
        dates::time(lang, start.time()),
        dates::time(lang, end.time()),
    );
    if start.date() == end.date() {
        lang.msg_with(
            "when-same-day",
            &[
                ("date", date.into()),
                ("start", from.into()),
                ("end", to.into()),
                ("zone", zone.into()),
            ],
        )
    } else {
        lang.msg_with(
            "when-two-days",
            &[
                ("date", date.into()),
                ("start", from.into()),
                ("end_date", dates::long_date(lang, end.date()).into()),
                ("end", to.into()),
                ("zone", zone.into()),
            ],
        )
    }
}

/// The same span in UTC.
pub fn when_utc(lang: Lang, m: &Meeting) -> String {
    span(lang, m.starts_at, m.ends_at, "UTC")
}

/// One day of a meeting (or one line of a schedule): in the venue's zone and in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayLine {
    pub local: String,
    pub utc: String,
}

/// Each day of a meeting with its own hours; a meeting of one day is one line.
pub fn day_lines(lang: Lang, m: &Meeting) -> Vec<DayLine> {
    let tz = m.tz();
    m.schedule()
        .spans()
        .iter()
        .map(|&(start, end)| DayLine {
            local: format!("{} ({})", local_span(lang, &tz, start, end), tz.name()),
            utc: span(lang, start, end, "UTC"),
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
pub fn describe_rule(lang: Lang, loaded: &crate::db::series::Loaded) -> String {
    let s = &loaded.series;
    lang.msg_with(
        "rule-long",
        &[
            ("every", every(lang, s).into()),
            ("time", dates::time(lang, s.first_start_local.time()).into()),
            ("zone", s.timezone.as_str().into()),
            ("minutes", i64::from(s.duration_minutes).into()),
            ("count", loaded.occurrences.len().into()),
        ],
    )
}

/// "Every week on Wednesday", "Every 2 weeks on Monday and Thursday".
fn every(lang: Lang, s: &crate::db::series::Series) -> String {
    let days: Vec<String> = s
        .weekdays
        .split(',')
        .filter_map(crate::domain::recurrence::parse_weekday)
        .map(|d| {
            let offset = chrono::Days::new(u64::from(d.num_days_from_monday()));
            dates::weekday(lang, monday() + offset)
        })
        .collect();
    lang.msg_with(
        "rule-every",
        &[
            ("interval", i64::from(s.interval_weeks).into()),
            ("days", dates::list(lang, &days).into()),
        ],
    )
}

/// A Monday, from which the names of weekdays are read.
fn monday() -> chrono::NaiveDate {
    chrono::NaiveDate::from_isoywd_opt(2024, 1, chrono::Weekday::Mon).unwrap_or_default()
}

/// A series' rule in a few words: "Every week on Wednesday, 14:00 Europe/Madrid".
pub fn short_rule(lang: Lang, s: &crate::db::series::Series) -> String {
    lang.msg_with(
        "rule-short",
        &[
            ("every", every(lang, s).into()),
            ("time", dates::time(lang, s.first_start_local.time()).into()),
            ("zone", s.timezone.as_str().into()),
        ],
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
pub fn short_day(lang: Lang, m: &Meeting) -> String {
    let day = Utc
        .from_utc_datetime(&m.starts_at)
        .with_timezone(&m.tz())
        .date_naive();
    dates::day_month(lang, day)
}

/// How and where, said once: "Online", "In person · Hotel, Madrid", "Hybrid (in person and
/// online) · Hotel, Madrid".
pub fn format_and_place(lang: Lang, m: &Meeting) -> String {
    match place(m) {
        Some(p) => lang.msg2(
            "meeting-format-place",
            "format",
            m.format().label(lang),
            "place",
            p,
        ),
        None => m.format().label(lang),
    }
}

/// Why registration is not open, in `lang`.
pub fn closed_reason(lang: Lang, closed: crate::db::meetings::Closed) -> String {
    use crate::db::meetings::Closed;
    lang.msg(match closed {
        Closed::Draft => "register-closed-draft",
        Closed::Cancelled => "register-closed-cancelled",
        Closed::NotYetOpen => "register-closed-not-yet",
        Closed::Closed => "register-closed",
        Closed::Past => "register-closed-past",
    })
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
    pub label: String,
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
    /// "3 seats left", "full (2 on the waitlist)", in `lang`.
    pub fn summary(&self, lang: &Lang) -> String {
        let lang = *lang;
        match self.available {
            None => lang.msg("seats-open"),
            Some(0) if self.waitlisted > 0 => {
                lang.msg1("seats-full-waitlist", "count", self.waitlisted)
            }
            Some(0) => lang.msg("seats-full"),
            Some(n) => lang.msg1("seats-left", "count", n),
        }
    }
}

/// The modes a meeting offers, with their counts; labels in `lang`.
pub fn seats(lang: Lang, m: &Meeting, counts: &SeatCounts) -> Vec<SeatView> {
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
                label: a.label(lang),
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

/// A feed's URL in `lang`: feeds choose their language by `?lang=` only.
pub fn feed_in(url: &str, lang: Lang) -> String {
    format!("{url}?lang={}", lang.code())
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

pub fn add_links(lang: Lang, m: &Meeting, page_url: &str) -> AddLinks {
    let location = crate::ics::location_in(lang, m, m.public_online_url().is_some());
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
