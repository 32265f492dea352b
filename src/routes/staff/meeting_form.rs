//! Staff: the meeting form — its fields as typed, the day rows of a multi-day meeting
//! (added and removed without JavaScript), and the page that shows it.

use askama::Template;

use super::StaffChrome;
use crate::db::{self, groups, meetings};
use crate::domain::days::RawDay;
use crate::domain::meeting::MeetingInput;
use crate::domain::reminders::Reminders;
use crate::domain::{FieldErrors, MeetingFormat};
use crate::error::AppError;
/// The meeting form's fields, all as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub struct MeetingForm {
    pub csrf_token: Option<String>,
    pub group: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub format: Option<String>,
    pub timezone: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub online_details: Option<String>,
    pub online_url_visibility: Option<String>,
    pub in_person_capacity: Option<String>,
    pub remote_capacity: Option<String>,
    pub waitlist: Option<String>,
    pub verify_email: Option<String>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub status: Option<String>,
    /// Reminder lead times, minutes separated by commas ("1440, 60"; empty for none).
    pub reminders: Option<String>,
    /// The agenda in Markdown.
    pub agenda: Option<String>,
    /// "Notify registrants" (checked unless staff save quietly).
    pub notify: Option<String>,
    /// "Preview" was pressed: show the form again with the agenda rendered, save nothing.
    pub preview: Option<String>,
    /// "Add a day" was pressed: show the form again with one more day, save nothing.
    pub add_day: Option<String>,
    /// "Remove" was pressed on day N (1-based): show the form again without it.
    pub remove_day: Option<String>,
    /// The days of a multi-day meeting, as `day1_starts_at`, `day1_ends_at`, `day2_…`.
    #[serde(flatten)]
    pub day_fields: std::collections::BTreeMap<String, String>,
}

/// What a submitted meeting form asks for.
pub(super) enum Submitted {
    /// Save these values (with the form's own errors, if any).
    Save(MeetingInput, FieldErrors),
    /// Show the form again, unsaved: a day added or removed, or the agenda previewed.
    Redisplay(MeetingInput),
}

/// The rows `dayN_starts_at`/`dayN_ends_at` of the form, in day order.
pub(super) fn day_rows(fields: &std::collections::BTreeMap<String, String>) -> Vec<RawDay> {
    let mut rows: Vec<(usize, RawDay)> = Vec::new();
    for (key, value) in fields {
        let Some((n, which)) = key
            .strip_prefix("day")
            .and_then(|k| k.split_once('_'))
            .and_then(|(n, w)| Some((n.parse::<usize>().ok()?, w)))
        else {
            continue;
        };
        if n == 0 || n > crate::domain::days::MAX_DAYS + 1 {
            continue;
        }
        let at = match rows.iter().position(|(i, _)| *i == n) {
            Some(at) => at,
            None => {
                rows.push((n, RawDay::default()));
                rows.len() - 1
            }
        };
        let value = Some(value.clone()).filter(|v| !v.trim().is_empty());
        match which {
            "starts_at" => rows[at].1.starts_at = value,
            "ends_at" => rows[at].1.ends_at = value,
            _ => {}
        }
    }
    rows.sort_by_key(|(n, _)| *n);
    rows.into_iter().map(|(_, d)| d).collect()
}

/// The same wall time a day later (empty when it cannot be read).
pub(super) fn next_day(wall: &Option<String>) -> Option<String> {
    let t = crate::domain::schedule::parse_wall_time(wall.as_deref()?).ok()?;
    Some(
        (t + chrono::Duration::days(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

/// Applies "Add a day" or "Remove" to the input. Days live in `days` while there are two or
/// more; a single one is the meeting's `starts_at`/`ends_at`.
pub(super) fn edit_days(input: &mut MeetingInput, add: bool, remove: Option<usize>) {
    let mut days = input.days.take().unwrap_or_else(|| {
        vec![RawDay {
            starts_at: input.starts_at.clone(),
            ends_at: input.ends_at.clone(),
        }]
    });
    if let Some(n) = remove.filter(|n| (1..=days.len()).contains(n)) {
        days.remove(n - 1);
    }
    if add && days.len() < crate::domain::days::MAX_DAYS {
        let last = days.last().cloned().unwrap_or_default();
        days.push(RawDay {
            starts_at: next_day(&last.starts_at),
            ends_at: next_day(&last.ends_at),
        });
    }
    set_days(input, days);
}

pub(super) fn set_days(input: &mut MeetingInput, mut days: Vec<RawDay>) {
    if days.len() > 1 {
        input.starts_at = None;
        input.ends_at = None;
        input.days = Some(days);
    } else {
        let day = days.pop().unwrap_or_default();
        input.starts_at = day.starts_at;
        input.ends_at = day.ends_at;
        input.days = None;
    }
}

pub(super) fn capacity(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<i64> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    match v.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(field, super::LANG.msg("staff-error-number-or-empty"));
            None
        }
    }
}

impl MeetingForm {
    pub(super) fn into_input(self) -> Submitted {
        let add = self.add_day.is_some();
        let remove = self
            .remove_day
            .as_deref()
            .and_then(|n| n.trim().parse().ok());
        let mut errors = FieldErrors::default();
        let in_person_capacity = capacity(
            &mut errors,
            "in_person_capacity",
            self.in_person_capacity.as_deref(),
        );
        let remote_capacity = capacity(
            &mut errors,
            "remote_capacity",
            self.remote_capacity.as_deref(),
        );
        let days = day_rows(&self.day_fields);
        let mut input = MeetingInput {
            group: self.group,
            title: self.title,
            description: self.description,
            format: self.format,
            timezone: self.timezone,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue: self.venue,
            address: self.address,
            city: self.city,
            country: self.country,
            online_url: self.online_url,
            online_details: self.online_details,
            online_url_visibility: self.online_url_visibility,
            in_person_capacity,
            remote_capacity,
            waitlist: Some(self.waitlist.as_deref() == Some("on")),
            verify_email: Some(self.verify_email.as_deref() == Some("on")),
            registration_opens_at: self.registration_opens_at,
            registration_closes_at: self.registration_closes_at,
            status: self.status,
            days: None,
            reminders: self
                .reminders
                .as_deref()
                .and_then(|t| Reminders::parse_text(&mut errors, t)),
            agenda: self.agenda,
            notify: Some(self.notify.as_deref() == Some("on")),
        };
        if !days.is_empty() {
            set_days(&mut input, days);
        }
        if add || remove.is_some() {
            edit_days(&mut input, add, remove);
            return Submitted::Redisplay(input);
        }
        if self.preview.is_some() {
            return Submitted::Redisplay(input);
        }
        Submitted::Save(input, errors)
    }
}

#[derive(Template)]
#[template(path = "staff/meeting_form.html")]
pub(super) struct FormPage {
    chrome: StaffChrome,
    heading: String,
    action: String,
    submit: String,
    meeting_id: Option<i64>,
    sequence: i32,
    status: String,
    f: MeetingInput,
    in_person_capacity: String,
    remote_capacity: String,
    groups: Vec<(String, String)>,
    formats: Vec<(&'static str, String)>,
    zones: &'static [String],
    errors: FieldErrors,
    form_error: Option<String>,
}

impl FormPage {
    /// The agenda as it will show on the meeting page.
    fn agenda_preview(&self) -> String {
        crate::markdown::to_safe_html(self.f.agenda.as_deref().unwrap_or_default())
    }
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

/// Every IANA zone name, sorted, for the searchable zone field.
pub(super) fn zones() -> &'static [String] {
    static ZONES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ZONES.get_or_init(|| crate::tz::db().names())
}

pub(super) struct FormContext {
    pub(super) heading: String,
    pub(super) action: String,
    pub(super) submit: String,
    pub(super) meeting_id: Option<i64>,
    pub(super) sequence: i32,
    pub(super) status: String,
}

pub(super) fn form_page(
    chrome: StaffChrome,
    ctx: FormContext,
    f: MeetingInput,
    groups: Vec<(String, String)>,
    errors: FieldErrors,
    form_error: Option<String>,
) -> FormPage {
    FormPage {
        chrome,
        heading: ctx.heading,
        action: ctx.action,
        submit: ctx.submit,
        meeting_id: ctx.meeting_id,
        sequence: ctx.sequence,
        status: ctx.status,
        in_person_capacity: f
            .in_person_capacity
            .map(|c| c.to_string())
            .unwrap_or_default(),
        remote_capacity: f.remote_capacity.map(|c| c.to_string()).unwrap_or_default(),
        f,
        groups,
        formats: MeetingFormat::ALL
            .iter()
            .map(|f| (f.as_str(), f.label(super::LANG)))
            .collect(),
        zones: zones(),
        errors,
        form_error,
    }
}

pub(super) fn group_choices(conn: &mut db::DbConn) -> Result<Vec<(String, String)>, AppError> {
    Ok(groups::all(conn)?
        .into_iter()
        .map(|g| (g.slug, g.name))
        .collect())
}

pub(super) fn new_context() -> FormContext {
    FormContext {
        heading: super::LANG.msg("staff-meeting-new"),
        action: "/staff/meetings/new".into(),
        submit: super::LANG.msg("staff-meeting-create"),
        meeting_id: None,
        sequence: 0,
        status: "draft".into(),
    }
}

pub(super) fn edit_context(m: &meetings::Meeting) -> FormContext {
    FormContext {
        heading: super::LANG.msg1("staff-meeting-edit", "title", &m.title),
        action: format!("/staff/meetings/{}/edit", m.id),
        submit: super::LANG.msg("staff-meeting-save"),
        meeting_id: Some(m.id),
        sequence: m.sequence,
        status: m.status.clone(),
    }
}
