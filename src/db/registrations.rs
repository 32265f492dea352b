//! Registrations: a person, what they registered for (a meeting or a whole series), their
//! attendance mode and the hash of their manage link. Their places in meetings are seats.

use std::collections::HashMap;

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

#[derive(Queryable, QueryableByName, Identifiable, Debug, Clone)]
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
    /// The language it was made in (`i18n::Lang` code); its mail is written in it.
    pub lang: String,
}

impl Registration {
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::stored(&self.lang)
    }
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
    /// The language it is made in (`i18n::Lang` code): its mail is written in it.
    pub lang: &'a str,
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
    let first = super::direct!(conn, c => r::registrations
        .filter(r::token_hash.eq(hash))
        .get_result(c)
        .optional())?;
    if first.is_some() {
        return Ok(first);
    }
    super::direct!(conn, c => r::registrations
        .inner_join(l::manage_links)
        .filter(l::token_hash.eq(hash))
        .select(registrations::all_columns)
        .get_result(c)
        .optional())
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

super::fixed_condition! {
    /// `registrations.status <> 'cancelled'`, written as SQL text: the predicate of the
    /// partial indexes `registrations_one_per_meeting` and `registrations_one_per_series`.
    /// With a bound parameter instead, SQLite could only use those indexes by re-planning the
    /// statement on every execution (it reads the bound value), and PostgreSQL's generic
    /// plans not at all.
    pub fn not_cancelled() -> NotCancelled on r::registrations = "registrations.status <> 'cancelled'"
}

super::fixed_condition! {
    /// `registrations.status = 'pending'` as SQL text: the predicate of the partial index
    /// `registrations_pending`, usable only with the value written out (see `not_cancelled`).
    pub fn is_pending() -> IsPending on r::registrations = "registrations.status = 'pending'"
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
pub fn delete_pending_before(
    conn: &mut DbConn,
    cutoff: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Vec<i64>> {
    let ids: Vec<i64> = r::registrations
        .filter(is_pending())
        .filter(r::created_at.lt(cutoff))
        .select(r::id)
        .load(conn)?;
    delete_with_links(conn, &ids, now)?;
    Ok(ids)
}

/// Deletes registrations that hold no seat (pending ones) with their links, and their
/// mail: unsent messages go, kept ones lose their content.
pub fn delete_with_links(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    super::outbox::forget_registrations(conn, ids, &[], now)?;
    diesel::delete(l::manage_links.filter(l::registration_id.eq_any(ids))).execute(conn)?;
    diesel::delete(r::registrations.filter(r::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

/// Erases the person from a registration: name, address and affiliation go, the row stays
/// (cancelled) so that counts and the audit trail remain right; the manage link dies.
pub fn erase_person(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    anonymise(conn, &[id], now)?;
    set_status(conn, id, CANCELLED, now)
}

/// The address an anonymised registration is left with, `removed-{id}@invalid`, as SQL over
/// `registrations.id` (unique per row, so the unique indexes on addresses never collide).
const REMOVED_EMAIL_SQL: &str = "'removed-' || registrations.id || '@invalid'";

/// Removes the person from registrations, keeping their status and seats (so counts stay
/// right): name `(removed)`, address `removed-{id}@invalid`, no affiliation, and a manage
/// link that matches no token (a hash is 64 hex digits).
pub fn anonymise(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<usize> {
    use diesel::dsl::sql;
    use diesel::sql_types::Text;
    if ids.is_empty() {
        return Ok(0);
    }
    let n = diesel::update(r::registrations.filter(r::id.eq_any(ids)))
        .set((
            r::name.eq("(removed)"),
            r::email.eq(sql::<Text>(REMOVED_EMAIL_SQL)),
            r::email_normalized.eq(sql::<Text>(REMOVED_EMAIL_SQL)),
            r::affiliation.eq(None::<String>),
            r::token_hash.eq(sql::<Text>("'removed-' || registrations.id")),
            r::updated_at.eq(now),
        ))
        .execute(conn)?;
    // Every later link dies with the person's data.
    diesel::delete(l::manage_links.filter(l::registration_id.eq_any(ids))).execute(conn)?;
    Ok(n)
}

/// Up to `limit` registrations, not yet anonymised, whose every meeting ended before
/// `cutoff`: a meeting registration's meeting, every occurrence of a series registration's
/// series, and every meeting where either holds a seat.
pub fn ended_before(conn: &mut DbConn, cutoff: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    use diesel::sql_types::{BigInt, Timestamp};
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let query = |p: [&str; 2]| {
        format!(
            "SELECT registrations.id FROM registrations \
             WHERE registrations.email_normalized <> {removed} \
             AND (registrations.meeting_id IS NULL OR EXISTS (SELECT 1 FROM meetings m \
                  WHERE m.id = registrations.meeting_id AND m.ends_at < {0})) \
             AND (registrations.series_id IS NULL OR NOT EXISTS (SELECT 1 FROM meetings m \
                  WHERE m.series_id = registrations.series_id AND m.ends_at >= {0})) \
             AND NOT EXISTS (SELECT 1 FROM seats s JOIN meetings m ON m.id = s.meeting_id \
                  WHERE s.registration_id = registrations.id AND m.ends_at >= {0}) \
             ORDER BY registrations.id LIMIT {1}",
            p[0],
            p[1],
            removed = REMOVED_EMAIL_SQL
        )
    };
    let ids: Vec<Id> = match conn {
        DbConn::Postgresql(c) => diesel::sql_query(query(["$1", "$2"]))
            .bind::<Timestamp, _>(cutoff)
            .bind::<BigInt, _>(limit)
            .load(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(query(["?1", "?2"]))
            .bind::<Timestamp, _>(cutoff)
            .bind::<BigInt, _>(limit)
            .load(c)?,
    };
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// The addresses of these registrations (to find their older mail, which may lack the id).
pub fn emails(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<String>> {
    r::registrations
        .filter(r::id.eq_any(ids))
        .select(r::email)
        .load(conn)
}

/// Registrations waiting for their address to be confirmed: per meeting among
/// `meeting_ids`, and per series among `series_ids` (two grouped queries).
pub fn pending_counts(
    conn: &mut DbConn,
    meeting_ids: &[i64],
    series_ids: &[i64],
) -> QueryResult<(HashMap<i64, i64>, HashMap<i64, i64>)> {
    let by_meeting: Vec<(Option<i64>, i64)> = r::registrations
        .filter(is_pending())
        .filter(r::meeting_id.eq_any(meeting_ids))
        .group_by(r::meeting_id)
        .select((r::meeting_id, diesel::dsl::count_star()))
        .load(conn)?;
    let by_series: Vec<(Option<i64>, i64)> = r::registrations
        .filter(is_pending())
        .filter(r::series_id.eq_any(series_ids))
        .group_by(r::series_id)
        .select((r::series_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok((
        super::keyed_counts(by_meeting),
        super::keyed_counts(by_series),
    ))
}
