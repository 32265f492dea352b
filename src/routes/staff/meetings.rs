//! Staff: the dashboard and the meeting forms (create, edit, copy, cancel).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, page, see_other, Done, StaffChrome};
use crate::db::groups;
use crate::db::meetings::{self, Listing};
use crate::db::{self, outbox};
use crate::domain::days::RawDay;
use crate::domain::{FieldErrors, MeetingFormat};
use crate::error::AppError;
use crate::services::meetings::{self as service, MeetingInput};
use crate::state::AppState;
use crate::views::{self, SeatView};

pub struct Row {
    pub id: i64,
    pub title: String,
    pub group: String,
    pub when: String,
    pub status: String,
    pub seats: Vec<SeatView>,
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    chrome: StaffChrome,
    rows: Vec<Row>,
    failed_mail: i64,
    pending_mail: i64,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct DashboardQuery {
    past: Option<String>,
    done: Option<String>,
}

pub async fn dashboard(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, StaffError> {
    let past = query.past.is_some();
    let (rows, failed_mail, pending_mail) = state
        .db(move |conn| -> Result<_, AppError> {
            let now = db::now();
            let listing = Listing {
                from: (!past).then_some(now),
                to: past.then_some(now),
                newest_first: past,
                include_drafts: true,
                limit: Some(500),
                ..Listing::default()
            };
            let list = meetings::list(conn, &listing)?;
            let ids: Vec<i64> = list.iter().map(|(m, _)| m.id).collect();
            let counts = meetings::seat_counts(conn, &ids)?;
            let rows = list
                .iter()
                .map(|(m, g)| Row {
                    id: m.id,
                    title: m.title.clone(),
                    group: g.name.clone(),
                    when: views::when_local(m),
                    status: m.status.clone(),
                    seats: views::seats(m, &counts.get(&m.id).copied().unwrap_or_default()),
                })
                .collect();
            Ok((
                rows,
                outbox::count_by_status(conn, outbox::FAILED)?,
                outbox::count_by_status(conn, outbox::PENDING)?,
            ))
        })
        .await?;
    let notice = query.done.as_deref().map(notice_text);
    Ok(page(
        StatusCode::OK,
        &Dashboard {
            chrome: chrome(&req, &state, &me.0, notice),
            rows,
            failed_mail,
            pending_mail,
        },
    ))
}

fn notice_text(done: &str) -> String {
    match done {
        "created" => "Meeting created.".into(),
        "saved" => {
            "Saved. Observers get an updated invitation if the time, place or link changed.".into()
        }
        "cancelled" => "Meeting cancelled. Every observer is being told.".into(),
        _ => "Done.".into(),
    }
}

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
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub status: Option<String>,
    /// "Add a day" was pressed: show the form again with one more day, save nothing.
    pub add_day: Option<String>,
    /// "Remove" was pressed on day N (1-based): show the form again without it.
    pub remove_day: Option<String>,
    /// The days of a multi-day meeting, as `day1_starts_at`, `day1_ends_at`, `day2_…`.
    #[serde(flatten)]
    pub day_fields: std::collections::BTreeMap<String, String>,
}

/// What a submitted meeting form asks for.
enum Submitted {
    /// Save these values (with the form's own errors, if any).
    Save(MeetingInput, FieldErrors),
    /// Show the form again with a day added or removed.
    EditDays(MeetingInput),
}

/// The form again, unsaved, after a day was added or removed.
async fn redisplay(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &StaffUser,
    id: Option<i64>,
    input: MeetingInput,
) -> Result<HttpResponse, StaffError> {
    let (ctx, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let ctx = match id {
                Some(id) => {
                    edit_context(&meetings::find(conn, id)?.ok_or(AppError::NotFound("meeting"))?)
                }
                None => new_context(),
            };
            Ok((ctx, group_choices(conn)?))
        })
        .await?;
    let chrome = chrome(req, state, &me.0, None);
    let form = form_page(chrome, ctx, input, groups, FieldErrors::default(), None);
    Ok(page(StatusCode::OK, &form))
}

/// The rows `dayN_starts_at`/`dayN_ends_at` of the form, in day order.
fn day_rows(fields: &std::collections::BTreeMap<String, String>) -> Vec<RawDay> {
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
fn next_day(wall: &Option<String>) -> Option<String> {
    let t = crate::domain::schedule::parse_wall_time(wall.as_deref()?).ok()?;
    Some(
        (t + chrono::Duration::days(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

/// Applies "Add a day" or "Remove" to the input. Days live in `days` while there are two or
/// more; a single one is the meeting's `starts_at`/`ends_at`.
fn edit_days(input: &mut MeetingInput, add: bool, remove: Option<usize>) {
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

fn set_days(input: &mut MeetingInput, mut days: Vec<RawDay>) {
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

fn capacity(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<i64> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    match v.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(field, "Enter a whole number, or leave empty for no limit.");
            None
        }
    }
}

impl MeetingForm {
    fn into_input(self) -> Submitted {
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
            registration_opens_at: self.registration_opens_at,
            registration_closes_at: self.registration_closes_at,
            status: self.status,
            days: None,
        };
        if !days.is_empty() {
            set_days(&mut input, days);
        }
        if add || remove.is_some() {
            edit_days(&mut input, add, remove);
            return Submitted::EditDays(input);
        }
        Submitted::Save(input, errors)
    }
}

#[derive(Template)]
#[template(path = "staff/meeting_form.html")]
struct FormPage {
    chrome: StaffChrome,
    heading: String,
    action: String,
    submit: &'static str,
    meeting_id: Option<i64>,
    sequence: i32,
    status: String,
    f: MeetingInput,
    in_person_capacity: String,
    remote_capacity: String,
    groups: Vec<(String, String)>,
    formats: Vec<(&'static str, &'static str)>,
    zones: &'static [String],
    errors: FieldErrors,
    form_error: Option<String>,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

/// Every IANA zone name, sorted, for the searchable zone field.
fn zones() -> &'static [String] {
    static ZONES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ZONES.get_or_init(|| {
        let mut v: Vec<String> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|z| z.name().to_string())
            .collect();
        v.sort();
        v
    })
}

struct FormContext {
    heading: String,
    action: String,
    submit: &'static str,
    meeting_id: Option<i64>,
    sequence: i32,
    status: String,
}

fn form_page(
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
            .map(|f| (f.as_str(), f.label()))
            .collect(),
        zones: zones(),
        errors,
        form_error,
    }
}

fn group_choices(conn: &mut db::DbConn) -> Result<Vec<(String, String)>, AppError> {
    Ok(groups::all(conn)?
        .into_iter()
        .map(|g| (g.slug, g.name))
        .collect())
}

fn new_context() -> FormContext {
    FormContext {
        heading: "New meeting".into(),
        action: "/staff/meetings/new".into(),
        submit: "Create meeting",
        meeting_id: None,
        sequence: 0,
        status: "draft".into(),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    copy: Option<i64>,
}

pub async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, StaffError> {
    let copy = query.copy;
    let (input, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let input = match copy {
                Some(id) => {
                    let (m, g) = meetings::find_with_group(conn, id)?
                        .ok_or(AppError::NotFound("meeting"))?;
                    let mut input = service::input_from(&m, &g);
                    input.status = Some("draft".into());
                    input.title = input.title.map(|t| format!("{t} (copy)"));
                    input
                }
                None => MeetingInput {
                    format: Some("hybrid".into()),
                    timezone: Some("UTC".into()),
                    waitlist: Some(true),
                    ..MeetingInput::default()
                },
            };
            Ok((input, group_choices(conn)?))
        })
        .await?;
    let mut ctx = new_context();
    if copy.is_some() {
        ctx.heading = "New meeting (copy)".into();
    }
    Ok(page(
        StatusCode::OK,
        &form_page(
            chrome(&req, &state, &me.0, None),
            ctx,
            input,
            groups,
            FieldErrors::default(),
            None,
        ),
    ))
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let (input, form_errors) = match form.into_inner().into_input() {
        Submitted::Save(input, errors) => (input, errors),
        Submitted::EditDays(input) => return redisplay(&req, &state, &me, None, input).await,
    };
    let base_url = state.mail.base_url.clone();
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            let result = if form_errors.is_empty() {
                service::create(conn, &input, &base_url, Some(&actor)).map(|(m, _)| m.id)
            } else {
                Err(AppError::Validation(form_errors))
            };
            match result {
                Ok(id) => Ok(Ok(id)),
                Err(AppError::Validation(errors)) => Ok(Err((input, errors, group_choices(conn)?))),
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(id) => Ok(see_other(&format!(
            "/staff/meetings/{id}/edit?done=created"
        ))),
        Err((input, errors, groups)) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                chrome(&req, &state, &me.0, None),
                new_context(),
                input,
                groups,
                errors,
                None,
            ),
        )),
    }
}

fn edit_context(m: &meetings::Meeting) -> FormContext {
    FormContext {
        heading: format!("Edit: {}", m.title),
        action: format!("/staff/meetings/{}/edit", m.id),
        submit: "Save",
        meeting_id: Some(m.id),
        sequence: m.sequence,
        status: m.status.clone(),
    }
}

pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let id = id.into_inner();
    let (m, input, groups) = state
        .db(move |conn| -> Result<_, AppError> {
            let (m, g) =
                meetings::find_with_group(conn, id)?.ok_or(AppError::NotFound("meeting"))?;
            let input = service::input_from(&m, &g);
            Ok((m, input, group_choices(conn)?))
        })
        .await?;
    let notice = done.done.as_deref().map(notice_text);
    Ok(page(
        StatusCode::OK,
        &form_page(
            chrome(&req, &state, &me.0, notice),
            edit_context(&m),
            input,
            groups,
            FieldErrors::default(),
            None,
        ),
    ))
}

pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<MeetingForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let (input, form_errors) = match form.into_inner().into_input() {
        Submitted::Save(input, errors) => (input, errors),
        Submitted::EditDays(input) => return redisplay(&req, &state, &me, Some(id), input).await,
    };
    let st = state.clone();
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            let result = if form_errors.is_empty() {
                service::update(conn, &st.mail, id, &input, &actor).map(|_| ())
            } else {
                Err(AppError::Validation(form_errors))
            };
            match result {
                Ok(()) => Ok(Ok(())),
                Err(e @ (AppError::Validation(_) | AppError::Conflict { .. })) => {
                    let (m, _) = meetings::find_with_group(conn, id)?
                        .ok_or(AppError::NotFound("meeting"))?;
                    Ok(Err((e, m, input, group_choices(conn)?)))
                }
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(()) => Ok(see_other(&format!("/staff/meetings/{id}/edit?done=saved"))),
        Err((e, m, input, groups)) => {
            let status = actix_web::ResponseError::status_code(&e);
            let (errors, form_error) = match e {
                AppError::Validation(errors) => (errors, None),
                other => (FieldErrors::default(), Some(other.public_message())),
            };
            Ok(page(
                status,
                &form_page(
                    chrome(&req, &state, &me.0, None),
                    edit_context(&m),
                    input,
                    groups,
                    errors,
                    form_error,
                ),
            ))
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CancelForm {
    csrf_token: Option<String>,
    reason: Option<String>,
}

pub async fn cancel(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    id: web::Path<i64>,
    form: web::Form<CancelForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let id = id.into_inner();
    let reason = form.into_inner().reason;
    let st = state.clone();
    let actor = me.0.clone();
    state
        .db(move |conn| service::cancel(conn, &st.mail, id, reason.as_deref(), &actor))
        .await?;
    state.calendar_changed();
    Ok(see_other(&format!(
        "/staff/meetings/{id}/edit?done=cancelled"
    )))
}
