//! What can be wrong with a field a public form asks for, in one place: its English text
//! (what the JSON API answers, unchanged) and the message that says it in the reader's
//! language on a page.

use std::fmt;

use super::Attendance;
use crate::i18n::Lang;

/// A problem with one field of a public form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong(usize),
    ControlCharacters,
    SingleLine,
    /// A line break, tab or other control character in a one-line value.
    OneLine,
    InvalidEmail,
    ChooseAttendance,
    UnknownAttendance,
    /// That attendance is offered by none of the open meetings.
    NotOffered(Attendance),
    /// The meeting does not offer the attendance asked for.
    NotOfferedHere,
    Consent,
    LeaveEmpty,
}

impl Problem {
    /// The English text, as the JSON API and staff pages give it.
    pub fn english(self) -> String {
        match self {
            Problem::Required => "This field is required.".into(),
            Problem::TooLong(max) => format!("At most {max} characters."),
            Problem::ControlCharacters => "Contains control characters.".into(),
            Problem::SingleLine => "Must be a single line.".into(),
            Problem::OneLine => {
                "Must be one line, without line breaks, tabs or other control characters.".into()
            }
            Problem::InvalidEmail => "Enter a valid e-mail address, like name@example.org.".into(),
            Problem::ChooseAttendance => "Choose how you will attend.".into(),
            Problem::UnknownAttendance => format!("Must be one of: {}.", Attendance::names()),
            Problem::NotOffered(a) => {
                format!("{} attendance is not offered here.", a.label(Lang::En))
            }
            Problem::NotOfferedHere => "This meeting does not offer that attendance.".into(),
            Problem::Consent => {
                "Please agree to the storage of your details, or we cannot register you.".into()
            }
            Problem::LeaveEmpty => "This field must be left empty.".into(),
        }
    }

    /// The problem as a page in `lang` says it.
    pub fn say(self, lang: Lang) -> String {
        match self {
            Problem::TooLong(max) => lang.msg1("field-too-long", "max", max),
            Problem::UnknownAttendance => {
                lang.msg1("field-attendance-one-of", "choices", Attendance::names())
            }
            Problem::NotOffered(a) => lang.msg1("field-not-offered", "attendance", a.label(lang)),
            fixed => lang.msg(match fixed {
                Problem::Required => "field-required",
                Problem::ControlCharacters => "field-control-characters",
                Problem::SingleLine => "field-single-line",
                Problem::OneLine => "field-one-line",
                Problem::InvalidEmail => "field-invalid-email",
                Problem::ChooseAttendance => "field-choose-attendance",
                Problem::NotOfferedHere => "field-not-offered-here",
                Problem::Consent => "field-consent",
                _ => "field-leave-empty",
            }),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// A field's problem as recorded: its English text, and what it is when it is one of the
/// problems above (then pages say it in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    pub english: String,
    pub problem: Option<Problem>,
}

impl From<Problem> for FieldMessage {
    fn from(p: Problem) -> FieldMessage {
        FieldMessage {
            english: p.english(),
            problem: Some(p),
        }
    }
}

impl From<String> for FieldMessage {
    fn from(english: String) -> FieldMessage {
        FieldMessage {
            english,
            problem: None,
        }
    }
}

impl From<&str> for FieldMessage {
    fn from(english: &str) -> FieldMessage {
        english.to_string().into()
    }
}

impl From<&String> for FieldMessage {
    fn from(english: &String) -> FieldMessage {
        english.clone().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_pages_say_what_the_api_says() {
        for p in [
            Problem::Required,
            Problem::TooLong(200),
            Problem::ControlCharacters,
            Problem::SingleLine,
            Problem::OneLine,
            Problem::InvalidEmail,
            Problem::ChooseAttendance,
            Problem::UnknownAttendance,
            Problem::NotOffered(Attendance::Remote),
            Problem::NotOfferedHere,
            Problem::Consent,
            Problem::LeaveEmpty,
        ] {
            assert_eq!(p.say(Lang::En), p.english());
        }
    }
}
