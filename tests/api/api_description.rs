//! What Schemathesis found where the server and its OpenAPI description disagreed
//! (tests/schemathesis/run.sh): each answer the description promises, kept by a test.

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp};

both_backends!(
    an_empty_time_filter_is_no_filter,
    an_unreadable_query_string_is_a_json_400,
    whole_numbers_written_with_a_point_are_whole_numbers,
    cancel_takes_a_null_body_and_checks_the_reason_first,
    a_method_a_route_does_not_take_is_405_with_allow,
    a_group_about_of_the_largest_size_fits_in_its_body,
    an_input_page_that_is_not_a_page_number_is_refused,
    staff_read_the_drafts_they_create,
);

async fn send(app: &TestApp, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(&app.api_token);
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn an_empty_time_filter_is_no_filter(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({})).await;
    for query in ["?from=", "?to=", "?from=&to=", "?from=%20&group="] {
        let res = app.get(&format!("/api/v1/meetings{query}")).await;
        assert_eq!(res.status().as_u16(), 200, "{query}");
        let body: Value = res.json().await.unwrap();
        let ids: Vec<i64> = body["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["id"].as_i64())
            .collect();
        assert!(ids.contains(&m["id"].as_i64().unwrap()), "{query}: {body}");
    }
    let res = app.get("/api/v1/meetings?from=soon").await;
    assert_eq!(res.status().as_u16(), 422);
}

async fn an_unreadable_query_string_is_a_json_400(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let res = app.get("/api/v1/meetings?to=a&to=b").await;
    assert_eq!(res.status().as_u16(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request", "{body}");
}

async fn whole_numbers_written_with_a_point_are_whole_numbers(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app
        .create_meeting(json!({"in_person_capacity": 25.0, "reminders": [60.0]}))
        .await;
    assert_eq!(m["in_person_capacity"], 25, "{m}");
    assert_eq!(m["reminders"], json!([60]), "{m}");
    // A fraction is still not a whole number.
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", m["id"]),
            &json!({"in_person_capacity": 2.5}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["in_person_capacity"].is_string());
}

async fn cancel_takes_a_null_body_and_checks_the_reason_first(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({})).await;
    let path = format!("/api/v1/meetings/{}/cancel", m["id"]);
    let (status, body) = send(&app, "POST", &path, Some("null")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "cancelled");
    // Cancelled already: a reason with a control character is still refused.
    let (status, body) = send(&app, "POST", &path, Some(r#"{"reason":"y\u000f"}"#)).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["reason"].is_string(), "{body}");
    let (status, _) = send(&app, "POST", &path, Some(r#"{"reason":"Venue closed."}"#)).await;
    assert_eq!(status, 200);
}

async fn a_method_a_route_does_not_take_is_405_with_allow(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    for (method, path, allow) in [
        ("DELETE", "/api/v1/groups", "POST"),
        ("PUT", "/api/v1/meetings/1/cancel", "POST"),
        ("DELETE", "/api/v1/meetings/1/registrations", "GET, POST"),
        ("GET", "/api/v1/groups/x/input/1/hide", "POST"),
    ] {
        let res = reqwest::Client::new()
            .request(method.parse().unwrap(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 405, "{method} {path}");
        let allowed = res.headers()["allow"].to_str().unwrap().to_string();
        assert_eq!(allowed, allow, "{method} {path}");
    }
}

async fn a_group_about_of_the_largest_size_fits_in_its_body(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let about = "é".repeat(65_536 / 2);
    let (status, body) = app
        .staff_post(
            "/api/v1/groups",
            &json!({"slug": "big", "name": "Big", "about": about}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["about"].as_str().unwrap().len(), 65_536);
}

async fn an_input_page_that_is_not_a_page_number_is_refused(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("inbox").await;
    for page in ["0", "-1", "abc", "", "100001"] {
        let res = app
            .get(&format!("/api/v1/groups/inbox/input?page={page}"))
            .await;
        assert_eq!(res.status().as_u16(), 422, "page={page}");
        let body: Value = res.json().await.unwrap();
        assert!(body["error"]["fields"]["page"].is_string(), "{body}");
    }
    let res = app.get("/api/v1/groups/inbox/input?page=2").await;
    assert_eq!(res.status().as_u16(), 200);
}

async fn staff_read_the_drafts_they_create(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"status": "draft"})).await;
    let path = format!("/api/v1/meetings/{}", m["id"]);
    let (status, body) = send(&app, "GET", &path, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "draft");
    assert_eq!(app.get(&path).await.status().as_u16(), 404);

    let (status, s) = app
        .staff_post(
            "/api/v1/series",
            &json!({
                "group": m["group"]["slug"], "title": "Weekly call", "format": "online",
                "timezone": "Europe/Madrid", "first_start": "2027-01-06T14:00",
                "duration_minutes": 60, "count": 3, "online_url": "https://meet.example.org/w",
            }),
        )
        .await;
    assert_eq!(status, 201, "{s}");
    let path = format!("/api/v1/series/{}", s["id"]);
    let (status, body) = send(&app, "GET", &path, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["occurrences"].as_array().unwrap().len(), 3);
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    // A bearer header that names no token is refused, not taken as anonymous.
    let res = reqwest::Client::new()
        .get(app.url(&path))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}
