//! Free text staff write about a meeting: its agenda (Markdown) and why it was cancelled.

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
        // Browsers send textarea line breaks as CRLF: keep one form, LF.
        let text = raw.unwrap_or("").replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim_end();
        if text.len() > MAX_AGENDA_BYTES {
            errors.add(
                "agenda",
                format!(
                    "At most {MAX_AGENDA_BYTES} bytes of UTF-8; this one has {}.",
                    text.len()
                ),
            );
        } else if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        {
            errors.add("agenda", "Contains control characters.");
        }
        Agenda(text.to_string())
    }

    /// The Markdown source as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
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
