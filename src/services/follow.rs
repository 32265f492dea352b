//! Following a group by mail, without an account: double opt-in like a registration (a
//! pending follower and a link to a page that confirms with a `POST`: mail scanners follow
//! links), and a one-click unsubscribe (RFC 8058) that deletes the follower. Every answer to
//! the follow form is the same, whether the address is new, pending or following already.

use chrono::NaiveDateTime;

use crate::db::announcements::{self, FollowerMail};
use crate::db::followers::{self, Follower, NewFollower};
use crate::db::groups::{self, Group};
use crate::db::{self, DbConn};
use crate::domain::email::EmailAddress;
use crate::domain::token;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::follower::FollowNotice;
use crate::mail::MailContext;
use crate::services::registrations::caps;

/// The kind of the mail that carries the confirm link (or says the address follows).
pub const FOLLOW_CONFIRM: &str = "follow_confirm";

/// A follow request for group `slug`. A new address gets a pending follower and a link to
/// confirm; a pending one a fresh link; a following one a note saying so. Each mail counts
/// under the per-recipient cap on mail that anonymous requests cause; beyond it nothing is
/// sent. The answer is the same in every case. The follower's language becomes `lang`, the
/// language of the page the request came from (also when the address followed already),
/// and its mail is written in it.
pub fn request(
    conn: &mut DbConn,
    ctx: &MailContext,
    slug: &str,
    email: &EmailAddress,
    lang: Lang,
) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let group = crate::services::groups::by_slug(conn, slug)?;
        let now = db::now();
        let normalized = email.normalized();
        let secret = token::generate();
        let hash = token::hash(&secret);
        let address = email.to_string();
        let new = NewFollower {
            group_id: group.id,
            email: &address,
            email_normalized: &normalized,
            token_hash: &hash,
            status: followers::PENDING,
            created_at: now,
            lang: lang.code(),
        };
        let (mut follower, fresh) = match followers::insert_unless_following(conn, &new)? {
            Some(f) => (f, true),
            None => (
                followers::find_by_email(conn, group.id, &normalized)?
                    .ok_or(AppError::NotFound("group"))?,
                false,
            ),
        };
        // Only a request still waiting for its confirmation takes the new language: anyone
        // may ask to follow with any address, and must not change what a follower reads.
        if !follower.is_active() && follower.lang != lang.code() {
            followers::set_lang(conn, follower.id, lang.code())?;
            follower.lang = lang.code().to_string();
        }
        if !caps::admit(conn, &[caps::recipient(ctx, &normalized)], now)? {
            return Ok(());
        }
        if follower.is_active() {
            return mail(conn, ctx, &group, &follower, None, now);
        }
        if !fresh {
            followers::renew_pending(conn, follower.id, &hash, now)?;
        }
        mail(conn, ctx, &group, &follower, Some(&secret), now)
    })
}

/// Queues the confirm link (`secret`) or, without one, the note that the address follows.
fn mail(
    conn: &mut DbConn,
    ctx: &MailContext,
    group: &Group,
    follower: &Follower,
    secret: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let lang = follower.lang();
    let intro = match secret {
        Some(_) => vec![
            lang.msg2(
                "mail-follow-intro",
                "group",
                &group.name,
                "duration",
                crate::mail::context::describe_duration(lang, ctx.pending),
            ),
            lang.msg("mail-follow-not-you"),
        ],
        None => vec![lang.msg1("mail-follow-already", "group", &group.name)],
    };
    let unsubscribe_url = ctx.unsubscribe_url(follower.id);
    let written = FollowNotice {
        lang,
        group: group.name.clone(),
        intro,
        confirm_url: secret.map(|s| format!("{}/f/{s}", ctx.base_url)),
        group_url: crate::views::group_url(&ctx.base_url, &group.slug),
        unsubscribe_url: unsubscribe_url.clone(),
    }
    .write()?;
    let message_id = ctx.message_id();
    announcements::insert_one(
        conn,
        &FollowerMail {
            follower_id: Some(follower.id),
            recipient: &follower.email,
            subject: &written.subject,
            body_text: &written.text,
            body_html: &written.html,
            unsubscribe_url: Some(&unsubscribe_url),
            ..FollowerMail::empty(&message_id, FOLLOW_CONFIRM, now)
        },
    )?;
    Ok(())
}

/// The follower a confirm link names, with its group, while the link is valid: a pending
/// follower within `QUORUM_PENDING_HOURS`, or an active one.
pub fn find_by_token(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<(Follower, Group), AppError> {
    let gone = || AppError::NotFound("link");
    if !token::looks_valid(secret) {
        return Err(gone());
    }
    let follower = followers::find_by_token_hash(conn, &token::hash(secret))?.ok_or_else(gone)?;
    if !follower.is_active() && ctx.pending_expired(follower.created_at, db::now()) {
        return Err(gone());
    }
    let group = groups::find(conn, follower.group_id)?;
    Ok((follower, group))
}

/// The owner of the address confirms (`POST /f/{token}/confirm`); confirming again changes
/// nothing.
pub fn confirm(
    conn: &mut DbConn,
    ctx: &MailContext,
    secret: &str,
) -> Result<(Follower, Group), AppError> {
    db::write_tx(conn, |conn| {
        let (follower, group) = find_by_token(conn, ctx, secret)?;
        followers::confirm(conn, follower.id, db::now())?;
        Ok((follower, group))
    })
}

/// Whether `secret` is follower `id`'s unsubscribe secret; a forged one is not found.
pub fn check_unsubscribe(ctx: &MailContext, id: i64, secret: &str) -> Result<(), AppError> {
    if ctx.unsubscribe_secret_matches(id, secret) {
        Ok(())
    } else {
        Err(AppError::NotFound("link"))
    }
}

/// One-click unsubscribe (RFC 8058): deletes the follower and its mail not yet sent;
/// nothing is kept. Unsubscribing again answers the same. Answers the group's name when
/// the follower was still there.
pub fn unsubscribe(
    conn: &mut DbConn,
    ctx: &MailContext,
    id: i64,
    secret: &str,
) -> Result<Option<String>, AppError> {
    check_unsubscribe(ctx, id, secret)?;
    db::write_tx(conn, |conn| {
        let Some(follower) = followers::find(conn, id)? else {
            return Ok(None);
        };
        announcements::drop_for_followers(conn, &[id])?;
        followers::delete(conn, id)?;
        Ok(Some(groups::find(conn, follower.group_id)?.name))
    })
}

/// Deletes pending followers older than `ctx.pending`, with their address and the mail
/// still waiting for them (old mail counts are forgotten by
/// `registrations::pending::expire`). Returns how many went.
pub fn expire(conn: &mut DbConn, ctx: &MailContext) -> Result<usize, AppError> {
    db::write_tx(conn, |conn| {
        let gone = followers::delete_pending_before(conn, db::now() - ctx.pending)?;
        announcements::drop_for_followers(conn, &gone)?;
        Ok(gone.len())
    })
}
