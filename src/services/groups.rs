//! Creating and changing groups, and finding the group a meeting or series names.

use crate::db::groups::{self, Group, GroupChanges, NewGroup};
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

/// The group with `slug`, or `404`.
pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Group, AppError> {
    groups::find_by_slug(conn, slug)?.ok_or(AppError::NotFound("group"))
}

/// The group as an input: what a `PATCH` is laid over, and what the editor shows.
pub fn input_from(g: &Group) -> GroupInput {
    GroupInput {
        slug: Some(g.slug.clone()),
        name: Some(g.name.clone()),
        description: Some(g.description.clone()),
        contact_email: g.contact_email.clone(),
        about: Some(g.about.clone()),
        input_email: g.input_email.clone(),
    }
}

/// Changes the group `slug` to `patch` laid over what it is (`GroupInput::over`). The slug
/// itself cannot change: it is in every feed subscription, follow mail and link given out,
/// so a different one is refused with `422` naming `slug`.
pub fn update(
    conn: &mut DbConn,
    slug: &str,
    patch: GroupInput,
    actor: &Staff,
) -> Result<Group, AppError> {
    db::write_tx(conn, |conn| {
        let before = by_slug(conn, slug)?;
        let mut errors = FieldErrors::default();
        if patch
            .slug
            .as_deref()
            .is_some_and(|s| s.trim() != before.slug)
        {
            errors.add(
                "slug",
                "The slug cannot change: feeds, follow mails and links carry it.",
            );
        }
        let draft = GroupDraft::parse(&patch.over(input_from(&before)));
        let draft = FieldErrors::both(errors.into_result(()), draft)?.1;
        let changes = GroupChanges {
            name: draft.name,
            description: draft.description,
            contact_email: draft.contact_email.map(|e| e.to_string()),
            about: draft.about,
            input_email: draft.input_email.map(|e| e.to_string()),
        };
        let after = groups::update(conn, before.id, &changes)?;
        crate::db::changes::notify_change(conn)?;
        sessions::audit(
            conn,
            actor,
            "group.update",
            &format!("group:{}", after.slug),
            Some(&serde_json::to_value(&before).unwrap_or_default()),
            Some(&serde_json::to_value(&after).unwrap_or_default()),
        )?;
        Ok(after)
    })
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

/// Records a change to one of a group's people, milestones or updates: `action` on
/// `group:{slug}/{kind}:{id}`, with the item before and after as JSON.
pub fn audit_item<T: serde::Serialize>(
    conn: &mut DbConn,
    actor: &Staff,
    action: &str,
    (group, kind, id): (&Group, &str, i64),
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), AppError> {
    let json = |v: Option<&T>| v.map(|v| serde_json::to_value(v).unwrap_or_default());
    sessions::audit(
        conn,
        actor,
        action,
        &format!("group:{}/{kind}:{id}", group.slug),
        json(before).as_ref(),
        json(after).as_ref(),
    )?;
    Ok(())
}
