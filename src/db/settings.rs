//! Key/value settings kept in the database (the generated secret key, the tz rules each
//! zone's meetings were placed with).

use base64::Engine;
use diesel::prelude::*;

use super::schema::settings::dsl as s;
use super::DbConn;

pub fn get(conn: &mut DbConn, key: &str) -> QueryResult<Option<String>> {
    s::settings
        .filter(s::key.eq(key))
        .select(s::value)
        .get_result(conn)
        .optional()
}

/// Stores `value` unless the key exists; returns the value that is stored now, so that
/// instances starting together agree on one.
pub fn get_or_insert(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<String> {
    if let Some(existing) = get(conn, key)? {
        return Ok(existing);
    }
    if claim(conn, key, value)? {
        return Ok(value.to_string());
    }
    get(conn, key)?.ok_or(diesel::result::Error::NotFound)
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(conn: &mut DbConn, prefix: &str) -> QueryResult<Vec<String>> {
    s::settings
        .filter(s::key.like(format!("{prefix}%")))
        .select(s::key)
        .load(conn)
}

/// Stores `value` for `key`, whether or not a row exists; writes nothing when it is stored
/// already.
pub fn put(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    match get(conn, key)? {
        Some(stored) if stored == value => Ok(()),
        Some(_) => set(conn, key, value),
        None if claim(conn, key, value)? => Ok(()),
        None => set(conn, key, value),
    }
}

/// Where the rules a zone's meetings were placed with are kept: `tzif:<zone>`.
pub const ZONE_RULES_PREFIX: &str = "tzif:";

/// The key and the stored text (base64 TZif) of `zone`'s rules.
pub fn zone_rules_entry(zone: &crate::tz::Zone) -> (String, String) {
    (
        format!("{ZONE_RULES_PREFIX}{}", zone.name()),
        base64::engine::general_purpose::STANDARD.encode(zone.tzif()),
    )
}

/// The rules stored by `zone_rules_entry` for the zone `name`; `None` when unreadable.
pub fn zone_rules_from(name: &str, stored: &str) -> Option<crate::tz::Zone> {
    let tzif = base64::engine::general_purpose::STANDARD
        .decode(stored)
        .ok()?;
    crate::tz::Zone::from_tzif(name, &tzif)
}

/// Records the rules that the instants of meetings in the zone `name` are computed with,
/// unless some are recorded already (see `services::zone_rules`).
pub fn record_zone_rules(conn: &mut DbConn, name: &str) -> QueryResult<()> {
    let Some(zone) = crate::tz::zone(name) else {
        return Ok(());
    };
    let (key, tzif) = zone_rules_entry(&zone);
    // `claim`, which cannot fail on a row another instance inserts meanwhile (a unique
    // violation would abort the meeting's PostgreSQL transaction).
    claim(conn, &key, &tzif).map(|_| ())
}

/// The value of `key`, locked until the transaction ends on PostgreSQL (SQLite's write
/// transaction holds the whole database already).
pub fn get_locked(conn: &mut DbConn, key: &str) -> QueryResult<Option<String>> {
    let query = s::settings.filter(s::key.eq(key)).select(s::value);
    match conn {
        DbConn::Postgresql(c) => query.for_update().get_result(c).optional(),
        DbConn::Sqlite(c) => query.get_result(c).optional(),
    }
}

/// Stores `value` for an existing `key`.
pub fn set(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    diesel::update(s::settings.filter(s::key.eq(key)))
        .set(s::value.eq(value))
        .execute(conn)
        .map(|_| ())
}

/// Stores `value` for `key` if no row has it yet; false when one had (on PostgreSQL, after
/// waiting for a transaction that is inserting it to end).
pub fn claim(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<bool> {
    let row = (s::key.eq(key), s::value.eq(value));
    let inserted = match conn {
        DbConn::Postgresql(c) => diesel::insert_into(s::settings)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(s::settings)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    Ok(inserted == 1)
}
