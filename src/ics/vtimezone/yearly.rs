//! Finding the yearly patterns among a zone's changes: the same change (offsets and
//! abbreviations), in the same month, on the same weekday and wall time, in consecutive years,
//! on a day that one RRULE day rule names every year.

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, Utc, Weekday};

use crate::domain::recurrence::weekday_code;
use crate::tz::transitions::Transition;

/// One observance: a single change, or a change repeated yearly from `first` to `last`.
pub(super) struct Observance {
    pub(super) first: Transition,
    last: Transition,
    days: DayRule,
    count: usize,
    /// The zone's current rule goes on repeating it: no `UNTIL`.
    open: bool,
}

impl Observance {
    /// The `RRULE` value, `None` for a single change.
    pub(super) fn rrule(&self) -> Option<String> {
        if self.count < 2 {
            return None;
        }
        let onset = onset(&self.first);
        let weekday = weekday_code(onset.weekday());
        let days = if let Some(n) = self.days.nth {
            format!("BYDAY={n}{weekday}")
        } else if self.days.last {
            format!("BYDAY=-1{weekday}")
        } else {
            let (from, _) = self.days.window;
            let month_days: Vec<String> = (from..from + 7).map(|d| d.to_string()).collect();
            format!("BYDAY={weekday};BYMONTHDAY={}", month_days.join(","))
        };
        let until = if self.open {
            String::new()
        } else {
            let last = DateTime::<Utc>::from_timestamp(self.last.at, 0)
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            format!(";UNTIL={}", last.format("%Y%m%dT%H%M%SZ"))
        };
        Some(format!(
            "FREQ=YEARLY;BYMONTH={};{days}{until}",
            onset.month()
        ))
    }
}

/// Years after which the Gregorian calendar's dates fall on the same weekdays again (1901–2099).
pub(super) const PATTERN_YEARS: usize = 28;

/// The fewest days `month` has in any year.
fn shortest(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day rules that name a date every year it is in: the n-th weekday of the month, the
/// last one, or the weekday within seven days starting at `window` (any start in the range).
#[derive(Clone, Copy, PartialEq, Eq)]
struct DayRule {
    nth: Option<u32>,
    last: bool,
    window: (u32, u32),
}

impl DayRule {
    fn of(onset: NaiveDateTime) -> DayRule {
        let day = onset.day();
        let month_len = onset.date().num_days_in_month();
        DayRule {
            nth: (day <= 28).then_some((day - 1) / 7 + 1),
            last: day + 7 > u32::from(month_len),
            // A seven-day window must fit in this month in every year.
            window: (
                day.saturating_sub(6).max(1),
                day.min(shortest(onset.month()) - 6),
            ),
        }
    }

    fn and(self, other: DayRule) -> Option<DayRule> {
        let both = DayRule {
            nth: self.nth.filter(|n| other.nth == Some(*n)),
            last: self.last && other.last,
            window: (
                self.window.0.max(other.window.0),
                self.window.1.min(other.window.1),
            ),
        };
        (both.nth.is_some() || both.last || both.window.0 <= both.window.1).then_some(both)
    }
}

/// What must be equal for two changes to be the same yearly change.
#[derive(PartialEq)]
struct Key {
    from: tzif::LocalTimeType,
    to: tzif::LocalTimeType,
    month: u32,
    weekday: Weekday,
    time: NaiveTime,
}

fn key(t: &Transition) -> Key {
    let onset = onset(t);
    Key {
        from: t.from,
        to: t.to,
        month: onset.month(),
        weekday: onset.weekday(),
        time: onset.time(),
    }
}

/// The observances for `changes` (in time order). A yearly pattern that reaches the last of
/// its changes after `open_after` (the start of a yearly current rule) has no end.
pub(super) fn observances(changes: &[Transition], open_after: Option<i64>) -> Vec<Observance> {
    let mut runs: Vec<Observance> = Vec::new();
    for change in changes {
        let k = key(change);
        let days = DayRule::of(onset(change));
        let latest_same = runs.iter_mut().rev().find(|r| key(&r.last) == k);
        let extended = latest_same.is_some_and(|run| {
            let next_year = onset(&run.last).year() + 1 == onset(change).year();
            match run.days.and(days).filter(|_| next_year) {
                Some(both) => {
                    run.days = both;
                    run.last = *change;
                    run.count += 1;
                    true
                }
                None => false,
            }
        });
        if !extended {
            runs.push(Observance {
                first: *change,
                last: *change,
                days,
                count: 1,
                open: false,
            });
        }
    }
    let ends: Vec<(Key, i64)> = runs.iter().map(|r| (key(&r.last), r.last.at)).collect();
    for run in &mut runs {
        let k = key(&run.last);
        let latest_of_key = !ends
            .iter()
            .any(|(other, at)| *other == k && *at > run.last.at);
        // Only a pattern seen through a whole calendar cycle is known to go on.
        run.open = run.count >= PATTERN_YEARS
            && latest_of_key
            && open_after.is_some_and(|after| run.last.at > after);
    }
    runs.sort_by_key(|r| r.first.at);
    runs
}

/// The wall-clock time at which a change happens, read on the clock before it (the DTSTART
/// of its observance).
pub(super) fn onset(t: &Transition) -> NaiveDateTime {
    let secs = t.at.saturating_add(i64::from(t.from.ut_offset()));
    DateTime::from_timestamp(secs, 0)
        .unwrap_or(if secs < 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
        .naive_utc()
}
