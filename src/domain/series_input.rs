//! A weekly series as staff describe it: the JSON of the API, with the rules its
//! description states (`domain::schema`). `domain::series` checks it into a `SeriesDraft`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::recurrence;
use super::schedule::format_wall_time as wall;
use super::{given, schema, MeetingFormat};

/// A series as staff describe it. Times are wall times in `timezone`.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesInput {
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
    /// The first occurrence's start, e.g. `2027-01-06T14:00`.
    #[schema(schema_with = schema::first_start)]
    pub first_start: Option<String>,
    #[schema(nullable = false, minimum = 5, maximum = 1440)]
    pub duration_minutes: Option<i64>,
    /// Every N weeks (default 1).
    #[schema(minimum = 1, maximum = 52)]
    pub interval_weeks: Option<i64>,
    /// E.g. `["WE"]` or `["MO","TH"]`; default: the first start's weekday.
    #[schema(schema_with = schema::weekdays)]
    pub weekdays: Option<Vec<String>>,
    /// Last day an occurrence may fall on (`2027-12-31`), within five years of the first
    /// start; or give `count`.
    #[schema(schema_with = schema::date)]
    pub until: Option<String>,
    #[schema(minimum = 1, maximum = 520)]
    pub count: Option<i64>,
    /// Required (not blank) for `in_person` and `hybrid` series.
    #[schema(schema_with = schema::place::<200>)]
    pub venue: Option<String>,
    #[schema(schema_with = schema::place::<500>)]
    pub address: Option<String>,
    /// Required (not blank) for `in_person` and `hybrid` series.
    #[schema(schema_with = schema::place::<100>)]
    pub city: Option<String>,
    #[schema(schema_with = schema::place::<100>)]
    pub country: Option<String>,
    /// The join URL: required for `online` and `hybrid` series.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_email: Option<bool>,
    #[schema(schema_with = schema::editable_status)]
    pub status: Option<String>,
    /// Reminder lead times for every occurrence (default `[1440]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = schema::reminders)]
    pub reminders: Option<Vec<i64>>,
    /// The agenda of every occurrence, in Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = schema::text::<65536>)]
    pub agenda: Option<String>,
    /// `PATCH` only: `false` saves without mailing anyone (SEQUENCE is raised all the same).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

impl SeriesInput {
    /// The group's slug as given, trimmed; `None` when it is missing or blank.
    pub fn group_slug(&self) -> Option<&str> {
        given(self.group.as_deref())
    }

    /// The same series changed from `from` on: a first start left as it was moves to the
    /// first occurrence of the rule on or after `from`, at the same time of day.
    pub fn starting_from(&self, from: NaiveDate, old_first: NaiveDateTime) -> SeriesInput {
        let mut i = self.clone();
        if i.first_start.as_deref() == Some(wall(old_first).as_str()) {
            let weekdays: Vec<Weekday> = i
                .weekdays
                .clone()
                .unwrap_or_default()
                .iter()
                .filter_map(|w| recurrence::parse_weekday(w))
                .collect();
            let mut day = from;
            while !weekdays.is_empty() && !weekdays.contains(&day.weekday()) {
                day += Duration::days(1);
            }
            i.first_start = Some(wall(day.and_time(old_first.time())));
        }
        i
    }
}
