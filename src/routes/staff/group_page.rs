//! The staff editor of a group's public home (`/staff/groups/{slug}`): its fields, people,
//! milestones and updates, each form posting to the same services as the API. A form that
//! fails comes back (`422`) with what was typed and each problem beside its field.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, page, see_other, Done, StaffChrome};
use crate::db::groups::Group;
use crate::db::meetings::{self, Listing};
use crate::db::members::{self, Member};
use crate::db::staff::Staff;
use crate::db::updates;
use crate::db::DbConn;
use crate::domain::group::GroupInput;
use crate::domain::home::{MemberInput, MilestoneInput, UpdateInput};
use crate::domain::{FieldErrors, MilestoneStatus, Role};
use crate::error::AppError;
use crate::services::{groups as group_service, members as member_service};
use crate::services::{milestones as milestone_service, updates as update_service};
use crate::state::AppState;

/// One milestone or update form: `id` none for the new one.
pub struct Row<T> {
    pub id: Option<i64>,
    pub f: T,
    pub errors: FieldErrors,
    /// An update's public page while it is published.
    pub note: String,
}

impl<T> Row<T> {
    fn new(id: Option<i64>, f: T, note: String) -> Row<T> {
        Row {
            id,
            f,
            errors: FieldErrors::default(),
            note,
        }
    }
    /// What field ids of this form start with.
    pub fn key(&self) -> String {
        self.id.map_or("new".to_string(), |id| id.to_string())
    }
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
    /// Whether this form is shown open: it failed.
    pub fn open(&self) -> bool {
        !self.errors.is_empty()
    }
}

impl Row<MilestoneInput> {
    pub fn meeting_is(&self, id: &i64) -> bool {
        self.f.meeting == Some(*id)
    }
    pub fn status_is(&self, status: &MilestoneStatus) -> bool {
        self.f.status.as_deref() == Some(status.as_str())
    }
}

impl Row<UpdateInput> {
    pub fn published(&self) -> bool {
        self.f.status.as_deref() == Some("published")
    }
}

#[derive(Template)]
#[template(path = "staff/group_page.html")]
struct EditorPage {
    chrome: StaffChrome,
    group: Group,
    g: GroupInput,
    g_errors: FieldErrors,
    members: Vec<Member>,
    member: MemberInput,
    member_errors: FieldErrors,
    /// The milestones, then the form of a new one (`id` none).
    milestones: Vec<Row<MilestoneInput>>,
    /// The updates, newest first, then the form of a new one (`id` none).
    updates: Vec<Row<UpdateInput>>,
    /// The group's meetings a milestone may name: id and label.
    meetings: Vec<(i64, String)>,
    roles: &'static [Role],
    statuses: &'static [MilestoneStatus],
}

impl EditorPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.g_errors.get(field)
    }
    fn member_error(&self, field: &str) -> Option<&str> {
        self.member_errors.get(field)
    }
}

/// A form that failed, and what it held.
pub enum Failed {
    Group(GroupInput, FieldErrors),
    Member(MemberInput, FieldErrors),
    Milestone(Option<i64>, MilestoneInput, FieldErrors),
    Update(Option<i64>, UpdateInput, FieldErrors),
}

/// The editor's content, as stored.
fn load(conn: &mut DbConn, slug: &str, chrome: StaffChrome) -> Result<EditorPage, AppError> {
    let group = group_service::by_slug(conn, slug)?;
    let listing = Listing {
        group_id: Some(group.id),
        include_drafts: true,
        limit: Some(500),
        ..Listing::default()
    };
    let meetings: Vec<(i64, String)> = meetings::list(conn, &listing)?
        .into_iter()
        .map(|(m, _)| {
            let draft = if m.status == "draft" {
                format!(" {}", super::LANG.msg("staff-group-page-meeting-draft"))
            } else {
                String::new()
            };
            let label = format!("{} · {}{draft}", m.starts_at.format("%Y-%m-%d"), m.title);
            (m.id, label)
        })
        .collect();
    let milestones = crate::db::milestones::of_group(conn, group.id)?
        .iter()
        .map(|m| Row::new(Some(m.id), milestone_service::input_from(m), String::new()))
        .chain([Row::new(None, MilestoneInput::default(), String::new())])
        .collect();
    let updates = updates::of_group(conn, group.id, true, 500)?
        .iter()
        .map(|u| {
            let url = crate::views::update_url("", &group.slug, u.id);
            let url = if u.is_published() { url } else { String::new() };
            Row::new(Some(u.id), update_service::input_from(u), url)
        })
        .chain([Row::new(None, UpdateInput::default(), String::new())])
        .collect();
    Ok(EditorPage {
        chrome,
        g: group_service::input_from(&group),
        g_errors: FieldErrors::default(),
        members: members::of_group(conn, group.id)?,
        member: MemberInput::default(),
        member_errors: FieldErrors::default(),
        milestones,
        updates,
        meetings,
        roles: Role::ALL,
        statuses: MilestoneStatus::ALL,
        group,
    })
}

/// Shows `failed` in its form.
fn apply(page: &mut EditorPage, failed: Failed) {
    fn put<T>(rows: &mut [Row<T>], id: Option<i64>, f: T, e: FieldErrors) {
        if let Some(row) = rows.iter_mut().find(|r| r.id == id) {
            row.f = f;
            row.errors = e;
        }
    }
    match failed {
        Failed::Group(f, e) => (page.g, page.g_errors) = (f, e),
        Failed::Member(f, e) => (page.member, page.member_errors) = (f, e),
        Failed::Milestone(id, f, e) => put(&mut page.milestones, id, f, e),
        Failed::Update(id, f, e) => put(&mut page.updates, id, f, e),
    }
}

pub async fn editor(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    slug: web::Path<String>,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let notice = done.done.as_deref().map(|d| {
        super::LANG.msg(match d {
            "group" => "staff-done-group-saved",
            "people" => "staff-done-people-saved",
            "milestones" => "staff-done-milestones-saved",
            "updates" => "staff-done-updates-saved",
            _ => "staff-done-saved",
        })
    });
    let chrome = chrome(&req, &state, &me.0, notice);
    let editor = state.db(move |conn| load(conn, &slug, chrome)).await?;
    Ok(page(StatusCode::OK, &editor))
}

/// Runs `save` as the signed-in staff member: `303` back to the editor at `section` when it
/// worked, the editor again (`422`) with the failed form when it did not.
pub async fn submit<F>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    me: &StaffUser,
    (slug, section): (String, &'static str),
    save: F,
) -> Result<HttpResponse, StaffError>
where
    F: FnOnce(&mut DbConn, &Staff) -> Result<Result<(), Failed>, AppError> + Send + 'static,
{
    let actor = me.0.clone();
    let chrome = chrome(req, state, &me.0, None);
    let s = slug.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            match save(conn, &actor)? {
                Ok(()) => Ok(None),
                Err(failed) => {
                    let mut editor = load(conn, &s, chrome)?;
                    apply(&mut editor, failed);
                    Ok(Some(editor))
                }
            }
        })
        .await?;
    match outcome {
        None => {
            state.calendar_changed();
            let to = format!("/staff/groups/{slug}?done={section}#{section}");
            Ok(see_other(&to))
        }
        Some(editor) => Ok(page(StatusCode::UNPROCESSABLE_ENTITY, &editor)),
    }
}

/// A service's answer as the editor takes it: field problems go back to the form.
pub fn kept<T>(
    result: Result<T, AppError>,
    failed: impl FnOnce(FieldErrors) -> Failed,
) -> Result<Result<(), Failed>, AppError> {
    match result {
        Ok(_) => Ok(Ok(())),
        Err(AppError::Validation(errors)) => Ok(Err(failed(errors))),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct GroupForm {
    csrf_token: Option<String>,
    name: Option<String>,
    description: Option<String>,
    about: Option<String>,
    contact_email: Option<String>,
    input_email: Option<String>,
}

pub async fn save_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    slug: web::Path<String>,
    form: web::Form<GroupForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let f = form.into_inner();
    let input = GroupInput {
        slug: None,
        name: f.name,
        description: f.description,
        about: f.about,
        contact_email: f.contact_email.or(Some(String::new())),
        input_email: f.input_email.or(Some(String::new())),
    };
    let s = slug.into_inner();
    submit(
        &req,
        &state,
        &me,
        (s.clone(), "group"),
        move |conn, actor| {
            let result = group_service::update(conn, &s, input.clone(), actor);
            kept(result, |e| Failed::Group(input, e))
        },
    )
    .await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct MemberForm {
    csrf_token: Option<String>,
    name: Option<String>,
    role: Option<String>,
    affiliation: Option<String>,
    note: Option<String>,
}

pub async fn add_member(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    slug: web::Path<String>,
    form: web::Form<MemberForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let f = form.into_inner();
    let input = MemberInput {
        name: f.name,
        role: f.role,
        affiliation: f.affiliation,
        note: f.note,
    };
    let s = slug.into_inner();
    submit(
        &req,
        &state,
        &me,
        (s.clone(), "people"),
        move |conn, actor| {
            let result = member_service::add(conn, &s, &input, actor);
            kept(result, |e| Failed::Member(input, e))
        },
    )
    .await
}
