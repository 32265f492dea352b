//! E-mail addresses as observers type them.

use std::fmt;

use super::Problem;

/// A syntactically valid address of at most 254 characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, Problem> {
        // Not even around it: a line break in an address field is an attempt at a header.
        if input.chars().any(char::is_control) {
            return Err(Problem::OneLine);
        }
        let s = input.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > 254 {
            return Err(Problem::TooLong(254));
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) || s.contains(['<', '>', ',']) {
            return Err(Problem::InvalidEmail);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(Problem::InvalidEmail)?;
        if local.is_empty()
            || local.len() > 64
            || domain.is_empty()
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
        {
            return Err(Problem::InvalidEmail);
        }
        // lettre is what sends it: anything it cannot address is not an address for us.
        s.parse::<lettre::Address>()
            .map_err(|_| Problem::InvalidEmail)?;
        Ok(EmailAddress(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to decide "the same address": case-insensitive.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::EmailAddress;

    #[test]
    fn accepts_ordinary_and_rejects_broken_addresses() {
        assert!(EmailAddress::parse(" Ada@Example.org ").is_ok());
        for bad in [
            "",
            "no-at",
            "a@b",
            "a b@c.org",
            "a@c.org\r\nBcc: x@y.z",
            "<a@b.org>",
            "@x.org",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        let e = EmailAddress::parse("Ada@Example.org").unwrap_or_else(|_| panic!());
        assert_eq!(e.normalized(), "ada@example.org");
    }
}
