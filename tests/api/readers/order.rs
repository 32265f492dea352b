//! Files read one after another by one reader process, in different orders.

use std::collections::BTreeMap;

use serde_json::json;

use super::harness::*;
use crate::helpers::{spawn_app, Db, MAIL_WAIT};

/// One Radicale process keeps the first VTIMEZONE it sees for a TZID. A New York feed whose
/// meeting is in July, then a Madrid series across DST, then a New York series in winter; and
/// the same three in the reverse order: in both orders every event must stay where the JSON
/// API has it, whatever the first New York VTIMEZONE covered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn radicale_keeps_the_first_vtimezone_and_every_order_stays_true() {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    for g in ["ny-summer", "madrid", "ny-winter"] {
        app.create_group(g).await;
    }
    let july = app
        .create_meeting(json!({"group": "ny-summer", "title": "New York in July", "timezone": "America/New_York",
                               "starts_at": "2027-07-20T09:00", "ends_at": "2027-07-20T10:00"}))
        .await;
    let madrid = create_series(
        &app,
        json!({"group": "madrid", "title": "Madrid weekly", "timezone": "Europe/Madrid",
               "first_start": "2027-03-10T14:00", "duration_minutes": 60, "weekdays": ["WE"], "count": 6}),
    )
    .await;
    let winter = create_series(
        &app,
        json!({"group": "ny-winter", "title": "New York winter weekly", "timezone": "America/New_York",
               "first_start": "2027-11-10T09:00", "duration_minutes": 60, "weekdays": ["WE"], "count": 8}),
    )
    .await;
    let names: BTreeMap<String, String> = [
        (&july, "New York July meeting"),
        (&madrid, "Madrid series"),
        (&winter, "New York winter series"),
    ]
    .iter()
    .map(|(v, n)| (v["uid"].as_str().unwrap().to_string(), n.to_string()))
    .collect();
    let july_feed = CalFile {
        label: "New York July meeting feed".into(),
        text: feed(&app, &format!("/meetings/{}/calendar.ics", july["id"])).await,
        expected: meeting_instances(&july),
    };
    let madrid_feed = CalFile {
        label: "Madrid series feed".into(),
        text: feed(&app, "/groups/madrid/calendar.ics").await,
        expected: series_instances(&madrid),
    };
    let winter_feed = CalFile {
        label: "New York winter series feed".into(),
        text: feed(&app, "/groups/ny-winter/calendar.ics").await,
        expected: series_instances(&winter),
    };
    // assert_readers_agree reads them in this order and (vobject) in the reverse one.
    assert_readers_agree(
        "New York July, Madrid, New York winter",
        vec![july_feed, madrid_feed, winter_feed],
        names,
    )
    .await;
}

/// Casablanca is +01, but +00 in Ramadan (7 February to 14 March 2027). A May meeting's feed
/// and invite, each read by a fresh vobject with nothing registered before, must put it at
/// 09:00 UTC (10:00 local). vobject leaves out a VTIMEZONE that it finds equal to UTC (zero
/// offset on 2000-01-01, no DST change in 2000-2019), and its times then float: Radicale
/// reads them as UTC.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vobject_reads_a_casablanca_meeting_in_may_at_its_instant() {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let may = app
        .create_meeting(
            json!({"title": "Casablanca in May", "timezone": "Africa/Casablanca",
                               "starts_at": "2027-05-12T10:00", "ends_at": "2027-05-12T11:00"}),
        )
        .await;
    assert_eq!(may["starts_at_utc"], "2027-05-12T09:00:00Z", "{may}");
    let (status, body) = app
        .staff_post(
            &format!("/api/v1/meetings/{}/registrations", may["id"]),
            &json!({"name": "Observer", "email": "may@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let names = BTreeMap::from([(
        may["uid"].as_str().unwrap().to_string(),
        "Casablanca May meeting".to_string(),
    )]);
    let files = vec![
        CalFile {
            label: "May meeting feed".into(),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", may["id"])).await,
            expected: meeting_instances(&may),
        },
        CalFile {
            label: "May meeting invite".into(),
            text: mail.calendar.expect("an invite").body,
            expected: meeting_instances(&may),
        },
    ];
    assert_readers_agree("Africa/Casablanca in May", files, names).await;
}

// The harness itself, on calendars written by hand whose instants are known.
