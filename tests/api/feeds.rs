//! Feeds: content rules, time zones across DST, conformance, and cheap polling.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, spawn_app_on, test_db, Db, MAIL_WAIT};
use crate::ics_check;
use crate::smtp::SmtpSink;

both_backends!(
    feeds_keep_cancelled_hide_drafts_and_private_links,
    times_agree_across_dst_in_many_zones,
    hostile_text_stays_valid_everywhere,
    polling_is_answered_from_cache_with_304_and_gzip,
    a_write_through_another_instance_is_seen_at_once,
);

async fn get(
    app: &crate::helpers::TestApp,
    path: &str,
) -> (u16, reqwest::header::HeaderMap, String) {
    let res = reqwest::Client::new()
        .get(app.url(path))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.text().await.unwrap())
}

async fn feeds_keep_cancelled_hide_drafts_and_private_links(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let kept = app
        .create_meeting(json!({"group": "ssr2", "title": "Kept meeting"}))
        .await;
    let cancelled = app
        .create_meeting(json!({"group": "ssr2", "title": "Called off"}))
        .await;
    app.create_meeting(json!({"group": "ssr2", "title": "Secret draft", "status": "draft"}))
        .await;
    app.create_meeting(json!({"group": "ssr2", "title": "Public link", "format": "online", "online_url": "https://public.example.org/join", "online_url_visibility": "public"})).await;
    app.create_meeting(json!({"group": "ssr2", "title": "Long ago", "starts_at": "2017-05-15T09:00", "ends_at": "2017-05-15T10:00"})).await;
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{}/cancel", cancelled["id"])))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);

    for path in [
        "/calendar.ics".to_string(),
        "/groups/ssr2/calendar.ics".into(),
    ] {
        let (status, headers, ics) = get(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(headers["content-type"], "text/calendar; charset=utf-8");
        ics_check::assert_valid(&ics);
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Kept meeting"));
        assert!(unfolded.contains("SUMMARY:Called off"));
        assert!(
            unfolded.contains("STATUS:CANCELLED"),
            "cancelled meetings stay"
        );
        assert!(!unfolded.contains("Secret draft"), "drafts never appear");
        assert!(
            !unfolded.contains("meet.example.org/ssr2"),
            "registrant-only URL never appears"
        );
        assert!(
            unfolded.contains("https://public.example.org/join"),
            "a public URL may"
        );
        assert!(!unfolded.contains("Long ago"), "outside the past window");
        assert!(unfolded.contains("X-WR-CALNAME:") && unfolded.contains("NAME:"));
        assert!(unfolded.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"));
        assert!(
            unfolded.contains("X-WR-TIMEZONE:Europe/Madrid"),
            "dominant zone"
        );
    }
    let (status, _, ics) = get(&app, &format!("/meetings/{}/calendar.ics", kept["id"])).await;
    assert_eq!(status, 200);
    ics_check::assert_valid(&ics);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert_eq!(get(&app, "/groups/nope/calendar.ics").await.0, 404);
    assert_eq!(get(&app, "/meetings/999999/calendar.ics").await.0, 404);

    // Pages offer subscriptions.
    let (_, page) = app.get_text(&format!("/meetings/{}", kept["id"])).await;
    assert!(page.contains("webcal://127.0.0.1:"));
    assert!(page.contains("https://calendar.google.com/calendar/render?action=TEMPLATE"));
    assert!(page.contains("https://outlook.live.com/calendar/0/deeplink/compose"));
    let (_, home) = app.get_text("/").await;
    assert!(home.contains("webcal://127.0.0.1:") && home.contains("addfromweb"));
}

async fn times_agree_across_dst_in_many_zones(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("tz").await;
    // Summer and winter, on both sides of each zone's changes; Lord Howe shifts by 30 minutes.
    let cases = [
        ("Europe/Madrid", "2027-01-20T14:00", "2027-01-20T13:00:00Z"),
        ("Europe/Madrid", "2027-07-20T14:00", "2027-07-20T12:00:00Z"),
        ("Europe/Madrid", "2027-03-27T14:00", "2027-03-27T13:00:00Z"),
        ("Europe/Madrid", "2027-03-28T14:00", "2027-03-28T12:00:00Z"),
        (
            "America/New_York",
            "2027-03-13T09:00",
            "2027-03-13T14:00:00Z",
        ),
        (
            "America/New_York",
            "2027-03-15T09:00",
            "2027-03-15T13:00:00Z",
        ),
        (
            "America/New_York",
            "2027-11-08T09:00",
            "2027-11-08T14:00:00Z",
        ),
        ("Asia/Kolkata", "2027-06-01T10:00", "2027-06-01T04:30:00Z"),
        (
            "Australia/Lord_Howe",
            "2027-01-10T10:00",
            "2027-01-09T23:00:00Z",
        ),
        (
            "Australia/Lord_Howe",
            "2027-07-10T10:00",
            "2027-07-09T23:30:00Z",
        ),
        (
            "Australia/Sydney",
            "2027-01-10T10:00",
            "2027-01-09T23:00:00Z",
        ),
        (
            "Australia/Sydney",
            "2027-07-10T10:00",
            "2027-07-10T00:00:00Z",
        ),
        (
            "America/Sao_Paulo",
            "2027-01-10T10:00",
            "2027-01-10T13:00:00Z",
        ),
        (
            "Africa/Johannesburg",
            "2027-06-25T09:00",
            "2027-06-25T07:00:00Z",
        ),
    ];
    let mut expected = Vec::new();
    for (zone, local, utc) in cases {
        let start = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
        let end = (start + chrono::Duration::hours(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string();
        let m = app
            .create_meeting(json!({"group": "tz", "format": "online", "timezone": zone, "starts_at": local, "ends_at": end, "title": format!("{zone} {local}")}))
            .await;
        assert_eq!(m["starts_at_utc"], utc, "{zone} {local}");
        expected.push((m["uid"].as_str().unwrap().to_string(), utc.to_string()));
    }
    let (_, _, ics) = get(&app, "/groups/tz/calendar.ics").await;
    ics_check::assert_valid(&ics);
    // The VTIMEZONE in the file and the tz database agree (event_instants checks both).
    let instants = ics_check::event_instants(&ics);
    for (uid, utc) in &expected {
        let got = instants.iter().find(|e| &e.uid == uid).unwrap();
        let want: DateTime<Utc> = utc.parse().unwrap();
        assert_eq!(got.start_utc, want, "{uid}");
    }
    for zone in [
        "Europe/Madrid",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "Australia/Sydney",
        "America/Sao_Paulo",
        "Africa/Johannesburg",
    ] {
        assert_eq!(
            ics.matches(&format!("TZID:{zone}\r\n")).count(),
            1,
            "one VTIMEZONE for {zone}"
        );
    }

    // The invite of a registrant agrees too.
    let lord_howe = expected[9].0.clone();
    let list: Value = app
        .get("/api/v1/meetings?group=tz&from=2027-07-09&to=2027-07-11")
        .await
        .json()
        .await
        .unwrap();
    let id = list["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["uid"] == lord_howe.as_str())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.register_api(id, "Ada", "ada@example.org", "remote")
        .await;
    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let cal = mail.calendar.unwrap().body;
    ics_check::assert_valid(&cal);
    let got = &ics_check::event_instants(&cal)[0];
    assert_eq!(
        got.start_utc,
        "2027-07-09T23:30:00Z".parse::<DateTime<Utc>>().unwrap()
    );
}

async fn hostile_text_stays_valid_everywhere(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let nasty = "Review; part 1, \"quoted\" \\ back\\slash\nnew line 🎉🇪🇸 <script>alert(1)</script> ünïcødé";
    let long = format!(
        "{} {}",
        nasty.replace('\n', " "),
        "very long title ".repeat(10)
    );
    let m = app
        .create_meeting(json!({
            "title": long.chars().take(200).collect::<String>(),
            "description": format!("{nasty}\n{}", "Ä".repeat(300)),
            "venue": "Café \"Zur Post\"; Saal 2, 1. OG",
            "city": "Köln, NRW",
            "country": "Deutschland 🇩🇪",
            "online_details": "PIN: 12;34,56 \\ ok",
        }))
        .await;
    let id = m["id"].as_i64().unwrap();
    app.register_api(
        id,
        "Zoë \"Zed\"; O'Brien, Jr. 🎉",
        "zoe@example.org",
        "remote",
    )
    .await;
    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    for ics in [
        mail.calendar.unwrap().body,
        get(&app, "/calendar.ics").await.2,
        get(&app, &format!("/meetings/{id}/calendar.ics")).await.2,
    ] {
        ics_check::assert_valid(&ics);
        let parsed: icalendar::Calendar = icalendar::parser::unfold(&ics).parse().unwrap();
        use icalendar::{Component, EventLike};
        let event = parsed.components.iter().find_map(|c| c.as_event()).unwrap();
        assert_eq!(
            event.get_summary(),
            Some(long.chars().take(200).collect::<String>().trim())
        );
        assert!(event
            .get_description()
            .unwrap()
            .contains("\"quoted\" \\ back\\slash\nnew line 🎉🇪🇸"));
        assert!(event
            .get_location()
            .unwrap()
            .starts_with("Café \"Zur Post\"; Saal 2, 1. OG, Köln, NRW"));
    }
    let (_, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(!mail.html.unwrap().contains("<script>alert(1)</script>"));
}

async fn polling_is_answered_from_cache_with_304_and_gzip(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"title": "First title"})).await;
    let client = reqwest::Client::builder().build().unwrap();
    let url = app.url("/calendar.ics");
    let res = client.get(&url).send().await.unwrap();
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let last_modified = res.headers()["last-modified"].to_str().unwrap().to_string();
    assert_eq!(res.headers()["vary"], "Accept-Encoding");
    let body = res.text().await.unwrap();

    let res = client
        .get(&url)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);
    assert!(res.text().await.unwrap().is_empty());
    let res = client
        .get(&url)
        .header("If-Modified-Since", &last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    let res = client
        .get(&url)
        .header("If-None-Match", "\"other\"")
        .header("If-Modified-Since", &last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        200,
        "If-None-Match wins over If-Modified-Since"
    );
    let res = client
        .get(&url)
        .header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);

    let res = client.head(&url).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);
    assert!(res.text().await.unwrap().is_empty());

    // gzip: the same bytes, compressed once and kept.
    let raw = reqwest::Client::builder().no_gzip().build().unwrap();
    let res = raw
        .get(&url)
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let gzip_etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert_ne!(
        gzip_etag, etag,
        "each encoding has its own strong validator"
    );
    let compressed = res.bytes().await.unwrap();
    let mut decoded = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&compressed[..]),
        &mut decoded,
    )
    .unwrap();
    assert_eq!(decoded, body);
    let again = raw
        .get(&url)
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(again, compressed, "served from the cache");
    let res = raw
        .get(&url)
        .header("Accept-Encoding", "gzip")
        .header("If-None-Match", &gzip_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    let plain = raw
        .get(&url)
        .header("Accept-Encoding", "gzip;q=0")
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());

    // A write changes the version: the old ETag no longer matches and the body is new.
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", m["id"]),
            &json!({"title": "Second title"}),
        )
        .await;
    assert_eq!(status, 200);
    let res = client
        .get(&url)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_ne!(res.headers()["etag"].to_str().unwrap(), etag);
    assert!(res.text().await.unwrap().contains("SUMMARY:Second title"));
}

async fn a_write_through_another_instance_is_seen_at_once(db: Db) {
    if db == Db::Sqlite {
        return; // several instances share a database only on PostgreSQL
    }
    let Some(test_db) = test_db(db) else { return };
    let test_db = Arc::new(test_db);
    let smtp = Arc::new(SmtpSink::start());
    let a = spawn_app_on(db, test_db.clone(), smtp.clone(), |_| {}).await;
    let b = spawn_app_on(db, test_db.clone(), smtp.clone(), |_| {}).await;
    let m = a.create_meeting(json!({"title": "Before"})).await;
    let (_, _, first) = get(&b, "/calendar.ics").await;
    assert!(first.contains("SUMMARY:Before"));
    // B keeps the meeting's row for its page too.
    let page = format!("/meetings/{}", m["id"]);
    assert!(b.get_text(&page).await.1.contains("Before"));
    for round in 0..5 {
        let title = format!("After {round}");
        let (status, _) = a
            .staff_patch(
                &format!("/api/v1/meetings/{}", m["id"]),
                &json!({"title": title}),
            )
            .await;
        assert_eq!(status, 200);
        // The listener needs a moment to hear of it; allow at most 200 ms.
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_millis(200);
        loop {
            let (_, _, feed) = get(&b, "/calendar.ics").await;
            let html = b.get_text(&page).await.1;
            if feed.contains(&format!("SUMMARY:{title}")) && html.contains(&title) {
                break;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "instance B still serves a stale feed or meeting page after 200 ms"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }
}
