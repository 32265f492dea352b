//! Adding and removing a meeting's materials: each change in one transaction with its audit
//! entry and, with `notify`, the mail to every confirmed registrant.

use std::collections::{HashMap, HashSet};

use crate::db::materials::{self, FileFacts, Material, MaterialRow};
use crate::db::sessions;
use crate::db::staff::Staff;
use crate::db::{self, seats, DbConn};
use crate::domain::material::MaterialInput;
use crate::domain::{MaterialKind, RegistrationStatus};
use crate::error::AppError;
use crate::mail::material::{self as mail, Added};
use crate::mail::MailContext;
use crate::services::registrations::Subject;

/// An uploaded file, stored chunk by chunk before its description is written.
pub struct StoredFile {
    pub id: i64,
    pub filename: String,
    pub content_type: &'static str,
    pub size: i64,
    pub sha256: String,
}

/// Starts storing an upload for the meeting: a row no list shows until it is finished.
pub fn begin_upload(conn: &mut DbConn, meeting_id: i64) -> Result<i64, AppError> {
    crate::db::meetings::find_with_group(conn, meeting_id)?.ok_or(AppError::NotFound("meeting"))?;
    Ok(materials::begin_upload(conn, meeting_id, db::now())?)
}

/// Adds a link material.
pub fn add_link(
    conn: &mut DbConn,
    ctx: &MailContext,
    meeting_id: i64,
    input: &MaterialInput,
    url: &str,
    actor: &Staff,
) -> Result<Material, AppError> {
    db::write_tx(conn, |conn| {
        ensure_meeting(conn, meeting_id)?;
        let row = row(input, Some(url));
        let added = materials::insert_link(conn, meeting_id, &row, db::now())?;
        announce(conn, ctx, &added, input, actor)?;
        Ok(added)
    })
}

/// Describes a stored upload and makes it visible.
pub fn finish_upload(
    conn: &mut DbConn,
    ctx: &MailContext,
    meeting_id: i64,
    input: &MaterialInput,
    file: &StoredFile,
    actor: &Staff,
) -> Result<Material, AppError> {
    db::write_tx(conn, |conn| {
        ensure_meeting(conn, meeting_id)?;
        let facts = FileFacts {
            filename: &file.filename,
            content_type: file.content_type,
            size: file.size,
            sha256: &file.sha256,
            complete: true,
        };
        let added = materials::finish_upload(conn, file.id, &row(input, None), &facts)?;
        announce(conn, ctx, &added, input, actor)?;
        Ok(added)
    })
}

/// Removes a material of the meeting.
pub fn remove(
    conn: &mut DbConn,
    meeting_id: i64,
    material_id: i64,
    actor: &Staff,
) -> Result<(), AppError> {
    db::write_tx(conn, |conn| {
        let found = materials::find(conn, meeting_id, material_id)?
            .ok_or(AppError::NotFound("material"))?;
        materials::delete(conn, found.id)?;
        sessions::audit(
            conn,
            actor,
            "material.remove",
            &format!("meeting:{meeting_id}"),
            Some(&audit_view(&found)),
            None,
        )?;
        Ok(())
    })
}

fn ensure_meeting(conn: &mut DbConn, meeting_id: i64) -> Result<(), AppError> {
    if db::lock_meeting(conn, meeting_id)? {
        Ok(())
    } else {
        Err(AppError::NotFound("meeting"))
    }
}

fn row<'a>(input: &'a MaterialInput, url: Option<&'a str>) -> MaterialRow<'a> {
    MaterialRow {
        title: &input.title,
        kind: input.kind.as_str(),
        url,
        visibility: input.visibility.as_str(),
    }
}

/// The audit entry and, when asked for and the kind allows it, the mail to registrants.
fn announce(
    conn: &mut DbConn,
    ctx: &MailContext,
    added: &Material,
    input: &MaterialInput,
    actor: &Staff,
) -> Result<(), AppError> {
    sessions::audit(
        conn,
        actor,
        "material.add",
        &format!("meeting:{}", added.meeting_id),
        None,
        Some(&audit_view(added)),
    )?;
    if input.notify && input.kind.may_notify() {
        notify_registrants(conn, ctx, added, input.kind)?;
    }
    Ok(())
}

fn audit_view(m: &Material) -> serde_json::Value {
    serde_json::json!({
        "id": m.id,
        "title": m.title,
        "kind": m.kind,
        "url": m.url,
        "filename": m.filename,
        "size": m.size,
        "sha256": m.sha256,
        "visibility": m.visibility,
    })
}

/// Mails every registrant with a confirmed seat in the material's meeting once: a meeting
/// registrant about the meeting, a series registrant about that occurrence.
fn notify_registrants(
    conn: &mut DbConn,
    ctx: &MailContext,
    m: &Material,
    kind: MaterialKind,
) -> Result<(), AppError> {
    let (meeting, group) = crate::db::meetings::find_with_group(conn, m.meeting_id)?
        .ok_or(AppError::NotFound("meeting"))?;
    let public_url = public_url(ctx, m);
    let added = Added {
        id: m.id,
        title: &m.title,
        kind,
        public_url: public_url.as_deref(),
    };
    let mut series = HashMap::new();
    let mut mailed = HashSet::new();
    for (seat, reg) in seats::in_meeting(conn, meeting.id)? {
        if seat.status() != RegistrationStatus::Confirmed
            || !reg.is_active()
            || !mailed.insert(reg.id)
        {
            continue;
        }
        let secret = crate::domain::token::generate();
        crate::db::registrations::add_link(
            conn,
            reg.id,
            &crate::domain::token::hash(&secret),
            db::now(),
        )?;
        let target = reg.target();
        if let Some(about) = Subject::about_meeting(conn, &mut series, target, &meeting, &group)? {
            mail::enqueue(conn, ctx, &about, &added, &reg, &secret)?;
        }
    }
    Ok(())
}

/// Where anyone gets the material: its link, or the download URL of a public upload.
pub fn public_url(ctx: &MailContext, m: &Material) -> Option<String> {
    if m.registrants_only() {
        return None;
    }
    m.download_url(&ctx.base_url)
}
