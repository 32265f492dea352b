//! Staff passwords (argon2id PHC strings) and staff accounts.
//!
//! Each argon2 computation takes 19 MiB and tens of milliseconds of one core, so the server
//! runs them on the blocking pool, at most `ARGON_AT_ONCE` at a time, over reused memory
//! (`argon`), and never while it holds a database connection: a burst of failed logins
//! waits here, in order, instead of filling memory and starving the pool.

mod argon;

use std::sync::OnceLock;
use std::time::Duration;

use diesel::QueryResult;
use tokio::sync::Semaphore;

use crate::db::staff::{self, NewStaff, Staff};
use crate::db::{self, DbConn};
use crate::domain::password::NewPassword;
use crate::domain::EmailAddress;
use crate::error::AppError;

/// How many argon2 computations run at once in this process.
const ARGON_AT_ONCE: usize = 2;
/// How long a request waits for its turn before answering 503.
const ARGON_WAIT: Duration = Duration::from_secs(10);
static ARGON_PERMITS: Semaphore = Semaphore::const_new(ARGON_AT_ONCE);

/// The two staff roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Role {
    Admin,
    Organizer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organizer => "organizer",
        }
    }
}

/// An argon2id PHC string with a fresh salt, computed on this thread (CLI, blocking code).
pub fn hash_now(password: &str) -> anyhow::Result<String> {
    argon::hash(password).map_err(|e| anyhow::anyhow!("hashing the password failed: {e}"))
}

/// A PHC string to verify against when there is no account, so that a refusal costs the
/// same time whether or not the account exists.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_now(&crate::domain::token::generate()).unwrap_or_default())
}

/// Runs one argon2 computation on the blocking pool when its turn comes.
async fn on_argon_pool<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _permit = tokio::time::timeout(ARGON_WAIT, ARGON_PERMITS.acquire())
        .await
        .map_err(|_| AppError::Unavailable)?
        .map_err(|_| AppError::Unavailable)?;
    Ok(actix_web::web::block(work).await?)
}

/// Hashes a new password (argon2id, fresh salt) on the argon2 pool.
pub async fn hash_password(password: NewPassword) -> Result<String, AppError> {
    on_argon_pool(move || hash_now(password.as_str()))
        .await?
        .map_err(AppError::Internal)
}

/// Checks a password against an account's PHC string (`None`: no such account, which
/// costs the same and answers false) on the argon2 pool.
pub async fn verify_password(password: String, phc: Option<String>) -> Result<bool, AppError> {
    on_argon_pool(move || {
        let valid = argon::verify(&password, phc.as_deref().unwrap_or_else(|| dummy_hash()));
        valid && phc.is_some()
    })
    .await
}

/// A staff account to create, with its fields checked.
pub struct NewAccount {
    pub email: EmailAddress,
    pub name: String,
    pub role: Role,
    pub password: NewPassword,
}

impl NewAccount {
    /// Checks the fields; errors are sentences naming the CLI option.
    pub fn parse(email: &str, name: &str, role: Role, password: &str) -> anyhow::Result<Self> {
        let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            anyhow::bail!("--name must have 1 to 200 characters");
        }
        let password =
            NewPassword::parse(password, &email.normalized()).map_err(anyhow::Error::new)?;
        Ok(NewAccount {
            email,
            name: name.to_string(),
            role,
            password,
        })
    }

    /// Stores the account with its password's PHC string, unless the address has one.
    pub fn insert(
        &self,
        conn: &mut DbConn,
        password_hash: &str,
    ) -> QueryResult<Result<Staff, AccountExists>> {
        let email = self.email.normalized();
        if staff::find_by_email(conn, &email)?.is_some() {
            return Ok(Err(AccountExists(email)));
        }
        let inserted = staff::insert(
            conn,
            &NewStaff {
                email: &email,
                name: &self.name,
                role: self.role.as_str(),
                password_hash,
                created_at: db::now(),
            },
        );
        match inserted {
            Err(e) if db::is_unique_violation(&e) => Ok(Err(AccountExists(email))),
            other => other.map(Ok),
        }
    }
}

/// The address has a staff account already.
#[derive(Debug, thiserror::Error)]
#[error("a staff account for {0} exists already")]
pub struct AccountExists(pub String);

/// Creates a staff account, hashing on this thread (CLI, demo); errors are sentences for
/// the command line.
pub fn create_staff(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> anyhow::Result<Staff> {
    let account = NewAccount::parse(email, name, role, password)?;
    let hash = hash_now(account.password.as_str())?;
    Ok(account.insert(conn, &hash)??)
}

/// Longest lifetime a token can be given, in days.
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// Creates an API token for a staff account that does not expire; returns the secret
/// (shown once).
pub fn create_token(conn: &mut DbConn, email: &str, label: &str) -> anyhow::Result<String> {
    create_token_expiring(conn, email, label, None)
}

/// Creates an API token for a staff account, valid for `expires_days` days when given;
/// returns the secret (shown once).
pub fn create_token_expiring(
    conn: &mut DbConn,
    email: &str,
    label: &str,
    expires_days: Option<u32>,
) -> anyhow::Result<String> {
    let account = staff::find_by_email(conn, email.trim())?
        .ok_or_else(|| anyhow::anyhow!("no staff account has the e-mail {}", email.trim()))?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 200 {
        anyhow::bail!("--name must have 1 to 200 characters");
    }
    if expires_days.is_some_and(|d| !(1..=MAX_TOKEN_DAYS).contains(&d)) {
        anyhow::bail!("--expires-days must be a whole number from 1 to {MAX_TOKEN_DAYS}");
    }
    let now = db::now();
    let secret = format!("qrm_{}", crate::domain::token::generate());
    staff::insert_token(
        conn,
        &staff::NewApiToken {
            staff_id: account.id,
            label,
            token_hash: &crate::domain::token::hash(&secret),
            created_at: now,
            expires_at: expires_days.map(|d| now + chrono::Duration::days(i64::from(d))),
        },
    )?;
    Ok(secret)
}
