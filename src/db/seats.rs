//! Seats: a registration's place in one meeting (confirmed or waitlisted), counted against
//! that meeting's capacity per attendance mode, and the per-day check-ins of a seat.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::registrations::{NewRegistration, Registration};
use super::schema::check_ins::dsl as c;
use super::schema::registrations;
use super::schema::seats::{self, dsl as s};
use super::DbConn;
use crate::domain::{Attendance, RegistrationStatus};

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = seats)]
pub struct Seat {
    pub id: i64,
    pub registration_id: i64,
    pub meeting_id: i64,
    pub attendance: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Seat {
    pub fn attendance(&self) -> Attendance {
        Attendance::parse(&self.attendance).unwrap_or(Attendance::Remote)
    }
    pub fn status(&self) -> RegistrationStatus {
        RegistrationStatus::parse(&self.status).unwrap_or(RegistrationStatus::Cancelled)
    }
}

/// Whether `seats` hold a confirmed place: in `meeting` when given, else in any meeting.
/// The one test for a join URL limited to registrants: a pending, waitlisted or cancelled
/// place never passes.
pub fn confirmed_among<'a>(
    seats: impl IntoIterator<Item = &'a Seat>,
    meeting: Option<i64>,
) -> bool {
    seats.into_iter().any(|s| {
        s.status() == RegistrationStatus::Confirmed && meeting.is_none_or(|m| s.meeting_id == m)
    })
}

#[derive(Insertable, Debug)]
#[diesel(table_name = seats)]
pub struct NewSeat<'a> {
    pub registration_id: i64,
    pub meeting_id: i64,
    pub attendance: &'a str,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewSeat<'_>) -> QueryResult<Seat> {
    super::direct!(conn, c => diesel::insert_into(s::seats)
        .values(new)
        .returning(seats::all_columns)
        .get_result(c))
}

/// Inserts a registration for one meeting together with its seat there (`status`, decided
/// under the meeting's lock), unless the address is registered already: `None` then, and
/// nothing is written. On PostgreSQL one statement that stays prepared
/// (`RegistrationWithSeat`), so the seat costs no round trip of its own; on SQLite two
/// inserts (its statements cost no network).
pub fn insert_registration_with_seat(
    conn: &mut DbConn,
    new: &NewRegistration<'_>,
    meeting_id: i64,
    status: RegistrationStatus,
) -> QueryResult<Option<Registration>> {
    match conn {
        DbConn::Postgresql(pg) => RegistrationWithSeat {
            new,
            meeting_id,
            status: status.as_str(),
        }
        .get_result(pg)
        .optional(),
        DbConn::Sqlite(_) => {
            let Some(reg) = super::registrations::insert_unless_registered(conn, new)? else {
                return Ok(None);
            };
            insert(
                conn,
                &NewSeat {
                    registration_id: reg.id,
                    meeting_id,
                    attendance: new.attendance,
                    status: status.as_str(),
                    created_at: new.created_at,
                    updated_at: new.created_at,
                },
            )?;
            Ok(Some(reg))
        }
    }
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Seat>> {
    s::seats.find(id).get_result(conn).optional()
}

pub fn count_confirmed(
    conn: &mut DbConn,
    meeting_id: i64,
    attendance: Attendance,
) -> QueryResult<i64> {
    s::seats
        .filter(s::meeting_id.eq(meeting_id))
        .filter(s::attendance.eq(attendance.as_str()))
        .filter(s::status.eq(RegistrationStatus::Confirmed.as_str()))
        .count()
        .get_result(conn)
}

/// The seat that has waited longest for this mode in this meeting.
pub fn oldest_waitlisted(
    conn: &mut DbConn,
    meeting_id: i64,
    attendance: Attendance,
) -> QueryResult<Option<Seat>> {
    s::seats
        .filter(s::meeting_id.eq(meeting_id))
        .filter(s::attendance.eq(attendance.as_str()))
        .filter(s::status.eq(RegistrationStatus::Waitlisted.as_str()))
        .order((s::created_at.asc(), s::id.asc()))
        .get_result(conn)
        .optional()
}

pub fn set(
    conn: &mut DbConn,
    id: i64,
    attendance: Attendance,
    status: RegistrationStatus,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(s::seats.find(id))
        .set((
            s::attendance.eq(attendance.as_str()),
            s::status.eq(status.as_str()),
            s::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The seats of a registration, in meeting order.
pub fn of_registration(conn: &mut DbConn, registration_id: i64) -> QueryResult<Vec<Seat>> {
    super::direct!(conn, c => s::seats
        .filter(s::registration_id.eq(registration_id))
        .order(s::id.asc())
        .load(c))
}

/// The seats of a registration with their meetings, in meeting order.
pub fn of_registration_with_meetings(
    conn: &mut DbConn,
    registration_id: i64,
) -> QueryResult<Vec<(Seat, super::meetings::Meeting)>> {
    use super::schema::meetings;
    s::seats
        .inner_join(meetings::table)
        .filter(s::registration_id.eq(registration_id))
        .order((meetings::starts_at.asc(), s::id.asc()))
        .select((seats::all_columns, meetings::all_columns))
        .load(conn)
}

/// Every seat in a meeting with its registration, oldest first.
pub fn in_meeting(conn: &mut DbConn, meeting_id: i64) -> QueryResult<Vec<(Seat, Registration)>> {
    s::seats
        .inner_join(registrations::table)
        .filter(s::meeting_id.eq(meeting_id))
        .order((s::created_at.asc(), s::id.asc()))
        .select((seats::all_columns, registrations::all_columns))
        .load(conn)
}

/// Whether this address holds a seat (or a waitlist place) in the meeting through any
/// registration: a person registered for a series is not registered again for one meeting.
pub fn held_by_email(
    conn: &mut DbConn,
    meeting_id: i64,
    email_normalized: &str,
) -> QueryResult<Option<Registration>> {
    s::seats
        .inner_join(registrations::table)
        .filter(s::meeting_id.eq(meeting_id))
        .filter(s::status.ne(RegistrationStatus::Cancelled.as_str()))
        .filter(registrations::email_normalized.eq(email_normalized))
        .select(registrations::all_columns)
        .get_result(conn)
        .optional()
}

/// Days (0 = the first) on which the seat was checked in, with the time.
pub fn check_ins(
    conn: &mut DbConn,
    seat_ids: &[i64],
) -> QueryResult<Vec<(i64, i32, NaiveDateTime)>> {
    c::check_ins
        .filter(c::seat_id.eq_any(seat_ids))
        .select((c::seat_id, c::day, c::checked_in_at))
        .load(conn)
}

pub fn set_checked_in(
    conn: &mut DbConn,
    seat_id: i64,
    day: i32,
    at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    diesel::delete(
        c::check_ins
            .filter(c::seat_id.eq(seat_id))
            .filter(c::day.eq(day)),
    )
    .execute(conn)?;
    if let Some(at) = at {
        diesel::insert_into(c::check_ins)
            .values((
                c::seat_id.eq(seat_id),
                c::day.eq(day),
                c::checked_in_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// One line of a meeting's list of registrations: the seat, the person, and the check-in
/// time of each of the meeting's days.
pub struct RosterRow {
    pub seat: Seat,
    pub registration: Registration,
    pub checked_in: Vec<Option<NaiveDateTime>>,
}

impl RosterRow {
    /// The seat's status, or `cancelled` once the registration is.
    pub fn status(&self) -> &str {
        if self.registration.is_active() {
            &self.seat.status
        } else {
            RegistrationStatus::Cancelled.as_str()
        }
    }
}

/// Everyone with a place in a meeting of `days` days, oldest first.
pub fn roster(conn: &mut DbConn, meeting_id: i64, days: usize) -> QueryResult<Vec<RosterRow>> {
    let rows = in_meeting(conn, meeting_id)?;
    let ids: Vec<i64> = rows.iter().map(|(s, _)| s.id).collect();
    let times = check_ins(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(seat, registration)| {
            let mut checked_in = vec![None; days];
            for (_, day, at) in times.iter().filter(|(id, _, _)| *id == seat.id) {
                if let Some(slot) = usize::try_from(*day)
                    .ok()
                    .and_then(|d| checked_in.get_mut(d))
                {
                    *slot = Some(*at);
                }
            }
            RosterRow {
                seat,
                registration,
                checked_in,
            }
        })
        .collect())
}

/// `WITH r AS (INSERT INTO registrations … ON CONFLICT DO NOTHING RETURNING *), s AS
/// (INSERT INTO seats … FROM r) SELECT * FROM r`, written as a query type with a fixed
/// text and a static query id: diesel keeps it prepared per connection, where a
/// `sql_query` would be parsed and planned again on every registration.
struct RegistrationWithSeat<'a> {
    new: &'a NewRegistration<'a>,
    meeting_id: i64,
    status: &'a str,
}

struct RegistrationWithSeatId;

impl diesel::query_builder::QueryId for RegistrationWithSeat<'_> {
    type QueryId = RegistrationWithSeatId;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::Query for RegistrationWithSeat<'_> {
    /// Read back by column name (`Registration: QueryableByName`).
    type SqlType = diesel::sql_types::Untyped;
}

impl RunQueryDsl<diesel::PgConnection> for RegistrationWithSeat<'_> {}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for RegistrationWithSeat<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
        let n = self.new;
        out.push_sql(
            "WITH r AS (INSERT INTO registrations (meeting_id, series_id, token_hash, name, \
             email, email_normalized, affiliation, attendance, status, lang, created_at, \
             updated_at, confirmed_at) VALUES (",
        );
        out.push_bind_param::<Nullable<BigInt>, _>(&n.meeting_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<BigInt>, _>(&n.series_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&n.token_hash)?;
        for text in [&n.name, &n.email, &n.email_normalized] {
            out.push_sql(", ");
            out.push_bind_param::<Text, _>(text)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&n.affiliation)?;
        for text in [&n.attendance, &n.status, &n.lang] {
            out.push_sql(", ");
            out.push_bind_param::<Text, _>(text)?;
        }
        for at in [&n.created_at, &n.updated_at] {
            out.push_sql(", ");
            out.push_bind_param::<Timestamp, _>(at)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Timestamp>, _>(&n.confirmed_at)?;
        out.push_sql(
            ") ON CONFLICT DO NOTHING RETURNING *), s AS (INSERT INTO seats (registration_id, \
             meeting_id, attendance, status, created_at, updated_at) SELECT id, ",
        );
        out.push_bind_param::<BigInt, _>(&self.meeting_id)?;
        out.push_sql(", attendance, ");
        out.push_bind_param::<Text, _>(&self.status)?;
        out.push_sql(", created_at, created_at FROM r) SELECT * FROM r");
        Ok(())
    }
}
