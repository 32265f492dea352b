//! The group's public home, its content: the group's fields, people (chairs first),
//! milestones linked to meetings, updates with their pages and Atom feed, the milestones
//! calendar, the staff editor, and every change in the audit log.

use serde_json::{json, Value};

use crate::helpers::{extract_csrf, location, spawn_app, Db, TestApp};
use crate::ics_check;

crate::both_backends!(
    group_content_group_and_people,
    group_content_milestones_link_public_meetings,
    group_content_updates_drafts_stay_private,
    group_content_atom_feed_is_rfc4287,
    group_content_milestones_calendar,
    group_content_hostile_markdown_is_sanitised,
    group_content_staff_editor,
);

const ATOM: &str = "http://www.w3.org/2005/Atom";

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: bool,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = reqwest::Client::new().request(method.parse().unwrap(), app.url(path));
    if token {
        req = req.bearer_auth(&app.api_token);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The field names of a 422 answer.
fn fields(body: &Value) -> Vec<String> {
    assert_eq!(body["error"]["code"], "validation_failed", "{body}");
    body["error"]["fields"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String)> {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::db::sessions::audit_entries(&mut conn, 500)
            .unwrap()
            .into_iter()
            .map(|e| (e.action, e.subject))
            .collect()
    })
    .await
    .unwrap()
}

fn count(actions: &[(String, String)], action: &str) -> usize {
    actions.iter().filter(|(a, _)| a == action).count()
}

async fn group_content_group_and_people(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let created = app.create_group("ssr2").await;
    for key in [
        "slug",
        "name",
        "description",
        "about",
        "contact_email",
        "input_email",
    ] {
        assert!(created.get(key).is_some(), "POST answers {key}: {created}");
    }
    assert_eq!(created["members"], json!([]));
    assert!(created["updates_url"]
        .as_str()
        .unwrap()
        .ends_with("/groups/ssr2/updates.atom"));

    // Read by anyone; changed by staff, any subset.
    let (status, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(status, 200, "{g}");
    assert_eq!(g["name"], "Group ssr2");
    let patch =
        json!({"about": "## Mandate\n\nReview **security**.", "input_email": "input@example.org"});
    let (status, g) = call(&app, "PATCH", "/api/v1/groups/ssr2", true, Some(patch)).await;
    assert_eq!(status, 200, "{g}");
    assert_eq!(g["name"], "Group ssr2", "untouched fields stay");
    assert_eq!(g["description"], "A test group");
    assert_eq!(g["input_email"], "input@example.org");
    assert!(g["about_html"]
        .as_str()
        .unwrap()
        .contains("<strong>security</strong>"));
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(g["about"], "## Mandate\n\nReview **security**.");
    // The same slug is fine; another is refused by field.
    let (status, _) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"slug": "ssr2", "name": "SSR2"})),
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"slug": "ssr3"})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["slug".to_string()]));
    // Bad input: never a 500.
    let (status, body) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"contact_email": "nope", "name": ""})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&body),
        vec!["contact_email".to_string(), "name".to_string()]
    );
    let (status, body) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"colour": "red"})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["colour".to_string()]));
    let (status, body) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"name": 5})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["name".to_string()]));
    let (status, _) = call(&app, "PATCH", "/api/v1/groups/ssr2", true, Some(json!([1]))).await;
    assert_eq!(status, 400);
    let (status, _) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        false,
        Some(json!({"name": "X"})),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = call(&app, "GET", "/api/v1/groups/nosuch", false, None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = call(
        &app,
        "PATCH",
        "/api/v1/groups/nosuch",
        true,
        Some(json!({"name": "X"})),
    )
    .await;
    assert_eq!(status, 404);

    // People: created with 201 and their id, listed chairs first.
    let mut ids = Vec::new();
    for (name, role) in [
        ("Alice Member", "member"),
        ("Boris Chair", "chair"),
        ("Lia Liaison", "liaison"),
        ("Cecilia Chair", "chair"),
    ] {
        let body = json!({"name": name, "role": role, "affiliation": "ccNSO"});
        let (status, m) = call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/members",
            true,
            Some(body),
        )
        .await;
        assert_eq!(status, 201, "{m}");
        assert_eq!(
            (m["name"].as_str(), m["role"].as_str()),
            (Some(name), Some(role))
        );
        ids.push(m["id"].as_i64().unwrap());
    }
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    let names: Vec<&str> = g["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Boris Chair",
            "Cecilia Chair",
            "Alice Member",
            "Lia Liaison"
        ]
    );
    let (status, body) = call(
        &app,
        "POST",
        "/api/v1/groups/ssr2/members",
        true,
        Some(json!({"name": "X", "role": "boss"})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["role".to_string()]));
    let (status, body) = call(
        &app,
        "POST",
        "/api/v1/groups/ssr2/members",
        true,
        Some(json!({"role": "chair"})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["name".to_string()]));
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/groups/ssr2/members",
        false,
        Some(json!({"name": "X", "role": "chair"})),
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/groups/nosuch/members",
        true,
        Some(json!({"name": "X", "role": "chair"})),
    )
    .await;
    assert_eq!(status, 404);
    let path = format!("/api/v1/groups/ssr2/members/{}", ids[0]);
    assert_eq!(call(&app, "DELETE", &path, false, None).await.0, 401);
    assert_eq!(call(&app, "DELETE", &path, true, None).await.0, 204);
    assert_eq!(call(&app, "DELETE", &path, true, None).await.0, 404);
    assert_eq!(
        call(
            &app,
            "DELETE",
            "/api/v1/groups/ssr2/members/abc",
            true,
            None
        )
        .await
        .0,
        404
    );
    // Another group's person is not this group's.
    app.create_group("other").await;
    let other = format!("/api/v1/groups/other/members/{}", ids[1]);
    assert_eq!(call(&app, "DELETE", &other, true, None).await.0, 404);
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(g["members"].as_array().unwrap().len(), 3);

    let actions = audit_actions(&app).await;
    assert_eq!(count(&actions, "group.update"), 2, "{actions:?}");
    assert_eq!(count(&actions, "member.add"), 4, "{actions:?}");
    assert_eq!(count(&actions, "member.remove"), 1, "{actions:?}");
    assert!(actions.contains(&(
        "member.remove".into(),
        format!("group:ssr2/member:{}", ids[0])
    )));
}

async fn group_content_milestones_link_public_meetings(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    app.create_group("other").await;
    let public = app
        .create_meeting(json!({"group": "ssr2", "title": "Madrid face-to-face"}))
        .await;
    let draft = app
        .create_meeting(json!({"group": "ssr2", "status": "draft"}))
        .await;
    let elsewhere = app.create_meeting(json!({"group": "other"})).await;
    let post = |body: Value| {
        call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/milestones",
            true,
            Some(body),
        )
    };

    let (status, m) = post(json!({"date": "2017-05-15", "title": "Madrid meeting", "status": "done", "meeting": public["id"]})).await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["meeting"], public["id"]);
    assert!(m["meeting_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/meetings/{}", public["id"])));
    let linked = m["id"].as_i64().unwrap();
    // A draft meeting may be named, but is not linked while it is a draft.
    let (status, m) = post(json!({"date": "2018-06-30", "title": "Final report", "status": "planned", "meeting": draft["id"], "description": "Sent to the Board"})).await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(
        (m["meeting"].clone(), m["meeting_url"].clone()),
        (Value::Null, Value::Null)
    );
    let to_draft = m["id"].as_i64().unwrap();
    // Another group's meeting, a bad date, an unknown status, wrong types: 422 by field.
    let (status, body) = post(
        json!({"date": "2018-01-01", "title": "X", "status": "done", "meeting": elsewhere["id"]}),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["meeting".to_string()]));
    let (status, body) =
        post(json!({"date": "2018-02-30", "title": "X", "status": "late", "meeting": 999999}))
            .await;
    assert_eq!(
        (status, fields(&body)),
        (422, vec!["date".into(), "meeting".into(), "status".into()])
    );
    let (status, body) = post(json!({"date": 20180101, "title": "X", "status": "done"})).await;
    assert_eq!((status, fields(&body)), (422, vec!["date".to_string()]));
    let (status, body) =
        post(json!({"date": "2018-01-01", "title": "X", "status": "done", "meeting": "one"})).await;
    assert_eq!((status, fields(&body)), (422, vec!["meeting".to_string()]));
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/groups/ssr2/milestones",
        false,
        Some(json!({"date": "2018-01-01", "title": "X", "status": "done"})),
    )
    .await;
    assert_eq!(status, 401);

    // Publishing the meeting links it.
    let (status, _) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", draft["id"]),
            &json!({"status": "published"}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    let ms = g["milestones"].as_array().unwrap();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0]["title"], "Madrid meeting", "by date");
    assert_eq!(ms[1]["meeting"], draft["id"]);

    // PATCH: any subset, the rest stays; null unlinks the meeting.
    let path = format!("/api/v1/groups/ssr2/milestones/{to_draft}");
    let (status, m) = call(&app, "PATCH", &path, true, Some(json!({"status": "done"}))).await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(
        (
            m["status"].as_str(),
            m["date"].as_str(),
            m["title"].as_str()
        ),
        (Some("done"), Some("2018-06-30"), Some("Final report"))
    );
    assert_eq!(m["description"], "Sent to the Board");
    let (status, m) = call(&app, "PATCH", &path, true, Some(json!({"meeting": null}))).await;
    assert_eq!((status, m["meeting"].clone()), (200, Value::Null));
    let (status, body) = call(
        &app,
        "PATCH",
        &path,
        true,
        Some(json!({"meeting": elsewhere["id"]})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["meeting".to_string()]));
    let (status, body) = call(&app, "PATCH", &path, true, Some(json!({"when": "soon"}))).await;
    assert_eq!((status, fields(&body)), (422, vec!["when".to_string()]));
    assert_eq!(
        call(
            &app,
            "PATCH",
            "/api/v1/groups/ssr2/milestones/424242",
            true,
            Some(json!({"status": "done"}))
        )
        .await
        .0,
        404
    );
    assert_eq!(
        call(
            &app,
            "PATCH",
            &format!("/api/v1/groups/other/milestones/{to_draft}"),
            true,
            Some(json!({"status": "done"}))
        )
        .await
        .0,
        404
    );
    let del = format!("/api/v1/groups/ssr2/milestones/{linked}");
    assert_eq!(call(&app, "DELETE", &del, false, None).await.0, 401);
    assert_eq!(call(&app, "DELETE", &del, true, None).await.0, 204);
    assert_eq!(call(&app, "DELETE", &del, true, None).await.0, 404);

    let actions = audit_actions(&app).await;
    assert_eq!(count(&actions, "milestone.create"), 2, "{actions:?}");
    assert_eq!(count(&actions, "milestone.update"), 2, "{actions:?}");
    assert_eq!(count(&actions, "milestone.delete"), 1, "{actions:?}");
}

async fn group_content_updates_drafts_stay_private(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let post = |body: Value| {
        call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/updates",
            true,
            Some(body),
        )
    };
    let (status, published) = post(json!({"title": "June 2017 update", "body": "The team met in **Madrid**.", "status": "published"})).await;
    assert_eq!(status, 201, "{published}");
    assert!(published["published_at"].is_string());
    let (status, draft) =
        post(json!({"title": "Secret draft", "body": "Not yet.", "status": "draft"})).await;
    assert_eq!(status, 201, "{draft}");
    assert_eq!(draft["published_at"], Value::Null);

    // Anyone sees the published one only; staff see the draft too.
    let (status, list) = call(&app, "GET", "/api/v1/groups/ssr2/updates", false, None).await;
    assert_eq!(status, 200);
    let titles = |l: &Value| -> Vec<String> {
        l["updates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&list), ["June 2017 update"]);
    let (_, list) = call(&app, "GET", "/api/v1/groups/ssr2/updates", true, None).await;
    assert_eq!(titles(&list).len(), 2);
    assert_eq!(
        call(&app, "GET", "/api/v1/groups/nosuch/updates", false, None)
            .await
            .0,
        404
    );

    // The public page: published only.
    let page = format!("/groups/ssr2/updates/{}", published["id"]);
    let (status, html) = app.get_text(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("June 2017 update") && html.contains("<strong>Madrid</strong>"),
        "{html}"
    );
    let draft_page = format!("/groups/ssr2/updates/{}", draft["id"]);
    assert_eq!(app.get_text(&draft_page).await.0, 404);
    assert_eq!(app.get_text("/groups/ssr2/updates/abc").await.0, 404);
    assert_eq!(
        app.get_text(&format!("/groups/other/updates/{}", published["id"]))
            .await
            .0,
        404
    );
    let (_, atom) = app.get_text("/groups/ssr2/updates.atom").await;
    assert!(!atom.contains("Secret draft"));

    // Publishing the draft (a PATCH of one field) makes it public.
    let path = format!("/api/v1/groups/ssr2/updates/{}", draft["id"]);
    let (status, u) = call(
        &app,
        "PATCH",
        &path,
        true,
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(status, 200, "{u}");
    assert_eq!(
        (u["title"].as_str(), u["body"].as_str()),
        (Some("Secret draft"), Some("Not yet."))
    );
    assert!(u["published_at"].is_string());
    assert_eq!(app.get_text(&draft_page).await.0, 200);
    let (_, atom) = app.get_text("/groups/ssr2/updates.atom").await;
    assert!(
        atom.contains("Secret draft"),
        "the feed is fresh after a change"
    );

    // Bad input.
    let (status, body) = post(json!({"title": "", "body": "", "status": "final"})).await;
    assert_eq!(
        (status, fields(&body)),
        (422, vec!["body".into(), "status".into(), "title".into()])
    );
    let (status, body) =
        post(json!({"title": "T", "body": "B", "status": "draft", "author": "me"})).await;
    assert_eq!((status, fields(&body)), (422, vec!["author".to_string()]));
    let (status, body) = call(&app, "PATCH", &path, true, Some(json!({"title": ["a"]}))).await;
    assert_eq!((status, fields(&body)), (422, vec!["title".to_string()]));
    let (status, _) =
        post(json!({"title": "T", "body": "x".repeat(70_000), "status": "draft"})).await;
    assert_eq!(status, 422, "a body over 64 KiB");
    assert_eq!(
        call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/updates",
            false,
            Some(json!({"title": "T", "body": "B", "status": "draft"}))
        )
        .await
        .0,
        401
    );
    assert_eq!(call(&app, "DELETE", &path, true, None).await.0, 204);
    assert_eq!(call(&app, "DELETE", &path, true, None).await.0, 404);
    assert_eq!(app.get_text(&draft_page).await.0, 404);

    let actions = audit_actions(&app).await;
    assert_eq!(count(&actions, "update.create"), 2, "{actions:?}");
    assert_eq!(count(&actions, "update.update"), 1, "{actions:?}");
    assert_eq!(count(&actions, "update.delete"), 1, "{actions:?}");
}

/// The child elements of `node` named `name` in the Atom namespace.
fn atom<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children().filter(move |c| {
        c.is_element() && c.tag_name().namespace() == Some(ATOM) && c.tag_name().name() == name
    })
}

fn one<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &'a str) -> roxmltree::Node<'a, 'i> {
    let found: Vec<_> = atom(node, name).collect();
    assert_eq!(
        found.len(),
        1,
        "<{}> has {} <{name}>",
        node.tag_name().name(),
        found.len()
    );
    found[0]
}

/// RFC 4287's required elements: the feed's id, title, updated, author (or one per entry)
/// and a self link; each entry's id, title, updated, an alternate link (it has no content
/// that stands alone otherwise) and content or summary. Ids are IRIs, dates RFC 3339.
fn check_atom(text: &str) -> Vec<(String, String, String)> {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"));
    let feed = doc.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some(ATOM), "feed")
    );
    let iri = |n: roxmltree::Node| {
        let v = n.text().unwrap_or("").trim().to_string();
        assert!(
            v.contains(':') && !v.contains(' '),
            "id {v:?} is not an IRI"
        );
        v
    };
    let date = |n: roxmltree::Node| {
        let v = n.text().unwrap_or("");
        chrono::DateTime::parse_from_rfc3339(v).unwrap_or_else(|e| panic!("updated {v:?}: {e}"));
    };
    iri(one(feed, "id"));
    assert!(!one(feed, "title").text().unwrap_or("").is_empty());
    date(one(feed, "updated"));
    let author = one(feed, "author");
    assert!(!one(author, "name").text().unwrap_or("").is_empty());
    let self_link = atom(feed, "link")
        .find(|l| l.attribute("rel") == Some("self"))
        .expect("a self link");
    assert!(self_link
        .attribute("href")
        .unwrap()
        .ends_with("/updates.atom"));
    atom(feed, "entry")
        .map(|e| {
            let id = iri(one(e, "id"));
            let title = one(e, "title").text().unwrap_or("").to_string();
            assert!(!title.is_empty());
            date(one(e, "updated"));
            let link = atom(e, "link")
                .find(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
                .expect("an alternate link");
            let content = atom(e, "content")
                .chain(atom(e, "summary"))
                .next()
                .expect("content or summary");
            let html = content.text().unwrap_or("").to_string();
            let _ = link.attribute("href").expect("href");
            (id, title, html)
        })
        .collect()
}

async fn group_content_atom_feed_is_rfc4287(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let mut ids = Vec::new();
    for (title, status) in [
        ("First report", "published"),
        ("A draft", "draft"),
        ("Second report", "published"),
    ] {
        let body = json!({"title": title, "body": format!("About *{title}*; see [the wiki](https://example.org/w)."), "status": status});
        let (code, u) = call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/updates",
            true,
            Some(body),
        )
        .await;
        assert_eq!(code, 201, "{u}");
        ids.push(u["id"].as_i64().unwrap());
    }
    let res = app.get("/groups/ssr2/updates.atom").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let text = res.text().await.unwrap();
    let entries = check_atom(&text);
    let titles: Vec<&str> = entries.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        ["Second report", "First report"],
        "published only, newest first"
    );
    assert!(
        entries[0].2.contains("<em>Second report</em>"),
        "content is the rendered body"
    );
    assert_ne!(entries[0].0, entries[1].0);
    assert!(text.contains(&format!("/groups/ssr2/updates/{}", ids[0])));

    // Conditional requests: 304 while unchanged (HEAD too); a change gives a new ETag, and
    // the entries keep their ids.
    let again = reqwest::Client::new()
        .get(app.url("/groups/ssr2/updates.atom"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    let head = reqwest::Client::new()
        .head(app.url("/groups/ssr2/updates.atom"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status().as_u16(), 200);
    let path = format!("/api/v1/groups/ssr2/updates/{}", ids[1]);
    assert_eq!(
        call(
            &app,
            "PATCH",
            &path,
            true,
            Some(json!({"status": "published"}))
        )
        .await
        .0,
        200
    );
    let res = reqwest::Client::new()
        .get(app.url("/groups/ssr2/updates.atom"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_ne!(res.headers()["etag"].to_str().unwrap(), etag);
    let after = check_atom(&res.text().await.unwrap());
    assert_eq!(after.len(), 3);
    for (id, title, _) in &entries {
        assert!(
            after.iter().any(|(i, t, _)| i == id && t == title),
            "{title} keeps its id"
        );
    }
    assert_eq!(app.get_text("/groups/nosuch/updates.atom").await.0, 404);
    // A group without updates still has a valid feed.
    app.create_group("empty").await;
    let (status, text) = app.get_text("/groups/empty/updates.atom").await;
    assert_eq!(status, 200);
    assert!(check_atom(&text).is_empty());
}

async fn group_content_milestones_calendar(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let public = app.create_meeting(json!({"group": "ssr2"})).await;
    let bodies = [
        json!({"date": "2017-06-30", "title": "Draft report; for comment, at last", "status": "done", "description": "Line one,\nline two; \\ done"}),
        json!({"date": "2018-12-31", "title": "Final report", "status": "planned", "meeting": public["id"]}),
    ];
    let mut ids = Vec::new();
    for b in bodies {
        let (status, m) = call(
            &app,
            "POST",
            "/api/v1/groups/ssr2/milestones",
            true,
            Some(b),
        )
        .await;
        assert_eq!(status, 201, "{m}");
        ids.push(m["id"].as_i64().unwrap());
    }
    let res = app.get("/groups/ssr2/milestones.ics").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let ics = res.text().await.unwrap();
    ics_check::assert_valid(&ics);
    let host = url::Url::parse(&app.base_url)
        .unwrap()
        .host_str()
        .unwrap()
        .to_string();
    let unfolded = ics.replace("\r\n ", "");
    for (id, start, end) in [
        (ids[0], "20170630", "20170701"),
        (ids[1], "20181231", "20190101"),
    ] {
        let uid = format!("UID:milestone-{id}@{host}\r\n");
        let at = unfolded
            .find(&uid)
            .unwrap_or_else(|| panic!("{uid} in\n{ics}"));
        let event = &unfolded[unfolded[..at].rfind("BEGIN:VEVENT").unwrap()..];
        let event = &event[..event.find("END:VEVENT").unwrap()];
        assert!(
            event.contains(&format!("DTSTART;VALUE=DATE:{start}\r\n")),
            "{event}"
        );
        assert!(
            event.contains(&format!("DTEND;VALUE=DATE:{end}\r\n")),
            "{event}"
        );
        assert!(event.contains("DTSTAMP:"), "{event}");
    }
    assert!(
        unfolded.contains("SUMMARY:Draft report\\; for comment\\, at last\r\n"),
        "{ics}"
    );
    assert!(
        unfolded.contains(&format!("URL:{}/meetings/{}", app.base_url, public["id"])),
        "{ics}"
    );
    let again = reqwest::Client::new()
        .get(app.url("/groups/ssr2/milestones.ics"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    // A change shows at once, under the same UID.
    let path = format!("/api/v1/groups/ssr2/milestones/{}", ids[0]);
    assert_eq!(
        call(
            &app,
            "PATCH",
            &path,
            true,
            Some(json!({"date": "2017-07-03"}))
        )
        .await
        .0,
        200
    );
    let (_, ics2) = app.get_text("/groups/ssr2/milestones.ics").await;
    ics_check::assert_valid(&ics2);
    assert!(ics2.contains("DTSTART;VALUE=DATE:20170703"));
    assert!(ics2.contains(&format!("UID:milestone-{}@{host}", ids[0])));
    assert_eq!(app.get_text("/groups/nosuch/milestones.ics").await.0, 404);
}

async fn group_content_hostile_markdown_is_sanitised(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let hostile = "Hi <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> <a href=\"javascript:alert(4)\">a</a>";
    let (status, g) = call(
        &app,
        "PATCH",
        "/api/v1/groups/ssr2",
        true,
        Some(json!({"about": hostile})),
    )
    .await;
    assert_eq!(status, 200, "{g}");
    let (status, u) = call(
        &app,
        "POST",
        "/api/v1/groups/ssr2/updates",
        true,
        Some(json!({"title": "<script>t()</script>", "body": hostile, "status": "published"})),
    )
    .await;
    assert_eq!(status, 201, "{u}");
    // Raw HTML is shown as text (`&lt;script&gt;`); no element or attribute can run.
    let clean = |html: &str, what: &str| {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{what}: {html}");
        assert!(!lower.contains("<img"), "{what}: {html}");
        for tag in lower.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            assert!(
                !tag.contains("javascript:") && !tag.contains("onerror"),
                "{what}: <{tag}>"
            );
        }
    };
    clean(g["about_html"].as_str().unwrap(), "about_html");
    clean(u["body_html"].as_str().unwrap(), "body_html");
    let (_, page) = app
        .get_text(&format!("/groups/ssr2/updates/{}", u["id"]))
        .await;
    clean(&page, "update page");
    assert!(page.contains("&lt;script&gt;"), "shown as text");
    let (_, atom) = app.get_text("/groups/ssr2/updates.atom").await;
    for (_, _, html) in check_atom(&atom) {
        clean(&html, "Atom content");
    }
}

async fn group_content_staff_editor(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let meeting = app
        .create_meeting(json!({"group": "ssr2", "title": "Johannesburg"}))
        .await;
    let anonymous = crate::helpers::browser();
    let res = anonymous
        .get(app.url("/staff/groups/ssr2"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (res.status().as_u16(), location(&res)),
        (303, "/staff/login".to_string())
    );
    let browser = app.organizer_browser().await;
    assert!(app
        .page(&browser, "/staff/groups")
        .await
        .contains("href=\"/staff/groups/ssr2\""));
    let editor = "/staff/groups/ssr2";
    let html = app.page(&browser, editor).await;
    assert!(html.contains("Johannesburg"), "meetings to pick from");
    assert_eq!(
        browser
            .get(app.url("/staff/groups/nosuch"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );

    // Group fields: a bad address comes back with the values kept and the error beside it.
    let form = [
        ("name", "SSR2 Review Team"),
        ("description", "Second review"),
        ("about", "## Mandate\n\nReview."),
        ("contact_email", "not an address"),
        ("input_email", ""),
    ];
    let res = app.staff_form(&browser, editor, editor, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("value=\"not an address\"") && html.contains("## Mandate"),
        "values kept"
    );
    assert!(
        html.contains("class=\"field invalid\"><label for=\"contact_email\""),
        "error beside the field"
    );
    let form = [
        ("name", "SSR2 Review Team"),
        ("description", "Second review"),
        ("about", "## Mandate\n\nReview."),
        ("contact_email", "ssr2@example.org"),
        ("input_email", "input-ssr2@example.org"),
    ];
    let res = app.staff_form(&browser, editor, editor, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/staff/groups/ssr2?"));
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(
        (g["name"].as_str(), g["input_email"].as_str()),
        (Some("SSR2 Review Team"), Some("input-ssr2@example.org"))
    );

    // People.
    let res = app
        .staff_form(
            &browser,
            editor,
            "/staff/groups/ssr2/members",
            &[
                ("name", "Denise Michel"),
                ("role", "chair"),
                ("affiliation", "ccNSO"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .staff_form(
            &browser,
            editor,
            "/staff/groups/ssr2/members",
            &[("name", ""), ("role", "chair")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    let member = g["members"][0]["id"].as_i64().unwrap();

    // Milestones: add (a bad one first), edit, delete.
    let mid = meeting["id"].to_string();
    let bad = [
        ("date", "2018-13-01"),
        ("title", "Kept title"),
        ("status", "planned"),
        ("meeting", ""),
        ("description", ""),
    ];
    let res = app
        .staff_form(&browser, editor, "/staff/groups/ssr2/milestones", &bad)
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("value=\"Kept title\""));
    let good = [
        ("date", "2018-06-30"),
        ("title", "Final report"),
        ("status", "planned"),
        ("meeting", mid.as_str()),
        ("description", "To the Board"),
    ];
    assert_eq!(
        app.staff_form(&browser, editor, "/staff/groups/ssr2/milestones", &good)
            .await
            .status()
            .as_u16(),
        303
    );
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    let ms = g["milestones"][0]["id"].as_i64().unwrap();
    assert_eq!(g["milestones"][0]["meeting"], meeting["id"]);
    let edit = format!("/staff/groups/ssr2/milestones/{ms}");
    let changed = [
        ("date", "2018-07-01"),
        ("title", "Final report"),
        ("status", "done"),
        ("meeting", ""),
        ("description", ""),
    ];
    assert_eq!(
        app.staff_form(&browser, editor, &edit, &changed)
            .await
            .status()
            .as_u16(),
        303
    );
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(
        (
            g["milestones"][0]["date"].as_str(),
            g["milestones"][0]["status"].as_str()
        ),
        (Some("2018-07-01"), Some("done"))
    );
    assert_eq!(g["milestones"][0]["meeting"], Value::Null);
    let wrong = [
        ("date", "2018-07-01"),
        ("title", "Final report"),
        ("status", "done"),
        ("meeting", "999999"),
        ("description", ""),
    ];
    let res = app.staff_form(&browser, editor, &edit, &wrong).await;
    assert_eq!(res.status().as_u16(), 422);

    // Updates: add as draft, publish by editing.
    let update = [
        ("title", "June 2017"),
        ("body", "The team **met**."),
        ("status", "draft"),
    ];
    assert_eq!(
        app.staff_form(&browser, editor, "/staff/groups/ssr2/updates", &update)
            .await
            .status()
            .as_u16(),
        303
    );
    let (_, list) = call(&app, "GET", "/api/v1/groups/ssr2/updates", true, None).await;
    let up = list["updates"][0]["id"].as_i64().unwrap();
    assert_eq!(list["updates"][0]["status"], "draft");
    let edit_update = format!("/staff/groups/ssr2/updates/{up}");
    let published = [
        ("title", "June 2017"),
        ("body", "The team **met**."),
        ("status", "published"),
    ];
    assert_eq!(
        app.staff_form(&browser, editor, &edit_update, &published)
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        app.get_text(&format!("/groups/ssr2/updates/{up}")).await.0,
        200
    );
    let res = app
        .staff_form(
            &browser,
            editor,
            &edit_update,
            &[("title", ""), ("body", "x"), ("status", "published")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);

    // Removing, and CSRF on every form.
    let del = format!("/staff/groups/ssr2/milestones/{ms}/delete");
    let res = browser
        .post(app.url(&del))
        .form(&[("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        app.staff_form(&browser, editor, &del, &[])
            .await
            .status()
            .as_u16(),
        303
    );
    let remove = format!("/staff/groups/ssr2/members/{member}/delete");
    assert_eq!(
        app.staff_form(&browser, editor, &remove, &[])
            .await
            .status()
            .as_u16(),
        303
    );
    let res = browser
        .post(app.url(editor))
        .form(&[("name", "No token")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let html = app.page(&browser, editor).await;
    let _ = extract_csrf(&html);
    let (_, g) = call(&app, "GET", "/api/v1/groups/ssr2", false, None).await;
    assert_eq!(
        (
            g["members"].as_array().unwrap().len(),
            g["milestones"].as_array().unwrap().len()
        ),
        (0, 0)
    );

    let actions = audit_actions(&app).await;
    for (action, n) in [
        ("group.update", 1),
        ("member.add", 1),
        ("member.remove", 1),
        ("milestone.create", 1),
        ("milestone.update", 1),
        ("milestone.delete", 1),
        ("update.create", 1),
        ("update.update", 1),
    ] {
        assert_eq!(count(&actions, action), n, "{action}: {actions:?}");
    }
}
