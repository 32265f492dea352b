//! Observer registrations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::registrations::{self, dsl as r};
use super::DbConn;
use crate::domain::{Attendance, RegistrationStatus};

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i64,
    pub meeting_id: i64,
    pub token_hash: String,
    pub name: String,
    pub email: String,
    pub email_normalized: String,
    pub affiliation: Option<String>,
    pub attendance: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub checked_in_at: Option<NaiveDateTime>,
    /// Set when this seat belongs to a registration for a whole series.
    pub series_registration_id: Option<i64>,
}

impl Registration {
    pub fn attendance(&self) -> Attendance {
        Attendance::parse(&self.attendance).unwrap_or(Attendance::Remote)
    }
    pub fn status(&self) -> RegistrationStatus {
        RegistrationStatus::parse(&self.status).unwrap_or(RegistrationStatus::Cancelled)
    }
}

#[derive(Insertable, Debug)]
#[diesel(table_name = registrations)]
pub struct NewRegistration<'a> {
    pub meeting_id: i64,
    pub token_hash: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub affiliation: Option<&'a str>,
    pub attendance: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewRegistration<'_>) -> QueryResult<Registration> {
    diesel::insert_into(r::registrations)
        .values(new)
        .returning(registrations::all_columns)
        .get_result(conn)
}

/// Inserts the registration unless the address has an active one for the meeting (or
/// another unique value collides): `None` then, and nothing is written. One round trip,
/// and no failed statement that would abort a PostgreSQL transaction.
pub fn insert_unless_registered(
    conn: &mut DbConn,
    new: &NewRegistration<'_>,
) -> QueryResult<Option<Registration>> {
    let insert = diesel::insert_into(r::registrations)
        .values(new)
        .on_conflict_do_nothing();
    match conn {
        DbConn::Postgresql(c) => insert
            .returning(registrations::all_columns)
            .get_result(c)
            .optional(),
        DbConn::Sqlite(c) => insert
            .returning(registrations::all_columns)
            .get_result(c)
            .optional(),
    }
}

pub fn find_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::token_hash.eq(hash))
        .get_result(conn)
        .optional()
}

/// `registrations.status <> 'cancelled'`, written as SQL text: the predicate of the partial
/// index `registrations_one_active`. With a bound parameter instead, SQLite could only use
/// that index by re-planning the statement on every execution (it reads the bound value),
/// and PostgreSQL's generic plans could not use it at all.
pub fn not_cancelled() -> super::Fixed<NotCancelled> {
    super::Fixed::new()
}

#[derive(Debug, Clone, Copy)]
pub struct NotCancelled;

impl super::FixedCondition for NotCancelled {
    type Table = r::registrations;
    const SQL: &'static str = "registrations.status <> 'cancelled'";
}

/// The registration of this address for this meeting that is not cancelled, if any.
pub fn find_active_by_email(
    conn: &mut DbConn,
    meeting_id: i64,
    email_normalized: &str,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::meeting_id.eq(meeting_id))
        .filter(r::email_normalized.eq(email_normalized))
        .filter(not_cancelled())
        .get_result(conn)
        .optional()
}

pub fn count_confirmed(
    conn: &mut DbConn,
    meeting_id: i64,
    attendance: Attendance,
) -> QueryResult<i64> {
    r::registrations
        .filter(r::meeting_id.eq(meeting_id))
        .filter(r::attendance.eq(attendance.as_str()))
        .filter(r::status.eq(RegistrationStatus::Confirmed.as_str()))
        .count()
        .get_result(conn)
}

/// The registration that has waited longest for a seat of this mode.
pub fn oldest_waitlisted(
    conn: &mut DbConn,
    meeting_id: i64,
    attendance: Attendance,
) -> QueryResult<Option<Registration>> {
    r::registrations
        .filter(r::meeting_id.eq(meeting_id))
        .filter(r::attendance.eq(attendance.as_str()))
        .filter(r::status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order((r::created_at.asc(), r::id.asc()))
        .get_result(conn)
        .optional()
}

pub fn set_status(
    conn: &mut DbConn,
    id: i64,
    status: RegistrationStatus,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set((r::status.eq(status.as_str()), r::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_attendance(
    conn: &mut DbConn,
    id: i64,
    attendance: Attendance,
    status: RegistrationStatus,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set((
            r::attendance.eq(attendance.as_str()),
            r::status.eq(status.as_str()),
            r::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Replaces the manage-link hash (the old link stops working).
pub fn set_token_hash(conn: &mut DbConn, id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set(r::token_hash.eq(hash))
        .execute(conn)
        .map(|_| ())
}

pub fn for_meeting(conn: &mut DbConn, meeting_id: i64) -> QueryResult<Vec<Registration>> {
    r::registrations
        .filter(r::meeting_id.eq(meeting_id))
        .order((r::created_at.asc(), r::id.asc()))
        .load(conn)
}
