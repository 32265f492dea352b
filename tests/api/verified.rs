//! Verified observers: an anonymous registration for a meeting that verifies addresses waits
//! (`pending`, no seat, no join URL) until the owner of the address presses Confirm behind
//! the mailed link. Answers never tell whether an address is registered; mail that strangers
//! cause is capped.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{
    browser, extract_csrf, location, spawn_app, spawn_app_on, test_db, Db, TestApp, MAIL_WAIT,
};
use crate::ics_check;
use crate::smtp::{ReceivedMail, SmtpMode, SmtpSink};

both_backends!(
    form_path_confirms_only_on_post,
    api_answers_202_and_staff_tokens_register_at_once,
    known_and_new_addresses_get_identical_answers,
    notices_and_recipients_are_capped,
    unconfirmed_registrations_expire_with_their_data,
    concurrent_confirmations_never_exceed_capacity,
    series_confirmation_takes_a_seat_in_every_occurrence,
    staff_forms_ask_for_verification_by_default,
);

const JOIN: &str = "https://meet.example.org/ssr2";

async fn verified_meeting(app: &TestApp, overrides: Value) -> i64 {
    let mut body = json!({"verify_email": true});
    for (k, v) in overrides.as_object().unwrap() {
        body[k] = v.clone();
    }
    let m = app.create_meeting(body).await;
    assert_eq!(m["verify_email"], true);
    m["id"].as_i64().unwrap()
}

/// The `/r/{token}` path in a mail's text.
fn link_in(mail: &ReceivedMail, base_url: &str) -> String {
    let text = mail.text.as_ref().unwrap();
    let start = text
        .find(&format!("{base_url}/r/"))
        .unwrap_or_else(|| panic!("no manage link in {text}"));
    text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .replace(base_url, "")
}

/// Registrations of a meeting by status, straight from the database.
async fn statuses(app: &TestApp, meeting_id: i64) -> Vec<String> {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::registrations::dsl as r;
        let mut conn = pool.get().unwrap();
        r::registrations
            .filter(r::meeting_id.eq(meeting_id))
            .order(r::id.asc())
            .select(r::status)
            .load::<String>(&mut conn)
            .unwrap()
    })
    .await
    .unwrap()
}

fn seats(meeting: &Value, mode: &str) -> (i64, i64) {
    let s = &meeting["seats"][mode];
    (
        s["confirmed"].as_i64().unwrap(),
        s["waitlisted"].as_i64().unwrap(),
    )
}

async fn confirm(app: &TestApp, client: &reqwest::Client, link: &str) -> reqwest::Response {
    let page = client.get(app.url(link)).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csrf = extract_csrf(&page.text().await.unwrap());
    client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap()
}

async fn form_path_confirms_only_on_post(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = verified_meeting(&app, json!({})).await;
    let name = "María \"MJ\" <b>P</b>";
    let res = app
        .register_form(
            id,
            &[
                ("name", name),
                ("email", "maria@example.org"),
                ("attendance", "remote"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/meetings/{id}/check-mail"));
    let (status, page) = app.get_text(&format!("/meetings/{id}/check-mail")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Check your mail") && page.contains("48 hours"));
    assert_eq!(statuses(&app, id).await, vec!["pending"]);
    assert_eq!(
        seats(&app.meeting(id).await, "remote"),
        (0, 0),
        "no seat yet"
    );

    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let ask = &mails[0];
    assert!(ask.subject.contains("Please confirm"), "{}", ask.subject);
    assert!(ask.calendar.is_none() && ask.attachments.is_empty());
    let text = ask.text.as_ref().unwrap();
    assert!(
        text.starts_with("Hello,"),
        "no name before the address is confirmed: {text}"
    );
    assert!(!text.contains("María") && !ask.html.as_ref().unwrap().contains("María"));
    assert!(!text.contains(JOIN), "no join URL before confirmation");
    let link = link_in(ask, &app.base_url);

    // Opening the link (as a mail scanner does, twice) changes nothing.
    for _ in 0..2 {
        let (status, page) = app.get_text(&link).await;
        assert_eq!(status, 200);
        assert!(page.contains("not confirmed yet") && page.contains("/confirm"));
        assert!(!page.contains(JOIN), "no join URL on a pending page");
    }
    let (status, ics) = app.get_text(&format!("{link}/invite.ics")).await;
    assert_eq!(status, 409, "no invite before confirmation");
    assert!(!ics.contains(JOIN));
    assert_eq!(statuses(&app, id).await, vec!["pending"]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.smtp.wait_for(1, MAIL_WAIT).await.len(), 1);

    // Confirm without the CSRF token: refused.
    let res = app
        .client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(statuses(&app, id).await, vec!["pending"]);

    let res = confirm(&app, &app.client, &link).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("{link}?done=confirmed"));
    assert_eq!(statuses(&app, id).await, vec!["active"]);
    assert_eq!(seats(&app.meeting(id).await, "remote"), (1, 0));
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let done = &mails[1];
    assert!(done.subject.contains("Registration confirmed"));
    assert_eq!(
        done.calendar.as_ref().unwrap().method_param.as_deref(),
        Some("REQUEST")
    );
    let html = done.html.as_ref().unwrap();
    assert!(
        html.contains("Hello María &#34;MJ&#34; &#60;b&#62;P&#60;/b&#62;,")
            || html.contains("Hello María &quot;MJ&quot; &lt;b&gt;P&lt;/b&gt;,"),
        "greeted by name, HTML-escaped, once the address is confirmed: {html}"
    );
    assert!(done.text.as_ref().unwrap().contains(JOIN));
    let (_, page) = app.get_text(&link).await;
    assert!(page.contains(JOIN), "the confirmed seat sees the join URL");

    // Confirming again is harmless.
    let res = confirm(&app, &app.client, &link).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(seats(&app.meeting(id).await, "remote"), (1, 0));
}

async fn api_answers_202_and_staff_tokens_register_at_once(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = verified_meeting(&app, json!({})).await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .json(&json!({"name": "Ada", "email": "ada@example.org", "attendance": "remote"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 202);
    assert_eq!(
        res.text().await.unwrap(),
        r#"{"registration":{"status":"pending"}}"#
    );

    let staff = |email: &'static str, token: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url(&format!("/api/v1/meetings/{id}/registrations")))
                .bearer_auth(token)
                .json(&json!({"name": "Bo", "email": email, "attendance": "remote"}))
                .send()
                .await
                .unwrap()
        }
    };
    let res = staff("bo@example.org", app.api_token.clone()).await;
    assert_eq!(res.status().as_u16(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["registration"]["status"], "confirmed");
    assert!(body["registration"]["manage_url"].as_str().is_some());
    let res = staff("cy@example.org", "not-a-valid-token-at-all-xxxxx".into()).await;
    assert_eq!(res.status().as_u16(), 401, "a bad token is not anonymous");
    assert_eq!(seats(&app.meeting(id).await, "remote"), (1, 0));

    // Without verification the earlier behaviour holds.
    let plain = app.create_meeting(json!({"verify_email": false})).await["id"]
        .as_i64()
        .unwrap();
    let (status, body) = app
        .register_api(plain, "Di", "di@example.org", "remote")
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .register_api(plain, "Di", "di@example.org", "remote")
        .await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "already_registered");
}

/// Masks what differs by design between two answers: CSRF tokens.
fn masked(body: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i + marker.len()]);
        rest = &rest[i + marker.len()..];
        let end = rest.find('"').unwrap();
        out.push_str("CSRF");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

async fn answer_of(res: reqwest::Response) -> (u16, Option<String>, String) {
    let status = res.status().as_u16();
    let loc = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    (status, loc, masked(&res.text().await.unwrap()))
}

async fn known_and_new_addresses_get_identical_answers(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = verified_meeting(&app, json!({})).await;
    let api = |email: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url(&format!("/api/v1/meetings/{id}/registrations")))
                .json(&json!({"name": "X", "email": email, "attendance": "remote"}))
                .send()
                .await
                .unwrap();
            answer_of(res).await
        }
    };
    let form = |email: &'static str| {
        let app = &app;
        async move {
            let fields = [
                ("name", "X"),
                ("email", email),
                ("attendance", "remote"),
                ("consent", "on"),
            ];
            answer_of(app.register_form(id, &fields).await).await
        }
    };
    let fresh = api("new1@example.org").await;
    let pending = api("new1@example.org").await;
    assert_eq!(fresh, pending, "pending address");
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let first = link_in(&mails[0], &app.base_url);
    let second = link_in(&mails[1], &app.base_url);
    assert_ne!(first, second, "a fresh link each time");
    assert!(mails[1].subject.contains("Please confirm"));
    // Confirm through the first link: earlier links keep working.
    assert_eq!(
        confirm(&app, &app.client, &first).await.status().as_u16(),
        303
    );
    assert_eq!(app.get_text(&second).await.0, 200);
    let confirmed = api("NEW1@example.org").await;
    assert_eq!(fresh, confirmed, "confirmed address");
    let mails = app.smtp.wait_for(4, MAIL_WAIT).await;
    let notice = mails
        .iter()
        .find(|m| m.subject.contains("already registered"))
        .unwrap();
    assert!(notice.calendar.is_none());
    assert!(notice
        .text
        .as_ref()
        .unwrap()
        .contains("Earlier links keep working"));
    let third = link_in(notice, &app.base_url);
    for link in [&first, &second, &third] {
        let (status, page) = app.get_text(link).await;
        assert_eq!(status, 200, "{link}");
        assert!(page.contains("confirmed"));
    }

    // The web form: the same redirect and page for a new and a known address.
    let new_form = form("new2@example.org").await;
    let known_form = form("new1@example.org").await;
    assert_eq!(new_form, known_form);
    assert_eq!(new_form.0, 303);
    assert_eq!(statuses(&app, id).await, vec!["active", "pending"]);
}

async fn notices_and_recipients_are_capped(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp, |s| {
        s.mail_per_recipient_hour = 4;
    })
    .await;
    let id = verified_meeting(&app, json!({})).await;
    // One link to confirm, then at most 3 notices per address and meeting.
    for _ in 0..6 {
        let (status, _) = app
            .register_api(id, "Eve", "victim@example.org", "remote")
            .await;
        assert_eq!(status, 202);
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mails = app.smtp.wait_for(4, MAIL_WAIT).await;
    assert_eq!(mails.len(), 4, "1 link + 3 notices, then nothing");
    // Per recipient across meetings: 4 per hour in all, already used up.
    let other = verified_meeting(&app, json!({})).await;
    let (status, body) = app
        .register_api(other, "Eve", "victim@example.org", "remote")
        .await;
    assert_eq!(
        (status, body),
        (202, json!({"registration": {"status": "pending"}}))
    );
    let (status, _) = app
        .register_api(other, "Fay", "fay@example.org", "remote")
        .await;
    assert_eq!(status, 202);
    let mails = app.smtp.wait_for(5, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails_now = app.smtp.wait_for(5, MAIL_WAIT).await;
    assert_eq!(
        mails_now.len(),
        5,
        "{:?}",
        mails.iter().map(|m| &m.to).collect::<Vec<_>>()
    );
    assert!(mails_now[4]
        .to
        .iter()
        .any(|t| t.contains("fay@example.org")));
    assert_eq!(
        mails_now
            .iter()
            .filter(|m| m.to.iter().any(|t| t.contains("victim")))
            .count(),
        4
    );
    // The counters hold no address.
    let pool = app.pool.clone();
    let keys: Vec<String> = tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::mail_caps::dsl as c;
        c::mail_caps
            .select(c::key)
            .load(&mut pool.get().unwrap())
            .unwrap()
    })
    .await
    .unwrap();
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| !k.contains('@') && k.len() == 64));
}

async fn unconfirmed_registrations_expire_with_their_data(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp, |s| {
        s.pending = Duration::from_millis(1500);
        s.sweep_interval = Duration::from_millis(200);
    })
    .await;
    let id = verified_meeting(&app, json!({})).await;
    let (status, _) = app
        .register_api(id, "Gus", "gus@example.org", "remote")
        .await;
    assert_eq!(status, 202);
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let link = link_in(&mails[0], &app.base_url);
    assert_eq!(app.get_text(&link).await.0, 200);
    // A second one whose link cannot be delivered: its queued mail goes with it.
    app.smtp.set_mode(SmtpMode::TempFail);
    let (status, _) = app
        .register_api(id, "Hal", "hal@example.org", "remote")
        .await;
    assert_eq!(status, 202);
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !statuses(&app, id).await.is_empty() {
        assert!(std::time::Instant::now() < deadline, "never expired");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.get_text(&link).await.0, 404);
    let res = app
        .client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[(
            "csrf_token",
            app.csrf_from(&format!("/meetings/{id}")).await,
        )])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(seats(&app.meeting(id).await, "remote"), (0, 0));
    let left = app.outbox().await;
    assert!(
        left.iter()
            .all(|(_, r, _, _)| !r.contains("gus@") && !r.contains("hal@")),
        "no address of an expired registration stays in the outbox: {left:?}"
    );
    assert!(
        left.iter().all(|(kind, _, _, _)| kind == "confirm_address"),
        "{left:?}"
    );
    app.smtp.set_mode(SmtpMode::Accept);
    // The address may register again.
    let (status, _) = app
        .register_api(id, "Gus", "gus@example.org", "remote")
        .await;
    assert_eq!(status, 202);
    assert_eq!(statuses(&app, id).await, vec!["pending"]);
}

async fn concurrent_confirmations_never_exceed_capacity(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = verified_meeting(
        &app,
        json!({"format": "online", "venue": null, "city": null, "country": null,
               "remote_capacity": 10, "waitlist": false}),
    )
    .await;
    for i in 0..50 {
        let (status, _) = app
            .register_api(id, "Obs", &format!("obs{i}@example.org"), "remote")
            .await;
        assert_eq!(status, 202);
    }
    let mails = app.smtp.wait_for(50, MAIL_WAIT).await;
    let client = browser();
    let csrf = {
        let page = client.get(app.url(&format!("/meetings/{id}"))).send().await;
        extract_csrf(&page.unwrap().text().await.unwrap())
    };
    let posts = mails.iter().map(|m| {
        let link = link_in(m, &app.base_url);
        let (client, csrf, url) = (
            client.clone(),
            csrf.clone(),
            app.url(&format!("{link}/confirm")),
        );
        tokio::spawn(async move {
            let res = client
                .post(url)
                .form(&[("csrf_token", csrf)])
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            (status, res.text().await.unwrap())
        })
    });
    let answers: Vec<(u16, String)> = futures::future::join_all(posts)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let ok = answers.iter().filter(|(s, _)| *s == 303).count();
    let full: Vec<_> = answers.iter().filter(|(s, _)| *s == 409).collect();
    assert_eq!(ok, 10, "{answers:?}");
    assert_eq!(full.len(), 40);
    assert!(full[0].1.contains("no waitlist"), "{}", full[0].1);
    assert_eq!(seats(&app.meeting(id).await, "remote"), (10, 0));
    let st = statuses(&app, id).await;
    assert_eq!(st.iter().filter(|s| *s == "active").count(), 10);
    assert_eq!(st.iter().filter(|s| *s == "pending").count(), 40);
}

async fn series_confirmation_takes_a_seat_in_every_occurrence(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let day = (chrono::Utc::now() + chrono::Duration::days(7)).date_naive();
    let (status, s) = app
        .staff_post(
            "/api/v1/series",
            &json!({"group": "ssr2", "title": "Weekly call", "format": "online",
                    "timezone": "UTC", "first_start": format!("{day}T14:00"),
                    "duration_minutes": 60, "count": 3, "online_url": JOIN,
                    "status": "published"}),
        )
        .await;
    assert_eq!(status, 201, "{s}");
    assert_eq!(s["verify_email"], true, "verification is the default");
    let sid = s["id"].as_i64().unwrap();
    let (status, body) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Hal", "email": "hal@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 202);
    assert_eq!(
        body,
        json!({"registration": {"status": "pending", "series": sid}})
    );
    let path = format!("/api/v1/series/{sid}");
    let confirmed = |s: &Value| -> Vec<i64> {
        s["occurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["seats"]["remote"]["confirmed"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        confirmed(&app.get(&path).await.json::<Value>().await.unwrap()),
        vec![0, 0, 0]
    );
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    assert!(!mails[0].text.as_ref().unwrap().contains(JOIN));
    let link = link_in(&mails[0], &app.base_url);
    let res = confirm(&app, &app.client, &link).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        confirmed(&app.get(&path).await.json::<Value>().await.unwrap()),
        vec![1, 1, 1]
    );
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let cal = mails[1].calendar.as_ref().unwrap();
    assert!(ics_check::events_part(&cal.body).contains("RRULE:") && cal.body.contains(JOIN));
}

async fn staff_forms_ask_for_verification_by_default(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let b = app.organizer_browser().await;
    let checked = "name=\"verify_email\" value=\"on\" checked";
    for page in ["/staff/meetings/new", "/staff/series/new"] {
        let html = app.page(&b, page).await;
        assert!(html.contains(checked), "{page}: {html}");
    }
    let day = (chrono::Utc::now() + chrono::Duration::days(20)).date_naive();
    let (start, end) = (format!("{day}T10:00"), format!("{day}T11:00"));
    let meeting = |verify: bool| {
        let mut f = vec![
            ("group", "ssr2"),
            ("title", "Call"),
            ("format", "online"),
            ("timezone", "UTC"),
            ("starts_at", start.as_str()),
            ("ends_at", end.as_str()),
            ("online_url", JOIN),
            ("status", "published"),
        ];
        if verify {
            f.push(("verify_email", "on"));
        }
        f
    };
    for verify in [true, false] {
        let new = "/staff/meetings/new";
        let res = app.staff_form(&b, new, new, &meeting(verify)).await;
        assert_eq!(res.status().as_u16(), 303);
        let id = location(&res);
        let id: i64 = id["/staff/meetings/".len()..]
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(app.meeting(id).await["verify_email"], verify);
    }
    let new = "/staff/series/new";
    let fields = [
        ("group", "ssr2"),
        ("title", "Weekly"),
        ("format", "online"),
        ("timezone", "UTC"),
        ("first_start", start.as_str()),
        ("duration_minutes", "60"),
        ("interval_weeks", "1"),
        ("count", "2"),
        ("online_url", JOIN),
        ("status", "published"),
    ];
    let res = app.staff_form(&b, new, new, &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    let sid = location(&res).trim_start_matches("/series/").to_string();
    let s = app.get(&format!("/api/v1/series/{sid}")).await;
    let s: Value = s.json().await.unwrap();
    assert_eq!(s["verify_email"], false, "unchecked box: no verification");
}
