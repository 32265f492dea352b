//! Seats in one meeting: taking one, giving one up, and handing free seats to the waitlist.
//! Call every function here with the meeting's row locked, inside the transaction.

use chrono::NaiveDateTime;

use super::Subject;
use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::registrations::{self as regs, Registration};
use crate::db::seats::{self, NewSeat, Seat};
use crate::db::{self, DbConn};
use crate::domain::{Attendance, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::changes::ChangeLine;
use crate::mail::messages::Letter;
use crate::mail::{self, MailContext, MailKind, Recipient};

/// The status a new or switching seat gets in `attendance`: a seat, the waitlist, or `None`
/// when full without a waitlist.
pub fn seat_for(
    conn: &mut DbConn,
    meeting: &Meeting,
    attendance: Attendance,
) -> Result<Option<RegistrationStatus>, AppError> {
    let has_room = match meeting.capacity(attendance) {
        None => true,
        Some(cap) => seats::count_confirmed(conn, meeting.id, attendance)? < i64::from(cap),
    };
    Ok(if has_room {
        Some(RegistrationStatus::Confirmed)
    } else if meeting.waitlist {
        Some(RegistrationStatus::Waitlisted)
    } else {
        None
    })
}

/// The refusal when a mode is full and the meeting has no waitlist.
pub fn full(attendance: Attendance) -> AppError {
    AppError::Conflict {
        code: "full",
        message: format!(
            "No {} seats are left and this meeting has no waitlist.",
            attendance.label(crate::i18n::Lang::En).to_lowercase()
        ),
    }
}

/// Gives `reg` a seat (or a waitlist place) in `m`. For a registration to this very meeting
/// the caller has locked the row and decided the status (`known`); for a series occurrence
/// the row is locked here, and an occurrence that is full (without waitlist) or where the
/// address holds a seat already is skipped (`None`).
pub fn take(
    conn: &mut DbConn,
    m: &Meeting,
    reg: &Registration,
    known: Option<RegistrationStatus>,
) -> Result<Option<RegistrationStatus>, AppError> {
    let attendance = reg.attendance();
    let status = match known {
        Some(status) => status,
        None => {
            db::lock_meeting(conn, m.id)?;
            if seats::held_by_email(conn, m.id, &reg.email_normalized)?.is_some() {
                return Ok(None);
            }
            match seat_for(conn, m, attendance)? {
                Some(status) => status,
                None => return Ok(None),
            }
        }
    };
    let now = db::now();
    seats::insert(
        conn,
        &NewSeat {
            registration_id: reg.id,
            meeting_id: m.id,
            attendance: attendance.as_str(),
            status: status.as_str(),
            created_at: now,
            updated_at: now,
        },
    )?;
    Ok(Some(status))
}

/// Gives up a seat; a freed confirmed seat in a meeting still ahead goes to the waitlist.
pub fn release(
    conn: &mut DbConn,
    ctx: &MailContext,
    seat: &Seat,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if seat.status() == RegistrationStatus::Cancelled {
        return Ok(());
    }
    let Some((m, group)) = crate::db::meetings::find_with_group(conn, seat.meeting_id)? else {
        return Ok(());
    };
    db::lock_meeting(conn, m.id)?;
    seats::set(
        conn,
        seat.id,
        seat.attendance(),
        RegistrationStatus::Cancelled,
        now,
    )?;
    if seat.status() == RegistrationStatus::Confirmed && m.starts_at > now {
        promote_waitlisted(conn, ctx, &m, &group, seat.attendance())?;
    }
    Ok(())
}

/// Gives free seats of `attendance` to the longest-waiting registrations, mailing each an
/// invite (a series registrant: the occurrence's). Call with the meeting row locked, inside
/// the transaction that freed the seat.
pub fn promote_waitlisted(
    conn: &mut DbConn,
    ctx: &MailContext,
    meeting: &Meeting,
    group: &Group,
    attendance: Attendance,
) -> Result<usize, AppError> {
    let mut promoted = 0;
    if meeting.status() != MeetingStatus::Published {
        return Ok(0);
    }
    while seat_for(conn, meeting, attendance)? == Some(RegistrationStatus::Confirmed) {
        let Some(next) = seats::oldest_waitlisted(conn, meeting.id, attendance)? else {
            break;
        };
        seats::set(
            conn,
            next.id,
            attendance,
            RegistrationStatus::Confirmed,
            db::now(),
        )?;
        let reg =
            regs::find(conn, next.registration_id)?.ok_or(AppError::NotFound("registration"))?;
        let to = Recipient {
            registration: &reg,
            status: RegistrationStatus::Confirmed,
            seat_checked: false,
        };
        mail_about_seat(conn, ctx, MailKind::Promoted, meeting, group, &to, &[])?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Mails someone about their seat in `meeting`: a meeting registrant about the meeting, a
/// series registrant about that occurrence of the series; `changes` tell what a staff change
/// did (empty for any other mail).
pub fn mail_about_seat(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    meeting: &Meeting,
    group: &Group,
    to: &Recipient<'_>,
    changes: &[ChangeLine],
) -> Result<(), AppError> {
    let mut series = std::collections::HashMap::new();
    let target = to.registration.target();
    let Some(about) = Subject::about_meeting(conn, &mut series, target, meeting, group)? else {
        return Ok(());
    };
    let letter = Letter {
        kind,
        about: &about,
        to,
        token: None,
    };
    mail::messages::enqueue_letter(conn, ctx, &letter, changes)?;
    Ok(())
}
