//! Every event of a feed names its organizer: the group's contact address, else the sender of
//! Quorum's mail.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp};
use crate::ics_check;
use crate::series::{create_series, prop, unfold};
use crate::series_change::{cancel, move_occurrence};

both_backends!(feed_events_name_their_organizer);

/// `CN` (unquoted) and the value of an `ORGANIZER` content line.
fn organizer(line: &str) -> (Option<String>, String) {
    let mut quoted = false;
    let mut parts = vec![String::new()];
    let mut value = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => parts.push(String::new()),
            ':' if !quoted => {
                value = Some(line[i + 1..].to_string());
                break;
            }
            c => parts.last_mut().unwrap().push(c),
        }
    }
    let cn = parts
        .iter()
        .find_map(|p| p.strip_prefix("CN=").map(str::to_string));
    (cn, value.expect("a value"))
}

/// A single meeting, one of two days with different hours, a cancelled one, and a series
/// with one occurrence moved: every kind of event a feed has. Returns their UIDs.
async fn every_kind_of_event(app: &TestApp, slug: &str) -> Vec<String> {
    let single = app
        .create_meeting(json!({"group": slug, "title": "Single"}))
        .await;
    let days = app
        .create_meeting(json!({"group": slug, "title": "Two days",
            "days": [
                {"starts_at": "2027-05-10T09:00", "ends_at": "2027-05-10T18:00"},
                {"starts_at": "2027-05-11T10:00", "ends_at": "2027-05-11T12:00"},
            ],
            "starts_at": null, "ends_at": null}))
        .await;
    let cancelled = app
        .create_meeting(json!({"group": slug, "title": "Called off"}))
        .await;
    cancel(app, cancelled["id"].as_i64().unwrap()).await;
    let series = create_series(
        app,
        json!({"group": slug, "title": "Weekly call", "format": "online", "timezone": "Europe/Madrid",
               "first_start": "2027-01-06T14:00", "duration_minutes": 60, "count": 4,
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    move_occurrence(app, &series["occurrences"][1], "16:00", "17:00").await;
    [single, days, cancelled, series]
        .iter()
        .map(|x| x["uid"].as_str().unwrap().to_string())
        .collect()
}

async fn feed_events_name_their_organizer(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let (status, g) = app
        .staff_post(
            "/api/v1/groups",
            &json!({"slug": "chairs", "name": "Review team; A, B", "contact_email": "ssr2-chairs@example.org"}),
        )
        .await;
    assert_eq!(status, 201, "{g}");
    app.create_group("plain").await;
    // The group's contact, else QUORUM_MAIL_FROM ("Quorum Test <noreply@quorum.test>").
    let mut expected: Vec<(String, &str, &str)> = Vec::new();
    for (slug, cn, uri) in [
        (
            "chairs",
            "Review team; A, B",
            "mailto:ssr2-chairs@example.org",
        ),
        ("plain", "Quorum Test", "mailto:noreply@quorum.test"),
    ] {
        for uid in every_kind_of_event(&app, slug).await {
            expected.push((uid, cn, uri));
        }
    }
    let single = app
        .create_meeting(json!({"group": "plain", "title": "On its own"}))
        .await;
    expected.push((
        single["uid"].as_str().unwrap().to_string(),
        "Quorum Test",
        "mailto:noreply@quorum.test",
    ));
    for (path, events) in [
        ("/groups/chairs/calendar.ics".to_string(), 6),
        ("/groups/plain/calendar.ics".to_string(), 7),
        ("/calendar.ics".to_string(), 13),
        (format!("/meetings/{}/calendar.ics", single["id"]), 1),
    ] {
        let (status, ics) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        ics_check::assert_valid(&ics);
        let ics = unfold(&ics);
        let blocks: Vec<&str> = ics
            .split("BEGIN:VEVENT\r\n")
            .skip(1)
            .map(|b| b.split("END:VEVENT\r\n").next().unwrap())
            .collect();
        assert_eq!(blocks.len(), events, "{path}: {ics}");
        for block in blocks {
            let uid = prop(block, "UID")[0].trim_start_matches("UID:");
            let (_, cn, uri) = expected
                .iter()
                .find(|(u, _, _)| u == uid)
                .unwrap_or_else(|| panic!("{uid} is one of ours"));
            let lines = prop(block, "ORGANIZER");
            assert_eq!(lines.len(), 1, "one ORGANIZER in {path}: {block}");
            assert_eq!(
                organizer(lines[0]),
                (Some(cn.to_string()), uri.to_string()),
                "{path}: {block}"
            );
        }
    }
}
