//! Meetings and their seat counts.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::groups::Group;
use super::schema::groups;
use super::schema::meetings::{self, dsl as m};
use super::schema::seats::dsl as s;
use super::DbConn;
use crate::domain::{Attendance, MeetingStatus, RegistrationStatus};

pub use super::meeting_row::{Closed, Meeting};

#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = meetings, treat_none_as_null = true)]
pub struct MeetingFields {
    pub group_id: i64,
    pub title: String,
    pub description: String,
    pub format: String,
    pub timezone: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub online_details: Option<String>,
    pub online_url_visibility: String,
    pub in_person_capacity: Option<i32>,
    pub remote_capacity: Option<i32>,
    pub waitlist: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: String,
    pub days: Option<String>,
    pub verify_email: bool,
    pub reminders: String,
    pub agenda: String,
}

/// Whether a change shows in calendars (and so raises SEQUENCE and mails observers).
pub fn calendar_visible_change(old: &Meeting, new: &MeetingFields) -> bool {
    old.title != new.title
        || old.starts_at != new.starts_at
        || old.ends_at != new.ends_at
        || old.days != new.days
        || old.timezone != new.timezone
        || old.format != new.format
        || old.venue != new.venue
        || old.address != new.address
        || old.city != new.city
        || old.country != new.country
        || old.online_url != new.online_url
        || old.status != new.status
}

/// Whether anything of the meeting changes.
pub fn any_change(old: &Meeting, new: &MeetingFields) -> bool {
    calendar_visible_change(old, new)
        || old.group_id != new.group_id
        || old.description != new.description
        || old.online_details != new.online_details
        || old.online_url_visibility != new.online_url_visibility
        || old.in_person_capacity != new.in_person_capacity
        || old.remote_capacity != new.remote_capacity
        || old.waitlist != new.waitlist
        || old.verify_email != new.verify_email
        || old.registration_opens_at != new.registration_opens_at
        || old.registration_closes_at != new.registration_closes_at
        || old.reminders != new.reminders
        || old.agenda != new.agenda
}

pub fn insert(
    conn: &mut DbConn,
    fields: &MeetingFields,
    uid: &str,
    now: NaiveDateTime,
) -> QueryResult<Meeting> {
    super::settings::record_zone_rules(conn, &fields.timezone)?;
    let meeting = diesel::insert_into(m::meetings)
        .values((
            fields,
            m::uid.eq(uid),
            m::sequence.eq(0),
            m::created_at.eq(now),
            m::updated_at.eq(now),
        ))
        .returning(meetings::all_columns)
        .get_result(conn)?;
    super::scheduled::schedule(conn, &meeting)?;
    Ok(meeting)
}

/// Writes a meeting's new fields; a change that calendars show raises its SEQUENCE. Its
/// reminders are scheduled again for the meeting as it is now.
pub fn reshape(
    conn: &mut DbConn,
    id: i64,
    fields: &MeetingFields,
    calendar_visible: bool,
) -> QueryResult<()> {
    super::settings::record_zone_rules(conn, &fields.timezone)?;
    let sequence = m::sequence + i32::from(calendar_visible);
    let meeting = diesel::update(m::meetings.find(id))
        .set((
            fields,
            m::sequence.eq(sequence),
            m::updated_at.eq(super::now()),
        ))
        .returning(meetings::all_columns)
        .get_result(conn)?;
    super::scheduled::schedule(conn, &meeting)
}

/// Every meeting (of any status) that ends after `t`.
pub fn ending_after(conn: &mut DbConn, t: NaiveDateTime) -> QueryResult<Vec<Meeting>> {
    m::meetings.filter(m::ends_at.gt(t)).order(m::id).load(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Meeting>> {
    m::meetings.find(id).get_result(conn).optional()
}

/// The meeting's row, locked for the rest of the transaction (see `db::lock_meeting`).
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<Option<Meeting>> {
    let query = m::meetings.find(id).select(meetings::all_columns);
    match conn {
        DbConn::Postgresql(c) => query.for_no_key_update().get_result(c).optional(),
        DbConn::Sqlite(c) => query.get_result(c).optional(),
    }
}

pub fn find_with_group(conn: &mut DbConn, id: i64) -> QueryResult<Option<(Meeting, Group)>> {
    super::direct!(conn, c => m::meetings
        .inner_join(groups::table)
        .filter(m::id.eq(id))
        .select((meetings::all_columns, groups::all_columns))
        .get_result(c)
        .optional())
}

/// Which published meetings a listing wants.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub group_id: Option<i64>,
    /// Meetings ending at or after this instant.
    pub from: Option<NaiveDateTime>,
    /// Meetings starting before this instant.
    pub to: Option<NaiveDateTime>,
    pub newest_first: bool,
    pub include_drafts: bool,
    pub limit: Option<i64>,
}

pub fn list(conn: &mut DbConn, listing: &Listing) -> QueryResult<Vec<(Meeting, Group)>> {
    let mut q = m::meetings
        .inner_join(groups::table)
        .select((meetings::all_columns, groups::all_columns))
        .into_boxed();
    if !listing.include_drafts {
        q = q.filter(m::status.ne(MeetingStatus::Draft.as_str()));
    }
    if let Some(g) = listing.group_id {
        q = q.filter(m::group_id.eq(g));
    }
    if let Some(from) = listing.from {
        q = q.filter(m::ends_at.ge(from));
    }
    if let Some(to) = listing.to {
        q = q.filter(m::starts_at.lt(to));
    }
    q = if listing.newest_first {
        q.order((m::starts_at.desc(), m::id.desc()))
    } else {
        q.order((m::starts_at.asc(), m::id.asc()))
    };
    if let Some(limit) = listing.limit {
        q = q.limit(limit);
    }
    q.load(conn)
}

/// Confirmed and waitlisted counts of one mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ModeCount {
    pub confirmed: i64,
    pub waitlisted: i64,
}

/// Seats held and waited for, per attendance mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeatCounts {
    pub in_person: ModeCount,
    pub remote: ModeCount,
}

impl SeatCounts {
    pub fn mode(&self, a: Attendance) -> ModeCount {
        match a {
            Attendance::InPerson => self.in_person,
            Attendance::Remote => self.remote,
        }
    }
}

/// Seat counts for each of `ids` (meetings with no seats are absent).
pub fn seat_counts(conn: &mut DbConn, ids: &[i64]) -> QueryResult<HashMap<i64, SeatCounts>> {
    let counted = s::seats
        .filter(s::status.ne(RegistrationStatus::Cancelled.as_str()))
        .group_by((s::meeting_id, s::attendance, s::status))
        .select((
            s::meeting_id,
            s::attendance,
            s::status,
            diesel::dsl::count_star(),
        ));
    // `= ?` for one meeting stays prepared; SQLite parses an `IN (…)` list on every call.
    let rows: Vec<(i64, String, String, i64)> = match ids {
        [one] => super::direct!(conn, c => counted.filter(s::meeting_id.eq(*one)).load(c))?,
        many => counted.filter(s::meeting_id.eq_any(many)).load(conn)?,
    };
    let mut out: HashMap<i64, SeatCounts> = HashMap::new();
    for (meeting_id, attendance, status, n) in rows {
        let counts = out.entry(meeting_id).or_default();
        let mode = match Attendance::parse(&attendance) {
            Some(Attendance::InPerson) => &mut counts.in_person,
            Some(Attendance::Remote) => &mut counts.remote,
            None => continue,
        };
        match RegistrationStatus::parse(&status) {
            Some(RegistrationStatus::Confirmed) => mode.confirmed = n,
            Some(RegistrationStatus::Waitlisted) => mode.waitlisted = n,
            _ => {}
        }
    }
    Ok(out)
}
