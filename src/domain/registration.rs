//! A registration request, parsed at the edge: every later step works with valid values.

use super::{Attendance, EmailAddress, FieldErrors};

/// A registration request that passed validation.
#[derive(Debug, Clone)]
pub struct RegistrationInput {
    pub name: String,
    pub email: EmailAddress,
    pub affiliation: Option<String>,
    pub attendance: Attendance,
}

/// Raw fields as a form or JSON body delivers them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RawRegistration {
    pub name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub attendance: Option<String>,
}

impl RawRegistration {
    pub fn parse(&self) -> Result<RegistrationInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = super::required_text(&mut errors, "name", self.name.as_deref(), 200);
        super::single_line(&mut errors, "name", &name);
        let email = match EmailAddress::parse(self.email.as_deref().unwrap_or("")) {
            Ok(e) => Some(e),
            Err(msg) => {
                errors.add("email", msg);
                None
            }
        };
        let affiliation =
            super::optional_text(&mut errors, "affiliation", self.affiliation.as_deref(), 200);
        if let Some(a) = &affiliation {
            super::single_line(&mut errors, "affiliation", a);
        }
        let attendance = match self.attendance.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("attendance", super::Problem::ChooseAttendance);
                None
            }
            Some(a) => match Attendance::parse(a) {
                Some(a) => Some(a),
                None => {
                    errors.add("attendance", super::Problem::UnknownAttendance);
                    None
                }
            },
        };
        match (email, attendance) {
            (Some(email), Some(attendance)) if errors.is_empty() => Ok(RegistrationInput {
                name,
                email,
                affiliation,
                attendance,
            }),
            _ => Err(errors),
        }
    }
}
