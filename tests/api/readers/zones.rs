//! Each zone of the issue: a one-off meeting, two days around a change of offset and a weekly
//! series across one, read in every feed and invite by every reader.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::harness::*;
use crate::helpers::{spawn_app, Db, MAIL_WAIT};

/// What one zone's case creates: a one-off meeting, two days around a change of offset, and a
/// weekly series across one (wall times in the zone).
struct ZoneCase {
    zone: &'static str,
    one_off: (&'static str, &'static str),
    days: [(&'static str, &'static str); 2],
    series_first_start: &'static str,
    series_weekday: &'static str,
}

/// Creates the zone's meetings through the JSON API, registers for each (one invite each),
/// then reads the group feed, `/calendar.ics`, every meeting feed (the series' occurrences'
/// too) and every invite with every reader. The series has a cancelled occurrence (an EXDATE)
/// and a moved one (a RECURRENCE-ID override).
async fn zone_case(case: ZoneCase) {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let zone = case.zone;
    let group = zone.to_lowercase().replace(['/', '_'], "-");
    app.create_group(&group).await;
    let one_off = app
        .create_meeting(
            json!({"group": group, "title": format!("{zone} one-off"), "timezone": zone,
                               "starts_at": case.one_off.0, "ends_at": case.one_off.1}),
        )
        .await;
    let days: Vec<Value> = case
        .days
        .iter()
        .map(|(s, e)| json!({"starts_at": s, "ends_at": e}))
        .collect();
    let two_days = app
        .create_meeting(
            json!({"group": group, "title": format!("{zone} two days"), "timezone": zone,
                               "days": days, "starts_at": null, "ends_at": null}),
        )
        .await;
    let series = create_series(
        &app,
        json!({"group": group, "title": format!("{zone} weekly"), "timezone": zone,
               "first_start": case.series_first_start, "duration_minutes": 90,
               "weekdays": [case.series_weekday], "count": 6}),
    )
    .await;
    let occurrences = series["occurrences"].as_array().unwrap().clone();
    assert_eq!(occurrences.len(), 6, "{series}");
    // One occurrence called off, one moved two hours later on its day.
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{}/cancel", occurrences[1]["id"])))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let moved = &occurrences[4];
    let day = &moved["recurrence_id"].as_str().unwrap()[..10];
    let time = &moved["recurrence_id"].as_str().unwrap()[11..16];
    let hour: u32 = time[..2].parse().unwrap();
    let (status, m) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", moved["id"]),
            &json!({"starts_at": format!("{day}T{:02}{}", hour + 2, &time[2..]),
                    "ends_at": format!("{day}T{:02}{}", hour + 3, &time[2..])}),
        )
        .await;
    assert_eq!(status, 200, "{m}");

    // One registration each: three invites.
    for (path, email) in [
        (
            format!("/api/v1/meetings/{}/registrations", one_off["id"]),
            "one-off@example.org",
        ),
        (
            format!("/api/v1/meetings/{}/registrations", two_days["id"]),
            "two-days@example.org",
        ),
        (
            format!("/api/v1/series/{}/registrations", series["id"]),
            "series@example.org",
        ),
    ] {
        let (status, body) = app
            .staff_post(
                &path,
                &json!({"name": "Observer", "email": email, "attendance": "remote"}),
            )
            .await;
        assert_eq!(status, 201, "{path}: {body}");
    }
    let mails = app.smtp.wait_for(3, MAIL_WAIT).await;
    let invite = |email: &str| -> String {
        let mail = mails
            .iter()
            .find(|m| m.envelope_to == [email.to_string()])
            .unwrap_or_else(|| panic!("no mail to {email}"));
        mail.calendar
            .as_ref()
            .unwrap_or_else(|| panic!("the mail to {email} has no invite"))
            .body
            .clone()
    };

    // The truth: the JSON API, after every change.
    let one_off = app.meeting(one_off["id"].as_i64().unwrap()).await;
    let two_days = app.meeting(two_days["id"].as_i64().unwrap()).await;
    let series = series_json(&app, &series["id"]).await;
    let mut names = BTreeMap::new();
    for (m, what) in [
        (&one_off, "one-off meeting"),
        (&two_days, "two-day meeting"),
        (&series, "weekly series"),
    ] {
        names.insert(
            m["uid"].as_str().unwrap().to_string(),
            format!("{zone} {what}"),
        );
    }
    let everything: Vec<Expected> = [
        meeting_instances(&one_off),
        meeting_instances(&two_days),
        series_instances(&series),
    ]
    .concat();
    let mut files = vec![
        CalFile {
            label: "group feed".into(),
            text: feed(&app, &format!("/groups/{group}/calendar.ics")).await,
            expected: everything.clone(),
        },
        CalFile {
            label: "/calendar.ics".into(),
            text: feed(&app, "/calendar.ics").await,
            expected: everything,
        },
    ];
    for (m, what) in [(&one_off, "one-off"), (&two_days, "two-day")] {
        files.push(CalFile {
            label: format!("{what} meeting feed"),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", m["id"])).await,
            expected: meeting_instances(m),
        });
    }
    for (n, o) in series["occurrences"].as_array().unwrap().iter().enumerate() {
        names.insert(
            o["uid"].as_str().unwrap().to_string(),
            format!("{zone} series occurrence {}", n + 1),
        );
        files.push(CalFile {
            label: format!("occurrence {} feed", n + 1),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", o["id"])).await,
            expected: meeting_instances(o),
        });
    }
    files.extend([
        CalFile {
            label: "one-off invite".into(),
            text: invite("one-off@example.org"),
            expected: meeting_instances(&one_off),
        },
        CalFile {
            label: "two-day invite".into(),
            text: invite("two-days@example.org"),
            expected: meeting_instances(&two_days),
        },
        CalFile {
            label: "series invite".into(),
            text: invite("series@example.org"),
            expected: series_instances(&series),
        },
    ]);
    assert_readers_agree(zone, files, names).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_madrid() {
    // Summer (only CEST near it); 27/28 March around the change to CEST, the second day
    // shorter (an override); Wednesdays from 10 March to 14 April.
    zone_case(ZoneCase {
        zone: "Europe/Madrid",
        one_off: ("2027-07-15T10:00", "2027-07-15T12:00"),
        days: [
            ("2027-03-27T09:00", "2027-03-27T18:00"),
            ("2027-03-28T10:00", "2027-03-28T14:00"),
        ],
        series_first_start: "2027-03-10T14:00",
        series_weekday: "WE",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_new_york() {
    // July (only EDT near it); 6/7 November around the end of EDT, the same hours (no
    // override); Thursdays from 21 October to 25 November.
    zone_case(ZoneCase {
        zone: "America/New_York",
        one_off: ("2027-07-20T09:00", "2027-07-20T10:00"),
        days: [
            ("2027-11-06T09:00", "2027-11-06T17:00"),
            ("2027-11-07T09:00", "2027-11-07T17:00"),
        ],
        series_first_start: "2027-10-21T09:30",
        series_weekday: "TH",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_kolkata() {
    // No DST at all (+05:30): the weekend Europe changes, and Mondays in March.
    zone_case(ZoneCase {
        zone: "Asia/Kolkata",
        one_off: ("2027-03-28T15:00", "2027-03-28T16:00"),
        days: [
            ("2027-10-30T10:00", "2027-10-30T17:00"),
            ("2027-10-31T09:00", "2027-10-31T13:00"),
        ],
        series_first_start: "2027-03-01T18:30",
        series_weekday: "MO",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_on_lord_howe() {
    // A 30-minute DST: +11 until 4 April 2027, +10:30 until 3 October. The morning after the
    // April change; 2/3 October around the October one; Tuesdays from 16 March to 20 April.
    zone_case(ZoneCase {
        zone: "Australia/Lord_Howe",
        one_off: ("2027-04-04T09:00", "2027-04-04T10:00"),
        days: [
            ("2027-10-02T09:00", "2027-10-02T17:00"),
            ("2027-10-03T09:00", "2027-10-03T17:00"),
        ],
        series_first_start: "2027-03-16T10:00",
        series_weekday: "TU",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_sao_paulo() {
    // No DST since 2019 (-03 all year): dates in the season that was summer time until then.
    zone_case(ZoneCase {
        zone: "America/Sao_Paulo",
        one_off: ("2027-11-10T10:00", "2027-11-10T11:00"),
        days: [
            ("2027-11-06T09:00", "2027-11-06T17:00"),
            ("2027-11-07T10:00", "2027-11-07T12:00"),
        ],
        series_first_start: "2027-10-20T10:00",
        series_weekday: "WE",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_casablanca() {
    // +01, but +00 during Ramadan (7 February to 14 March 2027): May; 13/14 March around the
    // return to +01; Mondays from 25 January to 1 March, across the change to +00.
    zone_case(ZoneCase {
        zone: "Africa/Casablanca",
        one_off: ("2027-05-12T10:00", "2027-05-12T11:00"),
        days: [
            ("2027-03-13T09:00", "2027-03-13T17:00"),
            ("2027-03-14T09:00", "2027-03-14T17:00"),
        ],
        series_first_start: "2027-01-25T10:00",
        series_weekday: "MO",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_on_chatham() {
    // +12:45 and +13:45 (until 4 April, from 26 September 2027): just after the September
    // change; 3/4 April around the April one; Fridays from 10 September to 15 October.
    zone_case(ZoneCase {
        zone: "Pacific/Chatham",
        one_off: ("2027-09-28T09:00", "2027-09-28T10:00"),
        days: [
            ("2027-04-03T09:00", "2027-04-03T17:00"),
            ("2027-04-04T09:00", "2027-04-04T17:00"),
        ],
        series_first_start: "2027-09-10T09:00",
        series_weekday: "FR",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_vancouver() {
    // The day after PDT starts (14 March 2027); 13/14 March around it, the second day shorter;
    // Tuesdays from 2 November to 7 December, across the end of PDT.
    zone_case(ZoneCase {
        zone: "America/Vancouver",
        one_off: ("2027-03-15T09:00", "2027-03-15T10:00"),
        days: [
            ("2027-03-13T09:00", "2027-03-13T17:00"),
            ("2027-03-14T10:00", "2027-03-14T12:00"),
        ],
        series_first_start: "2027-11-02T16:00",
        series_weekday: "TU",
    })
    .await;
}
