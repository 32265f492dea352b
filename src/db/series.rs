//! Series of meetings (weekly calls) and registrations for a whole series.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::meetings::Meeting;
use super::schema::meetings::{self, dsl as m};
use super::schema::series::{self, dsl as s};
use super::schema::series_registrations::{self, dsl as sr};
use super::DbConn;

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = series)]
pub struct Series {
    pub id: i64,
    pub uid: String,
    pub group_id: i64,
    pub title: String,
    pub timezone: String,
    pub first_start_local: NaiveDateTime,
    pub duration_minutes: i32,
    pub interval_weeks: i32,
    pub weekdays: String,
    pub until_date: Option<String>,
    pub occurrence_count: Option<i32>,
    pub template_json: String,
    pub sequence: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Series {
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }
}

#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = series, treat_none_as_null = true)]
pub struct SeriesFields {
    pub group_id: i64,
    pub title: String,
    pub timezone: String,
    pub first_start_local: NaiveDateTime,
    pub duration_minutes: i32,
    pub interval_weeks: i32,
    pub weekdays: String,
    pub until_date: Option<String>,
    pub occurrence_count: Option<i32>,
    pub template_json: String,
}

pub fn insert(
    conn: &mut DbConn,
    fields: &SeriesFields,
    uid: &str,
    now: NaiveDateTime,
) -> QueryResult<Series> {
    diesel::insert_into(s::series)
        .values((
            fields,
            s::uid.eq(uid),
            s::sequence.eq(0),
            s::created_at.eq(now),
            s::updated_at.eq(now),
        ))
        .returning(series::all_columns)
        .get_result(conn)
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    fields: &SeriesFields,
    sequence: i32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(s::series.find(id))
        .set((fields, s::sequence.eq(sequence), s::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Series>> {
    s::series.find(id).get_result(conn).optional()
}

/// Takes the series' row lock (see `lock_meeting`).
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let query = s::series.filter(s::id.eq(id)).select(s::id);
    match conn {
        DbConn::Postgresql(c) => query.for_no_key_update().get_result::<i64>(c).optional(),
        DbConn::Sqlite(c) => query.get_result::<i64>(c).optional(),
    }
    .map(|row| row.is_some())
}

/// The occurrences of a series, in rule order.
pub fn occurrences(conn: &mut DbConn, series_id: i64) -> QueryResult<Vec<Meeting>> {
    m::meetings
        .filter(m::series_id.eq(series_id))
        .order((m::recurrence_local.asc(), m::id.asc()))
        .select(meetings::all_columns)
        .load(conn)
}

pub fn set_occurrence_link(
    conn: &mut DbConn,
    meeting_id: i64,
    series_id: i64,
    recurrence_local: NaiveDateTime,
    detached: bool,
) -> QueryResult<()> {
    diesel::update(m::meetings.find(meeting_id))
        .set((
            m::series_id.eq(series_id),
            m::recurrence_local.eq(recurrence_local),
            m::detached.eq(detached),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn set_detached(conn: &mut DbConn, meeting_id: i64) -> QueryResult<()> {
    diesel::update(m::meetings.find(meeting_id))
        .set(m::detached.eq(true))
        .execute(conn)
        .map(|_| ())
}

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = series_registrations)]
pub struct SeriesRegistration {
    pub id: i64,
    pub series_id: i64,
    pub token_hash: String,
    pub name: String,
    pub email: String,
    pub email_normalized: String,
    pub affiliation: Option<String>,
    pub attendance: String,
    pub status: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable, Debug)]
#[diesel(table_name = series_registrations)]
pub struct NewSeriesRegistration<'a> {
    pub series_id: i64,
    pub token_hash: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub affiliation: Option<&'a str>,
    pub attendance: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn insert_registration(
    conn: &mut DbConn,
    new: &NewSeriesRegistration<'_>,
) -> QueryResult<SeriesRegistration> {
    diesel::insert_into(sr::series_registrations)
        .values(new)
        .returning(series_registrations::all_columns)
        .get_result(conn)
}

pub fn find_registration_by_token_hash(
    conn: &mut DbConn,
    hash: &str,
) -> QueryResult<Option<SeriesRegistration>> {
    sr::series_registrations
        .filter(sr::token_hash.eq(hash))
        .get_result(conn)
        .optional()
}

/// `series_registrations.status <> 'cancelled'` as SQL text, the predicate of the partial
/// index `series_registrations_one_active` (see `registrations::not_cancelled`).
fn active() -> super::Fixed<Active> {
    super::Fixed::new()
}

#[derive(Debug, Clone, Copy)]
struct Active;

impl super::FixedCondition for Active {
    type Table = sr::series_registrations;
    const SQL: &'static str = "series_registrations.status <> 'cancelled'";
}

pub fn find_active_registration(
    conn: &mut DbConn,
    series_id: i64,
    email_normalized: &str,
) -> QueryResult<Option<SeriesRegistration>> {
    sr::series_registrations
        .filter(sr::series_id.eq(series_id))
        .filter(sr::email_normalized.eq(email_normalized))
        .filter(active())
        .get_result(conn)
        .optional()
}

pub fn active_registrations(
    conn: &mut DbConn,
    series_id: i64,
) -> QueryResult<Vec<SeriesRegistration>> {
    sr::series_registrations
        .filter(sr::series_id.eq(series_id))
        .filter(active())
        .order(sr::id.asc())
        .load(conn)
}

pub fn set_registration_status(conn: &mut DbConn, id: i64, status: &str) -> QueryResult<()> {
    diesel::update(sr::series_registrations.find(id))
        .set(sr::status.eq(status))
        .execute(conn)
        .map(|_| ())
}

pub fn set_registration_token(conn: &mut DbConn, id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(sr::series_registrations.find(id))
        .set(sr::token_hash.eq(hash))
        .execute(conn)
        .map(|_| ())
}
