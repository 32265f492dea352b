//! Mail about a staff account itself (not about a meeting): the notice that its password
//! changed, queued in the outbox in the same transaction as the change.

use askama::Template;
use diesel::QueryResult;

use super::MailContext;
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::staff::Staff;
use crate::db::DbConn;

/// The outbox `kind` of the password notice.
pub const PASSWORD_CHANGED: &str = "password_changed";

/// What the password notice says.
struct PasswordChanged<'a> {
    name: &'a str,
    email: &'a str,
    when: String,
    address: Option<&'a str>,
    staff_url: String,
}

#[derive(Template)]
#[template(path = "mail/password_changed.txt")]
struct Text<'a> {
    v: &'a PasswordChanged<'a>,
}

#[derive(Template)]
#[template(path = "mail/password_changed.html")]
struct Html<'a> {
    v: &'a PasswordChanged<'a>,
}

/// Queues the notice that `account`'s password was changed at `at`, from `address`.
pub fn enqueue_password_changed(
    conn: &mut DbConn,
    ctx: &MailContext,
    account: &Staff,
    at: chrono::NaiveDateTime,
    address: Option<&str>,
) -> QueryResult<()> {
    let v = PasswordChanged {
        name: &account.name,
        email: &account.email,
        when: at.format("%Y-%m-%d %H:%M").to_string(),
        address,
        staff_url: format!("{}/staff", ctx.base_url),
    };
    let text = Text { v: &v }
        .render()
        .map_err(|e| super::context::render_error("text", e))?;
    let html = Html { v: &v }
        .render()
        .map_err(|e| super::context::render_error("html", e))?;
    outbox::insert(
        conn,
        &NewOutboxMessage {
            message_id: &ctx.message_id(),
            kind: PASSWORD_CHANGED,
            meeting_id: None,
            registration_id: None,
            reply_to: None,
            recipient: &account.email,
            subject: "Your Quorum password was changed",
            body_text: &text,
            body_html: &html,
            ics: None,
            ics_method: None,
            status: outbox::PENDING,
            next_attempt_at: at,
            created_at: at,
        },
    )
}
