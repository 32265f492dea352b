//! The links a reminder lists besides the meeting page: its agenda and its materials.

use diesel::QueryResult;

use crate::db::meetings::Meeting;
use crate::db::{materials, DbConn};
use crate::domain::MaterialKind;

/// One material as a mail lists it: "Slides: Findings so far" and where to get it.
#[derive(Debug, Clone)]
pub struct MaterialLink {
    pub label: String,
    pub url: String,
}

/// The agenda's place on the meeting page, when the meeting has one.
pub fn agenda_url(m: &Meeting, page_url: &str) -> Option<String> {
    (!m.agenda.trim().is_empty()).then(|| format!("{page_url}#agenda"))
}

/// The meeting's materials for one reader: the public ones, and with `manage` (the reader's
/// manage URL, given only to a holder of a confirmed seat) the registrants-only ones too,
/// reached through it.
pub fn materials(
    conn: &mut DbConn,
    lang: crate::i18n::Lang,
    base_url: &str,
    m: &Meeting,
    manage: Option<&str>,
) -> QueryResult<Vec<MaterialLink>> {
    let all = materials::of_meetings(conn, &[m.id], manage.is_none())?;
    Ok(all
        .iter()
        .filter_map(|x| {
            let url = match (x.registrants_only(), manage) {
                (true, Some(manage)) => Some(materials::through_manage(manage, x.id)),
                (true, None) => None,
                (false, _) => x.download_url(base_url),
            }?;
            let kind = MaterialKind::parse(&x.kind)
                .map_or_else(|| lang.msg("mail-material"), |k| k.label(lang));
            Some(MaterialLink {
                label: format!("{kind}{}{}", super::words::lead(lang), x.title),
                url,
            })
        })
        .collect())
}
