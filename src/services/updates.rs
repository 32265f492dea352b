//! A group's updates (status reports): written, changed and deleted by staff, each change
//! in the audit log. One path for every change, so that the first publication is seen in
//! one place.

use crate::db::groups::Group;
use crate::db::staff::Staff;
use crate::db::updates::{self, Update, UpdateFields};
use crate::db::{self, DbConn};
use crate::domain::home::{UpdateDraft, UpdateInput};
use crate::error::AppError;
use crate::services::groups::{audit_item, by_slug};

/// The update as an input: what a `PATCH` is laid over, and what the editor shows.
pub fn input_from(u: &Update) -> UpdateInput {
    UpdateInput {
        title: Some(u.title.clone()),
        body: Some(u.body.clone()),
        status: Some(u.status.clone()),
    }
}

/// Creates an update (`id` none) or changes the update `id` of the group `slug`. `edit`
/// turns the update as it is (none when creating) into what it is to be. Its first
/// publication is announced to the group's followers in the same transaction.
pub fn save(
    conn: &mut DbConn,
    base_url: &str,
    slug: &str,
    id: Option<i64>,
    actor: &Staff,
    edit: impl FnOnce(Option<UpdateInput>) -> Result<UpdateInput, AppError>,
) -> Result<(Group, Update), AppError> {
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let before = match id {
            Some(id) => {
                Some(updates::find(conn, group.id, id)?.ok_or(AppError::NotFound("update"))?)
            }
            None => None,
        };
        let draft = UpdateDraft::parse(&edit(before.as_ref().map(input_from))?)?;
        let fields = UpdateFields {
            title: draft.title,
            body: draft.body,
            status: draft.status.as_str().to_string(),
        };
        let now = db::now();
        let after = match &before {
            Some(b) => updates::update(conn, b, &fields, now)?,
            None => updates::insert(conn, group.id, &fields, now)?,
        };
        let was_published = before.as_ref().is_some_and(Update::is_published);
        if after.is_published() && !was_published {
            tracing::info!(update = after.id, group = %group.slug, "update published");
            crate::services::announce::update_published(conn, base_url, &after)?;
        }
        db::changes::notify_change(conn)?;
        let action = match before {
            Some(_) => "update.update",
            None => "update.create",
        };
        let item = (&group, "update", after.id);
        audit_item(conn, actor, action, item, before.as_ref(), Some(&after))?;
        Ok((group, after))
    })
}

/// Deletes the update `id` of the group `slug`; `404` when it has none such.
pub fn delete(conn: &mut DbConn, slug: &str, id: i64, actor: &Staff) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let before = updates::find(conn, group.id, id)?.ok_or(AppError::NotFound("update"))?;
        updates::delete(conn, group.id, id)?;
        db::changes::notify_change(conn)?;
        let item = (&group, "update", id);
        audit_item(conn, actor, "update.delete", item, Some(&before), None)
    })
}
