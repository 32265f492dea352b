//! The people of a group: chairs, members, liaisons and staff, listed publicly.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::group_members::{self, dsl as gm};
use super::DbConn;

#[derive(Queryable, Identifiable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = group_members)]
pub struct Member {
    pub id: i64,
    pub group_id: i64,
    pub name: String,
    /// `chair` | `member` | `liaison` | `staff` (`domain::Role`).
    pub role: String,
    pub affiliation: Option<String>,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable, Debug)]
#[diesel(table_name = group_members)]
pub struct NewMember<'a> {
    pub group_id: i64,
    pub name: &'a str,
    pub role: &'a str,
    pub affiliation: Option<&'a str>,
    pub note: Option<&'a str>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewMember<'_>) -> QueryResult<Member> {
    diesel::insert_into(gm::group_members)
        .values(new)
        .returning(group_members::all_columns)
        .get_result(conn)
}

/// The group's people in the order they are listed: chairs first, then members, liaisons
/// and staff, each role in the order they were added.
pub fn of_group(conn: &mut DbConn, group_id: i64) -> QueryResult<Vec<Member>> {
    let mut all: Vec<Member> = gm::group_members
        .filter(gm::group_id.eq(group_id))
        .order(gm::id.asc())
        .load(conn)?;
    all.sort_by_key(|m| crate::domain::Role::rank_of(&m.role));
    Ok(all)
}

/// Removes one of the group's people; `false` when there was none with that id.
pub fn delete(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<bool> {
    diesel::delete(
        gm::group_members
            .filter(gm::group_id.eq(group_id))
            .filter(gm::id.eq(id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}
