//! Mail in the recipient's language: a registration keeps the language it was made in (the
//! page's for the form, `"lang"` for the API) and every later mail to it is written in it,
//! dates included; the invite stays valid.

use chrono::Datelike;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{browser, extract_csrf, spawn_app, Db, TestApp, MAIL_WAIT};
use crate::ics_check;
use crate::smtp::ReceivedMail;

both_backends!(
    form_registrations_get_mail_in_their_language,
    api_registrations_take_their_language,
    each_follower_hears_in_their_language,
);

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The day the test meetings take place (`create_meeting`'s default), and a day later.
fn day(offset: i64) -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::days(30 + offset)).date_naive()
}

/// A mail's subject, text and HTML, without the bidi isolation marks Fluent puts around
/// every value in Arabic.
fn read(mail: &ReceivedMail) -> (String, String, String) {
    let strip = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
    (
        strip(&mail.subject),
        strip(mail.text.as_deref().unwrap_or_default()),
        strip(mail.html.as_deref().unwrap_or_default()),
    )
}

/// The mails sent so far to `to`, once there are `total` in all.
async fn mails_to(app: &TestApp, total: usize, to: &str) -> Vec<ReceivedMail> {
    let all = app.smtp.wait_for(total, MAIL_WAIT).await;
    assert_eq!(all.len(), total, "mails sent");
    all.into_iter()
        .filter(|m| m.envelope_to.iter().any(|r| r == to))
        .collect()
}

/// Registers through the meeting page read in `lang` (`?lang=` sets the cookie), like a
/// browser; answers the browser.
async fn register_in(app: &TestApp, id: i64, lang: &str, name: &str, email: &str) {
    let client = browser();
    let page = client
        .get(app.url(&format!("/meetings/{id}?lang={lang}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{html}");
    let csrf = extract_csrf(&html);
    let res = client
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("website", ""),
            ("name", name),
            ("email", email),
            ("attendance", "remote"),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
}

/// Confirms the address through the `/r/…` link of `mail`, with a browser of its own (in
/// English: the mail's language is the registration's, not the confirming page's).
async fn confirm_from(app: &TestApp, mail: &ReceivedMail) {
    let text = mail.text.as_deref().unwrap();
    let start = text
        .find(&format!("{}/r/", app.base_url))
        .unwrap_or_else(|| panic!("no link in {text}"));
    let link = text[start..].split_whitespace().next().unwrap().to_string();
    let client = browser();
    let page = client.get(&link).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csrf = extract_csrf(&page.text().await.unwrap());
    let res = client
        .post(format!("{link}/confirm"))
        .header("Accept-Language", "en")
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
}

/// The message says its language in `Content-Language`.
fn assert_language(mail: &ReceivedMail, lang: &str) {
    let raw = String::from_utf8_lossy(&mail.raw);
    let head = raw.split("\r\n\r\n").next().unwrap();
    assert!(
        head.lines()
            .any(|l| l == format!("Content-Language: {lang}")),
        "{head}"
    );
}

fn assert_invite(mail: &ReceivedMail) {
    let calendar = mail.calendar.as_ref().expect("an invite");
    assert_eq!(calendar.method_param.as_deref(), Some("REQUEST"));
    ics_check::assert_valid(&calendar.body);
}

async fn form_registrations_get_mail_in_their_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({"verify_email": true})).await;
    let id = m["id"].as_i64().unwrap();
    let month = day(0).month0() as usize;

    // French: the request to confirm, then the confirmation with the invite.
    register_in(&app, id, "fr", "Ada", "ada@example.org").await;
    let fr = mails_to(&app, 1, "ada@example.org").await;
    let (subject, text, html) = read(&fr[0]);
    assert_eq!(
        subject,
        "Veuillez confirmer votre inscription\u{a0}: Working session"
    );
    assert!(text.starts_with("Bonjour,"), "{text}");
    assert!(
        text.contains("dans un délai de 48\u{a0}heures")
            || text.contains("dans un délai de 48 heures"),
        "{text}"
    );
    assert!(
        text.contains("Confirmer votre inscription (ne communiquez ce lien à personne)"),
        "{text}"
    );
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    confirm_from(&app, &fr[0]).await;
    let fr = mails_to(&app, 2, "ada@example.org").await;
    let (subject, text, html) = read(&fr[1]);
    assert_eq!(subject, "Inscription confirmée\u{a0}: Working session");
    assert!(text.starts_with("Bonjour Ada,"), "{text}");
    assert!(text.contains("Votre inscription est confirmée."), "{text}");
    assert!(text.contains(FR_MONTHS[month]), "a French date: {text}");
    assert!(text.contains("Date et heure\u{a0}: "), "{text}");
    assert!(text.contains("À distance, inscription confirmée"), "{text}");
    assert!(text.contains("Envoyé par Quorum."), "{text}");
    assert!(
        html.contains("Lieu") && html.contains(FR_MONTHS[month]),
        "{html}"
    );
    assert!(!text.contains("Hello") && !text.contains("When"), "{text}");
    assert_invite(&fr[1]);
    assert_language(&fr[1], "fr");

    // Arabic, on the same (English-language) meeting.
    register_in(&app, id, "ar", "Layla", "layla@example.org").await;
    let ar = mails_to(&app, 3, "layla@example.org").await;
    let (subject, text, html) = read(&ar[0]);
    assert_eq!(subject, "يُرجى تأكيد تسجيلك: Working session");
    assert!(text.starts_with("مرحبًا،"), "{text}");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    confirm_from(&app, &ar[0]).await;
    let ar = mails_to(&app, 4, "layla@example.org").await;
    let (subject, text, _) = read(&ar[1]);
    assert_eq!(subject, "تم تأكيد التسجيل: Working session");
    assert!(text.starts_with("مرحبًا Layla،"), "{text}");
    assert!(text.contains("تم تأكيد تسجيلك."), "{text}");
    assert!(text.contains(AR_MONTHS[month]), "an Arabic date: {text}");
    assert!(
        text.contains("الموعد:") && text.contains("عن بُعد، التسجيل مؤكَّد"),
        "{text}"
    );
    assert!(text.contains("أُرسلت هذه الرسالة من Quorum."), "{text}");
    assert_invite(&ar[1]);
    assert_language(&ar[1], "ar");

    // Staff move the meeting a day later: each hears of it in their own language.
    let later = day(1);
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"starts_at": format!("{later}T10:00"), "ends_at": format!("{later}T13:30")}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let fr = mails_to(&app, 6, "ada@example.org").await;
    let (subject, text, _) = read(&fr[2]);
    assert_eq!(subject, "Réunion modifiée\u{a0}: Working session");
    assert!(text.contains("Cette réunion a été modifiée."), "{text}");
    assert!(text.contains("Modifications\u{a0}:"), "{text}");
    assert!(text.contains("Horaire\u{a0}: "), "{text}");
    assert!(text.contains(" → "), "{text}");
    assert!(text.contains(FR_MONTHS[later.month0() as usize]), "{text}");
    assert!(
        !text.contains("What changed") && !text.contains("Time:"),
        "{text}"
    );
    assert_invite(&fr[2]);
    let ar = mails_to(&app, 6, "layla@example.org").await;
    let (subject, text, _) = read(&ar[2]);
    assert_eq!(subject, "تم تحديث الاجتماع: Working session");
    assert!(
        text.contains("ما الذي تغيّر:") && text.contains("الموعد: "),
        "{text}"
    );
    assert_invite(&ar[2]);

    // Staff cancel it, with a reason (shown as written): each hears in their language.
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{id}/cancel")))
        .bearer_auth(&app.api_token)
        .json(&json!({"reason": "Venue unavailable"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let fr = mails_to(&app, 8, "ada@example.org").await;
    let (subject, text, _) = read(&fr[3]);
    assert_eq!(subject, "Réunion annulée\u{a0}: Working session");
    assert!(text.contains("Motif\u{a0}: Venue unavailable"), "{text}");
    let cancel = fr[3].calendar.as_ref().expect("a cancellation");
    assert_eq!(cancel.method_param.as_deref(), Some("CANCEL"));
    ics_check::assert_valid(&cancel.body);
    let ar = mails_to(&app, 8, "layla@example.org").await;
    let (subject, text, _) = read(&ar[3]);
    assert_eq!(subject, "تم إلغاء الاجتماع: Working session");
    assert!(text.contains("السبب: Venue unavailable"), "{text}");
}

async fn api_registrations_take_their_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app.create_meeting(json!({})).await;
    let id = m["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{id}/registrations");

    let (status, body) = app
        .public_post(
            &path,
            &json!({"name": "Bea", "email": "bea@example.org", "attendance": "remote", "lang": "xx"}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["lang"].is_string(), "{body}");

    let (status, body) = app
        .public_post(
            &path,
            &json!({"name": "Bea", "email": "bea@example.org", "attendance": "remote", "lang": "es"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let es = mails_to(&app, 1, "bea@example.org").await;
    let (subject, text, html) = read(&es[0]);
    assert_eq!(subject, "Inscripción confirmada: Working session");
    assert!(text.starts_with("Hola:"), "{text}");
    assert!(text.contains("Su inscripción está confirmada."), "{text}");
    assert!(text.contains(ES_MONTHS[day(0).month0() as usize]), "{text}");
    assert!(text.contains("Fecha y hora: "), "{text}");
    assert!(
        text.contains("A distancia, inscripción confirmada"),
        "{text}"
    );
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
    assert_invite(&es[0]);
    assert_language(&es[0], "es");

    // Without "lang": QUORUM_DEFAULT_LANG (English here).
    let (status, body) = app
        .public_post(
            &path,
            &json!({"name": "Cy", "email": "cy@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let en = mails_to(&app, 2, "cy@example.org").await;
    let (subject, text, _) = read(&en[0]);
    assert_eq!(subject, "Registration confirmed: Working session");
    assert!(text.contains("When:  "), "{text}");
}

/// Follows group `slug` through the form and the mailed link, then gives the follower the
/// language `lang` (as a follow made in that language stores it).
async fn follower_in(app: &TestApp, slug: &str, email: &str, lang: &str, mails: usize) {
    let client = browser();
    let page = client
        .get(app.url(&format!("/groups/{slug}/follow")))
        .send()
        .await
        .unwrap();
    let csrf = extract_csrf(&page.text().await.unwrap());
    let res = client
        .post(app.url(&format!("/groups/{slug}/follow")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("email", email),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let ask = mails_to(app, mails, email).await;
    let text = ask[0].text.as_deref().unwrap();
    let start = text.find(&format!("{}/f/", app.base_url)).unwrap();
    let link = text[start..].split_whitespace().next().unwrap().to_string();
    let page = client.get(&link).send().await.unwrap();
    let csrf = extract_csrf(&page.text().await.unwrap());
    let done = client
        .post(format!("{link}/confirm"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    let (pool, email, lang) = (app.pool.clone(), email.to_string(), lang.to_string());
    tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use quorum::db::schema::followers::dsl as f;
        let mut conn = pool.get().unwrap();
        diesel::update(f::followers.filter(f::email_normalized.eq(email)))
            .set(f::lang.eq(lang))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
}

async fn each_follower_hears_in_their_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let slug = "langfollow";
    app.create_group(slug).await;
    follower_in(&app, slug, "ada@example.org", "fr", 1).await;
    follower_in(&app, slug, "bo@example.org", "zh", 2).await;
    app.create_meeting(json!({"group": slug, "title": "Plenary one"}))
        .await;
    let month = day(0).month();

    let fr = mails_to(&app, 4, "ada@example.org").await;
    let (subject, text, html) = read(&fr[1]);
    assert_eq!(
        subject,
        "Nouvelle réunion\u{a0}: Plenary one (Group langfollow)"
    );
    assert!(text.starts_with("Bonjour,"), "{text}");
    assert!(
        text.contains("Nouvelle publication de Group langfollow\u{a0}:"),
        "{text}"
    );
    assert!(text.contains(FR_MONTHS[month as usize - 1]), "{text}");
    assert!(
        text.contains("Se désabonner en un clic\u{a0}: http"),
        "{text}"
    );
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">") && html.contains("Lire la suite"));
    assert_language(&fr[1], "fr");

    let zh = mails_to(&app, 4, "bo@example.org").await;
    let (subject, text, _) = read(&zh[1]);
    assert_eq!(subject, "新会议：Plenary one（Group langfollow）");
    assert!(text.starts_with("您好："), "{text}");
    assert!(
        text.contains(&format!("年{month}月")),
        "a Chinese date: {text}"
    );
    assert!(text.contains("一键退订：http"), "{text}");
    assert_language(&zh[1], "zh");
}
