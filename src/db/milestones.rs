//! A group's milestones: dated steps of its work, done or planned, some of them meetings.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::milestones::{self, dsl as ms};
use super::DbConn;

#[derive(Queryable, Identifiable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = milestones)]
pub struct Milestone {
    pub id: i64,
    pub group_id: i64,
    pub due_date: NaiveDate,
    pub title: String,
    pub description: String,
    /// `done` | `planned` (`domain::MilestoneStatus`).
    pub status: String,
    pub meeting_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Every field staff set; written whole on create and on change.
#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = milestones, treat_none_as_null = true)]
pub struct MilestoneFields {
    pub due_date: NaiveDate,
    pub title: String,
    pub description: String,
    pub status: String,
    pub meeting_id: Option<i64>,
}

pub fn insert(
    conn: &mut DbConn,
    group_id: i64,
    fields: &MilestoneFields,
    now: NaiveDateTime,
) -> QueryResult<Milestone> {
    diesel::insert_into(ms::milestones)
        .values((
            fields,
            ms::group_id.eq(group_id),
            ms::created_at.eq(now),
            ms::updated_at.eq(now),
        ))
        .returning(milestones::all_columns)
        .get_result(conn)
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    fields: &MilestoneFields,
    now: NaiveDateTime,
) -> QueryResult<Milestone> {
    diesel::update(ms::milestones.find(id))
        .set((fields, ms::updated_at.eq(now)))
        .returning(milestones::all_columns)
        .get_result(conn)
}

/// The milestone `id` of the group, if it has one.
pub fn find(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<Option<Milestone>> {
    ms::milestones
        .filter(ms::group_id.eq(group_id))
        .filter(ms::id.eq(id))
        .get_result(conn)
        .optional()
}

/// The group's milestones by date, oldest first.
pub fn of_group(conn: &mut DbConn, group_id: i64) -> QueryResult<Vec<Milestone>> {
    ms::milestones
        .filter(ms::group_id.eq(group_id))
        .order((ms::due_date.asc(), ms::id.asc()))
        .load(conn)
}

pub fn delete(conn: &mut DbConn, group_id: i64, id: i64) -> QueryResult<bool> {
    diesel::delete(
        ms::milestones
            .filter(ms::group_id.eq(group_id))
            .filter(ms::id.eq(id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}
