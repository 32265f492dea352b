//! Registrations that wait for the owner of the address. Made anonymously for a meeting
//! that verifies addresses, they hold no seat and see no join URL until the link mailed to
//! the address is used to confirm (`confirm`, a `POST`: mail scanners follow links).
//! Unconfirmed ones are deleted with their personal data after `QUORUM_PENDING_HOURS`.

use chrono::NaiveDateTime;

use super::{caps, manage, seats, Registered, Requester, Subject};
use crate::db::registrations::{self as regs, Registration};
use crate::db::{self, mail_caps, DbConn};
use crate::domain::registration::RegistrationInput;
use crate::domain::{token, RegistrationStatus};
use crate::error::AppError;
use crate::mail::{self, MailContext, MailKind, Recipient};

/// An anonymous request for a meeting that verifies addresses: a new address gets a pending
/// registration and a link to confirm it; a known address gets a fresh link by mail. The
/// answer is the same either way.
pub fn request(
    conn: &mut DbConn,
    ctx: &MailContext,
    subject: &Subject,
    input: &RegistrationInput,
    lang: crate::i18n::Lang,
    now: NaiveDateTime,
) -> Result<Registered, AppError> {
    let normalized = input.email.normalized();
    let token = token::generate();
    let mut new = super::new_registration(subject, input, lang, &normalized, &token, now);
    new.status = regs::PENDING;
    match regs::insert_unless_registered(conn, &new)? {
        Some(registration) => {
            if caps::admit(conn, &[caps::recipient(ctx, &normalized)], now)? {
                mail_confirm_link(conn, ctx, subject, &registration, &token)?;
            }
        }
        None => {
            let existing = super::find_existing(conn, subject.target(), &normalized)?;
            send_fresh_link(conn, ctx, &existing, Requester::Anonymous, now)?;
        }
    }
    Ok(Registered::Pending)
}

/// Mails `existing` a fresh manage link (earlier links keep working): the link to confirm
/// while it is pending, else an "already registered" notice. Anonymous requests are capped
/// per recipient and per address and meeting; beyond the caps nothing is sent.
pub fn send_fresh_link(
    conn: &mut DbConn,
    ctx: &MailContext,
    existing: &Registration,
    requester: Requester,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let email = &existing.email_normalized;
    if requester == Requester::Anonymous {
        let limits = [
            caps::recipient(ctx, email),
            caps::notices(ctx, existing.target(), email),
        ];
        if !caps::admit(conn, &limits, now)? {
            return Ok(());
        }
    }
    let token = token::generate();
    regs::add_link(conn, existing.id, &token::hash(&token), now)?;
    let subject = Subject::load(conn, existing.target())?;
    if existing.is_pending() {
        return mail_confirm_link(conn, ctx, &subject, existing, &token);
    }
    let to = Recipient {
        registration: existing,
        status: manage::standing(conn, existing)?,
        seat_checked: false,
    };
    let about = subject.about();
    mail::enqueue(
        conn,
        ctx,
        MailKind::AlreadyRegistered,
        &about,
        &to,
        Some(&token),
    )?;
    Ok(())
}

fn mail_confirm_link(
    conn: &mut DbConn,
    ctx: &MailContext,
    subject: &Subject,
    registration: &Registration,
    token: &str,
) -> Result<(), AppError> {
    let to = Recipient {
        registration,
        status: RegistrationStatus::Pending,
        seat_checked: false,
    };
    let about = subject.about();
    mail::enqueue(
        conn,
        ctx,
        MailKind::ConfirmAddress,
        &about,
        &to,
        Some(token),
    )?;
    Ok(())
}

/// The owner of the address confirms (`POST /r/{token}/confirm`): the registration takes its
/// seats now, or waitlist places, or is refused when full without a waitlist (it stays
/// pending); then the usual confirmation with the invite is sent. Confirming again changes
/// nothing.
pub fn confirm(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<RegistrationStatus, AppError> {
    if !token::looks_valid(secret) {
        return Err(AppError::NotFound("registration"));
    }
    let hash = token::hash(secret);
    db::write_tx(conn, |conn| {
        let found = regs::find_by_token_hash(conn, &hash)?;
        let found = found.ok_or(AppError::NotFound("registration"))?;
        if !found.is_pending() {
            return manage::standing(conn, &found);
        }
        let subject = Subject::lock(conn, found.target(), None)?;
        // Read again under the lock: a concurrent confirmation may have come first.
        let registration = regs::find(conn, found.id)?.ok_or(AppError::NotFound("registration"))?;
        if !registration.is_pending() {
            return manage::standing(conn, &registration);
        }
        let now = db::now();
        if ctx.pending_expired(registration.created_at, now) {
            return Err(AppError::NotFound("registration"));
        }
        let attendance = registration.attendance();
        let offered = subject.offered(now, attendance)?;
        let mut known = None;
        if let Subject::Meeting(m, _) = &subject {
            if m.series_id.is_some()
                && db::seats::held_by_email(conn, m.id, &registration.email_normalized)?.is_some()
            {
                return Err(AppError::Conflict {
                    code: "already_registered",
                    message: "This address already has a seat in this meeting through its series registration.".into(),
                });
            }
            known =
                Some(seats::seat_for(conn, m, attendance)?.ok_or_else(|| seats::full(attendance))?);
        }
        regs::confirm(conn, registration.id, now)?;
        let confirmed = Registration {
            status: regs::ACTIVE.to_string(),
            confirmed_at: Some(now),
            ..registration
        };
        super::take_seats(conn, ctx, &subject, &confirmed, &offered, known, secret)
    })
}

/// Deletes pending registrations older than `ctx.pending` with their links, and forgets
/// mail counts older than every cap's window. Returns how many registrations went.
pub fn expire(conn: &mut DbConn, ctx: &MailContext) -> Result<usize, AppError> {
    db::write_tx(conn, |conn| {
        let now = db::now();
        let gone = regs::delete_pending_before(conn, now - ctx.pending, now)?;
        mail_caps::prune_before(conn, now - caps::longest_window())?;
        Ok(gone.len())
    })
}
