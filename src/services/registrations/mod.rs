//! Registering for a meeting, for the days of a multi-day meeting or for every occurrence of a
//! series: one path. A registration takes a seat (or a waitlist place) in each meeting it covers;
//! every operation locks what it changes first, so seat counts are exact under concurrency on
//! both backends and across instances.

pub mod caps;
pub mod manage;
pub mod pending;
pub mod seats;
pub mod staff;

use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting};
use crate::db::registrations::{self as regs, NewRegistration, Registration, Target};
use crate::db::series::{self, Loaded};
use crate::db::{self, DbConn};
use crate::domain::registration::RegistrationInput;
use crate::domain::{token, Attendance, FieldErrors, MeetingStatus, RegistrationStatus};
use crate::error::AppError;
use crate::i18n::Lang;
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

    /// What a mail to a registrant of `target` about `meeting` is about: the meeting, or for a
    /// series registrant that occurrence of the series, each series loaded once into
    /// `series`. `None` when the series is gone from public view.
    pub fn about_meeting<'a>(
        conn: &mut DbConn,
        series: &'a mut std::collections::HashMap<i64, Loaded>,
        target: Target,
        meeting: &'a Meeting,
        group: &'a Group,
    ) -> Result<Option<About<'a>>, AppError> {
        let Target::Series(id) = target else {
            return Ok(Some(About::Meeting(meeting, group)));
        };
        if let std::collections::hash_map::Entry::Vacant(slot) = series.entry(id) {
            if let Subject::Series(loaded) = Subject::load(conn, target)? {
                slot.insert(loaded);
            }
        }
        Ok(series.get(&id).map(|l| About::Occurrence(l, meeting)))
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

    pub fn target(&self) -> Target {
        match self {
            Subject::Meeting(m, _) => Target::Meeting(m.id),
            Subject::Series(l) => Target::Series(l.series.id),
        }
    }

    /// Whether anonymous registrations wait for the address to be confirmed: for a series,
    /// when any of its occurrences asks for it.
    pub fn verifies_email(&self) -> bool {
        match self {
            Subject::Meeting(m, _) => m.verify_email,
            Subject::Series(l) => l.verifies_email(),
        }
    }

    /// The open meetings that offer `attendance`: where a registration made now takes
    /// seats. Closed: `410`; that attendance offered nowhere: `422` naming the field.
    pub fn offered(
        &self,
        now: chrono::NaiveDateTime,
        attendance: Attendance,
    ) -> Result<Vec<&Meeting>, AppError> {
        let offered: Vec<&Meeting> = self
            .open_meetings(now)?
            .into_iter()
            .filter(|m| m.format().offers(attendance))
            .collect();
        if offered.is_empty() {
            let mut errors = FieldErrors::default();
            errors.add("attendance", crate::domain::Problem::NotOffered(attendance));
            return Err(AppError::Validation(errors));
        }
        Ok(offered)
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

/// Who asks for a registration: anyone (the form, the API without a token) or staff (the
/// API with a staff token: registered at once, whatever the meeting's `verify_email`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requester {
    Anonymous,
    Staff,
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
    /// The address already had one; a fresh manage link was mailed to it (if the caps allow).
    Existing { registration: Registration },
    /// The meeting verifies addresses: a link to confirm was mailed. The same answer whether
    /// the address was new or already registered, so that it tells nobody which.
    Pending,
}

/// Registers an observer for a meeting (all its days) or for every open occurrence of a
/// series. For an anonymous request to a meeting that verifies addresses, the registration
/// waits for the owner of the address (`pending::request`); otherwise it takes its seats now,
/// or the address hears again about its existing registration.
///
/// `group` is the meeting's group if the caller has it at hand (from the page cache);
/// `lang` is the language the request was made in, which every later mail to it uses.
/// For a meeting on PostgreSQL this is seven round trips: `BEGIN`, the meeting row locked and
/// read, the seat count, the insert (which finds an existing registration of the address
/// through the unique index), the seat, the outbox row, `COMMIT`.
pub fn register(
    conn: &mut DbConn,
    ctx: &MailContext,
    target: Target,
    group: Option<&Group>,
    input: &RegistrationInput,
    requester: Requester,
    lang: Lang,
) -> Result<Registered, AppError> {
    db::write_tx(conn, |conn| {
        let subject = Subject::lock(conn, target, group)?;
        let now = db::now();
        let offered = subject.offered(now, input.attendance)?;
        let normalized = input.email.normalized();
        if requester == Requester::Anonymous && subject.verifies_email() {
            if let Subject::Meeting(m, _) = &subject {
                // Full without a waitlist: the same refusal for everyone.
                seats::seat_for(conn, m, input.attendance)?
                    .ok_or_else(|| seats::full(input.attendance))?;
            }
            return pending::request(conn, ctx, &subject, input, lang, now);
        }
        // For one meeting, the seat it gets is decided here, under the meeting's lock.
        let mut known = None;
        if let Subject::Meeting(m, _) = &subject {
            // A series registrant already holds this occurrence's seat.
            if m.series_id.is_some() {
                if let Some(holder) = crate::db::seats::held_by_email(conn, m.id, &normalized)? {
                    return notify_existing(conn, ctx, holder, requester, now);
                }
            }
            // A full meeting without a waitlist: someone already registered hears about
            // their registration, anyone else gets the refusal.
            known = seats::seat_for(conn, m, input.attendance)?;
            if known.is_none() {
                return match regs::find_active_by_email(conn, target, &normalized)? {
                    Some(existing) => notify_existing(conn, ctx, existing, requester, now),
                    None => Err(seats::full(input.attendance)),
                };
            }
        }
        let token = token::generate();
        let new = new_registration(&subject, input, lang, &normalized, &token, now);
        // One meeting: the registration and its seat in one statement.
        let inserted = match (&subject, known) {
            (Subject::Meeting(m, _), Some(status)) => {
                crate::db::seats::insert_registration_with_seat(conn, &new, m.id, status)?
            }
            _ => regs::insert_unless_registered(conn, &new)?,
        };
        let Some(registration) = inserted else {
            let existing = find_existing(conn, target, &normalized)?;
            return notify_existing(conn, ctx, existing, requester, now);
        };
        let status = match known {
            Some(status) => {
                mail_standing(conn, ctx, &subject, &registration, status, &token)?;
                status
            }
            None => take_seats(conn, ctx, &subject, &registration, &offered, None, &token)?,
        };
        Ok(Registered::New {
            registration,
            status,
            token,
        })
    })
}

/// A registration row for `input`, active, with the hash of `token` as its manage link;
/// `pending::request` makes it pending.
fn new_registration<'a>(
    subject: &Subject,
    input: &'a RegistrationInput,
    lang: Lang,
    normalized: &'a str,
    token: &str,
    now: chrono::NaiveDateTime,
) -> NewRegistration<'a> {
    let (meeting_id, series_id) = match subject.target() {
        Target::Meeting(id) => (Some(id), None),
        Target::Series(id) => (None, Some(id)),
    };
    NewRegistration {
        meeting_id,
        series_id,
        token_hash: token::hash(token),
        name: &input.name,
        email: input.email.as_str(),
        email_normalized: normalized,
        affiliation: input.affiliation.as_deref(),
        attendance: input.attendance.as_str(),
        status: regs::ACTIVE,
        lang: lang.code(),
        created_at: now,
        updated_at: now,
        confirmed_at: None,
    }
}

/// The registration that made an insert collide on the address.
fn find_existing(
    conn: &mut DbConn,
    target: Target,
    normalized: &str,
) -> Result<Registration, AppError> {
    regs::find_active_by_email(conn, target, normalized)?.ok_or_else(|| {
        // Another unique value collided (a token: practically impossible).
        AppError::Conflict {
            code: "already_registered",
            message: "This address is already registered.".into(),
        }
    })
}

/// Gives a registration its seats (or waitlist places) in the `offered` meetings and mails
/// the confirmation with the invite, or the waitlist notice. For one meeting the caller
/// decided the seat under the meeting's lock (`known`); a series' occurrences are locked one
/// by one. The one step shared by registering at once and confirming an address.
fn take_seats(
    conn: &mut DbConn,
    ctx: &MailContext,
    subject: &Subject,
    registration: &Registration,
    offered: &[&Meeting],
    known: Option<RegistrationStatus>,
    token: &str,
) -> Result<RegistrationStatus, AppError> {
    let mut status = RegistrationStatus::Waitlisted;
    for m in offered {
        if let Some(s) = seats::take(conn, m, registration, known)? {
            if s == RegistrationStatus::Confirmed {
                status = s;
            }
        }
    }
    mail_standing(conn, ctx, subject, registration, status, token)?;
    Ok(status)
}

/// The confirmation with the invite, or the waitlist notice, with the manage link.
fn mail_standing(
    conn: &mut DbConn,
    ctx: &MailContext,
    subject: &Subject,
    registration: &Registration,
    status: RegistrationStatus,
    token: &str,
) -> Result<(), AppError> {
    let kind = match status {
        RegistrationStatus::Confirmed => MailKind::Confirmed,
        _ => MailKind::Waitlisted,
    };
    let to = Recipient {
        registration,
        status,
        // For one meeting, `status` is the seat just taken there.
        seat_checked: matches!(subject, Subject::Meeting(..)),
    };
    mail::enqueue(conn, ctx, kind, &subject.about(), &to, Some(token))?;
    Ok(())
}

/// The address is registered already: a fresh manage link is mailed to it (earlier links
/// keep working), never shown to whoever asked. Anonymous requests are capped.
fn notify_existing(
    conn: &mut DbConn,
    ctx: &MailContext,
    existing: Registration,
    requester: Requester,
    now: chrono::NaiveDateTime,
) -> Result<Registered, AppError> {
    pending::send_fresh_link(conn, ctx, &existing, requester, now)?;
    Ok(Registered::Existing {
        registration: existing,
    })
}
