//! A meeting as staff describe it: the JSON of the API, with the rules its description
//! states (`domain::schema`). `domain::meeting` checks it into a `MeetingDraft`.

use super::days::RawDay;
use super::{given, schema, MeetingFormat};

/// A meeting as staff describe it; times are wall times in `timezone`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    /// The group's slug.
    #[schema(schema_with = schema::group_slug)]
    pub group: Option<String>,
    #[schema(schema_with = schema::required_line::<200>)]
    pub title: Option<String>,
    #[schema(schema_with = schema::text::<20000>)]
    pub description: Option<String>,
    #[schema(value_type = MeetingFormat, nullable = false, required = false)]
    pub format: Option<String>,
    #[schema(schema_with = schema::timezone)]
    pub timezone: Option<String>,
    #[schema(schema_with = schema::wall_time)]
    pub starts_at: Option<String>,
    #[schema(schema_with = schema::wall_time)]
    pub ends_at: Option<String>,
    /// Required (not blank) for `in_person` and `hybrid` meetings.
    #[schema(schema_with = schema::place::<200>)]
    pub venue: Option<String>,
    #[schema(schema_with = schema::place::<500>)]
    pub address: Option<String>,
    /// Required (not blank) for `in_person` and `hybrid` meetings.
    #[schema(schema_with = schema::place::<100>)]
    pub city: Option<String>,
    #[schema(schema_with = schema::place::<100>)]
    pub country: Option<String>,
    /// The join URL: required for `online` and `hybrid` meetings.
    #[schema(schema_with = schema::http_url)]
    pub online_url: Option<String>,
    #[schema(schema_with = schema::text::<5000>)]
    pub online_details: Option<String>,
    #[schema(schema_with = schema::url_visibility)]
    pub online_url_visibility: Option<String>,
    #[schema(schema_with = schema::capacity)]
    pub in_person_capacity: Option<i64>,
    #[schema(schema_with = schema::capacity)]
    pub remote_capacity: Option<i64>,
    pub waitlist: Option<bool>,
    /// Anonymous registrations wait for the address to be confirmed by mail (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_email: Option<bool>,
    /// Default: open now.
    #[schema(schema_with = schema::wall_time)]
    pub registration_opens_at: Option<String>,
    /// Default: closes at the start.
    #[schema(schema_with = schema::wall_time)]
    pub registration_closes_at: Option<String>,
    #[schema(schema_with = schema::editable_status)]
    pub status: Option<String>,
    /// Several days, each with its own hours (then `starts_at`/`ends_at` may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_items = 1, max_items = 14)]
    pub days: Option<Vec<RawDay>>,
    /// Reminder lead times in minutes before the start (default `[1440]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = schema::reminders)]
    pub reminders: Option<Vec<i64>>,
    /// The agenda in Markdown (at most 65,536 bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = schema::text::<65536>)]
    pub agenda: Option<String>,
    /// `PATCH` only: `false` saves without mailing anyone (SEQUENCE is raised all the same).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

impl MeetingInput {
    /// The group's slug as given, trimmed; `None` when it is missing or blank.
    pub fn group_slug(&self) -> Option<&str> {
        given(self.group.as_deref())
    }
}
