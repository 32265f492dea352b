//! Free text staff write: Markdown (a meeting's agenda, a group's about, an update's body)
//! and why a meeting was cancelled.

use super::{given, FieldErrors};

/// A meeting's agenda, Markdown source of at most `MAX_AGENDA_BYTES` bytes of UTF-8, line
/// breaks as LF; empty for none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agenda(String);

/// The agenda's limit, in bytes of UTF-8.
pub const MAX_AGENDA_BYTES: usize = 65_536;

impl Agenda {
    /// Checks the agenda given (`None`: none); problems go to `agenda`.
    pub fn parse(errors: &mut FieldErrors, raw: Option<&str>) -> Agenda {
        Agenda(markdown(errors, "agenda", raw, MAX_AGENDA_BYTES))
    }

    /// The Markdown source as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Markdown that staff write into `field` (an agenda, a group's about, an update's body):
/// line breaks as LF, trailing space trimmed, at most `max_bytes` bytes of UTF-8 and no
/// control character but line breaks and tabs.
pub fn markdown(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    max_bytes: usize,
) -> String {
    // Browsers send textarea line breaks as CRLF: keep one form, LF.
    let text = raw.unwrap_or("").replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end();
    if text.len() > max_bytes {
        errors.add(
            field,
            format!(
                "At most {max_bytes} bytes of UTF-8; this one has {}.",
                text.len()
            ),
        );
    } else if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        errors.add(field, "Contains control characters.");
    }
    text.to_string()
}

/// Why a meeting is cancelled: optional, trimmed, at most 2000 characters, line breaks
/// allowed but no other control character (PostgreSQL refuses a NUL in text).
pub fn cancel_reason(raw: Option<&str>) -> Result<Option<&str>, FieldErrors> {
    let reason = given(raw);
    let mut errors = FieldErrors::default();
    if reason.is_some_and(|r| r.chars().count() > 2000) {
        errors.add("reason", "At most 2000 characters.");
    } else if reason.is_some_and(|r| {
        r.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    }) {
        errors.add("reason", "Contains control characters.");
    }
    errors.into_result(reason)
}
