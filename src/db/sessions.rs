//! Staff login sessions (server side, so logout and expiry really end them) and the audit
//! log.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_log::{self, dsl as a};
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

/// Ends every session of an account but the one with `keep_hash` (a password change:
/// the session that made it goes on, with its creation time, so its absolute lifetime
/// does not grow).
pub fn delete_others_for_staff(
    conn: &mut DbConn,
    staff_id: i64,
    keep_hash: &str,
) -> QueryResult<()> {
    diesel::delete(
        ss::staff_sessions
            .filter(ss::staff_id.eq(staff_id))
            .filter(ss::token_hash.ne(keep_hash)),
    )
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
    insert_audit(
        conn,
        Some(actor.id),
        &actor.email,
        action,
        subject,
        before,
        after,
    )
}

/// Records a password attempt (sign-in, or the current password on the password page) by
/// whoever typed `typed_email`: the account's id when there is one, the address as typed
/// otherwise (at most 254 characters). Never the password.
pub fn audit_attempt(
    conn: &mut DbConn,
    staff_id: Option<i64>,
    typed_email: &str,
    action: &str,
    subject: &str,
    detail: Option<&serde_json::Value>,
) -> QueryResult<()> {
    let email: String = typed_email.chars().take(254).collect();
    insert_audit(conn, staff_id, &email, action, subject, None, detail)
}

fn insert_audit(
    conn: &mut DbConn,
    staff_id: Option<i64>,
    staff_email: &str,
    action: &str,
    subject: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> QueryResult<()> {
    diesel::insert_into(a::audit_log)
        .values((
            a::staff_id.eq(staff_id),
            a::staff_email.eq(staff_email),
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
