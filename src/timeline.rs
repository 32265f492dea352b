//! A group's timeline: its milestones and its past meetings, newest first, each with its
//! minutes and recordings. The past calls of a series are one entry with their count.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeZone, Utc};

use crate::db::materials::Material;
use crate::db::meetings::Meeting;
use crate::db::milestones::Milestone;
use crate::domain::{MaterialKind, MeetingStatus, MilestoneStatus};
use crate::i18n::Lang;
use crate::listing::{Item, Loaded};

/// A minutes or recording link: "Minutes:", or "Minutes, Wed 2 Dec:" (with the meeting's
/// day) when an entry stands for several meetings.
pub struct Record {
    pub label: String,
    pub title: String,
    pub url: String,
}

pub struct TimelineItem {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub title: String,
    pub href: Option<String>,
    /// "Done" or "Planned" in the reader's language, for milestones.
    pub status: Option<String>,
    /// A milestone that is done.
    pub done: bool,
    pub note: String,
    pub records: Vec<Record>,
}

impl TimelineItem {
    pub fn date_label(&self, lang: &Lang) -> String {
        crate::i18n::dates::day_month_year(*lang, self.date)
    }
}

fn local_date(m: &Meeting) -> NaiveDate {
    Utc.from_utc_datetime(&m.starts_at)
        .with_timezone(&m.tz())
        .date_naive()
}

/// The minutes and recordings of meeting `id`.
fn records(lang: Lang, materials: &[Material], m: &Meeting, with_day: bool) -> Vec<Record> {
    let wanted = [MaterialKind::Minutes, MaterialKind::Recording];
    materials
        .iter()
        .filter(|x| x.meeting_id == m.id)
        .filter_map(|x| {
            let kind = wanted.into_iter().find(|k| k.as_str() == x.kind)?;
            let kind = kind.label(lang);
            let label = match with_day {
                true => lang.msg2(
                    "timeline-record-day",
                    "kind",
                    kind,
                    "day",
                    crate::views::short_day(lang, m),
                ),
                false => lang.msg1("timeline-record", "kind", kind),
            };
            Some(Record {
                label,
                title: x.title.clone(),
                url: x.download_url("")?,
            })
        })
        .collect()
}

/// Milestones (in any order) and the group's past meetings (newest first, with their public
/// `materials`) as one timeline, newest first. A milestone that is a meeting links to it
/// (when `public` holds it) and carries that meeting's records in its place. Fixed words
/// and dates are in `lang`; titles and notes as staff wrote them.
pub fn build(
    lang: Lang,
    milestones: &[Milestone],
    past: &Loaded,
    materials: &[Material],
    public: &HashSet<i64>,
) -> Vec<TimelineItem> {
    let by_id: HashMap<i64, &Meeting> = past.rows.iter().map(|(m, _)| (m.id, m)).collect();
    let mut out: Vec<TimelineItem> = milestones
        .iter()
        .map(|ms| {
            let meeting = ms.meeting_id.filter(|id| public.contains(id));
            let done = MilestoneStatus::parse(&ms.status) == Some(MilestoneStatus::Done);
            TimelineItem {
                date: ms.due_date,
                kind: "milestone",
                title: ms.title.clone(),
                href: meeting.map(|id| format!("/meetings/{id}")),
                status: Some(lang.msg(match done {
                    true => "milestone-done",
                    false => "milestone-planned",
                })),
                done,
                note: ms.description.clone(),
                records: meeting
                    .and_then(|id| by_id.get(&id))
                    .map(|m| records(lang, materials, m, false))
                    .unwrap_or_default(),
            }
        })
        .collect();
    let in_milestones: HashSet<i64> = milestones.iter().filter_map(|m| m.meeting_id).collect();
    for item in past.items() {
        match item {
            Item::One(m, _) if in_milestones.contains(&m.id) => {}
            Item::One(m, _) if m.status() == MeetingStatus::Cancelled => {}
            Item::One(m, _) => out.push(TimelineItem {
                date: local_date(m),
                kind: "meeting",
                title: m.title.clone(),
                href: Some(format!("/meetings/{}", m.id)),
                status: None,
                done: false,
                note: crate::views::format_and_place(lang, m),
                records: records(lang, materials, m, false),
            }),
            Item::Series(s, _, occurrences) => {
                let held: Vec<&Meeting> = occurrences
                    .into_iter()
                    .filter(|m| m.status() != MeetingStatus::Cancelled)
                    .collect();
                let Some(latest) = held.first() else { continue };
                out.push(TimelineItem {
                    date: local_date(latest),
                    kind: "series",
                    title: s.title.clone(),
                    href: Some(format!("/series/{}", s.id)),
                    status: None,
                    done: false,
                    note: lang.msg2(
                        "timeline-series-note",
                        "count",
                        held.len(),
                        "rule",
                        crate::views::short_rule(lang, s),
                    ),
                    records: held
                        .iter()
                        .flat_map(|m| records(lang, materials, m, true))
                        .collect(),
                });
            }
        }
    }
    out.sort_by_key(|item| std::cmp::Reverse(item.date));
    out
}
