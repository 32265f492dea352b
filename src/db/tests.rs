//! The single-writer transactions and cache invalidation on SQLite.
#![allow(clippy::unwrap_used)]

use super::changes::notify_change;
use super::*;
use crate::error::AppError;
use crate::feed_cache::FeedCache;

fn pool() -> (tempfile::TempDir, DbPool) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("q.db").display());
    let pool = connect(&url, 2).unwrap();
    (dir, pool)
}

/// On SQLite the caches go stale exactly when a calendar write commits: not while it is
/// under way (a reader then still sees the old rows and may cache them), not when it
/// rolls back, and without help from the request that made it.
#[test]
fn sqlite_calendar_writes_invalidate_caches_at_commit() {
    let (_dir, pool) = pool();
    let cache = FeedCache::default();
    let mut conn = pool.get().unwrap();

    let before = cache.generation();
    let during = write_tx(&mut conn, |conn| -> Result<u64, AppError> {
        notify_change(conn)?;
        Ok(cache.generation())
    })
    .unwrap();
    assert_eq!(during, before, "not stale before the commit");
    let after = cache.generation();
    assert_ne!(after, before, "stale once committed");

    let failed = write_tx(&mut conn, |conn| -> Result<(), AppError> {
        notify_change(conn)?;
        Err(AppError::NotFound("meeting"))
    });
    assert!(failed.is_err());
    assert_eq!(
        cache.generation(),
        after,
        "a rolled-back write changes nothing"
    );

    // Nested writes (savepoints) count once, when the outermost commits.
    let during = write_tx(&mut conn, |conn| -> Result<u64, AppError> {
        write_tx(conn, |conn| notify_change(conn).map_err(AppError::from))?;
        Ok(cache.generation())
    })
    .unwrap();
    assert_eq!(during, after);
    assert_ne!(cache.generation(), after);
}
