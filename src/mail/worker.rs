//! The outbox worker: claims due messages with a lease, sends them, records the outcome.
//! A crash between sending and recording means the lease runs out and the message is sent
//! again (at-least-once); the stable Message-ID lets receivers spot the repeat.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::transport::{build_message, SendError, Transport};
use crate::db::{self, outbox, DbPool};

const BATCH: i64 = 20;
const MAX_BACKOFF: Duration = Duration::from_secs(6 * 3600);

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
}

impl Worker {
    /// Runs until `shutdown` is notified.
    pub async fn run(self, shutdown: Arc<Notify>) {
        tracing::info!("mail worker started");
        loop {
            let sent_any = match self.run_once().await {
                Ok(n) => n > 0,
                Err(e) => {
                    tracing::warn!(error = %e, "mail worker could not reach the database");
                    false
                }
            };
            if sent_any {
                continue;
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll_interval) => {}
                _ = shutdown.notified() => break,
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Claims and handles one batch; returns how many messages it claimed.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let pool = self.pool.clone();
        let lease = chrono::Duration::from_std(self.lease)?;
        let claimed = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
            let mut conn = pool.get()?;
            Ok(db::write_one(&mut conn, |conn| {
                outbox::claim_due(conn, db::now(), lease, BATCH)
            })?)
        })
        .await??;
        let n = claimed.len();
        for msg in claimed {
            let outcome = match build_message(&self.from, &msg) {
                Ok(m) => self.transport.send(m).await,
                Err(e) => Err(e),
            };
            let (id, attempts) = (msg.id, msg.attempts);
            let retry_at = match &outcome {
                Ok(()) => None,
                Err(SendError::Transient(_)) if attempts < self.max_attempts => {
                    let factor = 2u32.saturating_pow(u32::try_from(attempts - 1).unwrap_or(0));
                    let delay = self.retry_base.saturating_mul(factor).min(MAX_BACKOFF);
                    Some(db::now() + chrono::Duration::from_std(delay)?)
                }
                Err(_) => None,
            };
            let pool = self.pool.clone();
            tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let mut conn = pool.get()?;
                match outcome {
                    Ok(()) => {
                        tracing::info!(outbox_id = id, "mail sent");
                        db::write_one(&mut conn, |conn| outbox::mark_sent(conn, id, db::now()))?
                    }
                    Err(SendError::Transient(e) | SendError::Permanent(e)) => {
                        tracing::warn!(outbox_id = id, attempts, error = %crate::redact::text(&e.to_string()), will_retry = retry_at.is_some(), "mail not sent");
                        db::write_one(&mut conn, |conn| {
                            outbox::mark_attempt_failed(conn, id, &e, retry_at)
                        })?
                    }
                }
                Ok(())
            })
            .await??;
        }
        Ok(n)
    }
}
