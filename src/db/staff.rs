//! Staff accounts and their API tokens.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::api_tokens::{self, dsl as t};
use super::schema::staff::{self, dsl as s};
use super::DbConn;

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = staff)]
pub struct Staff {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub created_at: NaiveDateTime,
    pub disabled_at: Option<NaiveDateTime>,
}

impl Staff {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

#[derive(Insertable, Debug)]
#[diesel(table_name = staff)]
pub struct NewStaff<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub password_hash: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewStaff<'_>) -> QueryResult<Staff> {
    diesel::insert_into(s::staff)
        .values(new)
        .returning(staff::all_columns)
        .get_result(conn)
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<Staff>> {
    s::staff
        .filter(s::email.eq(email.to_lowercase()))
        .get_result(conn)
        .optional()
}

#[derive(Insertable, Debug)]
#[diesel(table_name = api_tokens)]
pub struct NewApiToken<'a> {
    pub staff_id: i64,
    pub label: &'a str,
    pub token_hash: &'a str,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
}

pub fn insert_token(conn: &mut DbConn, new: &NewApiToken<'_>) -> QueryResult<i64> {
    diesel::insert_into(t::api_tokens)
        .values(new)
        .returning(t::id)
        .get_result(conn)
}

/// The staff account owning an unrevoked, unexpired token with this hash. The token's
/// `last_used_at` is written at most once a minute, so a busy script does not add a write
/// to every request.
pub fn authenticate_token(
    conn: &mut DbConn,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Staff>> {
    let found: Option<(i64, Option<NaiveDateTime>, Staff)> = api_tokens::table
        .inner_join(staff::table)
        .filter(t::token_hash.eq(hash))
        .filter(t::revoked_at.is_null())
        .filter(t::expires_at.is_null().or(t::expires_at.gt(now)))
        .filter(s::disabled_at.is_null())
        .select((t::id, t::last_used_at, staff::all_columns))
        .get_result(conn)
        .optional()?;
    let Some((id, last_used_at, account)) = found else {
        return Ok(None);
    };
    if last_used_at.is_none_or(|t| now - t >= TOKEN_USE_RECORDED_EVERY) {
        super::write_one(conn, |conn| {
            diesel::update(t::api_tokens.find(id))
                .set(t::last_used_at.eq(now))
                .execute(conn)
        })?;
    }
    Ok(Some(account))
}

/// How stale a token's `last_used_at` may get before a use writes it again.
const TOKEN_USE_RECORDED_EVERY: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Staff>> {
    s::staff.find(id).get_result(conn).optional()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Staff>> {
    s::staff.order(s::email.asc()).load(conn)
}

pub fn set_password_hash(conn: &mut DbConn, id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(s::staff.find(id))
        .set(s::password_hash.eq(hash))
        .execute(conn)
        .map(|_| ())
}

pub fn set_disabled(conn: &mut DbConn, id: i64, at: Option<NaiveDateTime>) -> QueryResult<()> {
    diesel::update(s::staff.find(id))
        .set(s::disabled_at.eq(at))
        .execute(conn)
        .map(|_| ())
}

#[derive(Queryable, Debug, Clone)]
pub struct ApiToken {
    pub id: i64,
    pub staff_id: i64,
    pub label: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
}

impl ApiToken {
    /// Whether the token's expiry has passed.
    pub fn is_expired(&self) -> bool {
        self.expires_at.is_some_and(|t| t <= super::now())
    }
}

/// Every token with its owner's e-mail, newest first.
pub fn tokens(conn: &mut DbConn) -> QueryResult<Vec<(ApiToken, String)>> {
    api_tokens::table
        .inner_join(staff::table)
        .order(t::id.desc())
        .select((api_tokens::all_columns, s::email))
        .load(conn)
}

pub fn revoke_token(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        t::api_tokens
            .filter(t::id.eq(id))
            .filter(t::revoked_at.is_null()),
    )
    .set(t::revoked_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}
