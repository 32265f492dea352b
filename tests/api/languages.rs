//! Languages: the message files are complete and agree; pages choose their language by
//! `?lang=`, the cookie, `Accept-Language` and `QUORUM_DEFAULT_LANG`, in that order, say it
//! (`lang`, `dir`, `Content-Language`) and vary by it.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::both_backends;
use crate::helpers::{spawn_app, spawn_app_on, Db};

const LANGS: [&str; 6] = ["en", "fr", "es", "ar", "zh", "ru"];

/// Each message's id and the variables it uses (in its value, its attributes and every
/// variant of every selector).
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = format!("{}/locales/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{path}: {} twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Staff pages are in English only: their messages live in `en.ftl` alone.
fn for_everyone(id: &str) -> bool {
    !id.starts_with("staff-")
}

#[test]
fn every_language_has_every_message_with_the_same_placeables() {
    let en = messages("en");
    let mut problems = Vec::new();
    for lang in &LANGS[1..] {
        let other = messages(lang);
        for (id, vars) in en.iter().filter(|(id, _)| for_everyone(id)) {
            match other.get(id) {
                None => problems.push(format!("{lang}: {id} is missing")),
                Some(v) if v != vars => {
                    problems.push(format!("{lang}: {id} uses {v:?}, English uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for id in other.keys() {
            if !en.contains_key(id) {
                problems.push(format!("{lang}: {id} is not in en.ftl"));
            } else if !for_everyone(id) {
                problems.push(format!("{lang}: {id} is a staff message, English only"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message id the code and the templates ask for: the first argument of `msg`,
/// `msg_with`, `msg1` and `msg2`, and the ids inside `msg(match … { … })`.
fn ids_in_code() -> BTreeMap<String, String> {
    let call = regex_lite::Regex::new(r#"\bmsg(?:_with|1|2)?\(\s*"([^"]+)""#).unwrap();
    let matched = regex_lite::Regex::new(r#"\bmsg\(match [^{]*\{([^}]*)\}"#).unwrap();
    let literal = regex_lite::Regex::new(r#"=>\s*"([^"]+)""#).unwrap();
    let mut out = BTreeMap::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in ["src", "templates"] {
        walk(&std::path::Path::new(root).join(dir), &mut files);
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let name = file.strip_prefix(root).unwrap().display().to_string();
        for c in call.captures_iter(&text) {
            out.insert(c[1].to_string(), name.clone());
        }
        for block in matched.captures_iter(&text) {
            for c in literal.captures_iter(&block[1]) {
                out.insert(c[1].to_string(), name.clone());
            }
        }
    }
    out
}

fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "html" || e == "txt")
        {
            files.push(path);
        }
    }
}

#[test]
fn every_message_the_code_asks_for_is_in_the_files() {
    let en = messages("en");
    let used = ids_in_code();
    assert!(used.len() > 20, "the scan found too little: {used:?}");
    let missing: Vec<String> = used
        .iter()
        .filter(|(id, _)| !en.contains_key(*id))
        .map(|(id, file)| format!("{id} (asked for in {file})"))
        .collect();
    assert!(missing.is_empty(), "not in en.ftl: {}", missing.join(", "));
}

both_backends!(
    a_page_chooses_by_query_then_cookie_then_header,
    the_default_language_is_a_setting,
);

fn html_lang(body: &str) -> (String, String) {
    let re = regex_lite::Regex::new(r#"<html lang="([a-z]+)" dir="([a-z]+)">"#).unwrap();
    let c = re
        .captures(body)
        .expect("an <html> element with lang and dir");
    (c[1].to_string(), c[2].to_string())
}

async fn a_page_chooses_by_query_then_cookie_then_header(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    // Accept-Language with qualities: Russian is preferred over French here.
    let res = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "de, fr;q=0.5, ru;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "ru");
    let vary: Vec<String> = res
        .headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap().to_ascii_lowercase())
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("accept-language"))
            && vary.iter().any(|v| v.contains("cookie")),
        "{vary:?}"
    );
    assert_eq!(
        html_lang(&res.text().await.unwrap()),
        ("ru".into(), "ltr".into())
    );

    // ?lang= wins and is remembered in the cookie for the next page.
    let res = app
        .client
        .get(app.url("/?lang=ar"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=ar;"), "{cookie}");
    assert!(cookie.contains("Max-Age="), "{cookie}");
    let body = res.text().await.unwrap();
    assert_eq!(html_lang(&body), ("ar".into(), "rtl".into()));
    // Feed links ask for the page's language (feeds choose by `?lang=` only).
    assert!(body.contains("/calendar.ics?lang=ar\""), "{body}");
    // The switcher: plain links to every other language, keeping the page.
    for lang in ["en", "fr", "es", "zh", "ru"] {
        assert!(
            body.contains(&format!("href=\"/?lang={lang}\"")),
            "{lang}: {body}"
        );
    }
    let res = app
        .client
        .get(app.url("/meetings/past"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "ar");
    assert!(res
        .headers()
        .get("set-cookie")
        .is_none_or(|c| !c.to_str().unwrap().starts_with("lang=")));

    // An unknown ?lang= is passed over; the cookie still holds.
    let (_, body) = app.get_text("/?lang=xx").await;
    assert_eq!(html_lang(&body).0, "ar");

    // Without cookie or header: the default.
    let fresh = reqwest::Client::new();
    let body = fresh
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html_lang(&body).0, "en");
    // q=0 refuses a language.
    let res = fresh
        .get(app.url("/"))
        .header("Accept-Language", "fr;q=0, es;q=0.1")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "es");
}

async fn the_default_language_is_a_setting(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let other = spawn_app_on(db, app.test_db(), app.smtp.clone(), |s| {
        s.default_lang = quorum::i18n::Lang::Fr;
    })
    .await;
    let fresh = reqwest::Client::new();
    let res = fresh.get(other.url("/")).send().await.unwrap();
    assert_eq!(res.headers()["content-language"], "fr");
    assert_eq!(html_lang(&res.text().await.unwrap()).0, "fr");
    // An unknown value stops the start with a clear message.
    let e = "xx".parse::<quorum::i18n::Lang>().unwrap_err();
    assert!(e.contains("en, fr, es, ar, zh, ru"), "{e}");
}

both_backends!(every_public_page_answers_in_every_language);

/// Every public page, seeded as the group page tests seed it, in each language: `200`
/// (the error page its status), `lang` and `dir` on `<html>`, the switcher, and what staff
/// wrote shown as written.
async fn every_public_page_answers_in_every_language(db: Db) {
    use diesel::prelude::*;
    use quorum::db::schema::{followers, groups, inputs, updates};
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = crate::group_page::seed(&app).await;
    let slug = home.slug.clone();
    let (status, body) = app
        .staff_post(
            &format!("/api/v1/meetings/{}/registrations", home.single),
            &serde_json::json!({"name": "Grace", "email": "grace.pages@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let manage = body["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let (follow_token, input_token) = (
        quorum::domain::token::generate(),
        quorum::domain::token::generate(),
    );
    let (ft, it) = (follow_token.clone(), input_token.clone());
    let s = slug.clone();
    let update_id: i64 = crate::retention::with_conn(&app, move |conn| {
        let now = chrono::Utc::now().naive_utc();
        let group_id: i64 = groups::table
            .filter(groups::slug.eq(&s))
            .select(groups::id)
            .get_result(conn)
            .unwrap();
        diesel::insert_into(followers::table)
            .values((
                followers::group_id.eq(group_id),
                followers::email.eq("pages.follower@example.org"),
                followers::email_normalized.eq("pages.follower@example.org"),
                followers::token_hash.eq(quorum::domain::token::hash(&ft)),
                followers::status.eq("pending"),
                followers::created_at.eq(now),
            ))
            .execute(conn)
            .unwrap();
        diesel::insert_into(inputs::table)
            .values((
                inputs::group_id.eq(group_id),
                inputs::name.eq("Pat"),
                inputs::email.eq("pages.input@example.org"),
                inputs::email_normalized.eq("pages.input@example.org"),
                inputs::subject.eq("On the draft"),
                inputs::message.eq("Thank you."),
                inputs::token_hash.eq(quorum::domain::token::hash(&it)),
                inputs::status.eq("pending"),
                inputs::created_at.eq(now),
            ))
            .execute(conn)
            .unwrap();
        updates::table
            .filter(updates::group_id.eq(group_id))
            .select(updates::id)
            .get_result(conn)
            .unwrap()
    })
    .await;
    let pages: Vec<(String, u16)> = [
        ("/".to_string(), 200),
        ("/meetings/past".into(), 200),
        (format!("/meetings/{}", home.single), 200),
        (format!("/meetings/{}/check-mail", home.single), 200),
        (format!("/series/{}", home.series), 200),
        (format!("/series/{}/check-mail", home.series), 200),
        (format!("/groups/{slug}"), 200),
        (format!("/groups/{slug}/updates/{update_id}"), 200),
        (format!("/groups/{slug}/follow"), 200),
        (format!("/groups/{slug}/follow/check-mail"), 200),
        (format!("/groups/{slug}/input"), 200),
        (format!("/groups/{slug}/input/check-mail"), 200),
        (manage, 200),
        (format!("/f/{follow_token}"), 200),
        (format!("/i/{input_token}"), 200),
        ("/unsubscribe/1/forged".into(), 404),
        ("/meetings/999999".into(), 404),
    ]
    .into();
    for lang in LANGS {
        for (path, want) in &pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = format!("{path}{sep}lang={lang}");
            let res = reqwest::Client::new()
                .get(app.url(&url))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), *want, "{url}");
            let body = res.text().await.unwrap();
            let dir = if lang == "ar" { "rtl" } else { "ltr" };
            assert_eq!(
                html_lang(&body),
                (lang.to_string(), dir.to_string()),
                "{url}"
            );
            assert!(body.contains("class=\"languages\""), "{url}: no switcher");
            if path.starts_with("/groups/") && *want == 200 {
                assert!(body.contains("SSR2") || body.contains("ssr2"), "{url}");
            }
        }
    }
}
