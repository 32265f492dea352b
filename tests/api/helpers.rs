//! `spawn_app` and friends: one application, database and SMTP server per test.
#![allow(dead_code)]

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use diesel::{Connection, RunQueryDsl};
use quorum::config::Settings;
use quorum::db::DbPool;
use quorum::startup::Application;
use serde_json::{json, Value};

use crate::smtp::SmtpSink;

/// Which database a test runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// Runs each named `async fn(Db)` once per backend, as `<name>::sqlite` and `<name>::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::helpers::Db::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::helpers::Db::Postgres).await
                }
            }
        )*
    };
}

/// A database created for one test and removed after it.
pub struct TestDb {
    pub url: String,
    postgres_cleanup: Option<(String, String)>,
    _dir: tempfile::TempDir,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.postgres_cleanup.take() {
            if let Ok(mut conn) = diesel::PgConnection::establish(&admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
    }
}

impl TestDb {
    /// A handle on a database that someone else cleans up.
    pub fn existing(url: &str) -> TestDb {
        TestDb {
            url: url.to_string(),
            postgres_cleanup: None,
            _dir: tempfile::tempdir().expect("tempdir"),
        }
    }
}

/// `None` (with a line saying why) when PostgreSQL is not configured, unless CI demands it.
pub fn test_db(db: Db) -> Option<TestDb> {
    // Before this test's first connection or SMTP sink touches OpenSSL.
    quorum::db::prepare_tls();
    let dir = tempfile::tempdir().expect("tempdir");
    match db {
        Db::Sqlite => Some(TestDb {
            url: format!("sqlite://{}", dir.path().join("quorum.db").display()),
            postgres_cleanup: None,
            _dir: dir,
        }),
        Db::Postgres => {
            let Ok(admin_url) = std::env::var("QUORUM_TEST_POSTGRES_URL") else {
                if std::env::var("QUORUM_TEST_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                    panic!(
                        "QUORUM_TEST_REQUIRE_POSTGRES=1 but QUORUM_TEST_POSTGRES_URL is not set"
                    );
                }
                eprintln!("skipped: PostgreSQL test (set QUORUM_TEST_POSTGRES_URL to run it)");
                return None;
            };
            let name = format!(
                "quorum_test_{}",
                quorum::domain::token::generate()[..16]
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            );
            let mut conn = diesel::PgConnection::establish(&admin_url)
                .unwrap_or_else(|e| panic!("QUORUM_TEST_POSTGRES_URL: {e}"));
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("create test database");
            let mut url = url::Url::parse(&admin_url).expect("QUORUM_TEST_POSTGRES_URL is a URL");
            url.set_path(&format!("/{name}"));
            Some(TestDb {
                url: url.to_string(),
                postgres_cleanup: Some((admin_url, name)),
                _dir: dir,
            })
        }
    }
}

pub struct TestApp {
    pub base_url: String,
    pub smtp: Arc<SmtpSink>,
    /// A browser: keeps cookies, does not follow redirects.
    pub client: reqwest::Client,
    pub api_token: String,
    pub pool: DbPool,
    pub db: Db,
    pub mail_dir: tempfile::TempDir,
    pub stopper: quorum::startup::Stopper,
    _db: Arc<TestDb>,
}

pub fn settings(
    database_url: &str,
    smtp_url: Option<String>,
    mail_dir: &std::path::Path,
) -> Settings {
    Settings {
        database_url: database_url.to_string(),
        bind: "127.0.0.1:0".into(),
        base_url: "http://127.0.0.1:0".into(),
        smtp_url,
        mail_dir: mail_dir.display().to_string(),
        mail_from: "Quorum Test <noreply@quorum.test>".parse().unwrap(),
        secret_key: None,
        rate_limit_per_minute: 0,
        trusted_proxies: Vec::new(),
        feed_past_days: 365,
        pool_size: 8,
        mail_poll_interval: Duration::from_millis(100),
        mail_retry_base: Duration::from_millis(200),
        mail_max_attempts: 4,
        mail_lease: Duration::from_secs(300),
        pending: Duration::from_secs(48 * 3600),
        mail_per_recipient_hour: 5,
        sweep_interval: Duration::from_secs(60),
        max_connections_per_client: 256,
        body_timeout: Duration::from_secs(10),
        metrics_token: None,
        smtp_connections: 4,
        retention_days: None,
        retention_sweep_interval: Duration::from_millis(200),
        minutes_due_days: 10,
        max_upload_bytes: 50 * 1024 * 1024,
        test_clock_file: None,
        default_lang: quorum::i18n::Lang::En,
        log_format: quorum::logging::LogFormat::Text,
    }
}

pub async fn spawn_app(db: Db) -> Option<TestApp> {
    let test_db = Arc::new(test_db(db)?);
    let smtp = Arc::new(SmtpSink::start());
    Some(spawn_app_on(db, test_db, smtp, |_| {}).await)
}

/// Starts another application on an existing database (a restart, or a second instance).
pub async fn spawn_app_on(
    db: Db,
    test_db: Arc<TestDb>,
    smtp: Arc<SmtpSink>,
    tweak: impl FnOnce(&mut Settings),
) -> TestApp {
    let mail_dir = tempfile::tempdir().unwrap();
    let mut settings = settings(&test_db.url, Some(smtp.url()), mail_dir.path());
    tweak(&mut settings);
    let app = Application::build(settings)
        .await
        .expect("application builds");
    let port = app.port();
    let pool = app.pool();
    let stopper = app.stopper();
    tokio::spawn(app.run_until_stopped());
    let api_token = {
        let pool = pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            let email = format!(
                "staff-{}@quorum.test",
                &quorum::domain::token::generate()[..8]
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            );
            quorum::auth::create_staff(
                &mut conn,
                &email,
                "Test Staff",
                quorum::auth::Role::Admin,
                "correct horse battery",
            )
            .unwrap();
            quorum::auth::create_token(&mut conn, &email, "tests").unwrap()
        })
        .await
        .unwrap()
    };
    TestApp {
        base_url: format!("http://127.0.0.1:{port}"),
        smtp,
        client: browser(),
        api_token,
        pool,
        db,
        mail_dir,
        stopper,
        _db: test_db,
    }
}

pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

impl Drop for TestApp {
    /// Stops the server and the mail worker before the database goes away.
    fn drop(&mut self) {
        let stop = self.stopper.stop();
        drop(stop);
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub fn test_db(&self) -> Arc<TestDb> {
        self._db.clone()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }

    /// A staff API call with the test's bearer token.
    pub async fn staff_post(&self, path: &str, body: &Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(self.url(path))
            .bearer_auth(&self.api_token)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn public_post(&self, path: &str, body: &Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn create_group(&self, slug: &str) -> Value {
        let (status, body) = self
            .staff_post("/api/v1/groups", &json!({"slug": slug, "name": format!("Group {slug}"), "description": "A test group"}))
            .await;
        assert_eq!(status, 201, "{body}");
        body
    }

    /// A published hybrid meeting in Madrid a month from now; `overrides` replace fields.
    pub async fn create_meeting(&self, overrides: Value) -> Value {
        let group = overrides
            .get("group")
            .and_then(Value::as_str)
            .map(str::to_string);
        let group = match group {
            Some(g) => g,
            None => {
                let slug = format!(
                    "g{}",
                    &quorum::domain::token::generate()[..10]
                        .to_lowercase()
                        .replace(['-', '_'], "x")
                );
                self.create_group(&slug).await;
                slug
            }
        };
        let day = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive();
        let mut body = json!({
            "group": group,
            "title": "Working session",
            "description": "Agenda: review of findings.",
            "format": "hybrid",
            "timezone": "Europe/Madrid",
            "starts_at": format!("{day}T09:00"),
            "ends_at": format!("{day}T12:30"),
            "venue": "Hotel Meliá Castilla",
            "city": "Madrid",
            "country": "Spain",
            "online_url": "https://meet.example.org/ssr2",
            "status": "published",
            // Most tests exercise seats, mail and calendars directly; the double opt-in
            // path (the product's default) has its own tests in verified.rs.
            "verify_email": false,
        });
        for (k, v) in overrides.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, meeting) = self.staff_post("/api/v1/meetings", &body).await;
        assert_eq!(status, 201, "{meeting}");
        meeting
    }

    /// Registers through the JSON API.
    pub async fn register_api(
        &self,
        meeting_id: i64,
        name: &str,
        email: &str,
        attendance: &str,
    ) -> (u16, Value) {
        self.public_post(
            &format!("/api/v1/meetings/{meeting_id}/registrations"),
            &json!({"name": name, "email": email, "attendance": attendance}),
        )
        .await
    }

    /// The CSRF token from a page's first form.
    pub async fn csrf_from(&self, path: &str) -> String {
        let (status, body) = self.get_text(path).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        extract_csrf(&body)
    }

    /// Fills in the meeting page's form like a browser; returns the response.
    pub async fn register_form(
        &self,
        meeting_id: i64,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf_from(&format!("/meetings/{meeting_id}")).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str()), ("website", "")];
        form.extend_from_slice(fields);
        self.client
            .post(self.url(&format!("/meetings/{meeting_id}/register")))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    pub async fn meeting(&self, id: i64) -> Value {
        let res = self.get(&format!("/api/v1/meetings/{id}")).await;
        assert_eq!(res.status().as_u16(), 200);
        res.json().await.unwrap()
    }

    /// Registrations of a meeting straight from the database: (email, attendance, status).
    pub async fn registrations(&self, meeting_id: i64) -> Vec<(String, String, String)> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            quorum::db::seats::roster(&mut conn, meeting_id, 1)
                .unwrap()
                .into_iter()
                .map(|r| {
                    let status = r.status().to_string();
                    (r.registration.email, r.seat.attendance, status)
                })
                .collect()
        })
        .await
        .unwrap()
    }

    /// Outbox rows of mail written when it was queued: (kind, recipient, status, attempts).
    /// Scheduled reminders and minutes-due notes are left out until they are sent.
    pub async fn outbox(&self) -> Vec<(String, String, String, i32)> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            use diesel::prelude::*;
            use quorum::db::schema::outbox::dsl as o;
            let mut conn = pool.get().unwrap();
            o::outbox
                .filter(o::status.ne("pending").or(o::kind.ne_all([
                    "reminders_due",
                    "reminder",
                    "minutes_due",
                ])))
                .order(o::id.asc())
                .select((o::kind, o::recipient, o::status, o::attempts))
                .load::<(String, String, String, i32)>(&mut conn)
                .unwrap()
        })
        .await
        .unwrap()
    }
}

pub fn extract_csrf(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a csrf_token field") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_string()
}

/// The manage path `/r/{token}` from a 303 answer.
pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .expect("a Location header")
        .to_str()
        .unwrap()
        .to_string()
}

/// Signs in through the login form of the server at `base` (its page first, for the CSRF
/// token), from client address `forwarded_for` when given (`X-Forwarded-For`).
pub async fn login_at(
    browser: &reqwest::Client,
    base: &str,
    email: &str,
    password: &str,
    forwarded_for: Option<&str>,
) -> reqwest::Response {
    let url = format!("{base}/staff/login");
    let with_ip = |req: reqwest::RequestBuilder| match forwarded_for {
        Some(ip) => req.header("X-Forwarded-For", ip),
        None => req,
    };
    let page = with_ip(browser.get(&url)).send().await.unwrap();
    let csrf = extract_csrf(&page.text().await.unwrap());
    let form = [
        ("csrf_token", csrf.as_str()),
        ("email", email),
        ("password", password),
    ];
    with_ip(browser.post(&url))
        .form(&form)
        .send()
        .await
        .unwrap()
}

pub const MAIL_WAIT: Duration = Duration::from_secs(15);

impl TestApp {
    /// Creates a staff account directly in the database.
    pub async fn add_staff(&self, email: &str, role: quorum::auth::Role, password: &str) {
        let pool = self.pool.clone();
        let (email, password) = (email.to_string(), password.to_string());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            quorum::auth::create_staff(&mut conn, &email, "Staff Member", role, &password).unwrap();
        })
        .await
        .unwrap();
    }

    /// A new browser signed in as that account.
    pub async fn staff_browser(&self, email: &str, password: &str) -> reqwest::Client {
        let browser = browser();
        let res = self.login(&browser, email, password).await;
        assert_eq!(res.status().as_u16(), 303, "login failed");
        assert_eq!(location(&res), "/staff");
        browser
    }

    /// A new browser signed in as a fresh organizer (org@example.org).
    pub async fn organizer_browser(&self) -> reqwest::Client {
        let pw = "a long organiser passphrase";
        self.add_staff("org@example.org", quorum::auth::Role::Organizer, pw)
            .await;
        self.staff_browser("org@example.org", pw).await
    }

    /// The body of a page as `browser` sees it.
    pub async fn page(&self, browser: &reqwest::Client, path: &str) -> String {
        let res = browser.get(self.url(path)).send().await.unwrap();
        res.text().await.unwrap()
    }

    pub async fn login(
        &self,
        browser: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        login_at(browser, &self.base_url, email, password, None).await
    }

    /// Posts a staff form with the CSRF token taken from `form_page`.
    pub async fn staff_form(
        &self,
        browser: &reqwest::Client,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let page = browser
            .get(self.url(form_page))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = extract_csrf(&page);
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str())];
        form.extend_from_slice(fields);
        browser
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    pub async fn staff_patch(&self, path: &str, body: &Value) -> (u16, Value) {
        let res = reqwest::Client::new()
            .patch(self.url(path))
            .bearer_auth(&self.api_token)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

/// `quorum serve` in a process of its own (for what only a process shows: its log, its
/// environment such as `TZDIR`, a restart).
pub struct Serve {
    child: Child,
    pub port: u16,
}

impl Serve {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Sends the signal `sig` (`TERM`, `KILL`, …).
    pub fn signal(&self, sig: &str) {
        Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
    }

    /// Waits for the process to end.
    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().unwrap()
    }

    /// Peak resident memory so far (VmHWM), in KiB.
    pub fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `quorum serve` on `url`, mail to the SMTP server `smtp`, logging at `info` to `log`.
pub fn serve(
    url: &str,
    smtp: &str,
    dir: &std::path::Path,
    log: std::fs::File,
    env: &[(&str, &std::ffi::OsStr)],
) -> Serve {
    let mut all: Vec<(&str, &std::ffi::OsStr)> = vec![
        ("DATABASE_URL", url.as_ref()),
        ("QUORUM_SMTP_URL", smtp.as_ref()),
        ("RUST_LOG", "info".as_ref()),
    ];
    all.extend_from_slice(env);
    serve_process(dir, &all, Some(log))
}

/// `quorum serve` in `dir` with `env` (`DATABASE_URL` and whatever else; no rate limit,
/// `RUST_LOG=warn` unless `env` says otherwise), its log written to `log` or dropped.
pub fn serve_process(
    dir: &std::path::Path,
    env: &[(&str, &std::ffi::OsStr)],
    log: Option<std::fs::File>,
) -> Serve {
    serve_command(
        dir,
        &["serve"],
        env,
        Stdio::null(),
        log.map_or_else(Stdio::null, Stdio::from),
    )
}

/// `quorum` with `args` (`serve` and its options) as `serve_process` runs it, standard
/// output to `stdout` and standard error to `stderr`.
pub fn serve_command(
    dir: &std::path::Path,
    args: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
    stdout: Stdio,
    stderr: Stdio,
) -> Serve {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(args)
        .current_dir(dir)
        .env("QUORUM_BIND", format!("127.0.0.1:{port}"))
        .env("QUORUM_RATE_LIMIT", "0")
        .env("RUST_LOG", "warn")
        .env_remove("QUORUM_LOG_FORMAT")
        .envs(env.iter().copied())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .unwrap();
    let server = Serve { child, port };
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("quorum serve did not start");
}
