//! Staff: access control, sessions, throttling, calendars kept in sync, registrations admin.

use std::time::Duration;

use quorum::auth::Role;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{browser, location, spawn_app, Db, MAIL_WAIT};

both_backends!(
    anonymous_staff_access_is_sent_to_login_and_api_gets_401,
    login_fails_alike_is_throttled_and_sessions_end_at_logout,
    organizers_cannot_open_admin_pages,
    revoked_tokens_and_disabled_accounts_stop_working,
    reschedule_sends_updated_invites_and_cancel_sends_cancel_to_all,
    capacity_changes_promote_and_never_evict,
    meeting_forms_take_wall_time_in_the_zone,
    registrations_list_csv_check_in_and_removal,
    staff_forms_need_csrf_tokens,
    staff_create_a_weekly_series_from_a_form,
);

const PW: &str = "a long staff password";

async fn anonymous_staff_access_is_sent_to_login_and_api_gets_401(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let anonymous = browser();
    let pages = [
        "/staff".to_string(),
        "/staff/meetings".into(),
        "/staff/meetings/new".into(),
        format!("/staff/meetings/{id}/edit"),
        format!("/staff/meetings/{id}/registrations"),
        format!("/staff/meetings/{id}/registrations.csv"),
        "/staff/groups".into(),
        "/staff/mail".into(),
        "/staff/password".into(),
        "/staff/accounts".into(),
        "/staff/tokens".into(),
        "/staff/audit".into(),
    ];
    for p in &pages {
        let res = anonymous.get(app.url(p)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303, "{p}");
        assert_eq!(location(&res), "/staff/login", "{p}");
    }
    let posts = [
        "/staff/meetings/new".to_string(),
        format!("/staff/meetings/{id}/edit"),
        format!("/staff/meetings/{id}/cancel"),
        "/staff/registrations/1/check-in".into(),
        "/staff/registrations/1/remove".into(),
        "/staff/groups".into(),
        "/staff/mail/1/retry".into(),
        "/staff/accounts".into(),
        "/staff/tokens".into(),
        "/staff/tokens/1/revoke".into(),
    ];
    for p in &posts {
        let res = anonymous
            .post(app.url(p))
            .form(&[("csrf_token", "x")])
            .send()
            .await
            .unwrap();
        assert!(
            matches!(res.status().as_u16(), 303 | 403),
            "{p}: {}",
            res.status()
        );
    }
    let client = reqwest::Client::new();
    for (method, path) in [
        ("POST", "/api/v1/groups".to_string()),
        ("POST", "/api/v1/meetings".into()),
        ("PATCH", format!("/api/v1/meetings/{id}")),
        ("POST", format!("/api/v1/meetings/{id}/cancel")),
        ("GET", format!("/api/v1/meetings/{id}/registrations")),
    ] {
        let res = client
            .request(method.parse().unwrap(), app.url(&path))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 401, "{method} {path}");
    }
    // A staff session cookie does not stand in for a bearer token.
    app.add_staff("cookie@example.org", Role::Admin, PW).await;
    let signed_in = app.staff_browser("cookie@example.org", PW).await;
    let res = signed_in
        .get(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

async fn login_fails_alike_is_throttled_and_sessions_end_at_logout(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.add_staff("org@example.org", Role::Organizer, PW).await;

    // Stored as argon2id PHC strings.
    let pool = app.pool.clone();
    let hash: String = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::staff::find_by_email(&mut conn, "org@example.org")
            .unwrap()
            .unwrap()
            .password_hash
    })
    .await
    .unwrap();
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");

    let b = browser();
    let wrong = app.login(&b, "org@example.org", "wrong password!!").await;
    let unknown = app
        .login(&b, "nobody@example.org", "wrong password!!")
        .await;
    assert_eq!(wrong.status(), unknown.status());
    assert_eq!(wrong.status().as_u16(), 401);
    let (wrong, unknown) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert!(wrong.contains("Wrong e-mail address or password."));
    assert!(unknown.contains("Wrong e-mail address or password."));

    // Session: HttpOnly, SameSite=Lax, replaced at login, dead after logout.
    let res = app.login(&b, "org@example.org", PW).await;
    assert_eq!(res.status().as_u16(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("quorum_staff="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let first_value = cookie.split(';').next().unwrap().to_string();
    assert_eq!(
        b.get(app.url("/staff"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let again = app.login(&b, "org@example.org", PW).await;
    let second_value = again
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("quorum_staff="))
        .unwrap();
    assert_ne!(
        first_value,
        second_value.split(';').next().unwrap(),
        "rotated at login"
    );
    let stale = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = stale
        .get(app.url("/staff"))
        .header("Cookie", &first_value)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "the replaced session is gone");

    let current = second_value.split(';').next().unwrap().to_string();
    let res = app.staff_form(&b, "/staff", "/staff/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = stale
        .get(app.url("/staff"))
        .header("Cookie", &current)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        303,
        "logout ended the session on the server"
    );

    // Throttling: after 5 failures for one account, even the right password waits.
    for _ in 0..5 {
        assert_eq!(
            app.login(&b, "org@example.org", "not the password")
                .await
                .status()
                .as_u16(),
            401
        );
    }
    let res = app.login(&b, "org@example.org", PW).await;
    assert_eq!(res.status().as_u16(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
}

async fn organizers_cannot_open_admin_pages(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;
    for p in ["/staff/accounts", "/staff/tokens", "/staff/audit"] {
        assert_eq!(
            b.get(app.url(p)).send().await.unwrap().status().as_u16(),
            403,
            "{p}"
        );
    }
    let res = app
        .staff_form(
            &b,
            "/staff",
            "/staff/accounts",
            &[
                ("email", "x@example.org"),
                ("name", "X"),
                ("role", "admin"),
                ("password", PW),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    for p in [
        "/staff",
        "/staff/meetings/new",
        "/staff/groups",
        "/staff/mail",
        "/staff/password",
    ] {
        assert_eq!(
            b.get(app.url(p)).send().await.unwrap().status().as_u16(),
            200,
            "{p}"
        );
    }
}

async fn revoked_tokens_and_disabled_accounts_stop_working(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.add_staff("admin@example.org", Role::Admin, PW).await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let admin = app.staff_browser("admin@example.org", PW).await;

    let res = app
        .staff_form(
            &admin,
            "/staff/tokens",
            "/staff/tokens",
            &[("email", "org@example.org"), ("label", "script")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    let start = page.find("<code>").unwrap() + 6;
    let token = page[start..start + page[start..].find("</code>").unwrap()].to_string();
    let call = |token: String| {
        let url = app.url("/api/v1/groups");
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .json(&json!({"slug": format!("g{}", rand_suffix()), "name": "G"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(call(token.clone()).await, 201);

    let tokens_page = admin
        .get(app.url("/staff/tokens"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!tokens_page.contains(&token), "the secret is shown once");
    let pool = app.pool.clone();
    let token_id: i64 = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::staff::tokens(&mut conn)
            .unwrap()
            .into_iter()
            .find(|(t, _)| t.label == "script")
            .unwrap()
            .0
            .id
    })
    .await
    .unwrap();
    let res = app
        .staff_form(
            &admin,
            "/staff/tokens",
            &format!("/staff/tokens/{token_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(call(token.clone()).await, 401, "revoked");

    // Disabling an account ends its sessions and its tokens.
    let org = app.staff_browser("org@example.org", PW).await;
    let res = app
        .staff_form(
            &admin,
            "/staff/tokens",
            "/staff/tokens",
            &[("email", "org@example.org"), ("label", "second")],
        )
        .await;
    let page = res.text().await.unwrap();
    let start = page.find("<code>").unwrap() + 6;
    let second = page[start..start + page[start..].find("</code>").unwrap()].to_string();
    assert_eq!(call(second.clone()).await, 201);
    let pool = app.pool.clone();
    let org_id = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::staff::find_by_email(&mut conn, "org@example.org")
            .unwrap()
            .unwrap()
            .id
    })
    .await
    .unwrap();
    let res = app
        .staff_form(
            &admin,
            "/staff/accounts",
            &format!("/staff/accounts/{org_id}/disable"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(call(second).await, 401);
    assert_eq!(
        org.get(app.url("/staff"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        app.login(&browser(), "org@example.org", PW)
            .await
            .status()
            .as_u16(),
        401
    );

    // The audit log shows who did it.
    let audit = admin
        .get(app.url("/staff/audit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("token.revoke")
            && audit.contains("staff.disable")
            && audit.contains("admin@example.org")
    );
}

fn rand_suffix() -> String {
    quorum::domain::token::generate()[..10]
        .to_lowercase()
        .replace(['-', '_'], "x")
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

async fn reschedule_sends_updated_invites_and_cancel_sends_cancel_to_all(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app
        .create_meeting(json!({"in_person_capacity": 1, "starts_at": "2027-05-15T09:00", "ends_at": "2027-05-15T17:00"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    app.register_api(id, "A", "a@example.org", "in_person")
        .await;
    app.register_api(id, "B", "b@example.org", "remote").await;
    app.register_api(id, "C", "c@example.org", "in_person")
        .await; // waitlisted
    app.smtp.wait_for(3, MAIL_WAIT).await;

    // A description change shows in no calendar: nothing sent, SEQUENCE unchanged.
    let (status, same) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"description": "New agenda"}),
        )
        .await;
    assert_eq!(status, 200, "{same}");
    assert_eq!(same["sequence"], 0);
    assert_eq!(same["description"], "New agenda");
    // Nor does a PATCH that repeats the current values.
    let (_, same) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": m["title"]}),
        )
        .await;
    assert_eq!(same["sequence"], 0);

    let (status, moved) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"starts_at": "2027-05-16T10:00", "ends_at": "2027-05-16T18:00"}),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["starts_at"], "2027-05-16T10:00:00+02:00");
    let mails = app.smtp.wait_for(5, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let updates: Vec<_> = app
        .smtp
        .wait_for(5, MAIL_WAIT)
        .await
        .into_iter()
        .filter(|m| m.subject.starts_with("Meeting updated"))
        .collect();
    assert_eq!(mails.len(), 5, "only the two confirmed observers are told");
    let mut to: Vec<String> = updates.iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, ["a@example.org", "b@example.org"]);
    for u in &updates {
        let cal = u.calendar.as_ref().unwrap();
        crate::ics_check::assert_valid(&cal.body);
        assert_eq!(cal.method_param.as_deref(), Some("REQUEST"));
        let ics = unfold(&cal.body);
        assert!(ics.contains("SEQUENCE:1\r\n"), "{ics}");
        assert!(ics.contains("DTSTART;TZID=Europe/Madrid:20270516T100000\r\n"));
        assert!(
            ics.contains(&format!("UID:{}\r\n", m["uid"].as_str().unwrap())),
            "same UID"
        );
    }

    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{id}/cancel")))
        .bearer_auth(&app.api_token)
        .json(&json!({"reason": "Venue closed; we meet online next week."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let cancelled: Value = res.json().await.unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["sequence"], 2);
    let mails = app.smtp.wait_for(8, MAIL_WAIT).await;
    let cancels: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Meeting cancelled"))
        .collect();
    let mut to: Vec<String> = cancels.iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(
        to,
        ["a@example.org", "b@example.org", "c@example.org"],
        "every active observer"
    );
    for c in cancels {
        crate::ics_check::assert_valid(&c.calendar.as_ref().unwrap().body);
        assert_eq!(
            c.calendar.as_ref().unwrap().method_param.as_deref(),
            Some("CANCEL")
        );
        let ics = unfold(&c.calendar.as_ref().unwrap().body);
        assert!(
            ics.contains("METHOD:CANCEL\r\n")
                && ics.contains("STATUS:CANCELLED\r\n")
                && ics.contains("SEQUENCE:2\r\n")
        );
        assert!(c.text.as_ref().unwrap().contains("Venue closed"));
    }
    // The public page says so; registration is closed; edits are refused.
    let (_, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert!(page.contains("cancelled") && page.contains("Venue closed"));
    assert_eq!(
        app.register_api(id, "D", "d@example.org", "remote").await.0,
        410
    );
    let (status, _) = app
        .staff_patch(&format!("/api/v1/meetings/{id}"), &json!({"title": "x"}))
        .await;
    assert_eq!(status, 409);
}

async fn capacity_changes_promote_and_never_evict(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({"in_person_capacity": 2})).await["id"]
        .as_i64()
        .unwrap();
    for i in 0..5 {
        app.register_api(id, "O", &format!("o{i}@example.org"), "in_person")
            .await;
    }
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"in_person_capacity": 1}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["in_person_capacity"]
        .as_str()
        .unwrap()
        .contains("2 observers"));

    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"in_person_capacity": 4}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["seats"]["in_person"]["confirmed"], 4);
    assert_eq!(body["seats"]["in_person"]["waitlisted"], 1);
    assert_eq!(body["sequence"], 0, "capacity is not in calendars");
    let regs = app.registrations(id).await;
    assert_eq!(regs[2].2, "confirmed", "promoted in order");
    assert_eq!(regs[3].2, "confirmed");
    assert_eq!(regs[4].2, "waitlisted");
    let mails = app.smtp.wait_for(7, MAIL_WAIT).await;
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.subject.starts_with("A seat is yours"))
            .count(),
        2
    );

    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"in_person_capacity": null}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["seats"]["in_person"]["waitlisted"], 0,
        "unlimited: everyone in"
    );

    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"format": "online"}),
        )
        .await;
    assert_eq!(status, 422, "would drop people holding room seats: {body}");
    let (status, _) = app
        .staff_patch(&format!("/api/v1/meetings/{id}"), &json!({"bogus": 1}))
        .await;
    assert_eq!(status, 422);
    let (status, _) = app
        .staff_patch("/api/v1/meetings/999999", &json!({"title": "x"}))
        .await;
    assert_eq!(status, 404);
}

async fn meeting_forms_take_wall_time_in_the_zone(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;
    let new_page = b
        .get(app.url("/staff/meetings/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        new_page.contains("<option value=\"Europe/Madrid\">"),
        "searchable zone list"
    );

    let base = [
        ("group", "ssr2"),
        ("title", "Madrid meeting"),
        ("format", "in_person"),
        ("timezone", "Europe/Madrid"),
        ("venue", "Hotel"),
        ("city", "Madrid"),
        ("in_person_capacity", "30"),
        ("status", "published"),
        ("waitlist", "on"),
    ];
    let mut gap = base.to_vec();
    gap.extend([
        ("starts_at", "2027-03-28T02:30"),
        ("ends_at", "2027-03-28T05:00"),
    ]);
    let res = app
        .staff_form(&b, "/staff/meetings/new", "/staff/meetings/new", &gap)
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("does not exist in Europe/Madrid"), "{body}");
    assert!(body.contains("value=\"Madrid meeting\""), "values kept");

    let mut ok = base.to_vec();
    ok.extend([
        ("starts_at", "2027-05-15T09:00"),
        ("ends_at", "2027-05-15T17:00"),
    ]);
    let res = app
        .staff_form(&b, "/staff/meetings/new", "/staff/meetings/new", &ok)
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let edit = location(&res);
    let id: i64 = edit
        .trim_start_matches("/staff/meetings/")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let m = app.meeting(id).await;
    assert_eq!(m["starts_at_utc"], "2027-05-15T07:00:00Z");
    assert_eq!(m["in_person_capacity"], 30);

    let edit_page = b
        .get(app.url(&format!("/staff/meetings/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        edit_page.contains("value=\"2027-05-15T09:00\""),
        "shown in the zone's wall time"
    );
    let mut moved = base.to_vec();
    moved.extend([
        ("starts_at", "2027-05-15T10:00"),
        ("ends_at", "2027-05-15T17:00"),
    ]);
    let res = app
        .staff_form(
            &b,
            &format!("/staff/meetings/{id}/edit"),
            &format!("/staff/meetings/{id}/edit"),
            &moved,
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let m = app.meeting(id).await;
    assert_eq!(m["sequence"], 1);
    assert_eq!(m["starts_at_utc"], "2027-05-15T08:00:00Z");

    // Copy as new: a draft with the same details and a new UID.
    let copy = b
        .get(app.url(&format!("/staff/meetings/new?copy={id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(copy.contains("Madrid meeting (copy)"));

    let res = app
        .staff_form(
            &b,
            &format!("/staff/meetings/{id}/edit"),
            &format!("/staff/meetings/{id}/cancel"),
            &[("reason", "Strike")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.meeting(id).await["status"], "cancelled");
}

async fn registrations_list_csv_check_in_and_removal(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({"in_person_capacity": 1})).await["id"]
        .as_i64()
        .unwrap();
    app.register_api(
        id,
        "=HYPERLINK(\"http://evil\")",
        "ada@example.org",
        "in_person",
    )
    .await;
    app.public_post(
        &format!("/api/v1/meetings/{id}/registrations"),
        &json!({"name": "Grace", "email": "grace@example.org", "affiliation": "+1 Navy", "attendance": "in_person"}),
    )
    .await;
    app.register_api(id, "@Linus", "linus@example.org", "remote")
        .await;
    app.register_api(id, "-Dash", "dash@example.org", "remote")
        .await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;

    let list = b
        .get(app.url(&format!("/staff/meetings/{id}/registrations")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("ada@example.org") && list.contains("grace@example.org"));
    let found = b
        .get(app.url(&format!("/staff/meetings/{id}/registrations?q=GRACE")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(found.contains("grace@example.org") && !found.contains("ada@example.org"));

    let res = b
        .get(app.url(&format!("/staff/meetings/{id}/registrations.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.text().await.unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{csv}"
    );
    assert!(csv.contains("\"'+1 Navy\""));
    assert!(csv.contains("\"'@Linus\""));
    assert!(csv.contains("\"'-Dash\""));
    for line in csv.lines().skip(1) {
        for cell in line.split("\",\"") {
            let cell = cell.trim_start_matches('\u{feff}').trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "formula in {line}");
        }
    }

    let pool = app.pool.clone();
    let ids: Vec<(i64, String)> = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::seats::roster(&mut conn, id, 1)
            .unwrap()
            .into_iter()
            .map(|r| (r.seat.id, r.registration.email))
            .collect()
    })
    .await
    .unwrap();
    let ada = ids.iter().find(|r| r.1 == "ada@example.org").unwrap().0;
    let page = format!("/staff/meetings/{id}/registrations");
    let res = app
        .staff_form(
            &b,
            &page,
            &format!("/staff/registrations/{ada}/check-in"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let json: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ada_json = json["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == "ada@example.org")
        .unwrap();
    assert!(ada_json["checked_in_at"].is_string());

    // Removing Ada's data frees her seat for Grace.
    let res = app
        .staff_form(
            &b,
            &page,
            &format!("/staff/registrations/{ada}/remove"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let regs = app.registrations(id).await;
    assert!(
        !regs.iter().any(|r| r.0 == "ada@example.org"),
        "no trace of the address"
    );
    assert!(regs.contains(&(
        "grace@example.org".into(),
        "in_person".into(),
        "confirmed".into()
    )));
    let list = b
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!list.contains("HYPERLINK"));
}

async fn staff_forms_need_csrf_tokens(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;
    let res = b
        .post(app.url("/staff/groups"))
        .form(&[("slug", "new-group"), ("name", "New")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = b
        .post(app.url("/staff/groups"))
        .form(&[
            ("csrf_token", "forged"),
            ("slug", "new-group"),
            ("name", "New"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let groups = b
        .get(app.url("/staff/groups"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!groups.contains("new-group"));
    let res = app
        .staff_form(
            &b,
            "/staff/groups",
            "/staff/groups",
            &[("slug", "new-group"), ("name", "New")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn staff_create_a_weekly_series_from_a_form(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;
    assert_eq!(
        b.get(app.url("/staff/series/new"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let fields = [
        ("group", "ssr2"),
        ("title", "Weekly plenary"),
        ("format", "online"),
        ("timezone", "Europe/Madrid"),
        ("first_start", "2027-01-06T14:00"),
        ("duration_minutes", "90"),
        ("interval_weeks", "1"),
        ("wd_we", "on"),
        ("count", "8"),
        ("online_url", "https://meet.example.org/w"),
        ("status", "published"),
    ];
    let mut wrong = fields.to_vec();
    wrong.retain(|(k, _)| *k != "wd_we");
    wrong.push(("wd_mo", "on"));
    let res = app
        .staff_form(&b, "/staff/series/new", "/staff/series/new", &wrong)
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("must fall on one of the weekdays"));
    let res = app
        .staff_form(&b, "/staff/series/new", "/staff/series/new", &fields)
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = location(&res);
    assert!(page.starts_with("/series/"));
    let (status, html) = app.get_text(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Every week on Wednesday at 14:00 (Europe/Madrid), 90 minutes, 8 meetings"),
        "{html}"
    );
    let id = page.trim_start_matches("/series/");
    let s: Value = app
        .get(&format!("/api/v1/series/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(s["occurrences"].as_array().unwrap().len(), 8);
}
