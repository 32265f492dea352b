//! `quorum export FILE`: one read transaction over every table, written to a temporary file
//! beside FILE and renamed into place only once complete, so that FILE is never half written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::Connection;

use super::format::{ArchiveError, End, Header, Sequences, TableStart, Totals, FORMAT, VERSION};
use super::rows::TABLES;
use super::{schema, sequences};
use crate::db::DbConn;

/// Writes the archive of `database_url` to `path`.
pub fn export(database_url: &str, path: &Path) -> Result<Totals, ArchiveError> {
    let mut conn = schema::open_existing(database_url)?;
    let version = schema::current(&mut conn)?;
    let partial = partial_path(path);
    let file =
        File::create(&partial).map_err(|e| ArchiveError::Open(partial.display().to_string(), e))?;
    let written = write(&mut conn, &version, file).and_then(|(totals, file)| {
        file.sync_all().map_err(ArchiveError::Write)?;
        std::fs::rename(&partial, path).map_err(ArchiveError::Write)?;
        Ok(totals)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// `.NAME.partial` in FILE's folder (a rename within one file system is atomic).
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive".to_string());
    path.with_file_name(format!(".{name}.partial"))
}

fn write(conn: &mut DbConn, schema: &str, file: File) -> Result<(Totals, File), ArchiveError> {
    // serde_json writes a row a few bytes at a time: the buffer in front of the encoder
    // hands it whole blocks (flate2 zeroes its 32 KiB output buffer on every write, which
    // cost 80 % of an export's time without it).
    let mut out = BufWriter::with_capacity(
        1 << 16,
        flate2::write::GzEncoder::new(
            BufWriter::with_capacity(1 << 16, file),
            flate2::Compression::fast(),
        ),
    );
    let header = Header {
        format: FORMAT.to_string(),
        version: VERSION,
        schema: schema.to_string(),
        backend: match conn {
            DbConn::Sqlite(_) => "sqlite",
            DbConn::Postgresql(_) => "postgresql",
        }
        .to_string(),
        exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        quorum: env!("CARGO_PKG_VERSION").to_string(),
    };
    line(&mut out, &header)?;
    let totals = conn.transaction(|conn| {
        // One snapshot for every table: on SQLite (WAL) a read transaction sees the database
        // as of its first read and holds up no writer; on PostgreSQL, a repeatable read.
        if let DbConn::Postgresql(c) = conn {
            c.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        }
        let sequences = sequences::read(conn, TABLES)?;
        line(&mut out, &Sequences { sequences })?;
        let mut totals = Totals { tables: 0, rows: 0 };
        for table in TABLES {
            let rows = table.count(conn)? as u64;
            let start = TableStart {
                table: table.name().to_string(),
                rows,
            };
            line(&mut out, &start)?;
            table.export(conn, rows, &mut out)?;
            totals.tables += 1;
            totals.rows += rows;
        }
        Ok::<_, ArchiveError>(totals)
    })?;
    line(&mut out, &End { end: totals })?;
    let file = out
        .into_inner()
        .map_err(|e| ArchiveError::Write(e.into_error()))?
        .finish()
        .and_then(|mut w| w.flush().map(|()| w))
        .map_err(ArchiveError::Write)?
        .into_inner()
        .map_err(|e| ArchiveError::Write(e.into_error()))?;
    Ok((totals, file))
}

fn line(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), ArchiveError> {
    serde_json::to_writer(&mut *out, value).map_err(ArchiveError::Encode)?;
    out.write_all(b"\n").map_err(ArchiveError::Write)
}
