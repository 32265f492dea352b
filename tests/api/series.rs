//! Weekly series: the emitted rule expands to exactly Quorum's occurrences, overrides and
//! exceptions appear once, registration for a whole series, and splitting.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp, MAIL_WAIT};
use crate::ics_check;

both_backends!(
    rule_expansion_equals_quorums_occurrences_across_dst,
    whole_series_registration_gets_one_invite_kept_in_sync,
    a_change_from_a_date_splits_the_series,
    series_input_is_checked,
);

/// Creates a series; registrations are made at once unless `body` asks for verification.
pub(crate) async fn create_series(app: &TestApp, mut body: Value) -> Value {
    if body.get("verify_email").is_none() {
        body["verify_email"] = json!(false);
    }
    let (status, s) = app.staff_post("/api/v1/series", &body).await;
    assert_eq!(status, 201, "{s}");
    s
}

pub(crate) fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

/// The VEVENT blocks of a calendar with this UID.
pub(crate) fn vevents<'a>(ics: &'a str, uid: &str) -> Vec<&'a str> {
    ics.split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|b| b.split("END:VEVENT\r\n").next().unwrap())
        .filter(|b| b.contains(&format!("UID:{uid}\r\n")))
        .collect()
}

pub(crate) fn prop<'a>(block: &'a str, name: &str) -> Vec<&'a str> {
    block
        .split("\r\n")
        .filter(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
        .collect()
}

/// Expands the master with the `rrule` crate (an independent implementation) to UTC instants.
pub(crate) fn expand(master: &str) -> Vec<DateTime<Utc>> {
    let mut text = String::new();
    for name in ["DTSTART", "RRULE", "EXDATE"] {
        for line in prop(master, name) {
            text.push_str(line);
            text.push('\n');
        }
    }
    let set: rrule::RRuleSet = text
        .trim_end()
        .parse()
        .unwrap_or_else(|e| panic!("{e}: {text}"));
    set.all(2000)
        .dates
        .into_iter()
        .map(|d| d.with_timezone(&Utc))
        .collect()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

async fn rule_expansion_equals_quorums_occurrences_across_dst(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let madrid = create_series(
        &app,
        json!({"group": "ssr2", "title": "Weekly call", "format": "online", "timezone": "Europe/Madrid",
               "first_start": "2027-01-06T14:00", "duration_minutes": 90, "weekdays": ["WE"], "count": 104,
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    let york = create_series(
        &app,
        json!({"group": "ssr2", "title": "Biweekly NY call", "format": "online", "timezone": "America/New_York",
               "first_start": "2027-01-04T09:30", "duration_minutes": 60, "interval_weeks": 2, "weekdays": ["MO", "TH"],
               "until": "2028-12-31", "online_url": "https://meet.example.org/ny", "status": "published"}),
    )
    .await;
    let occ = madrid["occurrences"].as_array().unwrap();
    assert_eq!(occ.len(), 104);
    // 14:00 in Madrid all year: the UTC instant moves with DST, the wall time does not.
    for o in occ {
        let local = o["starts_at"].as_str().unwrap();
        assert!(
            local.contains("T14:00:00+01:00") || local.contains("T14:00:00+02:00"),
            "{local}"
        );
    }
    assert!(occ
        .iter()
        .any(|o| o["starts_at_utc"].as_str().unwrap().ends_with("T13:00:00Z")));
    assert!(occ
        .iter()
        .any(|o| o["starts_at_utc"].as_str().unwrap().ends_with("T12:00:00Z")));

    // One occurrence cancelled, one moved (it becomes an override).
    let cancelled = occ[10]["id"].as_i64().unwrap();
    let moved = occ[20]["id"].as_i64().unwrap();
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{cancelled}/cancel")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let moved_day = occ[20]["recurrence_id"].as_str().unwrap()[..10].to_string();
    let (status, m) = app
        .staff_patch(&format!("/api/v1/meetings/{moved}"), &json!({"starts_at": format!("{moved_day}T16:00"), "ends_at": format!("{moved_day}T17:30")}))
        .await;
    assert_eq!(status, 200, "{m}");

    let (status, feed) = app.get_text("/groups/ssr2/calendar.ics").await;
    assert_eq!(status, 200);
    ics_check::assert_valid(&feed);
    let feed = unfold(&feed);
    for series in [&madrid, &york] {
        let uid = series["uid"].as_str().unwrap();
        let blocks = vevents(&feed, uid);
        let masters: Vec<&&str> = blocks
            .iter()
            .filter(|b| prop(b, "RRULE").len() == 1)
            .collect();
        assert_eq!(masters.len(), 1, "one master per series");
        let overrides: Vec<&&str> = blocks
            .iter()
            .filter(|b| !prop(b, "RECURRENCE-ID").is_empty())
            .collect();
        let got: Value = app
            .get(&format!("/api/v1/series/{}", series["id"]))
            .await
            .json()
            .await
            .unwrap();
        let occurrences = got["occurrences"].as_array().unwrap();
        // What Quorum shows: every occurrence that is not cancelled, at its (possibly moved) time.
        let mut shown: Vec<DateTime<Utc>> = occurrences
            .iter()
            .filter(|o| o["status"] != "cancelled")
            .map(|o| utc(o["starts_at_utc"].as_str().unwrap()))
            .collect();
        shown.sort();
        // What a client shows: the rule's expansion, minus EXDATEs, with overrides applied.
        let mut expanded = expand(masters[0]);
        let instants = ics_check::event_instants(&feed);
        for o in instants
            .iter()
            .filter(|e| e.uid == uid && e.recurrence_id.is_some())
        {
            let rid = o.recurrence_id.as_ref().unwrap();
            assert!(
                occurrences
                    .iter()
                    .any(
                        |x| x["recurrence_id"].as_str().unwrap()[..16].replace(['-', ':'], "")
                            == rid[..13]
                    ),
                "override {rid} matches an occurrence"
            );
            let before = expanded.len();
            expanded.retain(|d| {
                let local = d.with_timezone(
                    &series["timezone"]
                        .as_str()
                        .unwrap()
                        .parse::<chrono_tz::Tz>()
                        .unwrap(),
                );
                local.format("%Y%m%dT%H%M").to_string() != rid[..13]
            });
            assert_eq!(
                before,
                expanded.len() + 1,
                "override {rid} replaces exactly one instance"
            );
            expanded.push(o.start_utc);
        }
        expanded.sort();
        assert_eq!(
            expanded, shown,
            "expansion of {uid} differs from Quorum's list"
        );
        // Exceptions and overrides exactly once.
        let exdates: usize = masters[0]
            .split("\r\n")
            .filter(|l| l.starts_with("EXDATE"))
            .count();
        let cancelled_count = occurrences
            .iter()
            .filter(|o| o["status"] == "cancelled")
            .count();
        assert_eq!(exdates, cancelled_count);
        let detached = occurrences
            .iter()
            .filter(|o| o["detached"] == true && o["status"] != "cancelled")
            .count();
        assert_eq!(overrides.len(), detached);
    }
    // The Madrid series has exactly the two exceptions we made.
    let master = vevents(&feed, madrid["uid"].as_str().unwrap())
        .into_iter()
        .find(|b| !prop(b, "RRULE").is_empty())
        .unwrap();
    assert_eq!(prop(master, "EXDATE").len(), 1);
    assert_eq!(vevents(&feed, madrid["uid"].as_str().unwrap()).len(), 2);
    assert!(feed.contains(&format!(
        "DTSTART;TZID=Europe/Madrid:{}T160000",
        moved_day.replace('-', "")
    )));
}

async fn whole_series_registration_gets_one_invite_kept_in_sync(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(7);
    let day = day
        + chrono::Duration::days(i64::from(
            (7 + 2 - chrono::Datelike::weekday(&day).num_days_from_monday()) % 7,
        ));
    let s = create_series(
        &app,
        json!({"group": "g", "title": "Plenary", "format": "hybrid", "timezone": "Europe/Madrid",
               "first_start": format!("{day}T14:00"), "duration_minutes": 60, "count": 6,
               "venue": "ICANN office", "city": "Madrid", "in_person_capacity": 1,
               "online_url": "https://meet.example.org/p", "status": "published"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let (status, reg) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Ada", "email": "ada@example.org", "attendance": "in_person"}),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let first_link = reg["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(first_link.starts_with(&format!("{}/r/", app.base_url)));
    let (status, _) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Bob", "email": "bob@example.org", "attendance": "in_person"}),
        )
        .await;
    assert_eq!(status, 201);
    let (status, dup) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Ada", "email": "ADA@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 409, "{dup}");
    // The link was mailed again (and replaced: only its hash is stored).
    let mails = app.smtp.wait_for(3, MAIL_WAIT).await;
    let resent = mails
        .iter()
        .find(|m| m.subject.starts_with("You are already registered"))
        .unwrap();
    let text = resent.text.as_ref().unwrap();
    let at = text.find(&format!("{}/r/", app.base_url)).unwrap();
    let manage: String = text[at..]
        .split_whitespace()
        .next()
        .unwrap()
        .replace(&app.base_url, "");

    // Capacity per occurrence: Ada holds the room seat each week, Bob waits.
    let got: Value = app
        .get(&format!("/api/v1/series/{sid}"))
        .await
        .json()
        .await
        .unwrap();
    for o in got["occurrences"].as_array().unwrap() {
        assert_eq!(o["seats"]["in_person"]["confirmed"], 1);
        assert_eq!(o["seats"]["in_person"]["waitlisted"], 1);
    }
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let invite = mails.iter().find(|m| m.to == ["ada@example.org"]).unwrap();
    let cal = &invite.calendar.as_ref().unwrap().body;
    ics_check::assert_valid(cal);
    let cal = unfold(cal);
    assert!(cal.contains("METHOD:REQUEST"));
    assert!(
        cal.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;WKST=MO;COUNT=6"),
        "{cal}"
    );
    assert!(cal.contains(&format!("UID:{}", s["uid"].as_str().unwrap())));
    assert!(cal.contains("ATTENDEE;") && cal.contains("mailto:ada@example.org"));
    assert!(invite
        .text
        .as_ref()
        .unwrap()
        .contains(&format!("{}/r/", app.base_url)));

    // An occurrence's page points to the series.
    let (_, occ_page) = app
        .get_text(&format!("/meetings/{}", got["occurrences"][0]["id"]))
        .await;
    assert!(occ_page.contains(&format!("/series/{sid}#register")));
    // The manage page shows the series; the invite download is the same series.
    let (status, page) = app.get_text(&manage).await;
    assert_eq!(status, 200);
    assert!(page.contains("Plenary") && page.contains("confirmed"));
    let (_, download) = app.get_text(&format!("{manage}/invite.ics")).await;
    assert!(ics_check::events_part(&download).contains("RRULE:"));

    // Moving one occurrence sends Ada a REQUEST for that occurrence alone.
    let third = &got["occurrences"][2];
    let rid = third["recurrence_id"].as_str().unwrap().to_string();
    let (status, _) = app
        .staff_patch(&format!("/api/v1/meetings/{}", third["id"]), &json!({"starts_at": format!("{}T15:00", &rid[..10]), "ends_at": format!("{}T16:00", &rid[..10])}))
        .await;
    assert_eq!(status, 200);
    let res = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/meetings/{}/cancel",
            got["occurrences"][3]["id"]
        )))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // Ada's confirmation, Bob's waitlist notice (no invite: he holds no seat yet), the resent
    // link, Ada's update and cancellation, and Bob's cancellation (he waited for that meeting).
    let mails = app.smtp.wait_for(6, MAIL_WAIT).await;
    assert!(!mails
        .iter()
        .any(|m| m.to == ["bob@example.org"] && m.subject.starts_with("Meeting updated")));
    let to_ada: Vec<_> = mails
        .iter()
        .filter(|m| m.to == ["ada@example.org"])
        .collect();
    let update = to_ada
        .iter()
        .find(|m| m.subject.starts_with("Meeting updated"))
        .expect("an update");
    let upd = update.calendar.as_ref().unwrap();
    ics_check::assert_valid(&upd.body);
    assert_eq!(upd.method_param.as_deref(), Some("REQUEST"));
    let body = unfold(&upd.body);
    assert!(
        body.contains(&format!(
            "RECURRENCE-ID;TZID=Europe/Madrid:{}T140000",
            rid[..10].replace('-', "")
        )),
        "{body}"
    );
    assert!(body.contains(&format!(
        "DTSTART;TZID=Europe/Madrid:{}T150000",
        rid[..10].replace('-', "")
    )));
    assert!(
        !ics_check::events_part(&body).contains("RRULE"),
        "one occurrence only"
    );
    let cancel = to_ada
        .iter()
        .find(|m| m.subject.starts_with("Meeting cancelled"))
        .expect("a cancellation");
    let c = cancel.calendar.as_ref().unwrap();
    ics_check::assert_valid(&c.body);
    assert_eq!(c.method_param.as_deref(), Some("CANCEL"));
    assert!(unfold(&c.body).contains("RECURRENCE-ID;TZID=Europe/Madrid:"));

    // Ada cancels the whole series: Bob gets the room seat in every meeting ahead.
    let csrf = app.csrf_from(&manage).await;
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let got: Value = app
        .get(&format!("/api/v1/series/{sid}"))
        .await
        .json()
        .await
        .unwrap();
    for o in got["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] != "cancelled")
    {
        assert_eq!(o["seats"]["in_person"]["confirmed"], 1);
        assert_eq!(o["seats"]["in_person"]["waitlisted"], 0);
    }
    // Ada's cancellation, and a seat notice for Bob at each of the five meetings left.
    let mails = app.smtp.wait_for(12, MAIL_WAIT).await;
    let notices: Vec<_> = mails
        .iter()
        .filter(|m| m.to == ["bob@example.org"] && m.subject.starts_with("A seat is yours"))
        .collect();
    assert_eq!(notices.len(), 5);
    // Each notice carries that one meeting of the series (its RECURRENCE-ID), with its hours.
    for n in &notices {
        let cal = n.calendar.as_ref().expect("the meeting's invite");
        ics_check::assert_valid(&cal.body);
        assert_eq!(cal.method_param.as_deref(), Some("REQUEST"));
        let body = unfold(&cal.body);
        assert!(
            body.contains("RECURRENCE-ID;TZID=Europe/Madrid:")
                && !ics_check::events_part(&body).contains("RRULE")
        );
        assert!(
            n.text.as_ref().unwrap().contains("UTC"),
            "times in the mail"
        );
    }
    let series_cancel = mails
        .iter()
        .find(|m| m.to == ["ada@example.org"] && m.subject.starts_with("Registration cancelled"))
        .unwrap();
    let body = &series_cancel.calendar.as_ref().unwrap().body;
    ics_check::assert_valid(body);
    assert!(unfold(body).contains("METHOD:CANCEL"));
}

async fn a_change_from_a_date_splits_the_series(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let s = create_series(
        &app,
        json!({"group": "g", "title": "Call", "format": "online", "timezone": "UTC",
               "first_start": "2027-01-06T14:00", "duration_minutes": 60, "count": 10,
               "online_url": "https://meet.example.org/c", "status": "published"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let (status, new) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"from": "2027-02-01", "first_start": "2027-02-04T16:00", "weekdays": ["TH"]}),
        )
        .await;
    assert_eq!(status, 200, "{new}");
    assert_ne!(new["id"], s["id"]);
    assert_ne!(new["uid"], s["uid"]);
    let old: Value = app
        .get(&format!("/api/v1/series/{sid}"))
        .await
        .json()
        .await
        .unwrap();
    let old_occ = old["occurrences"].as_array().unwrap();
    assert_eq!(old_occ.len(), 4, "Jan 6, 13, 20, 27 stay");
    assert!(old["rrule"].as_str().unwrap().ends_with("COUNT=4"));
    let new_occ = new["occurrences"].as_array().unwrap();
    assert_eq!(new_occ.len(), 6, "the other six go on Thursdays");
    assert!(new_occ
        .iter()
        .all(|o| o["starts_at_utc"].as_str().unwrap().ends_with("T16:00:00Z")));
    assert_eq!(new_occ[0]["starts_at_utc"], "2027-02-04T16:00:00Z");
    let (_, feed) = app.get_text("/groups/g/calendar.ics").await;
    ics_check::assert_valid(&feed);
    let feed = unfold(&feed);
    let total: usize = [&s, &new]
        .iter()
        .map(|x| {
            let blocks = vevents(&feed, x["uid"].as_str().unwrap());
            expand(
                blocks
                    .iter()
                    .find(|b| !prop(b, "RRULE").is_empty())
                    .unwrap(),
            )
            .len()
        })
        .sum();
    assert_eq!(total, 10);

    // Without `from`, the whole series changes in place and its SEQUENCE goes up.
    let (status, same) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"title": "Renamed call"}),
        )
        .await;
    assert_eq!(status, 200, "{same}");
    assert_eq!(same["id"], s["id"]);
    assert!(same["sequence"].as_i64().unwrap() >= 2);
    assert!(same["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["title"] == "Renamed call"));
}

async fn series_input_is_checked(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let base = json!({"group": "g", "title": "Call", "format": "online", "timezone": "Europe/Madrid",
                      "duration_minutes": 60, "online_url": "https://meet.example.org/c", "status": "published"});
    let cases = [
        (
            json!({"first_start": "2027-01-06T14:00", "weekdays": ["MO"], "count": 3}),
            "weekdays",
        ),
        (json!({"first_start": "2027-01-06T14:00"}), "until"),
        (
            json!({"first_start": "2027-01-06T14:00", "count": 3, "until": "2027-03-01"}),
            "count",
        ),
        (
            json!({"first_start": "2027-01-06T14:00", "count": 9999}),
            "count",
        ),
        (
            json!({"first_start": "2027-01-06T14:00", "count": 3, "interval_weeks": 0}),
            "interval_weeks",
        ),
        (
            json!({"first_start": "2027-01-06T14:00", "count": 3, "weekdays": ["XX"]}),
            "weekdays",
        ),
        (
            json!({"first_start": "2027-03-14T02:30", "count": 3, "weekdays": ["SU"]}),
            "first_start",
        ),
    ];
    for (extra, field) in cases {
        let mut body = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, res) = app.staff_post("/api/v1/series", &body).await;
        assert_eq!(status, 422, "{body} -> {res}");
        assert!(
            res["error"]["fields"][field].is_string(),
            "{field} in {res}"
        );
    }
    assert_eq!(
        app.get("/api/v1/series/424242").await.status().as_u16(),
        404
    );
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/series"))
        .json(&base)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}
