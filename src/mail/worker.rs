//! The outbox worker: claims due messages with a lease, sends them over several SMTP
//! connections at once, and records the outcomes of a whole batch in one transaction.
//! A message is handed to SMTP only while its lease holds (with room for the slowest
//! send), so no other worker can claim it meanwhile: at most once per lease. A crash
//! between sending and recording means the lease runs out and the message is sent again
//! (at-least-once); the stable Message-ID lets receivers spot the repeat.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::transport::{build_message, SendError, Transport};
use crate::db::outbox::{self, OutboxMessage};
use crate::db::{self, DbPool};

/// Messages claimed per SMTP connection in one batch.
const BATCH_PER_CONNECTION: usize = 32;
const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);
/// SMTP sessions idle this long are closed when the queue is empty.
const IDLE_SESSION: Duration = Duration::from_secs(60);
/// Tries at recording a batch's outcomes before leaving them to the lease.
const RECORD_TRIES: u32 = 3;
/// After a batch that was not full, mail queued meanwhile waits this long to go in the
/// next one: a steady flow then costs the database a few write transactions per second
/// (two per batch) instead of two per message, which registrations would queue behind.
const GATHER: Duration = Duration::from_millis(20);

pub struct Worker {
    pub pool: DbPool,
    pub transport: Transport,
    pub from: lettre::message::Mailbox,
    pub wake: Arc<Notify>,
    pub poll_interval: Duration,
    pub retry_base: Duration,
    pub max_attempts: i32,
    /// How long a claimed message is reserved for the worker that claimed it; after a
    /// crash, its messages go out again once this has passed.
    pub lease: Duration,
    /// Messages handed to the transport at once (`QUORUM_SMTP_CONNECTIONS`).
    pub connections: usize,
}

/// What became of one claimed message.
enum Outcome {
    Sent,
    /// Failed; tried again at the time given, or failed for good when `None`.
    NotSent(String, Option<chrono::NaiveDateTime>),
    /// Not tried: the lease was running out, or the worker is stopping. Due again at once.
    Released,
}

impl Worker {
    /// Runs until `shutdown` is notified; then the batch under way starts no new message
    /// (those are given back) and is recorded.
    pub async fn run(self, shutdown: Arc<Notify>) {
        tracing::info!(connections = self.connections, "mail worker started");
        let stopping = Arc::new(AtomicBool::new(false));
        let watcher = {
            let (stopping, wake) = (stopping.clone(), self.wake.clone());
            tokio::spawn(async move {
                shutdown.notified().await;
                stopping.store(true, Ordering::SeqCst);
                wake.notify_one();
            })
        };
        while !stopping.load(Ordering::SeqCst) {
            let claimed = match self.run_once(&stopping).await {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "mail worker could not reach the database");
                    0
                }
            };
            if claimed >= self.batch_size() {
                continue;
            }
            if claimed > 0 {
                tokio::time::sleep(GATHER).await;
                continue;
            }
            self.transport.close_idle(IDLE_SESSION).await;
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll_interval) => {}
            }
        }
        watcher.abort();
        self.transport.close_idle(Duration::ZERO).await;
        tracing::info!("mail worker stopped");
    }

    /// Claims one batch, sends it and records the outcomes; returns how many it claimed.
    /// Once `stopping` is set, messages not yet started are given back.
    pub async fn run_once(&self, stopping: &AtomicBool) -> anyhow::Result<usize> {
        let claimed_at = Instant::now();
        let claimed = self.claim().await?;
        let n = claimed.len();
        if n == 0 {
            return Ok(0);
        }
        // A send that starts before this ends before the lease does (the transport gives
        // up after 30 s; short test leases keep half).
        let send_until = claimed_at + self.lease - (self.lease / 2).min(Duration::from_secs(60));
        let outcomes: Vec<(i64, Outcome)> = futures_util::stream::iter(claimed)
            .map(|msg| self.deliver(msg, send_until, stopping))
            .buffer_unordered(self.connections.max(1))
            .collect()
            .await;
        self.record(outcomes).await?;
        Ok(n)
    }

    fn batch_size(&self) -> usize {
        self.connections.max(1) * BATCH_PER_CONNECTION
    }

    async fn claim(&self) -> anyhow::Result<Vec<OutboxMessage>> {
        let pool = self.pool.clone();
        let lease = chrono::Duration::from_std(self.lease)?;
        let limit = self.batch_size() as i64;
        tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
            let mut conn = pool.get()?;
            Ok(db::write_one(&mut conn, |conn| {
                outbox::claim_due(conn, db::now(), lease, limit)
            })?)
        })
        .await?
    }

    async fn deliver(
        &self,
        msg: OutboxMessage,
        send_until: Instant,
        stopping: &AtomicBool,
    ) -> (i64, Outcome) {
        if Instant::now() >= send_until || stopping.load(Ordering::SeqCst) {
            return (msg.id, Outcome::Released);
        }
        let result = match build_message(&self.from, &msg) {
            Ok(m) => self.transport.send(m).await,
            Err(e) => Err(e),
        };
        let outcome = match result {
            Ok(()) => {
                tracing::debug!(outbox_id = msg.id, "mail sent");
                Outcome::Sent
            }
            Err(SendError::Transient(e)) if msg.attempts < self.max_attempts => {
                Outcome::NotSent(e, Some(self.retry_at(msg.attempts)))
            }
            Err(SendError::Transient(e) | SendError::Permanent(e)) => Outcome::NotSent(e, None),
        };
        if let Outcome::NotSent(e, retry_at) = &outcome {
            tracing::warn!(outbox_id = msg.id, attempts = msg.attempts,
                error = %crate::redact::text(&e.to_string()),
                will_retry = retry_at.is_some(), "mail not sent");
        }
        (msg.id, outcome)
    }

    /// Exponential backoff from `retry_base`, capped at 6 hours.
    fn retry_at(&self, attempts: i32) -> chrono::NaiveDateTime {
        let factor = 2u32.saturating_pow(u32::try_from(attempts - 1).unwrap_or(0));
        let delay = self.retry_base.saturating_mul(factor).min(MAX_BACKOFF);
        db::now() + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(6))
    }

    /// Writes every outcome of a batch in one transaction (tried a few times: what is not
    /// recorded goes out again after the lease).
    async fn record(&self, outcomes: Vec<(i64, Outcome)>) -> anyhow::Result<()> {
        let outcomes = Arc::new(outcomes);
        let mut tries = 0;
        loop {
            tries += 1;
            let (pool, outcomes) = (self.pool.clone(), outcomes.clone());
            let result = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let mut conn = pool.get()?;
                Ok(db::write_tx(&mut conn, |conn| {
                    record_batch(conn, &outcomes)
                })?)
            })
            .await?;
            match result {
                Ok(()) => break,
                Err(e) if tries >= RECORD_TRIES => return Err(e),
                Err(e) => {
                    tracing::warn!(error = %e, "recording sent mail failed; trying again");
                    tokio::time::sleep(Duration::from_millis(200 * u64::from(tries))).await;
                }
            }
        }
        let sent = outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Sent))
            .count();
        tracing::info!(sent, claimed = outcomes.len(), "mail batch done");
        Ok(())
    }
}

fn record_batch(conn: &mut db::DbConn, outcomes: &[(i64, Outcome)]) -> diesel::QueryResult<()> {
    let now = db::now();
    let ids = |want: fn(&Outcome) -> bool| -> Vec<i64> {
        outcomes
            .iter()
            .filter(|(_, o)| want(o))
            .map(|(id, _)| *id)
            .collect()
    };
    outbox::mark_sent(conn, &ids(|o| matches!(o, Outcome::Sent)), now)?;
    outbox::release(conn, &ids(|o| matches!(o, Outcome::Released)))?;
    for (id, outcome) in outcomes {
        if let Outcome::NotSent(error, retry_at) = outcome {
            outbox::mark_attempt_failed(conn, *id, error, *retry_at, now)?;
        }
    }
    Ok(())
}
