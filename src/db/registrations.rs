//! Registrations: a person, what they registered for (a meeting or a whole series), their
//! attendance mode and the hash of their manage link. Their places in meetings are seats.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::manage_links::dsl as l;
use super::schema::registrations::{self, dsl as r};
use super::DbConn;
use crate::domain::Attendance;

/// What a registration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Meeting(i64),
    Series(i64),
}

/// `pending` (made anonymously, the address not confirmed yet: no seats), `active` (holds or
/// waits for seats) or `cancelled`.
pub const PENDING: &str = "pending";
pub const ACTIVE: &str = "active";
pub const CANCELLED: &str = "cancelled";

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i64,
    pub meeting_id: Option<i64>,
    pub series_id: Option<i64>,
    pub token_hash: String,
    pub name: String,
    pub email: String,
    pub email_normalized: String,
    pub affiliation: Option<String>,
    pub attendance: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// When the owner of the address confirmed it by mail.
    pub confirmed_at: Option<NaiveDateTime>,
}

impl Registration {
    pub fn attendance(&self) -> Attendance {
        Attendance::parse(&self.attendance).unwrap_or(Attendance::Remote)
    }
    pub fn is_active(&self) -> bool {
        self.status != CANCELLED
    }
    pub fn is_pending(&self) -> bool {
        self.status == PENDING
    }
    pub fn target(&self) -> Target {
        match (self.meeting_id, self.series_id) {
            (_, Some(s)) => Target::Series(s),
            (m, None) => Target::Meeting(m.unwrap_or_default()),
        }
    }
}

#[derive(Insertable, Debug)]
#[diesel(table_name = registrations)]
pub struct NewRegistration<'a> {
    pub meeting_id: Option<i64>,
    pub series_id: Option<i64>,
    pub token_hash: String,
    pub name: &'a str,
    pub email: &'a str,
    pub email_normalized: &'a str,
    pub affiliation: Option<&'a str>,
    pub attendance: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
}

/// Inserts the registration unless the address has an active one for the same meeting or
/// series (or another unique value collides): `None` then, and nothing is written. One round
/// trip, and no failed statement that would abort a PostgreSQL transaction.
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

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Registration>> {
    r::registrations.find(id).get_result(conn).optional()
}

/// The registration a manage link belongs to: its first link, or one mailed later.
pub fn find_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<Registration>> {
    let first = r::registrations
        .filter(r::token_hash.eq(hash))
        .get_result(conn)
        .optional()?;
    if first.is_some() {
        return Ok(first);
    }
    r::registrations
        .inner_join(l::manage_links)
        .filter(l::token_hash.eq(hash))
        .select(registrations::all_columns)
        .get_result(conn)
        .optional()
}

/// Adds a manage link to a registration; earlier links keep working.
pub fn add_link(conn: &mut DbConn, id: i64, hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(l::manage_links)
        .values((
            l::token_hash.eq(hash),
            l::registration_id.eq(id),
            l::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// `registrations.status <> 'cancelled'`, written as SQL text: the predicate of the partial
/// indexes `registrations_one_per_meeting` and `registrations_one_per_series`. With a bound
/// parameter instead, SQLite could only use those indexes by re-planning the statement on
/// every execution (it reads the bound value), and PostgreSQL's generic plans not at all.
pub fn not_cancelled() -> super::Fixed<NotCancelled> {
    super::Fixed::new()
}

#[derive(Debug, Clone, Copy)]
pub struct NotCancelled;

impl super::FixedCondition for NotCancelled {
    type Table = r::registrations;
    const SQL: &'static str = "registrations.status <> 'cancelled'";
}

/// The registration of this address for this meeting or series that is not cancelled.
pub fn find_active_by_email(
    conn: &mut DbConn,
    target: Target,
    email_normalized: &str,
) -> QueryResult<Option<Registration>> {
    let query = r::registrations
        .filter(r::email_normalized.eq(email_normalized))
        .filter(not_cancelled());
    match target {
        Target::Meeting(id) => query.filter(r::meeting_id.eq(id)).get_result(conn),
        Target::Series(id) => query.filter(r::series_id.eq(id)).get_result(conn),
    }
    .optional()
}

/// Active whole-series registrations, oldest first.
pub fn active_for_series(conn: &mut DbConn, series_id: i64) -> QueryResult<Vec<Registration>> {
    r::registrations
        .filter(r::series_id.eq(series_id))
        .filter(not_cancelled())
        .order(r::id.asc())
        .load(conn)
}

pub fn set_status(conn: &mut DbConn, id: i64, status: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set((r::status.eq(status), r::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_attendance(
    conn: &mut DbConn,
    id: i64,
    attendance: Attendance,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set((r::attendance.eq(attendance.as_str()), r::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// The owner of the address confirmed it: the registration becomes active.
pub fn confirm(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(r::registrations.find(id))
        .set((
            r::status.eq(ACTIVE),
            r::confirmed_at.eq(now),
            r::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Deletes pending registrations made before `cutoff`, with their links; their ids.
pub fn delete_pending_before(conn: &mut DbConn, cutoff: NaiveDateTime) -> QueryResult<Vec<i64>> {
    let ids: Vec<i64> = r::registrations
        .filter(r::status.eq(PENDING))
        .filter(r::created_at.lt(cutoff))
        .select(r::id)
        .load(conn)?;
    delete_with_links(conn, &ids)?;
    Ok(ids)
}

/// Deletes registrations that hold no seat (pending ones) with their links.
pub fn delete_with_links(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    diesel::delete(l::manage_links.filter(l::registration_id.eq_any(ids))).execute(conn)?;
    diesel::delete(r::registrations.filter(r::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

/// Erases the person from a registration: name, address and affiliation go, the row stays
/// (cancelled) so that counts and the audit trail remain right; the manage link dies.
pub fn erase_person(
    conn: &mut DbConn,
    id: i64,
    dead_token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let placeholder = format!("removed-{id}@invalid");
    diesel::update(r::registrations.find(id))
        .set((
            r::name.eq("(removed)"),
            r::email.eq(&placeholder),
            r::email_normalized.eq(&placeholder),
            r::affiliation.eq(None::<String>),
            r::status.eq(CANCELLED),
            r::token_hash.eq(dead_token_hash),
            r::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::delete(l::manage_links.filter(l::registration_id.eq(id)))
        .execute(conn)
        .map(|_| ())
}
