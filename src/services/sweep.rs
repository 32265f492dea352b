//! Housekeeping on a timer, beside the web server, in one loop shape (`every`): pending
//! registrations and public input past `QUORUM_PENDING_HOURS` are deleted with their
//! personal data and old mail counts forgotten (`expire_pending`); personal data past its
//! retention goes (`services::retention::run`).

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::db::{DbConn, DbPool};
use crate::mail::MailContext;
use crate::services::registrations::pending;

/// Runs `job` with a pooled connection on a blocking thread every `interval` (the first
/// time at once) until `stop` is cancelled. `report` logs what a round did; a failed round
/// is logged and tried again next time.
pub async fn every<T, J, R>(
    what: &'static str,
    pool: DbPool,
    interval: Duration,
    stop: CancellationToken,
    job: J,
    report: R,
) where
    T: Send + 'static,
    J: Fn(&mut DbConn) -> anyhow::Result<T> + Send + Sync + 'static,
    R: Fn(T),
{
    let job = Arc::new(job);
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.cancelled() => break,
        }
        let (pool, job) = (pool.clone(), job.clone());
        let round = tokio::task::spawn_blocking(move || -> anyhow::Result<T> {
            let mut conn = pool.get()?;
            job(&mut conn)
        })
        .await;
        match round {
            Ok(Ok(done)) => report(done),
            Ok(Err(e)) => tracing::warn!(error = %e, sweep = what, "sweep failed"),
            Err(e) => tracing::warn!(error = %e, sweep = what, "sweep panicked"),
        }
    }
}

/// How old an upload that never completed must be before it is deleted: longer than any
/// body may take to arrive (`connections::MIN_BODY_BYTES_PER_SECOND` for the largest upload).
const ABANDONED_UPLOAD: chrono::Duration = chrono::Duration::hours(24);

/// Deletes the chunks of uploads an instance stopped in the middle of, every `interval`.
pub async fn abandoned_uploads(pool: DbPool, interval: Duration, stop: CancellationToken) {
    let job = |conn: &mut DbConn| {
        let before = crate::db::now() - ABANDONED_UPLOAD;
        Ok(crate::db::write_tx(conn, |conn| {
            crate::db::materials::delete_abandoned(conn, before)
        })?)
    };
    let report = |deleted: usize| {
        if deleted > 0 {
            tracing::info!(deleted, "abandoned uploads deleted");
        }
    };
    every("uploads", pool, interval, stop, job, report).await;
}

/// Deletes expired pending registrations, input and followers every `interval` until `stop`
/// is cancelled.
pub async fn expire_pending(
    pool: DbPool,
    mail: MailContext,
    interval: Duration,
    stop: CancellationToken,
) {
    let job = move |conn: &mut DbConn| {
        let registrations =
            pending::expire(conn, &mail)? + crate::services::inputs::expire(conn, &mail)?;
        Ok((registrations, crate::services::follow::expire(conn, &mail)?))
    };
    let report = |(deleted, followers): (usize, usize)| {
        if deleted > 0 {
            tracing::info!(deleted, "expired pending registrations and input");
        }
        if followers > 0 {
            tracing::info!(followers, "expired pending followers");
        }
    };
    every("pending", pool, interval, stop, job, report).await;
}
