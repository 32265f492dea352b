//! What staff write on a group's public home: its people, milestones and updates, each
//! parsed at the edge into checked fields, with problems keyed by field.

use chrono::NaiveDate;

use super::notes::markdown;
use super::schema;
use super::{optional_text, required_text, single_line, FieldErrors};
use super::{MilestoneStatus, Role, UpdateStatus};

/// A group's `about` and an update's body: Markdown of at most this many bytes.
pub const MAX_MARKDOWN_BYTES: usize = 65_536;

/// `POST /api/v1/groups/{slug}/members`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    #[schema(required = true, schema_with = schema::required_line::<200>)]
    pub name: Option<String>,
    #[schema(required = true, value_type = Role, nullable = false)]
    pub role: Option<String>,
    #[schema(schema_with = schema::line::<200>)]
    pub affiliation: Option<String>,
    #[schema(schema_with = schema::text::<1000>)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDraft {
    pub name: String,
    pub role: Role,
    pub affiliation: Option<String>,
    pub note: Option<String>,
}

impl MemberDraft {
    pub fn parse(input: &MemberInput) -> Result<MemberDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", input.name.as_deref(), 200);
        single_line(&mut errors, "name", &name);
        let role = choice(
            &mut errors,
            "role",
            input.role.as_deref(),
            Role::parse,
            Role::names,
        );
        let affiliation = optional_text(
            &mut errors,
            "affiliation",
            input.affiliation.as_deref(),
            200,
        );
        if let Some(a) = &affiliation {
            single_line(&mut errors, "affiliation", a);
        }
        let note = optional_text(&mut errors, "note", input.note.as_deref(), 1000);
        errors.into_result(MemberDraft {
            name,
            role: role.unwrap_or(Role::Member),
            affiliation,
            note,
        })
    }
}

/// `POST`/`PATCH /api/v1/groups/{slug}/milestones[/{id}]`. `meeting` is a meeting id of the
/// same group.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneInput {
    #[schema(schema_with = schema::required_date)]
    pub date: Option<String>,
    #[schema(schema_with = schema::required_line::<300>)]
    pub title: Option<String>,
    #[schema(schema_with = schema::text::<5000>)]
    pub description: Option<String>,
    #[schema(value_type = MilestoneStatus, nullable = false, required = false)]
    pub status: Option<String>,
    /// A meeting of the same group; null unlinks.
    pub meeting: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneDraft {
    pub date: NaiveDate,
    pub title: String,
    pub description: String,
    pub status: MilestoneStatus,
    pub meeting: Option<i64>,
}

impl MilestoneDraft {
    pub fn parse(input: &MilestoneInput) -> Result<MilestoneDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = match input.date.as_deref().map(str::trim) {
            None | Some("") => {
                errors.add("date", "This field is required.");
                None
            }
            Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| errors.add("date", "A date like 2017-12-31."))
                .ok(),
        };
        let title = required_text(&mut errors, "title", input.title.as_deref(), 300);
        single_line(&mut errors, "title", &title);
        let description = optional_text(
            &mut errors,
            "description",
            input.description.as_deref(),
            5000,
        );
        let status = choice(
            &mut errors,
            "status",
            input.status.as_deref(),
            MilestoneStatus::parse,
            MilestoneStatus::names,
        );
        errors.into_result(MilestoneDraft {
            date: date.unwrap_or_default(),
            title,
            description: description.unwrap_or_default(),
            status: status.unwrap_or(MilestoneStatus::Planned),
            meeting: input.meeting,
        })
    }
}

/// `POST /api/v1/groups/{slug}/updates`, and its `PATCH`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateInput {
    #[schema(schema_with = schema::required_line::<300>)]
    pub title: Option<String>,
    /// Markdown, at most 65,536 bytes.
    #[schema(schema_with = schema::required_markdown)]
    pub body: Option<String>,
    #[schema(value_type = UpdateStatus, nullable = false, required = false)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateDraft {
    pub title: String,
    pub body: String,
    pub status: UpdateStatus,
}

impl UpdateDraft {
    pub fn parse(input: &UpdateInput) -> Result<UpdateDraft, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = required_text(&mut errors, "title", input.title.as_deref(), 300);
        single_line(&mut errors, "title", &title);
        let body = markdown(
            &mut errors,
            "body",
            input.body.as_deref(),
            MAX_MARKDOWN_BYTES,
        );
        if body.trim().is_empty() && errors.get("body").is_none() {
            errors.add("body", "This field is required.");
        }
        let status = choice(
            &mut errors,
            "status",
            input.status.as_deref(),
            UpdateStatus::parse,
            UpdateStatus::names,
        );
        errors.into_result(UpdateDraft {
            title,
            body,
            status: status.unwrap_or(UpdateStatus::Draft),
        })
    }
}

/// A required choice among `names()`.
fn choice<T>(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    parse: fn(&str) -> Option<T>,
    names: fn() -> String,
) -> Option<T> {
    match raw.map(str::trim) {
        None | Some("") => {
            errors.add(
                field,
                format!("This field is required: one of {}.", names()),
            );
            None
        }
        Some(v) => {
            let parsed = parse(v);
            if parsed.is_none() {
                errors.add(field, format!("One of {}.", names()));
            }
            parsed
        }
    }
}
