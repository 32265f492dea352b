//! The archive's lines, its errors, and the reader that checks them as they come.
//! The layout is described in `archive/mod.rs`.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What the first line's `format` says.
pub const FORMAT: &str = "quorum-archive";
/// The layout version this Quorum writes and reads.
pub const VERSION: u32 = 1;
/// A longer line is not ours (a material chunk, the largest row, is under 1 MiB).
const MAX_LINE: u64 = 64 << 20;

/// The first line.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The last migration the exporting database had run, e.g. `20261208000014`.
    pub schema: String,
    /// `sqlite` or `postgresql`: for information only.
    pub backend: String,
    /// RFC 3339, UTC.
    pub exported_at: String,
    /// The version of Quorum that wrote the archive.
    pub quorum: String,
}

/// The second line: for each table keyed by a sequence, the last id the sequence handed out
/// (0 if none), so that ids of deleted rows are not handed out again.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sequences {
    pub sequences: BTreeMap<String, i64>,
}

/// Opens a table: its rows follow, one per line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableStart {
    pub table: String,
    pub rows: u64,
}

/// The last line: without it the archive is truncated.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct End {
    pub end: Totals,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub tables: usize,
    pub rows: u64,
}

/// Why an export or an import stopped. Each is one line, naming what to do where it can.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("cannot open {0}: {1}")]
    Open(String, std::io::Error),
    #[error("cannot write the archive: {0}")]
    Write(std::io::Error),
    #[error("{0} is not a Quorum archive ({1})")]
    NotArchive(String, &'static str),
    #[error("the archive is truncated or damaged at line {0}: {1}")]
    Damaged(u64, String),
    #[error("the archive ends early, in table {0}: it is truncated")]
    EndsEarly(&'static str),
    #[error("archive line {0}: {1}")]
    Format(u64, String),
    #[error("the archive has format version {0}, newer than this Quorum reads ({VERSION}): upgrade Quorum first")]
    NewerFormat(u32),
    #[error("the archive comes from a newer Quorum (schema {archive}, this one knows up to {ours}): upgrade Quorum first")]
    NewerSchema { archive: String, ours: String },
    #[error("the archive comes from an older Quorum (schema {archive}, this one has {ours}): import it with the Quorum version that wrote it, then upgrade that installation")]
    OlderSchema { archive: String, ours: String },
    #[error("the database has {pending} migration(s) that this Quorum does not know or has not run: export with the Quorum version that runs it, or run `quorum migrate`")]
    SchemaMismatch { pending: usize },
    #[error("the database is not empty (table {0} has {1} rows): import needs an empty database")]
    NotEmpty(&'static str, i64),
    #[error("cannot encode a row: {0}")]
    Encode(serde_json::Error),
    #[error("reading the database failed: {0}")]
    Read(diesel::result::Error),
    #[error("table {0} changed while it was read ({1} rows counted, {2} read)")]
    Inconsistent(&'static str, u64, u64),
    #[error("inserting into {0} failed: {1}")]
    Insert(&'static str, diesel::result::Error),
    #[error("{0}")]
    Database(String),
}

impl From<diesel::result::Error> for ArchiveError {
    fn from(e: diesel::result::Error) -> Self {
        ArchiveError::Read(e)
    }
}

impl ArchiveError {
    /// The message on one line, whatever the driver put in it.
    pub fn one_line(&self) -> String {
        self.to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Reads an archive line by line, counting lines for the messages.
pub struct LineReader {
    inner: Box<dyn BufRead>,
    buf: Vec<u8>,
    line: u64,
}

impl LineReader {
    /// Opens `path`, refusing at once a file that is not gzip-compressed.
    pub fn open(path: &Path) -> Result<LineReader, ArchiveError> {
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|e| ArchiveError::Open(shown.clone(), e))?;
        let mut file = BufReader::new(file);
        let magic = file
            .fill_buf()
            .map_err(|e| ArchiveError::Open(shown.clone(), e))?;
        if !magic.starts_with(&[0x1f, 0x8b]) {
            return Err(ArchiveError::NotArchive(shown, "it is not gzip-compressed"));
        }
        let gz = flate2::bufread::MultiGzDecoder::new(file);
        Ok(LineReader {
            inner: Box::new(BufReader::with_capacity(1 << 16, gz)),
            buf: Vec::new(),
            line: 0,
        })
    }

    /// The number of the line last read (1-based).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Reads the next line; its length, or `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<usize>, ArchiveError> {
        self.buf.clear();
        self.line += 1;
        let read = (&mut self.inner)
            .take(MAX_LINE)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| self.damaged(e))?;
        if read == 0 {
            return Ok(None);
        }
        if self.buf.pop() != Some(b'\n') {
            let why = if read as u64 >= MAX_LINE {
                "a line is longer than any archive line"
            } else {
                "the last line is cut off: the file is truncated"
            };
            return Err(ArchiveError::Damaged(self.line, why.to_string()));
        }
        Ok(Some(self.buf.len()))
    }

    /// Parses the line last read as `T`; `what` names it in the message.
    pub fn parse<T: DeserializeOwned>(&self, what: &str) -> Result<T, ArchiveError> {
        serde_json::from_slice(&self.buf)
            .map_err(|e| ArchiveError::Format(self.line, format!("not a valid {what} line: {e}")))
    }

    fn damaged(&self, e: std::io::Error) -> ArchiveError {
        let why = match e.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                "the compressed data stops early: the file is truncated".to_string()
            }
            _ => e.to_string(),
        };
        ArchiveError::Damaged(self.line, why)
    }
}

/// Binary columns as standard base64 strings.
pub mod base64 {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}
