//! The messages Quorum sends, rendered when the change happens and queued in the outbox
//! inside the same transaction.

use askama::Template;
use chrono::{DateTime, Utc};
use diesel::QueryResult;
use rand::RngCore;

use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::registrations::Registration;
use crate::db::DbConn;
use crate::ics::{self, EventSource, Invitation, Method};
use crate::views;

/// What the mails need to know about the installation.
#[derive(Clone, Debug)]
pub struct MailContext {
    pub base_url: String,
    pub from: lettre::message::Mailbox,
}

impl MailContext {
    pub fn meeting_url(&self, m: &Meeting) -> String {
        format!("{}/meetings/{}", self.base_url, m.id)
    }
    pub fn manage_url(&self, token: &str) -> String {
        format!("{}/r/{}", self.base_url, token)
    }
    fn message_id(&self) -> String {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        let host = url::Url::parse(&self.base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "quorum.invalid".into());
        format!("<{}@{}>", hex::encode(bytes), host)
    }
}

/// Why a message is sent; decides its words and calendar part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Confirmed,
    Promoted,
    Waitlisted,
    AlreadyRegistered,
    AttendanceChanged,
    ObserverCancelled,
    MeetingChanged,
    MeetingCancelled,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Confirmed => "confirmed",
            MailKind::Promoted => "promoted",
            MailKind::Waitlisted => "waitlisted",
            MailKind::AlreadyRegistered => "already_registered",
            MailKind::AttendanceChanged => "attendance_changed",
            MailKind::ObserverCancelled => "observer_cancelled",
            MailKind::MeetingChanged => "meeting_changed",
            MailKind::MeetingCancelled => "meeting_cancelled",
        }
    }

    fn method(self) -> Option<Method> {
        match self {
            MailKind::Confirmed
            | MailKind::Promoted
            | MailKind::AttendanceChanged
            | MailKind::MeetingChanged => Some(Method::Request),
            MailKind::ObserverCancelled | MailKind::MeetingCancelled => Some(Method::Cancel),
            MailKind::Waitlisted | MailKind::AlreadyRegistered => None,
        }
    }

    fn subject_prefix(self) -> &'static str {
        match self {
            MailKind::Confirmed => "Registration confirmed",
            MailKind::Promoted => "A seat is yours",
            MailKind::Waitlisted => "You are on the waitlist",
            MailKind::AlreadyRegistered => "You are already registered",
            MailKind::AttendanceChanged => "Attendance changed",
            MailKind::ObserverCancelled => "Registration cancelled",
            MailKind::MeetingChanged => "Meeting updated",
            MailKind::MeetingCancelled => "Meeting cancelled",
        }
    }

    fn intro(self, m: &Meeting) -> Vec<String> {
        match self {
            MailKind::Confirmed => vec![
                "Your registration is confirmed. The attached invitation adds the meeting to your calendar; it stays up to date if the meeting changes.".into(),
            ],
            MailKind::Promoted => vec![
                "A seat has become free and it is now yours: your registration is confirmed. The attached invitation adds the meeting to your calendar.".into(),
            ],
            MailKind::Waitlisted => vec![
                "The meeting is full, so you are on the waitlist. If a seat becomes free, it goes to the person who has waited longest, and you will get a confirmation with a calendar invitation.".into(),
            ],
            MailKind::AlreadyRegistered => vec![
                "Someone (probably you) tried to register this address again for this meeting. You already have a registration; use the link below to see, change or cancel it. Earlier links no longer work.".into(),
            ],
            MailKind::AttendanceChanged => vec![
                "Your attendance has been changed. The attached invitation updates your calendar.".into(),
            ],
            MailKind::ObserverCancelled => vec![
                "Your registration has been cancelled. The attached cancellation removes the meeting from your calendar.".into(),
            ],
            MailKind::MeetingChanged => vec![
                "This meeting has changed. The attached invitation updates your calendar; the details below are the new ones.".into(),
            ],
            MailKind::MeetingCancelled => {
                let mut v = vec!["This meeting has been cancelled. The attached cancellation removes it from your calendar.".to_string()];
                if let Some(reason) = m.cancel_reason.as_deref().filter(|r| !r.trim().is_empty()) {
                    v.push(format!("Reason: {reason}"));
                }
                v
            }
        }
    }
}

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
    pub name: String,
    pub heading: String,
    pub intro: Vec<String>,
    pub title: String,
    pub group: String,
    pub when_local: String,
    pub when_utc: String,
    pub place: Option<String>,
    pub join_url: Option<String>,
    pub online_details: Option<String>,
    pub attendance: String,
    pub status: String,
    pub meeting_url: String,
    pub manage_url: Option<String>,
}

/// Renders and queues one message about `reg` at `meeting`. `token` is the manage-link secret
/// when the caller has it (new or rotated), so the message can carry the link.
#[allow(clippy::too_many_arguments)]
pub fn enqueue(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    meeting: &Meeting,
    group: &Group,
    reg: &Registration,
    token: Option<&str>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let holds_seat = reg.status() == crate::domain::RegistrationStatus::Confirmed;
    let cancelled = matches!(
        kind,
        MailKind::ObserverCancelled | MailKind::MeetingCancelled
    );
    let show_join = holds_seat && !cancelled;
    let manage_url = token.map(|t| ctx.manage_url(t));
    let view = MailView {
        name: reg.name.clone(),
        heading: kind.subject_prefix().to_string(),
        intro: kind.intro(meeting),
        title: meeting.title.clone(),
        group: group.name.clone(),
        when_local: views::when_local(meeting),
        when_utc: views::when_utc(meeting),
        place: views::place(meeting),
        join_url: if show_join || meeting.public_online_url().is_some() {
            meeting
                .online_url
                .clone()
                .filter(|_| meeting.format().has_online())
        } else {
            None
        },
        online_details: meeting
            .online_details
            .clone()
            .filter(|_| show_join && meeting.format().has_online()),
        attendance: reg.attendance().label().to_string(),
        status: reg.status().as_str().to_string(),
        meeting_url: ctx.meeting_url(meeting),
        manage_url: manage_url.clone(),
    };
    let text = TextBody { v: &view }
        .render()
        .map_err(|e| render_error("text", e))?;
    let html = HtmlBody { v: &view }
        .render()
        .map_err(|e| render_error("html", e))?;
    let ics = kind.method().map(|method| {
        let source = EventSource {
            meeting,
            group,
            url: ctx.meeting_url(meeting),
            show_online_url: show_join || meeting.public_online_url().is_some(),
            note: manage_url
                .as_ref()
                .map(|u| format!("Change or cancel your registration: {u}")),
        };
        let invitation = Invitation {
            method,
            organizer_name: ctx.from.name.as_deref(),
            organizer_email: ctx.from.email.as_ref(),
            attendee_name: &reg.name,
            attendee_email: &reg.email,
            accepted: holds_seat,
        };
        (method, ics::invite(&source, &invitation, now))
    });
    let subject = format!("{}: {}", kind.subject_prefix(), meeting.title);
    let message_id = ctx.message_id();
    outbox::insert(
        conn,
        &NewOutboxMessage {
            message_id: &message_id,
            kind: kind.as_str(),
            meeting_id: Some(meeting.id),
            recipient: &reg.email,
            subject: &subject,
            body_text: &text,
            body_html: &html,
            ics: ics.as_ref().map(|(_, t)| t.as_str()),
            ics_method: ics.as_ref().map(|(m, _)| m.as_str()),
            status: outbox::PENDING,
            next_attempt_at: crate::db::truncate_micros(now.naive_utc()),
            created_at: crate::db::truncate_micros(now.naive_utc()),
        },
    )
}

#[derive(Template)]
#[template(path = "mail/plain.html")]
struct PlainHtml<'a> {
    subject: &'a str,
    paragraphs: Vec<&'a str>,
}

/// Queues a message whose body is written by the caller (series mails).
#[allow(clippy::too_many_arguments)]
pub fn enqueue_plain(
    conn: &mut DbConn,
    ctx: &MailContext,
    kind: MailKind,
    meeting_id: Option<i64>,
    recipient: &str,
    subject: &str,
    text: &str,
    ics: Option<(Method, &str)>,
) -> QueryResult<()> {
    let html = PlainHtml {
        subject,
        paragraphs: text.split("\n\n").collect(),
    }
    .render()
    .map_err(|e| render_error("html", e))?;
    let now = crate::db::now();
    let message_id = ctx.message_id();
    outbox::insert(
        conn,
        &NewOutboxMessage {
            message_id: &message_id,
            kind: kind.as_str(),
            meeting_id,
            recipient,
            subject,
            body_text: text,
            body_html: &html,
            ics: ics.map(|(_, t)| t),
            ics_method: ics.map(|(m, _)| m.as_str()),
            status: outbox::PENDING,
            next_attempt_at: now,
            created_at: now,
        },
    )
}

fn render_error(which: &str, e: askama::Error) -> diesel::result::Error {
    diesel::result::Error::QueryBuilderError(format!("rendering the {which} mail body: {e}").into())
}
