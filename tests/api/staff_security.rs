//! Staff authentication under attack: login limits that hold under parallel guesses and
//! cannot lock the owner out, the password page throttled like a login, password rules,
//! the password-change mail, session lifetime, API token expiry and last use, logins in
//! the audit log, CSRF tokens bound to the session, and bounded memory for argon2.

use std::sync::Arc;
use std::time::Duration;

use diesel::prelude::*;
use quorum::auth::Role;
use quorum::db::schema::{api_tokens, staff_sessions};
use serde_json::json;

use crate::both_backends;
use crate::helpers::{
    browser, extract_csrf, location, login_at, serve_process, spawn_app_on, test_db, Db, Serve,
    TestApp, MAIL_WAIT,
};
use crate::smtp::SmtpSink;

both_backends!(
    parallel_guesses_stay_within_the_limit_and_the_owner_still_signs_in,
    the_current_password_check_is_throttled_like_a_login,
    password_rules_mail_and_session_lifetime_on_change,
    new_accounts_follow_the_password_rules,
    api_tokens_record_last_use_and_expire,
    logins_go_into_the_audit_log,
    csrf_tokens_are_bound_to_the_staff_session,
    failed_logins_keep_memory_bounded,
);

const PW: &str = "a long staff password";
const ADMIN: &str = "admin@example.org";
const ATTACKER: &str = "203.0.113.7";
const OWNER: &str = "198.51.100.20";

/// An app that believes `X-Forwarded-For` from 127.0.0.1, so tests can act from any address.
async fn spawn_behind_proxy(db: Db) -> Option<TestApp> {
    let test_db = Arc::new(test_db(db)?);
    let smtp = Arc::new(SmtpSink::start());
    Some(
        spawn_app_on(db, test_db, smtp, |s| {
            s.trusted_proxies = vec![quorum::config::IpNet::parse("127.0.0.1").unwrap()];
        })
        .await,
    )
}

/// A sign-in from a new browser at client address `ip`: the status and `Retry-After`.
async fn login_from(base: &str, ip: &str, email: &str, password: &str) -> (u16, Option<u64>) {
    let res = login_at(&browser(), base, email, password, Some(ip)).await;
    let retry = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    (res.status().as_u16(), retry)
}

/// The text of a page as `b` sees it.
async fn page_text(app: &TestApp, b: &reqwest::Client, path: &str) -> String {
    let res = b.get(app.url(path)).send().await.unwrap();
    res.text().await.unwrap()
}

fn count(statuses: &[u16], code: u16) -> usize {
    statuses.iter().filter(|s| **s == code).count()
}

async fn parallel_guesses_stay_within_the_limit_and_the_owner_still_signs_in(db: Db) {
    let Some(app) = spawn_behind_proxy(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;

    // 14 wrong guesses at once: 5 are checked, the rest wait.
    let guesses = (0..14).map(|_| login_from(&app.base_url, ATTACKER, ADMIN, "not the password"));
    let statuses: Vec<u16> = futures::future::join_all(guesses)
        .await
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(count(&statuses, 401), 5, "{statuses:?}");
    assert_eq!(count(&statuses, 429), 9, "{statuses:?}");

    // The guesser's address waits, even with the right password…
    let (status, retry) = login_from(&app.base_url, ATTACKER, ADMIN, PW).await;
    assert_eq!(status, 429);
    assert!(retry.is_some_and(|r| r > 0 && r <= 15 * 60), "{retry:?}");
    // …while the owner signs in from theirs.
    assert_eq!(login_from(&app.base_url, OWNER, ADMIN, PW).await.0, 303);

    // One address guessing at many accounts is stopped after 20 guesses in all.
    let sprayer = "192.0.2.99";
    for i in 0..20 {
        let email = format!("user{i}@example.org");
        let (status, _) = login_from(&app.base_url, sprayer, &email, "Winter2027!").await;
        assert_eq!(status, 401, "guess {i}");
    }
    let (status, _) = login_from(&app.base_url, sprayer, "user20@example.org", "x").await;
    assert_eq!(status, 429);
    // IPv6 clients are counted per /64: another address in the same block waits too.
    for i in 0..5 {
        let ip = format!("2001:db8:1:2::{i}");
        assert_eq!(login_from(&app.base_url, &ip, ADMIN, "nope").await.0, 401);
    }
    let (status, _) = login_from(&app.base_url, "2001:db8:1:2::99", ADMIN, PW).await;
    assert_eq!(status, 429, "same /64");
    assert_eq!(
        login_from(&app.base_url, "2001:db8:1:3::1", ADMIN, PW)
            .await
            .0,
        303,
        "another /64"
    );
}

/// Posts the password form from `b` (signed in).
async fn change_password(
    app: &TestApp,
    b: &reqwest::Client,
    current: &str,
    new: &str,
    confirm: &str,
) -> reqwest::Response {
    app.staff_form(
        b,
        "/staff/password",
        "/staff/password",
        &[("current", current), ("new", new), ("confirm", confirm)],
    )
    .await
}

/// The admin's stored password hash.
async fn stored_hash(app: &TestApp) -> String {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::staff::find_by_email(&mut conn, ADMIN)
            .unwrap()
            .unwrap()
            .password_hash
    })
    .await
    .unwrap()
}

async fn the_current_password_check_is_throttled_like_a_login(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let b = app.staff_browser(ADMIN, PW).await;
    let before = stored_hash(&app).await;
    let new = "a brand new staff password";
    for i in 0..5 {
        let res = change_password(&app, &b, "a wrong guess here", new, new).await;
        assert_eq!(res.status().as_u16(), 422, "guess {i}");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("The current password is wrong."));
    }
    let res = change_password(&app, &b, PW, new, new).await;
    assert_eq!(res.status().as_u16(), 429, "throttled, even when right");
    assert!(res.headers().contains_key("retry-after"));
    // Nothing changed (and a sign-in from this address waits as well).
    assert_eq!(stored_hash(&app).await, before);
    assert_eq!(
        app.login(&browser(), ADMIN, PW).await.status().as_u16(),
        429
    );
    let audit = page_text(&app, &b, "/staff/audit").await;
    assert!(audit.contains("staff.password_check_failed"), "{audit}");
}

async fn password_rules_mail_and_session_lifetime_on_change(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let other = app.staff_browser(ADMIN, PW).await;
    let b = app.staff_browser(ADMIN, PW).await;

    for (new, expected) in [
        ("eleven char", "at least 12 characters"),
        ("qwerty123456", "most commonly used passwords"),
        ("PassWord1234", "most commonly used passwords"),
        (ADMIN, "e-mail address"),
    ] {
        let res = change_password(&app, &b, PW, new, new).await;
        assert_eq!(res.status().as_u16(), 422, "{new}");
        let page = res.text().await.unwrap();
        assert!(page.contains(expected), "{new}: {page}");
    }
    let res = change_password(&app, &b, PW, "one new password", "another new one").await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("The new passwords do not match."));

    // The session that changes the password keeps its age: 12 hours after sign-in it ends.
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let almost = quorum::db::now() - chrono::Duration::hours(12) + chrono::Duration::seconds(4);
        diesel::update(staff_sessions::table)
            .set(staff_sessions::created_at.eq(almost))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    let aged_at = std::time::Instant::now();
    let new = "the next staff password";
    let res = change_password(&app, &b, PW, new, new).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff/password?done=password");
    let status = |c: &reqwest::Client| {
        let url = app.url("/staff");
        let c = c.clone();
        async move { c.get(url).send().await.unwrap().status().as_u16() }
    };
    assert_eq!(status(&b).await, 200, "this session goes on");
    assert_eq!(status(&other).await, 303, "other sessions end");

    // The account is told, without the password.
    let mails = app.smtp.wait_for(1, MAIL_WAIT).await;
    let mail = mails
        .iter()
        .find(|m| m.subject == "Your Quorum password was changed")
        .expect("a password-change mail");
    assert_eq!(mail.to, [ADMIN]);
    let text = mail.text.as_deref().unwrap();
    assert!(text.contains(ADMIN) && text.contains("127.0.0.1"), "{text}");
    assert!(!text.contains(new) && !mail.html.as_deref().unwrap().contains(new));

    tokio::time::sleep(Duration::from_secs(5).saturating_sub(aged_at.elapsed())).await;
    assert_eq!(
        status(&b).await,
        303,
        "12 hours after sign-in, not after the change"
    );
    assert_eq!(
        app.login(&browser(), ADMIN, new).await.status().as_u16(),
        303
    );
}

async fn new_accounts_follow_the_password_rules(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let b = app.staff_browser(ADMIN, PW).await;
    let create = |password: &'static str| {
        let (app, b) = (&app, &b);
        async move {
            let fields = [
                ("email", "new@example.org"),
                ("name", "New Staff"),
                ("role", "organizer"),
                ("password", password),
            ];
            let res = app
                .staff_form(b, "/staff/accounts", "/staff/accounts", &fields)
                .await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let (status, page) = create("elevenchars").await;
    assert_eq!(status, 422);
    assert!(page.contains("at least 12 characters"), "{page}");
    let (status, page) = create("Password1234").await;
    assert_eq!(status, 422);
    assert!(page.contains("most commonly used passwords"), "{page}");
    assert_eq!(create("a fine long password").await.0, 303);
    let (status, page) = create("another fine password").await;
    assert_eq!(status, 422);
    assert!(page.contains("exists already"), "{page}");
    assert_eq!(
        app.login(&browser(), "new@example.org", "a fine long password")
            .await
            .status()
            .as_u16(),
        303
    );
}

/// The token shown once on the page that answers its creation.
fn shown_token(page: &str) -> String {
    let start = page.find("<code>").expect("a new token") + 6;
    page[start..start + page[start..].find("</code>").unwrap()].to_string()
}

/// The cells of the tokens page's row for `label`.
fn token_row(page: &str, label: &str) -> String {
    let start = page.find(&format!("<tr><td>{label}</td>")).expect("a row");
    page[start..start + page[start..].find("</tr>").unwrap()].to_string()
}

async fn api_tokens_record_last_use_and_expire(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let b = app.staff_browser(ADMIN, PW).await;
    for bad in ["0", "abc", "99999", "1.5"] {
        let fields = [("email", ADMIN), ("label", "bad"), ("expires_days", bad)];
        let res = app
            .staff_form(&b, "/staff/tokens", "/staff/tokens", &fields)
            .await;
        assert_eq!(res.status().as_u16(), 422, "{bad}");
        assert!(res.text().await.unwrap().contains("whole number of days"));
    }
    let fields = [
        ("email", ADMIN),
        ("label", "expiring"),
        ("expires_days", "30"),
    ];
    let res = app
        .staff_form(&b, "/staff/tokens", "/staff/tokens", &fields)
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let token = shown_token(&res.text().await.unwrap());
    let tokens_page =
        || async { token_row(&page_text(&app, &b, "/staff/tokens").await, "expiring") };
    let row = tokens_page().await;
    let in_30_days = (chrono::Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%d");
    assert!(row.contains(r#"<td class="last-used">never</td>"#), "{row}");
    assert!(
        row.contains(&format!(r#"<td class="expires">{in_30_days}"#)),
        "{row}"
    );

    let call = || async {
        reqwest::Client::new()
            .get(app.url("/api/v1/meetings/1/registrations"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(call().await, 404, "accepted (no such meeting)");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let row = tokens_page().await;
    assert!(
        row.contains(&format!(r#"<td class="last-used">{today}"#)),
        "{row}"
    );
    let last_used = |pool: quorum::db::DbPool| async move {
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            api_tokens::table
                .filter(api_tokens::label.eq("expiring"))
                .select(api_tokens::last_used_at)
                .get_result::<Option<chrono::NaiveDateTime>>(&mut conn)
                .unwrap()
        })
        .await
        .unwrap()
    };
    let first = last_used(app.pool.clone()).await.expect("recorded");
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(call().await, 404);
    assert_eq!(
        last_used(app.pool.clone()).await,
        Some(first),
        "written once a minute at most"
    );

    // Once its expiry passes, the token answers 401 and the page says so.
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let past = quorum::db::now() - chrono::Duration::seconds(1);
        diesel::update(api_tokens::table.filter(api_tokens::label.eq("expiring")))
            .set(api_tokens::expires_at.eq(past))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    assert_eq!(call().await, 401);
    assert!(tokens_page().await.contains("<td>expired</td>"));
    // A token without expiry keeps working.
    let (status, _) = app
        .staff_post("/api/v1/groups", &json!({"slug": "still", "name": "Still"}))
        .await;
    assert_eq!(status, 201);
}

async fn logins_go_into_the_audit_log(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let typed = "Typed-Wrong-Password-42";
    let b = browser();
    assert_eq!(app.login(&b, ADMIN, typed).await.status().as_u16(), 401);
    let unknown = app.login(&b, "ghost@example.org", typed).await;
    assert_eq!(unknown.status().as_u16(), 401);
    let admin = app.staff_browser(ADMIN, PW).await;
    let audit = page_text(&app, &admin, "/staff/audit").await;
    for expected in [
        "staff.login_failed",
        "staff.login<",
        "ghost@example.org",
        "unknown account",
        "wrong password",
        "address:127.0.0.1",
    ] {
        assert!(audit.contains(expected), "{expected}: {audit}");
    }
    assert!(!audit.contains(typed) && !audit.contains(PW));
    let pool = app.pool.clone();
    let rows = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::sessions::audit_entries(&mut conn, 100).unwrap()
    })
    .await
    .unwrap();
    let logins: Vec<_> = rows
        .iter()
        .filter(|e| e.action.starts_with("staff.login"))
        .collect();
    assert_eq!(logins.len(), 3, "{rows:?}");
    for e in rows {
        let all = format!("{e:?}");
        assert!(!all.contains(typed) && !all.contains(PW), "{all}");
    }
}

async fn csrf_tokens_are_bound_to_the_staff_session(db: Db) {
    let Some(app) = crate::helpers::spawn_app(db).await else {
        return;
    };
    app.add_staff(ADMIN, Role::Admin, PW).await;
    let b = app.staff_browser(ADMIN, PW).await;
    let first_session_token = extract_csrf(&page_text(&app, &b, "/staff/groups").await);

    // The same browser (same CSRF cookie) signs in again: a new session.
    assert_eq!(app.login(&b, ADMIN, PW).await.status().as_u16(), 303);
    let post = |token: String, slug: &'static str| {
        let b = b.clone();
        let url = app.url("/staff/groups");
        async move {
            b.post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("slug", slug),
                    ("name", "G"),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(post(first_session_token, "refused").await, 403);
    let current = extract_csrf(&page_text(&app, &b, "/staff/groups").await);
    assert_eq!(post(current, "accepted").await, 303);

    // The sign-in form keeps its own CSRF check, and public forms need no session.
    let res = browser()
        .post(app.url("/staff/login"))
        .form(&[("email", ADMIN), ("password", PW)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let fields = [
        ("name", "Ann"),
        ("email", "ann@example.org"),
        ("attendance", "remote"),
        ("consent", "on"),
    ];
    let res = app.register_form(id, &fields).await;
    assert_eq!(res.status().as_u16(), 303);
}

/// A `quorum serve` process of its own, so that its memory can be read.
fn start_server(database_url: &str, dir: &std::path::Path) -> Serve {
    let mail = dir.join("mail");
    serve_process(
        dir,
        &[
            ("DATABASE_URL", database_url.as_ref()),
            ("QUORUM_MAIL_DIR", mail.as_os_str()),
            ("QUORUM_TRUSTED_PROXIES", "127.0.0.1".as_ref()),
        ],
        None,
    )
}

async fn failed_logins_keep_memory_bounded(db: Db) {
    let Some(test_db) = test_db(db) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = start_server(&test_db.url, dir.path());
    let base = format!("http://127.0.0.1:{}", server.port);
    assert_eq!(login_from(&base, OWNER, ADMIN, "warming up").await.0, 401);
    let before = server.peak_kib();
    for round in 0..3 {
        let guesses = (0..40).map(|i| {
            let ip = format!("203.0.{round}.{}", i + 1);
            let base = base.clone();
            async move { login_from(&base, &ip, &format!("u{i}@example.org"), "guess").await }
        });
        let statuses: Vec<u16> = futures::future::join_all(guesses)
            .await
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        // A login that waits too long for its turn is turned away (503) on a busy machine.
        let checked = count(&statuses, 401);
        assert_eq!(checked + count(&statuses, 503), 40, "{statuses:?}");
        assert!(checked >= 10, "{statuses:?}");
    }
    let grown_mib = server.peak_kib().saturating_sub(before) / 1024;
    // Two computations at a time over reused memory (2 × 19 MiB), plus threads and buffers.
    assert!(grown_mib < 80, "peak memory grew by {grown_mib} MiB");
}
