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
        .first(conn)
        .optional()
}

#[derive(Insertable, Debug)]
#[diesel(table_name = api_tokens)]
pub struct NewApiToken<'a> {
    pub staff_id: i64,
    pub label: &'a str,
    pub token_hash: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn insert_token(conn: &mut DbConn, new: &NewApiToken<'_>) -> QueryResult<i64> {
    diesel::insert_into(t::api_tokens)
        .values(new)
        .returning(t::id)
        .get_result(conn)
}

/// The staff account owning an unrevoked token with this hash.
pub fn find_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Staff>> {
    api_tokens::table
        .inner_join(staff::table)
        .filter(t::token_hash.eq(hash))
        .filter(t::revoked_at.is_null())
        .select(staff::all_columns)
        .first(conn)
        .optional()
}
