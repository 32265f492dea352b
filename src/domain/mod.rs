//! Values and rules with no I/O. Requests are parsed into these types at the edge.

pub mod days;
pub mod email;
pub mod enums;
pub mod group;
pub mod home;
pub mod input;
pub mod material;
pub mod meeting;
mod meeting_input;
pub mod notes;
pub mod password;
pub mod problem;
pub mod recurrence;
pub mod registration;
pub mod reminders;
pub mod schedule;
pub mod schema;
pub mod series;
mod series_input;
pub mod token;

pub use email::EmailAddress;
pub use enums::{
    Attendance, MaterialKind, MeetingFormat, MeetingStatus, MilestoneStatus, RegistrationStatus,
    Role, UpdateStatus, UrlVisibility,
};
pub use problem::{FieldMessage, Problem};

use std::collections::BTreeMap;

/// Field name → human-readable problem (English), for `422` answers and forms shown again;
/// beside it, for the problems public forms can show, what the problem is (`Problem`), so
/// that a page says it in the reader's language (`say`).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct FieldErrors(
    pub BTreeMap<String, String>,
    #[serde(skip)] BTreeMap<String, Problem>,
);

impl FieldErrors {
    /// Records the first problem of `field`: English text, or a `Problem`.
    pub fn add(&mut self, field: &str, message: impl Into<FieldMessage>) {
        if self.0.contains_key(field) {
            return;
        }
        let FieldMessage { english, problem } = message.into();
        self.0.insert(field.to_string(), english);
        if let Some(p) = problem {
            self.1.insert(field.to_string(), p);
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The English text of `field`'s problem.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }
    /// `field`'s problem in `lang` (as written, English, when it is not a `Problem`).
    pub fn say(&self, field: &str, lang: crate::i18n::Lang) -> Option<String> {
        match self.1.get(field) {
            Some(p) => Some(p.say(lang)),
            None => self.get(field).map(str::to_string),
        }
    }
    /// Adds the problems of `other` for fields that have none yet.
    pub fn merge(&mut self, other: FieldErrors) {
        let FieldErrors(texts, mut problems) = other;
        for (field, english) in texts {
            let problem = problems.remove(&field);
            self.add(&field, FieldMessage { english, problem });
        }
    }
    /// Both values, or every problem of either.
    pub fn both<A, B>(
        a: Result<A, FieldErrors>,
        b: Result<B, FieldErrors>,
    ) -> Result<(A, B), FieldErrors> {
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
            (Err(mut e), Err(f)) => {
                e.merge(f);
                Err(e)
            }
        }
    }
    /// `Ok(value)` when no error was recorded, else the errors.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// A field as given, trimmed; `None` when it is missing or blank.
pub fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Trims a required text field and checks its length in characters.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> String {
    let v = value.unwrap_or("").trim();
    if v.is_empty() {
        errors.add(field, Problem::Required);
    } else if v.chars().count() > max_chars {
        errors.add(field, Problem::TooLong(max_chars));
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, Problem::ControlCharacters);
    }
    v.to_string()
}

/// Trims an optional text field: empty becomes `None`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Option<String> {
    // Browsers send textarea line breaks as CRLF: keep one form, LF.
    let normalized = value
        .unwrap_or("")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let v = normalized.trim();
    if v.is_empty() {
        return None;
    }
    if v.chars().count() > max_chars {
        errors.add(field, Problem::TooLong(max_chars));
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, Problem::ControlCharacters);
    }
    Some(v.to_string())
}

/// A single-line value: names and subjects must not carry line breaks (header injection).
pub fn single_line(errors: &mut FieldErrors, field: &str, value: &str) {
    if value.contains(['\r', '\n']) {
        errors.add(field, Problem::SingleLine);
    }
}

/// URL and address fields hold one line of text: no line break, tab or other control
/// character (they would reach calendars, mail headers and logs as written).
pub fn no_controls(errors: &mut FieldErrors, field: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.chars().any(char::is_control)) {
        errors.add(field, Problem::OneLine);
    }
}

/// Group slugs: `[a-z0-9-]{1,64}`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An absolute http(s) URL.
pub fn is_http_url(s: &str) -> bool {
    match url::Url::parse(s) {
        Ok(u) => (u.scheme() == "http" || u.scheme() == "https") && u.host_str().is_some(),
        Err(_) => false,
    }
}
