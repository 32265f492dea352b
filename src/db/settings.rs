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
