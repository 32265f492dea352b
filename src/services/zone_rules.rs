//! When the tz rules change between two starts of Quorum: the wall time staff entered stays
//! the meeting, its UTC instants follow the new rules.
//!
//! The rules each zone's stored instants were computed with are kept (as TZif data) in the
//! settings table under `tzif:<zone>`. At start, for every zone of a meeting that has not
//! ended, those rules are compared with the rules in use. When they differ, in one
//! transaction that holds the zone's settings row: every such meeting's instants are read
//! back to wall time with the old rules and placed again with the new ones; a meeting that
//! moved gets a raised `SEQUENCE` and its confirmed observers an updated invite saying why
//! (a series registrant gets one: the series' invite, its `SEQUENCE` raised).
//! The row then names the new rules, so a second instance (or start) finds nothing to do.
//! Past meetings keep their instants.

use std::collections::BTreeSet;

use chrono::{NaiveDateTime, TimeZone, Utc};
use diesel::prelude::*;

use crate::db::schema::meetings::dsl as m;
use crate::db::{self, settings, DbConn, DbPool};
use crate::domain::RegistrationStatus;
use crate::error::AppError;
use crate::mail::{About, MailContext, MailKind, Recipient};
use crate::tz::Zone;

/// Brings every future meeting in line with the tz rules in use; returns how many moved.
/// Every zone with recorded rules is loaded here, so this process keeps using these rules
/// even if the system's tz database is updated while it runs.
pub fn realign(pool: &DbPool, ctx: &MailContext) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    let version = crate::tz::version();
    if let Some(newer) = settings::get(&mut conn, VERSION_KEY)?.filter(|v| is_older(version, v)) {
        tracing::warn!(
            tzdata = %version,
            recorded = %newer,
            "this instance's tz database is older than the one meetings were placed with; \
             meetings are left as they are (update tzdata)"
        );
        return Ok(0);
    }
    let now = db::now();
    let with_future: BTreeSet<String> = m::meetings
        .filter(m::ends_at.gt(now))
        .select(m::timezone)
        .distinct()
        .load::<String>(&mut conn)?
        .into_iter()
        .collect();
    let recorded: BTreeSet<String> =
        settings::keys_with_prefix(&mut conn, settings::ZONE_RULES_PREFIX)?
            .into_iter()
            .filter_map(|k| {
                k.strip_prefix(settings::ZONE_RULES_PREFIX)
                    .map(str::to_string)
            })
            .collect();
    let mut moved = 0;
    for name in with_future.union(&recorded) {
        let Some(zone) = crate::tz::zone(name) else {
            tracing::warn!(zone = %name, "meetings use a zone the tz database does not know");
            continue;
        };
        if with_future.contains(name) {
            moved += realign_zone(&mut conn, ctx, &zone, now)?;
        } else {
            // No meeting to move: a later one is placed with the rules in use.
            let (key, current) = settings::zone_rules_entry(&zone);
            settings::put(&mut conn, &key, &current)?;
        }
    }
    settings::put(&mut conn, VERSION_KEY, version)?;
    Ok(moved)
}

/// The tzdata version of the last start that placed meetings.
const VERSION_KEY: &str = "tzdata_version";

/// Whether tzdata version `a` is older than `b` (`2025b` < `2026f` < `2026aa`); versions of
/// another form (`unknown`) are not compared.
fn is_older(a: &str, b: &str) -> bool {
    let key = |v: &str| {
        let (year, letters) = v.split_at_checked(4)?;
        let known = year.chars().all(|c| c.is_ascii_digit())
            && !letters.is_empty()
            && letters.chars().all(|c| c.is_ascii_lowercase());
        known.then(|| (year.to_string(), letters.len(), letters.to_string()))
    };
    matches!((key(a), key(b)), (Some(a), Some(b)) if a < b)
}

fn realign_zone(
    conn: &mut DbConn,
    ctx: &MailContext,
    zone: &Zone,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let (key, current) = settings::zone_rules_entry(zone);
    if settings::get(conn, &key)?.as_deref() == Some(current.as_str()) {
        return Ok(0);
    }
    db::write_tx(conn, |conn| {
        // Decided on the locked row, or on claiming it: another instance may be at it.
        let old = match settings::get_locked(conn, &key)? {
            Some(recorded) if recorded == current => return Ok(0),
            Some(recorded) => {
                settings::set(conn, &key, &current)?;
                match settings::zone_rules_from(zone.name(), &recorded) {
                    Some(old) if old.same_rules(zone) => return Ok(0),
                    Some(old) => OldRules::Recorded(old),
                    None => {
                        tracing::warn!(zone = %zone.name(), "recorded tz rules unreadable; reading the meetings with chrono-tz's");
                        match OldRules::chrono_tz(zone) {
                            Some(legacy) => legacy,
                            None => return Ok(0),
                        }
                    }
                }
            }
            // No rules recorded: the meetings were placed by a release that used chrono-tz.
            None if settings::claim(conn, &key, &current)? => match OldRules::chrono_tz(zone) {
                Some(legacy) => legacy,
                None => return Ok(0),
            },
            None => return Ok(0),
        };
        let future: Vec<i64> = m::meetings
            .filter(m::timezone.eq(zone.name()).and(m::ends_at.gt(now)))
            .select(m::id)
            .order(m::id)
            .load(conn)?;
        let shift = |utc| old.replace(utc, zone);
        let (mut moved, mut series) = (0, std::collections::BTreeSet::new());
        for id in future {
            if let Some(series_id) = move_meeting(conn, ctx, id, &shift)? {
                moved += 1;
                series.extend(series_id);
            }
        }
        for id in series {
            tell_series_registrants(conn, ctx, id)?;
        }
        if moved > 0 {
            tracing::info!(zone = %zone.name(), tzdata = %crate::tz::version(), moved, "tz rules changed");
        }
        Ok(moved)
    })
}

/// The rules a zone's stored instants were computed with.
enum OldRules {
    /// Recorded by an earlier start.
    Recorded(Zone),
    /// The tzdata 2025b built into `chrono-tz`, which releases before rules were recorded used.
    ChronoTz(chrono_tz::Tz),
}

impl OldRules {
    /// chrono-tz's rules for the zone, when it knows the zone.
    fn chrono_tz(zone: &Zone) -> Option<OldRules> {
        zone.name().parse().ok().map(OldRules::ChronoTz)
    }

    /// The instant that shows, under `new`, the wall time that `utc` showed under these
    /// rules. A wall time that `new` skips keeps its instant; one it repeats takes the
    /// earlier instant.
    fn replace(&self, utc: NaiveDateTime, new: &Zone) -> NaiveDateTime {
        let at = Utc.from_utc_datetime(&utc);
        let wall = match self {
            OldRules::Recorded(old) => at.with_timezone(old).naive_local(),
            OldRules::ChronoTz(old) => at.with_timezone(old).naive_local(),
        };
        new.from_local_datetime(&wall)
            .earliest()
            .map_or(utc, |t| t.naive_utc())
    }
}

/// Passes the meeting's instants through `shift` (read under its lock: a staff edit on
/// another instance is not overwritten); `Some(its series)` when that moved it.
fn move_meeting(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    shift: &dyn Fn(NaiveDateTime) -> NaiveDateTime,
) -> Result<Option<Option<i64>>, AppError> {
    if !db::lock_meeting(conn, id)? {
        return Ok(None);
    }
    let Some(meeting) = crate::db::meetings::find(conn, id)? else {
        return Ok(None);
    };
    let days = meeting.schedule().map(shift);
    let opens = meeting.registration_opens_at.map(shift);
    let closes = meeting.registration_closes_at.map(shift);
    if days.starts_at() == meeting.starts_at
        && days.ends_at() == meeting.ends_at
        && days.encode() == meeting.days
        && opens == meeting.registration_opens_at
        && closes == meeting.registration_closes_at
    {
        return Ok(None);
    }
    diesel::update(m::meetings.find(meeting.id))
        .set((
            m::starts_at.eq(days.starts_at()),
            m::ends_at.eq(days.ends_at()),
            m::days.eq(days.encode()),
            m::registration_opens_at.eq(opens),
            m::registration_closes_at.eq(closes),
            m::sequence.eq(meeting.sequence + 1),
            m::updated_at.eq(db::now()),
        ))
        .execute(conn)?;
    crate::db::changes::notify_change(conn)?;
    let (moved, group) = crate::db::meetings::find_with_group(conn, meeting.id)?
        .ok_or(AppError::NotFound("meeting"))?;
    crate::db::scheduled::schedule(conn, &moved)?;
    if moved.status() == crate::domain::MeetingStatus::Published {
        // Series registrants hear of their series once, not of each occurrence.
        crate::services::meetings::notify_seat_holders(
            conn,
            ctx,
            MailKind::ZoneRulesChanged,
            &[],
            &moved,
            &group,
            false,
        )?;
    }
    Ok(Some(meeting.series_id))
}

/// The series' `SEQUENCE` raised and its invite sent again to its active registrants.
fn tell_series_registrants(conn: &mut DbConn, ctx: &MailContext, id: i64) -> Result<(), AppError> {
    use crate::db::schema::series::dsl as s;
    diesel::update(s::series.find(id))
        .set((s::sequence.eq(s::sequence + 1), s::updated_at.eq(db::now())))
        .execute(conn)?;
    let loaded = crate::services::series::load(conn, id)?;
    for registration in crate::db::registrations::active_for_series(conn, id)? {
        // Active: the address is confirmed and the registration holds or waits for seats.
        if registration.status != crate::db::registrations::ACTIVE {
            continue;
        }
        let to = Recipient {
            registration: &registration,
            status: RegistrationStatus::Confirmed,
            seat_checked: false,
        };
        crate::mail::enqueue(
            conn,
            ctx,
            MailKind::ZoneRulesChanged,
            &About::Series(&loaded),
            &to,
            None,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_compare_by_year_then_letters() {
        use super::is_older;
        assert!(is_older("2025b", "2026f"));
        assert!(is_older("2026f", "2026g"));
        assert!(is_older("2026z", "2026aa"));
        assert!(!is_older("2026f", "2026f"));
        assert!(!is_older("2026g", "2026f"));
        assert!(!is_older("unknown", "2026f"));
        assert!(!is_older("2026f", "unknown"));
    }
}
