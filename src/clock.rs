//! The time Quorum reads: the system clock, shifted by an offset that tests can set.
//!
//! Reminders, minutes-due mail and registration windows depend on the time of day; a test
//! cannot wait a day for them. `QUORUM_TEST_CLOCK_FILE` names a file holding an offset in
//! seconds (an integer, negative allowed); `serve` re-reads it ten times a second, so
//! several instances given the same file share one shifted clock. Unset (always, outside
//! tests) the offset is zero and nothing is read.

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

static OFFSET_SECONDS: AtomicI64 = AtomicI64::new(0);

/// The current time, as Quorum sees it.
pub fn now() -> DateTime<Utc> {
    Utc::now() + chrono::Duration::seconds(OFFSET_SECONDS.load(Ordering::Relaxed))
}

/// Follows the offset in `path`, waking `wake` (the mail worker) whenever it changes, so
/// that mail which just became due goes out without waiting for the next poll.
pub fn follow(path: PathBuf, wake: Arc<Notify>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tick.tick().await;
            let Some(offset) = read(&path) else { continue };
            if OFFSET_SECONDS.swap(offset, Ordering::Relaxed) != offset {
                tracing::info!(offset_seconds = offset, "test clock moved");
                wake.notify_one();
            }
        }
    });
}

fn read(path: &std::path::Path) -> Option<i64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}
