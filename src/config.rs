//! Settings read from the environment (and a `.env` file), checked once at start.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{anyhow, bail};

/// Everything the application needs to know about its surroundings; passed in, never global.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: String,
    pub bind: String,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub mail_dir: String,
    pub mail_from: lettre::message::Mailbox,
    /// Explicit key from `QUORUM_SECRET_KEY`; otherwise one stored in the database is used.
    pub secret_key: Option<Vec<u8>>,
    pub rate_limit_per_minute: u32,
    pub trusted_proxies: Vec<IpNet>,
    /// How far back feeds keep past meetings.
    pub feed_past_days: i64,
    pub pool_size: u32,
    /// How often the mail worker looks for due messages when nothing woke it.
    pub mail_poll_interval: Duration,
    /// First retry delay after a transient SMTP failure; doubles on each attempt.
    pub mail_retry_base: Duration,
    /// Attempts after which a message that keeps failing transiently is marked failed.
    pub mail_max_attempts: i32,
    /// How long a worker holds a claimed message (`QUORUM_MAIL_LEASE_SECONDS`).
    pub mail_lease: Duration,
    /// How long an unconfirmed registration is kept (`QUORUM_PENDING_HOURS`).
    pub pending: Duration,
    /// Mails per recipient per hour caused by anonymous requests.
    pub mail_per_recipient_hour: u32,
    /// How often expired pending registrations are deleted (`QUORUM_SWEEP_SECONDS`).
    pub sweep_interval: Duration,
    /// Open connections allowed per client address (`QUORUM_MAX_CONNECTIONS_PER_CLIENT`);
    /// 0 turns the cap off.
    pub max_connections_per_client: u32,
    /// The grace a request body gets before it must keep up a minimum rate
    /// (`crate::connections::MIN_BODY_BYTES_PER_SECOND`).
    pub body_timeout: Duration,
    /// When set, `/metrics` wants `Authorization: Bearer <it>` (`QUORUM_METRICS_TOKEN`).
    pub metrics_token: Option<String>,
    /// SMTP connections the mail worker sends over at once (`QUORUM_SMTP_CONNECTIONS`).
    pub smtp_connections: usize,
    /// Registrations of meetings that ended more than this many days ago are anonymised
    /// (`QUORUM_RETENTION_DAYS`); `None` keeps them.
    pub retention_days: Option<u32>,
    /// How often the retention sweep runs (failed mail's content, old registrations).
    pub retention_sweep_interval: Duration,
    /// Days after a meeting ends before its group's contact hears that minutes are missing
    /// (`QUORUM_MINUTES_DUE_DAYS`).
    pub minutes_due_days: u32,
    /// Largest uploaded material, in bytes (`QUORUM_MAX_UPLOAD_MB` MiB, default 50).
    pub max_upload_bytes: u64,
    /// The language of pages whose reader's browser names none of ours, and of feeds
    /// without `?lang=` (`QUORUM_DEFAULT_LANG`, default `en`).
    pub default_lang: crate::i18n::Lang,
    /// `text` (default) or `json`: one JSON object per line for the log and for every line
    /// `serve` prints (`QUORUM_LOG_FORMAT`; see `crate::logging`).
    pub log_format: crate::logging::LogFormat,
    /// A file holding a clock offset in seconds, for tests (`QUORUM_TEST_CLOCK_FILE`; see
    /// `crate::clock`).
    pub test_clock_file: Option<std::path::PathBuf>,
}

impl Settings {
    /// Reads the contract's variables; a bad one is an error naming it.
    pub fn from_env() -> anyhow::Result<Settings> {
        Settings::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the variables through `lookup` (`quorum check` hides the bad ones from it to
    /// find the next); an error starts with the variable's name.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Settings> {
        let var = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());

        let database_url = var("DATABASE_URL").unwrap_or_else(|| "sqlite://quorum.db".into());
        if crate::db::Backend::from_url(&database_url).is_none() {
            bail!("DATABASE_URL must start with sqlite://, postgres:// or postgresql://");
        }
        let bind = var("QUORUM_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        if bind.parse::<SocketAddr>().is_err() {
            bail!("QUORUM_BIND must be an address and port such as 127.0.0.1:8080, got {bind:?}");
        }
        let base_url = match var("QUORUM_BASE_URL") {
            Some(u) => {
                let parsed = url::Url::parse(&u).map_err(|e| anyhow!("QUORUM_BASE_URL: {e}"))?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    bail!("QUORUM_BASE_URL must be an http:// or https:// URL");
                }
                u.trim_end_matches('/').to_string()
            }
            None => format!("http://{bind}"),
        };
        let smtp_url = var("QUORUM_SMTP_URL");
        if let Some(u) = &smtp_url {
            crate::mail::smtp::SmtpServer::from_url(u)
                .map_err(|e| anyhow!("QUORUM_SMTP_URL is not a valid SMTP URL: {e}"))?;
        }
        let mail_dir = var("QUORUM_MAIL_DIR").unwrap_or_else(|| "./mail".into());
        let mail_from = var("QUORUM_MAIL_FROM")
            .unwrap_or_else(|| "Quorum <noreply@localhost>".into())
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| anyhow!("QUORUM_MAIL_FROM is not a valid mailbox: {e}"))?;
        let secret_key = var("QUORUM_SECRET_KEY")
            .map(|k| parse_secret_key(&k))
            .transpose()?;
        let rate_limit_per_minute = match var("QUORUM_RATE_LIMIT") {
            Some(v) => v
                .trim()
                .parse()
                .map_err(|_| anyhow!("QUORUM_RATE_LIMIT must be a whole number, got {v:?}"))?,
            None => 30,
        };
        let trusted_proxies = match var("QUORUM_TRUSTED_PROXIES") {
            Some(v) => v
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    IpNet::parse(s).ok_or_else(|| {
                        anyhow!("QUORUM_TRUSTED_PROXIES: {s:?} is not an address or CIDR")
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?,
            None => Vec::new(),
        };
        let number = |name: &str, range: std::ops::RangeInclusive<u64>, what: &str| {
            var(name)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|n| range.contains(n))
                        .ok_or_else(|| {
                            anyhow!(
                                "{name} must be {what} ({} to {}), got {v:?}",
                                range.start(),
                                range.end()
                            )
                        })
                })
                .transpose()
        };
        let feed_past_days = number("QUORUM_FEED_PAST_DAYS", 0..=36_500, "a number of days")?
            .map_or(365, |d| d as i64);
        let mail_lease = number(
            "QUORUM_MAIL_LEASE_SECONDS",
            1..=86_400,
            "a number of seconds",
        )?
        .map_or(Duration::from_secs(300), Duration::from_secs);
        let pool_size = number("QUORUM_DB_POOL_SIZE", 1..=256, "a number of connections")?
            .map_or_else(default_pool_size, |n| n as u32);
        let pending = match var("QUORUM_PENDING_HOURS") {
            Some(v) => pending_hours(&v)?,
            None => Duration::from_secs(48 * 3600),
        };
        let mail_per_recipient_hour = number(
            "QUORUM_MAIL_PER_RECIPIENT_HOUR",
            1..=1_000_000,
            "a positive whole number",
        )?
        .map_or(5, |n| n as u32);
        let sweep_interval = number("QUORUM_SWEEP_SECONDS", 1..=86_400, "a number of seconds")?
            .map_or(Duration::from_secs(60), Duration::from_secs);
        let max_connections_per_client = number(
            "QUORUM_MAX_CONNECTIONS_PER_CLIENT",
            0..=1_000_000,
            "a number of connections",
        )?
        .map_or(256, |n| n as u32);
        let smtp_connections =
            number("QUORUM_SMTP_CONNECTIONS", 1..=64, "a number of connections")?
                .map_or(4, |n| n as usize);
        let retention_days =
            number("QUORUM_RETENTION_DAYS", 1..=36_500, "a number of days")?.map(|d| d as u32);
        let minutes_due_days = number("QUORUM_MINUTES_DUE_DAYS", 1..=3_650, "a number of days")?
            .map_or(10, |d| d as u32);
        let max_upload_bytes = number("QUORUM_MAX_UPLOAD_MB", 1..=4_096, "a number of MiB")?
            .map_or(50, |n| n)
            * 1024
            * 1024;
        let default_lang = match var("QUORUM_DEFAULT_LANG") {
            Some(v) => v.parse().map_err(|e| anyhow!("QUORUM_DEFAULT_LANG: {e}"))?,
            None => crate::i18n::Lang::En,
        };
        let log_format = match var("QUORUM_LOG_FORMAT") {
            Some(v) => v.parse()?,
            None => crate::logging::LogFormat::Text,
        };
        Ok(Settings {
            default_lang,
            log_format,
            database_url,
            bind,
            base_url,
            smtp_url,
            mail_dir,
            mail_from,
            secret_key,
            rate_limit_per_minute,
            trusted_proxies,
            feed_past_days,
            pool_size,
            mail_poll_interval: Duration::from_secs(2),
            mail_retry_base: Duration::from_secs(30),
            mail_max_attempts: 10,
            mail_lease,
            pending,
            mail_per_recipient_hour,
            sweep_interval,
            max_connections_per_client,
            body_timeout: Duration::from_secs(10),
            metrics_token: var("QUORUM_METRICS_TOKEN").map(|t| t.trim().to_string()),
            smtp_connections,
            retention_days,
            retention_sweep_interval: Duration::from_secs(15 * 60),
            minutes_due_days,
            max_upload_bytes,
            test_clock_file: var("QUORUM_TEST_CLOCK_FILE").map(Into::into),
        })
    }

    /// Whether the site is served over https (`QUORUM_BASE_URL`): then cookies are
    /// `__Host-`/`Secure` and answers carry `Strict-Transport-Security`.
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// A positive number of hours, fractions allowed (`0.5` is half an hour), at most ten years.
fn pending_hours(v: &str) -> anyhow::Result<Duration> {
    v.trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && *h > 0.0 && *h <= 87_600.0)
        .and_then(|h| Duration::try_from_secs_f64(h * 3600.0).ok())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            anyhow!("QUORUM_PENDING_HOURS must be a positive number of hours, got {v:?}")
        })
}

/// Four connections per core (at least 4, at most 32): measured on 2 cores, 6 to 8 gave the
/// most registrations per second with the lowest p99 on both backends; 16 was worse
/// (more processes taking turns on the same cores).
fn default_pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(cores.saturating_mul(4)).map_or(32, |n| n.clamp(4, 32))
}

/// Accepts hex or base64 of at least 64 bytes.
pub fn parse_secret_key(input: &str) -> anyhow::Result<Vec<u8>> {
    use base64::Engine;
    let s = input.trim();
    let bytes = hex::decode(s)
        .ok()
        .or_else(|| base64::engine::general_purpose::STANDARD.decode(s).ok())
        .or_else(|| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .ok()
        })
        .ok_or_else(|| anyhow!("QUORUM_SECRET_KEY must be hex or base64"))?;
    if bytes.len() < 64 {
        bail!(
            "QUORUM_SECRET_KEY must hold at least 64 bytes, it has {}",
            bytes.len()
        );
    }
    Ok(bytes)
}

/// An address or CIDR block, for trusted proxies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpNet {
    addr: std::net::IpAddr,
    prefix: u8,
}

impl IpNet {
    pub fn parse(s: &str) -> Option<IpNet> {
        let (a, p) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: std::net::IpAddr = a.parse().ok()?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match p {
            Some(p) => p.parse().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(IpNet { addr, prefix })
    }

    pub fn contains(&self, ip: std::net::IpAddr) -> bool {
        use std::net::IpAddr;
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(i)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(i) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(i)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(i) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IpNet;

    #[test]
    fn cidr_matching() {
        let net = IpNet::parse("10.0.0.0/8").unwrap_or_else(|| panic!());
        assert!(net.contains("10.1.2.3".parse().unwrap_or_else(|_| panic!())));
        assert!(!net.contains("11.1.2.3".parse().unwrap_or_else(|_| panic!())));
        assert!(IpNet::parse("10.0.0.0/33").is_none());
        let one = IpNet::parse("::1").unwrap_or_else(|| panic!());
        assert!(one.contains("::1".parse().unwrap_or_else(|_| panic!())));
    }
}
