//! Public input to a group, parsed at the edge: who sends it (name and address, the address
//! to be confirmed and never shown), a subject and a plain-text message.

use super::{required_text, single_line, EmailAddress, FieldErrors};

/// Longest name and subject, in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// Longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// The fields as the form on `/groups/{slug}/input` sends them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RawInput {
    pub name: Option<String>,
    pub email: Option<String>,
    pub subject: Option<String>,
    pub message: Option<String>,
}

/// Input that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDraft {
    pub name: String,
    pub email: EmailAddress,
    pub subject: String,
    /// Line breaks as `\n`.
    pub message: String,
}

impl RawInput {
    pub fn parse(&self) -> Result<InputDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", self.name.as_deref(), MAX_LINE_CHARS);
        single_line(&mut errors, "name", &name);
        let email = EmailAddress::parse(self.email.as_deref().unwrap_or(""))
            .map_err(|msg| errors.add("email", msg))
            .ok();
        let subject = required_text(
            &mut errors,
            "subject",
            self.subject.as_deref(),
            MAX_LINE_CHARS,
        );
        single_line(&mut errors, "subject", &subject);
        // Browsers send textarea line breaks as CRLF: keep one form, LF.
        let message = self
            .message
            .as_deref()
            .map(|m| m.replace("\r\n", "\n").replace('\r', "\n"));
        let message = required_text(
            &mut errors,
            "message",
            message.as_deref(),
            MAX_MESSAGE_CHARS,
        );
        match email {
            Some(email) if errors.is_empty() => Ok(InputDraft {
                name,
                email,
                subject,
                message,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str, email: &str, subject: &str, message: &str) -> RawInput {
        RawInput {
            name: Some(name.into()),
            email: Some(email.into()),
            subject: Some(subject.into()),
            message: Some(message.into()),
        }
    }

    #[test]
    fn keeps_line_breaks_as_lf_and_trims() {
        let d = raw(" Ada ", "ada@example.org", "Hi", "  one\r\ntwo\rthree \n")
            .parse()
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.name, "Ada");
        assert_eq!(d.message, "one\ntwo\nthree");
    }

    #[test]
    fn names_every_field_in_trouble() {
        let long = "x".repeat(MAX_MESSAGE_CHARS + 1);
        let e = raw("A\nB", "nope", "", &long)
            .parse()
            .err()
            .unwrap_or_default();
        for field in ["name", "email", "subject", "message"] {
            assert!(e.get(field).is_some(), "{field}: {e:?}");
        }
        let e = raw(&"n".repeat(201), "a@example.org", "S\rT", "m")
            .parse()
            .err()
            .unwrap_or_default();
        assert!(
            e.get("name").is_some() && e.get("subject").is_some(),
            "{e:?}"
        );
        let ok = raw("A", "a@example.org", "S", &"é".repeat(MAX_MESSAGE_CHARS)).parse();
        assert!(ok.is_ok(), "10,000 characters of any script fit");
    }
}
