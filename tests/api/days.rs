//! Multi-day meetings: each day with its own hours, shown as one block per day by every
//! calendar (checked by expanding the emitted calendars with the `rrule` crate), listed day
//! by day in pages and mails, checked in per day, and kept in sync when a day moves.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp, MAIL_WAIT};
use crate::ics_check;

both_backends!(
    every_client_sees_one_block_per_day_across_dst,
    days_are_checked,
    a_registrant_gets_every_day_and_follows_a_moved_day,
    check_in_per_day_with_a_csv_column_each,
    the_staff_form_adds_and_removes_days_without_javascript,
);

/// The UTC (start, end) of every day, from the JSON API.
fn json_days(m: &Value) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    m["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["starts_at_utc"].as_str().unwrap().parse().unwrap(),
                d["ends_at_utc"].as_str().unwrap().parse().unwrap(),
            )
        })
        .collect()
}

/// The instances of `uid` in a calendar as a client computes them: the master's DTSTART,
/// RRULE and EXDATEs expanded by the `rrule` crate (an independent implementation), each
/// lasting as long as the master, then every RECURRENCE-ID override put in its instance's place.
fn expand(ics: &str, uid: &str) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    ics_check::assert_valid(ics);
    let unfolded = ics.replace("\r\n ", "");
    let master = unfolded
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|b| b.split("END:VEVENT\r\n").next().unwrap())
        .find(|b| b.contains(&format!("UID:{uid}\r\n")) && !b.contains("RECURRENCE-ID"))
        .unwrap_or_else(|| panic!("no master for {uid} in {ics}"));
    let mut rule = String::new();
    for line in master.split("\r\n") {
        if ["DTSTART", "RRULE", "EXDATE"]
            .iter()
            .any(|p| line.starts_with(&format!("{p}:")) || line.starts_with(&format!("{p};")))
        {
            rule.push_str(line);
            rule.push('\n');
        }
    }
    if !rule.contains("RRULE") {
        rule.push_str("RRULE:FREQ=DAILY;COUNT=1\n");
    }
    let set: rrule::RRuleSet = rule
        .trim_end()
        .parse()
        .unwrap_or_else(|e| panic!("{e}: {rule}"));
    let events = ics_check::event_instants(ics);
    let events: Vec<_> = events.iter().filter(|e| e.uid == uid).collect();
    let head = events.iter().find(|e| e.recurrence_id.is_none()).unwrap();
    let length = head.end_utc.unwrap() - head.start_utc;
    let overrides: Vec<_> = events
        .iter()
        .filter(|e| e.recurrence_id.is_some())
        .collect();
    set.all(100)
        .dates
        .into_iter()
        .map(|d| {
            let start = d.with_timezone(&Utc);
            let local = d.format("%Y%m%dT%H%M%S").to_string();
            match overrides
                .iter()
                .find(|o| o.recurrence_id.as_deref() == Some(local.as_str()))
            {
                Some(o) => (o.start_utc, o.end_utc.unwrap()),
                None => (start, start + length),
            }
        })
        .collect()
}

async fn two_day_madrid(app: &TestApp) -> Value {
    app.create_meeting(json!({
        "title": "Face-to-face, Madrid",
        "days": [
            {"starts_at": "2027-03-26T09:00", "ends_at": "2027-03-26T18:00"},
            {"starts_at": "2027-03-27T09:00", "ends_at": "2027-03-27T18:00"},
            {"starts_at": "2027-03-29T10:00", "ends_at": "2027-03-29T13:30"},
        ],
        "starts_at": null, "ends_at": null,
    }))
    .await
}

async fn every_client_sees_one_block_per_day_across_dst(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    // Madrid: a gap on the 28th (the clocks go forward), and a shorter third day.
    let madrid = two_day_madrid(&app).await;
    assert_eq!(madrid["starts_at"], "2027-03-26T09:00:00+01:00");
    assert_eq!(madrid["ends_at"], "2027-03-29T13:30:00+02:00");
    let days = json_days(&madrid);
    assert_eq!(days.len(), 3);
    assert_eq!(days[2].0.to_rfc3339(), "2027-03-29T08:00:00+00:00");
    // New York: the same hours on both sides of the end of summer time.
    let york = app
        .create_meeting(json!({
            "title": "New York workshop", "timezone": "America/New_York",
            "days": [
                {"starts_at": "2027-11-06T09:00", "ends_at": "2027-11-06T17:00"},
                {"starts_at": "2027-11-07T09:00", "ends_at": "2027-11-07T17:00"},
            ],
            "starts_at": null, "ends_at": null,
        }))
        .await;
    let york_days = json_days(&york);
    assert_eq!(york_days[0].0.to_rfc3339(), "2027-11-06T13:00:00+00:00");
    assert_eq!(york_days[1].0.to_rfc3339(), "2027-11-07T14:00:00+00:00");

    for (m, expected) in [(&madrid, &days), (&york, &york_days)] {
        let uid = m["uid"].as_str().unwrap();
        let (status, feed) = app
            .get_text(&format!("/meetings/{}/calendar.ics", m["id"]))
            .await;
        assert_eq!(status, 200);
        assert_eq!(&expand(&feed, uid), expected, "{feed}");
        let (_, all) = app.get_text("/calendar.ics").await;
        assert_eq!(&expand(&all, uid), expected);
        // Never one block across the nights.
        for (s, e) in expand(&feed, uid) {
            assert!(e - s <= chrono::Duration::hours(10));
        }
    }
    // Days with the first day's hours need no override; a day with other hours has one.
    let (_, york_feed) = app
        .get_text(&format!("/meetings/{}/calendar.ics", york["id"]))
        .await;
    assert!(!york_feed.contains("RECURRENCE-ID"));
    let (_, feed) = app
        .get_text(&format!("/meetings/{}/calendar.ics", madrid["id"]))
        .await;
    assert!(
        feed.contains("EXDATE;TZID=Europe/Madrid:20270328T090000"),
        "{feed}"
    );
    assert!(feed.contains("RECURRENCE-ID;TZID=Europe/Madrid:20270329T090000"));

    // The page lists each day; web-calendar links that would make one block are not offered.
    let (_, page) = app.get_text(&format!("/meetings/{}", madrid["id"])).await;
    assert!(
        page.contains("Friday, 26 March 2027, 09:00–18:00 CET"),
        "{page}"
    );
    assert!(page.contains("Monday, 29 March 2027, 10:00–13:30 CEST"));
    assert!(page.contains("Monday, 29 March 2027, 08:00–11:30 UTC"));
    assert!(!page.contains("calendar.google.com"));

    // Cancelling cancels every day: the feed keeps the meeting, cancelled.
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{}/cancel", madrid["id"])))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let (_, feed) = app
        .get_text(&format!("/meetings/{}/calendar.ics", madrid["id"]))
        .await;
    ics_check::assert_valid(&feed);
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 2);
    assert_eq!(feed.matches("STATUS:CANCELLED").count(), 2, "{feed}");
}

async fn days_are_checked(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let day = |s: &str, e: &str| json!({"starts_at": s, "ends_at": e});
    let fifteen: Vec<Value> = (1..=15)
        .map(|d| {
            day(
                &format!("2027-05-{d:02}T09:00"),
                &format!("2027-05-{d:02}T10:00"),
            )
        })
        .collect();
    let base = json!({"group": "ssr2", "title": "T", "format": "online", "timezone": "Europe/Madrid",
                      "online_url": "https://meet.example.org/x", "status": "published"});
    let bad: Vec<Value> = vec![
        json!({"days": []}),
        json!({"days": fifteen}),
        json!({"days": [day("2027-05-15T09:00", "2027-05-16T01:00")]}),
        json!({"days": [day("2027-05-15T09:00", "2027-05-15T08:00")]}),
        json!({"days": [day("2027-05-16T09:00", "2027-05-16T17:00"), day("2027-05-15T09:00", "2027-05-15T17:00")]}),
        json!({"days": [day("2027-05-15T09:00", "2027-05-15T17:00"), day("2027-05-15T18:00", "2027-05-15T19:00")]}),
        json!({"days": [day("2027-03-28T02:30", "2027-03-28T17:00")]}),
        json!({"days": [{"starts_at": "tomorrow"}]}),
        json!({"days": [day("2027-05-15T09:00", "2027-05-15T17:00"), day("2027-05-16T09:00", "2027-05-16T13:00")],
               "starts_at": "2027-05-15T10:00", "ends_at": "2027-05-16T13:00"}),
    ];
    for extra in bad {
        let mut body = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, res) = app.staff_post("/api/v1/meetings", &body).await;
        assert_eq!(status, 422, "{body} -> {res}");
        assert!(res["error"]["fields"]["days"].is_string(), "{res}");
    }
    // Matching starts_at/ends_at beside days are fine; one day is a one-day meeting.
    let mut body = base.clone();
    body["days"] = json!([
        day("2027-05-15T09:00", "2027-05-15T17:00"),
        day("2027-05-16T09:00", "2027-05-16T13:00")
    ]);
    body["starts_at"] = json!("2027-05-15T09:00");
    body["ends_at"] = json!("2027-05-16T13:00");
    let (status, m) = app.staff_post("/api/v1/meetings", &body).await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["days"].as_array().unwrap().len(), 2);
    let one = app.create_meeting(json!({})).await;
    assert_eq!(one["days"].as_array().unwrap().len(), 1);
    assert_eq!(one["days"][0]["starts_at"], one["starts_at"]);
}

async fn a_registrant_gets_every_day_and_follows_a_moved_day(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = two_day_madrid(&app).await;
    let id = m["id"].as_i64().unwrap();
    let uid = m["uid"].as_str().unwrap().to_string();
    let (status, reg) = app
        .register_api(id, "Ada", "ada@example.org", "in_person")
        .await;
    assert_eq!(status, 201, "{reg}");
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let text = mails[0].text.as_ref().unwrap();
    for line in [
        "Friday, 26 March 2027, 09:00–18:00 CET",
        "Saturday, 27 March 2027, 09:00–18:00 CET",
        "Monday, 29 March 2027, 10:00–13:30 CEST",
        "Monday, 29 March 2027, 08:00–11:30 UTC",
    ] {
        assert!(text.contains(line), "{line} in {text}");
        assert!(mails[0].html.as_ref().unwrap().contains(line));
    }
    let invite = &mails[0].calendar.as_ref().unwrap().body;
    assert_eq!(expand(invite, &uid), json_days(&m));
    assert!(invite.contains("SEQUENCE:0"));

    // The second day moves: one update, SEQUENCE raised, the new hours everywhere.
    let (status, moved) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"days": [
                {"starts_at": "2027-03-26T09:00", "ends_at": "2027-03-26T18:00"},
                {"starts_at": "2027-03-27T14:00", "ends_at": "2027-03-27T19:00"},
                {"starts_at": "2027-03-29T10:00", "ends_at": "2027-03-29T13:30"},
            ]}),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["days"][1]["starts_at_utc"], "2027-03-27T13:00:00Z");
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let update = mails
        .iter()
        .find(|m| m.subject.starts_with("Meeting updated"))
        .unwrap();
    let cal = update.calendar.as_ref().unwrap();
    assert_eq!(cal.method_param.as_deref(), Some("REQUEST"));
    assert!(cal.body.contains("SEQUENCE:1"));
    assert_eq!(expand(&cal.body, &uid), json_days(&moved));
    // The manage page lists the days too.
    let manage = reg["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let (_, page) = app.get_text(&manage).await;
    assert!(
        page.contains("Saturday, 27 March 2027, 14:00–19:00 CET"),
        "{page}"
    );
    let (_, download) = app.get_text(&format!("{manage}/invite.ics")).await;
    assert_eq!(expand(&download, &uid), json_days(&moved));
}

async fn check_in_per_day_with_a_csv_column_each(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = two_day_madrid(&app).await;
    let id = m["id"].as_i64().unwrap();
    app.register_api(id, "Ada", "ada@example.org", "in_person")
        .await;
    app.register_api(id, "Bob", "bob@example.org", "in_person")
        .await;
    app.add_staff(
        "org@example.org",
        quorum::auth::Role::Organizer,
        "a long enough password",
    )
    .await;
    let browser = app
        .staff_browser("org@example.org", "a long enough password")
        .await;
    let list = format!("/staff/meetings/{id}/registrations");
    let listed: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ada = listed["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == "ada@example.org")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // Ada came on the second day only.
    let res = app
        .staff_form(
            &browser,
            &list,
            &format!("/staff/registrations/{ada}/check-in"),
            &[("day", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // A day the meeting does not have is refused.
    let res = app
        .staff_form(
            &browser,
            &list,
            &format!("/staff/registrations/{ada}/check-in"),
            &[("day", "3")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);

    let csv = browser
        .get(app.url(&format!("{list}.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let cols = [
        "checked_in_2027-03-26",
        "checked_in_2027-03-27",
        "checked_in_2027-03-29",
    ];
    assert_eq!(&head[head.len() - 3..], &cols, "{csv}");
    let row = lines.find(|l| l.contains("ada@example.org")).unwrap();
    let cells: Vec<&str> = row.split(',').collect();
    let n = cells.len();
    assert_eq!(cells[n - 3], "\"\"");
    assert!(cells[n - 2].len() > 10, "{row}");
    assert_eq!(cells[n - 1], "\"\"");
    let bob = lines.next().map(|_| ()).is_some() || csv.contains("bob@example.org");
    assert!(bob);

    let listed: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = listed["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == ada)
        .unwrap();
    assert!(entry["checked_in_at"].is_null(), "the first day: not there");
    assert!(entry["check_ins"]["2027-03-27"].is_string(), "{entry}");
}

async fn the_staff_form_adds_and_removes_days_without_javascript(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let pw = "a long enough password";
    app.add_staff("org@example.org", quorum::auth::Role::Organizer, pw)
        .await;
    let b = app.staff_browser("org@example.org", pw).await;
    let new = "/staff/meetings/new";
    let base = [
        ("group", "ssr2"),
        ("title", "Johannesburg"),
        ("format", "in_person"),
        ("timezone", "Africa/Johannesburg"),
        ("venue", "Hotel"),
        ("city", "Johannesburg"),
        ("status", "published"),
    ];
    // "Add a day" from a one-day form: the form comes back with two days, nothing saved.
    let mut add = base.to_vec();
    add.extend([
        ("starts_at", "2027-06-25T09:00"),
        ("ends_at", "2027-06-25T18:00"),
        ("add_day", "1"),
    ]);
    let res = app.staff_form(&b, new, new, &add).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("name=\"day2_starts_at\" type=\"datetime-local\" value=\"2027-06-26T09:00\""),
        "{page}"
    );
    assert!(page.contains("value=\"Johannesburg\""), "values kept");
    // Three days, then the third removed, then saved with a shorter second day.
    let mut three = base.to_vec();
    three.extend([
        ("day1_starts_at", "2027-06-25T09:00"),
        ("day1_ends_at", "2027-06-25T18:00"),
        ("day2_starts_at", "2027-06-26T09:00"),
        ("day2_ends_at", "2027-06-26T18:00"),
        ("day3_starts_at", "2027-06-27T09:00"),
        ("day3_ends_at", "2027-06-27T18:00"),
        ("remove_day", "3"),
    ]);
    let res = app.staff_form(&b, new, new, &three).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("day2_ends_at") && !page.contains("day3_starts_at"));
    let mut save = base.to_vec();
    save.extend([
        ("day1_starts_at", "2027-06-25T09:00"),
        ("day1_ends_at", "2027-06-25T18:00"),
        ("day2_starts_at", "2027-06-26T09:00"),
        ("day2_ends_at", "2027-06-26T13:00"),
    ]);
    let res = app.staff_form(&b, new, new, &save).await;
    assert_eq!(res.status().as_u16(), 303);
    let id: i64 = crate::helpers::location(&res)
        .trim_start_matches("/staff/meetings/")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let m = app.meeting(id).await;
    assert_eq!(m["days"][1]["ends_at"], "2027-06-26T13:00:00+02:00", "{m}");
    // The edit form shows the days; a bad day is an error beside the days.
    let edit = format!("/staff/meetings/{id}/edit");
    let (_, form) = (
        200,
        b.get(app.url(&edit))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(form.contains("value=\"2027-06-26T13:00\""), "{form}");
    let mut bad = base.to_vec();
    bad.extend([
        ("day1_starts_at", "2027-06-25T09:00"),
        ("day1_ends_at", "2027-06-25T18:00"),
        ("day2_starts_at", "2027-06-24T09:00"),
        ("day2_ends_at", "2027-06-24T13:00"),
    ]);
    let res = app.staff_form(&b, &edit, &edit, &bad).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("later and later dates"));
}
