//! Materials: uploads stored in the database and served back with safe headers, links,
//! registrants-only files, the upload limit, notify mails and the audit log.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::{extract_csrf, location, spawn_app, spawn_app_on, test_db, Db, TestApp};
use crate::smtp::SmtpSink;

crate::both_backends!(
    materials_upload_download_and_headers,
    materials_html_is_never_inline,
    materials_over_the_limit_are_refused,
    materials_for_registrants_only,
    materials_links_listing_delete_and_audit,
    materials_notify_confirmed_registrants_once,
    materials_staff_page_uploads_links_and_deletes,
);

const BOUNDARY: &str = "quorum-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart/form-data body with the text fields and one file.
fn form(fields: &[(&str, &str)], filename: &str, data: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(b"\r\n");
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(
    app: &TestApp,
    meeting: i64,
    fields: &[(&str, &str)],
    filename: &str,
    data: &[u8],
) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{meeting}/materials")))
        .bearer_auth(&app.api_token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(fields, filename, data))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn staff_get(app: &TestApp, path: &str) -> (u16, Value) {
    let res = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The path of a material's URL on this server.
fn path_of(app: &TestApp, material: &Value) -> String {
    let url = material["url"].as_str().unwrap();
    let path = url.find("/materials/").map(|i| &url[i..]).unwrap();
    assert!(url.ends_with(path), "{url}");
    let _ = app;
    path.to_string()
}

/// Some bytes that are not all alike, `n` long.
fn bytes(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 7919 % 251) as u8).collect()
}

async fn materials_upload_download_and_headers(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    // More than two chunks, not a multiple of the chunk size.
    let data = bytes(1_300_000);
    let (status, m) = upload(
        &app,
        id,
        &[("title", "Slides of the session"), ("kind", "slides")],
        "deck.pdf",
        &data,
    )
    .await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["kind"], "slides");
    assert_eq!(m["visibility"], "public");
    assert_eq!(m["filename"], "deck.pdf");
    assert_eq!(m["content_type"], "application/pdf");
    assert_eq!(m["size"], data.len());
    let sha = m["sha256"].as_str().unwrap().to_string();
    assert_eq!(sha.len(), 64);
    for k in ["id", "title", "url", "created_at"] {
        assert!(!m[k].is_null(), "{k}: {m}");
    }
    let path = path_of(&app, &m);
    let res = app.get(&path).await;
    assert_eq!(res.status().as_u16(), 200);
    let h = res.headers().clone();
    assert_eq!(h["etag"], format!("\"{sha}\"").as_str());
    assert_eq!(h["content-length"], data.len().to_string().as_str());
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["content-security-policy"], "sandbox");
    assert_eq!(h["content-type"], "application/pdf");
    assert!(h["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), data.as_slice());
    // Served again (from memory now), the same bytes.
    let again = app.get(&path).await.bytes().await.unwrap();
    assert_eq!(again.as_ref(), data.as_slice());

    let res = reqwest::Client::new()
        .get(app.url(&path))
        .header("if-none-match", format!("\"{sha}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    assert_eq!(res.headers()["etag"], format!("\"{sha}\"").as_str());

    // A wrong name or id is a 404.
    let wrong = path.replace("deck.pdf", "other.pdf");
    assert_eq!(app.get(&wrong).await.status().as_u16(), 404);
    assert_eq!(
        app.get("/materials/999999/deck.pdf")
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn materials_html_is_never_inline(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let page = b"<html><script>alert(1)</script></html>";
    let (status, m) = upload(
        &app,
        id,
        &[("title", "Notes"), ("kind", "document")],
        "notes.html",
        page,
    )
    .await;
    assert_eq!(status, 201, "{m}");
    let res = app.get(&path_of(&app, &m)).await;
    assert_eq!(res.status().as_u16(), 200);
    let h = res.headers();
    let cd = h["content-disposition"].to_str().unwrap();
    assert!(cd.starts_with("attachment"), "{cd}");
    assert_eq!(h["content-security-policy"], "sandbox");
    assert_eq!(h["x-content-type-options"], "nosniff");
}

async fn materials_over_the_limit_are_refused(db: Db) {
    let Some(test_db) = test_db(db) else {
        return;
    };
    let app = spawn_app_on(
        db,
        std::sync::Arc::new(test_db),
        std::sync::Arc::new(SmtpSink::start()),
        |s| s.max_upload_bytes = 1024 * 1024,
    )
    .await;
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let (status, body) = upload(
        &app,
        id,
        &[("title", "Recording"), ("kind", "recording")],
        "big.mp4",
        &bytes(3 * 1024 * 1024),
    )
    .await;
    assert_eq!(status, 413, "{body}");
    let (status, list) = staff_get(&app, &format!("/api/v1/meetings/{id}/materials")).await;
    assert_eq!(status, 200);
    assert_eq!(list["materials"], json!([]));
    // Nothing was left behind: no chunk rows.
    let pool = app.pool.clone();
    let chunks = tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        quorum::db::schema::material_chunks::table
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(chunks, 0);
    // Exactly the limit is fine.
    let (status, body) = upload(
        &app,
        id,
        &[("title", "Recording"), ("kind", "recording")],
        "ok.mp4",
        &bytes(1024 * 1024),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

/// Registers and returns the manage path `/r/{token}`.
async fn register(app: &TestApp, id: i64, name: &str, email: &str) -> String {
    let res = app
        .register_form(
            id,
            &[
                ("name", name),
                ("email", email),
                ("attendance", "in_person"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    location(&res)
}

async fn materials_for_registrants_only(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let data = bytes(10_000);
    let (status, m) = upload(
        &app,
        id,
        &[
            ("title", "Chat log"),
            ("kind", "chat"),
            ("visibility", "registrants"),
        ],
        "chat.txt",
        &data,
    )
    .await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["visibility"], "registrants");
    assert_eq!(app.get(&path_of(&app, &m)).await.status().as_u16(), 404);
    let manage = register(&app, id, "Ada Lovelace", "ada@example.org").await;
    let mid = m["id"].as_i64().unwrap();
    let (_, page) = app.get_text(&manage).await;
    assert!(
        page.contains(&format!("{manage}/materials/{mid}")) && page.contains("Chat log"),
        "{page}"
    );
    let res = app.get(&format!("{manage}/materials/{mid}")).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().as_ref(), data.as_slice());
    // Another meeting's registrant does not reach it.
    let other = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let stranger = register(&app, other, "Bob", "bob@example.org").await;
    let res = app.get(&format!("{stranger}/materials/{mid}")).await;
    assert_eq!(res.status().as_u16(), 404);
    // Not in the public JSON.
    let meeting = app.meeting(id).await;
    assert_eq!(meeting["materials"], json!([]), "{meeting}");
}

async fn materials_links_listing_delete_and_audit(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{id}/materials");
    let (status, link) = app
        .staff_post(
            &path,
            &json!({"title": "Recording", "kind": "recording", "url": "https://video.example.org/42"}),
        )
        .await;
    assert_eq!(status, 201, "{link}");
    assert_eq!(link["url"], "https://video.example.org/42");
    assert_eq!(link["visibility"], "public");
    assert!(link["filename"].is_null() && link["sha256"].is_null());
    let (status, minutes) = app
        .staff_post(
            &path,
            &json!({"title": "Minutes", "kind": "minutes", "url": "https://docs.example.org/m", "visibility": "registrants"}),
        )
        .await;
    assert_eq!(status, 201, "{minutes}");
    // Bad input names the field.
    let (status, err) = app
        .staff_post(
            &path,
            &json!({"title": "X", "kind": "poster", "url": "ftp://x"}),
        )
        .await;
    assert_eq!(status, 422, "{err}");
    let text = err.to_string();
    assert!(text.contains("kind") && text.contains("url"), "{text}");
    // Staff see all; the meeting JSON only the public one.
    let (_, list) = staff_get(&app, &path).await;
    assert_eq!(list["materials"].as_array().unwrap().len(), 2, "{list}");
    let meeting = app.meeting(id).await;
    let public = meeting["materials"].as_array().unwrap();
    assert_eq!(public.len(), 1, "{meeting}");
    assert_eq!(public[0]["kind"], "recording");
    // The page shows them by kind.
    let (_, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert!(page.contains("Recording") && page.contains("https://video.example.org/42"));
    assert!(!page.contains("https://docs.example.org/m"));
    // Delete.
    let lid = link["id"].as_i64().unwrap();
    let res = reqwest::Client::new()
        .delete(app.url(&format!("{path}/{lid}")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 204);
    let (_, list) = staff_get(&app, &path).await;
    assert_eq!(list["materials"].as_array().unwrap().len(), 1, "{list}");
    let res = reqwest::Client::new()
        .delete(app.url(&format!("{path}/{lid}")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    // Without a token: 401.
    let res = reqwest::Client::new()
        .get(app.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    // The audit log has each change.
    let pool = app.pool.clone();
    let rows = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::sessions::audit_entries(&mut conn, 100).unwrap()
    })
    .await
    .unwrap();
    let actions: Vec<&str> = rows
        .iter()
        .filter(|e| e.action.starts_with("material."))
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "material.add").count(),
        2,
        "{actions:?}"
    );
    assert_eq!(
        actions.iter().filter(|a| **a == "material.remove").count(),
        1,
        "{actions:?}"
    );
}

async fn materials_notify_confirmed_registrants_once(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    register(&app, id, "Ada Lovelace", "ada@example.org").await;
    register(&app, id, "Grace Hopper", "grace@example.org").await;
    let before = app.smtp.wait_for(2, Duration::from_secs(10)).await.len();
    assert_eq!(before, 2);
    let (status, m) = upload(
        &app,
        id,
        &[
            ("title", "Minutes of the session"),
            ("kind", "minutes"),
            ("notify", "true"),
        ],
        "minutes.pdf",
        &bytes(2000),
    )
    .await;
    assert_eq!(status, 201, "{m}");
    // A document with notify mails nobody.
    let (status, _) = app
        .staff_post(
            &format!("/api/v1/meetings/{id}/materials"),
            &json!({"title": "Background", "kind": "document", "url": "https://example.org/b", "notify": true}),
        )
        .await;
    assert_eq!(status, 201);
    let mails = app.smtp.wait_for(4, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mails = if mails.len() < 5 {
        app.smtp.wait_for(4, Duration::from_secs(1)).await
    } else {
        mails
    };
    let notes: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.starts_with("New material"))
        .collect();
    assert_eq!(
        notes.len(),
        2,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let mut to: Vec<String> = notes.iter().flat_map(|m| m.envelope_to.clone()).collect();
    to.sort();
    assert_eq!(to, ["ada@example.org", "grace@example.org"]);
    let url = m["url"].as_str().unwrap();
    for n in notes {
        let text = n.text.as_deref().unwrap();
        assert!(text.contains(url), "{text}");
        assert!(text.contains("Minutes of the session"), "{text}");
    }
}

async fn materials_staff_page_uploads_links_and_deletes(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let id = app.create_meeting(json!({})).await["id"].as_i64().unwrap();
    let staff = app.organizer_browser().await;
    let page_path = format!("/staff/meetings/{id}/materials");
    let page = app.page(&staff, &page_path).await;
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    let csrf = extract_csrf(&page);
    // Without the CSRF token the upload is refused.
    let res = staff
        .post(app.url(&page_path))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(
            &[("title", "Agenda"), ("kind", "agenda")],
            "agenda.pdf",
            b"%PDF-1.7",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = staff
        .post(app.url(&format!("{page_path}?csrf_token={csrf}")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(
            &[("title", "Agenda"), ("kind", "agenda")],
            "agenda.pdf",
            b"%PDF-1.7",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let res = staff
        .post(app.url(&format!("{page_path}/link")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("title", "Recording"),
            ("kind", "recording"),
            ("url", "https://video.example.org/7"),
            ("visibility", "public"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let page = app.page(&staff, &page_path).await;
    assert!(page.contains("agenda.pdf") && page.contains("https://video.example.org/7"));
    let (_, list) = staff_get(&app, &format!("/api/v1/meetings/{id}/materials")).await;
    let all = list["materials"].as_array().unwrap();
    assert_eq!(all.len(), 2, "{list}");
    let mid = all[0]["id"].as_i64().unwrap();
    let res = staff
        .post(app.url(&format!("{page_path}/{mid}/delete")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = staff_get(&app, &format!("/api/v1/meetings/{id}/materials")).await;
    assert_eq!(list["materials"].as_array().unwrap().len(), 1, "{list}");
}
