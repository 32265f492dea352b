//! The JSON API: staff set-up with bearer tokens, the public reads, and every error shape.

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, spawn_app_on, test_db, Db};

both_backends!(
    staff_create_schedule_with_local_times,
    impossible_local_times_are_refused_with_a_clear_error,
    staff_calls_need_a_valid_bearer_token,
    bad_requests_get_the_contract_error_bodies,
    listing_filters_by_group_and_time,
    registrations_and_logins_are_rate_limited_per_address,
    openapi_describes_every_route,
);

async fn staff_create_schedule_with_local_times(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let group = app.create_group("ssr2").await;
    assert_eq!(group["slug"], "ssr2");
    let (status, dup) = app
        .staff_post("/api/v1/groups", &json!({"slug": "ssr2", "name": "Again"}))
        .await;
    assert_eq!(status, 409, "{dup}");
    assert_eq!(dup["error"]["code"], "conflict");

    let m = app
        .create_meeting(json!({
            "group": "ssr2", "title": "Face-to-face meeting in Johannesburg",
            "timezone": "Africa/Johannesburg", "starts_at": "2027-06-25T09:00", "ends_at": "2027-06-26T17:00",
            "venue": "Sandton Convention Centre", "city": "Johannesburg", "country": "South Africa",
            "in_person_capacity": 25, "remote_capacity": null,
        }))
        .await;
    assert_eq!(m["timezone"], "Africa/Johannesburg");
    assert_eq!(m["starts_at"], "2027-06-25T09:00:00+02:00");
    assert_eq!(m["starts_at_utc"], "2027-06-25T07:00:00Z");
    assert_eq!(m["ends_at_utc"], "2027-06-26T15:00:00Z");
    assert_eq!(m["group"], json!({"slug": "ssr2", "name": "Group ssr2"}));
    assert_eq!(m["sequence"], 0);
    assert_eq!(m["status"], "published");
    assert_eq!(m["registration_open"], true);
    assert_eq!(m["online_url"], Value::Null, "limited to registrants");
    assert_eq!(
        m["seats"]["in_person"],
        json!({"capacity": 25, "confirmed": 0, "waitlisted": 0, "available": 25})
    );
    assert_eq!(m["seats"]["remote"]["capacity"], Value::Null);
    let id = m["id"].as_i64().unwrap();
    assert_eq!(m["url"], format!("{}/meetings/{id}", app.base_url));
    assert_eq!(
        m["ics_url"],
        format!("{}/meetings/{id}/calendar.ics", app.base_url)
    );
    assert!(m["uid"].as_str().unwrap().contains('@'));

    // Winter and summer in Madrid.
    let winter = app.create_meeting(json!({"group": "ssr2", "starts_at": "2027-01-20T14:00", "ends_at": "2027-01-20T15:00"})).await;
    assert_eq!(winter["starts_at"], "2027-01-20T14:00:00+01:00");
    assert_eq!(winter["starts_at_utc"], "2027-01-20T13:00:00Z");

    // Public URL shows; the public GET agrees with the create answer.
    let public = app
        .create_meeting(
            json!({"group": "ssr2", "format": "online", "online_url_visibility": "public"}),
        )
        .await;
    assert_eq!(public["online_url"], "https://meet.example.org/ssr2");
    assert_eq!(
        public["venue"],
        Value::Null,
        "no venue kept for online meetings"
    );
    let fetched = app.meeting(id).await;
    assert_eq!(fetched["starts_at"], m["starts_at"]);
    assert_eq!(fetched["uid"], m["uid"]);
}

async fn impossible_local_times_are_refused_with_a_clear_error(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let base = json!({"group": "g", "title": "T", "format": "online", "timezone": "Europe/Madrid", "online_url": "https://x.example.org", "ends_at": "2027-03-28T05:00"});
    let mut gap = base.clone();
    gap["starts_at"] = json!("2027-03-28T02:30");
    let (status, body) = app.staff_post("/api/v1/meetings", &gap).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["fields"]["starts_at"]
            .as_str()
            .unwrap()
            .contains("does not exist in Europe/Madrid"),
        "{body}"
    );

    let mut twice = base.clone();
    twice["starts_at"] = json!("2027-10-31T02:30");
    twice["ends_at"] = json!("2027-10-31T05:00");
    let (status, body) = app.staff_post("/api/v1/meetings", &twice).await;
    assert_eq!(status, 422);
    assert!(body["error"]["fields"]["starts_at"]
        .as_str()
        .unwrap()
        .contains("happens twice"));

    let (status, body) = app
        .staff_post("/api/v1/meetings", &json!({"group": "nope", "title": "", "format": "boat", "timezone": "Mars/Olympus", "starts_at": "soon", "ends_at": "2027-01-01T10:00", "online_url": "ftp://x"}))
        .await;
    assert_eq!(status, 422);
    let fields = &body["error"]["fields"];
    for f in ["group", "title", "format", "timezone", "starts_at"] {
        assert!(fields[f].is_string(), "{f} missing in {body}");
    }

    let (status, body) = app
        .staff_post("/api/v1/meetings", &json!({"group": "g", "title": "T", "format": "hybrid", "timezone": "UTC", "starts_at": "2027-01-01T10:00", "ends_at": "2027-01-01T09:00"}))
        .await;
    assert_eq!(status, 422);
    let fields = &body["error"]["fields"];
    for f in ["ends_at", "venue", "city", "online_url"] {
        assert!(fields[f].is_string(), "{f} missing in {body}");
    }
}

async fn staff_calls_need_a_valid_bearer_token(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let client = reqwest::Client::new();
    let body = json!({"slug": "x", "name": "X"});
    for auth in [
        None,
        Some("Bearer nope"),
        Some("Bearer qrm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        Some("Basic YWRtaW46YWRtaW4="),
    ] {
        let mut req = client.post(app.url("/api/v1/groups")).json(&body);
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status().as_u16(), 401, "{auth:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    let res = client
        .post(app.url("/api/v1/meetings"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

async fn bad_requests_get_the_contract_error_bodies(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{id}/registrations");
    let client = reqwest::Client::new();
    let send = |body: String, content_type: &'static str| {
        let req = client
            .post(app.url(&path))
            .header("Content-Type", content_type)
            .body(body);
        async move {
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (s, b) = send("{\"name\": ".into(), "application/json").await;
    assert_eq!(s, 400, "malformed JSON: {b}");
    assert_eq!(b["error"]["code"], "bad_request");
    assert!(b["error"]["message"].as_str().unwrap().contains("JSON"));

    let (s, b) = send("[1,2]".into(), "application/json").await;
    assert_eq!(s, 400, "{b}");

    let (s, b) = send(
        json!({"name": 5, "email": "a@example.org", "attendance": "remote"}).to_string(),
        "application/json",
    )
    .await;
    assert_eq!(s, 422, "wrong type: {b}");
    assert_eq!(b["error"]["code"], "validation_failed");
    assert!(
        b["error"]["fields"]["name"]
            .as_str()
            .unwrap()
            .contains("invalid type"),
        "{b}"
    );

    let (s, b) = send(
        json!({"name": "A", "email": "nope", "attendance": "sofa"}).to_string(),
        "application/json",
    )
    .await;
    assert_eq!(s, 422);
    assert!(b["error"]["fields"]["email"].is_string());
    assert!(b["error"]["fields"]["attendance"].is_string());

    let (s, b) = send(
        json!({"name": "A", "email": "a@example.org", "attendance": "remote", "is_admin": true})
            .to_string(),
        "application/json",
    )
    .await;
    assert_eq!(s, 422, "unknown field: {b}");
    assert!(b["error"]["fields"]["is_admin"].is_string());

    let (s, b) = send(
        format!("{{\"name\": \"{}\"}}", "x".repeat(100_000)),
        "application/json",
    )
    .await;
    assert_eq!(s, 413, "{b}");
    assert_eq!(b["error"]["code"], "payload_too_large");

    let (s, _) = send("name=A".into(), "application/x-www-form-urlencoded").await;
    assert_eq!(s, 415);

    for unknown in [
        "/api/v1/meetings/999999/registrations",
        "/api/v1/meetings/abc/registrations",
    ] {
        let res = client
            .post(app.url(unknown))
            .json(&json!({"name": "A", "email": "a@example.org", "attendance": "remote"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 404, "{unknown}");
        let b: Value = res.json().await.unwrap();
        assert_eq!(b["error"]["code"], "not_found");
    }
    assert_eq!(
        app.get("/api/v1/meetings/424242").await.status().as_u16(),
        404
    );
    assert_eq!(app.get("/api/v1/nothing-here").await.status().as_u16(), 404);
    assert!(
        app.registrations(id).await.is_empty(),
        "nothing half-written"
    );
}

async fn listing_filters_by_group_and_time(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("a").await;
    app.create_group("b").await;
    let a1 = app
        .create_meeting(json!({"group": "a", "title": "A upcoming"}))
        .await;
    app.create_meeting(json!({"group": "a", "title": "A past", "starts_at": "2017-03-16T09:00", "ends_at": "2017-03-16T17:00"})).await;
    app.create_meeting(json!({"group": "a", "title": "A draft", "status": "draft"}))
        .await;
    app.create_meeting(json!({"group": "b", "title": "B upcoming"}))
        .await;

    let list: Value = app
        .get("/api/v1/meetings?group=a")
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = list["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["A upcoming"]);
    assert_eq!(list["meetings"][0]["id"], a1["id"]);

    let list: Value = app
        .get("/api/v1/meetings?from=2017-01-01&to=2018-01-01")
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = list["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["A past"]);

    let list: Value = app.get("/api/v1/meetings").await.json().await.unwrap();
    assert_eq!(list["meetings"].as_array().unwrap().len(), 2);

    let res = app.get("/api/v1/meetings?from=yesterday").await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app.get("/api/v1/meetings?group=zzz").await;
    assert_eq!(res.status().as_u16(), 404);
}

async fn registrations_and_logins_are_rate_limited_per_address(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let smtp = std::sync::Arc::new(crate::smtp::SmtpSink::start());
    let app = spawn_app_on(db, std::sync::Arc::new(test_db), smtp, |s| {
        s.rate_limit_per_minute = 3;
        s.trusted_proxies = vec![quorum::config::IpNet::parse("127.0.0.1").unwrap()];
    })
    .await;
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let client = reqwest::Client::new();
    let post = |n: u32, forwarded: &'static str| {
        client
            .post(app.url(&format!("/api/v1/meetings/{id}/registrations")))
            .header("X-Forwarded-For", forwarded)
            .json(&json!({"name": "R", "email": format!("r{n}-{}@example.org", forwarded.len()), "attendance": "remote"}))
            .send()
    };
    for n in 0..3 {
        assert_eq!(post(n, "203.0.113.7").await.unwrap().status().as_u16(), 201);
    }
    let res = post(3, "203.0.113.7").await.unwrap();
    assert_eq!(res.status().as_u16(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    // Another client behind the same trusted proxy has its own allowance.
    assert_eq!(
        post(4, "198.51.100.23").await.unwrap().status().as_u16(),
        201
    );
    // The web form and the staff login count too.
    let browser = crate::helpers::browser();
    for _ in 0..4 {
        let page = browser
            .get(app.url("/staff/login"))
            .header("X-Forwarded-For", "192.0.2.1")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = crate::helpers::extract_csrf(&page);
        let res = browser
            .post(app.url("/staff/login"))
            .header("X-Forwarded-For", "192.0.2.1")
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("email", "x@example.org"),
                ("password", "whatever it is"),
            ])
            .send()
            .await
            .unwrap();
        if res.status().as_u16() == 429 {
            assert!(res.headers().contains_key("retry-after"));
            return;
        }
        assert_eq!(res.status().as_u16(), 401);
    }
    panic!("the fourth login attempt in a minute was not limited");
}

/// Every route of the API's route table (src/routes/api/mod.rs), as (path, method): read
/// from the table itself, so that a route added there is checked without touching this test.
fn api_route_table() -> std::collections::BTreeSet<(String, String)> {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/routes/api/mod.rs"
    ))
    .unwrap();
    let token = regex_lite::Regex::new(
        r#"web::resource\(\s*"([^"]+)"\s*\)|\.route\(\s*"([^"]+)",\s*web::(\w+)\(\)|\.route\(\s*web::(\w+)\(\)"#,
    )
    .unwrap();
    let mut routes = std::collections::BTreeSet::new();
    let mut resource = None;
    for c in token.captures_iter(&table) {
        if let Some(path) = c.get(1) {
            resource = Some(path.as_str().to_string());
        } else if let (Some(path), Some(method)) = (c.get(2), c.get(3)) {
            routes.insert((path.as_str().to_string(), method.as_str().to_string()));
        } else if let Some(method) = c.get(4) {
            let path = resource.clone().expect("a route inside a resource");
            routes.insert((path, method.as_str().to_string()));
        }
    }
    assert!(
        routes.len() >= 30,
        "the route table was not read: {routes:?}"
    );
    routes
}

async fn openapi_describes_every_route(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status().as_u16(), 200);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let routes = api_route_table();
    let methods = ["get", "post", "put", "patch", "delete"];
    let described: std::collections::BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            methods
                .iter()
                .filter(|m| item[**m].is_object())
                .map(|m| (path.clone(), m.to_string()))
        })
        .collect();
    let missing: Vec<_> = routes.difference(&described).collect();
    assert!(missing.is_empty(), "routes not described: {missing:?}");
    let unrouted: Vec<_> = described.difference(&routes).collect();
    assert!(
        unrouted.is_empty(),
        "described but not routed: {unrouted:?}"
    );
    // Every operation names its error answers with the contract's error body, and every
    // staff operation the bearer scheme.
    for (path, method) in &routes {
        let op = &doc["paths"][path.as_str()][method.as_str()];
        let responses = op["responses"].as_object().unwrap();
        for (status, answer) in responses {
            if status.starts_with('4') {
                assert_eq!(
                    answer["$ref"], "#/components/responses/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
        if op["requestBody"].is_object() && path != "/meetings/{id}/cancel" {
            for status in ["400", "413", "415", "422"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
    let error =
        &doc["components"]["responses"]["ErrorBody"]["content"]["application/json"]["schema"];
    assert_eq!(error["required"], json!(["error"]), "{error}");
    let detail = &doc["components"]["schemas"]["ErrorDetail"];
    assert_eq!(detail["required"], json!(["code", "message"]), "{detail}");
    let expected: Vec<(String, String)> = routes.into_iter().collect();
    // And every described operation answers something other than 404 for its route.
    for (path, method) in &expected {
        let url = app.url(&format!(
            "/api/v1{}",
            path.replace("{id}", "1").replace("{slug}", "none")
        ));
        let res = reqwest::Client::new()
            .request(method.to_uppercase().parse().unwrap(), url)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        assert_ne!(body["error"]["code"], "not_found_route", "{method} {path}");
        assert!(
            body["error"]["message"] != "route not found",
            "{method} {path} is not routed"
        );
    }
}
