//! Staff passwords (argon2id, PHC strings) and staff accounts.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use crate::db::staff::{self, NewStaff, Staff};
use crate::db::{self, DbConn};
use crate::domain::EmailAddress;

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 1024;

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

/// An argon2id PHC string with a fresh salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing the password failed: {e}"))
}

pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

pub fn check_password_strength(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(format!(
            "the password must have at most {MAX_PASSWORD_CHARS} characters"
        ));
    }
    Ok(())
}

/// Creates a staff account; errors are sentences for the command line.
pub fn create_staff(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> anyhow::Result<Staff> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        anyhow::bail!("--name must have 1 to 200 characters");
    }
    check_password_strength(password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = hash_password(password)?;
    staff::insert(
        conn,
        &NewStaff {
            email: &email.normalized(),
            name,
            role: role.as_str(),
            password_hash: &hash,
            created_at: db::now(),
        },
    )
    .map_err(|e| {
        if db::is_unique_violation(&e) {
            anyhow::anyhow!("a staff account for {} exists already", email.normalized())
        } else {
            e.into()
        }
    })
}

/// Creates an API token for a staff account; returns the secret (shown once).
pub fn create_token(conn: &mut DbConn, email: &str, label: &str) -> anyhow::Result<String> {
    let account = staff::find_by_email(conn, email.trim())?
        .ok_or_else(|| anyhow::anyhow!("no staff account has the e-mail {}", email.trim()))?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 200 {
        anyhow::bail!("--name must have 1 to 200 characters");
    }
    let secret = format!("qrm_{}", crate::domain::token::generate());
    staff::insert_token(
        conn,
        &staff::NewApiToken {
            staff_id: account.id,
            label,
            token_hash: &crate::domain::token::hash(&secret),
            created_at: db::now(),
        },
    )?;
    Ok(secret)
}
