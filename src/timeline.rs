//! A group's timeline: its milestones and its past meetings, newest first, each with its
//! minutes and recordings. The past calls of a series are one entry with their count.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeZone, Utc};

use crate::db::materials::Material;
use crate::db::meetings::Meeting;
use crate::db::milestones::Milestone;
use crate::domain::{MaterialKind, MeetingStatus, MilestoneStatus};
use crate::listing::{Item, Loaded};

/// A minutes or recording link; `day` names the meeting when an entry stands for several.
pub struct Record {
    pub label: String,
    pub title: String,
    pub url: String,
    pub day: Option<String>,
}

pub struct TimelineItem {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub title: String,
    pub href: Option<String>,
    /// "Done" or "Planned", for milestones.
    pub status: Option<&'static str>,
    pub note: String,
    pub records: Vec<Record>,
}

impl TimelineItem {
    pub fn date_label(&self) -> String {
        self.date.format("%-d %b %Y").to_string()
    }
}

fn local_date(m: &Meeting) -> NaiveDate {
    Utc.from_utc_datetime(&m.starts_at)
        .with_timezone(&m.tz())
        .date_naive()
}

/// The minutes and recordings of meeting `id`.
fn records(materials: &[Material], m: &Meeting, with_day: bool) -> Vec<Record> {
    let wanted = [MaterialKind::Minutes, MaterialKind::Recording];
    materials
        .iter()
        .filter(|x| x.meeting_id == m.id)
        .filter_map(|x| {
            let kind = wanted.into_iter().find(|k| k.as_str() == x.kind)?;
            Some(Record {
                label: kind.label(crate::i18n::Lang::En),
                title: x.title.clone(),
                url: x.download_url("")?,
                day: with_day.then(|| crate::views::short_day(crate::i18n::Lang::En, m)),
            })
        })
        .collect()
}

/// Milestones (in any order) and the group's past meetings (newest first, with their public
/// `materials`) as one timeline, newest first. A milestone that is a meeting links to it
/// (when `public` holds it) and carries that meeting's records in its place.
pub fn build(
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
            TimelineItem {
                date: ms.due_date,
                kind: "milestone",
                title: ms.title.clone(),
                href: meeting.map(|id| format!("/meetings/{id}")),
                status: Some(match MilestoneStatus::parse(&ms.status) {
                    Some(MilestoneStatus::Done) => "Done",
                    _ => "Planned",
                }),
                note: ms.description.clone(),
                records: meeting
                    .and_then(|id| by_id.get(&id))
                    .map(|m| records(materials, m, false))
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
                note: crate::views::format_and_place(crate::i18n::Lang::En, m),
                records: records(materials, m, false),
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
                    note: format!(
                        "{} past meeting{} · {}",
                        held.len(),
                        if held.len() == 1 { "" } else { "s" },
                        crate::views::short_rule(crate::i18n::Lang::En, s)
                    ),
                    records: held
                        .iter()
                        .flat_map(|m| records(materials, m, true))
                        .collect(),
                });
            }
        }
    }
    out.sort_by_key(|item| std::cmp::Reverse(item.date));
    out
}
