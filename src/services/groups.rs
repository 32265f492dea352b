//! Creating groups, and finding the group a meeting or series names.

use crate::db::groups::{self, Group, NewGroup};
use crate::db::staff::Staff;
use crate::db::{self, sessions, DbConn};
use crate::domain::group::{GroupDraft, GroupInput};
use crate::domain::FieldErrors;
use crate::error::AppError;

/// Creates a group from what staff send; a slug in use already is a conflict.
pub fn create(
    conn: &mut DbConn,
    input: &GroupInput,
    actor: Option<&Staff>,
) -> Result<Group, AppError> {
    let draft = GroupDraft::parse(input)?;
    let new = NewGroup {
        slug: draft.slug,
        name: draft.name,
        description: draft.description,
        contact_email: draft.contact_email.map(|e| e.to_string()),
        created_at: db::now(),
        about: draft.about,
        input_email: draft.input_email.map(|e| e.to_string()),
    };
    let group = groups::insert(conn, &new).map_err(|e| {
        if db::is_unique_violation(&e) {
            AppError::Conflict {
                code: "conflict",
                message: format!("A group with the slug {:?} exists already.", new.slug),
            }
        } else {
            AppError::from(e)
        }
    })?;
    crate::db::changes::notify_change(conn)?;
    if let Some(actor) = actor {
        sessions::audit(
            conn,
            actor,
            "group.create",
            &format!("group:{}", group.slug),
            None,
            Some(&serde_json::to_value(&group).unwrap_or_default()),
        )?;
    }
    Ok(group)
}

/// The group with `slug`, or the error of the field `group` saying there is none. A missing
/// slug gives no error here: the draft of the meeting or series reports it.
pub fn named(
    conn: &mut DbConn,
    slug: Option<&str>,
) -> Result<Result<Group, FieldErrors>, AppError> {
    let mut errors = FieldErrors::default();
    if let Some(slug) = slug {
        match groups::find_by_slug(conn, slug)? {
            Some(group) => return Ok(Ok(group)),
            None => errors.add("group", format!("No group has the slug {slug:?}.")),
        }
    }
    Ok(Err(errors))
}
