//! Mail through the outbox: content of confirmations and invites, retries, failures, restarts.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, spawn_app_on, test_db, Db, MAIL_WAIT};
use crate::smtp::{SmtpMode, SmtpSink};

both_backends!(
    confirmation_carries_a_valid_invite,
    transient_smtp_failures_are_retried_until_delivered_once,
    permanent_smtp_failure_marks_the_message_failed,
    mail_queued_while_smtp_is_down_is_sent_once_after_restart,
    a_burst_goes_out_over_several_smtp_connections_each_message_once,
);

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

async fn confirmation_carries_a_valid_invite(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let long_title = format!(
        "Madrid: DNSSEC, KSK rollover; \\ review – ünïcödé 🎉 {}",
        "long ".repeat(20)
    );
    let m = app
        .create_meeting(json!({"title": long_title, "starts_at": "2027-05-15T09:00", "ends_at": "2027-05-15T17:30", "online_details": "Dial-in +34 900 000 000"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let (status, reg) = app
        .register_api(id, "María José \"MJ\" Pérez", "mj@example.org", "remote")
        .await;
    assert_eq!(status, 201);
    let manage_url = reg["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .to_string();

    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    assert_eq!(mail.envelope_to, vec!["mj@example.org".to_string()]);
    assert_eq!(mail.from, "noreply@quorum.test");
    assert!(mail.subject.starts_with("Registration confirmed"));
    assert!(mail.message_id.is_some());
    assert_eq!(
        mail.content_types(),
        vec![
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar",
            "application/ics"
        ]
    );
    let text = mail.text.as_ref().unwrap();
    assert!(
        text.contains("Saturday, 15 May 2027, 09:00–17:30 CEST (Europe/Madrid)"),
        "{text}"
    );
    assert!(
        text.contains("Saturday, 15 May 2027, 07:00–15:30 UTC"),
        "{text}"
    );
    assert!(
        text.contains("https://meet.example.org/ssr2"),
        "registrants get the join link"
    );
    assert!(text.contains("Dial-in +34 900 000 000"));
    assert!(text.contains(&manage_url));
    let html = mail.html.as_ref().unwrap();
    assert!(html.contains(&manage_url));
    assert!(
        html.contains("<p>Hello,</p>") && !html.contains("María"),
        "an address nobody confirmed is not greeted by name (the HTML escaping of names is checked in verified.rs)"
    );

    let cal = mail.calendar.as_ref().unwrap();
    assert_eq!(cal.method_param.as_deref(), Some("REQUEST"));
    assert!(cal
        .charset
        .as_deref()
        .unwrap()
        .eq_ignore_ascii_case("utf-8"));
    let ics = &cal.body;
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].filename.as_deref(), Some("invite.ics"));
    assert_eq!(
        String::from_utf8(mail.attachments[0].body.clone()).unwrap(),
        *ics
    );

    crate::ics_check::assert_valid(ics);
    // RFC 5545 form: CRLF everywhere, lines of at most 75 octets, folding keeps UTF-8 whole.
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let unfolded = unfold(ics);
    assert!(unfolded.contains("METHOD:REQUEST\r\n"));
    assert!(unfolded.contains(&format!("UID:{}\r\n", m["uid"].as_str().unwrap())));
    assert!(
        unfolded.contains("DTSTART;TZID=Europe/Madrid:20270515T090000\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DTEND;TZID=Europe/Madrid:20270515T173000\r\n"));
    assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n"));
    assert!(unfolded.contains("TZOFFSETTO:+0200"));
    assert!(unfolded.contains("SEQUENCE:0\r\n"));
    assert!(unfolded.contains("STATUS:CONFIRMED\r\n"));
    assert!(unfolded.contains("DTSTAMP:"));
    assert!(unfolded.contains("LAST-MODIFIED:"));
    assert!(unfolded.contains("ORGANIZER;CN=Quorum Test:mailto:noreply@quorum.test\r\n"));
    assert!(unfolded.contains("mailto:mj@example.org\r\n"));
    assert!(
        unfolded.contains("CN=María José 'MJ' Pérez"),
        "no DQUOTE inside a parameter: {unfolded}"
    );
    assert!(
        unfolded.contains("SUMMARY:Madrid: DNSSEC\\, KSK rollover\\; \\\\ review"),
        "TEXT escaped: {unfolded}"
    );
    assert!(unfolded.contains(&format!("URL:{}/meetings/{id}", app.base_url)));

    // The icalendar crate reads it back with the same values.
    let parsed: icalendar::Calendar = unfolded.parse().expect("the invite parses");
    let event = parsed
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("one VEVENT");
    use icalendar::Component;
    assert_eq!(event.get_summary(), Some(long_title.trim()));
    assert_eq!(event.get_uid(), m["uid"].as_str());
    assert_eq!(event.get_sequence(), Some(0));
}

async fn transient_smtp_failures_are_retried_until_delivered_once(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.smtp.set_mode(SmtpMode::TempFail);
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    app.register_api(id, "A", "a@example.org", "remote").await;
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while app.smtp.refused_count() < 2 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the worker did not retry"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.smtp.set_mode(SmtpMode::Accept);
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(app.smtp.raw_messages().len(), 1, "delivered exactly once");
    assert_eq!(mails[0].to, vec!["a@example.org".to_string()]);
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].2, "sent");
    assert!(
        outbox[0].3 >= 3,
        "two refused attempts and one that worked: {outbox:?}"
    );
}

async fn permanent_smtp_failure_marks_the_message_failed(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.smtp.set_mode(SmtpMode::PermFail);
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    app.register_api(id, "A", "a@example.org", "remote").await;
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let outbox = app.outbox().await;
        if outbox.first().is_some_and(|m| m.2 == "failed") {
            assert_eq!(outbox[0].3, 1, "a permanent failure is not retried");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "never marked failed: {outbox:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, metrics) = app.get_text("/metrics").await;
    assert!(
        metrics.contains("quorum_outbox_messages{status=\"failed\"} 1"),
        "{metrics}"
    );
}

async fn mail_queued_while_smtp_is_down_is_sent_once_after_restart(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let test_db = Arc::new(test_db);
    // First instance: its SMTP server refuses everything, so all mail stays queued.
    let down = Arc::new(SmtpSink::start());
    down.set_mode(SmtpMode::TempFail);
    let first = spawn_app_on(db, test_db.clone(), down.clone(), |s| {
        s.mail_retry_base = Duration::from_secs(3600);
    })
    .await;
    let id = first.create_meeting(json!({})).await["id"]
        .as_i64()
        .unwrap();
    for i in 0..5 {
        let (status, _) = first
            .register_api(id, "O", &format!("o{i}@example.org"), "remote")
            .await;
        assert_eq!(status, 201);
    }
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    while down.refused_count() < 5 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "first instance did not try"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A restart with SMTP working: nothing lost, nothing twice.
    first.stopper.stop().await;
    let up = Arc::new(SmtpSink::start());
    let second = spawn_app_on(db, test_db.clone(), up.clone(), |s| {
        s.mail_retry_base = Duration::from_millis(100);
    })
    .await;
    // Messages the first instance postponed are due only in an hour; make them due now, as
    // the clock would after a long outage.
    let pool = second.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::outbox::dsl as o;
        let mut conn = pool.get().unwrap();
        // (Only mail: reminders scheduled for the meeting stay for their time.)
        diesel::update(o::outbox.filter(o::kind.ne_all(["reminders_due", "minutes_due"])))
            .set(o::next_attempt_at.eq(quorum::db::now()))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    let mails = up.wait_for(5, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(up.raw_messages().len(), 5);
    let mut ids: Vec<String> = mails
        .iter()
        .map(|m| m.message_id.clone().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "each message once");
    assert!(second.outbox().await.iter().all(|m| m.2 == "sent"));
}

async fn a_burst_goes_out_over_several_smtp_connections_each_message_once(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp.clone(), |s| {
        s.smtp_connections = 3;
    })
    .await;
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    for i in 0..30 {
        let (status, body) = app
            .staff_post(
                &format!("/api/v1/meetings/{id}/registrations"),
                &json!({"name": format!("Observer {i}"), "email": format!("o{i}@example.org"), "attendance": "remote"}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    smtp.wait_for(30, MAIL_WAIT).await;
    // One change queues 30 updates in one transaction: the worker sends them at once.
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": "Moved"}),
        )
        .await;
    assert_eq!(status, 200);
    let mails = smtp.wait_for(60, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.raw_messages().len(), 60, "each message once");
    let mut ids: Vec<_> = mails.iter().filter_map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60);
    assert_eq!(
        smtp.max_open_sessions(),
        3,
        "QUORUM_SMTP_CONNECTIONS sessions at once, never more"
    );
    let outbox = app.outbox().await;
    assert!(outbox.iter().all(|m| m.2 == "sent"), "{outbox:?}");
}
