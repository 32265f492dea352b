//! chrono's `TimeZone` for [`Zone`]: UTC → local by lookup, local → UTC by trying the offsets
//! in force around the wall time (none in a gap, two in an overlap).

use std::fmt;

use chrono::{FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};

use super::Zone;

/// The offset of a zone at some instant, with its abbreviation (`CEST`, `-03`).
#[derive(Clone)]
pub struct ZoneOffset {
    zone: Zone,
    ltt: tzif::LocalTimeType,
}

impl ZoneOffset {
    /// Seconds east of UTC.
    pub fn seconds(&self) -> i32 {
        self.ltt.ut_offset()
    }

    /// The abbreviation the tz database gives (`CEST`, or a numeric one such as `-03`).
    pub fn abbreviation(&self) -> &str {
        self.ltt.time_zone_designation()
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        FixedOffset::east_opt(self.ltt.ut_offset()).unwrap_or_else(|| chrono::Utc.fix())
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.abbreviation(), self.fix())
    }
}

/// `%Z` in chrono's formatting prints this: the abbreviation.
impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}

impl Zone {
    fn offset_at(&self, secs: i64) -> ZoneOffset {
        ZoneOffset {
            zone: self.clone(),
            ltt: self.local_time_type(secs),
        }
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone.clone()
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        // The wall time read as if it were UTC; an offset `o` fits when the zone's offset at
        // `wall - o` is `o`. Offsets never change twice within a day, so the offsets in force
        // a day either side are all the candidates.
        let wall = local.and_utc().timestamp();
        let mut fits: Vec<ZoneOffset> = Vec::with_capacity(2);
        for probe in [wall - 86_400, wall, wall + 86_400] {
            let offset = i64::from(self.local_time_type(probe).ut_offset());
            let instant = wall - offset;
            let at = self.offset_at(instant);
            if i64::from(at.seconds()) == offset
                && !fits.iter().any(|f| f.seconds() == at.seconds())
            {
                fits.push(at);
            }
        }
        // Earliest instant first: the larger offset gives the earlier instant.
        fits.sort_by_key(|f| std::cmp::Reverse(f.seconds()));
        match fits.len() {
            0 => MappedLocalTime::None,
            1 => MappedLocalTime::Single(fits.swap_remove(0)),
            _ => {
                let latest = fits.swap_remove(fits.len() - 1);
                MappedLocalTime::Ambiguous(fits.swap_remove(0), latest)
            }
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.offset_at(utc.and_utc().timestamp())
    }
}
