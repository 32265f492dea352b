//! A group's milestones: created, changed and deleted by staff, each change in the audit
//! log. A milestone may name one of the group's meetings; it links to it only once that
//! meeting is public.

use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting};
use crate::db::milestones::{self, Milestone, MilestoneFields};
use crate::db::staff::Staff;
use crate::db::{self, DbConn};
use crate::domain::home::{MilestoneDraft, MilestoneInput};
use crate::domain::{FieldErrors, MeetingStatus};
use crate::error::AppError;
use crate::services::groups::{audit_item, by_slug};

/// The milestone as an input: what a `PATCH` is laid over, and what the editor shows.
pub fn input_from(m: &Milestone) -> MilestoneInput {
    MilestoneInput {
        date: Some(m.due_date.format("%Y-%m-%d").to_string()),
        title: Some(m.title.clone()),
        description: Some(m.description.clone()),
        status: Some(m.status.clone()),
        meeting: m.meeting_id,
    }
}

/// Creates a milestone (`id` none) or changes the milestone `id` of the group `slug`.
/// `edit` turns the milestone as it is (none when creating) into what it is to be.
pub fn save(
    conn: &mut DbConn,
    slug: &str,
    id: Option<i64>,
    actor: &Staff,
    edit: impl FnOnce(Option<MilestoneInput>) -> Result<MilestoneInput, AppError>,
) -> Result<(Group, Milestone), AppError> {
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let before = match id {
            Some(id) => {
                Some(milestones::find(conn, group.id, id)?.ok_or(AppError::NotFound("milestone"))?)
            }
            None => None,
        };
        let input = edit(before.as_ref().map(input_from))?;
        let draft = MilestoneDraft::parse(&input);
        let meeting = meeting_of_group(conn, &group, input.meeting)?;
        let (draft, _) = FieldErrors::both(draft, meeting)?;
        let fields = MilestoneFields {
            due_date: draft.date,
            title: draft.title,
            description: draft.description,
            status: draft.status.as_str().to_string(),
            meeting_id: draft.meeting,
        };
        let now = db::now();
        let after = match &before {
            Some(b) => milestones::update(conn, b.id, &fields, now)?,
            None => milestones::insert(conn, group.id, &fields, now)?,
        };
        db::changes::notify_change(conn)?;
        let action = match before {
            Some(_) => "milestone.update",
            None => "milestone.create",
        };
        let item = (&group, "milestone", after.id);
        audit_item(conn, actor, action, item, before.as_ref(), Some(&after))?;
        Ok((group, after))
    })
}

/// Deletes the milestone `id` of the group `slug`; `404` when it has none such.
pub fn delete(conn: &mut DbConn, slug: &str, id: i64, actor: &Staff) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let before =
            milestones::find(conn, group.id, id)?.ok_or(AppError::NotFound("milestone"))?;
        milestones::delete(conn, group.id, id)?;
        db::changes::notify_change(conn)?;
        let item = (&group, "milestone", id);
        audit_item(conn, actor, "milestone.delete", item, Some(&before), None)
    })
}

/// The meeting `id` when it is one of `group`'s; otherwise the error of the field `meeting`.
fn meeting_of_group(
    conn: &mut DbConn,
    group: &Group,
    id: Option<i64>,
) -> Result<Result<(), FieldErrors>, AppError> {
    let mut errors = FieldErrors::default();
    if let Some(id) = id {
        match meetings::find(conn, id)? {
            Some(m) if m.group_id == group.id => {}
            _ => errors.add(
                "meeting",
                format!("No meeting of {} has the id {id}.", group.name),
            ),
        }
    }
    Ok(errors.into_result(()))
}

/// The group's milestones by date, each with its meeting when that meeting is public.
pub fn of_group(
    conn: &mut DbConn,
    group_id: i64,
) -> Result<Vec<(Milestone, Option<Meeting>)>, AppError> {
    let mut out = Vec::new();
    for m in milestones::of_group(conn, group_id)? {
        let meeting = public_meeting(conn, &m)?;
        out.push((m, meeting));
    }
    Ok(out)
}

/// The milestone's meeting, when it names one that is public (not a draft).
pub fn public_meeting(conn: &mut DbConn, m: &Milestone) -> Result<Option<Meeting>, AppError> {
    Ok(match m.meeting_id {
        Some(id) => meetings::find(conn, id)?.filter(|x| x.status() != MeetingStatus::Draft),
        None => None,
    })
}
