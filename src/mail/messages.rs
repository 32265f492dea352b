//! The messages Quorum sends, rendered when the change happens and queued in the outbox
//! inside the same transaction.

use askama::Template;
use diesel::QueryResult;

use super::about::About;
use super::changes::{ChangeLine, JOIN};
use super::context::{describe_duration, greeting, render_error, MailContext};
use super::links::{self, MaterialLink};
use crate::db::outbox::{self, NewOutboxMessage};
use crate::db::registrations::Registration;
use crate::db::DbConn;
use crate::domain::RegistrationStatus;
use crate::ics::{Invitation, Method};
use crate::views::{self, DayLine};

/// Why a message is sent; decides its words and calendar part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// The link to confirm the address of a pending registration (no calendar part).
    ConfirmAddress,
    Confirmed,
    Promoted,
    Waitlisted,
    AlreadyRegistered,
    AttendanceChanged,
    ObserverCancelled,
    MeetingChanged,
    /// The tz rules of the meeting's zone changed: same wall time, another UTC instant.
    ZoneRulesChanged,
    MeetingCancelled,
    /// Before the start, by the meeting's reminder lead times (written when sent).
    Reminder,
    /// Minutes, a recording or slides were added, with `notify` (`mail::material`).
    MaterialAdded,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::ConfirmAddress => "confirm_address",
            MailKind::Confirmed => "confirmed",
            MailKind::Promoted => "promoted",
            MailKind::Waitlisted => "waitlisted",
            MailKind::AlreadyRegistered => "already_registered",
            MailKind::AttendanceChanged => "attendance_changed",
            MailKind::ObserverCancelled => "observer_cancelled",
            MailKind::MeetingChanged => "meeting_changed",
            MailKind::ZoneRulesChanged => "zone_rules_changed",
            MailKind::MeetingCancelled => "meeting_cancelled",
            MailKind::Reminder => crate::db::scheduled::REMINDER,
            MailKind::MaterialAdded => "material_added",
        }
    }

    fn method(self) -> Option<Method> {
        match self {
            MailKind::Confirmed
            | MailKind::Promoted
            | MailKind::AttendanceChanged
            | MailKind::MeetingChanged
            | MailKind::ZoneRulesChanged => Some(Method::Request),
            MailKind::ObserverCancelled | MailKind::MeetingCancelled => Some(Method::Cancel),
            MailKind::ConfirmAddress
            | MailKind::Waitlisted
            | MailKind::AlreadyRegistered
            | MailKind::Reminder
            | MailKind::MaterialAdded => None,
        }
    }

    pub(crate) fn subject_prefix(self) -> &'static str {
        match self {
            MailKind::ConfirmAddress => "Please confirm your registration",
            MailKind::Confirmed => "Registration confirmed",
            MailKind::Promoted => "A seat is yours",
            MailKind::Waitlisted => "You are on the waitlist",
            MailKind::AlreadyRegistered => "You are already registered",
            MailKind::AttendanceChanged => "Attendance changed",
            MailKind::ObserverCancelled => "Registration cancelled",
            MailKind::MeetingChanged => "Meeting updated",
            MailKind::ZoneRulesChanged => "Meeting time corrected",
            MailKind::MeetingCancelled => "Meeting cancelled",
            MailKind::Reminder => "Reminder",
            MailKind::MaterialAdded => "New material",
        }
    }

    fn intro(self, ctx: &MailContext, about: &About<'_>) -> Vec<String> {
        match self {
            MailKind::ConfirmAddress => vec![
                format!("Someone (probably you) asked to register this address for the meeting below. To take your place, open the link below and press Confirm within {}. No seat is held until then.", describe_duration(crate::i18n::Lang::En, ctx.pending)),
                "If it was not you, ignore this message: nothing is registered, and the details are deleted.".into(),
            ],
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
                "Someone (probably you) tried to register this address again for this meeting. You already have a registration; use the link below to see, change or cancel it. Earlier links keep working.".into(),
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
            MailKind::ZoneRulesChanged => vec![
                format!("The time-zone rules of this meeting's place have changed (tz database {}). The meeting keeps its local time, shown below; its time in UTC, and so in other time zones, has moved. The attached invitation updates your calendar.", crate::tz::version()),
            ],
            MailKind::MeetingCancelled => {
                let mut v = vec!["This meeting has been cancelled. The attached cancellation removes it from your calendar.".to_string()];
                if let Some(reason) = about
                    .meeting()
                    .and_then(|m| m.cancel_reason.as_deref())
                    .filter(|r| !r.trim().is_empty())
                {
                    v.push(format!("Reason: {reason}"));
                }
                v
            }
            MailKind::MaterialAdded => vec![
                "New material has been added to the meeting below.".into(),
            ],
            MailKind::Reminder => {
                let starts = about.meeting().map_or(crate::db::now(), |m| m.starts_at);
                vec![format!(
                    "The meeting below starts in {}. Your seat is confirmed; the details are below.",
                    describe_duration(crate::i18n::Lang::En, starts - crate::db::now())
                )]
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
    /// "Hello Ada," only to an address whose owner confirmed it, else "Hello,": a stranger
    /// must not choose the first words of a mail sent from the group's address.
    pub greeting: String,
    pub link_label: &'static str,
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
    pub changes: Vec<ChangeLine>,
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
        .filter(|c| c.label != JOIN || join_url.is_some())
        .cloned()
        .collect();
    // A reminder lists what to read before the meeting.
    let (agenda_url, materials) = match meeting.filter(|_| kind == MailKind::Reminder) {
        Some(m) => {
            let manage = manage_url.as_deref().filter(|_| holds_seat);
            let agenda = links::agenda_url(m, &ctx.meeting_url(m));
            (agenda, links::materials(conn, &ctx.base_url, m, manage)?)
        }
        None => (None, Vec::new()),
    };
    let view = MailView {
        greeting: greeting(reg),
        link_label: match kind {
            MailKind::ConfirmAddress => "Confirm your registration",
            _ => "Change or cancel your registration",
        },
        heading: kind.subject_prefix().to_string(),
        intro: kind.intro(ctx, about),
        title: about.title().to_string(),
        group: about.group().name.clone(),
        when: about.when(),
        place: meeting.and_then(views::place),
        join_url,
        online_details: online
            .filter(|_| show_join)
            .and_then(|m| m.online_details.clone()),
        attendance: reg.attendance().label(crate::i18n::Lang::En).to_string(),
        status: to.status.as_str().to_string(),
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
            .map(|u| crate::ics::manage_note(reg.lang(), u));
        (
            method,
            about.invite(&ctx.base_url, &invitation, show_url, note, now),
        )
    });
    Ok(Rendered {
        subject: format!("{}: {}", kind.subject_prefix(), about.title()),
        text,
        html,
        ics,
    })
}
