//! Materials attached to meetings, and the chunks of uploaded files (stored in the database
//! so that every instance serves the same files).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::material_chunks::dsl as c;
use super::schema::materials::{self, dsl as mt};
use super::DbConn;

/// How much of an uploaded file one chunk row holds.
pub const CHUNK_BYTES: usize = 512 * 1024;

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = materials)]
pub struct Material {
    pub id: i64,
    pub meeting_id: i64,
    pub title: String,
    pub kind: String,
    pub url: Option<String>,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub visibility: String,
    pub complete: bool,
    pub created_at: NaiveDateTime,
}

/// Where a registrant reaches material `id` through their manage link `manage_url`.
pub fn through_manage(manage_url: &str, id: i64) -> String {
    format!("{manage_url}/materials/{id}")
}

impl Material {
    /// The material's URL: the link, or the public download path of an upload.
    pub fn download_url(&self, base_url: &str) -> Option<String> {
        match (&self.url, &self.filename) {
            (Some(u), _) => Some(u.clone()),
            (None, Some(f)) => Some(format!("{base_url}/materials/{}/{f}", self.id)),
            (None, None) => None,
        }
    }

    /// Whether only confirmed registrants may fetch it.
    pub fn registrants_only(&self) -> bool {
        self.visibility == crate::domain::UrlVisibility::Registrants.as_str()
    }
}

/// What describes a material, written when it is added (or when its upload is complete).
#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = materials, treat_none_as_null = true)]
pub struct MaterialRow<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub url: Option<&'a str>,
    pub visibility: &'a str,
}

/// The file facts of a finished upload.
#[derive(AsChangeset, Debug, Clone)]
#[diesel(table_name = materials)]
pub struct FileFacts<'a> {
    pub filename: &'a str,
    pub content_type: &'a str,
    pub size: i64,
    pub sha256: &'a str,
    pub complete: bool,
}

/// Adds a link material.
pub fn insert_link(
    conn: &mut DbConn,
    meeting_id: i64,
    row: &MaterialRow,
    now: NaiveDateTime,
) -> QueryResult<Material> {
    diesel::insert_into(mt::materials)
        .values((
            row,
            mt::meeting_id.eq(meeting_id),
            mt::complete.eq(true),
            mt::created_at.eq(now),
        ))
        .returning(materials::all_columns)
        .get_result(conn)
}

/// Starts an upload: a row that no list shows until `finish_upload` completes it.
pub fn begin_upload(conn: &mut DbConn, meeting_id: i64, now: NaiveDateTime) -> QueryResult<i64> {
    diesel::insert_into(mt::materials)
        .values((
            mt::meeting_id.eq(meeting_id),
            mt::title.eq(""),
            mt::kind.eq(""),
            mt::complete.eq(false),
            mt::created_at.eq(now),
        ))
        .returning(mt::id)
        .get_result(conn)
}

/// Stores the `seq`th chunk of an upload.
pub fn add_chunk(conn: &mut DbConn, material_id: i64, seq: i32, data: &[u8]) -> QueryResult<()> {
    diesel::insert_into(c::material_chunks)
        .values((
            c::material_id.eq(material_id),
            c::seq.eq(seq),
            c::data.eq(data),
        ))
        .execute(conn)
        .map(drop)
}

/// Describes a fully stored upload and makes it visible.
pub fn finish_upload(
    conn: &mut DbConn,
    material_id: i64,
    row: &MaterialRow,
    file: &FileFacts,
) -> QueryResult<Material> {
    diesel::update(mt::materials.find(material_id))
        .set((row, file))
        .returning(materials::all_columns)
        .get_result(conn)
}

/// Deletes a material and its chunks.
pub fn delete(conn: &mut DbConn, material_id: i64) -> QueryResult<()> {
    diesel::delete(c::material_chunks.filter(c::material_id.eq(material_id))).execute(conn)?;
    diesel::delete(mt::materials.find(material_id)).execute(conn)?;
    Ok(())
}

/// A complete material of the meeting.
pub fn find(conn: &mut DbConn, meeting_id: i64, id: i64) -> QueryResult<Option<Material>> {
    mt::materials
        .find(id)
        .filter(mt::meeting_id.eq(meeting_id))
        .filter(mt::complete.eq(true))
        .select(Material::as_select())
        .get_result(conn)
        .optional()
}

/// A complete material of a meeting that is not a draft.
pub fn find_shown(conn: &mut DbConn, id: i64) -> QueryResult<Option<Material>> {
    use super::schema::meetings::dsl as m;
    mt::materials
        .inner_join(m::meetings)
        .filter(mt::id.eq(id))
        .filter(m::status.ne(crate::domain::MeetingStatus::Draft.as_str()))
        .filter(mt::complete.eq(true))
        .select(Material::as_select())
        .get_result(conn)
        .optional()
}

/// The complete materials of the given meetings, in the order they were added; with
/// `public_only`, those everyone may see.
pub fn of_meetings(
    conn: &mut DbConn,
    meeting_ids: &[i64],
    public_only: bool,
) -> QueryResult<Vec<Material>> {
    let complete = mt::materials
        .filter(mt::complete.eq(true))
        .select(materials::all_columns)
        .order(mt::id);
    // `visibility = 'public' OR NOT ?public_only`: one statement text for both callers.
    let visible = mt::visibility
        .eq(crate::domain::UrlVisibility::Public.as_str())
        .or(diesel::dsl::not(
            public_only.into_sql::<diesel::sql_types::Bool>(),
        ));
    // One meeting (its page, its manage page) is the common case: `= ?` keeps one prepared
    // statement, where SQLite parses an `IN (…)` list again on every call.
    match meeting_ids {
        [one] => super::direct!(conn, c => complete
            .filter(mt::meeting_id.eq(*one))
            .filter(visible)
            .load(c)),
        many => complete
            .filter(mt::meeting_id.eq_any(many))
            .filter(visible)
            .load(conn),
    }
}

/// Whether the meeting has a `minutes` material.
pub fn has_minutes(conn: &mut DbConn, meeting_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        mt::materials
            .filter(mt::meeting_id.eq(meeting_id))
            .filter(mt::complete.eq(true))
            .filter(mt::kind.eq(crate::domain::MaterialKind::Minutes.as_str())),
    ))
    .get_result(conn)
}

/// The `seq`th chunk of a stored file, if it has that many.
pub fn chunk(conn: &mut DbConn, material_id: i64, seq: i32) -> QueryResult<Option<Vec<u8>>> {
    c::material_chunks
        .find((material_id, seq))
        .select(c::data)
        .get_result(conn)
        .optional()
}

/// The chunks of a stored file, in order.
pub fn chunks(conn: &mut DbConn, material_id: i64) -> QueryResult<Vec<Vec<u8>>> {
    c::material_chunks
        .filter(c::material_id.eq(material_id))
        .order(c::seq)
        .select(c::data)
        .load(conn)
}

/// Uploads that never completed (the instance stopped mid-upload) and are older than
/// `before`, with their chunks.
pub fn delete_abandoned(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    let ids: Vec<i64> = mt::materials
        .filter(mt::complete.eq(false))
        .filter(mt::created_at.lt(before))
        .select(mt::id)
        .load(conn)?;
    diesel::delete(c::material_chunks.filter(c::material_id.eq_any(&ids))).execute(conn)?;
    diesel::delete(mt::materials.filter(mt::id.eq_any(&ids))).execute(conn)
}
