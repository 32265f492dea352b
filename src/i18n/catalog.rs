//! The message files (`locales/*.ftl`), compiled in and parsed once, at start.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// Each language's file, in `Lang::ALL` order.
const SOURCES: [&str; 6] = [
    include_str!("../../locales/en.ftl"),
    include_str!("../../locales/fr.ftl"),
    include_str!("../../locales/es.ftl"),
    include_str!("../../locales/ar.ftl"),
    include_str!("../../locales/zh.ftl"),
    include_str!("../../locales/ru.ftl"),
];

struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// What failed to parse or load, per file (empty when all is well).
    problems: Vec<String>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(load);

fn load() -> Catalog {
    let mut problems = Vec::new();
    let bundles = Lang::ALL
        .iter()
        .zip(SOURCES)
        .map(|(lang, source)| {
            let resource =
                FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, errors)| {
                    problems.extend(errors.iter().map(|e| format!("locales/{lang}.ftl: {e}")));
                    r
                });
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Bidi isolation marks only where they help: around Latin names and numbers
            // inside right-to-left text.
            bundle.set_use_isolating(lang.dir() == "rtl");
            if let Err(errors) = bundle.add_resource(resource) {
                problems.extend(errors.iter().map(|e| format!("locales/{lang}.ftl: {e:?}")));
            }
            bundle
        })
        .collect();
    Catalog { bundles, problems }
}

/// Parses every message file (once per process); the start stops on a broken file.
pub fn check_loaded() -> Result<(), String> {
    let catalog = &*CATALOG;
    if catalog.problems.is_empty() {
        Ok(())
    } else {
        Err(catalog.problems.join("; "))
    }
}

/// A value for a message's placeable: a number (which plural rules read) or text.
#[derive(Debug, Clone)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<&i64> for Arg {
    fn from(n: &i64) -> Arg {
        Arg::Number(*n)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<&usize> for Arg {
    fn from(n: &usize) -> Arg {
        Arg::from(*n)
    }
}
impl From<&i32> for Arg {
    fn from(n: &i32) -> Arg {
        Arg::Number(i64::from(*n))
    }
}
impl From<&u32> for Arg {
    fn from(n: &u32) -> Arg {
        Arg::Number(i64::from(*n))
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text((*s).to_string())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// Message `id` in `lang`, English where `lang` lacks it, the id itself where both do.
pub(super) fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let catalog = &*CATALOG;
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Number(n) => a.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => a.set(*name, FluentValue::from(s.as_str())),
            }
        }
        a
    });
    for l in [lang, Lang::En] {
        let Some(bundle) = catalog.bundles.get(l.index()) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(lang = %l, id, ?errors, "message formatted with errors");
            }
            return text.into_owned();
        }
    }
    tracing::warn!(lang = %lang, id, "no such message");
    id.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_indexes_its_own_tables() {
        for (i, lang) in Lang::ALL.iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
    }

    #[test]
    fn every_file_parses() {
        assert_eq!(check_loaded(), Ok(()));
    }

    #[test]
    fn plurals_follow_each_language() {
        let seats = |lang: Lang, n: i64| lang.msg_with("seats-left", &[("count", n.into())]);
        assert_eq!(seats(Lang::En, 1), "1 seat left");
        assert_eq!(seats(Lang::En, 3), "3 seats left");
    }
}
