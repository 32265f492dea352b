//! Public pages, escaping, privacy of registrant data, headers, health.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db};

both_backends!(
    pages_list_meetings_by_time_and_group,
    user_text_is_escaped_and_registrants_never_shown_publicly,
    health_and_safety_headers,
    the_meeting_page_is_current_after_every_change,
);

/// The meeting page keeps the meeting's row in memory between changes: every edit,
/// registration, cancellation and unpublishing shows on the next view.
async fn the_meeting_page_is_current_after_every_change(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app
        .create_meeting(json!({"title": "First title", "in_person_capacity": 3}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let page = format!("/meetings/{id}");
    let (status, html) = app.get_text(&page).await;
    assert_eq!(status, 200);
    assert!(html.contains("First title"));
    assert!(html.contains("3 seats left"), "{html}");

    // Seat counts are read on every view.
    assert_eq!(
        app.register_api(id, "Ada", "ada@example.org", "in_person")
            .await
            .0,
        201
    );
    let html = app.get_text(&page).await.1;
    assert!(html.contains("2 seats left"), "{html}");

    // Edits, through the API and through the meeting row, show at once.
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": "Second title", "in_person_capacity": 1}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let html = app.get_text(&page).await.1;
    assert!(html.contains("Second title") && !html.contains("First title"));
    assert!(html.contains("In person: full"), "{html}");
    // A registration uses the current capacity, not the one of the first view.
    assert_eq!(
        app.register_api(id, "Bo", "bo@example.org", "in_person")
            .await
            .1["registration"]["status"],
        "waitlisted"
    );

    let (status, body) = app
        .staff_post(
            &format!("/api/v1/meetings/{id}/cancel"),
            &json!({"reason": "Venue closed"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let html = app.get_text(&page).await.1;
    assert!(html.contains("Venue closed"), "cancelled at once: {html}");
    assert_eq!(
        app.register_api(id, "Cy", "cy@example.org", "remote")
            .await
            .0,
        410
    );
}

async fn pages_list_meetings_by_time_and_group(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let up = app.create_meeting(json!({"group": "ssr2", "title": "Johannesburg meeting", "timezone": "Africa/Johannesburg"})).await;
    app.create_meeting(json!({"group": "ssr2", "title": "Madrid meeting", "starts_at": "2017-05-15T09:00", "ends_at": "2017-05-16T17:30"})).await;
    app.create_meeting(json!({"group": "ssr2", "title": "Secret draft", "status": "draft"}))
        .await;

    let (status, home) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(home.contains("Johannesburg meeting"));
    assert!(!home.contains("Madrid meeting"));
    assert!(!home.contains("Secret draft"));
    assert!(home.contains(&format!("/meetings/{}", up["id"])));

    let res = app.get("/meetings/past/").await;
    assert_eq!(res.status().as_u16(), 308, "a trailing slash is redirected");
    assert_eq!(res.headers()["location"], "/meetings/past");
    let (_, past) = app.get_text("/meetings/past").await;
    assert!(past.contains("Madrid meeting"));
    assert!(
        past.contains(
            "Monday, 15 May 2017, 09:00 – Tuesday, 16 May 2017, 17:30 CEST (Europe/Madrid)"
        ),
        "{past}"
    );
    assert!(!past.contains("Johannesburg meeting"));

    let (status, group) = app.get_text("/groups/ssr2").await;
    assert_eq!(status, 200);
    assert!(group.contains("Johannesburg meeting") && group.contains("Madrid meeting"));
    assert!(!group.contains("Secret draft"));
    assert_eq!(app.get_text("/groups/nope").await.0, 404);

    let (status, page) = app.get_text(&format!("/meetings/{}", up["id"])).await;
    assert_eq!(status, 200);
    assert!(page.contains("SAST (Africa/Johannesburg)"));
    assert!(page.contains(" UTC"));
    assert!(
        page.contains("Sandton") || page.contains("Hotel"),
        "venue shown"
    );
    assert!(page.contains("name=\"csrf_token\""));
    assert!(page.contains("name=\"consent\""));
    assert!(
        page.contains("sent to registered observers"),
        "join link hidden"
    );
    assert!(!page.contains("https://meet.example.org/ssr2"));
    assert_eq!(app.get_text("/meetings/notanumber").await.0, 404);
    let css = app.get("/static/quorum.css").await;
    assert_eq!(css.status().as_u16(), 200);
}

async fn user_text_is_escaped_and_registrants_never_shown_publicly(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app
        .create_meeting(json!({"title": "<script>alert(1)</script>", "description": "<img src=x onerror=alert(2)>"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let (status, _) = app
        .register_api(
            id,
            "<b>Mallory</b> Secretname",
            "private.person@example.org",
            "in_person",
        )
        .await;
    assert_eq!(status, 201);

    let (_, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&#60;script&#62;") || page.contains("&lt;script&gt;"));
    assert!(!page.contains("<img src=x"));

    for path in [
        "/".to_string(),
        format!("/meetings/{id}"),
        format!("/meetings/{id}/calendar.ics"),
        "/calendar.ics".into(),
        format!("/api/v1/meetings/{id}"),
        "/api/v1/meetings".into(),
    ] {
        let (status, body) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            !body.contains("Secretname"),
            "registrant name leaked on {path}"
        );
        assert!(
            !body.contains("private.person"),
            "registrant address leaked on {path}"
        );
    }
}

async fn health_and_safety_headers(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let plain = crate::helpers::browser()
        .get(app.url("/"))
        .send()
        .await
        .unwrap();
    assert!(
        plain.headers().get("set-cookie").is_none(),
        "no form, no cookie"
    );
    let feed = crate::helpers::browser()
        .get(app.url("/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert!(
        feed.headers().get("set-cookie").is_none(),
        "feeds stay cacheable"
    );
    let res = crate::helpers::browser()
        .get(app.url(&format!("/meetings/{id}")))
        .send()
        .await
        .unwrap();
    let h = res.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let cookie = h["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (_, metrics) = app.get_text("/metrics").await;
    assert!(metrics.contains("quorum_outbox_messages"));
}
