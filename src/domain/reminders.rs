//! A meeting's reminder lead times: minutes before the start at which each registrant who
//! holds a confirmed seat is reminded.

use super::FieldErrors;

/// Lead times in minutes, longest first, each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminders(Vec<u32>);

/// At most this many lead times per meeting.
pub const MAX_LEADS: usize = 3;
/// Shortest and longest lead time, in minutes (five minutes; two weeks).
pub const LEAD_RANGE: std::ops::RangeInclusive<i64> = 5..=20_160;

impl Default for Reminders {
    /// A day before.
    fn default() -> Self {
        Reminders(vec![1440])
    }
}

impl Reminders {
    /// Checks the lead times given (`None`: the default); problems go to `reminders`.
    pub fn parse(errors: &mut FieldErrors, raw: Option<&[i64]>) -> Reminders {
        let Some(raw) = raw else {
            return Reminders::default();
        };
        if raw.len() > MAX_LEADS {
            errors.add("reminders", format!("At most {MAX_LEADS} reminders."));
            return Reminders::default();
        }
        if let Some(bad) = raw.iter().find(|m| !LEAD_RANGE.contains(m)) {
            errors.add(
                "reminders",
                format!(
                    "Each reminder is {} to {} minutes before the start (two weeks); {bad} is not.",
                    LEAD_RANGE.start(),
                    LEAD_RANGE.end()
                ),
            );
            return Reminders::default();
        }
        let mut leads: Vec<u32> = raw.iter().filter_map(|&m| u32::try_from(m).ok()).collect();
        leads.sort_unstable_by(|a, b| b.cmp(a));
        leads.dedup();
        Reminders(leads)
    }

    /// Reads the form's text: minutes separated by commas or spaces ("1440, 60"); empty
    /// for none.
    pub fn parse_text(errors: &mut FieldErrors, text: &str) -> Option<Vec<i64>> {
        let numbers: Result<Vec<i64>, _> = text
            .split([',', ' '])
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().parse::<i64>())
            .collect();
        match numbers {
            Ok(n) => Some(n),
            Err(_) => {
                errors.add(
                    "reminders",
                    "Give whole numbers of minutes separated by commas, such as 1440, 60.",
                );
                None
            }
        }
    }

    /// As stored in the database: a JSON list.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Reads what `to_stored` wrote; anything else reads as none.
    pub fn from_stored(text: &str) -> Reminders {
        Reminders(serde_json::from_str(text).unwrap_or_default())
    }

    pub fn minutes(&self) -> &[u32] {
        &self.0
    }

    /// As the staff form shows them: "1440, 60".
    pub fn to_text(leads: &[i64]) -> String {
        leads
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: Option<&[i64]>) -> (Reminders, FieldErrors) {
        let mut errors = FieldErrors::default();
        (Reminders::parse(&mut errors, raw), errors)
    }

    #[test]
    fn default_is_a_day_before_and_empty_is_none() {
        assert_eq!(parse(None).0.minutes(), &[1440]);
        assert!(parse(Some(&[])).0.minutes().is_empty());
    }

    #[test]
    fn leads_are_sorted_longest_first_without_repeats() {
        assert_eq!(parse(Some(&[60, 1440, 60])).0.minutes(), &[1440, 60]);
    }

    #[test]
    fn bounds_and_count_are_checked() {
        for bad in [&[4][..], &[20_161], &[10, 20, 30, 40], &[-5]] {
            let (_, errors) = parse(Some(bad));
            assert!(errors.get("reminders").is_some(), "{bad:?}");
        }
        assert!(parse(Some(&[5, 20_160])).1.is_empty());
    }

    #[test]
    fn form_text_and_storage_round_trip() {
        let mut errors = FieldErrors::default();
        let given = Reminders::parse_text(&mut errors, "1440, 60 15");
        assert_eq!(given, Some(vec![1440, 60, 15]));
        let given = given.unwrap_or_default();
        assert!(Reminders::parse_text(&mut errors, "a day").is_none());
        assert!(errors.get("reminders").is_some());
        let r = parse(Some(&given)).0;
        assert_eq!(Reminders::from_stored(&r.to_stored()), r);
        assert_eq!(Reminders::to_text(&given), "1440, 60, 15");
    }
}
