//! Where each table's id sequence stands: read on export, put back on import, so that new
//! rows after an import never take an id that was handed out before (even one whose row was
//! since deleted, which a manage link or an audit entry may still name).

use std::collections::BTreeMap;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::table::Dump;
use crate::db::DbConn;

#[derive(QueryableByName)]
struct Named {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = BigInt)]
    seq: i64,
}

#[derive(QueryableByName)]
struct SequenceName {
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    name: Option<String>,
}

#[derive(QueryableByName)]
struct Value {
    #[diesel(sql_type = BigInt)]
    seq: i64,
}

/// For each table keyed by a sequence, the last id it handed out (0 if none).
pub fn read(conn: &mut DbConn, tables: &[&dyn Dump]) -> QueryResult<BTreeMap<String, i64>> {
    let keyed = tables.iter().filter(|t| t.sequence()).map(|t| t.name());
    let mut out = BTreeMap::new();
    match conn {
        DbConn::Sqlite(c) => {
            let rows: Vec<Named> =
                diesel::sql_query("SELECT name, seq FROM sqlite_sequence").load(c)?;
            for table in keyed {
                let seq = rows.iter().find(|r| r.name == table).map_or(0, |r| r.seq);
                out.insert(table.to_string(), seq);
            }
        }
        DbConn::Postgresql(c) => {
            for table in keyed {
                // The sequence's name comes from PostgreSQL itself, already quoted.
                let found: SequenceName =
                    diesel::sql_query("SELECT pg_get_serial_sequence($1, 'id') AS name")
                        .bind::<Text, _>(table)
                        .get_result(c)?;
                let Some(sequence) = found.name else {
                    continue;
                };
                let value: Value = diesel::sql_query(format!(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM {}",
                    sequence
                ))
                .get_result(c)?;
                out.insert(table.to_string(), value.seq);
            }
        }
    }
    Ok(out)
}

/// Moves each sequence to at least the archived value and the largest id present.
pub fn restore(conn: &mut DbConn, archived: &BTreeMap<String, i64>) -> QueryResult<()> {
    for (table, &seq) in archived {
        match conn {
            DbConn::Sqlite(c) => {
                // Inserting explicit ids has moved the sequence to the largest one already.
                diesel::sql_query(
                    "UPDATE sqlite_sequence SET seq = ?2 WHERE name = ?1 AND seq < ?2",
                )
                .bind::<Text, _>(table)
                .bind::<BigInt, _>(seq)
                .execute(c)?;
                diesel::sql_query(
                    "INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2 \
                     WHERE ?2 > 0 AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)",
                )
                .bind::<Text, _>(table)
                .bind::<BigInt, _>(seq)
                .execute(c)?;
            }
            DbConn::Postgresql(c) => {
                // `table` is one of ours (checked against the list before this is called).
                // Exactly where it stood: a migration may have moved a fresh sequence.
                c.batch_execute(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     GREATEST({seq}, COALESCE(MAX(id), 0), 1), \
                     GREATEST({seq}, COALESCE(MAX(id), 0)) > 0) FROM {table}"
                ))?;
            }
        }
    }
    Ok(())
}
