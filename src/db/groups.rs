//! Groups: the working groups and review teams that hold meetings.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::groups::{self, dsl as g};
use super::DbConn;

#[derive(Queryable, Identifiable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = groups)]
pub struct Group {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub contact_email: Option<String>,
    pub created_at: NaiveDateTime,
    /// Markdown: mandate, status and topic areas (sanitised when shown).
    pub about: String,
    /// Where confirmed public input is forwarded.
    pub input_email: Option<String>,
}

#[derive(Insertable, Debug)]
#[diesel(table_name = groups)]
pub struct NewGroup {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub contact_email: Option<String>,
    pub created_at: NaiveDateTime,
    pub about: String,
    pub input_email: Option<String>,
}

/// What staff may change of a group (its slug stays: feeds and links carry it).
#[derive(AsChangeset, Debug)]
#[diesel(table_name = groups, treat_none_as_null = true)]
pub struct GroupChanges {
    pub name: String,
    pub description: String,
    pub contact_email: Option<String>,
    pub about: String,
    pub input_email: Option<String>,
}

pub fn update(conn: &mut DbConn, id: i64, changes: &GroupChanges) -> QueryResult<Group> {
    diesel::update(g::groups.find(id))
        .set(changes)
        .returning(groups::all_columns)
        .get_result(conn)
}

pub fn insert(conn: &mut DbConn, new: &NewGroup) -> QueryResult<Group> {
    diesel::insert_into(g::groups)
        .values(new)
        .returning(groups::all_columns)
        .get_result(conn)
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Group>> {
    g::groups
        .filter(g::slug.eq(slug))
        .get_result(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Group> {
    g::groups.find(id).get_result(conn)
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Group>> {
    g::groups.order(g::name.asc()).load(conn)
}
