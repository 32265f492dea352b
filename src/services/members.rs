//! A group's people: added and removed by staff, each change in the audit log.

use crate::db::groups::Group;
use crate::db::members::{self, Member, NewMember};
use crate::db::staff::Staff;
use crate::db::{self, DbConn};
use crate::domain::home::{MemberDraft, MemberInput};
use crate::error::AppError;
use crate::services::groups::{audit_item, by_slug};

/// Adds a person to the group `slug`.
pub fn add(
    conn: &mut DbConn,
    slug: &str,
    input: &MemberInput,
    actor: &Staff,
) -> Result<(Group, Member), AppError> {
    let draft = MemberDraft::parse(input)?;
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let member = members::insert(
            conn,
            &NewMember {
                group_id: group.id,
                name: &draft.name,
                role: draft.role.as_str(),
                affiliation: draft.affiliation.as_deref(),
                note: draft.note.as_deref(),
                created_at: db::now(),
            },
        )?;
        let item = (&group, "member", member.id);
        audit_item(conn, actor, "member.add", item, None, Some(&member))?;
        Ok((group, member))
    })
}

/// Removes the person `id` from the group `slug`; `404` when the group has none such.
pub fn remove(conn: &mut DbConn, slug: &str, id: i64, actor: &Staff) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let group = by_slug(conn, slug)?;
        let before = members::of_group(conn, group.id)?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(AppError::NotFound("member"))?;
        members::delete(conn, group.id, id)?;
        let item = (&group, "member", id);
        audit_item(conn, actor, "member.remove", item, Some(&before), None)
    })
}
