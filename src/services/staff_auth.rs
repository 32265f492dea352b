//! Checking a staff password: at sign-in, and the current password on the password page.
//!
//! Every check is counted before it is made, in one statement per counter, against two
//! limits: per account at one client address (5 in 15 minutes) and per address, whatever
//! the account (20 in 15 minutes). A stranger who guesses at an admin's account throttles
//! only their own address; the admin still signs in from theirs. IPv6 clients are counted
//! per /64, the block one subscriber usually holds. A success gives its count back. The
//! argon2 work runs after the count, outside any database connection (see `auth`), and
//! every outcome goes into the audit log.

use std::net::IpAddr;

use chrono::Duration;
use serde_json::json;

use crate::client_ip::Client;
use crate::db::staff::{self, Staff};
use crate::db::{self, login_throttle, sessions, DbConn};
use crate::error::AppError;
use crate::state::AppState;

const WINDOW_MINUTES: i64 = 15;
const MAX_PER_ACCOUNT_AND_ADDRESS: i32 = 5;
const MAX_PER_ADDRESS: i32 = 20;

/// Why the password is being checked; names the audit entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SignIn,
    PasswordChange,
}

impl Purpose {
    /// The audit action for a success (`None`: the caller records what follows) and for a
    /// refusal.
    fn actions(self) -> (Option<&'static str>, &'static str) {
        match self {
            Purpose::SignIn => (Some("staff.login"), "staff.login_failed"),
            Purpose::PasswordChange => (None, "staff.password_check_failed"),
        }
    }
}

/// The outcome of a check.
pub enum Verdict {
    Valid(Staff),
    Invalid,
    /// Too many attempts: try again in this many seconds.
    Throttled(u64),
}

/// One password attempt: the address typed (normalised), and where it comes from.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub email: String,
    pub client: Option<Client>,
    pub purpose: Purpose,
}

impl Attempt {
    fn address_key(&self) -> String {
        let net = match &self.client {
            Some(Client::Ip(ip)) => match ip.to_canonical() {
                IpAddr::V6(v6) => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
                v4 => v4.to_string(),
            },
            Some(named @ Client::Named(_)) => format!("named:{named}"),
            None => "unknown".into(),
        };
        format!("address:{net}")
    }

    fn account_key(&self) -> String {
        let email: String = self.email.chars().take(254).collect();
        format!("account:{email}|{}", self.address_key())
    }

    /// The audit subject: the client address as it is.
    fn audit_subject(&self) -> String {
        match &self.client {
            Some(ip) => format!("address:{ip}"),
            None => "address:unknown".into(),
        }
    }

    fn audit(
        &self,
        conn: &mut DbConn,
        account: Option<&Staff>,
        action: &str,
        reason: Option<&str>,
    ) -> Result<(), AppError> {
        let detail = reason.map(|r| json!({ "reason": r }));
        sessions::audit_attempt(
            conn,
            account.map(|a| a.id),
            &self.email,
            action,
            &self.audit_subject(),
            detail.as_ref(),
        )?;
        Ok(())
    }
}

/// Counts the attempt against both limits: `Err(seconds)` to wait when over one.
fn count(conn: &mut DbConn, attempt: &Attempt) -> Result<Result<(), u64>, AppError> {
    let now = db::now();
    let window = Duration::minutes(WINDOW_MINUTES);
    login_throttle::forget_stale(conn, now - window)?;
    for (key, max) in [
        (attempt.address_key(), MAX_PER_ADDRESS),
        (attempt.account_key(), MAX_PER_ACCOUNT_AND_ADDRESS),
    ] {
        let (n, started) = login_throttle::count_attempt(conn, &key, now)?;
        if n > max {
            let wait = (started + window - now).num_seconds().max(1);
            return Ok(Err(u64::try_from(wait).unwrap_or(1)));
        }
    }
    Ok(Ok(()))
}

/// Checks `password` for the attempt's account, within the limits.
pub async fn check_password(
    state: &AppState,
    attempt: Attempt,
    password: String,
) -> Result<Verdict, AppError> {
    let a = attempt.clone();
    let (counted, account) = state
        .db(move |conn| {
            db::write_tx(conn, |conn| -> Result<_, AppError> {
                let account = staff::find_by_email(conn, &a.email)?;
                let counted = count(conn, &a)?;
                if counted.is_err() {
                    let (_, refused) = a.purpose.actions();
                    a.audit(conn, account.as_ref(), refused, Some("too many attempts"))?;
                }
                Ok((counted, account))
            })
        })
        .await?;
    if let Err(wait) = counted {
        return Ok(Verdict::Throttled(wait));
    }
    let phc = account
        .as_ref()
        .filter(|a| a.disabled_at.is_none())
        .map(|a| a.password_hash.clone());
    let valid = crate::auth::verify_password(password, phc).await?;
    state
        .db(move |conn| db::write_tx(conn, |conn| record(conn, &attempt, account, valid)))
        .await
}

/// Records the outcome of a counted attempt: a success gives its counts back.
fn record(
    conn: &mut DbConn,
    attempt: &Attempt,
    account: Option<Staff>,
    valid: bool,
) -> Result<Verdict, AppError> {
    let (ok_action, refused) = attempt.purpose.actions();
    let reason = match &account {
        Some(a) if a.disabled_at.is_some() => "account disabled",
        Some(_) if valid => {
            login_throttle::clear(conn, &attempt.account_key())?;
            login_throttle::give_back(conn, &attempt.address_key())?;
            if let Some(action) = ok_action {
                attempt.audit(conn, account.as_ref(), action, None)?;
            }
            return Ok(account.map_or(Verdict::Invalid, Verdict::Valid));
        }
        Some(_) => "wrong password",
        None => "unknown account",
    };
    attempt.audit(conn, account.as_ref(), refused, Some(reason))?;
    Ok(Verdict::Invalid)
}
