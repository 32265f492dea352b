//! One table of an archive: its rows read a page at a time in key order, and inserted a batch
//! at a time. `archive_tables!` writes the row type and this for every table of `rows.rs`.

use std::io::Write;
use std::marker::PhantomData;

use diesel::QueryResult;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::format::{ArchiveError, LineReader, TableStart};
use crate::db::DbConn;

/// Rows of one table, as the archive carries them.
pub(super) trait Table: Serialize + DeserializeOwned + Default {
    const NAME: &'static str;
    /// Whether the key is an `id` drawn from a sequence (`BIGSERIAL`, SQLite `AUTOINCREMENT`).
    const SEQUENCE: bool;
    /// Rows read at a time: fewer for tables of large rows.
    const PAGE: i64;
    fn count(conn: &mut DbConn) -> QueryResult<i64>;
    /// The next `limit` rows in key order after `after` (from the start when `None`).
    fn page(conn: &mut DbConn, after: Option<&Self>, limit: i64) -> QueryResult<Vec<Self>>;
    fn insert(conn: &mut DbConn, rows: &[Self]) -> QueryResult<usize>;
}

/// A table with its row type out of sight, so that all of them fit in one list.
pub(super) trait Dump: Sync {
    fn name(&self) -> &'static str;
    fn sequence(&self) -> bool;
    /// The columns a row carries, sorted by name.
    fn columns(&self) -> Vec<String>;
    fn count(&self, conn: &mut DbConn) -> QueryResult<i64>;
    /// Writes `rows` rows (what `count` said, in the same snapshot); errors if they differ.
    fn export(&self, conn: &mut DbConn, rows: u64, out: &mut dyn Write)
        -> Result<(), ArchiveError>;
    /// Reads the table's rows that follow its `TableStart` line and inserts them.
    fn import(
        &self,
        conn: &mut DbConn,
        start: &TableStart,
        lines: &mut LineReader,
    ) -> Result<(), ArchiveError>;
}

/// The `Dump` of row type `R`.
pub(super) struct Of<R>(PhantomData<fn() -> R>);

impl<R> Of<R> {
    pub(super) const NEW: Of<R> = Of(PhantomData);
}

/// At most this many bytes of rows wait in memory for one insert.
const BATCH_BYTES: usize = 8 << 20;
/// At most this many rows go in one insert (34 columns × 300 stays under SQLite's 32,766
/// bound parameters).
const BATCH_ROWS: usize = 300;

impl<R: Table> Dump for Of<R> {
    fn name(&self) -> &'static str {
        R::NAME
    }

    fn sequence(&self) -> bool {
        R::SEQUENCE
    }

    fn columns(&self) -> Vec<String> {
        match serde_json::to_value(R::default()) {
            Ok(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    fn count(&self, conn: &mut DbConn) -> QueryResult<i64> {
        R::count(conn)
    }

    fn export(
        &self,
        conn: &mut DbConn,
        rows: u64,
        out: &mut dyn Write,
    ) -> Result<(), ArchiveError> {
        let mut written = 0u64;
        let mut last: Option<R> = None;
        loop {
            let page = R::page(conn, last.as_ref(), R::PAGE)?;
            let full = page.len() as i64 == R::PAGE;
            for row in &page {
                serde_json::to_writer(&mut *out, row).map_err(ArchiveError::Encode)?;
                out.write_all(b"\n").map_err(ArchiveError::Write)?;
            }
            written += page.len() as u64;
            last = page.into_iter().last();
            if !full {
                break;
            }
        }
        if written != rows {
            return Err(ArchiveError::Inconsistent(R::NAME, rows, written));
        }
        Ok(())
    }

    fn import(
        &self,
        conn: &mut DbConn,
        start: &TableStart,
        lines: &mut LineReader,
    ) -> Result<(), ArchiveError> {
        let mut batch: Vec<R> = Vec::new();
        let mut bytes = 0;
        for _ in 0..start.rows {
            let line = lines.next_line()?.ok_or(ArchiveError::EndsEarly(R::NAME))?;
            bytes += line;
            batch.push(lines.parse::<R>(R::NAME)?);
            if batch.len() >= BATCH_ROWS || bytes >= BATCH_BYTES {
                R::insert(conn, &batch).map_err(|e| ArchiveError::Insert(R::NAME, e))?;
                batch.clear();
                bytes = 0;
            }
        }
        if !batch.is_empty() {
            R::insert(conn, &batch).map_err(|e| ArchiveError::Insert(R::NAME, e))?;
        }
        Ok(())
    }
}

/// Writes the row type of each table and the list `TABLES` of them, in the order given.
macro_rules! archive_tables {
    ($(
        $table:ident ($($key:ident),+) $row:ident $(/ $page:literal)? {
            $($(#[$attr:meta])* $field:ident : $ty:ty,)*
        }
    )*) => {
        $(
            #[derive(
                Debug, Default, diesel::Queryable, diesel::Selectable, diesel::Insertable,
                serde::Serialize, serde::Deserialize,
            )]
            #[diesel(table_name = crate::db::schema::$table)]
            #[serde(deny_unknown_fields)]
            pub(crate) struct $row {
                $($(#[$attr])* pub $field: $ty,)*
            }

            impl super::table::Table for $row {
                const NAME: &'static str = stringify!($table);
                const SEQUENCE: bool = super::table::sequence!($($key),+);
                const PAGE: i64 = super::table::page!($($page)?);

                fn count(conn: &mut crate::db::DbConn) -> diesel::QueryResult<i64> {
                    use diesel::prelude::*;
                    crate::db::schema::$table::table.count().get_result(conn)
                }

                fn page(
                    conn: &mut crate::db::DbConn,
                    after: Option<&Self>,
                    limit: i64,
                ) -> diesel::QueryResult<Vec<Self>> {
                    use diesel::prelude::*;
                    use crate::db::schema::$table as t;
                    super::table::keyset!(conn, t, after, limit, $($key),+)
                }

                fn insert(
                    conn: &mut crate::db::DbConn,
                    rows: &[Self],
                ) -> diesel::QueryResult<usize> {
                    use diesel::prelude::*;
                    // A multi-row insert is written differently by each backend.
                    let insert = diesel::insert_into(crate::db::schema::$table::table).values(rows);
                    match conn {
                        crate::db::DbConn::Sqlite(c) => insert.execute(c),
                        crate::db::DbConn::Postgresql(c) => insert.execute(c),
                    }
                }
            }
        )*

        /// Every table, in insertion order.
        pub(super) const TABLES: &[&dyn super::table::Dump] =
            &[$(&super::table::Of::<$row>::NEW),*];
    };
}

/// Rows after `after` in key order: one key column, or two compared as a pair.
macro_rules! keyset {
    ($conn:ident, $t:ident, $after:ident, $limit:ident, $k:ident) => {{
        let mut query = $t::table
            .select(Self::as_select())
            .order($t::$k.asc())
            .limit($limit)
            .into_boxed();
        if let Some(row) = $after {
            query = query.filter($t::$k.gt(row.$k.clone()));
        }
        query.load($conn)
    }};
    ($conn:ident, $t:ident, $after:ident, $limit:ident, $k1:ident, $k2:ident) => {{
        let mut query = $t::table
            .select(Self::as_select())
            .order(($t::$k1.asc(), $t::$k2.asc()))
            .limit($limit)
            .into_boxed();
        if let Some(row) = $after {
            query = query.filter(
                $t::$k1
                    .gt(row.$k1)
                    .or($t::$k1.eq(row.$k1).and($t::$k2.gt(row.$k2))),
            );
        }
        query.load($conn)
    }};
}

/// Whether a key is a sequence's `id`.
macro_rules! sequence {
    (id) => {
        true
    };
    ($($key:ident),+) => {
        false
    };
}

/// Rows read at a time: 500 unless the table says fewer.
macro_rules! page {
    () => {
        500
    };
    ($page:literal) => {
        $page
    };
}

pub(super) use {archive_tables, keyset, page, sequence};
