//! Mail that falls due later and is written only when it is sent: reminders and the
//! minutes-due note. It waits in the outbox like any other message, with an empty body and
//! its due time as `next_attempt_at`, and is claimed with the same lease; the mail worker
//! hands it to `services::reminders` to be written (or dropped) just before sending.
//!
//! - `reminders_due`: one row per meeting and lead time. When due, it becomes one `reminder`
//!   row per registrant who then holds a confirmed seat (so a seat confirmed later gets none
//!   for that lead time: its confirmation carried the same details).
//! - `reminder`: one registrant's reminder, written with a fresh manage link when sent.
//! - `minutes_due`: one per meeting, ever (its Message-ID is fixed); due when the meeting
//!   ends, held back until `QUORUM_MINUTES_DUE_DAYS` later.
//!
//! Whenever a meeting is written (created, moved, published, cancelled, its reminders or
//! tz rules changed), `schedule` replaces what was waiting for it.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::meeting_row::Meeting;
use super::outbox::{OutboxMessage, PENDING, SENT};
use super::schema::outbox::{self, dsl as o};
use super::schema::registrations::dsl as r;
use super::schema::seats::dsl as s;
use super::DbConn;
use crate::domain::{MeetingStatus, RegistrationStatus};

pub const REMINDERS_DUE: &str = "reminders_due";
pub const REMINDER: &str = "reminder";
pub const MINUTES_DUE: &str = "minutes_due";

/// The kinds of message written when they are sent (their body is empty until then),
/// announcements to followers (`db::announcements`) included.
const KINDS: [&str; 5] = [
    REMINDERS_DUE,
    REMINDER,
    MINUTES_DUE,
    super::announcements::ANNOUNCE,
    super::announcements::ANNOUNCEMENT,
];

/// Whether a claimed message is written when it is sent.
pub fn written_when_sent(kind: &str) -> bool {
    KINDS.contains(&kind)
}

#[derive(Insertable, Debug)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
struct NewScheduled<'a> {
    message_id: &'a str,
    kind: &'a str,
    meeting_id: Option<i64>,
    registration_id: Option<i64>,
    lead_minutes: Option<i32>,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: &'a str,
    status: &'a str,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

impl<'a> NewScheduled<'a> {
    fn new(message_id: &'a str, kind: &'a str, m: &Meeting, due: NaiveDateTime) -> Self {
        NewScheduled {
            message_id,
            kind,
            meeting_id: Some(m.id),
            registration_id: None,
            lead_minutes: None,
            recipient: "",
            subject: "",
            body_text: "",
            body_html: "",
            status: PENDING,
            next_attempt_at: due,
            created_at: super::now(),
        }
    }

    /// Written once: a row with the same Message-ID already there (sent or waiting) wins.
    fn insert(&self, conn: &mut DbConn) -> QueryResult<usize> {
        let insert = diesel::insert_into(o::outbox)
            .values(self)
            .on_conflict_do_nothing();
        match conn {
            DbConn::Postgresql(c) => insert.execute(c),
            DbConn::Sqlite(c) => insert.execute(c),
        }
    }
}

/// Replaces the meeting's waiting reminders and minutes-due note with ones for the meeting
/// as it is now. Call in the transaction that wrote the meeting. A row that a worker holds
/// right now is left to it.
pub fn schedule(conn: &mut DbConn, m: &Meeting) -> QueryResult<()> {
    let now = super::now();
    let waiting = || {
        o::outbox
            .filter(o::meeting_id.eq(m.id))
            .filter(o::status.eq(PENDING))
            .filter(o::kind.eq_any([REMINDERS_DUE, MINUTES_DUE]))
            .filter(o::lease_until.is_null().or(o::lease_until.lt(now)))
    };
    // Reminders that fell due but have not gone yet (the worker is behind, or the instance
    // that held them died): replaced by ones due at once, not dropped.
    let overdue: Vec<Option<i32>> = waiting()
        .filter(o::kind.eq(REMINDERS_DUE))
        .filter(o::next_attempt_at.le(now))
        .select(o::lead_minutes)
        .load(conn)?;
    diesel::delete(waiting()).execute(conn)?;
    if m.status() != MeetingStatus::Published {
        return Ok(());
    }
    for lead in m.reminder_leads() {
        let mut due = m.starts_at - Duration::minutes(i64::from(lead));
        if due <= now {
            let still_owed = overdue.contains(&i32::try_from(lead).ok());
            if !still_owed || m.starts_at <= now {
                continue;
            }
            due = now;
        }
        let id = format!("<reminders.{}.{lead}.{}>", m.id, random_hex());
        let mut row = NewScheduled::new(&id, REMINDERS_DUE, m, due);
        row.lead_minutes = i32::try_from(lead).ok();
        row.insert(conn)?;
    }
    // Only for meetings entered before they ended, not for the archive entered afterwards.
    if m.created_at < m.ends_at {
        let id = format!("<minutes-due.{}>", m.uid);
        NewScheduled::new(&id, MINUTES_DUE, m, m.ends_at).insert(conn)?;
    }
    Ok(())
}

/// Turns a due `reminders_due` row into one `reminder` row per registrant holding a
/// confirmed seat in `m`, due at once; answers how many. The row is settled first, so that
/// it is expanded once even if a move of the meeting races with it.
pub fn expand(conn: &mut DbConn, due: &OutboxMessage, m: &Meeting) -> QueryResult<usize> {
    let now = super::now();
    let settled = diesel::update(o::outbox.find(due.id).filter(o::status.eq(PENDING)))
        .set((
            o::status.eq(SENT),
            o::sent_at.eq(now),
            o::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    // A row claimed just before the meeting moved later is not due for the meeting as it
    // is now: the row that replaced it is.
    let lead = Duration::minutes(due.lead_minutes.map_or(0, i64::from));
    let due_now = m.starts_at - lead <= now;
    if settled == 0 || m.status() != MeetingStatus::Published || m.starts_at <= now || !due_now {
        return Ok(0);
    }
    let holders: Vec<i64> = s::seats
        .inner_join(r::registrations)
        .filter(s::meeting_id.eq(m.id))
        .filter(s::status.eq(RegistrationStatus::Confirmed.as_str()))
        .filter(r::status.eq(super::registrations::ACTIVE))
        .select(r::id)
        .order(r::id)
        .load(conn)?;
    let mut written = 0;
    for registration in &holders {
        let id = format!("<reminder.{registration}.{}.{}>", due.id, m.uid);
        let mut row = NewScheduled::new(&id, REMINDER, m, now);
        row.registration_id = Some(*registration);
        row.lead_minutes = due.lead_minutes;
        written += row.insert(conn)?;
    }
    Ok(written)
}

/// Scheduled messages that are not due yet: counted apart from the mail waiting to go.
pub fn waiting(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<i64> {
    o::outbox
        .filter(o::status.eq(PENDING))
        .filter(o::kind.eq_any(KINDS))
        .filter(o::next_attempt_at.gt(now))
        .count()
        .get_result(conn)
}

/// Drops a claimed message that is no longer wanted (its meeting or registration went).
pub fn drop_unwanted(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    diesel::delete(o::outbox.find(id).filter(o::status.eq(PENDING)))
        .execute(conn)
        .map(|_| ())
}

/// Gives a claimed message back to wait until `at` (the claim does not count as an attempt).
pub fn defer(conn: &mut DbConn, id: i64, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(o::outbox.find(id).filter(o::status.eq(PENDING)))
        .set((
            o::next_attempt_at.eq(at),
            o::attempts.eq(o::attempts - 1),
            o::lease_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|_| ())
}

fn random_hex() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
