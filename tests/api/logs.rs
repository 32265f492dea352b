//! What `quorum serve` writes to its log: no manage token, password, session id, search
//! query or full e-mail address, and one line per entry whatever a client sends.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{login_at, serve, test_db, Db, TestDb};
use crate::smtp::{SmtpMode, SmtpSink};

both_backends!(logs_hold_no_secrets_and_no_addresses);

const PASSWORD: &str = "a very long staff password";

/// A log line without its ANSI colour codes.
fn without_colours(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

async fn logs_hold_no_secrets_and_no_addresses(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let smtp = Arc::new(SmtpSink::start());
    smtp.set_mode(SmtpMode::PermFail);
    let url = test_db.url.clone();
    let token = tokio::task::spawn_blocking({
        let url = url.clone();
        move || {
            let pool = quorum::db::connect(&TestDb::existing(&url).url, 1).unwrap();
            let mut conn = pool.get().unwrap();
            quorum::auth::create_staff(
                &mut conn,
                "logkeeper@example.org",
                "Log Keeper",
                quorum::auth::Role::Admin,
                PASSWORD,
            )
            .unwrap();
            quorum::auth::create_token(&mut conn, "logkeeper@example.org", "logs").unwrap()
        }
    })
    .await
    .unwrap();
    let log_path = dir.path().join("serve.log");
    let server = serve(
        &url,
        &smtp.url(),
        dir.path(),
        std::fs::File::create(&log_path).unwrap(),
        &[],
    );
    let base = format!("http://127.0.0.1:{}", server.port);
    let api = reqwest::Client::new();
    let staff_post = |path: &str, body: Value| {
        api.post(format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let res = staff_post("/api/v1/groups", json!({"slug": "logs", "name": "Logs"}))
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let day = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive();
    let meeting: Value = staff_post(
        "/api/v1/meetings",
        json!({"group": "logs", "title": "Logged", "format": "online", "timezone": "UTC",
               "starts_at": format!("{day}T09:00"), "ends_at": format!("{day}T10:00"),
               "online_url": "https://meet.example.org/l", "status": "published"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = meeting["id"].as_i64().expect("meeting id");
    // An observer registers: the answer carries the manage link, the mail is refused by
    // SMTP with an answer that names the address.
    let address = "bob.secretname@example.org";
    let res = api
        .post(format!("{base}/api/v1/meetings/{id}/registrations"))
        .bearer_auth(&token)
        .json(&json!({"name": "Bob", "email": address, "attendance": "remote"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let body: Value = res.json().await.unwrap();
    let manage = body["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .to_string();
    let secret = manage.rsplit('/').next().unwrap().to_string();
    for path in [format!("/r/{secret}"), format!("/r/{secret}/invite.ics")] {
        let res = api.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
    }
    // Staff sign in and search for the address.
    let browser = crate::helpers::browser();
    let email = "logkeeper@example.org";
    let res = login_at(&browser, &base, email, PASSWORD, None).await;
    assert_eq!(res.status().as_u16(), 303);
    let session: String = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("quorum_staff="))
        .map(|c| c.split(';').next().unwrap_or("").to_string())
        .expect("session cookie");
    let res = browser
        .get(format!(
            "{base}/staff/meetings/{id}/registrations?q={address}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // A client trying to write lines of its own into the log.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .write_all(
            b"GET /meetings/%0D%0AINJECTED-LINE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut sink = Vec::new();
    let _ = stream.read_to_end(&mut sink);
    // The refusal is logged once the worker has tried.
    let deadline = Instant::now() + Duration::from_secs(20);
    while smtp.refused_count() == 0 {
        assert!(Instant::now() < deadline, "the mail worker never tried");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(server);
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        log.contains("/r/…"),
        "manage requests are logged, cut:\n{log}"
    );
    assert!(log.contains("mail not sent"), "{log}");
    assert!(
        log.contains("b…@example.org"),
        "the address is masked:\n{log}"
    );
    for (what, secret) in [
        ("manage token", secret.as_str()),
        ("e-mail address", address),
        ("staff address", "logkeeper@example.org"),
        ("password", PASSWORD),
        ("session id", session.as_str()),
        ("API token", token.as_str()),
    ] {
        assert!(!log.contains(secret), "the log holds a {what}:\n{log}");
    }
    assert!(!log.contains("q="), "a search query is logged:\n{log}");
    for line in log.lines().map(without_colours) {
        assert!(
            line.trim_start().starts_with("20"),
            "a line that is not a log entry: {line:?}\n{log}"
        );
    }
}
