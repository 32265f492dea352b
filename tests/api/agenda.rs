//! The agenda (Markdown shown sanitised), its preview without JavaScript, change summaries
//! in update mails and quiet saves.

use quorum::auth::Role;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db, MAIL_WAIT};

both_backends!(
    hostile_markdown_is_shown_sanitised,
    an_agenda_over_64_kib_is_refused_naming_agenda,
    preview_shows_the_agenda_and_saves_nothing,
    update_mail_says_what_changed_and_keeps_the_join_link,
    a_quiet_save_mails_nobody_but_raises_the_sequence,
    series_carry_an_agenda_and_save_quietly,
);

const PW: &str = "a long staff password";

const HOSTILE: &str = "# Agenda\n\n1. Welcome *all*\n2. [Minutes](https://example.org/minutes)\n\n\
<script>alert('x')</script>\n\n[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n\
<img src=x onerror=alert(2)>\n\n<div onclick=\"alert(3)\">raw block</div>\n\n![pic](javascript:alert(4))\n";

async fn hostile_markdown_is_shown_sanitised(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"agenda": HOSTILE})).await;
    assert_eq!(m["agenda"], HOSTILE.trim_end(), "JSON carries the source");
    let id = m["id"].as_i64().unwrap();
    let (status, page) = app.get_text(&format!("/meetings/{id}")).await;
    assert_eq!(status, 200);
    let start = page
        .find("<section class=\"agenda\"")
        .expect("agenda shown");
    let end = start + page[start..].find("</section>").unwrap();
    let agenda = &page[start..end];
    assert!(agenda.contains("<h1>Agenda</h1>"), "{agenda}");
    assert!(agenda.contains("<em>all</em>"), "{agenda}");
    assert!(
        agenda.contains("<a href=\"https://example.org/minutes\" rel=\"nofollow noopener\">"),
        "{agenda}"
    );
    let lower = agenda.to_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "data:text",
        "<img src=\"x",
        "<div",
    ] {
        assert!(!lower.contains(bad), "{bad} in {agenda}");
    }
    // No tag carries an event attribute (the hostile text may show, escaped).
    for tag in lower.split('<').skip(1).filter_map(|t| t.split_once('>')) {
        assert!(!tag.0.contains(" on"), "<{}> in {agenda}", tag.0);
    }
    // Raw HTML is shown as text.
    assert!(agenda.contains("&lt;script&gt;"), "{agenda}");
}

async fn an_agenda_over_64_kib_is_refused_naming_agenda(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({})).await;
    let id = m["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{id}");
    // Exactly the limit (with multi-byte characters) is accepted in a body over 64 KiB.
    let at_limit = format!("{}{}", "é".repeat(32_000), "a".repeat(65_536 - 64_000));
    assert_eq!(at_limit.len(), 65_536);
    let (status, body) = app.staff_patch(&path, &json!({"agenda": at_limit})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        app.meeting(id).await["agenda"].as_str().unwrap().len(),
        65_536
    );
    let over = "a".repeat(65_537);
    let (status, body) = app.staff_patch(&path, &json!({"agenda": over})).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("agenda"), "{body}");
    let (status, body) = app
        .staff_post(
            "/api/v1/meetings",
            &json!({"group": m["group"]["slug"], "title": "Big", "format": "online",
                    "timezone": "UTC", "starts_at": "2027-05-15T09:00", "ends_at": "2027-05-15T10:00",
                    "online_url": "https://meet.example.org/x", "agenda": "é".repeat(32_769)}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("agenda"), "{body}");
}

async fn preview_shows_the_agenda_and_saves_nothing(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    app.add_staff("org@example.org", Role::Organizer, PW).await;
    let b = app.staff_browser("org@example.org", PW).await;
    let fields = [
        ("group", "ssr2"),
        ("title", "Preview meeting"),
        ("format", "online"),
        ("timezone", "Europe/Madrid"),
        ("starts_at", "2027-05-15T09:00"),
        ("ends_at", "2027-05-15T10:00"),
        ("online_url", "https://meet.example.org/p"),
        ("status", "published"),
        (
            "agenda",
            "## Items\r\n\r\n- **Budget**\r\n- <script>alert(1)</script>",
        ),
        ("preview", "1"),
    ];
    let res = app
        .staff_form(&b, "/staff/meetings/new", "/staff/meetings/new", &fields)
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<h2>Items</h2>"), "{page}");
    assert!(page.contains("<strong>Budget</strong>"), "{page}");
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(page.contains("value=\"Preview meeting\""), "values kept");
    assert!(page.contains("## Items"), "source kept in the textarea");
    let (_, list) = app.get_text("/api/v1/meetings").await;
    assert!(!list.contains("Preview meeting"), "nothing saved: {list}");

    // The same on a meeting's edit form: the meeting stays as it was.
    let m = app
        .create_meeting(json!({"group": "ssr2", "agenda": "old"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let edit = format!("/staff/meetings/{id}/edit");
    let mut changed = fields.to_vec();
    changed[1] = ("title", "Renamed in preview");
    let res = app.staff_form(&b, &edit, &edit, &changed).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<strong>Budget</strong>"), "{page}");
    let now = app.meeting(id).await;
    assert_eq!(now["agenda"], "old");
    assert_eq!(now["title"], m["title"]);

    // An agenda near the limit fits in the form, percent-encoded.
    let big = "- item one\n".repeat(5_900);
    let mut large = fields.to_vec();
    large[8] = ("agenda", big.as_str());
    let res = app.staff_form(&b, &edit, &edit, &large).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("<li>item one</li>"));
}

async fn update_mail_says_what_changed_and_keeps_the_join_link(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    // Madrid in winter: CET.
    let m = app
        .create_meeting(json!({"starts_at": "2027-12-01T14:00", "ends_at": "2027-12-01T15:30"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let (status, _) = app
        .register_api(id, "Ada", "ada@example.org", "remote")
        .await;
    assert_eq!(status, 201);
    app.smtp.wait_for(1, MAIL_WAIT).await;

    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": "Working session (moved)", "starts_at": "2027-12-02T15:00",
                    "ends_at": "2027-12-02T16:30", "venue": "Palacio de Congresos",
                    "online_url": "https://meet.example.org/new"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mail = app.smtp.wait_for(2, MAIL_WAIT).await.remove(1);
    assert!(
        mail.subject.starts_with("Meeting updated"),
        "{}",
        mail.subject
    );
    let text = mail.text.clone().unwrap();
    let html = mail.html.clone().unwrap();
    for line in [
        "Time: Wednesday, 1 December 2027, 14:00–15:30 CET → Thursday, 2 December 2027, 15:00–16:30 CET",
        "Title: Working session → Working session (moved)",
        "Join URL: https://meet.example.org/ssr2 → https://meet.example.org/new",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    assert!(
        text.contains(
            "Place: Hotel Meliá Castilla, Madrid, Spain → Palacio de Congresos, Madrid, Spain"
        ),
        "{text}"
    );
    assert!(
        text.contains("Join:  https://meet.example.org/new"),
        "join link kept: {text}"
    );
    assert!(
        html.contains("Wednesday, 1 December 2027, 14:00–15:30 CET"),
        "{html}"
    );
    assert!(
        html.contains("Thursday, 2 December 2027, 15:00–16:30 CET"),
        "{html}"
    );
    assert!(html.contains("Working session (moved)"), "{html}");
    assert!(
        html.contains("href=\"https://meet.example.org/new\""),
        "{html}"
    );

    // A multi-day meeting: every day in the summary, the same path.
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"starts_at": null, "ends_at": null, "days": [
                {"starts_at": "2027-12-02T15:00", "ends_at": "2027-12-02T16:30"},
                {"starts_at": "2027-12-03T09:00", "ends_at": "2027-12-03T12:00"}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mail = app.smtp.wait_for(3, MAIL_WAIT).await.remove(2);
    let text = mail.text.unwrap();
    assert!(
        text.contains("Time: Thursday, 2 December 2027, 15:00–16:30 CET → Thursday, 2 December 2027, 15:00–16:30 CET; Friday, 3 December 2027, 09:00–12:00 CET"),
        "{text}"
    );
}

async fn a_quiet_save_mails_nobody_but_raises_the_sequence(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({})).await;
    let id = m["id"].as_i64().unwrap();
    let sequence = m["sequence"].as_i64().unwrap();
    app.register_api(id, "Ada", "ada@example.org", "remote")
        .await;
    app.smtp.wait_for(1, MAIL_WAIT).await;

    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"title": "Quietly renamed", "notify": false}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sequence"].as_i64().unwrap(), sequence + 1, "{body}");
    assert!(body.get("notify").is_none(), "{body}");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        app.smtp.raw_messages().len(),
        1,
        "a quiet save mails nobody"
    );

    // The next invite anyone gets is current.
    let (_, feed) = app.get_text(&format!("/meetings/{id}/calendar.ics")).await;
    assert!(
        feed.contains(&format!("SEQUENCE:{}", sequence + 1)),
        "{feed}"
    );
    app.register_api(id, "Bob", "bob@example.org", "remote")
        .await;
    let mail = app.smtp.wait_for(2, MAIL_WAIT).await.remove(1);
    let invite = mail.calendar.unwrap().body;
    assert!(
        invite.contains(&format!("SEQUENCE:{}", sequence + 1)),
        "{invite}"
    );
    assert!(invite.contains("Quietly renamed"), "{invite}");

    // The staff form's checkbox does the same; the audit log records the quiet save.
    app.add_staff("admin@example.org", Role::Admin, PW).await;
    let b = app.staff_browser("admin@example.org", PW).await;
    let edit = format!("/staff/meetings/{id}/edit");
    let page = app.page(&b, &edit).await;
    assert!(
        page.contains("name=\"notify\" value=\"on\" checked"),
        "checked by default"
    );
    let input = app.meeting(id).await;
    let fields = [
        ("group", input["group"]["slug"].as_str().unwrap()),
        ("title", "Renamed by form"),
        ("format", "hybrid"),
        ("timezone", "Europe/Madrid"),
        ("starts_at", &input["starts_at"].as_str().unwrap()[..16]),
        ("ends_at", &input["ends_at"].as_str().unwrap()[..16]),
        ("venue", "Hotel Meliá Castilla"),
        ("city", "Madrid"),
        ("country", "Spain"),
        ("online_url", "https://meet.example.org/ssr2"),
        ("status", "published"),
        ("reminders", "1440"),
    ];
    let res = app.staff_form(&b, &edit, &edit, &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    let now = app.meeting(id).await;
    assert_eq!(now["title"], "Renamed by form");
    assert_eq!(now["sequence"].as_i64().unwrap(), sequence + 2);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        app.smtp.raw_messages().len(),
        2,
        "no mail without the checkbox"
    );
    let audit = app.page(&b, "/staff/audit").await;
    assert!(audit.contains("meeting.update"), "{audit}");
}

async fn series_carry_an_agenda_and_save_quietly(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("g").await;
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(10);
    let s = crate::series::create_series(
        &app,
        json!({"group": "g", "title": "Plenary", "format": "online", "timezone": "Europe/Madrid",
               "first_start": format!("{day}T14:00"), "duration_minutes": 60, "count": 3,
               "online_url": "https://meet.example.org/p", "status": "published",
               "agenda": "1. Roll call\n2. <b onmouseover=alert(1)>AOB</b>"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let sequence = s["sequence"].as_i64().unwrap();
    let occurrence = s["occurrences"][0]["id"].as_i64().unwrap();
    let (_, page) = app.get_text(&format!("/meetings/{occurrence}")).await;
    assert!(page.contains("<li>Roll call</li>"), "{page}");
    assert!(!page.contains("<b onmouseover"), "{page}");
    let (status, _) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Ada", "email": "ada@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201);
    app.smtp.wait_for(1, MAIL_WAIT).await;
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"title": "Plenary (quiet)", "notify": false}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sequence"].as_i64().unwrap(), sequence + 1, "{body}");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        app.smtp.raw_messages().len(),
        1,
        "a quiet save mails nobody"
    );

    // A change told to series registrants says what changed, with the next occurrence.
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"title": "Plenary (renamed)", "online_url": "https://meet.example.org/q"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mail = app.smtp.wait_for(2, MAIL_WAIT).await.remove(1);
    let text = mail.text.unwrap();
    assert!(
        text.contains("Title: Plenary (quiet) → Plenary (renamed)"),
        "{text}"
    );
    assert!(
        text.contains("Join URL: https://meet.example.org/p → https://meet.example.org/q"),
        "{text}"
    );
}
