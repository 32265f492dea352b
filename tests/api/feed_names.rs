//! Calendar names: escaped exactly once, and taken from the group, the meeting or the site.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db};
use crate::ics_check;
use crate::series::{prop, unfold};

both_backends!(calendar_names_are_escaped_once);

/// Every character TEXT escapes, a backslash, and scripts of several octets a character.
const GROUP: &str = "Interop, Tests; Group \\ 互通 Группа — 相互運用性テスト";
const TITLE: &str = "Plenary; day 1, part \\ 2 — 全体会議 Пленарное заседание";

/// RFC 5545 TEXT unescaping (`\\`, `\,`, `\;`, `\n`); any other escape fails the test.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ',' | ';')) => out.push(c),
            other => panic!("invalid escape \\{other:?} in {value:?}"),
        }
    }
    out
}

/// The unescaped value of the calendar's own property `name`, present exactly once.
fn calendar_text(ics: &str, name: &str) -> String {
    let unfolded = unfold(ics);
    let lines = prop(&unfolded, name);
    assert_eq!(lines.len(), 1, "one {name} in {unfolded}");
    let head = unfolded.split("\r\nBEGIN:").next().unwrap();
    assert_eq!(prop(head, name), lines, "{name} belongs to the VCALENDAR");
    unescape(lines[0].split_once(':').unwrap().1)
}

/// The site's name, as its pages show it.
fn brand(html: &str) -> String {
    let at = html.find("class=\"brand\"").expect("a brand") + "class=\"brand\"".len();
    let start = html[at..].find('>').unwrap() + at + 1;
    let end = html[start..].find("</a>").unwrap() + start;
    html[start..end].trim().to_string()
}

async fn calendar_names_are_escaped_once(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let (status, group) = app
        .staff_post("/api/v1/groups", &json!({"slug": "interop", "name": GROUP}))
        .await;
    assert_eq!(status, 201, "{group}");
    let m = app
        .create_meeting(json!({"group": "interop", "title": TITLE}))
        .await;
    let (_, home) = app.get_text("/").await;
    let site = brand(&home);
    assert!(!site.is_empty());
    for (path, expected) in [
        ("/groups/interop/calendar.ics".to_string(), GROUP),
        (format!("/meetings/{}/calendar.ics", m["id"]), TITLE),
        ("/calendar.ics".to_string(), site.as_str()),
    ] {
        let (status, ics) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        ics_check::assert_valid(&ics);
        for property in ["NAME", "X-WR-CALNAME"] {
            assert_eq!(
                calendar_text(&ics, property),
                expected,
                "{property} of {path}"
            );
        }
    }
}
