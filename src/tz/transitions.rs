//! The changes of local time of a zone within a range: from the zone's transition table, and
//! past its end from the zone's rule for later times (the TZif footer), found by sampling that
//! rule once a day and bisecting each change to the second.

use tzif::LocalTimeType;

use super::Zone;

/// Sampling step within the rule for later times. Such a rule changes the offset at most
/// twice a year; sampling restarts at every change found.
const STEP_SECS: i64 = 86_400;

/// One change of local time type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// UTC instant (seconds since the epoch) at which `to` takes effect.
    pub at: i64,
    pub from: LocalTimeType,
    pub to: LocalTimeType,
}

impl Zone {
    /// Every change in (start, end], in order.
    pub fn transitions(&self, start: i64, end: i64) -> Vec<Transition> {
        let mut found = self.table_transitions(start, end);
        if self.rules().extra_rule().is_some() {
            let after_table = self.rule_applies_from().map_or(start, |at| at.max(start));
            found.extend(self.sampled(after_table, end));
        }
        found
    }

    /// The last change at or before `at`, if the zone ever changed.
    pub fn last_transition(&self, at: i64) -> Option<Transition> {
        // A zone with a yearly rule changed within the last two years; any other zone's
        // last change is in its table.
        let recent = at.saturating_sub(2 * 366 * 86_400);
        self.transitions(recent, at)
            .pop()
            .or_else(|| self.table_transitions(i64::MIN, at).pop())
    }

    /// The changes of the zone's transition table in (start, end].
    fn table_transitions(&self, start: i64, end: i64) -> Vec<Transition> {
        let rules = self.rules();
        let types = rules.local_time_types();
        let mut found = Vec::new();
        let mut previous = types.first().copied().unwrap_or_else(LocalTimeType::utc);
        for t in rules.transitions() {
            let Some(to) = types.get(t.local_time_type_index()).copied() else {
                continue;
            };
            let at = t.unix_leap_time();
            if at > start && at <= end && to != previous {
                found.push(Transition {
                    at,
                    from: previous,
                    to,
                });
            }
            previous = to;
        }
        found
    }

    /// The instant from which the rule for later times applies (the last transition of the
    /// table), `None` when the zone has no table (the rule applies always).
    pub fn rule_applies_from(&self) -> Option<i64> {
        self.rules()
            .transitions()
            .last()
            .map(|t| t.unix_leap_time())
    }

    /// Whether the rule for later times alternates between standard and daylight time every
    /// year (as opposed to a fixed offset, or no rule at all).
    pub fn has_yearly_rule(&self) -> bool {
        matches!(
            self.rules().extra_rule(),
            Some(tzif::timezone::TransitionRule::Alternate(_))
        )
    }

    /// Changes in (start, end] found by sampling.
    fn sampled(&self, start: i64, end: i64) -> Vec<Transition> {
        let mut found = Vec::new();
        let mut t = start;
        let mut current = self.local_time_type(t);
        while t < end {
            let next = t.saturating_add(STEP_SECS).min(end);
            if self.local_time_type(next) == current {
                t = next;
                continue;
            }
            // Invariant: the type at `lo` is `current`, the type at `hi` differs.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if self.local_time_type(mid) == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let after = self.local_time_type(hi);
            found.push(Transition {
                at: hi,
                from: current,
                to: after,
            });
            t = hi;
            current = after;
        }
        found
    }
}
