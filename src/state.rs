//! What every handler can reach.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::config::Settings;
use crate::db::DbPool;
use crate::mail::MailContext;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    pub mail: MailContext,
    /// Key for CSRF tokens and session cookies.
    pub secret: Arc<Vec<u8>>,
    /// Wakes the mail worker after a transaction queued mail.
    pub mail_wake: Arc<Notify>,
    /// Rendered feeds, valid until the calendar changes.
    pub feeds: Arc<crate::feed_cache::FeedCache>,
    /// Recently served material files.
    pub materials: Arc<crate::material_cache::MaterialCache>,
    /// Per-address limit on registration and login POSTs.
    pub limiter: crate::rate_limit::Limiter,
    /// One permit per pooled connection: requests wait for the database here, in arrival
    /// order and without holding a thread, instead of racing for the pool (whose waiters
    /// are not served in order: under load some waited 300 ms while most took 3 ms).
    pub db_permits: Arc<tokio::sync::Semaphore>,
}

/// How long a request waits for a database connection before answering 503.
const DB_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

impl AppState {
    /// Runs blocking database work on the blocking pool with a pooled connection.
    pub async fn db<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut crate::db::DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<crate::error::AppError> + Send + 'static,
    {
        let _permit = tokio::time::timeout(DB_WAIT, self.db_permits.acquire())
            .await
            .map_err(|_| E::from(crate::error::AppError::Unavailable))?
            .map_err(|_| E::from(crate::error::AppError::Unavailable))?;
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(crate::error::AppError::from)?;
            f(&mut conn)
        })
        .await
        .map_err(|e| E::from(crate::error::AppError::from(e)))?
    }

    pub fn wake_mailer(&self) {
        self.mail_wake.notify_one();
    }

    /// After a committed write that feeds show: drop cached feeds, wake the mailer.
    pub fn calendar_changed(&self) {
        self.feeds.invalidate();
        self.mail_wake.notify_one();
    }
}
