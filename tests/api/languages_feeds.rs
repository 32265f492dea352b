//! Languages in calendars and feeds: the fixed words of every feed in the language its URL
//! asks for (`?lang=`, and nothing else, so one cached body serves every subscriber), each
//! language cached with its own ETag; a registrant's invite in the language they registered in.

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp};
use crate::ics_check;
use crate::series::{create_series, unfold};

both_backends!(
    feeds_carry_their_fixed_words_in_the_language_asked,
    feeds_ignore_cookie_and_accept_language_and_cache_each_language,
    the_invite_download_is_in_the_registrants_language,
);

/// The fixed words each language writes: (lang, join label, cancelled, milestones name,
/// done, planned, Atom title), as the message files have them.
const WORDS: [(&str, &str, &str, &str, &str, &str, &str); 3] = [
    (
        "fr",
        "Participer en ligne : https://public.example.org/join",
        "ANNULÉE : Salle fermée",
        "Groupe Langues : jalons",
        "Statut : atteint",
        "Statut : prévu",
        "Groupe Langues : actualités",
    ),
    (
        "ar",
        "المشاركة عبر الإنترنت: https://public.example.org/join",
        "أُلغي الاجتماع: Salle fermée",
        "Groupe Langues: المعالم الرئيسية",
        "الحالة: مُنجَز",
        "الحالة: مُقرَّر",
        "Groupe Langues: المستجدات",
    ),
    (
        "zh",
        "线上参会：https://public.example.org/join",
        "已取消：Salle fermée",
        "Groupe Langues：里程碑",
        "状态：已完成",
        "状态：计划中",
        "Groupe Langues：最新动态",
    ),
];

/// Without Arabic's bidi isolation marks (U+2068, U+2069) around placeable values.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The calendar unfolded, with its isolation marks dropped.
fn readable(ics: &str) -> String {
    plain(&unfold(ics))
}

async fn get(
    path: &str,
    app: &TestApp,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, String) {
    let mut req = reqwest::Client::new().get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let h = res.headers().clone();
    (status, h, res.text().await.unwrap())
}

async fn staff(app: &TestApp, path: &str, body: Value) -> Value {
    let (status, v) = app.staff_post(path, &body).await;
    assert!(status == 200 || status == 201, "{path}: {status} {v}");
    v
}

/// A group with a public online meeting, a cancelled one, a milestone done and one planned,
/// a weekly series and a published update. Returns the public meeting's id and the series'.
async fn content(app: &TestApp) -> (i64, i64) {
    staff(
        app,
        "/api/v1/groups",
        json!({"slug": "langs", "name": "Groupe Langues"}),
    )
    .await;
    let open = app
        .create_meeting(json!({
            "group": "langs",
            "title": "Session ouverte",
            "format": "online",
            "online_url": "https://public.example.org/join",
            "online_url_visibility": "public",
        }))
        .await;
    let off = app
        .create_meeting(json!({"group": "langs", "title": "Session annulée"}))
        .await;
    staff(
        app,
        &format!("/api/v1/meetings/{}/cancel", off["id"]),
        json!({"reason": "Salle fermée"}),
    )
    .await;
    let milestones = "/api/v1/groups/langs/milestones";
    staff(
        app,
        milestones,
        json!({"date": "2017-05-15", "title": "Premier rapport", "status": "done"}),
    )
    .await;
    staff(
        app,
        milestones,
        json!({"date": "2030-06-30", "title": "Rapport final", "status": "planned"}),
    )
    .await;
    staff(
        app,
        "/api/v1/groups/langs/updates",
        json!({"title": "Nouvelles de juin", "body": "Réunion à **Madrid**.", "status": "published"}),
    )
    .await;
    let series = weekly(app, "langs", "Appel hebdomadaire").await;
    (open["id"].as_i64().unwrap(), series)
}

/// A published weekly series of four online meetings with a public link, from next week.
async fn weekly(app: &TestApp, group: &str, title: &str) -> i64 {
    use chrono::Datelike;
    let mut day = (chrono::Utc::now() + chrono::Duration::days(7)).date_naive();
    while day.weekday() != chrono::Weekday::Wed {
        day = day.succ_opt().unwrap();
    }
    let s = create_series(
        app,
        json!({"group": group, "title": title, "format": "online", "timezone": "Europe/Madrid",
               "first_start": format!("{day}T14:00"), "duration_minutes": 60, "weekdays": ["WE"],
               "count": 4, "online_url": "https://public.example.org/join",
               "online_url_visibility": "public", "status": "published"}),
    )
    .await;
    s["id"].as_i64().unwrap()
}

/// The Atom feed's language and title; it must parse as an Atom feed.
fn atom_title(text: &str) -> (String, String) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"));
    let feed = doc.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some("http://www.w3.org/2005/Atom"), "feed")
    );
    let lang = feed
        .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .unwrap_or_default()
        .to_string();
    let title = feed
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string();
    assert!(
        feed.children().any(|n| n.has_tag_name("entry")),
        "one entry: {text}"
    );
    (lang, plain(&title))
}

async fn feeds_carry_their_fixed_words_in_the_language_asked(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let (open, series) = content(&app).await;
    for (lang, join, cancelled, name, done, planned, title) in WORDS {
        for path in [
            format!("/calendar.ics?lang={lang}"),
            format!("/groups/langs/calendar.ics?lang={lang}"),
            format!("/meetings/{open}/calendar.ics?lang={lang}"),
        ] {
            let (status, headers, ics) = get(&path, &app, &[]).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(headers["content-type"], "text/calendar; charset=utf-8");
            assert_eq!(headers["content-language"], lang, "{path}");
            ics_check::assert_valid(&ics);
            let text = readable(&ics);
            // Its links lead to pages in the same language.
            let base = &app.base_url;
            assert!(
                text.contains(&format!("URL:{base}/meetings/{open}?lang={lang}\r\n"))
                    && !text.contains(&format!("/meetings/{open}\r\n")),
                "{path}: {text}"
            );
            assert!(text.contains(join), "{path}: {join:?} in {text}");
            assert!(!text.contains("Join online"), "{path}: {text}");
            // What staff wrote stays as written.
            assert!(text.contains("SUMMARY:Session ouverte"), "{path}: {text}");
            if !path.starts_with("/meetings/") {
                assert!(text.contains(cancelled), "{path}: {cancelled:?} in {text}");
                assert!(!text.contains("CANCELLED:"), "{path}: {text}");
                // The series, its join line and its link too.
                let master = text
                    .split("BEGIN:VEVENT\r\n")
                    .find(|e| e.contains("SUMMARY:Appel hebdomadaire\r\n"))
                    .unwrap_or_else(|| panic!("{path}: the series in {text}"));
                assert!(master.contains(join), "{path}: {master}");
                assert!(
                    master.contains(&format!("URL:{base}/series/{series}?lang={lang}\r\n")),
                    "{path}: {master}"
                );
            }
        }

        let path = format!("/groups/langs/milestones.ics?lang={lang}");
        let (status, ics) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        ics_check::assert_valid(&ics);
        let text = readable(&ics);
        for expected in [
            format!("\r\nNAME:{name}\r\n"),
            format!("\r\nX-WR-CALNAME:{name}\r\n"),
            format!("DESCRIPTION:{done}\r\n"),
            format!("DESCRIPTION:{planned}\r\n"),
            "SUMMARY:Premier rapport".to_string(),
        ] {
            assert!(text.contains(&expected), "{path}: {expected:?} in {text}");
        }
        assert!(!text.contains("Status:"), "{path}: {text}");

        assert!(
            text.contains(&format!(
                "URL:{}/groups/langs?lang={lang}\r\n",
                app.base_url
            )),
            "{path}: {text}"
        );

        let path = format!("/groups/langs/updates.atom?lang={lang}");
        let (status, atom) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(atom_title(&atom), (lang.to_string(), title.to_string()));
        assert!(atom.contains("Nouvelles de juin"), "{atom}");
        assert!(
            atom.contains(&format!("href=\"{}{path}\" rel=\"self\"", app.base_url)),
            "{atom}"
        );
    }

    // Without ?lang= (or with one Quorum does not speak): the default language, English.
    for path in [
        "/groups/langs/calendar.ics",
        "/groups/langs/calendar.ics?lang=xx",
    ] {
        let (status, _, ics) = get(path, &app, &[]).await;
        assert_eq!(status, 200, "{path}");
        let text = readable(&ics);
        assert!(
            text.contains("Join online: https://public.example.org/join"),
            "{text}"
        );
        assert!(text.contains("CANCELLED: Salle fermée"), "{text}");
    }
    let (_, ics) = app.get_text("/groups/langs/milestones.ics").await;
    let text = readable(&ics);
    assert!(
        text.contains("\r\nNAME:Groupe Langues: milestones\r\n"),
        "{text}"
    );
    assert!(text.contains("DESCRIPTION:Status: done\r\n"), "{text}");
    let (_, atom) = app.get_text("/groups/langs/updates.atom?lang=xx").await;
    assert_eq!(
        atom_title(&atom),
        ("en".to_string(), "Groupe Langues: updates".to_string())
    );
}

async fn feeds_ignore_cookie_and_accept_language_and_cache_each_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let (open, _) = content(&app).await;
    let paths = [
        "/calendar.ics".to_string(),
        "/groups/langs/calendar.ics".to_string(),
        format!("/meetings/{open}/calendar.ics"),
        "/groups/langs/milestones.ics".to_string(),
        "/groups/langs/updates.atom".to_string(),
    ];
    let reader = [("Cookie", "lang=fr"), ("Accept-Language", "ar")];
    for path in &paths {
        let (_, bare_headers, bare) = get(path, &app, &[]).await;
        let (status, headers, body) = get(path, &app, &reader).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(
            body, bare,
            "{path}: neither cookie nor Accept-Language count"
        );
        assert_eq!(headers["etag"], bare_headers["etag"], "{path}");
        assert!(headers.get("set-cookie").is_none(), "{path}");
        // An unknown ?lang= is the default language: the same body and ETag.
        let unknown = format!("{path}?lang=xx");
        let (status, headers, body) = get(&unknown, &app, &reader).await;
        assert_eq!(status, 200, "{unknown}");
        assert_eq!(
            (body, &headers["etag"]),
            (bare.clone(), &bare_headers["etag"])
        );

        // Each language has its own body and ETag, and each stays cached: a second request
        // gets the same ETag, and a conditional one a 304.
        let mut etags = Vec::new();
        for lang in ["fr", "ru", "ar", "zh", "es", "en"] {
            let url = format!("{path}?lang={lang}");
            let (_, first, body) = get(&url, &app, &[]).await;
            let (_, again, body_again) = get(&url, &app, &[]).await;
            assert_eq!(first["etag"], again["etag"], "{url}");
            assert_eq!(body, body_again, "{url}");
            let etag = first["etag"].to_str().unwrap().to_string();
            let (status, _, _) = get(&url, &app, &[("If-None-Match", &etag)]).await;
            assert_eq!(status, 304, "{url}");
            etags.push(etag);
        }
        assert_ne!(etags[0], etags[1], "{path}: ?lang=fr and ?lang=ru differ");
        assert_eq!(
            etags[5],
            bare_headers["etag"].to_str().unwrap(),
            "{path}: ?lang=en is the default"
        );
        let mut distinct = etags.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 6, "{path}: {etags:?}");
    }
}

/// Sets the stored language of every registration of `email`.
async fn store_lang(app: &TestApp, email: &'static str, lang: &'static str) {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::registrations::dsl as r;
        let mut conn = pool.get().unwrap();
        let n = diesel::update(r::registrations.filter(r::email.eq(email)))
            .set(r::lang.eq(lang))
            .execute(&mut conn)
            .unwrap();
        assert_eq!(n, 1);
    })
    .await
    .unwrap();
}

async fn the_invite_download_is_in_the_registrants_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("inv").await;
    let m = app
        .create_meeting(json!({"group": "inv", "title": "Séance hybride", "format": "hybrid"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let mut manages = Vec::new();
    for (email, lang) in [
        ("ada@example.org", "fr"),
        ("bob@example.org", "ar"),
        ("cy@example.org", "zh"),
        ("di@example.org", "en"),
    ] {
        let (status, reg) = app.register_api(id, "Observer", email, "remote").await;
        assert_eq!(status, 201, "{reg}");
        store_lang(&app, email, lang).await;
        let manage = reg["registration"]["manage_url"]
            .as_str()
            .unwrap()
            .replace(&app.base_url, "");
        manages.push((lang, manage));
    }
    let series = weekly(&app, "inv", "Appel").await;
    let (status, reg) = app
        .public_post(
            &format!("/api/v1/series/{series}/registrations"),
            &json!({"name": "Observer", "email": "ru@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    store_lang(&app, "ru@example.org", "ru").await;
    let manage = reg["registration"]["manage_url"].as_str().unwrap();
    manages.push(("ru", manage.replace(&app.base_url, "")));
    for (lang, manage) in manages {
        let url = format!("{manage}/invite.ics");
        // The reader's page language does not matter: the stored one does.
        let (status, _, ics) = get(&url, &app, &[("Accept-Language", "ru")]).await;
        assert_eq!(status, 200, "{url}");
        ics_check::assert_valid(&ics);
        let text = readable(&ics);
        let token = manage.trim_start_matches("/r/");
        let (manage_label, join_label) = match lang {
            "fr" => (
                "Modifier ou annuler votre inscription : ",
                "Participer en ligne : ",
            ),
            "ar" => ("لتعديل تسجيلك أو إلغائه: ", "المشاركة عبر الإنترنت: "),
            "zh" => ("更改或取消报名：", "线上参会："),
            "ru" => (
                "Изменить или отменить регистрацию: ",
                "Подключиться онлайн: ",
            ),
            _ => ("Change or cancel your registration: ", "Join online: "),
        };
        assert!(
            text.contains(&format!("{manage_label}{}{manage}", app.base_url))
                && text.contains(token),
            "{lang}: {text}"
        );
        // A confirmed remote seat sees the join link.
        let (link, title) = match lang {
            "ru" => ("https://public.example.org/join", "SUMMARY:Appel\r\n"),
            _ => (
                "https://meet.example.org/ssr2",
                "SUMMARY:Séance hybride\r\n",
            ),
        };
        assert!(
            text.contains(&format!("{join_label}{link}")),
            "{lang}: {text}"
        );
        if lang != "en" {
            assert!(!text.contains("Change or cancel"), "{lang}: {text}");
            assert!(!text.contains("Join online"), "{lang}: {text}");
        }
        // What staff wrote stays as written.
        assert!(text.contains(title), "{text}");
    }
}
