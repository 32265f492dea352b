//! Weekly recurrence in wall-clock time: the rule of a series of calls, expanded the way
//! RFC 5545 expands `FREQ=WEEKLY;INTERVAL=n;BYDAY=…;WKST=MO` with `COUNT`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

/// The most occurrences one series may have.
pub const MAX_OCCURRENCES: usize = 520;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleEnd {
    /// The last day an occurrence may start on (inclusive, in the series' zone).
    Until(NaiveDate),
    Count(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyRule {
    pub interval: u32,
    /// Sorted Monday first, no repeats, not empty.
    pub weekdays: Vec<Weekday>,
    pub end: RuleEnd,
}

pub fn weekday_code(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Reads `MO`, `mon`, `monday` and the like.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    let s = s.trim().to_ascii_lowercase();
    let day = match s.get(..2)? {
        "mo" => Weekday::Mon,
        "tu" => Weekday::Tue,
        "we" => Weekday::Wed,
        "th" => Weekday::Thu,
        "fr" => Weekday::Fri,
        "sa" => Weekday::Sat,
        "su" => Weekday::Sun,
        _ => return None,
    };
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let ok = s.len() == 2 || full.iter().any(|f| f.starts_with(&s));
    ok.then_some(day)
}

/// The `RRULE` value of a weekly series as stored (`BYDAY` like `MO,WE`) with `count`
/// occurrences: what feeds, invites and the JSON API all write.
pub fn weekly_rrule(interval_weeks: i32, byday: &str, count: usize) -> String {
    format!(
        "FREQ=WEEKLY;INTERVAL={};BYDAY={byday};WKST=MO;COUNT={count}",
        interval_weeks.max(1)
    )
}

impl WeeklyRule {
    /// `BYDAY` value, e.g. `MO,WE`.
    pub fn byday(&self) -> String {
        self.weekdays
            .iter()
            .map(|d| weekday_code(*d))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Wall-clock starts of every occurrence, the first being `first` (whose weekday must be
    /// one of the rule's). Stops at `MAX_OCCURRENCES`.
    pub fn expand(&self, first: NaiveDateTime) -> Vec<NaiveDateTime> {
        let interval = i64::from(self.interval.max(1));
        let week_start =
            first.date() - Duration::days(i64::from(first.weekday().num_days_from_monday()));
        let limit = match self.end {
            RuleEnd::Count(n) => (n as usize).min(MAX_OCCURRENCES),
            RuleEnd::Until(_) => MAX_OCCURRENCES,
        };
        let mut out = Vec::new();
        let mut week = 0i64;
        'weeks: while out.len() < limit {
            let monday = week_start + Duration::weeks(week * interval);
            for day in &self.weekdays {
                let date = monday + Duration::days(i64::from(day.num_days_from_monday()));
                let start = date.and_time(first.time());
                if start < first {
                    continue;
                }
                if let RuleEnd::Until(until) = self.end {
                    if date > until {
                        break 'weeks;
                    }
                }
                out.push(start);
                if out.len() >= limit {
                    break 'weeks;
                }
            }
            week += 1;
            if week > 52 * 20 {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap_or_default()
    }

    #[test]
    fn weekly_every_other_week_on_two_days() {
        let rule = WeeklyRule {
            interval: 2,
            weekdays: vec![Weekday::Mon, Weekday::Wed],
            end: RuleEnd::Count(5),
        };
        assert_eq!(
            rule.expand(t("2027-03-03T14:00")),
            vec![
                t("2027-03-03T14:00"),
                t("2027-03-15T14:00"),
                t("2027-03-17T14:00"),
                t("2027-03-29T14:00"),
                t("2027-03-31T14:00"),
            ]
        );
        let until = WeeklyRule {
            interval: 1,
            weekdays: vec![Weekday::Wed],
            end: RuleEnd::Until(t("2027-03-24T00:00").date()),
        };
        assert_eq!(until.expand(t("2027-03-03T14:00")).len(), 4);
        assert_eq!(parse_weekday("Wednesday"), Some(Weekday::Wed));
        assert_eq!(parse_weekday("WE"), Some(Weekday::Wed));
        assert_eq!(parse_weekday("wendsday"), None);
    }
}
