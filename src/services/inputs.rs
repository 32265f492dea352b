//! The public input archive: input waits (`pending`) until its sender confirms the address
//! behind the mailed link (a `POST`: mail scanners follow links), is then published and
//! forwarded to the group's input address; staff hide and unhide it, each time in the audit
//! log. Unconfirmed input is deleted after `QUORUM_PENDING_HOURS`.

use chrono::NaiveDateTime;

use super::registrations::caps;
use crate::db::groups::{self, Group};
use crate::db::inputs::{self, Input, NewInput};
use crate::db::staff::Staff;
use crate::db::{self, outbox, sessions, DbConn};
use crate::domain::input::InputDraft;
use crate::domain::token;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::{self, MailContext};

/// Stores `draft` as pending and mails its sender the link to confirm, within the cap on
/// mail per recipient (beyond it the item waits unmailed and expires). The answer is the
/// same either way. `lang` is the language of the page it was sent from: mail to its sender
/// is written in it.
pub fn submit(
    conn: &mut DbConn,
    ctx: &MailContext,
    group: &Group,
    draft: &InputDraft,
    lang: Lang,
) -> Result<(), AppError> {
    let secret = token::generate();
    let hash = token::hash(&secret);
    let normalized = draft.email.normalized();
    db::write_tx(conn, |conn| {
        let now = db::now();
        let new = NewInput {
            group_id: group.id,
            name: &draft.name,
            email: draft.email.as_str(),
            email_normalized: &normalized,
            subject: &draft.subject,
            message: &draft.message,
            token_hash: &hash,
            status: inputs::PENDING,
            created_at: now,
            lang: lang.code(),
        };
        let input = inputs::insert(conn, &new)?;
        if caps::admit(conn, &[caps::recipient(ctx, &normalized)], now)? {
            mail::input::enqueue_confirm(conn, ctx, group, &input, &secret, now)?;
        }
        Ok(())
    })
}

/// The item behind a confirm link, with its group: pending (and not expired) or published.
pub fn find_by_token(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<(Input, Group), AppError> {
    if !token::looks_valid(secret) {
        return Err(AppError::NotFound("input"));
    }
    let input = inputs::find_by_token_hash(conn, &token::hash(secret))?
        .filter(|i| i.status != inputs::PENDING || !ctx.pending_expired(i.created_at, db::now()))
        .ok_or(AppError::NotFound("input"))?;
    let group = groups::find(conn, input.group_id)?;
    Ok((input, group))
}

/// The sender confirms (`POST /i/{token}/confirm`): the item is published and, when the
/// group has an input address, forwarded to it once. Confirming again changes nothing.
pub fn confirm(conn: &mut DbConn, ctx: &MailContext, secret: &str) -> Result<Input, AppError> {
    db::write_tx(conn, |conn| {
        let (input, group) = find_by_token(conn, ctx, secret)?;
        let now = db::now();
        // Only the confirmation that changes the row forwards it.
        if inputs::publish(conn, input.id, now)? {
            if let Some(to) = group.input_email.as_deref().filter(|a| !a.is_empty()) {
                mail::input::enqueue_forward(conn, ctx, &group, &input, to, now)?;
            }
        }
        inputs::find_published(conn, group.id, input.id)?.ok_or(AppError::NotFound("input"))
    })
}

/// Whether the action at the end of a hide route hides (`hide`) or shows again (`unhide`).
pub fn hiding(action: &str) -> Result<bool, AppError> {
    match action {
        "hide" => Ok(true),
        "unhide" => Ok(false),
        _ => Err(AppError::NotFound("page")),
    }
}

/// Hides (`hidden`) or shows again the group's published item `id`, recording it in the
/// audit log. Unknown groups and items, and pending ones, are not found.
pub fn set_hidden(
    conn: &mut DbConn,
    actor: &Staff,
    slug: &str,
    id: i64,
    hidden: bool,
) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let group = super::groups::by_slug(conn, slug)?;
        let input = inputs::find_published(conn, group.id, id)?;
        let input = input.ok_or(AppError::NotFound("input"))?;
        let hidden_at = match (hidden, input.hidden_at) {
            (true, Some(since)) => Some(since),
            (true, None) => Some(db::now()),
            (false, _) => None,
        };
        inputs::set_hidden(conn, id, hidden_at)?;
        let state = |hidden_at: Option<NaiveDateTime>| serde_json::json!({ "subject": input.subject, "hidden_at": hidden_at });
        sessions::audit(
            conn,
            actor,
            if hidden { "input.hide" } else { "input.unhide" },
            &format!("group:{}/input:{id}", group.slug),
            Some(&state(input.hidden_at)),
            Some(&state(hidden_at)),
        )?;
        Ok(())
    })
}

/// Deletes input still unconfirmed after `ctx.pending`, and the links to confirm it that
/// were never delivered (each is queued with its item); returns how many items went.
pub fn expire(conn: &mut DbConn, ctx: &MailContext) -> Result<usize, AppError> {
    db::write_tx(conn, |conn| {
        let now = db::now();
        let cutoff = now - ctx.pending;
        let gone = inputs::delete_pending_before(conn, cutoff)?;
        if gone > 0 {
            outbox::forget_unsent_before(conn, mail::input::CONFIRM, cutoff, now)?;
        }
        Ok(gone)
    })
}
