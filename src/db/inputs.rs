//! The public input archive: what the public sends a group, published once its sender
//! confirmed the address, unless staff hide it. The address is never shown.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::inputs::{self, dsl as i};
use super::DbConn;

/// The address is not confirmed yet: nothing is shown.
pub const PENDING: &str = "pending";
/// Confirmed: in the archive unless hidden.
pub const PUBLISHED: &str = "published";

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = inputs)]
pub struct Input {
    pub id: i64,
    pub group_id: i64,
    pub name: String,
    pub email: String,
    pub email_normalized: String,
    pub subject: String,
    pub message: String,
    pub token_hash: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    pub hidden_at: Option<NaiveDateTime>,
    /// The language the author wrote the form in; mail to the author is written in it.
    pub lang: String,
}

impl Input {
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::stored(&self.lang)
    }
}

/// The group's published input that is not hidden, newest first, at most `limit` items.
pub fn published(conn: &mut DbConn, group_id: i64, limit: i64) -> QueryResult<Vec<Input>> {
    published_page(conn, group_id, 0, limit)
}

/// A new item, pending until its sender confirms the address.
#[derive(Insertable, Debug)]
#[diesel(table_name = inputs)]
pub struct NewInput<'a> {
    pub group_id: i64,
    pub name: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub subject: &'a str,
    pub message: &'a str,
    pub token_hash: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    /// The language of the page the input was sent from (`Lang::code`).
    pub lang: &'a str,
}

pub fn insert(conn: &mut DbConn, new: &NewInput<'_>) -> QueryResult<Input> {
    diesel::insert_into(i::inputs)
        .values(new)
        .returning(inputs::all_columns)
        .get_result(conn)
}

/// The item whose confirm link hashes to `token_hash`.
pub fn find_by_token_hash(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<Input>> {
    i::inputs
        .filter(i::token_hash.eq(token_hash))
        .select(inputs::all_columns)
        .get_result(conn)
        .optional()
}

/// Publishes a pending item; `false` when it was not pending (a concurrent confirmation won).
pub fn publish(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(i::inputs.find(id).filter(i::status.eq(PENDING)))
        .set((i::status.eq(PUBLISHED), i::published_at.eq(now)))
        .execute(conn)?;
    Ok(changed == 1)
}

/// The group's published item `id`, hidden or not (pending ones are nobody's business).
pub fn find_published(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<Option<Input>> {
    i::inputs
        .find(id)
        .filter(i::group_id.eq(group_id))
        .filter(i::status.eq(PUBLISHED))
        .select(inputs::all_columns)
        .get_result(conn)
        .optional()
}

/// Marks a published item hidden since `hidden_at`, or shown again with `None`.
pub fn set_hidden(
    conn: &mut DbConn,
    id: i64,
    hidden_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(i::inputs.find(id).filter(i::status.eq(PUBLISHED)))
        .set(i::hidden_at.eq(hidden_at))
        .execute(conn)
}

/// The archive's page that starts after `offset` items: published, not hidden, newest first.
pub fn published_page(
    conn: &mut DbConn,
    group_id: i64,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Input>> {
    i::inputs
        .filter(i::group_id.eq(group_id))
        .filter(i::status.eq(PUBLISHED))
        .filter(i::hidden_at.is_null())
        .order((i::published_at.desc(), i::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(inputs::all_columns)
        .load(conn)
}

/// Every published item of the group, hidden ones too, newest first (for staff).
pub fn confirmed(conn: &mut DbConn, group_id: i64, limit: i64) -> QueryResult<Vec<Input>> {
    i::inputs
        .filter(i::group_id.eq(group_id))
        .filter(i::status.eq(PUBLISHED))
        .order((i::published_at.desc(), i::id.desc()))
        .limit(limit)
        .select(inputs::all_columns)
        .load(conn)
}

/// Deletes items still pending that were sent before `before`, with their personal data.
pub fn delete_pending_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        i::inputs
            .filter(i::status.eq(PENDING))
            .filter(i::created_at.lt(before)),
    )
    .execute(conn)
}
