//! The rules for a new staff password: long enough, and not one of the passwords that
//! attackers try first.

/// Fewest characters a staff password may have.
pub const MIN_CHARS: usize = 12;
/// Most characters a staff password may have (argon2 takes any length; this bounds the work).
pub const MAX_CHARS: usize = 1024;

/// A password that satisfies the rules.
#[derive(Clone)]
pub struct NewPassword(String);

/// Why a password was refused; the message is a sentence fragment for forms and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password must have at least {MIN_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_CHARS} characters")]
    TooLong,
    #[error("the password is one of the most commonly used passwords; choose another")]
    Common,
    #[error("the password must not be the account's e-mail address")]
    IsEmail,
}

impl NewPassword {
    /// Checks `password` for the account with address `email`.
    pub fn parse(password: &str, email: &str) -> Result<NewPassword, PasswordProblem> {
        let n = password.chars().count();
        if n < MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if n > MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        if is_common(password) {
            return Err(PasswordProblem::Common);
        }
        if password.trim().eq_ignore_ascii_case(email.trim()) {
            return Err(PasswordProblem::IsEmail);
        }
        Ok(NewPassword(password.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// Whether the password, or its lower-case form, is on the list of about 100,000 common
/// passwords that the `passwords` crate ships (compiled into the binary).
fn is_common(password: &str) -> bool {
    use passwords::analyzer::is_common_password;
    is_common_password(password) || is_common_password(password.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let ok = |p: &str| NewPassword::parse(p, "me@example.org").map(|_| ());
        assert_eq!(ok("short pass"), Err(PasswordProblem::TooShort));
        assert_eq!(ok("123456789012"), Err(PasswordProblem::Common));
        assert_eq!(ok("PassWord1234"), Err(PasswordProblem::Common));
        assert_eq!(ok("Me@Example.org"), Err(PasswordProblem::IsEmail));
        assert_eq!(
            ok(&"x".repeat(MAX_CHARS + 1)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(ok("a long staff password"), Ok(()));
        assert_eq!(ok("correct horse battery"), Ok(()));
    }
}
