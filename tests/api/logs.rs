//! What `quorum serve` writes to its log: no manage token, password, session id, search
//! query or full e-mail address, and one line per entry whatever a client sends; with
//! `QUORUM_LOG_FORMAT=json`, every line it writes is one JSON object.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{login_at, serve, serve_command, test_db, Db, TestDb};
use crate::smtp::{SmtpMode, SmtpSink};

both_backends!(
    logs_hold_no_secrets_and_no_addresses,
    json_logs_are_one_object_a_line
);

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

/// The lines of a file that a process is still writing, once `ready` holds for them.
async fn lines_once(path: &std::path::Path, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ready(&text) {
            return text;
        }
        assert!(Instant::now() < deadline, "never ready:\n{text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Each line of `text` as a JSON object with a timestamp, a level and a message.
fn json_objects(text: &str, what: &str) -> Vec<Value> {
    text.lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {line:?}\n{text}"));
            for key in ["timestamp", "level", "message"] {
                assert!(value[key].is_string(), "{what}: no {key}: {line}");
            }
            value
        })
        .collect()
}

async fn json_logs_are_one_object_a_line(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let mail_dir = dir.path().join("mail");
    let env: [(&str, &std::ffi::OsStr); 5] = [
        ("DATABASE_URL", test_db.url.as_ref()),
        ("QUORUM_LOG_FORMAT", "json".as_ref()),
        ("RUST_LOG", "info".as_ref()),
        ("QUORUM_MAIL_DIR", mail_dir.as_os_str()),
        ("QUORUM_METRICS_TOKEN", "metrics-secret-2".as_ref()),
    ];
    let mut server = serve_command(
        dir.path(),
        &["serve", "--demo"],
        &env,
        std::fs::File::create(&out_path).unwrap().into(),
        std::fs::File::create(&err_path).unwrap().into(),
    );
    let stdout = lines_once(&out_path, |t| t.contains("Quorum is listening")).await;
    let notices = json_objects(&stdout, "stdout");
    let login = notices
        .iter()
        .find(|n| n["message"] == "demo staff login")
        .unwrap_or_else(|| panic!("no login notice:\n{stdout}"));
    let (email, password) = (
        login["email"].as_str().unwrap(),
        login["password"].as_str().unwrap(),
    );
    assert!(notices.iter().any(|n| n["message"] == "demo data loaded"));
    let listening = notices.last().unwrap();
    assert_eq!(listening["address"], server.url(""), "{stdout}");
    // The login notice is the real one: staff sign in with it.
    let base = server.url("");
    let res = login_at(&crate::helpers::browser(), &base, email, password, None).await;
    assert_eq!(res.status().as_u16(), 303, "{stdout}");
    // The metrics token set in the environment is asked for.
    let metrics = |token: Option<&'static str>| {
        let req = reqwest::Client::new().get(server.url("/metrics"));
        match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
        .send()
    };
    assert_eq!(metrics(None).await.unwrap().status().as_u16(), 401);
    let res = metrics(Some("metrics-secret-2")).await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let stderr = lines_once(&err_path, |t| t.contains("/metrics")).await;
    server.signal("TERM");
    server.wait();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or(stderr);
    let entries = json_objects(&stderr, "stderr");
    assert!(
        entries
            .iter()
            .any(|e| e["message"].as_str().unwrap_or("").contains("GET /metrics")),
        "the access log is there:\n{stderr}"
    );
    let stdout = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(
        json_objects(&stdout, "stdout").len(),
        notices.len(),
        "{stdout}"
    );
}

/// `quorum serve` with `env`, to its end: whether it succeeded, and its standard error.
fn serve_fails(env: &[(&str, &str)]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("serve")
        .current_dir(dir.path())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("q.db").display()),
        )
        .env_remove("QUORUM_LOG_FORMAT")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(out.stdout.is_empty(), "{out:?}");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_log_format_stops_the_start_with_one_line() {
    let (ok, err) = serve_fails(&[("QUORUM_LOG_FORMAT", "xml")]);
    assert!(!ok);
    assert_eq!(
        err,
        "quorum: QUORUM_LOG_FORMAT must be text or json, got \"xml\"\n"
    );
    // In JSON, a bad setting is one JSON object naming it.
    let (ok, err) = serve_fails(&[("QUORUM_LOG_FORMAT", "json"), ("QUORUM_BIND", "nowhere")]);
    assert!(!ok);
    let entries = json_objects(&err, "stderr");
    assert_eq!(entries.len(), 1, "{err}");
    assert_eq!(entries[0]["level"], "ERROR");
    assert!(
        entries[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("QUORUM_BIND must be"),
        "{err}"
    );
}
