//! Series of meetings (weekly calls): the rule and its occurrences.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::meetings::Meeting;
use super::schema::meetings::{self, dsl as m};
use super::schema::series::{self, dsl as s};
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
    /// When the group's followers were told of it (`services::announce`).
    pub announced_at: Option<NaiveDateTime>,
}

impl Series {
    pub fn tz(&self) -> crate::tz::Zone {
        crate::tz::zone(&self.timezone).unwrap_or_else(crate::tz::Zone::utc)
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

/// The series with these ids, by id (for lists that collapse a series into one line).
pub fn by_ids(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, Series>> {
    let rows: Vec<Series> = s::series.filter(s::id.eq_any(ids)).load(conn)?;
    Ok(rows.into_iter().map(|x| (x.id, x)).collect())
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

/// A series with its group and every occurrence, in rule order.
pub struct Loaded {
    pub series: Series,
    pub group: super::groups::Group,
    pub occurrences: Vec<Meeting>,
}

impl Loaded {
    /// Whether anonymous registrations wait for the address to be confirmed: when any
    /// occurrence asks for it.
    pub fn verifies_email(&self) -> bool {
        self.occurrences.iter().any(|m| m.verify_email)
    }
}

pub fn load(conn: &mut DbConn, id: i64) -> QueryResult<Option<Loaded>> {
    let Some(series) = find(conn, id)? else {
        return Ok(None);
    };
    let group = super::groups::find(conn, series.group_id)?;
    let occurrences = occurrences(conn, id)?;
    Ok(Some(Loaded {
        series,
        group,
        occurrences,
    }))
}
