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
}

/// The group's published input that is not hidden, newest first, at most `limit` items.
pub fn published(conn: &mut DbConn, group_id: i64, limit: i64) -> QueryResult<Vec<Input>> {
    i::inputs
        .filter(i::group_id.eq(group_id))
        .filter(i::status.eq(PUBLISHED))
        .filter(i::hidden_at.is_null())
        .order((i::published_at.desc(), i::id.desc()))
        .limit(limit)
        .select(inputs::all_columns)
        .load(conn)
}
