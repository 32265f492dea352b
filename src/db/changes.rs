//! Calendar changes: how a write that changes meetings, series or groups makes the
//! in-memory caches of feeds and meeting pages stale, on this instance and on the others.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::RunQueryDsl;

use super::{DbConn, WRITING};

/// The PostgreSQL channel on which calendar changes are announced.
pub const CHANNEL: &str = "quorum_calendar";

thread_local! {
    /// Whether the write transaction under way changed meetings, series or groups.
    pub(super) static CALENDAR_WRITTEN: Cell<bool> = const { Cell::new(false) };
}

/// Bumped by SQLite writes that change the calendar, once they have committed; part of
/// every cache's generation. (One counter for the process: several servers in one process,
/// as in the tests, only invalidate each other's caches more often than needed.)
static SQLITE_WRITES: AtomicU64 = AtomicU64::new(0);

/// How many committed SQLite writes have changed the calendar in this process so far.
pub(crate) fn sqlite_writes() -> u64 {
    SQLITE_WRITES.load(Ordering::Acquire)
}

/// Every cache in this process is stale (see `calendar_written`).
pub(crate) fn invalidate_all() {
    SQLITE_WRITES.fetch_add(1, Ordering::AcqRel);
}

/// Records that the current SQLite write changed what feeds and meeting pages show.
/// Inside `write_tx` the caches are invalidated once the transaction has committed (by the
/// same thread, so also when the request that started it is gone by then); outside one,
/// the statement has committed already and they are invalidated at once.
pub(crate) fn calendar_written() {
    if WRITING.get() {
        CALENDAR_WRITTEN.set(true);
    } else {
        invalidate_all();
    }
}

/// Call inside the transaction of every write that changes what feeds or meeting pages
/// show. PostgreSQL: `NOTIFY`, delivered at commit to every instance's listener (this one's
/// too). SQLite: the caches of this process are invalidated when the transaction commits.
pub fn notify_change(conn: &mut DbConn) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Postgresql(c) => diesel::sql_query(format!("NOTIFY {CHANNEL}"))
            .execute(c)
            .map(|_| ()),
        DbConn::Sqlite(_) => {
            calendar_written();
            Ok(())
        }
    }
}
