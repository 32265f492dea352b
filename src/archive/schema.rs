//! Which schema an archive belongs to: the version of the last migration, the same on both
//! backends (their migration folders carry the same names).

use diesel::migration::MigrationSource;
use diesel_migrations::MigrationHarness;

use super::format::ArchiveError;
use crate::db::{self, Backend, DbConn};

/// Opens the database behind `url` without creating or migrating anything.
pub fn open_existing(url: &str) -> Result<DbConn, ArchiveError> {
    let database = |e: anyhow::Error| ArchiveError::Database(format!("{e:#}"));
    let (backend, target) = db::target(url).map_err(database)?;
    if backend == Backend::Sqlite && !std::path::Path::new(target).exists() {
        return Err(ArchiveError::Database(format!(
            "DATABASE_URL: {target} does not exist"
        )));
    }
    db::prepare_tls();
    db::open(backend, target).map_err(database)
}

/// Opens the database behind `url` and runs pending migrations: an import target.
pub fn open_migrated(url: &str) -> Result<DbConn, ArchiveError> {
    let database = |e: anyhow::Error| ArchiveError::Database(format!("{e:#}"));
    let (backend, target) = db::target(url).map_err(database)?;
    db::prepare_tls();
    let mut conn = db::open(backend, target).map_err(database)?;
    db::run_migrations(&mut conn).map_err(database)?;
    Ok(conn)
}

/// This Quorum's migrations, oldest first.
fn ours(conn: &DbConn) -> Result<Vec<String>, ArchiveError> {
    let listed = match conn {
        DbConn::Sqlite(_) => {
            MigrationSource::<diesel::sqlite::Sqlite>::migrations(&db::SQLITE_MIGRATIONS)
                .map(|m| versions(&m))
        }
        DbConn::Postgresql(_) => {
            MigrationSource::<diesel::pg::Pg>::migrations(&db::POSTGRES_MIGRATIONS)
                .map(|m| versions(&m))
        }
    };
    let mut listed =
        listed.map_err(|e| ArchiveError::Database(format!("cannot list the migrations: {e}")))?;
    listed.sort();
    Ok(listed)
}

fn versions<DB: diesel::backend::Backend>(
    migrations: &[Box<dyn diesel::migration::Migration<DB>>],
) -> Vec<String> {
    migrations
        .iter()
        .map(|m| m.name().version().to_string())
        .collect()
}

/// The schema version of the database, which must be exactly this Quorum's.
pub fn current(conn: &mut DbConn) -> Result<String, ArchiveError> {
    let ours = ours(conn)?;
    let applied = match conn {
        DbConn::Sqlite(c) => c.applied_migrations(),
        DbConn::Postgresql(c) => c.applied_migrations(),
    }
    .map_err(|e| ArchiveError::Database(format!("cannot read the applied migrations: {e}")))?;
    let applied: Vec<String> = applied.iter().map(|v| v.to_string()).collect();
    let differ = ours.iter().filter(|v| !applied.contains(v)).count()
        + applied.iter().filter(|v| !ours.contains(v)).count();
    if differ > 0 {
        return Err(ArchiveError::SchemaMismatch { pending: differ });
    }
    latest(&ours)
}

/// Migrations that change indexes only, no table or column: an archive written before them
/// holds exactly the rows and columns of one written after, so it is read the same way.
/// A migration that changes a table or a column must not be listed here.
const INDEXES_ONLY: &[&str] = &["20261208000014"];

/// Accepts an archive of this Quorum's schema, or of an earlier one that differs from it by
/// `INDEXES_ONLY` migrations; names the way forward otherwise.
pub fn accept(conn: &DbConn, archive: &str) -> Result<(), ArchiveError> {
    let ours = ours(conn)?;
    let last = latest(&ours)?;
    if same_layout(&ours, archive) {
        return Ok(());
    }
    let digits = |v: &str| v.chars().filter(char::is_ascii_digit).collect::<String>();
    let (a, o) = (digits(archive), digits(&last));
    let newer = a.len() > o.len() || (a.len() == o.len() && a > o);
    if newer {
        Err(ArchiveError::NewerSchema {
            archive: archive.to_string(),
            ours: last,
        })
    } else {
        Err(ArchiveError::OlderSchema {
            archive: archive.to_string(),
            ours: last,
        })
    }
}

/// Whether `archive` is one of `ours` (oldest first) and every later one is `INDEXES_ONLY`.
fn same_layout(ours: &[String], archive: &str) -> bool {
    ours.iter().position(|v| v == archive).is_some_and(|at| {
        ours[at + 1..]
            .iter()
            .all(|v| INDEXES_ONLY.contains(&v.as_str()))
    })
}

fn latest(ours: &[String]) -> Result<String, ArchiveError> {
    ours.last()
        .cloned()
        .ok_or_else(|| ArchiveError::Database("this Quorum has no migrations".to_string()))
}

#[cfg(test)]
mod tests {
    use super::same_layout;

    #[test]
    fn only_index_migrations_may_follow_an_archive() {
        let ours: Vec<String> = ["20261208000013", "20261208000014"]
            .map(String::from)
            .to_vec();
        assert!(same_layout(&ours, "20261208000014"));
        assert!(
            same_layout(&ours, "20261208000013"),
            "000014 changes indexes only"
        );
        assert!(!same_layout(&ours, "20261207000012"), "not one of ours");
        let with_columns: Vec<String> = ["20261208000013", "20261208000014", "20270101000015"]
            .map(String::from)
            .to_vec();
        assert!(!same_layout(&with_columns, "20261208000013"));
        assert!(same_layout(&with_columns, "20270101000015"));
    }
}
