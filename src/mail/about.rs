//! What a message or an invite is about: a meeting (all its days), a whole series, or one
//! occurrence of a series. One type, so that every kind of meeting gets the same mails.

use chrono::{DateTime, Utc};

use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::series::Loaded;
use crate::domain::MeetingStatus;
use crate::i18n::Lang;
use crate::ics::{self, EventSource, Invitation, SeriesSource};
use crate::views::{self, DayLine};

#[derive(Clone, Copy)]
pub enum About<'a> {
    Meeting(&'a Meeting, &'a Group),
    Series(&'a Loaded),
    Occurrence(&'a Loaded, &'a Meeting),
}

impl<'a> About<'a> {
    pub fn title(&self) -> &'a str {
        match self {
            About::Meeting(m, _) | About::Occurrence(_, m) => &m.title,
            About::Series(l) => &l.series.title,
        }
    }

    pub fn group(&self) -> &'a Group {
        match self {
            About::Meeting(_, g) => g,
            About::Series(l) | About::Occurrence(l, _) => &l.group,
        }
    }

    /// The meeting whose place and join details are shown: the meeting, the occurrence, or
    /// the series' next occurrence that takes place (published: never a draft).
    pub fn meeting(&self) -> Option<&'a Meeting> {
        match self {
            About::Meeting(m, _) | About::Occurrence(_, m) => Some(m),
            About::Series(l) => {
                let now = crate::db::now();
                let live = |m: &&Meeting| m.status() == MeetingStatus::Published;
                l.occurrences
                    .iter()
                    .filter(live)
                    .find(|m| m.ends_at >= now)
                    .or_else(|| l.occurrences.iter().rfind(live))
            }
        }
    }

    /// The meeting row an outbox message belongs to, if it is about one meeting.
    pub fn meeting_id(&self) -> Option<i64> {
        match self {
            About::Meeting(m, _) | About::Occurrence(_, m) => Some(m.id),
            About::Series(_) => None,
        }
    }

    pub fn page_url(&self, base_url: &str) -> String {
        match self {
            About::Meeting(m, _) | About::Occurrence(_, m) => {
                format!("{base_url}/meetings/{}", m.id)
            }
            About::Series(l) => format!("{base_url}/series/{}", l.series.id),
        }
    }

    /// When it happens, a line per day, as `lang` writes dates; for a series its rule, then
    /// its next meeting.
    pub fn when_in(&self, lang: Lang) -> Vec<DayLine> {
        match self {
            About::Meeting(m, _) | About::Occurrence(_, m) => views::day_lines(lang, m),
            About::Series(l) => {
                let mut lines = vec![DayLine {
                    local: views::describe_rule(lang, l),
                    utc: String::new(),
                }];
                if let Some(next) = self.meeting() {
                    lines.extend(views::day_lines(lang, next).into_iter().map(|d| DayLine {
                        local: lang.msg1("mail-next", "when", d.local),
                        utc: d.utc,
                    }));
                }
                lines
            }
        }
    }

    /// The calendar object for one person: the meeting with its days, the whole series, or
    /// the one occurrence (with its RECURRENCE-ID).
    pub fn invite(
        &self,
        base_url: &str,
        invitation: &Invitation<'_>,
        show_online_url: bool,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> String {
        match *self {
            About::Meeting(meeting, group) => ics::invite(
                &EventSource {
                    meeting,
                    group,
                    url: self.page_url(base_url),
                    show_online_url,
                    note,
                },
                invitation,
                now,
            ),
            About::Series(loaded) => ics::series_invite(
                &SeriesSource::new(base_url, loaded, show_online_url, note),
                invitation,
                now,
            ),
            About::Occurrence(loaded, occurrence) => ics::occurrence_invite(
                &SeriesSource::new(base_url, loaded, show_online_url, note),
                occurrence,
                invitation,
                now,
            ),
        }
    }
}
