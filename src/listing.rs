//! Meetings as lists show them: each weekly series gathered into one line with its next
//! occurrence, every other meeting one card. Shared by `/`, the group page and the staff
//! dashboard, so that a series reads the same everywhere.

use std::collections::HashMap;

use diesel::QueryResult;

use crate::db::groups::Group;
use crate::db::meetings::{self, Listing, Meeting, SeatCounts};
use crate::db::series::{self, Series};
use crate::db::DbConn;
use crate::domain::MeetingStatus;
use crate::i18n::Lang;
use crate::templates::MeetingCard;

/// A list item: one meeting, or the occurrences of one series that the list holds (in the
/// list's order).
pub enum Item<'a> {
    One(&'a Meeting, &'a Group),
    Series(&'a Series, &'a Group, Vec<&'a Meeting>),
}

/// `rows` with each series' occurrences gathered at the place of the first of them.
pub fn collapse<'a>(
    rows: &'a [(Meeting, Group)],
    series: &'a HashMap<i64, Series>,
) -> Vec<Item<'a>> {
    let mut out: Vec<Item<'a>> = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    for (m, g) in rows {
        let Some(s) = m.series_id.and_then(|id| series.get(&id)) else {
            out.push(Item::One(m, g));
            continue;
        };
        match at.get(&s.id).and_then(|&i| out.get_mut(i)) {
            Some(Item::Series(_, _, occurrences)) => occurrences.push(m),
            _ => {
                at.insert(s.id, out.len());
                out.push(Item::Series(s, g, vec![m]));
            }
        }
    }
    out
}

/// The occurrence a series line points to: the first one not cancelled, else the first.
pub fn next_of<'a>(occurrences: &[&'a Meeting]) -> Option<&'a Meeting> {
    occurrences
        .iter()
        .find(|m| m.status() != MeetingStatus::Cancelled)
        .or(occurrences.first())
        .copied()
}

/// A weekly series as one line: "Every Wednesday 14:00 Europe/Madrid · next: Wed 2 Dec".
pub struct SeriesLine {
    pub id: i64,
    pub title: String,
    pub rule: String,
    pub next_id: i64,
    pub next_day: String,
    /// How many of its meetings the list holds.
    pub count: usize,
    pub group_name: String,
    pub group_slug: String,
}

impl SeriesLine {
    pub fn new(lang: Lang, s: &Series, g: &Group, occurrences: &[&Meeting]) -> Option<SeriesLine> {
        let next = next_of(occurrences)?;
        Some(SeriesLine {
            id: s.id,
            title: s.title.clone(),
            rule: crate::views::short_rule(lang, s),
            next_id: next.id,
            next_day: crate::views::short_day(lang, next),
            count: occurrences.len(),
            group_name: g.name.clone(),
            group_slug: g.slug.clone(),
        })
    }
}

/// An entry of a public list of meetings ahead.
pub enum Upcoming {
    Card(Box<MeetingCard>),
    Series(SeriesLine),
}

/// Meetings in a list, with the series their occurrences belong to.
pub struct Loaded {
    pub rows: Vec<(Meeting, Group)>,
    pub series: HashMap<i64, Series>,
}

impl Loaded {
    /// The published meetings of `listing` and their series.
    pub fn load(conn: &mut DbConn, listing: &Listing) -> QueryResult<Loaded> {
        let rows = meetings::list(conn, listing)?;
        let mut ids: Vec<i64> = rows.iter().filter_map(|(m, _)| m.series_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let series = series::by_ids(conn, &ids)?;
        Ok(Loaded { rows, series })
    }

    pub fn items(&self) -> Vec<Item<'_>> {
        collapse(&self.rows, &self.series)
    }

    /// The list as public pages show it in `lang`, each entry with its group's id; `skip`
    /// (the meeting shown above it) is left out unless it belongs to a series.
    pub fn entries(
        &self,
        lang: Lang,
        counts: &HashMap<i64, SeatCounts>,
        skip: Option<i64>,
    ) -> Vec<(i64, Upcoming)> {
        self.items()
            .into_iter()
            .filter_map(|item| match item {
                Item::One(m, _) if Some(m.id) == skip => None,
                Item::One(m, g) => Some((
                    g.id,
                    Upcoming::Card(Box::new(MeetingCard::new(
                        lang,
                        m,
                        g,
                        &counts.get(&m.id).copied().unwrap_or_default(),
                    ))),
                )),
                Item::Series(s, g, occ) => {
                    SeriesLine::new(lang, s, g, &occ).map(|l| (g.id, Upcoming::Series(l)))
                }
            })
            .collect()
    }

    /// The entries without their groups.
    pub fn upcoming(
        &self,
        lang: Lang,
        counts: &HashMap<i64, SeatCounts>,
        skip: Option<i64>,
    ) -> Vec<Upcoming> {
        self.entries(lang, counts, skip)
            .into_iter()
            .map(|(_, e)| e)
            .collect()
    }

    pub fn ids(&self) -> Vec<i64> {
        self.rows.iter().map(|(m, _)| m.id).collect()
    }
}
