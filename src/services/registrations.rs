//! Registering, cancelling and switching attendance, with waitlists and promotion.
//! Every operation locks the meeting row first, so seat counts are exact under concurrency
//! on both backends and across instances.

use chrono::Utc;

use crate::db::groups::{self, Group};
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, NewRegistration, Registration};
use crate::db::{self, DbConn};
use crate::domain::{token, Attendance, EmailAddress, FieldErrors, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{self, MailContext, MailKind};

/// A registration request that passed validation.
#[derive(Debug, Clone)]
pub struct RegistrationInput {
    pub name: String,
    pub email: EmailAddress,
    pub affiliation: Option<String>,
    pub attendance: Attendance,
}

/// Raw fields as a form or JSON body delivers them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RawRegistration {
    pub name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub attendance: Option<String>,
}

impl RawRegistration {
    pub fn parse(&self) -> Result<RegistrationInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = crate::domain::required_text(&mut errors, "name", self.name.as_deref(), 200);
        crate::domain::single_line(&mut errors, "name", &name);
        let email = match EmailAddress::parse(self.email.as_deref().unwrap_or("")) {
            Ok(e) => Some(e),
            Err(msg) => {
                errors.add("email", msg);
                None
            }
        };
        let affiliation = crate::domain::optional_text(
            &mut errors,
            "affiliation",
            self.affiliation.as_deref(),
            200,
        );
        if let Some(a) = &affiliation {
            crate::domain::single_line(&mut errors, "affiliation", a);
        }
        let attendance = match self.attendance.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("attendance", "Choose how you will attend.");
                None
            }
            Some(a) => match Attendance::parse(a) {
                Some(a) => Some(a),
                None => {
                    errors.add(
                        "attendance",
                        format!("Must be one of: {}.", Attendance::names()),
                    );
                    None
                }
            },
        };
        match (email, attendance) {
            (Some(email), Some(attendance)) if errors.is_empty() => Ok(RegistrationInput {
                name,
                email,
                affiliation,
                attendance,
            }),
            _ => Err(errors),
        }
    }
}

/// What became of a registration request.
#[derive(Debug)]
pub enum Registered {
    /// A new registration; the token is the secret of its manage link.
    New {
        registration: Registration,
        token: String,
    },
    /// The address already had one; its manage link was rotated and mailed again.
    Existing { registration: Registration },
}

/// Registers an observer, or re-mails the manage link if the address is already registered.
/// A draft meeting is not found: it is not public. `group` is the meeting's group if the
/// caller has it at hand (from the page cache); it is read otherwise.
///
/// On PostgreSQL this is five round trips: `BEGIN`, the meeting row locked and read, the
/// insert (which finds an existing registration of the address through the unique index),
/// the outbox row, `COMMIT`.
pub fn register(
    conn: &mut DbConn,
    ctx: &MailContext,
    group: Option<&Group>,
    meeting_id: i64,
    input: &RegistrationInput,
) -> Result<Registered, AppError> {
    db::write_tx(conn, |conn| {
        let meeting = meetings::lock(conn, meeting_id)?
            .filter(|m| m.status() != crate::domain::MeetingStatus::Draft)
            .ok_or(AppError::NotFound("meeting"))?;
        let group = match group {
            Some(g) if g.id == meeting.group_id => g.clone(),
            _ => groups::find(conn, meeting.group_id)?,
        };
        let now = db::now();
        meeting
            .registration_state(now)
            .map_err(|closed| AppError::Gone {
                code: "registration_closed",
                message: closed.message().to_string(),
            })?;
        if !meeting.format().offers(input.attendance) {
            let mut errors = FieldErrors::default();
            errors.add(
                "attendance",
                format!(
                    "This meeting is {}; {} attendance is not offered.",
                    meeting.format().label().to_lowercase(),
                    input.attendance.label().to_lowercase()
                ),
            );
            return Err(AppError::Validation(errors));
        }
        let normalized = input.email.normalized();
        let Some(status) = seat_for(conn, &meeting, input.attendance)? else {
            // Full: someone already registered hears about their registration, not this.
            return match regs::find_active_by_email(conn, meeting_id, &normalized)? {
                Some(existing) => already_registered(conn, ctx, &meeting, &group, existing),
                None => Err(AppError::Conflict {
                    code: "full",
                    message: format!(
                        "No {} seats are left and this meeting has no waitlist.",
                        input.attendance.label().to_lowercase()
                    ),
                }),
            };
        };
        let token = token::generate();
        let token_hash = token::hash(&token);
        let inserted = regs::insert_unless_registered(
            conn,
            &NewRegistration {
                meeting_id,
                token_hash: &token_hash,
                name: &input.name,
                email: input.email.as_str(),
                email_normalized: &normalized,
                affiliation: input.affiliation.as_deref(),
                attendance: input.attendance.as_str(),
                status: status.as_str(),
                created_at: now,
                updated_at: now,
            },
        )?;
        let Some(registration) = inserted else {
            return match regs::find_active_by_email(conn, meeting_id, &normalized)? {
                Some(existing) => already_registered(conn, ctx, &meeting, &group, existing),
                // Another unique value collided (a token: practically impossible).
                None => Err(AppError::Conflict {
                    code: "already_registered",
                    message: "This address is already registered for this meeting.".into(),
                }),
            };
        };
        let kind = match status {
            RegistrationStatus::Confirmed => MailKind::Confirmed,
            _ => MailKind::Waitlisted,
        };
        mail::enqueue(
            conn,
            ctx,
            kind,
            &meeting,
            &group,
            &registration,
            Some(&token),
            Utc::now(),
        )?;
        Ok(Registered::New {
            registration,
            token,
        })
    })
}

/// The address is registered already: a new manage link replaces the old one (only its
/// hash is stored) and is mailed to the address, never shown to whoever asked.
fn already_registered(
    conn: &mut DbConn,
    ctx: &MailContext,
    meeting: &Meeting,
    group: &Group,
    existing: Registration,
) -> Result<Registered, AppError> {
    let token = token::generate();
    regs::set_token_hash(conn, existing.id, &token::hash(&token))?;
    mail::enqueue(
        conn,
        ctx,
        MailKind::AlreadyRegistered,
        meeting,
        group,
        &existing,
        Some(&token),
        Utc::now(),
    )?;
    Ok(Registered::Existing {
        registration: existing,
    })
}

/// The status a new or switching registration gets in `attendance`: a seat, the waitlist,
/// or `None` when full without a waitlist. Call with the meeting row locked.
pub fn seat_for(
    conn: &mut DbConn,
    meeting: &Meeting,
    attendance: Attendance,
) -> Result<Option<RegistrationStatus>, AppError> {
    let has_room = match meeting.capacity(attendance) {
        None => true,
        Some(cap) => regs::count_confirmed(conn, meeting.id, attendance)? < i64::from(cap),
    };
    Ok(if has_room {
        Some(RegistrationStatus::Confirmed)
    } else if meeting.waitlist {
        Some(RegistrationStatus::Waitlisted)
    } else {
        None
    })
}

/// Gives free seats of `attendance` to the longest-waiting registrations, mailing each an
/// invite. Call with the meeting row locked, inside the transaction that freed the seat.
pub fn promote_waitlisted(
    conn: &mut DbConn,
    ctx: &MailContext,
    meeting: &Meeting,
    group: &Group,
    attendance: Attendance,
) -> Result<usize, AppError> {
    let mut promoted = 0;
    if meeting.status() != crate::domain::MeetingStatus::Published {
        return Ok(0);
    }
    loop {
        if seat_for(conn, meeting, attendance)? != Some(RegistrationStatus::Confirmed) {
            break;
        }
        let Some(next) = regs::oldest_waitlisted(conn, meeting.id, attendance)? else {
            break;
        };
        regs::set_status(conn, next.id, RegistrationStatus::Confirmed, db::now())?;
        let next = Registration {
            status: RegistrationStatus::Confirmed.as_str().to_string(),
            ..next
        };
        if next.series_registration_id.is_some() {
            // The series invite already holds this meeting: a notice is enough.
            let text = format!(
                "Hello {},\n\nA seat has become free and it is now yours: you are confirmed for {} on {} ({}).\n\nMeeting page: {}\n",
                next.name,
                meeting.title,
                crate::views::when_local(meeting),
                crate::views::when_utc(meeting),
                ctx.meeting_url(meeting)
            );
            crate::mail::messages::enqueue_plain(
                conn,
                ctx,
                MailKind::Promoted,
                Some(meeting.id),
                &next.email,
                &format!("A seat is yours: {}", meeting.title),
                &text,
                None,
            )?;
        } else {
            mail::enqueue(
                conn,
                ctx,
                MailKind::Promoted,
                meeting,
                group,
                &next,
                None,
                Utc::now(),
            )?;
        }
        promoted += 1;
    }
    Ok(promoted)
}

/// A registration found by its manage-link secret, with its meeting.
pub struct Managed {
    pub registration: Registration,
    pub meeting: Meeting,
    pub group: Group,
}

pub fn find_by_token(conn: &mut DbConn, secret: &str) -> Result<Managed, AppError> {
    if !token::looks_valid(secret) {
        return Err(AppError::NotFound("registration"));
    }
    let registration = regs::find_by_token_hash(conn, &token::hash(secret))?
        .ok_or(AppError::NotFound("registration"))?;
    let (meeting, group) = meetings::find_with_group(conn, registration.meeting_id)?
        .ok_or(AppError::NotFound("meeting"))?;
    Ok(Managed {
        registration,
        meeting,
        group,
    })
}

/// The observer cancels; a freed seat goes to the waitlist in the same transaction.
pub fn cancel_by_token(conn: &mut DbConn, ctx: &MailContext, secret: &str) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let found = find_by_token(conn, secret)?;
        db::lock_meeting(conn, found.meeting.id)?;
        // Re-read under the lock: a concurrent cancel may have won.
        let Managed {
            registration,
            meeting,
            group,
        } = find_by_token(conn, secret)?;
        let was = registration.status();
        if was == RegistrationStatus::Cancelled {
            return Ok(());
        }
        regs::set_status(
            conn,
            registration.id,
            RegistrationStatus::Cancelled,
            db::now(),
        )?;
        let cancelled = Registration {
            status: RegistrationStatus::Cancelled.as_str().to_string(),
            ..registration
        };
        mail::enqueue(
            conn,
            ctx,
            MailKind::ObserverCancelled,
            &meeting,
            &group,
            &cancelled,
            None,
            Utc::now(),
        )?;
        if was == RegistrationStatus::Confirmed && meeting.starts_at > db::now() {
            promote_waitlisted(conn, ctx, &meeting, &group, cancelled.attendance())?;
        }
        Ok(())
    })
}

/// The observer switches between in-person and remote attendance. The new mode's seat rules
/// apply (seat, waitlist, or refusal); a freed seat goes to the old mode's waitlist.
pub fn change_attendance(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
    attendance: Attendance,
) -> Result<RegistrationStatus, AppError> {
    db::write_tx(conn, |conn| {
        let found = find_by_token(conn, secret)?;
        db::lock_meeting(conn, found.meeting.id)?;
        let Managed {
            registration,
            meeting,
            group,
        } = find_by_token(conn, secret)?;
        let was = registration.status();
        if was == RegistrationStatus::Cancelled {
            return Err(AppError::Conflict {
                code: "conflict",
                message: "This registration has been cancelled.".into(),
            });
        }
        meeting
            .registration_state(db::now())
            .map_err(|closed| AppError::Gone {
                code: "registration_closed",
                message: closed.message().to_string(),
            })?;
        if !meeting.format().offers(attendance) {
            let mut errors = FieldErrors::default();
            errors.add("attendance", "This meeting does not offer that attendance.");
            return Err(AppError::Validation(errors));
        }
        let old = registration.attendance();
        if old == attendance {
            return Ok(was);
        }
        let status = seat_for(conn, &meeting, attendance)?.ok_or_else(|| AppError::Conflict {
            code: "full",
            message: format!(
                "No {} seats are left and this meeting has no waitlist.",
                attendance.label().to_lowercase()
            ),
        })?;
        regs::set_attendance(conn, registration.id, attendance, status, db::now())?;
        let changed = Registration {
            attendance: attendance.as_str().to_string(),
            status: status.as_str().to_string(),
            ..registration
        };
        let kind = if status == RegistrationStatus::Confirmed {
            MailKind::AttendanceChanged
        } else {
            MailKind::Waitlisted
        };
        mail::enqueue(
            conn,
            ctx,
            kind,
            &meeting,
            &group,
            &changed,
            None,
            Utc::now(),
        )?;
        if was == RegistrationStatus::Confirmed {
            promote_waitlisted(conn, ctx, &meeting, &group, old)?;
        }
        Ok(status)
    })
}

/// Looks up a group by slug for API callers.
pub fn group_by_slug(conn: &mut DbConn, slug: &str) -> Result<Group, AppError> {
    groups::find_by_slug(conn, slug)?.ok_or(AppError::NotFound("group"))
}

/// Staff mark an observer as arrived (or not).
pub fn set_checked_in(
    conn: &mut DbConn,
    registration_id: i64,
    checked_in: bool,
    actor: &crate::db::staff::Staff,
) -> Result<Registration, AppError> {
    use crate::db::schema::registrations::dsl as r;
    use diesel::prelude::*;
    db::write_tx(conn, |conn| {
        let at = checked_in.then(db::now);
        let n = diesel::update(r::registrations.find(registration_id))
            .set(r::checked_in_at.eq(at))
            .execute(conn)?;
        if n == 0 {
            return Err(AppError::NotFound("registration"));
        }
        let reg: Registration = r::registrations.find(registration_id).get_result(conn)?;
        crate::db::sessions::audit(
            conn,
            actor,
            if checked_in {
                "registration.check_in"
            } else {
                "registration.undo_check_in"
            },
            &format!("registration:{registration_id}"),
            None,
            None,
        )?;
        Ok(reg)
    })
}

/// Removes a person's data from a registration (kept as an anonymous cancelled row so the
/// counts stay right); a freed seat goes to the waitlist.
pub fn remove_personal_data(
    conn: &mut DbConn,
    ctx: &MailContext,
    registration_id: i64,
    actor: &crate::db::staff::Staff,
) -> Result<i64, AppError> {
    use crate::db::schema::registrations::dsl as r;
    use diesel::prelude::*;
    db::write_tx(conn, |conn| {
        let reg: Registration = r::registrations
            .find(registration_id)
            .get_result(conn)
            .optional()?
            .ok_or(AppError::NotFound("registration"))?;
        db::lock_meeting(conn, reg.meeting_id)?;
        let reg: Registration = r::registrations.find(registration_id).get_result(conn)?;
        let placeholder = format!("removed-{registration_id}@invalid");
        diesel::update(r::registrations.find(registration_id))
            .set((
                r::name.eq("(removed)"),
                r::email.eq(&placeholder),
                r::email_normalized.eq(&placeholder),
                r::affiliation.eq(None::<String>),
                r::status.eq(RegistrationStatus::Cancelled.as_str()),
                r::token_hash.eq(token::hash(&token::generate())),
                r::updated_at.eq(db::now()),
            ))
            .execute(conn)?;
        if reg.status() == RegistrationStatus::Confirmed {
            if let Some((meeting, group)) = meetings::find_with_group(conn, reg.meeting_id)? {
                if meeting.starts_at > db::now() {
                    promote_waitlisted(conn, ctx, &meeting, &group, reg.attendance())?;
                }
            }
        }
        crate::db::sessions::audit(
            conn,
            actor,
            "registration.remove_personal_data",
            &format!("registration:{registration_id}"),
            Some(
                &serde_json::json!({"meeting_id": reg.meeting_id, "status": reg.status, "attendance": reg.attendance}),
            ),
            None,
        )?;
        Ok(reg.meeting_id)
    })
}
