//! A group as staff describe it, and the same group checked field by field.

use super::{is_valid_slug, optional_text, required_text, single_line, EmailAddress, FieldErrors};

/// A group as staff describe it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    pub slug: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub contact_email: Option<String>,
}

/// A group with every field checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDraft {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub contact_email: Option<EmailAddress>,
}

impl GroupDraft {
    /// Checks every field of `input`; all problems are reported together, keyed by field.
    pub fn parse(input: &GroupInput) -> Result<GroupDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = input.slug.as_deref().unwrap_or("").trim().to_string();
        if !is_valid_slug(&slug) {
            errors.add(
                "slug",
                "Use 1 to 64 lower-case letters, digits and hyphens, e.g. ssr2.",
            );
        }
        let name = required_text(&mut errors, "name", input.name.as_deref(), 200);
        single_line(&mut errors, "name", &name);
        let description = optional_text(
            &mut errors,
            "description",
            input.description.as_deref(),
            10_000,
        )
        .unwrap_or_default();
        let contact_email = match input.contact_email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(e) => match EmailAddress::parse(e) {
                Ok(e) => Some(e),
                Err(msg) => {
                    errors.add("contact_email", msg);
                    None
                }
            },
        };
        errors.into_result(GroupDraft {
            slug,
            name,
            description,
            contact_email,
        })
    }
}
