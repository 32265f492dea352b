//! `quorum export FILE` and `quorum import FILE`: every row of every table, as an archive
//! that moves an installation between databases of either kind.
//!
//! The archive is gzip-compressed text, one JSON object per line:
//!
//! 1. the header: `{"format":"quorum-archive","version":1,"schema":"…","backend":"sqlite",
//!    "exported_at":"…","quorum":"…"}`; `schema` is the version of the last migration;
//! 2. `{"sequences":{"groups":12,…}}`: the last id each table's sequence handed out;
//! 3. for each table of `rows.rs`, in that order, `{"table":"groups","rows":3}` and then its
//!    rows, one object per line, keyed by column name: integers and booleans as JSON numbers
//!    and booleans, timestamps as `YYYY-MM-DDTHH:MM:SS[.ffffff]` (UTC), dates as
//!    `YYYY-MM-DD`, binary columns as base64, nulls as `null`;
//! 4. `{"end":{"tables":22,"rows":…}}`: without it the archive is truncated.
//!
//! Tokens, passwords and sessions travel as the database keeps them: hashed. The secret
//! key (in `settings`, when not given by `QUORUM_SECRET_KEY`) and unsent mail travel as
//! they are, so keep archives as safe as the database itself.

mod export;
mod format;
mod import;
mod rows;
mod schema;
mod sequences;
mod table;

pub use export::export;
pub use format::{ArchiveError, Totals, FORMAT, VERSION};
pub use import::{import, Imported};

/// The tables an archive carries, in order, with their columns (sorted by name).
pub fn layout() -> Vec<(&'static str, Vec<String>)> {
    rows::TABLES
        .iter()
        .map(|t| (t.name(), t.columns()))
        .collect()
}
