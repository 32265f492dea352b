//! Faults: two instances on one PostgreSQL, the database going away, SIGKILL in the middle
//! of a registration load, SIGTERM with a request in flight, slow clients.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{
    serve_process, spawn_app, spawn_app_on, test_db, Db, Serve, TestDb, MAIL_WAIT,
};
use crate::smtp::SmtpSink;

both_backends!(
    two_instances_never_overbook_and_send_each_mail_once,
    an_unreachable_database_gives_503_with_retry_after,
    sigkill_during_registrations_loses_nothing_acknowledged,
    sigterm_lets_requests_in_flight_finish,
    slow_clients_are_cut_off,
);

async fn two_instances_never_overbook_and_send_each_mail_once(db: Db) {
    if db == Db::Sqlite {
        eprintln!("skipped: several instances share a database only on PostgreSQL");
        return;
    }
    let Some(test_db) = test_db(db) else { return };
    let test_db = Arc::new(test_db);
    let smtp = Arc::new(SmtpSink::start());
    let a = spawn_app_on(db, test_db.clone(), smtp.clone(), |_| {}).await;
    let b = spawn_app_on(db, test_db.clone(), smtp.clone(), |_| {}).await;
    let id = a.create_meeting(json!({"in_person_capacity": 10})).await["id"]
        .as_i64()
        .unwrap();
    let client = reqwest::Client::new();
    let requests = (0..60).map(|i| {
        let base = if i % 2 == 0 { a.base_url.clone() } else { b.base_url.clone() };
        let client = client.clone();
        async move {
            let res = client
                .post(format!("{base}/api/v1/meetings/{id}/registrations"))
                .json(&json!({"name": "O", "email": format!("o{i}@example.org"), "attendance": "in_person"}))
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }
    });
    let statuses = futures::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let regs = a.registrations(id).await;
    assert_eq!(regs.iter().filter(|r| r.2 == "confirmed").count(), 10);
    assert_eq!(regs.iter().filter(|r| r.2 == "waitlisted").count(), 50);
    // Both workers drain one outbox: every message once.
    let mails = smtp.wait_for(60, MAIL_WAIT).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(smtp.raw_messages().len(), 60, "no message sent twice");
    let mut ids: Vec<String> = mails.iter().filter_map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60);
}

async fn an_unreachable_database_gives_503_with_retry_after(db: Db) {
    if db == Db::Sqlite {
        eprintln!("skipped: an embedded SQLite file cannot become unreachable while open");
        return;
    }
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    // Take the database away under the running server.
    let admin = std::env::var("QUORUM_TEST_POSTGRES_URL").unwrap();
    let name = url::Url::parse(&app.test_db().url)
        .unwrap()
        .path()
        .trim_start_matches('/')
        .to_string();
    tokio::task::spawn_blocking(move || {
        use diesel::{Connection, RunQueryDsl};
        let mut conn = diesel::PgConnection::establish(&admin).unwrap();
        diesel::sql_query(format!("DROP DATABASE {name} WITH (FORCE)"))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/meetings"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert!(res.headers().contains_key("retry-after"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unavailable");
    assert!(
        !body.to_string().contains("database \\\""),
        "no internals: {body}"
    );
    let res = reqwest::Client::new()
        .get(app.url("/"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert!(res.headers().contains_key("retry-after"));
    let page = res.text().await.unwrap();
    assert!(page.contains("temporarily unavailable"));
    let res = reqwest::Client::new()
        .get(app.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert!(res.headers().contains_key("retry-after"));
}

/// SMTP connections of a `Server`: after a kill, at most
/// `UNRECORDED_PER_CONNECTION` messages per connection (under way, or sent but not yet
/// recorded) go out a second time.
const SMTP_CONNECTIONS: usize = 4;

/// A `quorum serve` process of its own, to be killed.
fn start_server(database_url: &str, smtp_url: &str, dir: &std::path::Path) -> Serve {
    let connections = SMTP_CONNECTIONS.to_string();
    serve_process(
        dir,
        &[
            ("DATABASE_URL", database_url.as_ref()),
            ("QUORUM_SMTP_URL", smtp_url.as_ref()),
            ("QUORUM_MAIL_LEASE_SECONDS", "2".as_ref()),
            ("QUORUM_SMTP_CONNECTIONS", connections.as_ref()),
        ],
        None,
    )
}

/// An admin's API token, made directly in the database.
pub fn token(test_db: &TestDb) -> String {
    let pool = quorum::db::connect(&test_db.url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    quorum::auth::create_staff(
        &mut conn,
        "ops@example.org",
        "Ops",
        quorum::auth::Role::Admin,
        "a long ops password",
    )
    .unwrap();
    quorum::auth::create_token(&mut conn, "ops@example.org", "ops").unwrap()
}

async fn setup_meeting(server: &Serve, token: &str, capacity: Option<i64>) -> i64 {
    let client = reqwest::Client::new();
    let res = client
        .post(server.url("/api/v1/groups"))
        .bearer_auth(token)
        .json(&json!({"slug": "ops", "name": "Ops"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let day = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive();
    let res = client
        .post(server.url("/api/v1/meetings"))
        .bearer_auth(token)
        .json(&json!({"group": "ops", "title": "Load", "format": "online", "timezone": "UTC",
                      "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T11:00"),
                      "online_url": "https://meet.example.org/l", "remote_capacity": capacity, "status": "published", "verify_email": false}))
        .send()
        .await
        .unwrap();
    let m: Value = res.json().await.unwrap();
    m["id"].as_i64().unwrap()
}

async fn sigkill_during_registrations_loses_nothing_acknowledged(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let smtp = Arc::new(SmtpSink::start());
    let url = test_db.url.clone();
    let api_token = tokio::task::spawn_blocking({
        let url = url.clone();
        move || token(&TestDb::existing(&url))
    })
    .await
    .unwrap();
    let server = start_server(&url, &smtp.url(), dir.path());
    let id = setup_meeting(&server, &api_token, None).await;

    // 8 clients register as fast as they can; the server is killed with SIGKILL under load.
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut tasks = Vec::new();
    for c in 0..8 {
        let (acknowledged, stop, endpoint) = (
            acknowledged.clone(),
            stop.clone(),
            server.url(&format!("/api/v1/meetings/{id}/registrations")),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 2000 {
                let email = format!("c{c}-{n}@example.org");
                n += 1;
                match client
                    .post(&endpoint)
                    .json(&json!({"name": "L", "email": email, "attendance": "remote"}))
                    .send()
                    .await
                {
                    Ok(res) if res.status().as_u16() == 201 => {
                        acknowledged.lock().unwrap().push(email)
                    }
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
        }));
    }
    // Kill once the load is well under way (however busy the machine is).
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while acknowledged.lock().unwrap().len() < 40 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.signal("KILL");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    drop(server);
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 20,
        "the load ran ({} acknowledged)",
        acknowledged.len()
    );

    // After a restart every acknowledged registration is there, once.
    let server = start_server(&url, &smtp.url(), dir.path());
    let pool = quorum::db::connect(&url, 2).unwrap();
    let stored: Vec<String> = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::seats::roster(&mut conn, id, 1)
            .unwrap()
            .into_iter()
            .map(|r| r.registration.email)
            .collect()
    })
    .await
    .unwrap();
    let mut unique = stored.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), stored.len(), "no registration twice");
    for email in &acknowledged {
        assert!(stored.contains(email), "{email} got 201 but is not stored");
    }
    // The outbox drains: one confirmation per stored registration. A message whose send was
    // under way at the kill, or not yet recorded as sent, can go out twice (at-least-once);
    // the worker keeps that to a few per SMTP connection.
    let at_most = SMTP_CONNECTIONS * quorum::mail::worker::UNRECORDED_PER_CONNECTION;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let received = smtp.raw_messages();
        let mut recipients: Vec<String> = received
            .iter()
            .filter_map(|raw| mail_parser::MessageParser::default().parse(raw))
            .filter_map(|m| {
                m.to()
                    .and_then(|t| t.first())
                    .and_then(|a| a.address())
                    .map(str::to_string)
            })
            .collect();
        recipients.sort();
        let total = recipients.len();
        recipients.dedup();
        if recipients.len() >= stored.len() {
            assert_eq!(recipients.len(), stored.len());
            assert!(
                total - recipients.len() <= at_most,
                "{} duplicates",
                total - recipients.len()
            );
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "outbox did not drain: {} of {}",
            recipients.len(),
            stored.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(server);
}

async fn sigterm_lets_requests_in_flight_finish(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let dir = tempfile::tempdir().unwrap();
    let smtp = Arc::new(SmtpSink::start());
    let url = test_db.url.clone();
    let api_token = tokio::task::spawn_blocking({
        let url = url.clone();
        move || token(&TestDb::existing(&url))
    })
    .await
    .unwrap();
    let mut server = start_server(&url, &smtp.url(), dir.path());
    let id = setup_meeting(&server, &api_token, None).await;
    let port = server.port;
    let body =
        json!({"name": "Late", "email": "late@example.org", "attendance": "remote"}).to_string();
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST /api/v1/meetings/{id}/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{first}",
        body.len()
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let status = server.wait();
    assert!(
        status.success() || status.code().is_some(),
        "exited after finishing: {status:?}"
    );
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "stopped listening"
    );
}

async fn slow_clients_are_cut_off(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let addr = app.base_url.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&addr).unwrap();
    // Half a request line, then nothing: the server must not wait forever.
    stream.write_all(b"GET /healthz HT").unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(15),
        "connection held for {waited:?}"
    );
    let text = String::from_utf8_lossy(&buf);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
}
