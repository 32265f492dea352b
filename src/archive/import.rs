//! `quorum import FILE`: every line checked and every row inserted inside one transaction,
//! committed only after the archive's last line; any error leaves the database as it was.

use std::collections::BTreeMap;
use std::path::Path;

use diesel::prelude::*;

use super::format::{ArchiveError, End, Header, LineReader, Sequences, TableStart, Totals};
use super::format::{FORMAT, VERSION};
use super::rows::TABLES;
use super::{schema, sequences};
use crate::db::{self, DbConn};

/// What an import loaded.
#[derive(Debug)]
pub struct Imported {
    pub totals: Totals,
    /// Whether the archive carried the installation's secret key. Without it (the old
    /// installation had `QUORUM_SECRET_KEY` set), this one needs the same setting for its
    /// sessions and unsubscribe links to keep working.
    pub secret_key: bool,
}

/// Loads the archive at `path` into the empty database behind `database_url`.
pub fn import(database_url: &str, path: &Path) -> Result<Imported, ArchiveError> {
    let mut lines = LineReader::open(path)?;
    let header = header(&mut lines, path)?;
    let mut conn = schema::open_migrated(database_url)?;
    schema::accept(&conn, &header.schema)?;
    let archived = next::<Sequences>(&mut lines, "sequences", None)?.sequences;
    check_sequences(&archived, lines.line())?;
    db::write_tx(&mut conn, |conn| {
        ensure_empty(conn)?;
        // The installation's settings (its secret key, the time zone rules in use) travel
        // with the data: what a fresh database generated for itself gives way.
        diesel::delete(db::schema::settings::table).execute(conn)?;
        let mut totals = Totals { tables: 0, rows: 0 };
        for table in TABLES {
            let start = next::<TableStart>(&mut lines, "table", Some(table.name()))?;
            if start.table != table.name() {
                return Err(ArchiveError::Format(
                    lines.line(),
                    format!("expected table {}, found {:?}", table.name(), start.table),
                ));
            }
            table.import(conn, &start, &mut lines)?;
            totals.tables += 1;
            totals.rows += start.rows;
        }
        let end = next::<End>(&mut lines, "end", None)?;
        if end.end != totals {
            return Err(ArchiveError::Format(
                lines.line(),
                format!(
                    "the last line counts {} tables and {} rows, the archive held {} and {}",
                    end.end.tables, end.end.rows, totals.tables, totals.rows
                ),
            ));
        }
        if lines.next_line()?.is_some() {
            return Err(ArchiveError::Format(
                lines.line(),
                "more lines follow the last one".to_string(),
            ));
        }
        sequences::restore(conn, &archived)?;
        let secret_key = db::settings::get(conn, "secret_key")?.is_some();
        Ok(Imported { totals, secret_key })
    })
}

/// Reads and checks the first line.
fn header(lines: &mut LineReader, path: &Path) -> Result<Header, ArchiveError> {
    let not_ours = || ArchiveError::NotArchive(path.display().to_string(), "no Quorum header");
    lines.next_line()?.ok_or_else(not_ours)?;
    let header: Header = lines.parse("header").map_err(|_| not_ours())?;
    if header.format != FORMAT {
        return Err(not_ours());
    }
    if header.version > VERSION {
        return Err(ArchiveError::NewerFormat(header.version));
    }
    Ok(header)
}

/// The next line, as `T`; `table` names the table being read, for the message at the end.
fn next<T: serde::de::DeserializeOwned>(
    lines: &mut LineReader,
    what: &str,
    table: Option<&'static str>,
) -> Result<T, ArchiveError> {
    match lines.next_line()? {
        Some(_) => lines.parse(what),
        None => Err(ArchiveError::EndsEarly(table.unwrap_or("(after the last)"))),
    }
}

/// The sequences line names only tables of ours that have a sequence.
fn check_sequences(archived: &BTreeMap<String, i64>, line: u64) -> Result<(), ArchiveError> {
    for (name, &value) in archived {
        let known = TABLES.iter().any(|t| t.sequence() && t.name() == name);
        if !known || value < 0 {
            return Err(ArchiveError::Format(
                line,
                format!("unknown sequence {name:?} = {value}"),
            ));
        }
    }
    Ok(())
}

/// Refuses a database holding any row outside `settings` (migrations and the generated
/// secret key do not make a database non-empty).
fn ensure_empty(conn: &mut DbConn) -> Result<(), ArchiveError> {
    for table in TABLES.iter().filter(|t| t.name() != "settings") {
        let rows = table.count(conn)?;
        if rows > 0 {
            return Err(ArchiveError::NotEmpty(table.name(), rows));
        }
    }
    Ok(())
}
