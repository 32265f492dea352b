//! Hostile input, generated: parsing never panics, and whatever text goes in, the calendar
//! and mail that come out stay valid and cannot grow extra headers.

use chrono::{NaiveDate, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use quorum::db::groups::Group;
use quorum::db::meetings::Meeting;
use quorum::db::outbox::OutboxMessage;
use quorum::domain::registration::RawRegistration;
use quorum::ics::{self, EventSource, Invitation, Method};
use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db};

/// Text with the characters that break formats: separators, quotes, line breaks, controls,
/// combining marks, emoji, and plain letters.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ";",
        ",",
        ":",
        "\\",
        "\"",
        "'",
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\u{0}",
        "\u{7}",
        "<script>",
        "</b>",
        "&amp;",
        "=cmd|' /C calc'!A0",
        "Bcc: evil@example.org",
        "é",
        "ü",
        "\u{301}",
        "🎉",
        "🇪🇸",
        "👩‍👩‍👧",
        "中文",
        " ",
        "a",
        "Z",
        "9",
        "-",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn meeting(title: &str, description: &str, venue: &str) -> (Meeting, Group) {
    let day = NaiveDate::from_ymd_opt(2027, 5, 15).unwrap();
    let t = |h| day.and_hms_opt(h, 0, 0).unwrap();
    let m = Meeting {
        id: 1,
        uid: "x@quorum.test".into(),
        group_id: 1,
        title: title.into(),
        description: description.into(),
        format: "hybrid".into(),
        timezone: "Europe/Madrid".into(),
        starts_at: t(7),
        ends_at: t(15),
        venue: Some(venue.into()),
        address: Some(venue.into()),
        city: Some("Madrid".into()),
        country: None,
        online_url: Some("https://meet.example.org/x".into()),
        online_details: Some(description.into()),
        online_url_visibility: "registrants".into(),
        in_person_capacity: None,
        remote_capacity: None,
        waitlist: true,
        registration_opens_at: None,
        registration_closes_at: None,
        status: "published".into(),
        cancel_reason: Some(description.into()),
        sequence: 3,
        created_at: t(1),
        updated_at: t(2),
        series_id: None,
        recurrence_local: None,
        detached: false,
        days: None,
        verify_email: true,
        reminders: "[1440]".into(),
        agenda: String::new(),
        announced_at: None,
    };
    let g = Group {
        id: 1,
        slug: "g".into(),
        name: venue.into(),
        description: String::new(),
        contact_email: None,
        created_at: t(1),
        about: String::new(),
        input_email: None,
    };
    (m, g)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn registration_parsing_never_panics_and_keeps_names_on_one_line(
        name in nasty(), email in nasty(), affiliation in nasty(), attendance in nasty()
    ) {
        let raw = RawRegistration { name: Some(name), email: Some(email), affiliation: Some(affiliation), attendance: Some(attendance) };
        if let Ok(input) = raw.parse() {
            prop_assert!(!input.name.contains(['\r', '\n']));
            prop_assert!(input.email.as_str().parse::<lettre::Address>().is_ok());
        }
    }

    #[test]
    fn any_text_makes_a_valid_invite_and_feed(
        title in nasty(), description in nasty(), venue in nasty(), person in nasty(),
        lang in 0usize..6
    ) {
        let lang = quorum::i18n::Lang::ALL[lang];
        let (m, g) = meeting(&title, &description, &venue);
        for cancel in [false, true] {
            let source = EventSource { meeting: &m, group: &g, url: "https://q.example.org/meetings/1".into(), show_online_url: true, note: Some(person.clone()) };
            let text = ics::invite(
                &source,
                &Invitation {
                    method: if cancel { Method::Cancel } else { Method::Request },
                    organizer_name: Some(&person),
                    organizer_email: "noreply@quorum.test",
                    attendee_name: &person,
                    attendee_email: "a@example.org",
                    accepted: true,
                    lang,
                },
                Utc::now(),
            );
            let problems = crate::ics_check::problems(&text);
            prop_assert!(problems.is_empty(), "{problems:?}\n{text}");
            let sender = ics::Organizer { name: Some(&person), email: "noreply@quorum.test" };
            let feed = ics::feed(lang, &person, &[source], &[], sender, Utc::now());
            let problems = crate::ics_check::problems(&feed);
            prop_assert!(problems.is_empty(), "{problems:?}\n{feed}");
        }
    }

    #[test]
    fn subjects_and_bodies_cannot_inject_headers(subject in nasty(), body in nasty()) {
        let now = Utc::now().naive_utc();
        let msg = OutboxMessage {
            id: 1,
            message_id: "<1@quorum.test>".into(),
            kind: "confirmed".into(),
            meeting_id: None,
            recipient: "a@example.org".into(),
            subject,
            body_text: body.clone(),
            body_html: body,
            ics: None,
            ics_method: None,
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: now,
            lease_until: None,
            last_error: None,
            created_at: now,
            sent_at: None,
            registration_id: None,
            failed_at: None,
            lead_minutes: None,
            scrubbed_at: None,
            unsubscribe_url: None,
            about_ref: None,
            reply_to: None,
            follower_id: None,
        };
        let from: lettre::message::Mailbox = "Quorum <noreply@quorum.test>".parse().unwrap();
        if let Ok(message) = quorum::mail::transport::build_message(&from, &msg) {
            let raw = String::from_utf8_lossy(&message.formatted()).into_owned();
            let head = raw.split("\r\n\r\n").next().unwrap_or("");
            for line in head.split("\r\n") {
                prop_assert!(!line.to_ascii_lowercase().starts_with("bcc:"), "injected header: {line}");
            }
            let parsed = mail_parser::MessageParser::default().parse(raw.as_bytes()).unwrap();
            prop_assert_eq!(parsed.to().and_then(|t| t.first()).and_then(|a| a.address()), Some("a@example.org"));
            prop_assert!(parsed.header("Bcc").is_none());
        }
    }
}

both_backends!(hostile_bodies_never_get_a_500);

async fn hostile_bodies_never_get_a_500(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let csrf = app.csrf_from(&format!("/meetings/{id}")).await;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let bodies = prop::collection::vec(any::<u8>(), 0..400);
    let strings = nasty();
    for _ in 0..80 {
        let raw = bodies.new_tree(&mut runner).unwrap().current();
        let text = strings.new_tree(&mut runner).unwrap().current();
        // Raw bytes as JSON and as a form.
        for (path, ctype) in [
            (
                format!("/api/v1/meetings/{id}/registrations"),
                "application/json",
            ),
            (
                format!("/meetings/{id}/register"),
                "application/x-www-form-urlencoded",
            ),
        ] {
            let res = app
                .client
                .post(app.url(&path))
                .header("Content-Type", ctype)
                .body(raw.clone())
                .send()
                .await
                .unwrap();
            assert!(
                res.status().as_u16() < 500,
                "{path} {:?} -> {}",
                raw,
                res.status()
            );
        }
        // Structured but hostile values.
        let res = app
            .public_post(
                &format!("/api/v1/meetings/{id}/registrations"),
                &json!({"name": text, "email": text, "affiliation": text, "attendance": text}),
            )
            .await;
        assert!(res.0 < 500, "{text:?} -> {}", res.0);
        let res = app
            .client
            .post(app.url(&format!("/meetings/{id}/register")))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("name", text.as_str()),
                ("email", text.as_str()),
                ("attendance", text.as_str()),
                ("consent", "on"),
            ])
            .send()
            .await
            .unwrap();
        assert!(res.status().as_u16() < 500, "{text:?} -> {}", res.status());
        let page = res.text().await.unwrap();
        assert!(!page.contains("<script>"), "unescaped in the form page");
    }
}

both_backends!(
    url_and_address_fields_refuse_control_characters,
    nothing_typed_into_a_field_adds_a_line_anywhere,
);

async fn url_and_address_fields_refuse_control_characters(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("cc").await;
    for (field, value) in [
        ("online_url", "https://meet.example.org/x\r\nX-INJECTED:1"),
        (
            "online_url",
            "https://meet.example.org/x\nCONFERENCE:https://evil.example",
        ),
        ("online_url", "https://meet.example.org/\tx"),
        ("venue", "Hall\nX-INJECTED:1"),
        ("address", "Street 1\r\nBcc: evil@example.org"),
        ("city", "Madrid\u{0}"),
        ("country", "Spain\u{1b}[31m"),
    ] {
        let mut body = json!({"group": "cc", "title": "T", "format": "hybrid",
            "timezone": "Europe/Madrid", "starts_at": "2030-05-15T09:00", "ends_at": "2030-05-15T10:00",
            "venue": "Hall", "city": "Madrid", "online_url": "https://meet.example.org/x"});
        body[field] = json!(value);
        let (status, answer) = app.staff_post("/api/v1/meetings", &body).await;
        assert_eq!(status, 422, "{field} {value:?}: {answer}");
        assert!(
            answer["error"]["fields"][field].is_string(),
            "{field}: {answer}"
        );
    }
    let (status, answer) = app
        .staff_post(
            "/api/v1/groups",
            &json!({"slug": "cc2", "name": "G", "contact_email": "g@example.org\r\nBcc: evil@example.org"}),
        )
        .await;
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["error"]["fields"]["contact_email"].is_string(),
        "{answer}"
    );
    // The same through the staff series API, whose template is a meeting.
    let (status, answer) = app
        .staff_post(
            "/api/v1/series",
            &json!({"group": "cc", "title": "S", "format": "online", "timezone": "UTC",
                    "first_start": "2030-05-15T09:00", "duration_minutes": 30, "count": 2,
                    "online_url": "https://meet.example.org/s\nX-INJECTED:1"}),
        )
        .await;
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["error"]["fields"]["online_url"].is_string(),
        "{answer}"
    );
}

/// Posts `body`; where the answer refuses fields, posts again with those fields cleaned of
/// control characters (a refusal is fine: what is accepted is what must stay harmless).
async fn post_accepted(
    app: &crate::helpers::TestApp,
    path: &str,
    mut body: serde_json::Value,
    staff: bool,
) -> serde_json::Value {
    for round in 0..3 {
        let (status, answer) = if staff {
            app.staff_post(path, &body).await
        } else {
            app.public_post(path, &body).await
        };
        if status < 300 {
            return answer;
        }
        assert_eq!(status, 422, "{path}: {answer}");
        for field in answer["error"]["fields"].as_object().unwrap().keys() {
            let Some(v) = body[field].as_str() else {
                continue;
            };
            let cleaned: String = v.chars().filter(|c| !c.is_control()).collect();
            body[field] = match (round, field.as_str()) {
                (0, _) if !cleaned.trim().is_empty() => json!(cleaned),
                (_, "contact_email" | "email") => json!("plain@example.org"),
                (_, "online_url") => json!("https://meet.example.org/plain"),
                _ => json!("plain"),
            };
        }
    }
    panic!("{path} refused cleaned values: {body}");
}

/// No line of `text` (unfolded) is one that hostile input wrote: no property or header of
/// its own, and no attendee beside the one Quorum writes (always with parameters).
fn assert_no_injected_line(what: &str, text: &str) {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    for line in unfolded.split(['\r', '\n']) {
        let upper = line.to_ascii_uppercase();
        assert!(
            !upper.starts_with("X-INJECTED")
                && !upper.starts_with("BCC")
                && !upper.starts_with("ATTENDEE:"),
            "{what}: injected line {line:?}\n{text}"
        );
    }
}

async fn nothing_typed_into_a_field_adds_a_line_anywhere(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let payloads = prop::sample::select(vec![
        "\r\nX-INJECTED:1",
        "\nX-INJECTED:1\n",
        "\rBcc: evil@example.org",
        "\r\nATTENDEE:mailto:evil@example.org",
        "\n END:VEVENT\r\nBEGIN:VEVENT\r\nX-INJECTED:1",
        "\u{0}\u{b}\u{85}",
        ";X-INJECTED=1:",
    ]);
    let text = (nasty(), payloads, nasty()).prop_map(|(a, p, b)| format!("{a}{p}{b}"));
    let mut registrations = 0;
    for case in 0..4 {
        let mut v = || text.new_tree(&mut runner).unwrap().current();
        let group = format!("h{case}");
        post_accepted(
            &app,
            "/api/v1/groups",
            json!({"slug": group, "name": v(), "description": v(),
            "contact_email": format!("g{case}@example.org{}", v())}),
            true,
        )
        .await;
        let day = (Utc::now() + chrono::Duration::days(30 + case)).date_naive();
        let meeting = post_accepted(
            &app,
            "/api/v1/meetings",
            json!({"group": group, "title": v(),
            "description": v(), "format": "hybrid", "timezone": "Europe/Madrid",
            "starts_at": format!("{day}T09:00"), "ends_at": format!("{day}T12:00"),
            "venue": v(), "address": v(), "city": v(), "country": v(),
            "online_url": format!("https://meet.example.org/{}", v()), "online_details": v(),
            "status": "published", "verify_email": false}),
            true,
        )
        .await;
        let id = meeting["id"].as_i64().unwrap();
        let series = post_accepted(&app, "/api/v1/series", json!({"group": group, "title": v(),
            "description": v(), "format": "online", "timezone": "UTC",
            "first_start": format!("{}T15:00", day + chrono::Duration::days(1)), "duration_minutes": 30, "count": 2,
            "online_url": format!("https://meet.example.org/{}", v()), "online_details": v(),
            "status": "published", "verify_email": false}), true).await;
        let sid = series["id"].as_i64().unwrap();
        let mut manage = Vec::new();
        for path in [
            format!("/api/v1/meetings/{id}/registrations"),
            format!("/api/v1/series/{sid}/registrations"),
        ] {
            let reg = post_accepted(
                &app,
                &path,
                json!({"name": v(), "affiliation": v(),
                "email": format!("r{case}@example.org"), "attendance": "remote"}),
                false,
            )
            .await;
            manage.push(
                reg["registration"]["manage_url"]
                    .as_str()
                    .unwrap()
                    .replace(&app.base_url, ""),
            );
            registrations += 1;
        }
        post_accepted(
            &app,
            &format!("/api/v1/meetings/{id}/cancel"),
            json!({"reason": v()}),
            true,
        )
        .await;
        let mut calendars = vec![
            format!("/meetings/{id}/calendar.ics"),
            format!("/groups/{group}/calendar.ics"),
            "/calendar.ics".to_string(),
        ];
        calendars.extend(manage.iter().map(|m| format!("{m}/invite.ics")));
        for path in calendars {
            let (status, cal) = app.get_text(&path).await;
            assert_eq!(status, 200, "{path}");
            crate::ics_check::assert_valid(&cal);
            assert_no_injected_line(&path, &cal);
        }
    }
    // Every mail: confirmations (with invites) and cancellations.
    let mails = app
        .smtp
        .wait_for(registrations + 4, crate::helpers::MAIL_WAIT)
        .await;
    for mail in &mails {
        let raw = String::from_utf8_lossy(&mail.raw);
        let head = raw.split("\r\n\r\n").next().unwrap_or("");
        assert_no_injected_line("mail header", head);
        assert_eq!(mail.envelope_to.len(), 1, "{head}");
        if let Some(cal) = &mail.calendar {
            crate::ics_check::assert_valid(&cal.body);
            assert_no_injected_line("mail invite", &cal.body);
        }
    }
}
