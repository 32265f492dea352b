//! Reminders, the minutes-due note and "Join now", with time moved forward through the
//! clock file that the `quorum serve` processes under test read (`QUORUM_TEST_CLOCK_FILE`):
//! no test sleeps for a day, and no other test's clock moves.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DurationRound, Utc};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{browser, serve_process, test_db, Db, Serve, TestDb, MAIL_WAIT};
use crate::resilience::token;
use crate::smtp::{ReceivedMail, SmtpSink};

both_backends!(
    reminders_go_once_to_confirmed_seats_with_the_join_link,
    reminders_go_once_across_a_kill_and_with_two_instances,
    a_moved_meeting_is_reminded_again_and_a_cancelled_one_not,
    series_registrants_are_reminded_before_each_occurrence,
    minutes_due_goes_once_to_the_group_contact,
    join_now_leads_the_manage_page_of_remote_registrants,
    an_overdue_reminder_survives_an_edit_of_its_meeting,
);

/// One database, SMTP server and clock file shared by the instances a test starts.
struct Rig {
    db: Arc<TestDb>,
    dir: tempfile::TempDir,
    smtp: Arc<SmtpSink>,
    clock: PathBuf,
    token: String,
    client: reqwest::Client,
    /// The real time the meetings are laid out from, on the hour.
    origin: chrono::DateTime<Utc>,
}

impl Rig {
    async fn new(db: Db) -> Option<Rig> {
        let db = Arc::new(test_db(db)?);
        let dir = tempfile::tempdir().unwrap();
        let clock = dir.path().join("clock");
        std::fs::write(&clock, "0").unwrap();
        let token = tokio::task::spawn_blocking({
            let db = db.clone();
            move || token(&db)
        })
        .await
        .unwrap();
        Some(Rig {
            db,
            dir,
            smtp: Arc::new(SmtpSink::start()),
            clock,
            token,
            client: browser(),
            origin: Utc::now()
                .duration_trunc(chrono::Duration::hours(1))
                .unwrap(),
        })
    }

    /// A `quorum serve` on the shared database, clock and SMTP server.
    fn start(&self, extra: &[(&str, &str)]) -> Serve {
        let (url, smtp) = (self.db.url.clone(), self.smtp.url());
        let mut env: Vec<(&str, &std::ffi::OsStr)> = vec![
            ("DATABASE_URL", url.as_ref()),
            ("QUORUM_SMTP_URL", smtp.as_ref()),
            ("QUORUM_TEST_CLOCK_FILE", self.clock.as_os_str()),
            ("QUORUM_MAIL_LEASE_SECONDS", "2".as_ref()),
        ];
        env.extend(extra.iter().map(|(k, v)| (*k, v.as_ref())));
        serve_process(self.dir.path(), &env, None)
    }

    /// Moves every instance's clock to `hours` after the origin (as a real time: the offset
    /// written is what it takes from now).
    fn set_clock(&self, hours: f64) {
        let target = self.origin + chrono::Duration::seconds((hours * 3600.0) as i64);
        let offset = (target - Utc::now()).num_seconds();
        std::fs::write(&self.clock, offset.to_string()).unwrap();
    }

    /// A time `hours` after the origin, as the API's local `YYYY-MM-DDTHH:MM` in UTC.
    fn at(&self, hours: i64) -> String {
        (self.origin + chrono::Duration::hours(hours))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    }

    async fn staff(&self, s: &Serve, method: reqwest::Method, path: &str, body: Value) -> Value {
        let res = self
            .client
            .request(method, s.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        assert!(status < 300, "{path}: {status} {body}");
        body
    }

    /// A group with a contact address, and a published hybrid meeting in UTC from `start`
    /// to `end` hours after the origin; `extra` overrides fields.
    async fn meeting(&self, s: &Serve, start: i64, end: i64, extra: Value) -> i64 {
        let slug = format!("g{}", rand_suffix());
        self.staff(
            s,
            reqwest::Method::POST,
            "/api/v1/groups",
            json!({"slug": slug, "name": "Review team", "contact_email": format!("chair@{slug}.example.org")}),
        )
        .await;
        let mut body = json!({"group": slug, "title": "Weekly call", "format": "hybrid",
            "timezone": "UTC", "starts_at": self.at(start), "ends_at": self.at(end),
            "venue": "Office", "city": "Madrid", "online_url": "https://meet.example.org/weekly",
            "online_details": "Dial-in 424242", "status": "published", "verify_email": false});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let m = self
            .staff(s, reqwest::Method::POST, "/api/v1/meetings", body)
            .await;
        m["id"].as_i64().unwrap()
    }

    /// Registers `email` at `path` (a meeting's or series' registrations); the manage path.
    async fn register(&self, s: &Serve, path: &str, email: &str, attendance: &str) -> String {
        let res = self
            .client
            .post(s.url(path))
            .json(
                &json!({"name": email.split('@').next(), "email": email, "attendance": attendance}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 201);
        let body: Value = res.json().await.unwrap();
        let url = body["registration"]["manage_url"].as_str().unwrap();
        url[url.find("/r/").unwrap()..].to_string()
    }

    async fn reminders_expected(&self, n: usize) -> Vec<ReceivedMail> {
        self.expect("Reminder", n).await
    }

    /// ", 14:00–": how a mail's UTC line starts a meeting `hours` after the origin.
    /// Whether `text` gives the start `hours` after the origin in UTC: `, 22:00–23:30`, or
    /// `, 22:00 – Tuesday, 8 December 2026, 00:00` when the meeting runs past midnight.
    fn says_utc_start(&self, text: &str, hours: i64) -> bool {
        let start = format!(", {}", &self.at(hours)[11..]);
        [format!("{start}–"), format!("{start} – ")]
            .iter()
            .any(|s| text.contains(s.as_str()))
    }

    /// The reminders received so far.
    fn reminders(&self) -> Vec<ReceivedMail> {
        self.received("Reminder")
    }

    fn received(&self, subject_prefix: &str) -> Vec<ReceivedMail> {
        self.smtp
            .raw_messages()
            .iter()
            .map(|raw| ReceivedMail::parse(raw, Vec::new()))
            .filter(|m| m.subject.starts_with(subject_prefix))
            .collect()
    }

    /// Waits until `n` mails whose subject starts with `prefix` arrived, then a little
    /// longer to see that no more come.
    async fn expect(&self, prefix: &str, n: usize) -> Vec<ReceivedMail> {
        let deadline = tokio::time::Instant::now() + MAIL_WAIT;
        while self.received(prefix).len() < n && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let got = self.received(prefix);
        let subjects: Vec<_> = got.iter().map(|m| (&m.to, &m.subject)).collect();
        assert_eq!(got.len(), n, "{prefix}: {subjects:?}");
        got
    }
}

fn rand_suffix() -> String {
    quorum::domain::token::generate()[..8]
        .to_lowercase()
        .replace(['-', '_'], "x")
}

fn to(m: &ReceivedMail) -> String {
    m.to.first().cloned().unwrap_or_default()
}

fn text(m: &ReceivedMail) -> &str {
    m.text.as_deref().unwrap_or_default()
}

async fn cancel(rig: &Rig, s: &Serve, manage: &str) {
    let page = rig
        .client
        .get(s.url(manage))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::extract_csrf(&page);
    let res = rig
        .client
        .post(s.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
}

async fn reminders_go_once_to_confirmed_seats_with_the_join_link(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let server = rig.start(&[]);
    let id = rig
        .meeting(
            &server,
            48,
            50,
            json!({"reminders": [1440, 60], "agenda": "1. Findings so far"}),
        )
        .await;
    for (title, url, visibility) in [
        (
            "Findings so far",
            "https://docs.example.org/findings",
            "public",
        ),
        (
            "Draft report",
            "https://docs.example.org/draft",
            "registrants",
        ),
    ] {
        rig.staff(
            &server,
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{id}/materials"),
            json!({"title": title, "kind": "document", "url": url, "visibility": visibility}),
        )
        .await;
    }
    let path = format!("/api/v1/meetings/{id}/registrations");
    rig.register(&server, &path, "remote@example.org", "remote")
        .await;
    rig.register(&server, &path, "room@example.org", "in_person")
        .await;
    let gone = rig
        .register(&server, &path, "gone@example.org", "remote")
        .await;
    cancel(&rig, &server, &gone).await;
    rig.expect("Registration confirmed", 3).await;

    // A day before: one reminder to each confirmed seat, the join details for remote only.
    rig.set_clock(24.05);
    let first = rig.reminders_expected(2).await;
    let remote = first
        .iter()
        .find(|m| to(m) == "remote@example.org")
        .unwrap();
    let room = first.iter().find(|m| to(m) == "room@example.org").unwrap();
    assert!(text(remote).contains("https://meet.example.org/weekly"));
    assert!(text(remote).contains("424242"), "dial-in: {}", text(remote));
    assert!(
        text(remote).contains("starts in 24 hours") || text(remote).contains("starts in 23 hours")
    );
    assert!(!text(room).contains("424242"), "{}", text(room));
    for m in &first {
        assert!(rig.says_utc_start(text(m), 48), "{}", text(m));
        // What to read first: the agenda, the public material, the registrants-only one
        // through the reader's own link.
        assert!(
            text(m).contains(&format!("/meetings/{id}#agenda")),
            "{}",
            text(m)
        );
        assert!(text(m).contains("Documents: Findings so far: https://docs.example.org/findings"));
        assert!(
            text(m).contains("Documents: Draft report: http"),
            "{}",
            text(m)
        );
        assert!(!text(m).contains("docs.example.org/draft"), "{}", text(m));
        assert!(text(m).contains("/r/"), "a fresh manage link: {}", text(m));
    }

    // A restart sends nothing again; the hour-before reminder follows, then nothing once
    // the meeting has started.
    drop(server);
    let server = rig.start(&[]);
    rig.expect("Reminder", 2).await;
    rig.set_clock(47.5);
    rig.expect("Reminder", 4).await;
    rig.set_clock(48.5);
    rig.expect("Reminder", 4).await;
    drop(server);
}

async fn reminders_go_once_across_a_kill_and_with_two_instances(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let a = rig.start(&[("QUORUM_SMTP_CONNECTIONS", "2")]);
    let id = rig.meeting(&a, 30, 31, json!({"reminders": [60]})).await;
    let path = format!("/api/v1/meetings/{id}/registrations");
    let people: Vec<String> = (0..40).map(|i| format!("p{i}@example.org")).collect();
    for p in &people {
        rig.register(&a, &path, p, "remote").await;
    }
    rig.expect("Registration confirmed", people.len()).await;

    // Killed in the middle of sending the reminders.
    rig.set_clock(29.02);
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while rig.reminders().is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    a.signal("KILL");
    drop(a);
    // Back with one instance on SQLite, two on PostgreSQL (several instances share a
    // database only there).
    let a = rig.start(&[]);
    let b = (db == Db::Postgres).then(|| rig.start(&[]));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let mut got: Vec<String> = rig.reminders().iter().map(to).collect();
        got.sort();
        let total = got.len();
        got.dedup();
        if got.len() == people.len() {
            // A message handed to SMTP but not yet recorded as sent when the process was
            // killed goes again (at-least-once, under the same Message-ID); never more.
            let at_most = 2 * quorum::mail::worker::UNRECORDED_PER_CONNECTION;
            assert!(total - got.len() <= at_most, "{} again", total - got.len());
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{} of {} reminded",
            got.len(),
            people.len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The killed instance's leased messages go again once their 2 s lease runs out, which
    // may be after everyone has had one: settle only when nothing came for longer than that.
    let mut settled = rig.reminders().len();
    loop {
        tokio::time::sleep(Duration::from_millis(3500)).await;
        let now = rig.reminders().len();
        if now == settled {
            break;
        }
        settled = now;
    }
    let again = settled - people.len();
    assert!(
        again <= 2 * quorum::mail::worker::UNRECORDED_PER_CONNECTION,
        "{again} again"
    );
    rig.set_clock(29.5);
    rig.expect("Reminder", settled).await;
    drop((a, b));
}

async fn a_moved_meeting_is_reminded_again_and_a_cancelled_one_not(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let server = rig.start(&[]);
    let moved = rig
        .meeting(&server, 30, 31, json!({"reminders": [60]}))
        .await;
    let dropped = rig
        .meeting(&server, 30, 31, json!({"reminders": [60]}))
        .await;
    for id in [moved, dropped] {
        let path = format!("/api/v1/meetings/{id}/registrations");
        rig.register(&server, &path, &format!("o{id}@example.org"), "remote")
            .await;
    }
    rig.expect("Registration confirmed", 2).await;
    rig.staff(
        &server,
        reqwest::Method::POST,
        &format!("/api/v1/meetings/{dropped}/cancel"),
        json!({"reason": "No quorum"}),
    )
    .await;
    rig.set_clock(29.05);
    let first = rig.reminders_expected(1).await;
    assert_eq!(to(&first[0]), format!("o{moved}@example.org"));

    // Moved a day later after its reminder went: a new reminder before the new time.
    rig.staff(
        &server,
        reqwest::Method::PATCH,
        &format!("/api/v1/meetings/{moved}"),
        json!({"starts_at": rig.at(54), "ends_at": rig.at(55)}),
    )
    .await;
    rig.set_clock(50.0);
    rig.expect("Reminder", 1).await;
    rig.set_clock(53.05);
    let all = rig.reminders_expected(2).await;
    assert!(rig.says_utc_start(text(&all[1]), 54), "{}", text(&all[1]));
    drop(server);
}

async fn series_registrants_are_reminded_before_each_occurrence(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let server = rig.start(&[]);
    rig.staff(
        &server,
        reqwest::Method::POST,
        "/api/v1/groups",
        json!({"slug": "weekly", "name": "Weekly"}),
    )
    .await;
    let series = rig
        .staff(
            &server,
            reqwest::Method::POST,
            "/api/v1/series",
            json!({"group": "weekly", "title": "Plenary", "format": "online",
                "timezone": "UTC", "first_start": rig.at(30), "duration_minutes": 60,
                "count": 3, "online_url": "https://meet.example.org/plenary",
                "status": "published", "verify_email": false, "reminders": [120]}),
        )
        .await;
    let sid = series["id"].as_i64().unwrap();
    let path = format!("/api/v1/series/{sid}/registrations");
    rig.register(&server, &path, "series@example.org", "remote")
        .await;
    rig.expect("Registration confirmed", 1).await;
    for (week, n) in [(0, 1), (1, 2)] {
        rig.set_clock(f64::from(week * 168 + 28) + 0.05);
        let got = rig.reminders_expected(n).await;
        assert!(text(&got[n - 1]).contains("https://meet.example.org/plenary"));
    }
    drop(server);
}

async fn minutes_due_goes_once_to_the_group_contact(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let server = rig.start(&[("QUORUM_MINUTES_DUE_DAYS", "2")]);
    let id = rig.meeting(&server, 3, 4, json!({"reminders": []})).await;
    // Its minutes are in: no note for it.
    let minuted = rig.meeting(&server, 3, 4, json!({"reminders": []})).await;
    rig.staff(
        &server,
        reqwest::Method::POST,
        &format!("/api/v1/meetings/{minuted}/materials"),
        json!({"title": "Minutes", "kind": "minutes", "url": "https://docs.example.org/minutes"}),
    )
    .await;
    // Entered into the archive after it ended: no note for it.
    rig.meeting(&server, -30, -29, json!({"reminders": []}))
        .await;
    rig.set_clock(4.5);
    rig.expect("Minutes due", 0).await;
    drop(server);
    let server = rig.start(&[("QUORUM_MINUTES_DUE_DAYS", "2")]);
    rig.set_clock(52.1);
    let due = rig.expect("Minutes due", 1).await;
    assert!(to(&due[0]).starts_with("chair@"), "{:?}", due[0].to);
    assert!(text(&due[0]).contains(&format!("/meetings/{id}")));
    rig.set_clock(100.0);
    rig.expect("Minutes due", 1).await;
    drop(server);
}

async fn join_now_leads_the_manage_page_of_remote_registrants(db: Db) {
    let Some(rig) = Rig::new(db).await else {
        return;
    };
    let server = rig.start(&[]);
    let id = rig.meeting(&server, 5, 6, json!({})).await;
    let path = format!("/api/v1/meetings/{id}/registrations");
    let remote = rig
        .register(&server, &path, "far@example.org", "remote")
        .await;
    let room = rig
        .register(&server, &path, "near@example.org", "in_person")
        .await;
    let page = |manage: String| {
        let (client, url) = (rig.client.clone(), server.url(&manage));
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    assert!(!page(remote.clone()).await.contains("Join now"));
    rig.set_clock(4.8);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let open = page(remote.clone()).await;
    assert!(open.contains("Join now"), "{open}");
    assert!(open.contains("https://meet.example.org/weekly"));
    assert!(!page(room.clone()).await.contains("Join now"));
    rig.set_clock(6.1);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!page(remote).await.contains("Join now"));
    drop(server);
}

/// A reminder that fell due but was not yet taken (the worker behind, or its instance dead)
/// is still owed after an edit of the meeting: it is due at once, not dropped.
async fn an_overdue_reminder_survives_an_edit_of_its_meeting(db: Db) {
    use diesel::prelude::*;
    use quorum::db::schema::outbox::dsl as o;
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"reminders": [60, 1440]})).await;
    let id = m["id"].as_i64().unwrap();
    app.stopper.stop().await;
    let pool = app.pool.clone();
    let leads: Vec<(Option<i32>, bool)> = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let now = quorum::db::now();
        // The day-before reminder fell due a minute ago and is still waiting.
        diesel::update(o::outbox.filter(o::lead_minutes.eq(1440)))
            .set(o::next_attempt_at.eq(now - chrono::Duration::minutes(1)))
            .execute(&mut conn)
            .unwrap();
        let mut meeting = quorum::db::meetings::find(&mut conn, id).unwrap().unwrap();
        // As seen a day before the start: both leads are past for the 1440 one.
        meeting.starts_at = now + chrono::Duration::minutes(1439);
        quorum::db::scheduled::schedule(&mut conn, &meeting).unwrap();
        let after = quorum::db::now();
        o::outbox
            .filter(o::kind.eq("reminders_due"))
            .filter(o::status.eq("pending"))
            .order(o::lead_minutes)
            .select((o::lead_minutes, o::next_attempt_at.le(after)))
            .load(&mut conn)
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(leads, vec![(Some(60), false), (Some(1440), true)]);
}
