//! The messages Quorum sends, rendered when the change happens and queued in the outbox
//! inside the same transaction.

use askama::Template;
use diesel::QueryResult;

use super::about::About;
use super::changes::{ChangeLine, Field, ShownChange};
use super::context::{greeting, render_error, MailContext};
pub use super::kind::MailKind;
use super::links::{self, MaterialLink};
use super::words::Column;
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::registrations::Registration;
use crate::db::DbConn;
use crate::domain::RegistrationStatus;
use crate::i18n::Lang;
use crate::ics::{Invitation, Method};
use crate::views::{self, DayLine};

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct TextBody<'a> {
    v: &'a MailView,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlBody<'a> {
    v: &'a MailView,
}

/// Everything a message body shows.
pub struct MailView {
    /// "Hello Ada," only to an address whose owner confirmed it, else "Hello,": a stranger
    /// must not choose the first words of a mail sent from the group's address.
    pub greeting: String,
    /// The recipient's language: every fixed word of the mail is in it.
    pub lang: Lang,
    /// The labels of the details block of the text body, padded into one column.
    pub col: Column,
    pub link_label: String,
    pub heading: String,
    pub intro: Vec<String>,
    pub title: String,
    pub group: String,
    pub when: Vec<DayLine>,
    pub place: Option<String>,
    pub join_url: Option<String>,
    pub online_details: Option<String>,
    pub attendance: String,
    pub status: String,
    pub page_url: String,
    pub manage_url: Option<String>,
    /// What changed, old → new.
    pub changes: Vec<ShownChange>,
    /// A reminder's links: the agenda on the meeting page, the materials.
    pub agenda_url: Option<String>,
    pub materials: Vec<MaterialLink>,
}

/// The person a message goes to, and where they stand: the status of their seat (for a
/// whole series: confirmed while the registration is active).
pub struct Recipient<'a> {
    pub registration: &'a Registration,
    pub status: RegistrationStatus,
    /// The caller read `status` from the recipient's seat in the one meeting this mail is
    /// about, in this transaction (registering for it): the seat need not be read again.
    pub seat_checked: bool,
}

/// A message written for one recipient.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    pub ics: Option<(Method, String)>,
}

/// Renders and queues one message to `to` about `about`. `token` is the manage-link secret
/// when the caller has it (new or rotated), so the message can carry the link.
pub fn enqueue(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    about: &About<'_>,
    to: &Recipient<'_>,
    token: Option<&str>,
) -> QueryResult<()> {
    let letter = Letter {
        kind,
        about,
        to,
        token,
    };
    enqueue_letter(conn, ctx, &letter, &[])
}

/// Renders and queues one letter, with what changed (for an update mail).
pub fn enqueue_letter(
    conn: &mut DbConn,
    ctx: &MailContext,
    letter: &Letter<'_>,
    changes: &[ChangeLine],
) -> QueryResult<()> {
    let r = render_changes(conn, ctx, letter, changes)?;
    let (kind, to) = (letter.kind, letter.to.registration);
    queue(
        conn,
        ctx,
        kind,
        letter.about.meeting_id(),
        to,
        &r,
        crate::db::now(),
    )
}

/// Queues a written message to a registrant, due at once.
pub(crate) fn queue(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    meeting_id: Option<i64>,
    to: &Registration,
    r: &Rendered,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    let message_id = ctx.message_id();
    outbox::insert(
        conn,
        &NewOutboxMessage {
            message_id: &message_id,
            kind: kind.as_str(),
            meeting_id,
            recipient: &to.email,
            subject: &r.subject,
            body_text: &r.text,
            body_html: &r.html,
            ics: r.ics.as_ref().map(|(_, t)| t.as_str()),
            ics_method: r.ics.as_ref().map(|(m, _)| m.as_str()),
            status: outbox::PENDING,
            next_attempt_at: now,
            created_at: now,
            registration_id: Some(to.id),
            reply_to: None,
        },
    )
}

/// One message to write: why, about what, to whom, and the manage-link secret when the
/// writer has it (new or rotated).
pub struct Letter<'a> {
    pub kind: MailKind,
    pub about: &'a About<'a>,
    pub to: &'a Recipient<'a>,
    pub token: Option<&'a str>,
}

/// Writes one message, with the manage link when the letter carries its secret.
pub fn render(conn: &mut DbConn, ctx: &MailContext, letter: &Letter<'_>) -> QueryResult<Rendered> {
    render_changes(conn, ctx, letter, &[])
}

/// As `render`, telling what changed, old → new.
fn render_changes(
    conn: &mut DbConn,
    ctx: &MailContext,
    letter: &Letter<'_>,
    changes: &[ChangeLine],
) -> QueryResult<Rendered> {
    let Letter {
        kind,
        about,
        to,
        token,
    } = *letter;
    let now = crate::clock::now();
    let reg = to.registration;
    let lang = reg.lang();
    // The join details go only to holders of a confirmed seat in what the mail is about
    // (for a whole series: in one of its meetings). The seat is read here, whatever the
    // caller's standing says, unless the caller has just taken it (`seat_checked`).
    let holds_seat = to.status == RegistrationStatus::Confirmed
        && reg.is_active()
        && (to.seat_checked && about.meeting_id().is_some()
            || crate::db::seats::confirmed_among(
                &crate::db::seats::of_registration(conn, reg.id)?,
                about.meeting_id(),
            ));
    let cancelled = matches!(
        kind,
        MailKind::ObserverCancelled | MailKind::MeetingCancelled
    );
    // A reminder gives the join details to those who join remotely (others see them only
    // when they are public); other mail to any holder of a confirmed seat.
    let in_person_reminder =
        kind == MailKind::Reminder && reg.attendance() == crate::domain::Attendance::InPerson;
    let show_join = holds_seat && !cancelled && !in_person_reminder;
    let manage_url = token.map(|t| ctx.manage_url(t));
    let meeting = about.meeting();
    let online = meeting.filter(|m| m.format().has_online());
    let join_url = online
        .filter(|m| show_join || m.public_online_url().is_some())
        .and_then(|m| m.online_url.clone());
    // The old and new join URL only to those who see the link.
    let changes = changes
        .iter()
        .filter(|c| c.field != Field::Join || join_url.is_some())
        .map(|c| c.shown(lang))
        .collect();
    // A reminder lists what to read before the meeting.
    let (agenda_url, materials) = match meeting.filter(|_| kind == MailKind::Reminder) {
        Some(m) => {
            let manage = manage_url.as_deref().filter(|_| holds_seat);
            let agenda = links::agenda_url(m, &ctx.meeting_url(m));
            (
                agenda,
                links::materials(conn, lang, &ctx.base_url, m, manage)?,
            )
        }
        None => (None, Vec::new()),
    };
    let view = MailView {
        greeting: greeting(reg),
        lang,
        col: Column::new(lang),
        link_label: lang.msg(match kind {
            MailKind::ConfirmAddress => "mail-link-confirm",
            _ => "mail-link-manage",
        }),
        heading: kind.subject_prefix(lang),
        intro: kind.intro(lang, ctx, about),
        title: about.title().to_string(),
        group: about.group().name.clone(),
        when: about.when_in(lang),
        place: meeting.and_then(views::place),
        join_url,
        online_details: online
            .filter(|_| show_join)
            .and_then(|m| m.online_details.clone()),
        attendance: reg.attendance().label(lang),
        status: status_word(lang, to.status),
        page_url: about.page_url(&ctx.base_url),
        manage_url: manage_url.clone(),
        changes,
        agenda_url,
        materials,
    };
    let text = TextBody { v: &view }
        .render()
        .map_err(|e| render_error("text", e))?;
    let html = HtmlBody { v: &view }
        .render()
        .map_err(|e| render_error("html", e))?;
    let ics = kind.method().map(|method| {
        let invitation = Invitation {
            method,
            organizer_name: ctx.from.name.as_deref(),
            organizer_email: ctx.from.email.as_ref(),
            attendee_name: &reg.name,
            attendee_email: &reg.email,
            accepted: holds_seat,
            lang: reg.lang(),
        };
        let show_url = show_join || meeting.is_some_and(|m| m.public_online_url().is_some());
        let note = manage_url
            .as_ref()
            .map(|u| crate::ics::manage_note(lang, u));
        (
            method,
            about.invite(&ctx.base_url, &invitation, show_url, note, now),
        )
    });
    Ok(Rendered {
        subject: kind.subject(lang, about.title()),
        text,
        html,
        ics,
    })
}

/// Where the recipient stands, in a word: "confirmed", "on the waitlist".
fn status_word(lang: Lang, status: RegistrationStatus) -> String {
    lang.msg(match status {
        RegistrationStatus::Pending => "mail-status-pending",
        RegistrationStatus::Confirmed => "mail-status-confirmed",
        RegistrationStatus::Waitlisted => "mail-status-waitlisted",
        RegistrationStatus::Cancelled => "mail-status-cancelled",
    })
}
