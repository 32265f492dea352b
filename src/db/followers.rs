//! People who follow a group by mail, without an account (`services::follow`). A follower
//! waits (`pending`) until the address is confirmed; unsubscribing deletes the row.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::followers::{self, dsl as f};
use super::DbConn;

pub const PENDING: &str = "pending";
pub const ACTIVE: &str = "active";

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = followers)]
pub struct Follower {
    pub id: i64,
    pub group_id: i64,
    pub email: String,
    pub email_normalized: String,
    /// SHA-256 of the secret in the confirm link (`domain::token`).
    pub token_hash: String,
    /// `pending` | `active`.
    pub status: String,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    /// The language the follow was asked in; announcements are written in it.
    pub lang: String,
}

impl Follower {
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::stored(&self.lang)
    }
    pub fn is_active(&self) -> bool {
        self.status == ACTIVE
    }
}

#[derive(Insertable, Debug)]
#[diesel(table_name = followers)]
pub struct NewFollower<'a> {
    pub group_id: i64,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub token_hash: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    /// The language of the page the follow was asked on (`Lang::code`).
    pub lang: &'a str,
}

/// Inserts a pending follower unless the address already follows the group (pending or
/// active): `None` then.
pub fn insert_unless_following(
    conn: &mut DbConn,
    new: &NewFollower<'_>,
) -> QueryResult<Option<Follower>> {
    let insert = diesel::insert_into(f::followers)
        .values(new)
        .on_conflict_do_nothing();
    match conn {
        DbConn::Postgresql(c) => insert
            .returning(followers::all_columns)
            .get_result(c)
            .optional(),
        DbConn::Sqlite(c) => insert
            .returning(followers::all_columns)
            .get_result(c)
            .optional(),
    }
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Follower>> {
    f::followers.find(id).get_result(conn).optional()
}

pub fn find_by_email(
    conn: &mut DbConn,
    group_id: i64,
    email_normalized: &str,
) -> QueryResult<Option<Follower>> {
    f::followers
        .filter(f::group_id.eq(group_id))
        .filter(f::email_normalized.eq(email_normalized))
        .get_result(conn)
        .optional()
}

pub fn find_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Follower>> {
    f::followers
        .filter(f::token_hash.eq(hash))
        .get_result(conn)
        .optional()
}

/// A fresh confirm link for a pending follower (the previous one stops working), valid
/// for the whole pending time from `now`.
pub fn renew_pending(
    conn: &mut DbConn,
    id: i64,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(f::followers.find(id).filter(f::status.eq(PENDING)))
        .set((f::token_hash.eq(hash), f::created_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// The follower's language from now on (`Lang::code`): that of its latest request.
pub fn set_lang(conn: &mut DbConn, id: i64, lang: &str) -> QueryResult<()> {
    diesel::update(f::followers.find(id))
        .set(f::lang.eq(lang))
        .execute(conn)
        .map(|_| ())
}

/// Activates a pending follower; `false` when it was not pending.
pub fn confirm(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(f::followers.find(id).filter(f::status.eq(PENDING)))
        .set((f::status.eq(ACTIVE), f::confirmed_at.eq(now)))
        .execute(conn)
        .map(|n| n > 0)
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    diesel::delete(f::followers.find(id))
        .execute(conn)
        .map(|n| n > 0)
}

/// Deletes pending followers created before `before`; answers their ids.
pub fn delete_pending_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<Vec<i64>> {
    let expired = f::followers
        .filter(f::status.eq(PENDING))
        .filter(f::created_at.lt(before));
    let ids: Vec<i64> = expired.select(f::id).load(conn)?;
    if !ids.is_empty() {
        diesel::delete(f::followers.filter(f::id.eq_any(&ids))).execute(conn)?;
    }
    Ok(ids)
}

/// Whether the group has an active follower.
pub fn any_active(conn: &mut DbConn, group_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        f::followers
            .filter(f::group_id.eq(group_id))
            .filter(f::status.eq(ACTIVE)),
    ))
    .get_result(conn)
}

/// Ids of the group's active followers after `after`, in order, at most `limit`.
pub fn active_after(
    conn: &mut DbConn,
    group_id: i64,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<i64>> {
    f::followers
        .filter(f::group_id.eq(group_id))
        .filter(f::status.eq(ACTIVE))
        .filter(f::id.gt(after))
        .order(f::id)
        .select(f::id)
        .limit(limit)
        .load(conn)
}
