//! Languages: which ones Quorum speaks, how a request chooses one, its messages (Fluent
//! files in `locales/`, one per language, parsed once at start) and its dates (ICU4X).
//!
//! Pages choose by `?lang=`, then the `lang` cookie, then `Accept-Language`, then
//! `QUORUM_DEFAULT_LANG` (`web`); feeds by `?lang=` only; mail by the language stored with
//! the registration, follow or input it is about.

mod catalog;
pub mod dates;
pub mod negotiate;
pub mod web;

pub use catalog::{check_loaded, Arg};
pub use web::Ui;

/// A language Quorum speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Ar,
    Zh,
    Ru,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar, Lang::Zh, Lang::Ru];

    /// The code pages, cookies, the API and the database use: `en`, `fr`, `es`, `ar`, `zh`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
        }
    }

    /// Its place in `Lang::ALL`, where per-language tables (messages, formatters) keep it.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The language by its code (exactly one of `code`'s answers); `None` otherwise.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language stored with a row; rows from before languages were stored are English.
    pub fn stored(code: &str) -> Lang {
        Lang::parse(code).unwrap_or_default()
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::Ru => "Русский",
        }
    }

    /// The writing direction: `rtl` for Arabic, `ltr` for the others.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The message `id` in this language (its `id` itself if there is none, which the
    /// completeness test in `tests/api/languages.rs` keeps from happening).
    pub fn msg(self, id: &str) -> String {
        catalog::format(self, id, &[])
    }

    /// The message `id` with its placeables: `lang.msg_with("seats-left", &[("count", n.into())])`.
    pub fn msg_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        catalog::format(self, id, args)
    }

    /// The message `id` with one placeable (for templates).
    pub fn msg1(self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        catalog::format(self, id, &[(name, value.into())])
    }

    /// The message `id` with two placeables (for templates).
    pub fn msg2(
        self,
        id: &str,
        name: &str,
        value: impl Into<Arg>,
        name2: &str,
        value2: impl Into<Arg>,
    ) -> String {
        catalog::format(self, id, &[(name, value.into()), (name2, value2.into())])
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s.trim()).ok_or_else(|| {
            let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            format!("unknown language {s:?}; use one of {}", codes.join(", "))
        })
    }
}
