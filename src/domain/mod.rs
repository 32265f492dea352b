//! Values and rules with no I/O. Requests are parsed into these types at the edge.

pub mod days;
pub mod email;
pub mod enums;
pub mod group;
pub mod home;
pub mod input;
pub mod material;
pub mod meeting;
pub mod notes;
pub mod password;
pub mod recurrence;
pub mod registration;
pub mod reminders;
pub mod schedule;
pub mod series;
pub mod token;

pub use email::EmailAddress;
pub use enums::{
    Attendance, MaterialKind, MeetingFormat, MeetingStatus, MilestoneStatus, RegistrationStatus,
    Role, UpdateStatus, UrlVisibility,
};

use std::collections::BTreeMap;

/// Field name → human-readable problem, for `422` answers and forms shown again.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }
    /// Adds the problems of `other` for fields that have none yet.
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, message) in other.0 {
            self.add(&field, message);
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
        errors.add(field, "This field is required.");
    } else if v.chars().count() > max_chars {
        errors.add(field, format!("At most {max_chars} characters."));
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "Contains control characters.");
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
        errors.add(field, format!("At most {max_chars} characters."));
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.add(field, "Contains control characters.");
    }
    Some(v.to_string())
}

/// A single-line value: names and subjects must not carry line breaks (header injection).
pub fn single_line(errors: &mut FieldErrors, field: &str, value: &str) {
    if value.contains(['\r', '\n']) {
        errors.add(field, "Must be a single line.");
    }
}

/// URL and address fields hold one line of text: no line break, tab or other control
/// character (they would reach calendars, mail headers and logs as written).
pub fn no_controls(errors: &mut FieldErrors, field: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.chars().any(char::is_control)) {
        errors.add(
            field,
            "Must be one line, without line breaks, tabs or other control characters.",
        );
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
