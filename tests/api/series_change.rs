//! A whole series changed in place: every occurrence follows the new rule, the cancelled
//! ones included, and calendars keep a cancelled one as an `EXDATE` of its new instant.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp};
use crate::ics_check;
use crate::series::{create_series, expand, prop, unfold, vevents};

both_backends!(cancelled_occurrences_follow_a_changed_series);

/// Cancels meeting `id` through the API.
pub(crate) async fn cancel(app: &TestApp, id: i64) {
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{id}/cancel")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

/// Moves an occurrence to other hours of its day (it becomes an override).
pub(crate) async fn move_occurrence(app: &TestApp, occurrence: &Value, start: &str, end: &str) {
    let day = &occurrence["recurrence_id"].as_str().unwrap()[..10];
    let (status, m) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", occurrence["id"]),
            &json!({"starts_at": format!("{day}T{start}"), "ends_at": format!("{day}T{end}")}),
        )
        .await;
    assert_eq!(status, 200, "{m}");
}

/// The UTC instant of a wall time (`2027-01-20T11:00`) in Madrid.
fn in_madrid(wall: &str) -> DateTime<Utc> {
    let local = NaiveDateTime::parse_from_str(wall, "%Y-%m-%dT%H:%M").unwrap();
    chrono_tz::Europe::Madrid
        .from_local_datetime(&local)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn utc_of(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

async fn cancelled_occurrences_follow_a_changed_series(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("wg").await;
    // Wednesdays at 10:00 from January into April: across the start of summer time.
    let s = create_series(
        &app,
        json!({"group": "wg", "title": "Weekly call", "format": "online", "timezone": "Europe/Madrid",
               "first_start": "2027-01-06T10:00", "duration_minutes": 60, "count": 14,
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let occ = s["occurrences"].as_array().unwrap();
    // One cancelled where the rule put it; one moved to the afternoon first, then cancelled.
    let cancelled = occ[2]["id"].as_i64().unwrap();
    move_occurrence(&app, &occ[12], "15:00", "16:00").await;
    let moved = occ[12]["id"].as_i64().unwrap();
    cancel(&app, cancelled).await;
    cancel(&app, moved).await;

    let (status, changed) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"first_start": "2027-01-06T11:00"}),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["id"], s["id"], "changed in place");

    let got: Value = app
        .get(&format!("/api/v1/series/{sid}"))
        .await
        .json()
        .await
        .unwrap();
    let occurrences = got["occurrences"].as_array().unwrap();
    assert_eq!(occurrences.len(), 14);
    for o in occurrences {
        // The original start with its offset: the wall time and what the zone says of it.
        let rid = &o["recurrence_id"].as_str().unwrap()[..16];
        assert!(rid.ends_with("T11:00"), "{o}");
        assert_eq!(utc_of(&o["recurrence_id"]), in_madrid(rid), "{o}");
        // Its start and its RECURRENCE-ID name the same instant, cancelled or not.
        assert_eq!(&o["starts_at"].as_str().unwrap()[..16], rid, "{o}");
        assert_eq!(utc_of(&o["starts_at_utc"]), in_madrid(rid), "{o}");
        assert_eq!(
            utc_of(&o["ends_at_utc"]),
            in_madrid(rid) + chrono::Duration::hours(1),
            "{o}"
        );
    }
    let gone: Vec<&Value> = occurrences
        .iter()
        .filter(|o| o["status"] == "cancelled")
        .collect();
    let gone_ids: Vec<i64> = gone.iter().map(|o| o["id"].as_i64().unwrap()).collect();
    assert_eq!(gone_ids, [cancelled, moved]);
    assert!(gone.iter().all(|o| o["detached"] == false), "{gone:?}");

    // The feed: one master, an EXDATE at each cancelled occurrence's new instant, and no
    // event of a cancelled occurrence (neither an override nor one under its own UID).
    let (status, feed) = app.get_text("/groups/wg/calendar.ics").await;
    assert_eq!(status, 200);
    ics_check::assert_valid(&feed);
    let feed = unfold(&feed);
    let blocks = vevents(&feed, s["uid"].as_str().unwrap());
    assert_eq!(blocks.len(), 1, "{feed}");
    let exdates = prop(blocks[0], "EXDATE");
    let wanted: Vec<String> = gone
        .iter()
        .map(|o| {
            let rid = o["recurrence_id"].as_str().unwrap()[..16].replace(['-', ':'], "");
            format!("EXDATE;TZID=Europe/Madrid:{rid}00")
        })
        .collect();
    assert_eq!(exdates, wanted, "{feed}");
    for o in &gone {
        assert!(!feed.contains(&format!("UID:{}\r\n", o["uid"].as_str().unwrap())));
    }
    let shown: Vec<DateTime<Utc>> = occurrences
        .iter()
        .filter(|o| o["status"] != "cancelled")
        .map(|o| utc_of(&o["starts_at_utc"]))
        .collect();
    assert_eq!(expand(blocks[0]), shown, "a client's expansion");

    // A cancelled occurrence's own feed shows it, cancelled, where the series now puts it.
    let (status, own) = app
        .get_text(&format!("/meetings/{cancelled}/calendar.ics"))
        .await;
    assert_eq!(status, 200);
    ics_check::assert_valid(&own);
    let own = unfold(&own);
    let rid = gone[0]["recurrence_id"].as_str().unwrap()[..16].replace(['-', ':'], "");
    assert!(
        own.contains(&format!("DTSTART;TZID=Europe/Madrid:{rid}00\r\n")),
        "{own}"
    );
    assert!(own.contains("STATUS:CANCELLED\r\n"), "{own}");
}
