//! A group as staff describe it, and the same group checked field by field.

use super::home::MAX_MARKDOWN_BYTES;
use super::notes::markdown;
use super::{
    is_valid_slug, optional_text, required_text, schema, single_line, EmailAddress, FieldErrors,
};

/// A group as staff describe it.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    /// Given when the group is created; a change may repeat it, not change it.
    #[schema(schema_with = schema::slug)]
    pub slug: Option<String>,
    /// Required to create; in a change, null leaves it as it is.
    #[schema(schema_with = schema::required_line_or_null::<200>)]
    pub name: Option<String>,
    #[schema(schema_with = schema::text::<10000>)]
    pub description: Option<String>,
    /// Blank for none.
    #[schema(schema_with = schema::optional_email)]
    pub contact_email: Option<String>,
    /// Markdown: mandate, status and topic areas (at most 65,536 bytes).
    #[schema(schema_with = schema::markdown)]
    pub about: Option<String>,
    /// Where confirmed public input is forwarded; blank for nowhere.
    #[schema(schema_with = schema::optional_email)]
    pub input_email: Option<String>,
}

impl GroupInput {
    /// `self` laid over `current`: what `self` names replaces, the rest stays (`PATCH`).
    pub fn over(self, current: GroupInput) -> GroupInput {
        GroupInput {
            slug: self.slug.or(current.slug),
            name: self.name.or(current.name),
            description: self.description.or(current.description),
            contact_email: self.contact_email.or(current.contact_email),
            about: self.about.or(current.about),
            input_email: self.input_email.or(current.input_email),
        }
    }
}

/// A group with every field checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDraft {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub contact_email: Option<EmailAddress>,
    pub about: String,
    pub input_email: Option<EmailAddress>,
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
        let contact_email =
            optional_email(&mut errors, "contact_email", input.contact_email.as_deref());
        let input_email = optional_email(&mut errors, "input_email", input.input_email.as_deref());
        let about = markdown(
            &mut errors,
            "about",
            input.about.as_deref(),
            MAX_MARKDOWN_BYTES,
        );
        errors.into_result(GroupDraft {
            slug,
            name,
            description,
            contact_email,
            about,
            input_email,
        })
    }
}

/// An address, or nothing when blank.
fn optional_email(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
) -> Option<EmailAddress> {
    match raw.map(str::trim) {
        None | Some("") => None,
        Some(e) => EmailAddress::parse(e)
            .map_err(|msg| errors.add(field, msg))
            .ok(),
    }
}
