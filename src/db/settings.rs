//! Key/value settings kept in the database (the generated secret key).

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
    match diesel::insert_into(s::settings)
        .values((s::key.eq(key), s::value.eq(value)))
        .execute(conn)
    {
        Ok(_) => Ok(value.to_string()),
        Err(e) if super::is_unique_violation(&e) => get(conn, key)?.ok_or(e),
        Err(e) => Err(e),
    }
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(conn: &mut DbConn, prefix: &str) -> QueryResult<Vec<String>> {
    s::settings
        .filter(s::key.like(format!("{prefix}%")))
        .select(s::key)
        .load(conn)
}

/// Stores `value` for `key`, whether or not a row exists.
pub fn put(conn: &mut DbConn, key: &str, value: &str) -> QueryResult<()> {
    if !claim(conn, key, value)? {
        set(conn, key, value)?;
    }
    Ok(())
}

/// Records the rules that the instants of meetings in the zone `name` are computed with,
/// unless some are recorded already (see `services::zone_rules`).
pub fn record_zone_rules(conn: &mut DbConn, name: &str) -> QueryResult<()> {
    use base64::Engine;
    let Some(zone) = crate::tz::zone(name) else {
        return Ok(());
    };
    let tzif = base64::engine::general_purpose::STANDARD.encode(zone.tzif());
    // Not `get_or_insert`: inside a PostgreSQL transaction a unique violation (another
    // instance recording the same zone) would abort the meeting's transaction.
    claim(conn, &format!("tzif:{name}"), &tzif).map(|_| ())
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
