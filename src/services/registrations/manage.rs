//! What an observer does behind the manage link: look, cancel, switch attendance.

use chrono::NaiveDateTime;

use super::{seats as seat_rules, Subject};
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, Registration, Target};
use crate::db::seats::{self, Seat};
use crate::db::{self, DbConn};
use crate::domain::{token, Attendance, FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{self, MailContext, MailKind, Recipient};

/// A registration found by its manage-link secret, with what it is for and its seats.
pub struct Managed {
    pub registration: Registration,
    pub subject: Subject,
    /// Every seat with its meeting, in meeting order.
    pub seats: Vec<(Seat, Meeting)>,
    pub status: RegistrationStatus,
}

pub fn find_by_token(conn: &mut DbConn, secret: &str) -> Result<Managed, AppError> {
    if !token::looks_valid(secret) {
        return Err(AppError::NotFound("registration"));
    }
    let registration = regs::find_by_token_hash(conn, &token::hash(secret))?
        .ok_or(AppError::NotFound("registration"))?;
    let subject = Subject::load(conn, registration.target())?;
    let held = match &subject {
        // One meeting: its seat, beside the meeting just loaded (not read a second time).
        Subject::Meeting(m, _) => seats::of_registration(conn, registration.id)?
            .into_iter()
            .map(|s| (s, m.clone()))
            .collect(),
        Subject::Series(_) => seats::of_registration_with_meetings(conn, registration.id)?,
    };
    let status = standing_of(&registration, held.iter().map(|(s, _)| s.status()));
    Ok(Managed {
        registration,
        subject,
        seats: held,
        status,
    })
}

/// How long before a day's start the manage page leads with "Join now".
pub const JOIN_EARLY: chrono::Duration = chrono::Duration::minutes(15);

/// The join URL to lead the manage page with: a confirmed remote registrant's, from
/// `JOIN_EARLY` before the start of a day of a meeting in which they hold a confirmed remote
/// seat until that day ends.
pub fn join_now(found: &Managed, now: chrono::NaiveDateTime) -> Option<&str> {
    if found.status != RegistrationStatus::Confirmed
        || found.registration.attendance() != Attendance::Remote
    {
        return None;
    }
    found
        .seats
        .iter()
        .filter(|(s, m)| {
            s.status() == RegistrationStatus::Confirmed
                && s.attendance() == Attendance::Remote
                && m.status() == MeetingStatus::Published
                && m.format().has_online()
        })
        .map(|(_, m)| m)
        .find(|m| {
            m.schedule()
                .spans()
                .iter()
                .any(|&(start, end)| start - JOIN_EARLY <= now && now < end)
        })
        .and_then(|m| m.online_url.as_deref())
}

/// Where a registration stands: its seat's status for a meeting; confirmed for an active
/// whole-series registration; cancelled once cancelled.
pub fn standing(conn: &mut DbConn, reg: &Registration) -> Result<RegistrationStatus, AppError> {
    let held = seats::of_registration(conn, reg.id)?;
    Ok(standing_of(reg, held.iter().map(Seat::status)))
}

fn standing_of(
    reg: &Registration,
    mut seat_statuses: impl Iterator<Item = RegistrationStatus>,
) -> RegistrationStatus {
    if !reg.is_active() {
        return RegistrationStatus::Cancelled;
    }
    if reg.is_pending() {
        return RegistrationStatus::Pending;
    }
    match reg.target() {
        Target::Series(_) => RegistrationStatus::Confirmed,
        Target::Meeting(_) => seat_statuses
            .next()
            .unwrap_or(RegistrationStatus::Cancelled),
    }
}

/// Finds the registration again with its meeting or series locked: a concurrent change may
/// have won the lock.
fn find_locked(conn: &mut DbConn, secret: &str) -> Result<Managed, AppError> {
    let found = find_by_token(conn, secret)?;
    Subject::lock(conn, found.registration.target(), None)?;
    find_by_token(conn, secret)
}

/// What cancelling did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    /// The registration is cancelled (or already was); its seats are free.
    Cancelled,
    /// It was never confirmed: it is deleted with its personal data.
    Withdrawn,
}

/// The observer cancels: every seat in a meeting still ahead is freed (and goes to the
/// waitlist), and a cancellation of the invite is sent. A registration still pending is
/// deleted instead (there is no invite to cancel).
pub fn cancel_by_token(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<Cancelled, AppError> {
    db::write_tx(conn, |conn| {
        let found = find_locked(conn, secret)?;
        if found.registration.is_pending() {
            regs::delete_with_links(conn, &[found.registration.id], db::now())?;
            return Ok(Cancelled::Withdrawn);
        }
        if !found.registration.is_active() {
            return Ok(Cancelled::Cancelled);
        }
        let now = db::now();
        regs::set_status(conn, found.registration.id, regs::CANCELLED, now)?;
        for (seat, m) in &found.seats {
            if m.starts_at > now {
                seat_rules::release(conn, ctx, seat, now)?;
            }
        }
        let to = Recipient {
            registration: &found.registration,
            status: RegistrationStatus::Cancelled,
            seat_checked: false,
        };
        mail::enqueue(
            conn,
            ctx,
            MailKind::ObserverCancelled,
            &found.subject.about(),
            &to,
            None,
        )?;
        Ok(Cancelled::Cancelled)
    })
}

/// The observer switches between in-person and remote attendance in every meeting still
/// open. The new mode's seat rules apply (seat, waitlist, or refusal); a freed seat goes to
/// the old mode's waitlist.
pub fn change_attendance(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
    attendance: Attendance,
) -> Result<RegistrationStatus, AppError> {
    db::write_tx(conn, |conn| {
        let found = find_locked(conn, secret)?;
        if !found.registration.is_active() {
            return Err(AppError::Conflict {
                code: "conflict",
                message: "This registration has been cancelled.".into(),
            });
        }
        let now = db::now();
        let open = found.subject.open_meetings(now)?;
        if !open.iter().any(|m| m.format().offers(attendance)) {
            let mut errors = FieldErrors::default();
            errors.add("attendance", crate::domain::Problem::NotOfferedHere);
            return Err(AppError::Validation(errors));
        }
        if found.registration.attendance() == attendance {
            return Ok(found.status);
        }
        if found.registration.is_pending() {
            // No seat yet: the choice applies when the address is confirmed.
            regs::set_attendance(conn, found.registration.id, attendance, now)?;
            return Ok(RegistrationStatus::Pending);
        }
        let mut status = RegistrationStatus::Waitlisted;
        for (seat, m) in found.seats.iter().filter(|(s, m)| {
            s.status() != RegistrationStatus::Cancelled && open.iter().any(|o| o.id == m.id)
        }) {
            let new = switch_seat(conn, ctx, seat, m, attendance, now)?;
            if new == RegistrationStatus::Confirmed {
                status = new;
            }
        }
        regs::set_attendance(conn, found.registration.id, attendance, now)?;
        let changed = Registration {
            attendance: attendance.as_str().to_string(),
            ..found.registration.clone()
        };
        let status = match found.subject {
            Subject::Series(_) => RegistrationStatus::Confirmed,
            Subject::Meeting(..) => status,
        };
        let kind = if status == RegistrationStatus::Confirmed {
            MailKind::AttendanceChanged
        } else {
            MailKind::Waitlisted
        };
        let to = Recipient {
            registration: &changed,
            status,
            seat_checked: false,
        };
        mail::enqueue(conn, ctx, kind, &found.subject.about(), &to, None)?;
        Ok(status)
    })
}

/// Moves one seat to another mode of the same meeting.
fn switch_seat(
    conn: &mut DbConn,
    ctx: &MailContext,
    seat: &Seat,
    m: &Meeting,
    attendance: Attendance,
    now: NaiveDateTime,
) -> Result<RegistrationStatus, AppError> {
    db::lock_meeting(conn, m.id)?;
    if !m.format().offers(attendance) {
        return Ok(seat.status());
    }
    let status =
        seat_rules::seat_for(conn, m, attendance)?.ok_or_else(|| seat_rules::full(attendance))?;
    seats::set(conn, seat.id, attendance, status, now)?;
    if seat.status() == RegistrationStatus::Confirmed {
        let (m, group) =
            meetings::find_with_group(conn, m.id)?.ok_or(AppError::NotFound("meeting"))?;
        seat_rules::promote_waitlisted(conn, ctx, &m, &group, seat.attendance())?;
    }
    Ok(status)
}
