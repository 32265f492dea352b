//! How `quorum` writes for its operator: the log (`QUORUM_LOG_FORMAT`: `text`, or `json` for
//! one JSON object per line) and the few lines `serve` prints itself (the listening address,
//! the demo's staff login, a fatal error), which follow the same format.

use std::fmt;
use std::io::Write;

use serde_json::Value;

/// The shape of every line `serve` writes (`QUORUM_LOG_FORMAT`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (tracing's default format; printed notices as plain text).
    #[default]
    Text,
    /// One JSON object per line, on standard output and standard error alike.
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> anyhow::Result<LogFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            _ => anyhow::bail!("QUORUM_LOG_FORMAT must be text or json, got {s:?}"),
        }
    }
}

/// Sets up tracing on standard error (`RUST_LOG`, default `info`) in `format`; with `json`,
/// a panic is reported as one JSON object too.
pub fn init(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => {
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .init();
            std::panic::set_hook(Box::new(|info| {
                let line = json_line("ERROR", "panic", &info.to_string(), &[]);
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }));
        }
    }
}

/// A line for the operator on standard output, whatever `RUST_LOG` filters: `text` as it is
/// in text mode, else one JSON object with `message` and `fields` beside it.
pub fn notice(format: LogFormat, text: impl fmt::Display, message: &str, fields: &[(&str, Value)]) {
    let mut out = std::io::stdout().lock();
    let _ = match format {
        LogFormat::Text => writeln!(out, "{text}"),
        LogFormat::Json => writeln!(out, "{}", json_line("INFO", "quorum", message, fields)),
    };
}

/// The error that ends the program, on standard error: `quorum: …` in text mode, else one
/// JSON object at level `ERROR`.
pub fn fatal(format: LogFormat, error: &anyhow::Error) {
    match format {
        LogFormat::Text => eprintln!("quorum: {error:#}"),
        LogFormat::Json => eprintln!(
            "{}",
            json_line("ERROR", "quorum", &format!("{error:#}"), &[])
        ),
    }
}

/// One object shaped like tracing's flattened JSON events: `timestamp`, `level`, `message`,
/// the fields, `target`, in that order.
fn json_line(level: &str, target: &str, message: &str, fields: &[(&str, Value)]) -> String {
    let timestamp = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut entries: Vec<(&str, Value)> = vec![
        ("timestamp", timestamp.into()),
        ("level", level.into()),
        ("message", message.into()),
    ];
    entries.extend(fields.iter().cloned());
    entries.push(("target", target.into()));
    let mut line = String::from("{");
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&Value::from(*key).to_string());
        line.push(':');
        line.push_str(&value.to_string());
    }
    line.push('}');
    line
}

#[cfg(test)]
mod tests {
    use super::{json_line, LogFormat};

    #[test]
    fn formats_parse_and_lines_are_objects() {
        assert_eq!("json".parse::<LogFormat>().ok(), Some(LogFormat::Json));
        assert_eq!(" Text ".parse::<LogFormat>().ok(), Some(LogFormat::Text));
        let err = "xml".parse::<LogFormat>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("QUORUM_LOG_FORMAT must be text or json, got \"xml\"")
        );
        let line = json_line("INFO", "quorum", "a\nb \"c\"", &[("port", 8080.into())]);
        assert!(!line.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        assert_eq!(value["message"], "a\nb \"c\"");
        assert_eq!(value["port"], 8080);
        assert_eq!(value["level"], "INFO");
    }
}
