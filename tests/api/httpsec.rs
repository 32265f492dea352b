//! The review's HTTP findings (issue #11): stalled bodies and connections per client,
//! `X-Forwarded-For` hops with ports, https cookies and HSTS, the metrics token, backslash
//! paths.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::both_backends;
use crate::helpers::{extract_csrf, spawn_app_on, test_db, Db, TestApp};
use crate::smtp::SmtpSink;

both_backends!(
    stalled_bodies_are_cut_off_and_healthz_answers,
    connections_over_the_cap_per_client_are_refused,
    forwarded_hops_with_ports_and_unreadable_hops_name_the_client,
    https_cookies_carry_the_host_prefix_and_answers_hsts,
    plain_http_keeps_cookie_names_and_sends_no_hsts,
    metrics_want_the_token_when_one_is_set,
    backslash_paths_answer_404_not_a_redirect,
);

async fn app_with(db: Db, tweak: impl FnOnce(&mut quorum::config::Settings)) -> Option<TestApp> {
    let test_db = test_db(db)?;
    let smtp = Arc::new(SmtpSink::start());
    Some(spawn_app_on(db, Arc::new(test_db), smtp, tweak).await)
}

fn addr(app: &TestApp) -> String {
    app.base_url.trim_start_matches("http://").to_string()
}

/// A POST whose head and part of whose body arrive, and then nothing.
fn stalled_post(addr: &str, path: &str) -> TcpStream {
    let (ctype, part) = if path.starts_with("/api/") {
        ("application/json", "{\"name\": \"Slow")
    } else {
        ("application/x-www-form-urlencoded", "name=Slow&email=")
    };
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {ctype}\r\nContent-Length: 200\r\n\r\n{part}"
    )
    .unwrap();
    stream.flush().unwrap();
    stream
}

/// What the server answers on `stream` (until it closes or `wait` passes).
fn answer(stream: &mut TcpStream, wait: Duration) -> String {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

fn raw_get(addr: &str, path: &str, headers: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    answer(&mut stream, Duration::from_secs(10))
}

async fn stalled_bodies_are_cut_off_and_healthz_answers(db: Db) {
    let Some(app) = app_with(db, |s| s.body_timeout = Duration::from_secs(2)).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let addr = addr(&app);
    let paths = [
        format!("/api/v1/meetings/{id}/registrations"),
        format!("/meetings/{id}/register"),
        "/staff/login".to_string(),
    ];
    let started = Instant::now();
    let mut stalled: Vec<TcpStream> = (0..150)
        .map(|n| stalled_post(&addr, &paths[n % paths.len()]))
        .collect();
    // The server keeps answering others while they hang.
    let res = reqwest::Client::new()
        .get(app.url("/healthz"))
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .expect("/healthz answers beside 150 stalled bodies");
    assert_eq!(res.status().as_u16(), 200);
    // And each stalled body is cut off: 408, connection closed, within seconds.
    let deadline = started + Duration::from_secs(20);
    let mut answers = Vec::new();
    for stream in &mut stalled {
        let left = deadline.saturating_duration_since(Instant::now());
        answers.push(answer(stream, left.max(Duration::from_millis(10))));
    }
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(20), "held for {waited:?}");
    for a in &answers {
        assert!(a.starts_with("HTTP/1.1 408"), "{a:?}");
    }
    // A body that keeps coming is not cut off, however it is split.
    let body =
        json!({"name": "Trickle", "email": "t@example.org", "attendance": "remote"}).to_string();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "POST /api/v1/meetings/{id}/registrations HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    for part in body.as_bytes().chunks(20) {
        stream.write_all(part).unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
    let a = answer(&mut stream, Duration::from_secs(10));
    assert!(a.starts_with("HTTP/1.1 201"), "{a}");
}

async fn connections_over_the_cap_per_client_are_refused(db: Db) {
    let Some(app) = app_with(db, |s| {
        s.max_connections_per_client = 20;
        s.body_timeout = Duration::from_secs(60);
    })
    .await
    else {
        return;
    };
    let addr = addr(&app);
    let held: Vec<TcpStream> = (0..20)
        .map(|_| stalled_post(&addr, "/api/v1/meetings/1/registrations"))
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let refused = raw_get(&addr, "/healthz", "");
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(
        refused.to_ascii_lowercase().contains("retry-after"),
        "{refused}"
    );
    // Slots come back when connections close.
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let again = raw_get(&addr, "/healthz", "");
        if again.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "still refused: {again}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // 0 turns the cap off.
    let Some(open) = app_with(app.db, |s| {
        s.max_connections_per_client = 0;
        s.body_timeout = Duration::from_secs(60);
    })
    .await
    else {
        return;
    };
    let addr = crate::httpsec::addr(&open);
    let _held: Vec<TcpStream> = (0..30)
        .map(|_| stalled_post(&addr, "/api/v1/meetings/1/registrations"))
        .collect();
    assert!(raw_get(&addr, "/healthz", "").starts_with("HTTP/1.1 200"));
}

async fn forwarded_hops_with_ports_and_unreadable_hops_name_the_client(db: Db) {
    let Some(app) = app_with(db, |s| {
        s.rate_limit_per_minute = 2;
        s.trusted_proxies = vec![quorum::config::IpNet::parse("127.0.0.1").unwrap()];
    })
    .await
    else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let post = |n: usize, forwarded: String| {
        let url = app.url(&format!("/api/v1/meetings/{id}/registrations"));
        async move {
            reqwest::Client::new()
                .post(url)
                .header("X-Forwarded-For", forwarded)
                .json(&json!({"name": "R", "email": format!("r{n}@example.org"), "attendance": "remote"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // The client writes its own entries on the left; the proxy appends what it saw, here
    // with a port. Whatever the client writes, it is one client.
    let mut n = 0;
    for hop in ["203.0.113.7:4711", "[2001:db8::7]:443", "unknown"] {
        let mut statuses = Vec::new();
        for i in 0..3 {
            n += 1;
            statuses.push(post(n, format!("198.51.100.{i}, {hop}")).await);
        }
        assert_eq!(statuses, [201, 201, 429], "hop {hop}");
    }
    // A port on a hop of a trusted proxy, too.
    let mut statuses = Vec::new();
    for i in 0..3 {
        n += 1;
        statuses.push(post(n, format!("198.51.100.{i}, 192.0.2.9, 127.0.0.1:8443")).await);
    }
    assert_eq!(statuses, [201, 201, 429]);
}

fn set_cookies(response: &str) -> Vec<String> {
    response
        .split("\r\n")
        .take_while(|l| !l.is_empty())
        .filter_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("set-cookie")
                .then(|| value.trim().to_string())
        })
        .collect()
}

fn cookie_value(cookies: &[String], name: &str) -> Option<String> {
    cookies.iter().find_map(|c| {
        let (n, rest) = c.split_once('=')?;
        (n == name).then(|| rest.split(';').next().unwrap_or("").to_string())
    })
}

fn has_header(response: &str, name: &str) -> bool {
    let head = response.split("\r\n\r\n").next().unwrap_or("");
    head.split("\r\n")
        .any(|l| l.to_ascii_lowercase().starts_with(&format!("{name}:")))
}

async fn https_cookies_carry_the_host_prefix_and_answers_hsts(db: Db) {
    let Some(app) = app_with(db, |s| s.base_url = "https://127.0.0.1:0".into()).await else {
        return;
    };
    app.add_staff(
        "sec@example.org",
        quorum::auth::Role::Admin,
        "a long staff password",
    )
    .await;
    let addr = addr(&app);
    // Every answer carries HSTS: pages, feeds, JSON, errors.
    for path in [
        "/",
        "/calendar.ics",
        "/api/v1/meetings",
        "/nowhere",
        "/healthz",
    ] {
        let res = raw_get(&addr, path, "");
        assert!(
            has_header(&res, "strict-transport-security"),
            "{path}: {res}"
        );
    }
    let page = raw_get(&addr, "/staff/login", "");
    let cookies = set_cookies(&page);
    let csrf_cookie = cookie_value(&cookies, "__Host-quorum_csrf").expect("__Host- CSRF cookie");
    let line = cookies
        .iter()
        .find(|c| c.starts_with("__Host-quorum_csrf="))
        .unwrap();
    assert!(line.contains("Secure") && line.contains("Path=/"), "{line}");
    let body = page.split("\r\n\r\n").nth(1).unwrap_or("");
    let csrf = extract_csrf(body);
    let login = |cookie: String, csrf: String| {
        let url = app.url("/staff/login");
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .post(url)
                .header("Cookie", cookie)
                .form(&[
                    ("csrf_token", csrf.as_str()),
                    ("email", "sec@example.org"),
                    ("password", "a long staff password"),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let res = login(format!("__Host-quorum_csrf={csrf_cookie}"), csrf).await;
    assert_eq!(res.status().as_u16(), 303);
    let set: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookie_value(&set, "__Host-quorum_staff").expect("__Host- session cookie");
    let line = set
        .iter()
        .find(|c| c.starts_with("__Host-quorum_staff="))
        .unwrap();
    assert!(
        line.contains("Secure") && line.contains("Path=/;") || line.ends_with("Path=/"),
        "{line}"
    );
    // The old plain cookie is cleared.
    assert!(
        set.iter().any(|c| c.starts_with("quorum_staff=;")
            || c.starts_with("quorum_staff=\"\"")
            || c.starts_with("quorum_staff=") && c.contains("Max-Age=0")),
        "{set:?}"
    );
    let staff = raw_get(
        &addr,
        "/staff",
        &format!("Cookie: __Host-quorum_staff={session}\r\n"),
    );
    assert!(staff.starts_with("HTTP/1.1 200"), "{staff}");
    // Cookies a browser holds from before https keep working: the session under its old
    // name, and the CSRF cookie, which is then set again under the new name, same value.
    let staff = raw_get(
        &addr,
        "/staff",
        &format!("Cookie: quorum_staff={session}\r\n"),
    );
    assert!(staff.starts_with("HTTP/1.1 200"), "{staff}");
    let old = "b2xkLWNzcmYtdmFsdWUtZnJvbS1odHRw";
    let page = raw_get(
        &addr,
        "/staff/login",
        &format!("Cookie: quorum_csrf={old}\r\n"),
    );
    assert_eq!(
        cookie_value(&set_cookies(&page), "__Host-quorum_csrf").as_deref(),
        Some(old)
    );
    let csrf = extract_csrf(page.split("\r\n\r\n").nth(1).unwrap_or(""));
    let res = login(format!("quorum_csrf={old}"), csrf).await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn plain_http_keeps_cookie_names_and_sends_no_hsts(db: Db) {
    let Some(app) = app_with(db, |_| {}).await else {
        return;
    };
    let page = raw_get(&addr(&app), "/staff/login", "");
    assert!(!has_header(&page, "strict-transport-security"), "{page}");
    let cookies = set_cookies(&page);
    let line = cookies
        .iter()
        .find(|c| c.starts_with("quorum_csrf="))
        .expect("plain name");
    assert!(!line.contains("Secure"), "{line}");
    assert!(cookie_value(&cookies, "__Host-quorum_csrf").is_none());
}

async fn metrics_want_the_token_when_one_is_set(db: Db) {
    let Some(app) = app_with(db, |s| s.metrics_token = Some("metrics-secret-1".into())).await
    else {
        return;
    };
    let get = |auth: Option<&'static str>| {
        let url = app.url("/metrics");
        async move {
            let mut req = reqwest::Client::new().get(url);
            if let Some(a) = auth {
                req = req.header("Authorization", a);
            }
            req.send().await.unwrap().status().as_u16()
        }
    };
    assert_eq!(get(None).await, 401);
    assert_eq!(get(Some("Bearer wrong")).await, 401);
    assert_eq!(get(Some("Bearer metrics-secret-")).await, 401);
    assert_eq!(get(Some("Basic metrics-secret-1")).await, 401);
    assert_eq!(get(Some("Bearer metrics-secret-1")).await, 200);
    // Without the setting, /metrics stays open.
    let Some(open) = app_with(app.db, |_| {}).await else {
        return;
    };
    assert_eq!(open.get("/metrics").await.status().as_u16(), 200);
}

async fn backslash_paths_answer_404_not_a_redirect(db: Db) {
    let Some(app) = app_with(db, |_| {}).await else {
        return;
    };
    let addr = addr(&app);
    for path in [
        "/\\evil.example/",
        "/\\\\evil.example/",
        "/%5Cevil.example/",
        "/staff\\/",
    ] {
        let res = raw_get(&addr, path, "");
        assert!(res.starts_with("HTTP/1.1 404"), "{path}: {res}");
        assert!(!has_header(&res, "location"), "{path}: {res}");
    }
    // The trailing-slash redirect itself stays.
    let res = raw_get(&addr, "/meetings/past/", "");
    assert!(res.starts_with("HTTP/1.1 308"), "{res}");
}
