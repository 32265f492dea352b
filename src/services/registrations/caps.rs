//! Caps on the mail that anonymous requests cause: per recipient per hour
//! (`QUORUM_MAIL_PER_RECIPIENT_HOUR`), and "already registered" notices per address and
//! meeting per day. Counted in the database, so the caps hold across instances.

use chrono::{Duration, NaiveDateTime};

use crate::db::mail_caps;
use crate::db::registrations::Target;
use crate::db::DbConn;
use crate::mail::MailContext;

/// "Already registered" notices per address and meeting (or series) per day.
pub const NOTICES_PER_DAY: i64 = 3;

/// One limit: at most `limit` messages counted under `key` within `window`.
pub struct Cap {
    key: String,
    limit: i64,
    window: Duration,
}

/// Messages to this address caused by anonymous requests, per hour.
pub fn recipient(ctx: &MailContext, email_normalized: &str) -> Cap {
    Cap {
        key: ctx.caps.key(&["recipient", email_normalized]),
        limit: i64::from(ctx.caps.per_recipient_hour),
        window: Duration::hours(1),
    }
}

/// Notices to this address about its existing registration for `target`, per day.
pub fn notices(ctx: &MailContext, target: Target, email_normalized: &str) -> Cap {
    let target = match target {
        Target::Meeting(id) => format!("meeting {id}"),
        Target::Series(id) => format!("series {id}"),
    };
    Cap {
        key: ctx.caps.key(&["notice", &target, email_normalized]),
        limit: NOTICES_PER_DAY,
        window: Duration::days(1),
    }
}

/// Whether one more message fits under every cap; if so, it is counted under each. Call
/// inside `write_tx`: the count and the record are one step for every instance.
pub fn admit(conn: &mut DbConn, caps: &[Cap], now: NaiveDateTime) -> diesel::QueryResult<bool> {
    let mut keys: Vec<&str> = caps.iter().map(|c| c.key.as_str()).collect();
    keys.sort_unstable();
    for key in keys {
        mail_caps::lock(conn, key)?;
    }
    for cap in caps {
        if mail_caps::count_since(conn, &cap.key, now - cap.window)? >= cap.limit {
            return Ok(false);
        }
    }
    for cap in caps {
        mail_caps::record(conn, &cap.key, now)?;
    }
    Ok(true)
}

/// The longest window: counts older than this are forgotten.
pub fn longest_window() -> Duration {
    Duration::days(1)
}
