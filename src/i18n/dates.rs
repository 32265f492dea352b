//! Dates and times as each language writes them, from CLDR's data (ICU4X, compiled in):
//! names of days and months, their order and punctuation, 24- or 12-hour clocks. The
//! formatters are built once per language, at first use.
//!
//! English is written the British way (day before month, 24-hour clock), as Quorum always
//! wrote it. Times stay in the venue's zone; callers add the zone and UTC beside them.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{self, enums::DateFieldSet};
use icu_datetime::input::{Date, Time};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::ListFormatter;
use icu_locale_core::Locale;

use super::Lang;

type DateFormatter = FixedCalendarDateTimeFormatter<Gregorian, DateFieldSet>;
type TimeFormatter = FixedCalendarDateTimeFormatter<(), fieldsets::T>;

struct Formatters {
    /// "Saturday, 15 May 2027".
    long: DateFormatter,
    /// "Sat 15 May".
    day_month: DateFormatter,
    /// "15 March 2017".
    day_month_year: DateFormatter,
    /// "Saturday".
    weekday: DateFormatter,
    /// "14:05" ("2:05 م" in Arabic).
    time: TimeFormatter,
    /// "Monday and Thursday".
    list: ListFormatter,
}

/// Each language's formatters, in `Lang::ALL` order; `None` where CLDR data is missing
/// (never, with compiled data; then plain ISO forms are written).
static FORMATTERS: LazyLock<Vec<Option<Formatters>>> =
    LazyLock::new(|| Lang::ALL.iter().map(|l| build(*l)).collect());

fn locale(lang: Lang) -> Locale {
    let tag = match lang {
        Lang::En => "en-GB",
        other => other.code(),
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

fn build(lang: Lang) -> Option<Formatters> {
    let prefs = || locale(lang).into();
    let date = |set: DateFieldSet| DateFormatter::try_new(prefs(), set).ok();
    Some(Formatters {
        long: date(DateFieldSet::YMDE(fieldsets::YMDE::long()))?,
        day_month: date(DateFieldSet::MDE(fieldsets::MDE::medium()))?,
        day_month_year: date(DateFieldSet::YMD(fieldsets::YMD::long()))?,
        weekday: date(DateFieldSet::E(fieldsets::E::long()))?,
        time: TimeFormatter::try_new(prefs(), fieldsets::T::hm()).ok()?,
        list: ListFormatter::try_new_and(
            locale(lang).into(),
            ListFormatterOptions::default().with_length(ListLength::Wide),
        )
        .ok()?,
    })
}

fn formatters(lang: Lang) -> Option<&'static Formatters> {
    FORMATTERS.get(lang.index())?.as_ref()
}

fn gregorian(d: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    Date::try_new_gregorian(d.year(), month, day).ok()
}

fn with(
    lang: Lang,
    d: NaiveDate,
    pick: impl Fn(&Formatters) -> &DateFormatter,
    fallback: &str,
) -> String {
    match (formatters(lang), gregorian(d)) {
        (Some(f), Some(date)) => pick(f).format(&date).to_string(),
        _ => d.format(fallback).to_string(),
    }
}

/// A date in full: "Saturday, 15 May 2027", "samedi 15 mai 2027", "2027年5月15日星期六".
pub fn long_date(lang: Lang, d: NaiveDate) -> String {
    with(lang, d, |f| &f.long, "%A %Y-%m-%d")
}

/// A day in a list: "Sat 15 May", "sáb, 15 may", "5月15日周六".
pub fn day_month(lang: Lang, d: NaiveDate) -> String {
    with(lang, d, |f| &f.day_month, "%a %m-%d")
}

/// The name of the weekday of `d`: "Wednesday", "mercredi", "среда".
pub fn weekday(lang: Lang, d: NaiveDate) -> String {
    with(lang, d, |f| &f.weekday, "%A")
}

/// Items joined as the language lists them: "Monday and Thursday", "lundi et jeudi".
pub fn list(lang: Lang, items: &[String]) -> String {
    match formatters(lang) {
        Some(f) => f.list.format(items.iter().map(String::as_str)).to_string(),
        None => items.join(", "),
    }
}

/// A time of day: "14:05", "2:05 م".
pub fn time(lang: Lang, t: NaiveTime) -> String {
    let parts = (u8::try_from(t.hour()).ok(), u8::try_from(t.minute()).ok());
    match (formatters(lang), parts) {
        (Some(f), (Some(h), Some(m))) => match Time::try_new(h, m, 0, 0) {
            Ok(time) => f.time.format(&time).to_string(),
            Err(_) => t.format("%H:%M").to_string(),
        },
        _ => t.format("%H:%M").to_string(),
    }
}

/// A date with its year, without the weekday: "15 March 2017", "15 mars 2017",
/// "2017年3月15日", "15 مارس 2017" (timelines, archives, "published" lines).
pub fn day_month_year(lang: Lang, d: NaiveDate) -> String {
    with(lang, d, |f| &f.day_month_year, "%Y-%m-%d")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may_15() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 5, 15).unwrap_or_default()
    }

    #[test]
    fn each_language_writes_its_own_dates() {
        assert_eq!(long_date(Lang::En, may_15()), "Saturday, 15 May 2027");
        assert_eq!(long_date(Lang::Fr, may_15()), "samedi 15 mai 2027");
        assert_eq!(long_date(Lang::Es, may_15()), "sábado, 15 de mayo de 2027");
        assert_eq!(long_date(Lang::Zh, may_15()), "2027年5月15日星期六");
        assert_eq!(
            long_date(Lang::Ru, may_15()),
            "суббота, 15 мая 2027\u{202f}г."
        );
        assert!(long_date(Lang::Ar, may_15()).contains("مايو"));
        assert_eq!(day_month(Lang::En, may_15()), "Sat 15 May");
        assert_eq!(weekday(Lang::Fr, may_15()), "samedi");
        assert_eq!(day_month_year(Lang::En, may_15()), "15 May 2027");
        assert_eq!(day_month_year(Lang::Fr, may_15()), "15 mai 2027");
        assert_eq!(day_month_year(Lang::Zh, may_15()), "2027年5月15日");
        let days = ["Monday".to_string(), "Thursday".to_string()];
        assert_eq!(list(Lang::En, &days), "Monday and Thursday");
    }

    #[test]
    fn clocks_follow_the_language() {
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap_or_default();
        assert_eq!(time(Lang::En, t), "14:05");
        assert_eq!(time(Lang::Ru, t), "14:05");
        assert!(time(Lang::Ar, t).starts_with("2:05"));
    }
}
