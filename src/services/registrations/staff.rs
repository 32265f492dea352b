//! What staff do to registrations: check observers in, day by day, and remove a person's data.

use super::seats as seat_rules;
use crate::db::registrations as regs;
use crate::db::seats::{self, Seat};
use crate::db::staff::Staff;
use crate::db::{self, outbox, sessions, DbConn};
use crate::error::AppError;
use crate::mail::MailContext;

/// Staff mark an observer as arrived on one day (0 = the first) of a meeting, or undo it.
pub fn set_checked_in(
    conn: &mut DbConn,
    seat_id: i64,
    day: i32,
    checked_in: bool,
    actor: &Staff,
) -> Result<Seat, AppError> {
    db::write_tx(conn, |conn| {
        let seat = seats::find(conn, seat_id)?.ok_or(AppError::NotFound("registration"))?;
        let days = crate::db::meetings::find(conn, seat.meeting_id)?
            .map(|m| m.schedule().spans().len())
            .unwrap_or(1);
        if !(0..days as i32).contains(&day) {
            let mut errors = crate::domain::FieldErrors::default();
            errors.add("day", format!("This meeting has {days} day(s)."));
            return Err(AppError::Validation(errors));
        }
        seats::set_checked_in(conn, seat_id, day, checked_in.then(db::now))?;
        sessions::audit(
            conn,
            actor,
            if checked_in {
                "registration.check_in"
            } else {
                "registration.undo_check_in"
            },
            &format!("registration:{seat_id}"),
            None,
            Some(&serde_json::json!({ "day": day })),
        )?;
        Ok(seat)
    })
}

/// Removes a person's data from the registration that holds `seat_id` (kept as an anonymous
/// cancelled row so the counts stay right) and from the outbox (unsent mail to them is
/// deleted, kept mail loses its content); every seat still ahead goes to the waitlist.
/// Answers the seat's meeting.
pub fn remove_personal_data(
    conn: &mut DbConn,
    ctx: &MailContext,
    seat_id: i64,
    actor: &Staff,
) -> Result<i64, AppError> {
    db::write_tx(conn, |conn| {
        let seat = seats::find(conn, seat_id)?.ok_or(AppError::NotFound("registration"))?;
        let reg =
            regs::find(conn, seat.registration_id)?.ok_or(AppError::NotFound("registration"))?;
        super::Subject::lock(conn, reg.target(), None)?;
        let now = db::now();
        regs::erase_person(conn, reg.id, now)?;
        outbox::forget_registrations(conn, &[reg.id], std::slice::from_ref(&reg.email), now)?;
        for s in seats::of_registration(conn, reg.id)? {
            let ahead =
                crate::db::meetings::find(conn, s.meeting_id)?.is_some_and(|m| m.starts_at > now);
            if ahead {
                seat_rules::release(conn, ctx, &s, now)?;
            }
        }
        sessions::audit(
            conn,
            actor,
            "registration.remove_personal_data",
            &format!("registration:{seat_id}"),
            Some(&serde_json::json!({
                "meeting_id": seat.meeting_id,
                "registration_id": reg.id,
                "status": seat.status,
                "attendance": seat.attendance,
            })),
            None,
        )?;
        Ok(seat.meeting_id)
    })
}
