//! Builds the application: database, secret key, HTTP server on its own listener, mail worker.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{middleware, web, App, HttpServer};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::mail::context::MailCaps;
use crate::mail::transport::Transport;
use crate::mail::worker::Worker;
use crate::mail::MailContext;
use crate::state::AppState;

pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
    worker: Option<Worker>,
    shutdown: Arc<Notify>,
    /// Stops the housekeeping sweeps.
    sweep_stop: CancellationToken,
    /// What the pending-registration sweep mails with, and how often it runs.
    pending_sweep: (MailContext, std::time::Duration),
    /// `QUORUM_RETENTION_DAYS` and how often the retention sweep runs.
    retention: (Option<u32>, std::time::Duration),
}

impl Application {
    /// Connects, migrates and binds `settings.bind` (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let url = settings.database_url.clone();
        let size = settings.pool_size;
        let pool = tokio::task::spawn_blocking(move || db::connect(&url, size)).await??;
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("QUORUM_BIND {}: {e}", settings.bind))?;
        Self::build_with(settings, pool, listener).await
    }

    async fn build_with(
        mut settings: Settings,
        pool: DbPool,
        listener: TcpListener,
    ) -> anyhow::Result<Application> {
        let port = listener.local_addr()?.port();
        // Every message file is parsed here, once, and a broken one stops the start.
        crate::i18n::check_loaded().map_err(|e| anyhow::anyhow!("message files: {e}"))?;
        if settings.base_url.ends_with(":0") {
            settings.base_url = format!("{}:{port}", settings.base_url.trim_end_matches(":0"));
        }
        let secret = match settings.secret_key.clone() {
            Some(k) => k,
            None => {
                let pool = pool.clone();
                tokio::task::spawn_blocking(move || stored_secret(&pool)).await??
            }
        };
        let mail_wake = Arc::new(Notify::new());
        let transport = Transport::from_settings(
            settings.smtp_url.as_deref(),
            &settings.mail_dir,
            settings.smtp_connections,
        )?;
        let connections = transport.parallel(settings.smtp_connections);
        // The worker has a connection of its own: recording sent mail must not wait for
        // a pooled connection behind a burst of requests.
        let mail_pool = {
            let url = settings.database_url.clone();
            tokio::task::spawn_blocking(move || db::connect_more(&url, 1)).await??
        };
        let mail = MailContext {
            base_url: settings.base_url.clone(),
            from: settings.mail_from.clone(),
            pending: chrono::Duration::from_std(settings.pending)?,
            caps: MailCaps::new(settings.mail_per_recipient_hour, &secret),
        };
        if let Some(path) = settings.test_clock_file.clone() {
            crate::clock::follow(path, mail_wake.clone());
        }
        let worker = Worker {
            pool: mail_pool,
            transport,
            from: settings.mail_from.clone(),
            wake: mail_wake.clone(),
            poll_interval: settings.mail_poll_interval,
            retry_base: settings.mail_retry_base,
            max_attempts: settings.mail_max_attempts,
            lease: settings.mail_lease,
            connections,
            compose: Arc::new(crate::services::reminders::Scheduled {
                ctx: mail.clone(),
                minutes_due_days: settings.minutes_due_days,
            }),
        };
        let retention = (settings.retention_days, settings.retention_sweep_interval);
        let limiter = crate::rate_limit::Limiter::new(
            settings.rate_limit_per_minute,
            settings.trusted_proxies.clone(),
        );
        let state = AppState {
            pool: pool.clone(),
            mail,
            settings: Arc::new(settings),
            secret: Arc::new(secret),
            mail_wake,
            feeds: Arc::new(crate::feed_cache::FeedCache::default()),
            materials: Arc::new(crate::material_cache::MaterialCache::default()),
            limiter,
            db_permits: Arc::new(tokio::sync::Semaphore::new(pool.max_size() as usize)),
        };
        if db::Backend::from_url(&state.settings.database_url) == Some(db::Backend::Postgres) {
            crate::feed_cache::spawn_listener(
                state.settings.database_url.clone(),
                state.feeds.clone(),
            );
        }
        {
            let (pool, ctx) = (pool.clone(), state.mail.clone());
            let moved = tokio::task::spawn_blocking(move || {
                let moved = crate::services::zone_rules::realign(&pool, &ctx)?;
                crate::services::reminders::schedule_existing(&mut *pool.get()?)?;
                anyhow::Ok(moved)
            })
            .await??;
            let tz = crate::tz::db();
            tracing::info!(tzdata = %tz.version(), origin = ?tz.origin(), moved, "time-zone rules");
            if std::env::var_os("TZDIR").is_some_and(|d| !d.is_empty())
                && *tz.origin() == crate::tz::Origin::BuiltIn
            {
                tracing::warn!("TZDIR holds no time zones; using the built-in copy");
            }
        }
        let pending_sweep = (state.mail.clone(), state.settings.sweep_interval);
        let limiter = state.limiter.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.forget_idle();
            }
        });
        let counts = crate::connections::ConnectionCounts::new(
            state.settings.max_connections_per_client,
            state.settings.trusted_proxies.clone(),
        );
        let languages = crate::i18n::web::Choice {
            default: state.settings.default_lang,
            https: state.settings.https(),
        };
        let data = web::Data::new(state);
        // Access lines cost work on every request; skip the middleware when they are filtered out.
        let access_log =
            tracing::enabled!(target: "actix_web::middleware::logger", tracing::Level::INFO);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .app_data(languages)
                .wrap(middleware::from_fn(crate::connections::guard))
                .wrap(middleware::Condition::new(access_log, tracing_actix()))
                .configure(crate::routes::config)
        })
        .on_connect(move |io, data| counts.on_connect(io, data))
        .listen(listener)?
        .shutdown_timeout(20)
        .run();
        Ok(Application {
            port,
            server,
            pool,
            worker: Some(worker),
            shutdown: Arc::new(Notify::new()),
            sweep_stop: CancellationToken::new(),
            pending_sweep,
            retention,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pool(&self) -> DbPool {
        self.pool.clone()
    }

    /// A handle that stops the server (gracefully) and the mail worker.
    pub fn stopper(&self) -> Stopper {
        Stopper {
            server: self.server.handle(),
            worker: self.shutdown.clone(),
            sweep: self.sweep_stop.clone(),
        }
    }

    /// Serves until the server stops (SIGINT/SIGTERM), with the mail worker and the
    /// housekeeping sweeps beside it.
    pub async fn run_until_stopped(mut self) -> anyhow::Result<()> {
        let worker = self.worker.take().map(|w| {
            let shutdown = self.shutdown.clone();
            tokio::spawn(w.run(shutdown))
        });
        let (mail, interval) = self.pending_sweep.clone();
        tokio::spawn(crate::services::sweep::expire_pending(
            self.pool.clone(),
            mail,
            interval,
            self.sweep_stop.clone(),
        ));
        tokio::spawn(crate::services::sweep::abandoned_uploads(
            self.pool.clone(),
            interval,
            self.sweep_stop.clone(),
        ));
        tokio::spawn(crate::services::retention::run(
            self.pool.clone(),
            self.retention.0,
            self.retention.1,
            self.sweep_stop.clone(),
        ));
        let result = self.server.await;
        self.shutdown.notify_one();
        self.sweep_stop.cancel();
        if let Some(w) = worker {
            let _ = w.await;
        }
        result.map_err(Into::into)
    }
}

/// Stops a running application from elsewhere.
#[derive(Clone)]
pub struct Stopper {
    server: actix_web::dev::ServerHandle,
    worker: Arc<Notify>,
    sweep: CancellationToken,
}

impl Stopper {
    /// Signals both to stop at once; the future completes when the server has stopped.
    pub fn stop(&self) -> impl std::future::Future<Output = ()> {
        self.worker.notify_one();
        self.sweep.cancel();
        self.server.stop(true)
    }
}

fn tracing_actix() -> middleware::Logger {
    // The request line without manage-link secrets or query strings (`redact::request_line`).
    middleware::Logger::new("%a \"%{request}xi\" %s %b %Dms")
        .custom_request_replace("request", crate::redact::request_line)
        .exclude("/healthz")
}

/// The key stored in the database, generated the first time.
fn stored_secret(pool: &DbPool) -> anyhow::Result<Vec<u8>> {
    use rand::RngCore;
    let mut conn = pool.get()?;
    let mut fresh = [0u8; 64];
    rand::rng().fill_bytes(&mut fresh);
    let stored = db::settings::get_or_insert(&mut conn, "secret_key", &hex::encode(fresh))?;
    crate::config::parse_secret_key(&stored)
}
