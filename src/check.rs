//! `quorum check`: the settings, the database and its migrations, the mail server and the tz
//! database, one line each. Problems are lines of their own; any problem fails the check.

use diesel_migrations::MigrationHarness;

use crate::config::Settings;
use crate::db::{self, Backend, DbConn};

/// What `quorum check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// What holds, e.g. `tzdata 2026f (/usr/share/zoneinfo)`.
    pub facts: Vec<String>,
    /// One line per problem.
    pub problems: Vec<String>,
}

/// The settings as `quorum check` read them: each bad variable is a problem of its own.
#[derive(Debug)]
pub struct CheckedSettings {
    /// The settings with the bad variables left at their defaults; `None` when a problem
    /// could not be traced to one variable.
    settings: Option<Settings>,
    /// The variables whose values are bad.
    bad: Vec<String>,
    problems: Vec<String>,
}

/// Reads the settings from the environment, hiding each bad variable in turn to find the next.
pub fn read_settings() -> CheckedSettings {
    read_settings_from(|name| std::env::var(name).ok())
}

fn read_settings_from(lookup: impl Fn(&str) -> Option<String>) -> CheckedSettings {
    let mut bad: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    loop {
        match Settings::from_lookup(|name| lookup(name).filter(|_| !bad.iter().any(|b| b == name)))
        {
            Ok(settings) => {
                return CheckedSettings {
                    settings: Some(settings),
                    bad,
                    problems,
                }
            }
            Err(e) => {
                problems.push(format!("{e:#}"));
                let name: String = e
                    .to_string()
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if name.is_empty() || lookup(&name).is_none() || bad.contains(&name) {
                    return CheckedSettings {
                        settings: None,
                        bad,
                        problems,
                    };
                }
                bad.push(name);
            }
        }
    }
}

/// Checks everything the settings point at (not what a bad variable would have named).
pub async fn run(checked: CheckedSettings) -> Report {
    let mut report = Report {
        facts: Vec::new(),
        problems: checked.problems,
    };
    let tz = crate::tz::db();
    let origin = match tz.origin() {
        crate::tz::Origin::Directory(dir) => dir.display().to_string(),
        crate::tz::Origin::BuiltIn => "built into the binary".to_string(),
    };
    report
        .facts
        .push(format!("tzdata {} ({origin})", tz.version()));
    if let Some(settings) = &checked.settings {
        let bad = |name: &str| checked.bad.iter().any(|b| b == name);
        if !bad("DATABASE_URL") {
            database_and_migrations(settings, &mut report).await;
        }
        if !bad("QUORUM_SMTP_URL") {
            mail(settings, &mut report).await;
        }
    }
    // One line per problem, whatever the driver's message looks like (libpq's span lines).
    for problem in &mut report.problems {
        *problem = problem.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    report
}

async fn database_and_migrations(settings: &Settings, report: &mut Report) {
    let url = settings.database_url.clone();
    match tokio::task::spawn_blocking(move || database(&url)).await {
        Ok(Ok(fact)) => report.facts.push(fact),
        Ok(Err(problem)) => report.problems.push(problem),
        Err(e) => report.problems.push(format!("database check failed: {e}")),
    }
}

async fn mail(settings: &Settings, report: &mut Report) {
    match settings.smtp_url.as_deref() {
        Some(url) => match crate::mail::smtp::SmtpServer::from_url(url) {
            Ok(server) => match server.check(std::time::Duration::from_secs(10)).await {
                Ok(()) => report.facts.push("SMTP server answers".to_string()),
                Err(e) => report.problems.push(format!("QUORUM_SMTP_URL: {e}")),
            },
            Err(e) => report.problems.push(format!("QUORUM_SMTP_URL: {e}")),
        },
        None => match writable(&settings.mail_dir) {
            Ok(()) => report
                .facts
                .push(format!("mail goes to files in {}", settings.mail_dir)),
            Err(e) => report
                .problems
                .push(format!("QUORUM_MAIL_DIR {:?}: {e}", settings.mail_dir)),
        },
    }
}

/// Connects without changing anything and counts the migrations not yet run.
fn database(url: &str) -> Result<String, String> {
    let (backend, manager_url) = db::target(url).map_err(|e| e.to_string())?;
    if backend == Backend::Sqlite && !std::path::Path::new(manager_url).exists() {
        return Err(format!(
            "DATABASE_URL: {manager_url} does not exist (run `quorum migrate`)"
        ));
    }
    db::prepare_tls();
    let mut conn = db::open(backend, manager_url).map_err(|e| e.to_string())?;
    let pending = match &mut conn {
        DbConn::Sqlite(c) => c.pending_migrations(db::SQLITE_MIGRATIONS).map(|m| m.len()),
        DbConn::Postgresql(c) => c
            .pending_migrations(db::POSTGRES_MIGRATIONS)
            .map(|m| m.len()),
    }
    .map_err(|e| format!("DATABASE_URL: cannot read the migrations: {e}"))?;
    match pending {
        0 => Ok("database answers; migrations are up to date".to_string()),
        n => Err(format!(
            "database has {n} pending migration(s): run `quorum migrate`"
        )),
    }
}

/// Whether a file can be created in `dir` (creating the folder as the mail worker would).
fn writable(dir: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let probe = std::path::Path::new(dir).join(format!(".quorum-check-{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(probe)
}
