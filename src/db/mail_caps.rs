//! Counted mail: one row per message sent against a cap, keyed by a keyed hash of what is
//! capped (a recipient; a recipient and a meeting). No address is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::schema::mail_caps::dsl as c;
use super::DbConn;

/// Serialises every transaction counting against `key` until it ends. SQLite's single
/// writer does that already (`write_tx`); PostgreSQL takes a transaction-scoped advisory
/// lock, so two instances cannot both see room for the last message.
pub fn lock(conn: &mut DbConn, key: &str) -> QueryResult<()> {
    match conn {
        DbConn::Postgresql(pg) => {
            diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text")
                .bind::<Text, _>(key)
                .execute(pg)?;
        }
        DbConn::Sqlite(_) => {
            debug_assert!(super::in_write_tx(), "mail_caps::lock outside write_tx")
        }
    }
    Ok(())
}

/// Messages counted against `key` since `since`.
pub fn count_since(conn: &mut DbConn, key: &str, since: NaiveDateTime) -> QueryResult<i64> {
    c::mail_caps
        .filter(c::key.eq(key))
        .filter(c::sent_at.gt(since))
        .count()
        .get_result(conn)
}

pub fn record(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(c::mail_caps)
        .values((c::key.eq(key), c::sent_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Forgets counts older than `cutoff` (longer ago than the longest window).
pub fn prune_before(conn: &mut DbConn, cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(c::mail_caps.filter(c::sent_at.lt(cutoff))).execute(conn)
}
