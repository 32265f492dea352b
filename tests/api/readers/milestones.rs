//! A group's milestones calendar (all-day events) read by every reader, beside the group's
//! meetings feed: each milestone is one whole day, its date as the JSON API gives it.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};

use super::harness::*;
use crate::helpers::{spawn_app, Db};

/// A milestone's day as the harness reads dates: 00:00 UTC to the next day's.
fn day(m: &Value, host: &str) -> Expected {
    let date = NaiveDate::parse_from_str(m["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let at = |d: NaiveDate| {
        DateTime::<Utc>::from_naive_utc_and_offset(d.and_hms_opt(0, 0, 0).unwrap(), Utc)
    };
    Expected {
        instance: Instance {
            uid: format!("milestone-{}@{host}", m["id"]),
            start: at(date),
            end: at(date.succ_opt().unwrap()),
            status: Some("CONFIRMED".into()),
            recurrence_id: None,
        },
        rid_known: true,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_read_milestones_as_whole_days() {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    app.create_group("ssr2").await;
    let meeting = app
        .create_meeting(
            json!({"group": "ssr2", "title": "Johannesburg", "timezone": "Africa/Johannesburg",
                               "starts_at": "2027-06-25T09:00", "ends_at": "2027-06-25T17:00"}),
        )
        .await;
    let host = url::Url::parse(&app.base_url)
        .unwrap()
        .host_str()
        .unwrap()
        .to_string();
    let mut expected = Vec::new();
    let mut names = BTreeMap::new();
    for (date, title) in [
        ("2017-06-30", "Draft report"),
        ("2027-12-31", "Final report, at last"),
        ("2028-02-29", "Leap day"),
    ] {
        let body =
            json!({"date": date, "title": title, "status": "planned", "meeting": meeting["id"]});
        let (status, m) = app
            .staff_post("/api/v1/groups/ssr2/milestones", &body)
            .await;
        assert_eq!(status, 201, "{m}");
        let e = day(&m, &host);
        names.insert(e.instance.uid.clone(), title.to_string());
        expected.push(e);
    }
    names.insert(
        meeting["uid"].as_str().unwrap().to_string(),
        "Johannesburg meeting".into(),
    );
    let files = vec![
        CalFile {
            label: "group meetings feed".into(),
            text: feed(&app, "/groups/ssr2/calendar.ics").await,
            expected: meeting_instances(&meeting),
        },
        CalFile {
            label: "milestones feed".into(),
            text: feed(&app, "/groups/ssr2/milestones.ics").await,
            expected,
        },
    ];
    assert_readers_agree("milestones beside meetings", files, names).await;
}
