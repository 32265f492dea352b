//! What every message needs to know about the installation: its address, the sender, the
//! caps on mail that anonymous requests cause; and small pieces all mail writers share.

use rand::RngCore;

use crate::db::meetings::Meeting;

/// What the mails need to know about the installation.
#[derive(Clone, Debug)]
pub struct MailContext {
    pub base_url: String,
    pub from: lettre::message::Mailbox,
    /// How long a registration waits for its address to be confirmed.
    pub pending: chrono::Duration,
    pub caps: MailCaps,
}

/// Limits on the mail that anonymous requests cause, and the key that hashes what they count.
#[derive(Clone)]
pub struct MailCaps {
    pub per_recipient_hour: u32,
    key: std::sync::Arc<[u8]>,
}

impl MailCaps {
    /// `secret` keys the hashes of counted addresses (derived from the installation's key).
    pub fn new(per_recipient_hour: u32, secret: &[u8]) -> MailCaps {
        MailCaps {
            per_recipient_hour,
            key: keyed_hash(secret, &[b"quorum mail caps"]).into(),
        }
    }

    /// A keyed hash of `parts`: the same thing always counts under the same key, and the
    /// key reveals nothing about an address to whoever reads the table.
    pub fn key(&self, parts: &[&str]) -> String {
        let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
        hex::encode(keyed_hash(&self.key, &parts))
    }
}

/// HMAC-SHA-256 of `parts`, each followed by a zero byte.
fn keyed_hash(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    use hmac::Mac;
    use sha2::Digest;
    match hmac::Hmac::<sha2::Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            for p in parts {
                mac.update(p);
                mac.update(&[0]);
            }
            mac.finalize().into_bytes().to_vec()
        }
        // HMAC takes keys of every length: never taken.
        Err(_) => {
            let mut h = sha2::Sha256::new();
            h.update(key);
            for p in parts {
                h.update(p);
                h.update([0]);
            }
            h.finalize().to_vec()
        }
    }
}

impl std::fmt::Debug for MailCaps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailCaps")
            .field("per_recipient_hour", &self.per_recipient_hour)
            .finish_non_exhaustive()
    }
}

impl MailContext {
    /// Whether a request made at `created_at` and still unconfirmed has outlived
    /// `QUORUM_PENDING_HOURS` at `now` (its link no longer confirms).
    pub fn pending_expired(
        &self,
        created_at: chrono::NaiveDateTime,
        now: chrono::NaiveDateTime,
    ) -> bool {
        created_at < now - self.pending
    }
    pub fn meeting_url(&self, m: &Meeting) -> String {
        format!("{}/meetings/{}", self.base_url, m.id)
    }
    pub fn manage_url(&self, token: &str) -> String {
        format!("{}/r/{}", self.base_url, token)
    }
    pub(crate) fn message_id(&self) -> String {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        format!("<{}@{}>", hex::encode(bytes), self.host())
    }

    /// The installation's host name, as Message-IDs name it.
    pub(crate) fn host(&self) -> String {
        host_of(&self.base_url)
    }

    /// The one-click unsubscribe link of follower `id` (RFC 8058): its secret is a keyed
    /// hash of the id under the installation's key, so nothing is stored for it.
    pub fn unsubscribe_url(&self, follower_id: i64) -> String {
        format!(
            "{}/unsubscribe/{follower_id}/{}",
            self.base_url,
            self.unsubscribe_secret(follower_id)
        )
    }

    /// Whether `secret` is follower `id`'s unsubscribe secret (compared in constant time).
    pub fn unsubscribe_secret_matches(&self, follower_id: i64, secret: &str) -> bool {
        use subtle::ConstantTimeEq;
        let wanted = self.unsubscribe_secret(follower_id);
        secret.len() == wanted.len() && bool::from(wanted.as_bytes().ct_eq(secret.as_bytes()))
    }

    fn unsubscribe_secret(&self, follower_id: i64) -> String {
        self.caps.key(&["unsubscribe", &follower_id.to_string()])
    }
}

/// The host name of `base_url`, as Message-IDs name the installation.
pub fn host_of(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "quorum.invalid".into())
}

/// "48 hours", "30 minutes": how long a pending registration waits, or how soon a meeting
/// starts (to the nearest minute).
pub fn describe_duration(lang: crate::i18n::Lang, d: chrono::Duration) -> String {
    match (d.num_seconds() + 30).div_euclid(60) {
        m if m % 60 == 0 && m >= 60 => lang.msg1("duration-hours", "hours", m / 60),
        m if m >= 120 => lang.msg2("duration-hours-minutes", "hours", m / 60, "minutes", m % 60),
        m => lang.msg1("duration-minutes", "minutes", m.max(0)),
    }
}

pub(crate) fn render_error(which: &str, e: askama::Error) -> diesel::result::Error {
    diesel::result::Error::QueryBuilderError(format!("rendering the {which} mail body: {e}").into())
}

/// "Hello Ada," only to an address whose owner confirmed it, else "Hello,".
/// In the registrant's language.
pub(crate) fn greeting(reg: &crate::db::registrations::Registration) -> String {
    let lang = reg.lang();
    match reg.confirmed_at {
        Some(_) => lang.msg1("mail-hello-name", "name", &reg.name),
        None => lang.msg("mail-hello"),
    }
}
