//! Personal data that has served its purpose goes: the content of mail that failed for good
//! once staff have had `FAILED_KEPT_DAYS` to retry it, and, with `QUORUM_RETENTION_DAYS`,
//! the people in registrations of meetings that ended longer ago (counts stay). A periodic
//! sweep in every instance; each step is idempotent, so instances sharing a database may
//! sweep at the same time.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use tokio_util::sync::CancellationToken;

use crate::db::{self, outbox, registrations as regs, DbConn, DbPool};

/// Registrations anonymised per write transaction (keeps SQLite's write lock short).
const CHUNK: i64 = 500;

/// What one sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    /// Failed messages whose content was removed.
    pub failed_mail: usize,
    /// Registrations anonymised.
    pub registrations: usize,
}

/// One sweep at `now`. Steps with nothing to do only read.
pub fn sweep(
    conn: &mut DbConn,
    now: NaiveDateTime,
    retention_days: Option<u32>,
) -> QueryResult<Swept> {
    let mut swept = Swept::default();
    let failed_cutoff = now - chrono::Duration::days(outbox::FAILED_KEPT_DAYS);
    if outbox::has_failed_before(conn, failed_cutoff)? {
        swept.failed_mail = db::write_tx(conn, |conn| {
            outbox::scrub_failed_before(conn, failed_cutoff, now)
        })?;
    }
    if let Some(days) = retention_days {
        let cutoff = now - chrono::Duration::days(i64::from(days));
        loop {
            if regs::ended_before(conn, cutoff, 1)?.is_empty() {
                break;
            }
            let done = db::write_tx(conn, |conn| -> QueryResult<usize> {
                let ids = regs::ended_before(conn, cutoff, CHUNK)?;
                let emails = regs::emails(conn, &ids)?;
                outbox::forget_registrations(conn, &ids, &emails, now)?;
                regs::anonymise(conn, &ids, now)
            })?;
            if done == 0 {
                break;
            }
            swept.registrations += done;
        }
    }
    Ok(swept)
}

/// Sweeps every `every` (the first time right away) until `stop` is cancelled.
pub async fn run(
    pool: DbPool,
    retention_days: Option<u32>,
    every: Duration,
    stop: CancellationToken,
) {
    let job = move |conn: &mut DbConn| Ok(sweep(conn, db::now(), retention_days)?);
    let report = |swept: Swept| {
        if swept != Swept::default() {
            tracing::info!(
                failed_mail = swept.failed_mail,
                registrations = swept.registrations,
                "removed personal data past its retention"
            );
        }
    };
    super::sweep::every("retention", pool, every, stop, job, report).await;
}
