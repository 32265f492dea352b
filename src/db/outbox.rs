//! The mail outbox: messages written in the same transaction as the change that causes
//! them, claimed by workers with a lease so each is sent once, also with several instances.
//! Once sent, a message keeps only its metadata (kind, status, times, attempts, Message-ID,
//! meeting): address, subject, bodies and calendar text are removed ("scrubbed"). A
//! message that failed for good keeps them while staff may retry it (`FAILED_KEPT_DAYS`).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::schema::outbox::{self, dsl as o};
use super::DbConn;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// How long a message that failed for good keeps its content for staff to retry it.
pub const FAILED_KEPT_DAYS: i64 = 30;

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
    pub registration_id: Option<i64>,
    pub failed_at: Option<NaiveDateTime>,
    pub scrubbed_at: Option<NaiveDateTime>,
    /// On a scheduled reminder: the lead time, in minutes before the start, it is for.
    pub lead_minutes: Option<i32>,
    /// On a follower's mail: the one-click unsubscribe URL (`List-Unsubscribe`, RFC 8058).
    pub unsubscribe_url: Option<String>,
    /// On an announcement to a group's followers: what it is about (`services::announce`).
    pub about_ref: Option<String>,
    /// On forwarded public input: its author's address, for `Reply-To` (scrubbed once sent).
    pub reply_to: Option<String>,
    /// The follower an announcement goes to; on the fan-out row, the last one expanded to.
    pub follower_id: Option<i64>,
}

/// `None` is written as `NULL` (the columns' default), so the statement's text is the same
/// for every message and PostgreSQL keeps it prepared.
#[derive(Insertable, Debug)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
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
    pub registration_id: Option<i64>,
    pub reply_to: Option<&'a str>,
}

/// What removing a message's content writes: empty address, subject and bodies (the columns
/// are NOT NULL), no calendar text and no error text (an SMTP reply may quote the address).
#[derive(AsChangeset)]
#[diesel(table_name = outbox, treat_none_as_null = true)]
struct Scrub<'a> {
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: &'a str,
    ics: Option<&'a str>,
    unsubscribe_url: Option<&'a str>,
    last_error: Option<&'a str>,
    reply_to: Option<&'a str>,
    scrubbed_at: Option<NaiveDateTime>,
}

fn scrub(now: NaiveDateTime) -> Scrub<'static> {
    Scrub {
        recipient: "",
        subject: "",
        body_text: "",
        body_html: "",
        ics: None,
        unsubscribe_url: None,
        last_error: None,
        reply_to: None,
        scrubbed_at: Some(now),
    }
}

pub fn insert(conn: &mut DbConn, new: &NewOutboxMessage<'_>) -> QueryResult<()> {
    super::direct!(conn, c => diesel::insert_into(o::outbox).values(new).execute(c)).map(|_| ())
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
    let claim = ClaimDue {
        until: now + lease,
        now,
        limit,
    };
    let mut claimed: Vec<OutboxMessage> = match conn {
        DbConn::Postgresql(c) => claim.load(c)?,
        DbConn::Sqlite(c) => claim.load(c)?,
    };
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

/// `UPDATE outbox SET lease_until = …, attempts = attempts + 1 WHERE id IN (the due ones,
/// oldest first, LIMIT …) RETURNING *`: on PostgreSQL the subquery skips rows another
/// instance has locked; SQLite has one writer at a time. A query type with a fixed text per
/// backend and a static query id, so that diesel keeps it prepared per connection (a
/// `sql_query` is parsed and planned again on every claim).
struct ClaimDue {
    until: NaiveDateTime,
    now: NaiveDateTime,
    limit: i64,
}

struct ClaimDueId;

impl diesel::query_builder::QueryId for ClaimDue {
    type QueryId = ClaimDueId;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::Query for ClaimDue {
    /// Read back by column name (`OutboxMessage: QueryableByName`).
    type SqlType = diesel::sql_types::Untyped;
}

impl RunQueryDsl<diesel::PgConnection> for ClaimDue {}
impl RunQueryDsl<diesel::SqliteConnection> for ClaimDue {}

impl ClaimDue {
    fn walk<'b, DB>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
        lock: &'static str,
    ) -> QueryResult<()>
    where
        DB: diesel::backend::Backend
            + diesel::sql_types::HasSqlType<diesel::sql_types::Timestamp>
            + diesel::sql_types::HasSqlType<diesel::sql_types::BigInt>,
        NaiveDateTime: diesel::serialize::ToSql<diesel::sql_types::Timestamp, DB>,
        i64: diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>,
    {
        use diesel::sql_types::{BigInt, Timestamp};
        out.push_sql("UPDATE outbox SET lease_until = ");
        out.push_bind_param::<Timestamp, _>(&self.until)?;
        out.push_sql(
            ", attempts = attempts + 1 WHERE status = 'pending' AND id IN (SELECT id FROM \
             outbox WHERE status = 'pending' AND next_attempt_at <= ",
        );
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(" AND (lease_until IS NULL OR lease_until < ");
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        // `CAST(? AS INTEGER)`, not a bare `?`: SQLite plans a bare `LIMIT ?` for the value
        // bound and so parses the statement again each time a value is bound to it.
        out.push_sql(") ORDER BY next_attempt_at, id LIMIT CAST(");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        out.push_sql(" AS INTEGER)");
        out.push_sql(lock);
        out.push_sql(") RETURNING *");
        Ok(())
    }
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for ClaimDue {
    fn walk_ast<'b>(
        &'b self,
        out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        self.walk(out, " FOR UPDATE SKIP LOCKED")
    }
}

impl diesel::query_builder::QueryFragment<diesel::sqlite::Sqlite> for ClaimDue {
    fn walk_ast<'b>(
        &'b self,
        out: diesel::query_builder::AstPass<'_, 'b, diesel::sqlite::Sqlite>,
    ) -> QueryResult<()> {
        self.walk(out, "")
    }
}

type AmongIds<'a> = diesel::dsl::Filter<o::outbox, diesel::dsl::EqAny<o::id, &'a [i64]>>;

/// Messages among `ids` that are still pending (one deleted or settled meanwhile is left
/// alone).
fn pending_among(
    ids: &[i64],
) -> diesel::dsl::Filter<AmongIds<'_>, diesel::dsl::Eq<o::status, &'static str>> {
    o::outbox
        .filter(o::id.eq_any(ids))
        .filter(o::status.eq(PENDING))
}

/// Records that these messages were handed to SMTP, in one statement, and removes their
/// content.
pub fn mark_sent(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<usize> {
    let sent = (o::status.eq(SENT), o::sent_at.eq(now), scrub(now));
    match ids {
        [] => Ok(0),
        _ => diesel::update(pending_among(ids))
            .set((sent, o::lease_until.eq(None::<NaiveDateTime>)))
            .execute(conn),
    }
}

/// Gives claimed messages back unsent (their lease was about to run out): they are due again
/// at once, and the claim does not count as an attempt.
pub fn release(conn: &mut DbConn, ids: &[i64]) -> QueryResult<usize> {
    let unclaimed = o::attempts.eq(o::attempts - 1);
    match ids {
        [] => Ok(0),
        _ => diesel::update(pending_among(ids))
            .set((unclaimed, o::lease_until.eq(None::<NaiveDateTime>)))
            .execute(conn),
    }
}

/// Records a failed attempt: retried at `retry_at`, or failed for good (at `now`) when `None`.
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: i64,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let error: String = error.chars().take(2000).collect();
    let target = o::outbox.find(id).filter(o::status.eq(PENDING));
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
                o::failed_at.eq(now),
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

/// Failed messages that still have their content (staff may retry them), newest first.
pub fn failed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    o::outbox
        .filter(o::status.eq(FAILED))
        .filter(o::scrubbed_at.is_null())
        .order(o::id.desc())
        .limit(limit)
        .load(conn)
}

/// Puts a failed message that still has its content back in the queue.
pub fn retry(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        o::outbox
            .filter(o::id.eq(id))
            .filter(o::status.eq(FAILED))
            .filter(o::scrubbed_at.is_null()),
    )
    .set((
        o::status.eq(PENDING),
        o::next_attempt_at.eq(now),
        o::attempts.eq(0),
        o::failed_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Removes the content of messages that failed for good before `cutoff`; answers how many.
pub fn scrub_failed_before(
    conn: &mut DbConn,
    cutoff: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        o::outbox
            .filter(o::status.eq(FAILED))
            .filter(o::scrubbed_at.is_null())
            .filter(o::failed_at.lt(cutoff)),
    )
    .set(scrub(now))
    .execute(conn)
}

/// Whether any message that failed for good before `cutoff` still has its content (a read,
/// so that a sweep with nothing to do takes no write lock).
pub fn has_failed_before(conn: &mut DbConn, cutoff: NaiveDateTime) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        o::outbox
            .filter(o::status.eq(FAILED))
            .filter(o::scrubbed_at.is_null())
            .filter(o::failed_at.lt(cutoff)),
    ))
    .get_result(conn)
}

/// Removes people from the outbox: their unsent messages are deleted and the kept ones
/// (failed) lose their content. Messages are theirs by `registration_ids`, or, for messages
/// queued before the outbox recorded registrations, by address (`emails`).
pub fn forget_registrations(
    conn: &mut DbConn,
    registration_ids: &[i64],
    emails: &[String],
    now: NaiveDateTime,
) -> QueryResult<()> {
    let theirs = || {
        o::registration_id
            .eq_any(registration_ids)
            .or(o::registration_id
                .is_null()
                .and(o::recipient.eq_any(emails))
                .and(o::recipient.ne("")))
    };
    diesel::delete(o::outbox.filter(o::status.eq(PENDING)).filter(theirs())).execute(conn)?;
    diesel::update(o::outbox.filter(o::scrubbed_at.is_null()).filter(theirs()))
        .set(scrub(now))
        .execute(conn)?;
    Ok(())
}

/// Removes the messages of `kind` queued before `cutoff` that were not sent: waiting ones
/// are deleted, failed ones lose their content (links that expired with what they were for).
pub fn forget_unsent_before(
    conn: &mut DbConn,
    kind: &str,
    cutoff: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let old = || o::kind.eq(kind).and(o::created_at.lt(cutoff));
    diesel::delete(o::outbox.filter(o::status.eq(PENDING)).filter(old())).execute(conn)?;
    diesel::update(
        o::outbox
            .filter(o::status.eq(FAILED))
            .filter(o::scrubbed_at.is_null())
            .filter(old()),
    )
    .set(scrub(now))
    .execute(conn)?;
    Ok(())
}

/// Failed messages per meeting, for each of `meeting_ids` that has any (one query).
pub fn failed_counts(
    conn: &mut DbConn,
    meeting_ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(Option<i64>, i64)> = o::outbox
        .filter(o::status.eq(FAILED))
        .filter(o::meeting_id.eq_any(meeting_ids))
        .group_by(o::meeting_id)
        .select((o::meeting_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(super::keyed_counts(rows))
}
