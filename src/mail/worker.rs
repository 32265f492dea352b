//! The outbox worker: claims due messages with a lease, sends them over several SMTP
//! connections at once, and records outcomes as they come, each group of them (whatever
//! finished while the previous group was being written) in one transaction.
//! A message is handed to SMTP only while its lease holds (with room for the slowest
//! send), so no other worker can claim it meanwhile: at most once per lease. A crash
//! between sending and recording means the lease runs out and the message is sent again
//! (at-least-once); the stable Message-ID lets receivers spot the repeat. At most
//! `UNRECORDED_PER_CONNECTION` messages per connection are sent and not yet recorded at any
//! time, so that is the most a crash can send twice.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::{mpsc, Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use super::transport::{build_message, SendError, Transport};
use crate::db::outbox::{self, OutboxMessage};
use crate::db::{self, DbPool};

/// Messages claimed per SMTP connection in one batch.
const BATCH_PER_CONNECTION: usize = 32;
const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);
/// SMTP sessions idle this long are closed when the queue is empty.
const IDLE_SESSION: Duration = Duration::from_secs(60);
/// Messages per SMTP connection that may be under way or sent but not yet recorded. One
/// would make every message wait for the previous one's commit, which queues behind
/// registrations for the database's write lock (about 10 ms under load on SQLite): mail
/// would fall behind a burst of registrations. Four keep pace with 1,500 a second.
pub const UNRECORDED_PER_CONNECTION: usize = 4;
/// Tries at recording a batch's outcomes before leaving them to the lease.
const RECORD_TRIES: u32 = 3;
/// After a batch that was not full, mail queued meanwhile waits this long to go in the
/// next one: a steady flow then costs the database two write transactions per batch
/// instead of two per message, which registrations would queue behind. Kept short because
/// a verified registration waits for its mail: 20 ms held bench/verified.sh to ~400
/// verified registrations/s on SQLite, 5 ms lets it pass 500 without costing the API's p99.
const GATHER: Duration = Duration::from_millis(5);

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
    /// Writes the claimed messages that wait without a body (reminders, minutes due).
    pub compose: Arc<dyn Compose>,
}

/// Writes messages that wait in the outbox without a body (`db::scheduled`) once they are
/// claimed, inside a write transaction: answers those to send, with their content filled
/// in, and settles itself those it drops, expands or defers. Messages of other kinds pass
/// through unchanged.
pub trait Compose: Send + Sync {
    fn compose(
        &self,
        conn: &mut db::DbConn,
        claimed: Vec<OutboxMessage>,
    ) -> anyhow::Result<Vec<OutboxMessage>>;

    /// Expands a claimed fan-out message (`db::announcements::ANNOUNCE`) into one message
    /// per recipient, in transactions of its own (a batch each, outside any transaction of
    /// the worker's) so that the database's writer is free between them.
    fn fan_out(&self, conn: &mut db::DbConn, claimed: &OutboxMessage) -> anyhow::Result<usize>;
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
        let claimed = self.written(claimed).await?;
        // A send that starts before this ends before the lease does (the transport gives
        // up after 30 s; short test leases keep half).
        let send_until = claimed_at + self.lease - (self.lease / 2).min(Duration::from_secs(60));
        let connections = self.connections.max(1);
        // Permits held from a message's start until its outcome is recorded.
        let unrecorded = Arc::new(Semaphore::new(self.unrecorded_at_most()));
        let give_up = AtomicBool::new(false);
        let give_up = &give_up;
        let (tx, rx) = mpsc::unbounded_channel();
        let send = async move {
            futures_util::stream::iter(claimed)
                .for_each_concurrent(connections, |msg| {
                    let (tx, unrecorded) = (tx.clone(), unrecorded.clone());
                    async move {
                        let permit = unrecorded.acquire_owned().await.ok();
                        let stop =
                            stopping.load(Ordering::SeqCst) || give_up.load(Ordering::SeqCst);
                        let _ = tx.send((self.deliver(msg, send_until, stop).await, permit));
                    }
                })
                .await;
        };
        let ((), recorded) = tokio::join!(send, self.record_as_they_come(rx, give_up));
        recorded?;
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

    /// The claimed messages with those written when they are sent written now.
    async fn written(&self, claimed: Vec<OutboxMessage>) -> anyhow::Result<Vec<OutboxMessage>> {
        let (fans, claimed): (Vec<_>, Vec<_>) = claimed
            .into_iter()
            .partition(|m| m.kind == db::announcements::ANNOUNCE);
        if !fans.is_empty() {
            let (pool, compose) = (self.pool.clone(), self.compose.clone());
            tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let mut conn = pool.get()?;
                for fan in &fans {
                    // One that fails is claimed again when its lease ends, from its cursor.
                    if let Err(e) = compose.fan_out(&mut conn, fan) {
                        tracing::warn!(outbox_id = fan.id, error = %e, "fan-out failed");
                    }
                }
                Ok(())
            })
            .await??;
        }
        if !claimed
            .iter()
            .any(|m| db::scheduled::written_when_sent(&m.kind))
        {
            return Ok(claimed);
        }
        let (pool, compose) = (self.pool.clone(), self.compose.clone());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            db::write_tx(&mut conn, |conn| compose.compose(conn, claimed))
        })
        .await?
    }

    /// Sends one message, unless `stop` or its lease is running out.
    async fn deliver(&self, msg: OutboxMessage, send_until: Instant, stop: bool) -> (i64, Outcome) {
        if stop || Instant::now() >= send_until {
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

    /// How many messages may be under way or sent and not yet recorded: the permits of a batch.
    fn unrecorded_at_most(&self) -> usize {
        self.connections.max(1) * UNRECORDED_PER_CONNECTION
    }

    /// Records outcomes as they arrive, in groups: an outcome waits up to `GATHER` for
    /// others to join it (less once every permit is held, since no message can start then),
    /// and whatever came in while the previous group was being written goes in the next
    /// transaction; then the permits are given back. Without the wait, messages that
    /// finish one after another cost one write transaction each, and registrations queue
    /// behind every one of them for SQLite's single writer. If recording fails, `give_up`
    /// stops the batch (the rest goes out after the lease).
    async fn record_as_they_come(
        &self,
        mut rx: mpsc::UnboundedReceiver<((i64, Outcome), Option<OwnedSemaphorePermit>)>,
        give_up: &AtomicBool,
    ) -> anyhow::Result<()> {
        let (mut sent, mut done) = (0, 0);
        let every_permit = self.unrecorded_at_most();
        while let Some(first) = rx.recv().await {
            let mut group = vec![first];
            let until = Instant::now() + GATHER;
            while group.len() < every_permit {
                match tokio::time::timeout_at(until, rx.recv()).await {
                    Ok(Some(more)) => group.push(more),
                    // The batch is all sent, or the wait is over.
                    Ok(None) | Err(_) => break,
                }
            }
            let (outcomes, permits): (Vec<_>, Vec<_>) = group.into_iter().unzip();
            done += outcomes.len();
            sent += outcomes
                .iter()
                .filter(|(_, o)| matches!(o, Outcome::Sent))
                .count();
            if let Err(e) = self.record(outcomes).await {
                give_up.store(true, Ordering::SeqCst);
                return Err(e);
            }
            drop(permits);
        }
        tracing::info!(sent, claimed = done, "mail batch done");
        Ok(())
    }

    /// Writes outcomes in one transaction, or as one statement when one does (all sent, the
    /// usual case); tried a few times: what is not recorded goes out again after the lease.
    async fn record(&self, outcomes: Vec<(i64, Outcome)>) -> anyhow::Result<()> {
        let outcomes = Arc::new(outcomes);
        let mut tries = 0;
        loop {
            tries += 1;
            let (pool, outcomes) = (self.pool.clone(), outcomes.clone());
            let result = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let mut conn = pool.get()?;
                let record = |conn: &mut db::DbConn| record_batch(conn, &outcomes);
                Ok(if statements(&outcomes) > 1 {
                    db::write_tx(&mut conn, record)
                } else {
                    db::write_one(&mut conn, record)
                }?)
            })
            .await?;
            match result {
                Ok(()) => return Ok(()),
                Err(e) if tries >= RECORD_TRIES => return Err(e),
                Err(e) => {
                    tracing::warn!(error = %e, "recording sent mail failed; trying again");
                    tokio::time::sleep(Duration::from_millis(200 * u64::from(tries))).await;
                }
            }
        }
    }
}

/// How many statements `record_batch` runs for these outcomes.
fn statements(outcomes: &[(i64, Outcome)]) -> usize {
    let any = |want: fn(&Outcome) -> bool| usize::from(outcomes.iter().any(|(_, o)| want(o)));
    any(|o| matches!(o, Outcome::Sent))
        + any(|o| matches!(o, Outcome::Released))
        + outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::NotSent(..)))
            .count()
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
