//! The observer's path: form, validation, seats, waitlist, promotion, duplicates, closing.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{location, spawn_app, Db, MAIL_WAIT};

both_backends!(
    form_registration_confirms_and_opens_manage_page,
    invalid_form_is_shown_again_with_errors_and_values,
    form_without_valid_csrf_token_is_refused_and_changes_nothing,
    attendance_must_be_offered_by_the_format,
    waitlist_and_promotion_when_a_seat_frees_up,
    full_without_waitlist_is_refused,
    duplicate_address_gets_409_and_a_fresh_link,
    closed_meetings_refuse_registration,
    concurrent_registrations_never_exceed_capacity,
    switching_attendance_follows_seat_rules,
    full_room_at_hybrid_meeting_offers_remote_in_one_click,
);

async fn form_registration_confirms_and_opens_manage_page(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"in_person_capacity": 5})).await;
    let id = m["id"].as_i64().unwrap();

    let res = app
        .register_form(
            id,
            &[
                ("name", "Ada Lovelace"),
                ("email", "ada@example.org"),
                ("affiliation", "Analytical Engines"),
                ("attendance", "in_person"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let manage = location(&res);
    assert!(manage.starts_with("/r/"), "{manage}");
    let token = manage.trim_start_matches("/r/");
    assert!(token.len() >= 22, "at least 128 bits");

    let page = app.get(&manage).await;
    assert_eq!(page.status().as_u16(), 200);
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    let body = page.text().await.unwrap();
    assert!(body.contains("confirmed"), "{body}");
    assert!(body.contains("Working session"));
    assert!(
        body.contains("https://meet.example.org/ssr2"),
        "registrants see the join link"
    );

    let regs = app.registrations(id).await;
    assert_eq!(
        regs,
        vec![(
            "ada@example.org".into(),
            "in_person".into(),
            "confirmed".into()
        )]
    );
    let m = app.meeting(id).await;
    assert_eq!(m["seats"]["in_person"]["confirmed"], 1);
    assert_eq!(m["seats"]["in_person"]["available"], 4);

    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    assert_eq!(mails[0].to, vec!["ada@example.org".to_string()]);
    assert!(mails[0]
        .text
        .as_ref()
        .unwrap()
        .contains(&format!("{}{manage}", app.base_url)));

    // The invite download is the registrant's own calendar object.
    let ics = app.get(&format!("{manage}/invite.ics")).await;
    assert_eq!(ics.status().as_u16(), 200);
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let text = ics.text().await.unwrap();
    assert!(text.contains(&format!("UID:{}", m["uid"].as_str().unwrap())));
    assert!(text.contains("mailto:ada@example.org"));

    // An unknown token is a 404, not a hint.
    let (status, _) = app
        .get_text("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .await;
    assert_eq!(status, 404);
}

async fn invalid_form_is_shown_again_with_errors_and_values(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();

    let res = app
        .register_form(
            id,
            &[
                ("name", "Grace <b>Hopper</b>"),
                ("email", "not-an-address"),
                ("affiliation", "Navy"),
                ("attendance", "in_person"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("value=\"Grace &#60;b&#62;Hopper&#60;/b&#62;\"")
            || body.contains("value=\"Grace &lt;b&gt;Hopper&lt;/b&gt;\""),
        "name kept, escaped: {body}"
    );
    assert!(body.contains("value=\"not-an-address\""));
    assert!(body.contains("value=\"Navy\""));
    assert!(
        body.contains("id=\"email-error\""),
        "error beside the e-mail field"
    );
    assert!(body.contains("Please agree"), "consent error shown");
    assert!(
        !body.contains("id=\"name-error\""),
        "no error on a valid name"
    );

    // Honeypot filled: refused, nothing stored.
    let csrf = app.csrf_from(&format!("/meetings/{id}")).await;
    let res = app
        .client
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("website", "http://spam.example"),
            ("name", "Bot"),
            ("email", "bot@example.org"),
            ("attendance", "remote"),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    assert!(app.registrations(id).await.is_empty());

    // Too long a name.
    let long = "x".repeat(201);
    let res = app
        .register_form(
            id,
            &[
                ("name", &long),
                ("email", "a@example.org"),
                ("attendance", "remote"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("At most 200 characters"));
    assert!(app.registrations(id).await.is_empty());
}

async fn form_without_valid_csrf_token_is_refused_and_changes_nothing(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let fields = [
        ("name", "Eve"),
        ("email", "eve@example.org"),
        ("attendance", "remote"),
        ("consent", "on"),
    ];

    // No token at all, from a browser that never saw the form.
    let res = crate::helpers::browser()
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);

    // A token taken from another browser's session.
    let other = app.csrf_from(&format!("/meetings/{id}")).await;
    let stranger = crate::helpers::browser();
    stranger
        .get(app.url(&format!("/meetings/{id}")))
        .send()
        .await
        .unwrap();
    let mut form = vec![("csrf_token", other.as_str())];
    form.extend_from_slice(&fields);
    let res = stranger
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(app.registrations(id).await.is_empty());
}

async fn attendance_must_be_offered_by_the_format(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app
        .create_meeting(json!({"format": "online", "venue": null, "city": null}))
        .await["id"]
        .as_i64()
        .unwrap();
    let (status, body) = app
        .register_api(id, "Ada", "ada@example.org", "in_person")
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "validation_failed");
    assert!(body["error"]["fields"]["attendance"]
        .as_str()
        .unwrap()
        .contains("not offered"));
    let (status, body) = app
        .register_api(id, "Ada", "ada@example.org", "remote")
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["registration"]["status"], "confirmed");
}

async fn waitlist_and_promotion_when_a_seat_frees_up(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({"in_person_capacity": 1})).await["id"]
        .as_i64()
        .unwrap();

    let (s1, first) = app
        .register_api(id, "First", "first@example.org", "in_person")
        .await;
    let (s2, second) = app
        .register_api(id, "Second", "second@example.org", "in_person")
        .await;
    let (s3, third) = app
        .register_api(id, "Third", "third@example.org", "in_person")
        .await;
    assert_eq!((s1, s2, s3), (201, 201, 201));
    assert_eq!(first["registration"]["status"], "confirmed");
    assert_eq!(second["registration"]["status"], "waitlisted");
    assert_eq!(third["registration"]["status"], "waitlisted");
    let m = app.meeting(id).await;
    assert_eq!(m["seats"]["in_person"]["waitlisted"], 2);
    assert_eq!(m["seats"]["in_person"]["available"], 0);

    let mails = app.smtp.wait_for(3, MAIL_WAIT).await;
    let waitlisted = mails
        .iter()
        .find(|m| m.to == ["second@example.org"])
        .unwrap();
    assert!(waitlisted.calendar.is_none(), "no invite while waitlisted");
    assert!(waitlisted.subject.contains("waitlist"));

    // The confirmed observer cancels on the manage page: the oldest waitlisted one moves up.
    let manage = first["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let csrf = app.csrf_from(&manage).await;
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let regs = app.registrations(id).await;
    let status_of = |email: &str| regs.iter().find(|r| r.0 == email).unwrap().2.clone();
    assert_eq!(status_of("first@example.org"), "cancelled");
    assert_eq!(status_of("second@example.org"), "confirmed");
    assert_eq!(status_of("third@example.org"), "waitlisted");

    let mails = app.smtp.wait_for(5, MAIL_WAIT).await;
    let cancel = mails
        .iter()
        .find(|m| m.to == ["first@example.org"] && m.subject.starts_with("Registration cancelled"))
        .expect("a cancellation mail");
    crate::ics_check::assert_valid(&cancel.calendar.as_ref().unwrap().body);
    assert_eq!(
        cancel.calendar.as_ref().unwrap().method_param.as_deref(),
        Some("CANCEL")
    );
    let promoted = mails
        .iter()
        .find(|m| m.to == ["second@example.org"] && m.calendar.is_some())
        .expect("the promoted observer gets an invite");
    assert_eq!(
        promoted.calendar.as_ref().unwrap().method_param.as_deref(),
        Some("REQUEST")
    );

    // Cancelling twice changes nothing more.
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.registrations(id)
            .await
            .iter()
            .filter(|r| r.2 == "confirmed")
            .count(),
        1
    );
}

async fn full_without_waitlist_is_refused(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app
        .create_meeting(json!({"in_person_capacity": 1, "waitlist": false, "remote_capacity": 0}))
        .await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        app.register_api(id, "A", "a@example.org", "in_person")
            .await
            .0,
        201
    );
    let (status, body) = app
        .register_api(id, "B", "b@example.org", "in_person")
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "full");
    let (status, body) = app.register_api(id, "C", "c@example.org", "remote").await;
    assert_eq!(status, 409, "remote capacity 0 means none: {body}");
    // Someone already registered is told so (and mailed their link), not that it is full.
    let (status, body) = app
        .register_api(id, "A again", "A@example.org", "in_person")
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "already_registered");
    assert_eq!(app.registrations(id).await.len(), 1);
}

async fn duplicate_address_gets_409_and_a_fresh_link(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let (status, first) = app
        .register_api(id, "Ada", "Ada@Example.org", "remote")
        .await;
    assert_eq!(status, 201);
    let old_link = first["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");

    let (status, body) = app
        .register_api(id, "Ada again", "ada@EXAMPLE.org", "in_person")
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "already_registered");
    assert_eq!(app.registrations(id).await.len(), 1);

    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let resend = mails
        .iter()
        .find(|m| m.subject.contains("already registered"))
        .unwrap();
    assert!(resend.calendar.is_none());
    let text = resend.text.as_ref().unwrap();
    let start = text.find(&format!("{}/r/", app.base_url)).unwrap();
    let new_link: String = text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .replace(&app.base_url, "");
    assert_ne!(new_link, old_link);
    assert_eq!(
        app.get_text(&new_link).await.0,
        200,
        "the mailed link works"
    );
    assert_eq!(
        app.get_text(&old_link).await.0,
        200,
        "earlier links keep working"
    );

    // The web form says so too.
    let res = app
        .register_form(
            id,
            &[
                ("name", "Ada"),
                ("email", "ADA@example.org"),
                ("attendance", "remote"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("already registered"));
}

async fn closed_meetings_refuse_registration(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let past = app
        .create_meeting(json!({"starts_at": "2017-05-15T09:00", "ends_at": "2017-05-16T17:30"}))
        .await;
    assert_eq!(past["registration_open"], false);
    let (status, body) = app
        .register_api(past["id"].as_i64().unwrap(), "A", "a@example.org", "remote")
        .await;
    assert_eq!(status, 410, "{body}");
    assert_eq!(body["error"]["code"], "registration_closed");

    let day = (chrono::Utc::now() + chrono::Duration::days(20)).date_naive();
    let closed = app
        .create_meeting(json!({"registration_closes_at": "2020-01-01T00:00", "registration_opens_at": "2019-01-01T00:00"}))
        .await;
    assert_eq!(
        app.register_api(
            closed["id"].as_i64().unwrap(),
            "A",
            "a@example.org",
            "remote"
        )
        .await
        .0,
        410
    );

    let later = app
        .create_meeting(json!({"registration_opens_at": format!("{day}T08:00")}))
        .await;
    let (status, body) = app
        .register_api(
            later["id"].as_i64().unwrap(),
            "A",
            "a@example.org",
            "remote",
        )
        .await;
    assert_eq!(status, 410);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not opened yet"));

    let draft = app.create_meeting(json!({"status": "draft"})).await;
    let draft_id = draft["id"].as_i64().unwrap();
    assert_eq!(
        app.register_api(draft_id, "A", "a@example.org", "remote")
            .await
            .0,
        404
    );
    assert_eq!(
        app.get_text(&format!("/meetings/{draft_id}")).await.0,
        404,
        "drafts are not public"
    );

    // The page of a closed meeting says why instead of showing the form.
    let (status, body) = app.get_text(&format!("/meetings/{}", past["id"])).await;
    assert_eq!(status, 200);
    assert!(body.contains("already taken place"));
    assert!(!body.contains("action=\"/meetings/"));
}

async fn concurrent_registrations_never_exceed_capacity(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({"in_person_capacity": 10})).await["id"]
        .as_i64()
        .unwrap();
    let client = reqwest::Client::new();
    let url = app.url(&format!("/api/v1/meetings/{id}/registrations"));
    let requests = (0..60).map(|i| {
        let client = client.clone();
        let url = url.clone();
        async move {
            let res = client
                .post(&url)
                .json(&json!({"name": format!("Observer {i}"), "email": format!("o{i}@example.org"), "attendance": "in_person"}))
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            let body: serde_json::Value = res.json().await.unwrap();
            (status, body["registration"]["status"].as_str().unwrap_or("").to_string())
        }
    });
    let results = futures::future::join_all(requests).await;
    assert!(results.iter().all(|(s, _)| *s == 201), "{results:?}");
    let confirmed = results.iter().filter(|(_, s)| s == "confirmed").count();
    let waitlisted = results.iter().filter(|(_, s)| s == "waitlisted").count();
    assert_eq!((confirmed, waitlisted), (10, 50));
    let regs = app.registrations(id).await;
    assert_eq!(regs.iter().filter(|r| r.2 == "confirmed").count(), 10);
    assert_eq!(regs.iter().filter(|r| r.2 == "waitlisted").count(), 50);
    let m = app.meeting(id).await;
    assert_eq!(m["seats"]["in_person"]["confirmed"], 10);
    assert_eq!(m["seats"]["in_person"]["waitlisted"], 50);
}

async fn switching_attendance_follows_seat_rules(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app
        .create_meeting(json!({"in_person_capacity": 1, "remote_capacity": 5}))
        .await["id"]
        .as_i64()
        .unwrap();
    let (_, a) = app
        .register_api(id, "A", "a@example.org", "in_person")
        .await;
    let (_, b) = app
        .register_api(id, "B", "b@example.org", "in_person")
        .await;
    assert_eq!(b["registration"]["status"], "waitlisted");

    // A moves to remote: B gets the room seat.
    let manage = a["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let csrf = app.csrf_from(&manage).await;
    let res = app
        .client
        .post(app.url(&format!("{manage}/attendance")))
        .form(&[("csrf_token", csrf.as_str()), ("attendance", "remote")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let regs = app.registrations(id).await;
    assert!(regs.contains(&("a@example.org".into(), "remote".into(), "confirmed".into())));
    assert!(regs.contains(&(
        "b@example.org".into(),
        "in_person".into(),
        "confirmed".into()
    )));

    // Without a token: refused.
    let res = app
        .client
        .post(app.url(&format!("{manage}/attendance")))
        .form(&[("attendance", "in_person")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

async fn full_room_at_hybrid_meeting_offers_remote_in_one_click(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({"in_person_capacity": 1})).await["id"]
        .as_i64()
        .unwrap();
    app.register_api(id, "A", "a@example.org", "in_person")
        .await;
    let (_, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert!(page.contains("The room is full"), "{page}");
    assert!(page.contains("name=\"attend_remotely\" value=\"remote\""));
    assert!(page.contains("Attend remotely instead"));

    // One click on that button registers remotely at once.
    let res = app
        .register_form(
            id,
            &[
                ("name", "B"),
                ("email", "b@example.org"),
                ("consent", "on"),
                ("attendance", "in_person"),
                ("attend_remotely", "remote"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.registrations(id).await.contains(&(
        "b@example.org".into(),
        "remote".into(),
        "confirmed".into()
    )));
}
