//! Registering for a meeting, for the days of a multi-day meeting or for every occurrence of a
//! series: one path. A registration takes a seat (or a waitlist place) in each meeting it covers;
//! every operation locks what it changes first, so seat counts are exact under concurrency on
//! both backends and across instances.

pub mod manage;
pub mod seats;
pub mod staff;

use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, NewRegistration, Registration, Target};
use crate::db::series::{self, Loaded};
use crate::db::{self, DbConn};
use crate::domain::registration::RegistrationInput;
use crate::domain::{token, FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{self, About, MailContext, MailKind, Recipient};

/// What a registration is for, loaded: a meeting with its group, or a series.
/// One lives per request, so the size difference of the variants does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Subject {
    Meeting(Meeting, Group),
    Series(Loaded),
}

impl Subject {
    /// Loads a meeting or series that the public may see (drafts are not found).
    pub fn load(conn: &mut DbConn, target: Target) -> Result<Subject, AppError> {
        match target {
            Target::Meeting(id) => {
                let (m, g) = meetings::find_with_group(conn, id)?
                    .filter(|(m, _)| m.status() != MeetingStatus::Draft)
                    .ok_or(AppError::NotFound("meeting"))?;
                Ok(Subject::Meeting(m, g))
            }
            Target::Series(id) => {
                let loaded = series::load(conn, id)?
                    .filter(|l| {
                        l.occurrences
                            .iter()
                            .any(|m| m.status() != MeetingStatus::Draft)
                    })
                    .ok_or(AppError::NotFound("series"))?;
                Ok(Subject::Series(loaded))
            }
        }
    }

    /// Locks the meeting's or the series' row for the rest of the transaction, then loads it.
    /// `group` is the meeting's group when the caller has it at hand (from the page cache).
    pub fn lock(
        conn: &mut DbConn,
        target: Target,
        group: Option<&Group>,
    ) -> Result<Subject, AppError> {
        match target {
            Target::Meeting(id) => {
                let m = meetings::lock(conn, id)?
                    .filter(|m| m.status() != MeetingStatus::Draft)
                    .ok_or(AppError::NotFound("meeting"))?;
                let g = match group {
                    Some(g) if g.id == m.group_id => g.clone(),
                    _ => crate::db::groups::find(conn, m.group_id)?,
                };
                Ok(Subject::Meeting(m, g))
            }
            Target::Series(id) => {
                if !series::lock(conn, id)? {
                    return Err(not_found(target));
                }
                Subject::load(conn, target)
            }
        }
    }

    pub fn about(&self) -> About<'_> {
        match self {
            Subject::Meeting(m, g) => About::Meeting(m, g),
            Subject::Series(l) => About::Series(l),
        }
    }

    /// The meetings in which a registration made now takes seats.
    pub fn open_meetings(&self, now: chrono::NaiveDateTime) -> Result<Vec<&Meeting>, AppError> {
        match self {
            Subject::Meeting(m, _) => match m.registration_state(now) {
                Ok(()) => Ok(vec![m]),
                Err(closed) => Err(AppError::Gone {
                    code: "registration_closed",
                    message: closed.message().to_string(),
                }),
            },
            Subject::Series(l) => {
                let open: Vec<&Meeting> = l
                    .occurrences
                    .iter()
                    .filter(|m| m.registration_state(now).is_ok())
                    .collect();
                if open.is_empty() {
                    return Err(AppError::Gone {
                        code: "registration_closed",
                        message: "No occurrence of this series is open for registration.".into(),
                    });
                }
                Ok(open)
            }
        }
    }
}

pub fn not_found(target: Target) -> AppError {
    match target {
        Target::Meeting(_) => AppError::NotFound("meeting"),
        Target::Series(_) => AppError::NotFound("series"),
    }
}

/// What became of a registration request.
#[derive(Debug)]
pub enum Registered {
    /// A new registration; the token is the secret of its manage link. `status` is where it
    /// stands: confirmed when it holds a seat (in a series: in any occurrence), else waitlisted.
    New {
        registration: Registration,
        status: RegistrationStatus,
        token: String,
    },
    /// The address already had one; its manage link was rotated and mailed again.
    Existing { registration: Registration },
}

/// Registers an observer for a meeting (all its days) or for every open occurrence of a
/// series, or re-mails the manage link if the address is already registered.
///
/// `group` is the meeting's group if the caller has it at hand (from the page cache).
/// For a meeting on PostgreSQL this is seven round trips: `BEGIN`, the meeting row locked and
/// read, the seat count, the insert (which finds an existing registration of the address
/// through the unique index), the seat, the outbox row, `COMMIT`.
pub fn register(
    conn: &mut DbConn,
    ctx: &MailContext,
    target: Target,
    group: Option<&Group>,
    input: &RegistrationInput,
) -> Result<Registered, AppError> {
    db::write_tx(conn, |conn| {
        let subject = Subject::lock(conn, target, group)?;
        let now = db::now();
        let open = subject.open_meetings(now)?;
        let offered: Vec<&Meeting> = open
            .iter()
            .copied()
            .filter(|m| m.format().offers(input.attendance))
            .collect();
        if offered.is_empty() {
            let mut errors = FieldErrors::default();
            errors.add(
                "attendance",
                format!(
                    "{} attendance is not offered here.",
                    input.attendance.label()
                ),
            );
            return Err(AppError::Validation(errors));
        }
        let normalized = input.email.normalized();
        // For one meeting, the seat it gets is decided here, under the meeting's lock.
        let mut known = None;
        if let Subject::Meeting(m, _) = &subject {
            // A series registrant already holds this occurrence's seat.
            if m.series_id.is_some() {
                if let Some(holder) = crate::db::seats::held_by_email(conn, m.id, &normalized)? {
                    return already_registered(conn, ctx, holder);
                }
            }
            // A full meeting without a waitlist: someone already registered hears about
            // their registration, anyone else gets the refusal.
            known = seats::seat_for(conn, m, input.attendance)?;
            if known.is_none() {
                return match regs::find_active_by_email(conn, target, &normalized)? {
                    Some(existing) => already_registered(conn, ctx, existing),
                    None => Err(seats::full(input.attendance)),
                };
            }
        }
        let token = token::generate();
        let (meeting_id, series_id) = match target {
            Target::Meeting(id) => (Some(id), None),
            Target::Series(id) => (None, Some(id)),
        };
        let inserted = regs::insert_unless_registered(
            conn,
            &NewRegistration {
                meeting_id,
                series_id,
                token_hash: &token::hash(&token),
                name: &input.name,
                email: input.email.as_str(),
                email_normalized: &normalized,
                affiliation: input.affiliation.as_deref(),
                attendance: input.attendance.as_str(),
                status: regs::ACTIVE,
                created_at: now,
                updated_at: now,
            },
        )?;
        let Some(registration) = inserted else {
            return match regs::find_active_by_email(conn, target, &normalized)? {
                Some(existing) => already_registered(conn, ctx, existing),
                // Another unique value collided (a token: practically impossible).
                None => Err(AppError::Conflict {
                    code: "already_registered",
                    message: "This address is already registered.".into(),
                }),
            };
        };
        let mut status = RegistrationStatus::Waitlisted;
        for m in offered {
            if let Some(s) = seats::take(conn, m, &registration, known)? {
                if s == RegistrationStatus::Confirmed {
                    status = s;
                }
            }
        }
        let kind = match status {
            RegistrationStatus::Confirmed => MailKind::Confirmed,
            _ => MailKind::Waitlisted,
        };
        let to = Recipient {
            registration: &registration,
            status,
        };
        mail::enqueue(conn, ctx, kind, &subject.about(), &to, Some(&token))?;
        Ok(Registered::New {
            registration,
            status,
            token,
        })
    })
}

/// The address is registered already: a new manage link replaces the old one (only its
/// hash is stored) and is mailed to the address, never shown to whoever asked.
fn already_registered(
    conn: &mut DbConn,
    ctx: &MailContext,
    existing: Registration,
) -> Result<Registered, AppError> {
    let token = token::generate();
    regs::set_token_hash(conn, existing.id, &token::hash(&token))?;
    let subject = Subject::load(conn, existing.target())?;
    let status = manage::standing(conn, &existing)?;
    let to = Recipient {
        registration: &existing,
        status,
    };
    mail::enqueue(
        conn,
        ctx,
        MailKind::AlreadyRegistered,
        &subject.about(),
        &to,
        Some(&token),
    )?;
    Ok(Registered::Existing {
        registration: existing,
    })
}
