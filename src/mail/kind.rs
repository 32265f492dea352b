//! Why a message to a registrant is sent: its subject, its first paragraphs and its
//! calendar part, in the recipient's language.

use super::about::About;
use super::context::{describe_duration, MailContext};
use crate::i18n::Lang;
use crate::ics::Method;

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

    pub(crate) fn method(self) -> Option<Method> {
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

    /// The heading of the message, which starts its subject: "Registration confirmed".
    pub(crate) fn subject_prefix(self, lang: Lang) -> String {
        lang.msg(match self {
            MailKind::ConfirmAddress => "mail-kind-confirm-address",
            MailKind::Confirmed => "mail-kind-confirmed",
            MailKind::Promoted => "mail-kind-promoted",
            MailKind::Waitlisted => "mail-kind-waitlisted",
            MailKind::AlreadyRegistered => "mail-kind-already-registered",
            MailKind::AttendanceChanged => "mail-kind-attendance-changed",
            MailKind::ObserverCancelled => "mail-kind-observer-cancelled",
            MailKind::MeetingChanged => "mail-kind-meeting-changed",
            MailKind::ZoneRulesChanged => "mail-kind-zone-rules-changed",
            MailKind::MeetingCancelled => "mail-kind-meeting-cancelled",
            MailKind::Reminder => "mail-kind-reminder",
            MailKind::MaterialAdded => "mail-kind-material-added",
        })
    }

    /// The subject: "Registration confirmed: Annual plenary" (the title as staff wrote it).
    pub(crate) fn subject(self, lang: Lang, title: &str) -> String {
        lang.msg2(
            "mail-subject",
            "heading",
            self.subject_prefix(lang),
            "title",
            title,
        )
    }

    /// The first paragraphs of the message.
    pub(crate) fn intro(self, lang: Lang, ctx: &MailContext, about: &About<'_>) -> Vec<String> {
        match self {
            MailKind::ConfirmAddress => vec![
                lang.msg1(
                    "mail-intro-confirm-address",
                    "duration",
                    describe_duration(lang, ctx.pending),
                ),
                lang.msg("mail-intro-not-you"),
            ],
            MailKind::ZoneRulesChanged => vec![lang.msg1(
                "mail-intro-zone-rules-changed",
                "version",
                crate::tz::version(),
            )],
            MailKind::MeetingCancelled => {
                let mut v = vec![lang.msg("mail-intro-meeting-cancelled")];
                if let Some(reason) = about
                    .meeting()
                    .and_then(|m| m.cancel_reason.as_deref())
                    .filter(|r| !r.trim().is_empty())
                {
                    v.push(lang.msg1("mail-cancel-reason", "reason", reason));
                }
                v
            }
            MailKind::Reminder => {
                let starts = about.meeting().map_or(crate::db::now(), |m| m.starts_at);
                vec![lang.msg1(
                    "mail-intro-reminder",
                    "duration",
                    describe_duration(lang, starts - crate::db::now()),
                )]
            }
            _ => vec![self.plain_intro(lang)],
        }
    }

    /// The intro of a message that needs no value of its own.
    fn plain_intro(self, lang: Lang) -> String {
        lang.msg(match self {
            MailKind::Confirmed => "mail-intro-confirmed",
            MailKind::Promoted => "mail-intro-promoted",
            MailKind::Waitlisted => "mail-intro-waitlisted",
            MailKind::AlreadyRegistered => "mail-intro-already-registered",
            MailKind::AttendanceChanged => "mail-intro-attendance-changed",
            MailKind::ObserverCancelled => "mail-intro-observer-cancelled",
            MailKind::MeetingChanged => "mail-intro-meeting-changed",
            MailKind::MaterialAdded => "mail-intro-material-added",
            _ => "mail-intro-meeting-changed",
        })
    }
}
