//! Per-address limits on registration and login POSTs (`QUORUM_RATE_LIMIT` a minute).

use std::num::NonZeroU32;
use std::sync::Arc;

use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::client_ip::Client;
use crate::config::IpNet;
use crate::error::AppError;

#[derive(Clone)]
pub struct Limiter {
    inner: Option<Arc<DefaultKeyedRateLimiter<Client>>>,
    trusted_proxies: Arc<Vec<IpNet>>,
}

impl Limiter {
    /// `per_minute == 0` turns limiting off.
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpNet>) -> Limiter {
        Limiter {
            inner: NonZeroU32::new(per_minute)
                .map(|n| Arc::new(RateLimiter::keyed(Quota::per_minute(n)))),
            trusted_proxies: Arc::new(trusted_proxies),
        }
    }

    /// One more POST from this request's client: `429` with a wait when over the limit.
    pub fn check(&self, req: &HttpRequest) -> Result<(), AppError> {
        let Some(limiter) = &self.inner else {
            return Ok(());
        };
        let Some(ip) = crate::client_ip::client_ip(req, &self.trusted_proxies) else {
            return Ok(());
        };
        limiter.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            AppError::RateLimited(wait.as_secs().max(1) + u64::from(wait.subsec_nanos() > 0))
        })
    }

    /// Forgets addresses that have been quiet (keeps memory bounded).
    pub fn forget_idle(&self) {
        if let Some(limiter) = &self.inner {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}
