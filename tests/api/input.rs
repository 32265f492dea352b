//! The public input archive: the form on `/groups/{slug}/input`, confirmed by mail (a POST
//! behind the mailed link), published as escaped plain text with http(s) links made
//! clickable and no address shown, forwarded to the group's input address; staff hide and
//! unhide items (audited); rate limits, the cap on mail, the honeypot and expiry.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::MAIL_WAIT;
use crate::helpers::{extract_csrf, location, spawn_app, spawn_app_on, test_db, Db, TestApp};
use crate::smtp::{ReceivedMail, SmtpMode, SmtpSink};

both_backends!(
    confirmed_input_is_published_and_forwarded,
    hostile_text_is_escaped_and_addresses_hidden,
    staff_hide_and_unhide_with_audit,
    invalid_input_honeypot_and_unknown_groups,
    submissions_are_rate_limited_and_mail_capped,
    unconfirmed_input_expires_with_its_mail,
);

const AUTHOR: &str = "author.private@quiet.example";
const INBOX: &str = "input@ssr2.example";

/// A group with a unique slug and (when `inbox`) an input address; returns its slug.
async fn group(app: &TestApp, inbox: Option<&str>) -> String {
    let slug = format!(
        "in{}",
        &quorum::domain::token::generate()[..8]
            .to_lowercase()
            .replace(['-', '_'], "x")
    );
    let (status, body) = app
        .staff_post(
            "/api/v1/groups",
            &json!({"slug": slug, "name": "SSR2 Review Team", "input_email": inbox}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    slug
}

/// Sends the form like a browser (CSRF token from the page, empty honeypot unless given).
async fn submit(app: &TestApp, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let csrf = app.csrf_from(&format!("/groups/{slug}/input")).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str())];
    if !fields.iter().any(|(k, _)| *k == "website") {
        form.push(("website", ""));
    }
    form.extend_from_slice(fields);
    app.client
        .post(app.url(&format!("/groups/{slug}/input")))
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// The `/i/{token}` path in a mail's text.
fn confirm_link(mail: &ReceivedMail, base_url: &str) -> String {
    let text = mail.text.as_ref().unwrap();
    let start = text
        .find(&format!("{base_url}/i/"))
        .unwrap_or_else(|| panic!("no confirm link in {text}"));
    text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .replace(base_url, "")
}

/// Presses Confirm on the page behind `link`.
async fn confirm(app: &TestApp, link: &str) -> reqwest::Response {
    let page = app.get(link).await;
    assert_eq!(page.status().as_u16(), 200);
    let csrf = extract_csrf(&page.text().await.unwrap());
    app.client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap()
}

/// Sends and confirms one item; `mails_before` is how many messages the sink had.
async fn publish(app: &TestApp, slug: &str, fields: &[(&str, &str)], mails_before: usize) {
    let res = submit(app, slug, fields).await;
    assert_eq!(res.status().as_u16(), 303);
    let mails = app.smtp.wait_for(mails_before + 1, MAIL_WAIT).await;
    let link = confirm_link(&mails[mails_before], &app.base_url);
    let res = confirm(app, &link).await;
    assert_eq!(res.status().as_u16(), 303);
}

fn fields<'a>(name: &'a str, subject: &'a str, message: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", AUTHOR),
        ("subject", subject),
        ("message", message),
    ]
}

async fn archive_json(app: &TestApp, slug: &str) -> Value {
    let res = app.get(&format!("/api/v1/groups/{slug}/input")).await;
    assert_eq!(res.status().as_u16(), 200);
    res.json().await.unwrap()
}

async fn count_inputs(app: &TestApp) -> i64 {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::inputs::dsl as i;
        i::inputs
            .count()
            .get_result::<i64>(&mut pool.get().unwrap())
            .unwrap()
    })
    .await
    .unwrap()
}

async fn confirmed_input_is_published_and_forwarded(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app, Some(INBOX)).await;
    let (status, page) = app.get_text(&format!("/groups/{slug}/input")).await;
    assert_eq!(status, 200);
    assert!(page.contains("No input has been published yet."));
    for field in [
        "name",
        "email",
        "subject",
        "message",
        "csrf_token",
        "website",
    ] {
        assert!(page.contains(&format!("name=\"{field}\"")), "{field}");
    }

    let message = "We ask the team to look at DNSSEC.\nMore: https://example.org/report.";
    let res = submit(&app, &slug, &fields("Ada Lovelace", "On DNSSEC", message)).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/groups/{slug}/input/check-mail"));
    let (status, check) = app.get_text(&location(&res)).await;
    assert_eq!(status, 200);
    assert!(check.contains("Check your mail") && check.contains("48 hours"));

    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let ask = &mails[0];
    assert_eq!(ask.envelope_to, vec![AUTHOR.to_string()]);
    assert!(ask.subject.contains("Please confirm"), "{}", ask.subject);
    let text = ask.text.as_ref().unwrap();
    assert!(
        !text.contains("DNSSEC") && !text.contains("Ada"),
        "a stranger's words are not mailed to an unconfirmed address: {text}"
    );
    let link = confirm_link(ask, &app.base_url);
    // Opening the link (as a mail scanner does) publishes nothing.
    for _ in 0..2 {
        let (status, page) = app.get_text(&link).await;
        assert_eq!(status, 200);
        assert!(page.contains("Confirm") && page.contains("On DNSSEC"));
        assert!(!page.contains(AUTHOR));
    }
    let (_, page) = app.get_text(&format!("/groups/{slug}/input")).await;
    assert!(
        !page.contains("On DNSSEC"),
        "unconfirmed input is not shown"
    );
    assert_eq!(archive_json(&app, &slug).await["input"], json!([]));

    let res = confirm(&app, &link).await;
    assert_eq!(res.status().as_u16(), 303);
    let (status, done) = app.get_text(&location(&res)).await;
    assert_eq!(status, 200);
    assert!(done.contains("your input is published"), "{done}");

    let (_, page) = app.get_text(&format!("/groups/{slug}/input")).await;
    assert!(page.contains("On DNSSEC") && page.contains("Ada Lovelace"));
    assert!(
        page.contains("We ask the team to look at DNSSEC.<br>"),
        "{page}"
    );
    assert!(page.contains(
        r#"<a href="https://example.org/report" rel="nofollow noopener ugc">https://example.org/report</a>."#
    ));
    assert!(!page.contains(AUTHOR) && !page.contains("quiet.example"));
    let json = archive_json(&app, &slug).await;
    let items = json["input"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{json}");
    let item = &items[0];
    assert_eq!(item["name"], "Ada Lovelace");
    assert_eq!(item["subject"], "On DNSSEC");
    assert_eq!(item["message"], message);
    assert!(item["id"].is_i64() && item["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(json["next"], Value::Null);
    assert!(!json.to_string().contains("quiet.example"));

    // Forwarded to the group's input address, answering goes to the author.
    let mails = app.smtp.wait_for(2, MAIL_WAIT).await;
    let forwarded = &mails[1];
    assert_eq!(forwarded.envelope_to, vec![INBOX.to_string()]);
    assert!(
        forwarded.subject.contains("On DNSSEC"),
        "{}",
        forwarded.subject
    );
    let raw = String::from_utf8_lossy(&forwarded.raw);
    assert!(
        raw.lines()
            .any(|l| l.starts_with("Reply-To:") && l.contains(AUTHOR)),
        "{raw}"
    );
    let text = forwarded.text.as_ref().unwrap().replace("\r\n", "\n");
    assert!(
        text.contains(message) && text.contains("Ada Lovelace"),
        "{text}"
    );
    assert!(forwarded.html.as_ref().unwrap().contains("On DNSSEC"));

    // Confirming again (the page offers no button now) changes nothing, forwards nothing.
    let csrf = app.csrf_from(&format!("/groups/{slug}/input")).await;
    let res = app
        .client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(app.smtp.raw_messages().len(), 2);
    assert_eq!(
        archive_json(&app, &slug).await["input"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A made-up link is not found.
    assert_eq!(
        app.get_text("/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .await
            .0,
        404
    );
}

async fn hostile_text_is_escaped_and_addresses_hidden(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    // No input address: published, forwarded nowhere.
    let slug = group(&app, None).await;
    let message = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(2) and javascript://%0aalert(3)",
        "quoted https://example.org/x\"onmouseover=\"alert(4) end",
        "fine http://example.net/a?b=1&c=2",
        "write to carol@hidden-host.example or the author at author.private@quiet.example",
    ]
    .join("\n");
    let name = "Mallory <b>bold</b> mallory@hidden-host.example";
    let subject = "\"><svg onload=alert(5)>";
    publish(&app, &slug, &fields(name, subject, &message), 0).await;

    let (status, page) = app.get_text(&format!("/groups/{slug}/input")).await;
    assert_eq!(status, 200);
    for raw in [
        "<script>alert(1)",
        "<img src=x",
        "<svg",
        "<b>bold",
        "onmouseover=\"",
        "href=\"javascript",
        "hidden-host.example",
        "quiet.example",
    ] {
        assert!(!page.contains(raw), "{raw:?} shows unescaped:\n{page}");
    }
    assert!(
        page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "{page}"
    );
    assert!(page.contains("&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"));
    assert!(page.contains("javascript:alert(2)"), "shown as text");
    assert!(page.contains("carol@…") && page.contains("author.private@…"));
    // Exactly the two http(s) links are anchors, with escaped, quote-free targets.
    let anchors: Vec<&str> = page
        .split("<a href=\"")
        .skip(1)
        .filter(|a| a.contains("rel=\"nofollow noopener ugc\""))
        .map(|a| a.split('"').next().unwrap())
        .collect();
    assert_eq!(anchors.len(), 2, "{anchors:?}");
    assert!(
        anchors[0].starts_with("https://example.org/x"),
        "{anchors:?}"
    );
    assert_eq!(anchors[1], "http://example.net/a?b=1&#38;c=2");

    let json = archive_json(&app, &slug).await;
    let item = &json["input"][0];
    assert_eq!(item["subject"], subject, "the JSON carries plain text");
    assert!(item["message"]
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));
    let body = json.to_string();
    assert!(
        !body.contains("hidden-host.example") && !body.contains("quiet.example"),
        "{body}"
    );
    // Nothing was forwarded (the group has no input address): only the confirm link went.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(app.smtp.raw_messages().len(), 1);
}

async fn staff_hide_and_unhide_with_audit(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app, None).await;
    publish(&app, &slug, &fields("Bea", "Keep me", "first"), 0).await;
    publish(&app, &slug, &fields("Cy", "Hide me", "second"), 1).await;
    let json = archive_json(&app, &slug).await;
    let subjects: Vec<&str> = json["input"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, vec!["Hide me", "Keep me"], "newest first");
    let id = json["input"][0]["id"].as_i64().unwrap();
    let hide = format!("/api/v1/groups/{slug}/input/{id}/hide");

    let anonymous = reqwest::Client::new()
        .post(app.url(&hide))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
    let (status, _) = app.staff_post(&hide, &json!({})).await;
    assert_eq!(status, 204);
    let (status, body) = app
        .staff_post(
            &format!("/api/v1/groups/{slug}/input/999999/hide"),
            &json!({}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = app
        .staff_post(
            &format!("/api/v1/groups/nosuchgroup/input/{id}/hide"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 404);

    let (_, page) = app.get_text(&format!("/groups/{slug}/input")).await;
    assert!(!page.contains("Hide me") && page.contains("Keep me"));
    let json = archive_json(&app, &slug).await;
    assert_eq!(json["input"].as_array().unwrap().len(), 1);

    // Staff see every confirmed item, with the address, and unhide through the form.
    let pw = "a long administrator passphrase";
    app.add_staff("admin@example.org", quorum::auth::Role::Admin, pw)
        .await;
    let staff = app.staff_browser("admin@example.org", pw).await;
    let groups = app.page(&staff, "/staff/groups").await;
    assert!(groups.contains(&format!("/staff/groups/{slug}/input")));
    let list_path = format!("/staff/groups/{slug}/input");
    let list = app.page(&staff, &list_path).await;
    assert!(list.contains("Hide me") && list.contains("Keep me") && list.contains(AUTHOR));
    assert!(list.contains("Hidden since"));
    let audit = app.page(&staff, "/staff/audit").await;
    assert!(audit.contains("input.hide"), "{audit}");
    let res = app
        .staff_form(&staff, &list_path, &format!("{list_path}/{id}/unhide"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with(&format!("{list_path}?done=shown")));
    let json = archive_json(&app, &slug).await;
    assert_eq!(json["input"].as_array().unwrap().len(), 2);
    let audit = app.page(&staff, "/staff/audit").await;
    assert!(audit.contains("input.unhide"), "{audit}");
    // The staff form wants its CSRF token.
    let res = staff
        .post(app.url(&format!("{list_path}/{id}/hide")))
        .form(&[("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        archive_json(&app, &slug).await["input"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // The API description names the routes.
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    for (path, method) in [
        ("/groups/{slug}/input", "get"),
        ("/groups/{slug}/input/{id}/hide", "post"),
        ("/groups/{slug}/input/{id}/unhide", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
}

async fn invalid_input_honeypot_and_unknown_groups(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app, Some(INBOX)).await;
    let long = "x".repeat(10_001);
    let res = submit(
        &app,
        &slug,
        &[
            ("name", "Dee \"Q\""),
            ("email", "not an address"),
            ("subject", ""),
            ("message", &long),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"Dee &#34;Q&#34;\""), "values kept");
    for field in ["email", "subject", "message"] {
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(!page.contains("id=\"name-error\""));
    let res = submit(
        &app,
        &slug,
        &[
            ("name", "A\nB"),
            ("email", AUTHOR),
            ("subject", "S"),
            ("message", "m"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("id=\"name-error\""));
    // 10,000 characters of a non-Latin script fit in the form.
    let wide = "評".repeat(10_000);
    let res = submit(&app, &slug, &fields("Eve", "Wide", &wide)).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(count_inputs(&app).await, 1);
    app.smtp.wait_for(1, MAIL_WAIT).await;

    // The honeypot: the same answer, nothing stored, nothing mailed.
    let mut bot = fields("Bot", "Buy", "now");
    bot.push(("website", "http://spam.example"));
    let res = submit(&app, &slug, &bot).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/groups/{slug}/input/check-mail"));
    assert_eq!(count_inputs(&app).await, 1);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(app.smtp.raw_messages().len(), 1);

    // Without the CSRF token: refused.
    let res = app
        .client
        .post(app.url(&format!("/groups/{slug}/input")))
        .form(&fields("F", "S", "m"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);

    // Unknown groups.
    assert_eq!(app.get_text("/groups/nosuchgroup/input").await.0, 404);
    assert_eq!(
        app.get_text("/groups/nosuchgroup/input/check-mail").await.0,
        404
    );
    assert_eq!(
        app.get_text("/api/v1/groups/nosuchgroup/input").await.0,
        404
    );
    let csrf = app.csrf_from(&format!("/groups/{slug}/input")).await;
    let mut form = fields("F", "S", "m");
    form.push(("csrf_token", &csrf));
    let res = app
        .client
        .post(app.url("/groups/nosuchgroup/input"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(count_inputs(&app).await, 1);
}

async fn submissions_are_rate_limited_and_mail_capped(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp, |s| s.rate_limit_per_minute = 3).await;
    let slug = group(&app, None).await;
    let mut statuses = Vec::new();
    for n in 0..4 {
        let subject = format!("Note {n}");
        let res = submit(&app, &slug, &fields("Gus", &subject, "m")).await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses, vec![303, 303, 303, 429]);
    drop(app);

    // Without a rate limit, the mail per recipient is capped (5 an hour by default).
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app, None).await;
    for n in 0..6 {
        let subject = format!("Note {n}");
        let res = submit(&app, &slug, &fields("Gus", &subject, "m")).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    app.smtp.wait_for(5, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(app.smtp.raw_messages().len(), 5);
}

async fn unconfirmed_input_expires_with_its_mail(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp, |s| {
        s.pending = Duration::from_millis(1500);
        s.sweep_interval = Duration::from_millis(200);
    })
    .await;
    let slug = group(&app, None).await;
    let res = submit(&app, &slug, &fields("Hal", "Late", "m")).await;
    assert_eq!(res.status().as_u16(), 303);
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let link = confirm_link(&mails[0], &app.base_url);
    assert_eq!(app.get_text(&link).await.0, 200);
    // A second one whose link cannot be delivered: its queued mail goes with it.
    app.smtp.set_mode(SmtpMode::TempFail);
    let other = [
        ("name", "Ivy"),
        ("email", "ivy@example.org"),
        ("subject", "Undelivered"),
        ("message", "m"),
    ];
    assert_eq!(submit(&app, &slug, &other).await.status().as_u16(), 303);
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while count_inputs(&app).await > 0 {
        assert!(std::time::Instant::now() < deadline, "never expired");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.get_text(&link).await.0, 404);
    let csrf = app.csrf_from(&format!("/groups/{slug}/input")).await;
    let res = app
        .client
        .post(app.url(&format!("{link}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(archive_json(&app, &slug).await["input"], json!([]));
    let left = app.outbox().await;
    assert!(
        left.iter().all(|(_, r, _, _)| !r.contains("ivy@")),
        "no address of expired input stays in the outbox: {left:?}"
    );
    app.smtp.set_mode(SmtpMode::Accept);
}
