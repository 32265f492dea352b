//! Database access: one connection type over SQLite and PostgreSQL, the pool, migrations,
//! and query functions grouped by table family. Query functions take `&mut DbConn` so callers
//! compose them into transactions.

pub mod announcements;
pub mod changes;
pub mod followers;
pub mod groups;
pub mod inputs;
pub mod login_throttle;
pub mod mail_caps;
pub mod materials;
pub mod meeting_row;
pub mod meetings;
pub mod members;
pub mod milestones;
pub mod outbox;
pub mod registrations;
pub mod scheduled;
pub mod schema;
pub mod seats;
pub mod series;
pub mod sessions;
pub mod settings;
pub mod staff;
pub mod updates;

use std::collections::HashMap;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// One connection, to whichever backend `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<DbConn>>;
pub type PooledConn = PooledConnection<ConnectionManager<DbConn>>;

pub(crate) const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub(crate) const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Runs `$body` with `$c` bound to the concrete connection inside a `DbConn`: the body is
/// written once and compiled for each backend. For queries on the busy paths (a meeting's
/// page, a registration, its manage page, the mail worker). Through `DbConn` itself, diesel's
/// multi-connection layer renders a query's whole SQL text twice on every execution (to ask
/// whether it may be cached, and to collect its binds), even when its prepared statement is
/// cached already; on the concrete connection a query with a static id skips both.
macro_rules! direct {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => $body,
            $crate::db::DbConn::Postgresql($c) => $body,
        }
    };
}
pub(crate) use direct;

/// Which backend a database URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the backend from the URL scheme; `None` for anything else.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else if url.starts_with("sqlite://") || url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }
}

/// The path diesel's SQLite connection wants, from `sqlite://PATH` or `sqlite:PATH`.
fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

/// WAL (readers never wait for the writer), `synchronous = FULL` (a commit is on disk before
/// the registration is acknowledged, also across a power loss: NORMAL would only survive a
/// crash of Quorum itself), foreign keys enforced.
#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        if let DbConn::Sqlite(c) = conn {
            c.batch_execute(
                // busy_timeout first: switching to WAL waits for a lock too (another
                // instance closing its last connection checkpoints under an exclusive lock).
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Lets the process exit while pool threads still hold TLS connections to PostgreSQL.
/// Left to itself, OpenSSL tears itself down in an `atexit` handler while another thread may
/// still use it: a segfault at exit (diesel-rs/diesel#3441). `openssl_sys::init` turns that
/// handler off, and only counts if it is the process's first use of OpenSSL, so `connect`
/// calls it before libpq does, and so must anything that opens a connection on its own.
pub fn prepare_tls() {
    openssl_sys::init();
}

/// Connects once directly (so a bad URL fails fast with the real message), runs pending
/// migrations, then builds the pool.
pub fn connect(url: &str, pool_size: u32) -> anyhow::Result<DbPool> {
    prepare_tls();
    let (backend, manager_url) = target(url)?;
    let mut first = open(backend, manager_url)?;
    run_migrations(&mut first)?;
    drop(first);
    build_pool(manager_url, pool_size)
}

/// The backend `DATABASE_URL` names, and what diesel connects to (a file path for SQLite).
pub fn target(url: &str) -> anyhow::Result<(Backend, &str)> {
    match Backend::from_url(url) {
        Some(Backend::Sqlite) => Ok((Backend::Sqlite, sqlite_path(url))),
        Some(Backend::Postgres) => Ok((Backend::Postgres, url)),
        None => Err(anyhow::anyhow!(
            "DATABASE_URL must start with sqlite://, postgres:// or postgresql://"
        )),
    }
}

/// One connection, with the errors named after the setting.
pub fn open(backend: Backend, manager_url: &str) -> anyhow::Result<DbConn> {
    let mut conn = match backend {
        Backend::Sqlite => DbConn::Sqlite(
            diesel::SqliteConnection::establish(manager_url)
                .map_err(|e| anyhow::anyhow!("DATABASE_URL: cannot open SQLite database: {e}"))?,
        ),
        Backend::Postgres => DbConn::Postgresql(
            diesel::PgConnection::establish(manager_url)
                .map_err(|e| anyhow::anyhow!("DATABASE_URL: cannot connect to PostgreSQL: {e}"))?,
        ),
    };
    SqlitePragmas
        .on_acquire(&mut conn)
        .map_err(|e| anyhow::anyhow!("DATABASE_URL: cannot configure SQLite: {e}"))?;
    Ok(conn)
}

/// Another pool on a database that `connect` has opened (and migrated): for work that must
/// not wait for a connection behind requests, such as the mail worker.
pub fn connect_more(url: &str, pool_size: u32) -> anyhow::Result<DbPool> {
    build_pool(target(url)?.1, pool_size)
}

fn build_pool(manager_url: &str, pool_size: u32) -> anyhow::Result<DbPool> {
    let manager = ConnectionManager::<DbConn>::new(manager_url);
    let pool = Pool::builder()
        .max_size(pool_size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(3))
        .connection_customizer(Box::new(SqlitePragmas))
        .build(manager)?;
    Ok(pool)
}

/// Runs every pending migration of the connection's backend.
pub fn run_migrations(conn: &mut DbConn) -> anyhow::Result<()> {
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConn::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| anyhow::anyhow!("database migration failed: {e}"))
}

/// Whether this thread is inside `write_tx` (SQLite's single writer is held).
pub fn in_write_tx() -> bool {
    WRITING.get()
}

/// Takes the meeting's row lock for the rest of the transaction; false when there is no such
/// meeting. On PostgreSQL this is `SELECT … FOR NO KEY UPDATE`, which serialises writers of
/// one meeting across connections and instances (and, unlike `FOR UPDATE`, does not block
/// the key-share locks that inserting a registration or an outbox row takes on it). On
/// SQLite every write transaction already holds the database's single write lock (see
/// `write_tx`), so checking that the row exists is all that is left to do. (Rewriting the
/// key instead, `SET id = id`, made SQLite check every table that references meetings, a
/// full scan of the outbox on each registration.)
pub fn lock_meeting(conn: &mut DbConn, meeting_id: i64) -> QueryResult<bool> {
    use schema::meetings::dsl as m;
    let query = m::meetings.filter(m::id.eq(meeting_id)).select(m::id);
    match conn {
        DbConn::Postgresql(c) => query.for_no_key_update().get_result::<i64>(c).optional(),
        DbConn::Sqlite(c) => {
            debug_assert!(WRITING.get(), "lock_meeting outside write_tx");
            query.get_result::<i64>(c).optional()
        }
    }
    .map(|row| row.is_some())
}

/// A fixed SQL condition (no bound values) on one table; see `Fixed`.
pub trait FixedCondition: 'static {
    type Table;
    const SQL: &'static str;
}

/// Declares a `FixedCondition` on a table and the function that gives it as an expression.
macro_rules! fixed_condition {
    ($(#[$doc:meta])* $vis:vis fn $f:ident() -> $name:ident on $table:ty = $sql:literal) => {
        $(#[$doc])*
        $vis fn $f() -> $crate::db::Fixed<$name> {
            $crate::db::Fixed::new()
        }

        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::db::FixedCondition for $name {
            type Table = $table;
            const SQL: &'static str = $sql;
        }
    };
}
pub(crate) use fixed_condition;

/// A `FixedCondition` as a diesel expression. Unlike `diesel::dsl::sql`, it has a static
/// query id (its type), so statements using it stay in diesel's prepared-statement cache.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<C>(std::marker::PhantomData<C>);

impl<C> Fixed<C> {
    pub const fn new() -> Self {
        Fixed(std::marker::PhantomData)
    }
}

impl<C> Default for Fixed<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C: FixedCondition> diesel::Expression for Fixed<C> {
    type SqlType = diesel::sql_types::Bool;
}

impl<C: FixedCondition, DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB>
    for Fixed<C>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql(C::SQL);
        Ok(())
    }
}

impl<C: FixedCondition> diesel::query_builder::QueryId for Fixed<C> {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<C: FixedCondition> diesel::expression::ValidGrouping<()> for Fixed<C> {
    type IsAggregate = diesel::expression::is_aggregate::No;
}

impl<C: FixedCondition, QS> diesel::AppearsOnTable<QS> for Fixed<C> where
    QS: diesel::query_source::AppearsInFromClause<C::Table, Count = diesel::query_source::Once>
{
}

impl<C: FixedCondition> diesel::SelectableExpression<C::Table> for Fixed<C> where
    C::Table:
        diesel::query_source::AppearsInFromClause<C::Table, Count = diesel::query_source::Once>
{
}

/// The current time in UTC, truncated to microseconds (what PostgreSQL keeps).
pub fn now() -> chrono::NaiveDateTime {
    truncate_micros(crate::clock::now().naive_utc())
}

/// Truncates a timestamp to whole microseconds so both backends store the same value.
pub fn truncate_micros(t: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::Timelike;
    let nanos = t.nanosecond();
    t.with_nanosecond(nanos - nanos % 1_000).unwrap_or(t)
}

/// Rows of a `GROUP BY` on a nullable id with their counts, keyed by id (`NULL` left out).
pub(crate) fn keyed_counts(rows: Vec<(Option<i64>, i64)>) -> HashMap<i64, i64> {
    rows.into_iter()
        .filter_map(|(id, n)| Some((id?, n)))
        .collect()
}

/// Whether a diesel error is a unique-constraint violation.
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// A transaction that will write. On SQLite it takes the write lock first (waiting under
/// `busy_timeout`): a deferred transaction that reads and then writes would instead fail
/// at once with "database is locked" when another writer got in between.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    // SQLite has one writer at a time anyway: queueing writers here, in order, beats
    // letting them poll the file lock with busy_timeout's growing sleeps.
    // A nested write transaction (a savepoint) already holds the writer's place.
    let _writer = match conn {
        DbConn::Sqlite(_) if !WRITING.get() => Some(WriterGuard::acquire()),
        _ => None,
    };
    let outermost = _writer.is_some();
    let result = conn.transaction(|conn| {
        if let DbConn::Sqlite(_) = conn {
            // A write that changes nothing takes the write lock now (diesel's `BEGIN` is
            // deferred). Written with the query builder so the statement stays prepared.
            use schema::settings::dsl as st;
            direct!(conn, c => diesel::update(st::settings.filter(st::key.eq("")))
                .set(st::value.eq(st::value))
                .execute(c))
            .map_err(E::from)?;
        }
        f(conn)
    });
    if outermost {
        // The calendar changed in this transaction: now that it committed, cached feeds and
        // meeting rows are stale (see `changes::notify_change`).
        if changes::CALENDAR_WRITTEN.replace(false) && result.is_ok() {
            changes::invalidate_all();
        }
    }
    result
}

/// One write statement on its own, committed by itself: on PostgreSQL that saves the
/// `BEGIN`/`COMMIT` round trips of a transaction; on SQLite it waits its turn in the same
/// in-process queue as `write_tx`.
pub fn write_one<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
{
    let _writer = match conn {
        DbConn::Sqlite(_) if !WRITING.get() => Some(WriterGuard::acquire()),
        _ => None,
    };
    f(conn)
}

/// Serialises write transactions on SQLite within this process.
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// Whether this thread holds `SQLITE_WRITER` (so nested transactions do not wait on it).
    static WRITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

struct WriterGuard(#[allow(dead_code)] std::sync::MutexGuard<'static, ()>);

impl WriterGuard {
    fn acquire() -> WriterGuard {
        let guard = SQLITE_WRITER.lock().unwrap_or_else(|e| e.into_inner());
        WRITING.set(true);
        WriterGuard(guard)
    }
}

impl Drop for WriterGuard {
    fn drop(&mut self) {
        WRITING.set(false);
    }
}

#[cfg(test)]
mod tests;
