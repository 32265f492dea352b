//! Counters of password attempts per subject (an account at an address, or an address) over
//! a fixed window. Counting up is one upsert, so parallel attempts take turns on the row
//! (PostgreSQL) or the write lock (SQLite) and the count never skips a number.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_throttle::dsl as t;
use super::DbConn;

/// Forgets the windows that started before `stale_before`, those of every subject (which
/// keeps the table small).
pub fn forget_stale(conn: &mut DbConn, stale_before: NaiveDateTime) -> QueryResult<()> {
    diesel::delete(t::login_throttle.filter(t::window_start.lt(stale_before)))
        .execute(conn)
        .map(|_| ())
}

/// Counts one attempt for `subject`: returns the attempts in its window so far, this one
/// included, and when the window started (call `forget_stale` first, in the same
/// transaction, so that an old window is not counted on).
pub fn count_attempt(
    conn: &mut DbConn,
    subject: &str,
    now: NaiveDateTime,
) -> QueryResult<(i32, NaiveDateTime)> {
    let upsert = diesel::insert_into(t::login_throttle)
        .values((
            t::subject.eq(subject),
            t::attempts.eq(1),
            t::window_start.eq(now),
        ))
        .on_conflict(t::subject)
        .do_update()
        .set(t::attempts.eq(t::attempts + 1))
        .returning((t::attempts, t::window_start));
    match conn {
        DbConn::Postgresql(c) => upsert.get_result(c),
        DbConn::Sqlite(c) => upsert.get_result(c),
    }
}

/// Gives back one counted attempt (it succeeded).
pub fn give_back(conn: &mut DbConn, subject: &str) -> QueryResult<()> {
    diesel::update(
        t::login_throttle
            .filter(t::subject.eq(subject))
            .filter(t::attempts.gt(0)),
    )
    .set(t::attempts.eq(t::attempts - 1))
    .execute(conn)
    .map(|_| ())
}

/// Forgets every attempt of `subject`.
pub fn clear(conn: &mut DbConn, subject: &str) -> QueryResult<()> {
    diesel::delete(t::login_throttle.filter(t::subject.eq(subject)))
        .execute(conn)
        .map(|_| ())
}
