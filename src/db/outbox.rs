//! The mail outbox: messages written in the same transaction as the change that causes
//! them, claimed by workers with a lease so each is sent once, also with several instances.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::schema::outbox::{self, dsl as o};
use super::DbConn;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

#[derive(Queryable, QueryableByName, Identifiable, Debug, Clone)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: i64,
    pub message_id: String,
    pub kind: String,
    pub meeting_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub ics: Option<String>,
    pub ics_method: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub lease_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

#[derive(Insertable, Debug)]
#[diesel(table_name = outbox)]
pub struct NewOutboxMessage<'a> {
    pub message_id: &'a str,
    pub kind: &'a str,
    pub meeting_id: Option<i64>,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub ics: Option<&'a str>,
    pub ics_method: Option<&'a str>,
    pub status: &'a str,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewOutboxMessage<'_>) -> QueryResult<()> {
    diesel::insert_into(o::outbox)
        .values(new)
        .execute(conn)
        .map(|_| ())
}

/// Claims up to `limit` due messages for `lease` (a claim by another worker whose lease has
/// not run out is respected), longest due first, in one statement (walking the index
/// `outbox_due`, so it costs the same with 20 or 100,000 messages waiting). On PostgreSQL the candidates
/// are locked with `SKIP LOCKED`, so concurrent workers (other instances) claim disjoint
/// sets without waiting for each other; SQLite has one writer at a time.
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease: Duration,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    use diesel::sql_types::{BigInt, Timestamp};
    // The same statement for both; SQLite has no row locks (one writer at a time) and
    // numbers its parameters ?N.
    let claim = |p: [&str; 3], lock: &str| {
        format!(
            "UPDATE outbox SET lease_until = {0}, attempts = attempts + 1 \
             WHERE status = 'pending' AND id IN (SELECT id FROM outbox \
             WHERE status = 'pending' AND next_attempt_at <= {1} \
             AND (lease_until IS NULL OR lease_until < {1}) \
             ORDER BY next_attempt_at, id LIMIT {2}{lock}) RETURNING *",
            p[0], p[1], p[2]
        )
    };
    let until = now + lease;
    let mut claimed: Vec<OutboxMessage> = match conn {
        DbConn::Postgresql(c) => {
            diesel::sql_query(claim(["$1", "$2", "$3"], " FOR UPDATE SKIP LOCKED"))
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(limit)
                .load(c)?
        }
        DbConn::Sqlite(c) => diesel::sql_query(claim(["?1", "?2", "?3"], ""))
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)?,
    };
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

pub fn mark_sent(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(o::outbox.find(id))
        .set((
            o::status.eq(SENT),
            o::sent_at.eq(now),
            o::lease_until.eq(None::<NaiveDateTime>),
            o::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a failed attempt: retried at `retry_at`, or failed for good when `None`.
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let error: String = error.chars().take(2000).collect();
    let target = o::outbox.find(id);
    match retry_at {
        Some(at) => diesel::update(target)
            .set((
                o::next_attempt_at.eq(at),
                o::lease_until.eq(None::<NaiveDateTime>),
                o::last_error.eq(error),
            ))
            .execute(conn),
        None => diesel::update(target)
            .set((
                o::status.eq(FAILED),
                o::lease_until.eq(None::<NaiveDateTime>),
                o::last_error.eq(error),
            ))
            .execute(conn),
    }
    .map(|_| ())
}

pub fn count_by_status(conn: &mut DbConn, status: &str) -> QueryResult<i64> {
    o::outbox
        .filter(o::status.eq(status))
        .count()
        .get_result(conn)
}

pub fn failed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    o::outbox
        .filter(o::status.eq(FAILED))
        .order(o::id.desc())
        .limit(limit)
        .load(conn)
}

/// Puts a failed message back in the queue.
pub fn retry(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(o::outbox.filter(o::id.eq(id)).filter(o::status.eq(FAILED)))
        .set((
            o::status.eq(PENDING),
            o::next_attempt_at.eq(now),
            o::attempts.eq(0),
        ))
        .execute(conn)
        .map(|n| n == 1)
}
