//! Housekeeping on a timer, beside the web server: pending registrations past
//! `QUORUM_PENDING_HOURS` are deleted with their personal data, old mail counts forgotten.

use std::time::Duration;

use crate::db::DbPool;
use crate::mail::MailContext;
use crate::services::registrations::pending;

pub struct Sweep {
    pub pool: DbPool,
    pub mail: MailContext,
    pub interval: Duration,
}

impl Sweep {
    /// Runs until its task is aborted; a failed round is logged and tried again next time.
    pub async fn run(self) {
        let mut tick = tokio::time::interval(self.interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let pool = self.pool.clone();
            let mail = self.mail.clone();
            let round = tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
                let mut conn = pool.get()?;
                Ok(pending::expire(&mut conn, &mail)?)
            })
            .await;
            match round {
                Ok(Ok(0)) => {}
                Ok(Ok(n)) => tracing::info!(deleted = n, "expired pending registrations"),
                Ok(Err(e)) => tracing::warn!(error = %e, "sweep failed"),
                Err(e) => tracing::warn!(error = %e, "sweep task failed"),
            }
        }
    }
}
