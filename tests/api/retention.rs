//! Personal data and secrets at rest: what the outbox keeps once mail is sent or has failed,
//! removal of a person reaching their mail, and `QUORUM_RETENTION_DAYS`.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use quorum::auth::Role;
use quorum::db::outbox::OutboxMessage;
use quorum::db::schema::{meetings::dsl as m, outbox::dsl as o, registrations::dsl as r};
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, spawn_app_on, test_db, Db, TestApp, MAIL_WAIT};
use crate::smtp::{SmtpMode, SmtpSink};

both_backends!(
    sent_mail_keeps_only_metadata,
    failed_mail_keeps_its_content_for_30_days,
    removing_a_person_reaches_their_mail,
    retention_days_anonymise_registrations_of_meetings_long_over,
);

const PW: &str = "a long staff password";

pub(crate) async fn with_conn<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut quorum::db::DbConn) -> T + Send + 'static,
) -> T {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || f(&mut pool.get().unwrap()))
        .await
        .unwrap()
}

async fn outbox(app: &TestApp) -> Vec<OutboxMessage> {
    // Scheduled reminders wait with empty bodies; they are not the mail under test here.
    with_conn(app, |c| {
        o::outbox
            .filter(o::kind.ne_all(["reminders_due", "reminder", "minutes_due"]))
            .order(o::id.asc())
            .load(c)
            .unwrap()
    })
    .await
}

/// Every text an outbox row holds (its Debug form shows every field).
fn text_of(msg: &OutboxMessage) -> String {
    format!("{msg:?}")
}

/// The manage-link secret in a mail's text.
fn token_in(text: &str) -> String {
    let start = text.find("/r/").expect("a manage link") + 3;
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Waits until `check` holds for the outbox, or fails with what it held.
async fn wait_outbox(app: &TestApp, what: &str, check: impl Fn(&[OutboxMessage]) -> bool) {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let rows = outbox(app).await;
        if check(&rows) {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "outbox never {what}: {rows:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn register(app: &TestApp, meeting: i64, name: &str, email: &str) {
    let (status, body) = app.register_api(meeting, name, email, "remote").await;
    assert!(matches!(status, 201 | 202), "{status} {body}");
}

/// The seat id of `email` in a meeting (what staff pages act on).
async fn seat_of(app: &TestApp, meeting: i64, email: &str) -> i64 {
    let email = email.to_string();
    with_conn(app, move |c| {
        let roster = quorum::db::seats::roster(c, meeting, 1).unwrap();
        roster
            .into_iter()
            .find(|s| s.registration.email == email)
            .map(|s| s.seat.id)
            .unwrap()
    })
    .await
}

async fn sent_mail_keeps_only_metadata(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app
        .create_meeting(json!({"online_details": "PIN 2468"}))
        .await["id"]
        .as_i64()
        .unwrap();
    register(&app, id, "Ada Lovelace", "ada.lovelace@example.org").await;
    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let token = token_in(mail.text.as_deref().unwrap());
    assert!(token.len() >= 20, "{token}");
    wait_outbox(&app, "marked sent", |rows| {
        rows.iter().all(|m| m.status == "sent")
    })
    .await;

    let rows = outbox(&app).await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let text = text_of(row);
    for secret in [
        token.as_str(),
        "/r/",
        "ada.lovelace",
        "Lovelace",
        "PIN 2468",
        "BEGIN:VCALENDAR",
    ] {
        assert!(
            !text.contains(secret),
            "{secret:?} left in the outbox: {row:#?}"
        );
    }
    assert!(row.recipient.is_empty() && row.subject.is_empty());
    assert!(row.body_text.is_empty() && row.body_html.is_empty() && row.ics.is_none());
    // The metadata stays.
    assert_eq!(row.kind, "confirmed");
    assert_eq!(row.meeting_id, Some(id));
    assert_eq!(row.attempts, 1);
    assert!(row.sent_at.is_some() && row.scrubbed_at.is_some());
    assert!(row.registration_id.is_some());
    assert_eq!(
        row.message_id.trim_matches(['<', '>']),
        mail.message_id.as_deref().unwrap()
    );
}

async fn failed_mail_keeps_its_content_for_30_days(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.smtp.set_mode(SmtpMode::PermFail);
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    register(&app, id, "Old Failure", "old@example.org").await;
    register(&app, id, "New Failure", "new@example.org").await;
    wait_outbox(&app, "failed", |rows| {
        rows.len() == 2 && rows.iter().all(|m| m.status == "failed")
    })
    .await;
    // While staff can retry it, a failed message keeps what it needs to be sent.
    let rows = outbox(&app).await;
    assert!(rows
        .iter()
        .all(|m| m.body_text.contains("/r/") && m.failed_at.is_some()));
    app.add_staff("ops@example.org", Role::Admin, PW).await;
    let staff = app.staff_browser("ops@example.org", PW).await;
    let page = staff.get(app.url("/staff/mail")).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("old@example.org") && page.contains("new@example.org"));

    // 31 days later (for the first one), the sweep removes its content.
    let old = rows
        .iter()
        .find(|m| m.recipient == "old@example.org")
        .unwrap()
        .id;
    let month_ago = quorum::db::now() - chrono::Duration::days(31);
    with_conn(&app, move |c| {
        diesel::update(o::outbox.find(old))
            .set(o::failed_at.eq(month_ago))
            .execute(c)
            .unwrap()
    })
    .await;
    wait_outbox(&app, "scrubbed after 30 days", |rows| {
        rows.iter().any(|m| m.id == old && m.scrubbed_at.is_some())
    })
    .await;
    let rows = outbox(&app).await;
    let gone = rows.iter().find(|m| m.id == old).unwrap();
    assert_eq!(gone.status, "failed", "the record stays");
    assert!(!text_of(gone).contains("old@example.org") && !text_of(gone).contains("/r/"));
    assert!(gone.body_text.is_empty() && gone.last_error.is_none());
    let kept = rows.iter().find(|m| m.id != old).unwrap();
    assert!(kept.scrubbed_at.is_none() && kept.recipient == "new@example.org");

    // Staff no longer see it, and cannot send what is gone.
    let page = staff.get(app.url("/staff/mail")).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(!page.contains("old@example.org") && page.contains("new@example.org"));
    let res = app
        .staff_form(
            &staff,
            "/staff/mail",
            &format!("/staff/mail/{old}/retry"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
}

async fn removing_a_person_reaches_their_mail(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp.clone(), |s| {
        s.mail_retry_base = Duration::from_secs(3600);
    })
    .await;
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    // Ada's confirmation fails for good (kept for staff), then an update to her and Bob
    // waits in the queue.
    smtp.set_mode(SmtpMode::PermFail);
    register(&app, id, "Ada Lovelace", "ada@example.org").await;
    wait_outbox(&app, "failed", |rows| {
        rows.iter().any(|m| m.status == "failed")
    })
    .await;
    smtp.set_mode(SmtpMode::TempFail);
    register(&app, id, "Bob Builder", "bob@example.org").await;
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": "Moved session"}),
        )
        .await;
    assert_eq!(status, 200);
    wait_outbox(&app, "holding queued mail for both", |rows| {
        rows.iter().filter(|m| m.status == "pending").count() >= 3
            && rows
                .iter()
                .filter(|m| m.recipient == "ada@example.org")
                .count()
                == 2
    })
    .await;
    let ada_token = token_in(
        &outbox(&app)
            .await
            .into_iter()
            .find(|m| m.recipient == "ada@example.org")
            .unwrap()
            .body_text,
    );

    app.add_staff("ops@example.org", Role::Admin, PW).await;
    let staff = app.staff_browser("ops@example.org", PW).await;
    let seat = seat_of(&app, id, "ada@example.org").await;
    let page = format!("/staff/meetings/{id}/registrations");
    let res = app
        .staff_form(
            &staff,
            &page,
            &format!("/staff/registrations/{seat}/remove"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let rows = outbox(&app).await;
    for row in &rows {
        let text = text_of(row);
        for trace in ["ada@example.org", "Ada Lovelace", ada_token.as_str()] {
            assert!(!text.contains(trace), "{trace:?} left in {row:#?}");
        }
    }
    assert!(
        rows.iter()
            .any(|m| m.status == "failed" && m.scrubbed_at.is_some()),
        "the failed message stays as a record: {rows:#?}"
    );
    let bob = rows
        .iter()
        .filter(|m| m.recipient == "bob@example.org" && m.status == "pending")
        .count();
    assert_eq!(bob, 2, "Bob's mail is untouched: {rows:#?}");
}

/// Moves a meeting so that it ended `days_ago` days ago.
async fn move_into_past(app: &TestApp, meeting: i64, days_ago: i64) {
    let end: NaiveDateTime = quorum::db::now() - chrono::Duration::days(days_ago);
    with_conn(app, move |c| {
        diesel::update(m::meetings.find(meeting))
            .set((
                m::starts_at.eq(end - chrono::Duration::hours(2)),
                m::ends_at.eq(end),
            ))
            .execute(c)
            .unwrap()
    })
    .await;
}

/// The meeting ids of a series' occurrences.
async fn occurrences(app: &TestApp, series: i64) -> Vec<i64> {
    let (_, s) = app.get_text(&format!("/api/v1/series/{series}")).await;
    let s: Value = serde_json::from_str(&s).unwrap();
    let occurrences = s["occurrences"].as_array().unwrap();
    occurrences
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

/// (name, email, affiliation) of every registration for a meeting or a series.
async fn people(
    app: &TestApp,
    meeting: Option<i64>,
    series: Option<i64>,
) -> Vec<(String, String, Option<String>)> {
    with_conn(app, move |c| {
        let q = r::registrations.select((r::name, r::email, r::affiliation));
        match (meeting, series) {
            (Some(id), _) => q.filter(r::meeting_id.eq(id)).load(c).unwrap(),
            (_, Some(id)) => q.filter(r::series_id.eq(id)).load(c).unwrap(),
            _ => Vec::new(),
        }
    })
    .await
}

async fn retention_days_anonymise_registrations_of_meetings_long_over(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp.clone(), |s| {
        s.retention_days = Some(30);
    })
    .await;
    let old = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let recent = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    app.create_group("rg").await;
    let series = |count: i64| {
        json!({"group": "rg", "title": "Weekly call", "format": "online", "timezone": "UTC",
               "first_start": "2027-03-01T14:00", "duration_minutes": 60, "weekdays": ["MO"],
               "count": count, "online_url": "https://meet.example.org/w", "status": "published"})
    };
    let (_, over) = app.staff_post("/api/v1/series", &series(2)).await;
    let (_, going) = app.staff_post("/api/v1/series", &series(3)).await;
    let (over, going) = (over["id"].as_i64().unwrap(), going["id"].as_i64().unwrap());
    for (what, id, name) in [
        ("meetings", old, "Ada Old"),
        ("meetings", old, "Bob Old"),
        ("meetings", recent, "Cy Recent"),
        ("series", over, "Dee Over"),
        ("series", going, "Eve Going"),
    ] {
        let email = format!(
            "{}@example.org",
            name[..name.find(' ').unwrap()].to_lowercase()
        );
        let body =
            json!({"name": name, "email": email, "affiliation": "ACME", "attendance": "remote"});
        let (status, res) = app
            .public_post(&format!("/api/v1/{what}/{id}/registrations"), &body)
            .await;
        assert!(matches!(status, 201 | 202), "{res}");
    }
    let mails = app.smtp.wait_for(5, MAIL_WAIT).await;
    let to_ada = mails.iter().find(|m| m.to == ["ada@example.org"]).unwrap();
    let ada_token = token_in(to_ada.text.as_deref().unwrap());
    let confirmed = |m: &Value| m["seats"]["remote"]["confirmed"].as_i64();
    let before = confirmed(&app.meeting(old).await);

    move_into_past(&app, old, 45).await;
    move_into_past(&app, recent, 10).await;
    for occ in occurrences(&app, over).await {
        move_into_past(&app, occ, 40).await;
    }
    move_into_past(&app, occurrences(&app, going).await[0], 40).await;

    // The sweep anonymises in chunks, each its own transaction: wait for both.
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while people(&app, Some(old), None)
        .await
        .iter()
        .any(|p| p.0.contains("Old"))
        || people(&app, None, Some(over))
            .await
            .iter()
            .any(|p| p.0 != "(removed)")
    {
        assert!(tokio::time::Instant::now() < deadline, "never anonymised");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for (name, email, affiliation) in people(&app, Some(old), None).await {
        assert_eq!(name, "(removed)");
        assert!(
            email.starts_with("removed-") && email.ends_with("@invalid"),
            "{email}"
        );
        assert_eq!(affiliation, None);
    }
    let dee = people(&app, None, Some(over)).await;
    assert!(
        dee.iter().all(|p| p.0 == "(removed)" && p.2.is_none()),
        "{dee:?}"
    );
    // Counts stay; meetings not long over, and series with occurrences ahead, keep people.
    assert_eq!(confirmed(&app.meeting(old).await), before);
    assert_eq!(
        people(&app, Some(recent), None).await[0].1,
        "cy@example.org"
    );
    assert_eq!(
        people(&app, None, Some(going)).await[0].1,
        "eve@example.org"
    );
    // The manage link is dead, and the outbox holds nothing of them.
    assert_eq!(
        app.get(&format!("/r/{ada_token}")).await.status().as_u16(),
        404
    );
    for row in outbox(&app).await {
        assert!(!text_of(&row).contains("ada@example.org"));
    }
}
