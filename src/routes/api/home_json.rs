//! A group's public home as the API shows it: the group with its people and milestones,
//! and its updates.

use serde::Serialize;
use utoipa::ToSchema;

use super::json::utc_rfc3339;
use crate::db::groups::Group;
use crate::db::meetings::Meeting;
use crate::db::members::Member;
use crate::db::milestones::Milestone;
use crate::db::updates::Update;
use crate::db::DbConn;
use crate::domain::{MilestoneStatus, Role, UpdateStatus};
use crate::error::AppError;
use crate::views::{group_feed_url, update_url};

/// The `Group` of the API.
#[derive(Serialize, ToSchema)]
pub struct GroupJson {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Markdown, as written; `about_html` is it rendered and sanitised.
    pub about: String,
    pub about_html: String,
    pub contact_email: Option<String>,
    pub input_email: Option<String>,
    /// Chairs first.
    pub members: Vec<MemberJson>,
    /// By date.
    pub milestones: Vec<MilestoneJson>,
    pub url: String,
    pub ics_url: String,
    pub milestones_ics_url: String,
    /// The Atom feed of the group's published updates.
    pub updates_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct MemberJson {
    pub id: i64,
    pub name: String,
    #[schema(value_type = Role)]
    pub role: String,
    pub affiliation: Option<String>,
    pub note: Option<String>,
}

impl From<&Member> for MemberJson {
    fn from(m: &Member) -> MemberJson {
        MemberJson {
            id: m.id,
            name: m.name.clone(),
            role: m.role.clone(),
            affiliation: m.affiliation.clone(),
            note: m.note.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneJson {
    pub id: i64,
    #[schema(format = Date)]
    pub date: String,
    pub title: String,
    pub description: String,
    #[schema(value_type = MilestoneStatus)]
    pub status: String,
    /// The meeting's id, only while that meeting is public.
    pub meeting: Option<i64>,
    pub meeting_url: Option<String>,
}

impl MilestoneJson {
    /// `public_meeting` is the milestone's meeting when it is public (not a draft).
    pub fn new(base_url: &str, m: &Milestone, public_meeting: Option<&Meeting>) -> MilestoneJson {
        MilestoneJson {
            id: m.id,
            date: m.due_date.format("%Y-%m-%d").to_string(),
            title: m.title.clone(),
            description: m.description.clone(),
            status: m.status.clone(),
            meeting: public_meeting.map(|x| x.id),
            meeting_url: public_meeting.map(|x| format!("{base_url}/meetings/{}", x.id)),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UpdateJson {
    pub id: i64,
    pub title: String,
    /// Markdown, as written; `body_html` is it rendered and sanitised.
    pub body: String,
    pub body_html: String,
    #[schema(value_type = UpdateStatus)]
    pub status: String,
    #[schema(format = DateTime)]
    pub published_at: Option<String>,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// The public page (`404` while a draft).
    pub url: String,
}

impl UpdateJson {
    pub fn new(base_url: &str, g: &Group, u: &Update) -> UpdateJson {
        UpdateJson {
            id: u.id,
            title: u.title.clone(),
            body: u.body.clone(),
            body_html: crate::markdown::to_safe_html(&u.body),
            status: u.status.clone(),
            published_at: u.published_at.map(utc_rfc3339),
            updated_at: utc_rfc3339(u.updated_at),
            url: update_url(base_url, &g.slug, u.id),
        }
    }
}

/// The group with its people (chairs first) and milestones (by date).
pub fn group_json(conn: &mut DbConn, g: &Group, base_url: &str) -> Result<GroupJson, AppError> {
    let members = crate::db::members::of_group(conn, g.id)?;
    let milestones = crate::services::milestones::of_group(conn, g.id)?;
    Ok(GroupJson {
        id: g.id,
        slug: g.slug.clone(),
        name: g.name.clone(),
        description: g.description.clone(),
        about: g.about.clone(),
        about_html: crate::markdown::to_safe_html(&g.about),
        contact_email: g.contact_email.clone(),
        input_email: g.input_email.clone(),
        members: members.iter().map(MemberJson::from).collect(),
        milestones: milestones
            .iter()
            .map(|(m, meeting)| MilestoneJson::new(base_url, m, meeting.as_ref()))
            .collect(),
        url: crate::views::group_url(base_url, &g.slug),
        ics_url: group_feed_url(base_url, &g.slug, "calendar.ics"),
        milestones_ics_url: group_feed_url(base_url, &g.slug, "milestones.ics"),
        updates_url: group_feed_url(base_url, &g.slug, "updates.atom"),
    })
}
