//! Following a group without an account: double opt-in by mail, one announcement per
//! first publication (one per series, none for drafts, never twice), and the one-click
//! unsubscribe of RFC 8058 behind a secret URL, with no cookie and no CSRF token.

use std::time::Duration;

use serde_json::json;

use crate::both_backends;
use std::sync::Arc;

use crate::helpers::{
    browser, extract_csrf, location, spawn_app, spawn_app_on, test_db, Db, TestApp, MAIL_WAIT,
};
use crate::smtp::ReceivedMail;
use crate::smtp::{SmtpMode, SmtpSink};

both_backends!(
    each_first_publication_is_announced_once,
    one_click_unsubscribe_and_forged_links,
    same_answers_honeypot_and_bad_addresses,
    pending_followers_expire_with_their_data,
    an_update_is_announced_once_when_first_published,
);

async fn group(app: &TestApp) -> String {
    let slug = format!(
        "f{}",
        &quorum::domain::token::generate()[..8]
            .to_lowercase()
            .replace(['-', '_'], "x")
    );
    app.create_group(&slug).await;
    slug
}

/// Fills in the follow form like a browser (a fresh one each time: its own CSRF cookie).
async fn follow(app: &TestApp, slug: &str, email: &str, website: &str) -> reqwest::Response {
    let client = browser();
    let page = client
        .get(app.url(&format!("/groups/{slug}/follow")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let csrf = extract_csrf(&page.text().await.unwrap());
    client
        .post(app.url(&format!("/groups/{slug}/follow")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("website", website),
        ])
        .send()
        .await
        .unwrap()
}

/// Every message delivered to `to` so far.
fn mails_to(app: &TestApp, to: &str) -> Vec<ReceivedMail> {
    app.smtp
        .raw_messages()
        .iter()
        .map(|raw| ReceivedMail::parse(raw, Vec::new()))
        .filter(|m| m.to.iter().any(|a| a.eq_ignore_ascii_case(to)))
        .collect()
}

/// Waits until `to` has received `n` messages whose subject starts with `prefix`.
async fn wait_mails(app: &TestApp, to: &str, prefix: &str, n: usize) -> Vec<ReceivedMail> {
    let deadline = std::time::Instant::now() + MAIL_WAIT;
    loop {
        let found: Vec<ReceivedMail> = mails_to(app, to)
            .into_iter()
            .filter(|m| m.subject.starts_with(prefix))
            .collect();
        if found.len() >= n {
            return found;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{to}: {} of {n} {prefix:?} mails",
            found.len()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The `/f/{token}` path in the newest confirm mail to `to`.
async fn confirm_path(app: &TestApp, to: &str, n: usize) -> String {
    let mails = wait_mails(app, to, "Please confirm", n).await;
    let text = mails[n - 1].text.clone().unwrap();
    let start = text
        .find(&format!("{}/f/", app.base_url))
        .unwrap_or_else(|| panic!("no confirm link in {text}"));
    text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .replace(&app.base_url, "")
}

/// Follows and confirms through the mailed link's page (a GET shows a button; the POST
/// confirms).
async fn follow_and_confirm(app: &TestApp, slug: &str, email: &str) {
    let res = follow(app, slug, email, "").await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/groups/{slug}/follow/check-mail"));
    let path = confirm_path(app, email, 1).await;
    let client = browser();
    let page = client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Confirm"), "{html}");
    assert_eq!(statuses(app, email).await, vec!["pending".to_string()]);
    let csrf = extract_csrf(&html);
    let done = client
        .post(app.url(&format!("{path}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    assert_eq!(statuses(app, email).await, vec!["active".to_string()]);
}

/// The statuses of the follower rows of an address.
async fn statuses(app: &TestApp, email: &str) -> Vec<String> {
    let (pool, email) = (app.pool.clone(), email.to_lowercase());
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::followers::dsl as f;
        let mut conn = pool.get().unwrap();
        f::followers
            .filter(f::email_normalized.eq(email))
            .select(f::status)
            .load::<String>(&mut conn)
            .unwrap()
    })
    .await
    .unwrap()
}

/// Fan-out rows queued so far, by what they announce.
async fn fan_outs(app: &TestApp) -> Vec<String> {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::outbox::dsl as o;
        let mut conn = pool.get().unwrap();
        o::outbox
            .filter(o::kind.eq("announce"))
            .order(o::id)
            .select(o::about_ref.assume_not_null())
            .load::<String>(&mut conn)
            .unwrap()
    })
    .await
    .unwrap()
}

fn header<'a>(mail: &'a ReceivedMail, name: &str) -> Option<&'a str> {
    let raw = std::str::from_utf8(&mail.raw).unwrap();
    let head = &raw[..raw.find("\r\n\r\n").unwrap()];
    let prefix = format!("{name}: ");
    head.split("\r\n")
        .find_map(|line| line.strip_prefix(prefix.as_str()))
}

async fn each_first_publication_is_announced_once(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app).await;
    let ada = "ada@follow.example";
    follow_and_confirm(&app, &slug, "Ada@Follow.example").await;

    // Created published: one mail, with the RFC 8058 headers.
    let m = app
        .create_meeting(json!({"group": slug, "title": "Plenary one"}))
        .await;
    let mid = m["id"].as_i64().unwrap();
    let mails = wait_mails(&app, ada, "New meeting", 1).await;
    let mail = &mails[0];
    assert!(mail.subject.contains("Plenary one"), "{}", mail.subject);
    let text = mail.text.clone().unwrap();
    assert!(
        text.contains(&format!("{}/meetings/{mid}", app.base_url)),
        "{text}"
    );
    assert!(
        text.contains("UTC") && text.contains("Europe/Madrid"),
        "{text}"
    );
    assert!(mail.calendar.is_none() && mail.attachments.is_empty());
    let unsubscribe = header(mail, "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{}/unsubscribe/", app.base_url)),
        "{unsubscribe}"
    );
    assert_eq!(
        header(mail, "List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    // The confirmation carried the same link.
    let confirm = wait_mails(&app, ada, "Please confirm", 1).await;
    assert_eq!(header(&confirm[0], "List-Unsubscribe"), Some(unsubscribe));

    // A change to a published meeting announces nothing new.
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{mid}"),
            &json!({"title": "Plenary one, moved"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(fan_outs(&app).await, vec![format!("meeting:{mid}")]);

    // A draft announces nothing; its publication does, once.
    let d = app
        .create_meeting(json!({"group": slug, "title": "Secret draft", "status": "draft"}))
        .await;
    let did = d["id"].as_i64().unwrap();
    assert_eq!(fan_outs(&app).await.len(), 1);
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{did}"),
            &json!({"status": "published"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{did}"),
            &json!({"status": "draft"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{did}"),
            &json!({"status": "published"}),
        )
        .await;
    assert_eq!(status, 200);
    let mails = wait_mails(&app, ada, "New meeting", 2).await;
    assert!(
        mails[1].subject.contains("Secret draft"),
        "{}",
        mails[1].subject
    );

    // A series of ten: one mail, not one per occurrence.
    let s = crate::series::create_series(
        &app,
        json!({"group": slug, "title": "Weekly call", "format": "online", "timezone": "Europe/Madrid",
               "first_start": "2027-03-03T14:00", "duration_minutes": 60, "weekdays": ["WE"], "count": 10,
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let series_mail = wait_mails(&app, ada, "New series", 1).await;
    let text = series_mail[0].text.clone().unwrap();
    assert!(text.contains(&format!("/series/{sid}")), "{text}");
    assert_eq!(
        fan_outs(&app).await,
        vec![
            format!("meeting:{mid}"),
            format!("meeting:{did}"),
            format!("series:{sid}")
        ]
    );
    // Nothing more arrives: 1 confirm + 2 meetings + 1 series.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let all = mails_to(&app, ada);
    assert_eq!(
        all.len(),
        4,
        "{:?}",
        all.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
}

async fn one_click_unsubscribe_and_forged_links(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app).await;
    let (ada, bob) = ("ada@follow.example", "bob@follow.example");
    follow_and_confirm(&app, &slug, ada).await;
    follow_and_confirm(&app, &slug, bob).await;
    app.create_meeting(json!({"group": slug, "title": "First"}))
        .await;
    let mail = wait_mails(&app, ada, "New meeting", 1).await.remove(0);
    wait_mails(&app, bob, "New meeting", 1).await;
    let url = header(&mail, "List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .to_string();

    // A forged secret, or Ada's secret on another id: 404, nothing changes.
    let mut forged = url.clone();
    let last = if forged.ends_with('0') { "1" } else { "0" };
    forged.replace_range(forged.len() - 1.., last);
    let id: i64 = url.rsplit('/').nth(1).unwrap().parse().unwrap();
    let other = url.replace(
        &format!("/unsubscribe/{id}/"),
        &format!("/unsubscribe/{}/", id + 1),
    );
    let anonymous = reqwest::Client::new();
    for bad in [&forged, &other] {
        for res in [
            anonymous.get(bad.as_str()).send().await.unwrap(),
            anonymous
                .post(bad.as_str())
                .header("content-type", "application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .send()
                .await
                .unwrap(),
        ] {
            assert_eq!(res.status(), 404, "{bad}");
        }
    }
    assert_eq!(statuses(&app, ada).await, vec!["active".to_string()]);
    assert_eq!(statuses(&app, bob).await, vec!["active".to_string()]);

    // The page offers a button; the one-click POST (no cookie, no token) unsubscribes.
    let page = anonymous.get(url.as_str()).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Unsubscribe</button>"));
    let res = anonymous
        .post(url.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(statuses(&app, ada).await.is_empty(), "the row is deleted");
    // Again: the same answer.
    let again = anonymous.post(url.as_str()).send().await.unwrap();
    assert_eq!(again.status(), 200);

    // Later publications reach Bob only.
    app.create_meeting(json!({"group": slug, "title": "Second"}))
        .await;
    wait_mails(&app, bob, "New meeting", 2).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let to_ada: Vec<String> = mails_to(&app, ada)
        .into_iter()
        .map(|m| m.subject)
        .filter(|s| s.starts_with("New"))
        .collect();
    assert_eq!(to_ada.len(), 1, "{to_ada:?}");
}

async fn same_answers_honeypot_and_bad_addresses(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app).await;

    // The honeypot: the same 303, nothing stored, nothing sent.
    let res = follow(&app, &slug, "bot@follow.example", "http://spam.example").await;
    assert_eq!(res.status(), 303);
    assert!(statuses(&app, "bot@follow.example").await.is_empty());

    // Not an address: 422, the problem beside the field.
    let res = follow(&app, &slug, "not an address", "").await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"email-error\""), "{html}");
    assert!(html.contains("name=\"email\""), "{html}");

    // New, pending again, and following already: the same answer each time; the pending
    // one gets a fresh link that works.
    let carol = "carol@follow.example";
    let first = follow(&app, &slug, carol, "").await;
    let second = follow(&app, &slug, carol, "").await;
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (303, 303)
    );
    assert_eq!(location(&first), location(&second));
    // The second mail's link replaced the first one's.
    let links = [
        confirm_path(&app, carol, 1).await,
        confirm_path(&app, carol, 2).await,
    ];
    let mut working = Vec::new();
    for link in &links {
        let status = browser().get(app.url(link)).send().await.unwrap().status();
        if status == 200 {
            working.push(link.clone());
        } else {
            assert_eq!(status, 404, "{link}");
        }
    }
    assert_eq!(working.len(), 1, "{links:?}");
    let fresh = working.remove(0);
    // A pending follower is told nothing about publications.
    app.create_meeting(json!({"group": slug, "title": "Before confirming"}))
        .await;
    let client = browser();
    let html = client
        .get(app.url(&fresh))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_csrf(&html);
    let res = client
        .post(app.url(&format!("{fresh}/confirm")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let third = follow(&app, &slug, carol, "").await;
    assert_eq!(third.status(), 303);
    assert_eq!(location(&third), location(&first));
    wait_mails(&app, carol, "You already follow", 1).await;
    // A confirm POST without its CSRF token is refused.
    let res = browser()
        .post(app.url(&format!("{fresh}/confirm")))
        .form(&[("csrf_token", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // An unknown link is not found.
    let res = browser()
        .get(app.url("/f/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // The meeting published before Carol confirmed was not announced to her.
    let published = app
        .create_meeting(json!({"group": slug, "title": "After confirming"}))
        .await;
    let mails = wait_mails(&app, carol, "New meeting", 1).await;
    assert!(mails[0].subject.contains("After confirming"));

    // No follower address on the group page, its feed or the API.
    for path in [
        format!("/groups/{slug}"),
        format!("/groups/{slug}/calendar.ics"),
        format!("/api/v1/meetings?group={slug}"),
        format!("/api/v1/meetings/{}", published["id"]),
        "/calendar.ics".to_string(),
    ] {
        let (status, body) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!body.to_lowercase().contains("carol@"), "{path}: {body}");
    }
}

async fn pending_followers_expire_with_their_data(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, Arc::new(test_db), smtp, |s| {
        s.pending = Duration::from_millis(1500);
        s.sweep_interval = Duration::from_millis(200);
    })
    .await;
    let slug = group(&app).await;
    let res = follow(&app, &slug, "gus@follow.example", "").await;
    assert_eq!(res.status(), 303);
    let link = confirm_path(&app, "gus@follow.example", 1).await;
    // A second one whose link cannot be delivered: its queued mail goes with it.
    app.smtp.set_mode(SmtpMode::TempFail);
    let res = follow(&app, &slug, "hal@follow.example", "").await;
    assert_eq!(res.status(), 303);
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !statuses(&app, "gus@follow.example").await.is_empty()
        || !statuses(&app, "hal@follow.example").await.is_empty()
    {
        assert!(std::time::Instant::now() < deadline, "never expired");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.get_text(&link).await.0, 404);
    let left = app.outbox().await;
    assert!(
        left.iter()
            .all(|(_, r, _, _)| !r.contains("gus@") && !r.contains("hal@")),
        "no address of an expired follower stays in the outbox: {left:?}"
    );
}

/// An update is announced once, when staff first publish it through the API: not as a
/// draft, not again when it changes.
async fn an_update_is_announced_once_when_first_published(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = group(&app).await;
    let ada = "ada@follow.example";
    follow_and_confirm(&app, &slug, ada).await;
    let path = format!("/api/v1/groups/{slug}/updates");
    let body = "We met **twice**. <script>x</script>";
    let (status, created) = app
        .staff_post(
            &path,
            &json!({"title": "Monthly update", "body": body, "status": "draft"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert!(fan_outs(&app).await.is_empty(), "a draft is not announced");
    let item = format!("{path}/{id}");
    let (status, _) = app
        .staff_patch(&item, &json!({"status": "published"}))
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .staff_patch(&item, &json!({"title": "Monthly update (corrected)"}))
        .await;
    assert_eq!(status, 200);
    let mails = wait_mails(&app, ada, "New update", 1).await;
    let html = mails[0].html.clone().unwrap();
    assert!(html.contains("<strong>twice</strong>"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    let page = format!("/groups/{slug}/updates/{id}");
    let text = mails[0].text.clone().unwrap();
    assert!(text.contains(&page), "{text}");
    assert_eq!(app.get_text(&page).await.0, 200);
    assert_eq!(fan_outs(&app).await, vec![format!("update:{id}")]);
}
