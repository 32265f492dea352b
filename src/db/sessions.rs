//! Staff login sessions (server side, so logout and expiry really end them), failed-login
//! records for throttling, and the audit log.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_log::{self, dsl as a};
use super::schema::login_failures::dsl as f;
use super::schema::staff;
use super::schema::staff_sessions::dsl as ss;
use super::staff::Staff;
use super::DbConn;

pub fn create(
    conn: &mut DbConn,
    staff_id: i64,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(ss::staff_sessions)
        .values((
            ss::token_hash.eq(token_hash),
            ss::staff_id.eq(staff_id),
            ss::created_at.eq(now),
            ss::last_seen_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The account behind a live session, touching it; sessions idle since `idle_since` or
/// created before `created_since` are dead (and removed).
pub fn resume(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
    idle_since: NaiveDateTime,
    created_since: NaiveDateTime,
) -> QueryResult<Option<Staff>> {
    let found: Option<(i64, NaiveDateTime, NaiveDateTime, Staff)> = ss::staff_sessions
        .inner_join(staff::table)
        .filter(ss::token_hash.eq(token_hash))
        .select((ss::id, ss::created_at, ss::last_seen_at, staff::all_columns))
        .get_result(conn)
        .optional()?;
    let Some((id, created_at, last_seen_at, account)) = found else {
        return Ok(None);
    };
    if last_seen_at < idle_since || created_at < created_since || account.disabled_at.is_some() {
        diesel::delete(ss::staff_sessions.find(id)).execute(conn)?;
        return Ok(None);
    }
    // Touch at most once a minute: a page view should not always write.
    if now - last_seen_at > chrono::Duration::seconds(60) {
        diesel::update(ss::staff_sessions.find(id))
            .set(ss::last_seen_at.eq(now))
            .execute(conn)?;
    }
    Ok(Some(account))
}

pub fn delete(conn: &mut DbConn, token_hash: &str) -> QueryResult<()> {
    diesel::delete(ss::staff_sessions.filter(ss::token_hash.eq(token_hash)))
        .execute(conn)
        .map(|_| ())
}

/// Ends every session of an account (password change, account disabled).
pub fn delete_for_staff(conn: &mut DbConn, staff_id: i64) -> QueryResult<()> {
    diesel::delete(ss::staff_sessions.filter(ss::staff_id.eq(staff_id)))
        .execute(conn)
        .map(|_| ())
}

pub fn record_failure(conn: &mut DbConn, subject: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(f::login_failures)
        .values((f::subject.eq(subject), f::created_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Failures of `subject` since `since`, and the oldest of them.
pub fn failures_since(
    conn: &mut DbConn,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    f::login_failures
        .filter(f::subject.eq(subject))
        .filter(f::created_at.ge(since))
        .select((diesel::dsl::count_star(), diesel::dsl::min(f::created_at)))
        .get_result(conn)
}

pub fn clear_failures(conn: &mut DbConn, subject: &str) -> QueryResult<()> {
    diesel::delete(f::login_failures.filter(f::subject.eq(subject)))
        .execute(conn)
        .map(|_| ())
}

#[derive(Queryable, Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub staff_id: Option<i64>,
    pub staff_email: String,
    pub action: String,
    pub subject: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Records a staff action with the state before and after it.
pub fn audit(
    conn: &mut DbConn,
    actor: &Staff,
    action: &str,
    subject: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> QueryResult<()> {
    diesel::insert_into(a::audit_log)
        .values((
            a::staff_id.eq(actor.id),
            a::staff_email.eq(&actor.email),
            a::action.eq(action),
            a::subject.eq(subject),
            a::before_json.eq(before.map(|v| v.to_string())),
            a::after_json.eq(after.map(|v| v.to_string())),
            a::created_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn audit_entries(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table.order(a::id.desc()).limit(limit).load(conn)
}
