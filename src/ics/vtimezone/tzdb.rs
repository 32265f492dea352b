//! Reading transitions out of the tz database shipped in `chrono-tz`.
//!
//! `chrono-tz` does not expose its transition table, so transitions are found
//! by sampling the zone's offset once a day and bisecting every change down to
//! the exact second.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::{Tz, TzOffset};

/// Sampling step of the coarse scan. Zones practically never change offset twice in
/// less than a day; even if one did, the scan restarts at every transition it
/// finds, so only a change that is undone within one step could be missed.
const STEP_SECS: i64 = 86_400;

/// One observance: the instant it starts and the offsets around it.
#[derive(Clone, Copy)]
pub(super) struct Observance {
    /// UTC instant (seconds since the epoch) at which `to` takes effect.
    pub(super) at: i64,
    pub(super) from: TzOffset,
    pub(super) to: TzOffset,
}

/// Every instant in (start, end] at which the offset (total, DST part or
/// abbreviation) of `tz` changes, in chronological order.
pub(super) fn find_transitions(tz: Tz, start: i64, end: i64) -> Vec<Observance> {
    let mut found = Vec::new();
    let mut t = start;
    let mut current = offset_at(tz, t);
    while t < end {
        let next = t.saturating_add(STEP_SECS).min(end);
        if offset_at(tz, next) == current {
            t = next;
            continue;
        }
        // Invariant: offset at `lo` is `current`, offset at `hi` differs.
        let (mut lo, mut hi) = (t, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offset_at(tz, mid) == current {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let after = offset_at(tz, hi);
        found.push(Observance {
            at: hi,
            from: current,
            to: after,
        });
        // Resume at the transition so a second change within the same step
        // is still found.
        t = hi;
        current = after;
    }
    found
}

/// Offset of `tz` at the UTC instant `secs` seconds after the epoch.
pub(super) fn offset_at(tz: Tz, secs: i64) -> TzOffset {
    // Callers stay within chrono's range; clamping only guards the API.
    let instant = DateTime::from_timestamp(secs, 0).unwrap_or(if secs < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    });
    tz.offset_from_utc_datetime(&instant.naive_utc())
}
