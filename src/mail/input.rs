//! Mail about public input: the link that asks its sender to confirm the address, and the
//! confirmed input forwarded to the group's input address, `Reply-To` its author. Both are
//! queued in the outbox inside the transaction that causes them.

use askama::Template;
use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::context::{describe_duration, render_error};
use super::MailContext;
use crate::db::groups::Group;
use crate::db::inputs::Input;
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::DbConn;

/// The outbox `kind` of the link to confirm an address.
pub const CONFIRM: &str = "input_confirm";
/// The outbox `kind` of input forwarded to a group.
pub const FORWARD: &str = "input_forward";

/// What the request to confirm says. Nothing the sender typed: whoever typed the address
/// may not own it, and a stranger's words are not mailed to it.
struct Confirm<'a> {
    /// The author's language: every word of the mail is in it.
    lang: crate::i18n::Lang,
    group: &'a str,
    confirm_url: String,
    hours: String,
}

#[derive(Template)]
#[template(path = "mail/input_confirm.txt")]
struct ConfirmText<'a> {
    v: &'a Confirm<'a>,
}

#[derive(Template)]
#[template(path = "mail/input_confirm.html")]
struct ConfirmHtml<'a> {
    v: &'a Confirm<'a>,
}

/// What the group's input address receives.
struct Forward<'a> {
    group: &'a str,
    input: &'a Input,
    when: String,
    archive_url: String,
}

#[derive(Template)]
#[template(path = "mail/input_forward.txt")]
struct ForwardText<'a> {
    v: &'a Forward<'a>,
}

#[derive(Template)]
#[template(path = "mail/input_forward.html")]
struct ForwardHtml<'a> {
    v: &'a Forward<'a>,
}

/// `/i/{token}`: the page that shows the input and confirms it by `POST`.
pub fn confirm_url(ctx: &MailContext, token: &str) -> String {
    format!("{}/i/{token}", ctx.base_url)
}

/// Queues the link to confirm `input`'s address, to that address.
pub fn enqueue_confirm(
    conn: &mut DbConn,
    ctx: &MailContext,
    group: &Group,
    input: &Input,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let lang = input.lang();
    let v = Confirm {
        lang,
        group: &group.name,
        confirm_url: confirm_url(ctx, token),
        hours: describe_duration(lang, ctx.pending),
    };
    let text = render(ConfirmText { v: &v }, "text")?;
    let html = render(ConfirmHtml { v: &v }, "html")?;
    let letter = Letter {
        kind: CONFIRM,
        recipient: &input.email,
        subject: &lang.msg1("mail-input-subject", "group", &group.name),
        text: &text,
        html: &html,
        reply_to: None,
    };
    queue(conn, ctx, &letter, now)
}

/// Queues confirmed `input` to `to` (the group's input address), `Reply-To` its author.
pub fn enqueue_forward(
    conn: &mut DbConn,
    ctx: &MailContext,
    group: &Group,
    input: &Input,
    to: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let v = Forward {
        group: &group.name,
        input,
        when: input.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        archive_url: format!(
            "{}/groups/{}/input#input-{}",
            ctx.base_url, group.slug, input.id
        ),
    };
    let text = render(ForwardText { v: &v }, "text")?;
    let html = render(ForwardHtml { v: &v }, "html")?;
    let letter = Letter {
        kind: FORWARD,
        recipient: to,
        subject: &format!("[{}] Public input: {}", group.name, input.subject),
        text: &text,
        html: &html,
        reply_to: Some(&input.email),
    };
    queue(conn, ctx, &letter, now)
}

fn render(t: impl Template, which: &str) -> QueryResult<String> {
    t.render().map_err(|e| render_error(which, e))
}

/// One message about no meeting and no registration.
struct Letter<'a> {
    kind: &'a str,
    recipient: &'a str,
    subject: &'a str,
    text: &'a str,
    html: &'a str,
    reply_to: Option<&'a str>,
}

fn queue(
    conn: &mut DbConn,
    ctx: &MailContext,
    letter: &Letter<'_>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    outbox::insert(
        conn,
        &NewOutboxMessage {
            message_id: &ctx.message_id(),
            kind: letter.kind,
            meeting_id: None,
            registration_id: None,
            recipient: letter.recipient,
            subject: letter.subject,
            body_text: letter.text,
            body_html: letter.html,
            ics: None,
            ics_method: None,
            status: outbox::PENDING,
            next_attempt_at: now,
            created_at: now,
            reply_to: letter.reply_to,
        },
    )
}
