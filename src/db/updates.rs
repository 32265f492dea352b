//! A group's updates: status reports, like a review team's monthly update.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::updates::{self, dsl as u};
use super::DbConn;

pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";

#[derive(Queryable, Identifiable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = updates)]
pub struct Update {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    /// Markdown, sanitised when shown (`markdown::render`).
    pub body: String,
    /// `draft` | `published`.
    pub status: String,
    /// When it was first published; kept when it goes back to draft and out again.
    pub published_at: Option<NaiveDateTime>,
    /// When the group's followers were told of it (`services::announce`).
    pub announced_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Update {
    pub fn is_published(&self) -> bool {
        self.status == PUBLISHED
    }
}

#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = updates)]
pub struct UpdateFields {
    pub title: String,
    pub body: String,
    pub status: String,
}

pub fn insert(
    conn: &mut DbConn,
    group_id: i64,
    fields: &UpdateFields,
    now: NaiveDateTime,
) -> QueryResult<Update> {
    let published_at = (fields.status == PUBLISHED).then_some(now);
    diesel::insert_into(u::updates)
        .values((
            fields,
            u::group_id.eq(group_id),
            u::published_at.eq(published_at),
            u::created_at.eq(now),
            u::updated_at.eq(now),
        ))
        .returning(updates::all_columns)
        .get_result(conn)
}

/// Writes `fields`; the first publication sets `published_at`.
pub fn update(
    conn: &mut DbConn,
    before: &Update,
    fields: &UpdateFields,
    now: NaiveDateTime,
) -> QueryResult<Update> {
    let published_at = before
        .published_at
        .or((fields.status == PUBLISHED).then_some(now));
    diesel::update(u::updates.find(before.id))
        .set((
            fields,
            u::published_at.eq(published_at),
            u::updated_at.eq(now),
        ))
        .returning(updates::all_columns)
        .get_result(conn)
}

pub fn find(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<Option<Update>> {
    u::updates
        .filter(u::group_id.eq(group_id))
        .filter(u::id.eq(id))
        .get_result(conn)
        .optional()
}

/// The group's updates, newest first; only the published ones unless `drafts`, which come
/// after them (newest first too) on both backends: PostgreSQL would put the NULL dates of
/// drafts first in a descending order, SQLite last.
pub fn of_group(
    conn: &mut DbConn,
    group_id: i64,
    drafts: bool,
    limit: i64,
) -> QueryResult<Vec<Update>> {
    let mut q = u::updates
        .filter(u::group_id.eq(group_id))
        .order((
            u::published_at.is_null().asc(),
            u::published_at.desc(),
            u::id.desc(),
        ))
        .limit(limit)
        .into_boxed();
    if !drafts {
        q = q.filter(u::status.eq(PUBLISHED));
    }
    q.load(conn)
}

pub fn delete(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<bool> {
    diesel::delete(
        u::updates
            .filter(u::group_id.eq(group_id))
            .filter(u::id.eq(id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

/// Marks the update announced unless it was already; `true` when this call marked it.
pub fn mark_announced(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(u::updates.find(id).filter(u::announced_at.is_null()))
        .set(u::announced_at.eq(now))
        .execute(conn)
        .map(|n| n > 0)
}
