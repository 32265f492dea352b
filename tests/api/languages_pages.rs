//! Languages on the meeting side: the meeting, series, past-meetings and manage pages, the
//! registration form's errors and the error pages speak the reader's language (`<html lang
//! dir>` included), while what staff wrote is shown as written and the JSON API stays English.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{extract_csrf, spawn_app, Db, TestApp};
use crate::series::create_series;

both_backends!(
    meeting_side_pages_speak_the_readers_language,
    form_errors_are_said_beside_their_field_in_the_readers_language,
    error_pages_speak_the_readers_language,
);

/// A page in `lang` (by `?lang=`, which the cookie then remembers), without the bidi
/// isolation marks Arabic messages put around their values.
async fn page(app: &TestApp, path: &str, lang: &str) -> (u16, String) {
    let sep = if path.contains('?') { '&' } else { '?' };
    let (status, body) = app.get_text(&format!("{path}{sep}lang={lang}")).await;
    (status, body.replace(['\u{2068}', '\u{2069}'], ""))
}

fn html_lang(body: &str) -> (String, String) {
    let re = regex_lite::Regex::new(r#"<html lang="([a-z]+)" dir="([a-z]+)">"#).unwrap();
    let c = re
        .captures(body)
        .expect("an <html> element with lang and dir");
    (c[1].to_string(), c[2].to_string())
}

fn assert_all(body: &str, words: &[&str]) {
    for w in words {
        assert!(body.contains(w), "{w:?} is not on the page: {body}");
    }
}

async fn meeting_side_pages_speak_the_readers_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("ssr2").await;
    let m = app
        .create_meeting(
            json!({"group": "ssr2", "title": "Root zone working session",
            "starts_at": "2027-05-16T09:00", "ends_at": "2027-05-16T12:30",
            "in_person_capacity": 20}),
        )
        .await;
    let id = m["id"].as_i64().unwrap();
    let path = format!("/meetings/{id}");

    // The meeting page: fixed words translated, dates as each language writes them, the
    // title and the venue as staff wrote them.
    let (status, fr) = page(&app, &path, "fr").await;
    assert_eq!(status, 200);
    assert_eq!(html_lang(&fr), ("fr".into(), "ltr".into()));
    assert_all(
        &fr,
        &[
            "Root zone working session",
            "Hotel Meliá Castilla",
            "<dt>Date et heure</dt>",
            "<dt>Lieu</dt>",
            "<dd>Hybride (en présentiel et en ligne)</dd>",
            "Le lien de connexion est envoyé aux observateurs inscrits.",
            "S’inscrire comme observateur",
            "<label for=\"name\">Nom</label>",
            "Comment participerez-vous ?",
            "(facultatif)",
            "Ajouter à Google Agenda",
            "dimanche 16 mai 2027",
            "<button type=\"submit\">S’inscrire</button>",
        ],
    );
    assert!(!fr.contains("Register as an observer"), "{fr}");

    let (_, ar) = page(&app, &path, "ar").await;
    assert_eq!(html_lang(&ar), ("ar".into(), "rtl".into()));
    assert_all(
        &ar,
        &[
            "Root zone working session",
            "<dt>المكان</dt>",
            "كيف ستحضر؟",
            "مايو",
            "<button type=\"submit\">تسجيل</button>",
        ],
    );
    let (_, zh) = page(&app, &path, "zh").await;
    assert_eq!(html_lang(&zh), ("zh".into(), "ltr".into()));
    assert_all(
        &zh,
        &[
            "Root zone working session",
            "2027年5月16日",
            "以观察员身份报名",
            "<button type=\"submit\">报名</button>",
        ],
    );

    // A series page.
    let s = create_series(
        &app,
        json!({"group": "ssr2", "title": "Weekly DNS call", "format": "online",
               "timezone": "Europe/Madrid", "first_start": "2027-01-06T14:00",
               "duration_minutes": 90, "weekdays": ["WE"], "count": 8,
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    let series = format!("/series/{}", s["id"].as_i64().unwrap());
    let (status, fr) = page(&app, &series, "fr").await;
    assert_eq!(status, 200);
    assert_all(
        &fr,
        &[
            "<h1>Weekly DNS call</h1>",
            "Prochaines réunions",
            "S’inscrire à toute la série",
            "<button type=\"submit\">S’inscrire à la série</button>",
            "Chaque semaine",
        ],
    );
    let (_, ru) = page(&app, &series, "ru").await;
    assert_eq!(html_lang(&ru), ("ru".into(), "ltr".into()));
    assert_all(
        &ru,
        &[
            "Weekly DNS call",
            "Ближайшие встречи",
            "<button type=\"submit\">Зарегистрироваться на серию</button>",
        ],
    );

    // Past meetings.
    app.create_meeting(json!({"group": "ssr2", "title": "Madrid meeting",
        "starts_at": "2017-05-15T09:00", "ends_at": "2017-05-15T17:30"}))
        .await;
    let (_, fr) = page(&app, "/meetings/past", "fr").await;
    assert_all(
        &fr,
        &[
            "<h1>Réunions passées</h1>",
            "Madrid meeting",
            "Hybride (en présentiel et en ligne) · Hotel Meliá Castilla",
            "lundi 15 mai 2017",
            "Groupes et prochaines réunions",
        ],
    );
    let (_, zh) = page(&app, "/meetings/past", "zh").await;
    assert_all(
        &zh,
        &["<h1>往期会议</h1>", "Madrid meeting", "2017年5月15日"],
    );
    let (_, ar) = page(&app, "/meetings/past", "ar").await;
    assert_eq!(html_lang(&ar), ("ar".into(), "rtl".into()));
    assert_all(&ar, &["<h1>الاجتماعات السابقة</h1>", "Madrid meeting"]);

    // The manage page of a registration made through the API.
    let (status, reg) = app
        .register_api(id, "Ada Lovelace", "ada@example.org", "remote")
        .await;
    assert_eq!(status, 201, "{reg}");
    let manage = reg["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let (status, fr) = page(&app, &manage, "fr").await;
    assert_eq!(status, 200);
    assert_all(
        &fr,
        &[
            "<h1>Votre inscription</h1>",
            "Ada Lovelace : <strong>confirmée</strong> · À distance",
            "Root zone working session",
            "Annuler mon inscription",
            "Passer à : Sur place",
            "Télécharger l’invitation pour votre agenda",
        ],
    );
    let (_, ar) = page(&app, &manage, "ar").await;
    assert_eq!(html_lang(&ar), ("ar".into(), "rtl".into()));
    assert_all(
        &ar,
        &["Ada Lovelace: <strong>مؤكَّد</strong>", "إلغاء تسجيلي"],
    );
    let (_, ru) = page(&app, &manage, "ru").await;
    assert_all(&ru, &["<h1>Ваша регистрация</h1>", "Отменить регистрацию"]);

    // After an action, the notice is in the reader's language too.
    let csrf = extract_csrf(&ru);
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let (_, fr) = page(&app, &format!("{manage}?done=cancelled"), "fr").await;
    assert_all(
        &fr,
        &[
            "Votre inscription a été annulée. Nous vous avons envoyé une confirmation.",
            "<strong>annulée</strong>",
        ],
    );
}

async fn form_errors_are_said_beside_their_field_in_the_readers_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let m = app
        .create_meeting(json!({"title": "Root zone working session"}))
        .await;
    let id = m["id"].as_i64().unwrap();
    let (_, fr) = page(&app, &format!("/meetings/{id}"), "fr").await;
    let csrf = extract_csrf(&fr);
    let res = app
        .client
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("name", ""),
            ("email", "not an address"),
            ("attendance", "remote"),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert_eq!(html_lang(&body), ("fr".into(), "ltr".into()));
    assert_all(
        &body,
        &[
            "Veuillez corriger les champs signalés ci-dessous.",
            "<p class=\"error\" id=\"name-error\">Ce champ est obligatoire.</p>",
            "<p class=\"error\" id=\"email-error\">Saisissez une adresse électronique valide, par exemple nom@example.org.</p>",
            "<p class=\"error\" id=\"consent-error\">Veuillez accepter la conservation de vos données, sans quoi nous ne pouvons pas vous inscrire.</p>",
            "value=\"not an address\"",
            "Root zone working session",
        ],
    );
    assert!(!body.contains("This field is required."), "{body}");

    // A name too long: the limit is a value of the message.
    let long = "x".repeat(201);
    let res = app
        .client
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("name", long.as_str()),
            ("email", "ada@example.org"),
            ("attendance", "remote"),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("<p class=\"error\" id=\"name-error\">200 caractères au maximum.</p>"));

    // The JSON API keeps its English messages, whatever the reader's language.
    let res = app
        .client
        .post(app.url(&format!("/api/v1/meetings/{id}/registrations")))
        .header("Accept-Language", "fr")
        .json(&json!({"name": "", "email": "nope", "attendance": "remote"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["error"]["fields"]["name"], "This field is required.");
    assert_eq!(
        err["error"]["fields"]["email"],
        "Enter a valid e-mail address, like name@example.org."
    );

    // The series form in Arabic: no attendance chosen.
    let s = create_series(
        &app,
        json!({"group": m["group"]["slug"], "title": "Weekly DNS call", "format": "hybrid",
               "timezone": "Europe/Madrid", "first_start": "2027-01-06T14:00",
               "duration_minutes": 90, "weekdays": ["WE"], "count": 4, "venue": "Hotel", "city": "Madrid",
               "online_url": "https://meet.example.org/w", "status": "published"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let (_, ar) = page(&app, &format!("/series/{sid}"), "ar").await;
    let csrf = extract_csrf(&ar);
    let res = app
        .client
        .post(app.url(&format!("/series/{sid}/register")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert_eq!(html_lang(&body), ("ar".into(), "rtl".into()));
    assert_all(
        &body,
        &[
            "<p class=\"error\" id=\"attendance-error\">اختر طريقة حضورك.</p>",
            "يُرجى تصحيح الحقول المشار إليها أدناه.",
            "Weekly DNS call",
        ],
    );

    // In English, the page says what the API says.
    let (_, en) = page(&app, &format!("/meetings/{id}"), "en").await;
    let csrf = extract_csrf(&en);
    let res = app
        .client
        .post(app.url(&format!("/meetings/{id}/register")))
        .form(&[("csrf_token", csrf.as_str()), ("email", "ada@example.org")])
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert_all(
        &body,
        &[
            "<html lang=\"en\" dir=\"ltr\">",
            "Please correct the fields marked below.",
            "<p class=\"error\" id=\"name-error\">This field is required.</p>",
            "<p class=\"error\" id=\"attendance-error\">Choose how you will attend.</p>",
        ],
    );
}

async fn error_pages_speak_the_readers_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let res = app.get("/meetings/987654?lang=fr").await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(res.headers()["content-language"], "fr");
    let fr = res.text().await.unwrap();
    assert_eq!(html_lang(&fr), ("fr".into(), "ltr".into()));
    assert_all(
        &fr,
        &[
            "<h1>Page introuvable</h1>",
            "Cette réunion n’existe pas ou n’est pas publiée.",
            "Retour aux prochaines réunions",
            // The switcher leads to the same address in the other languages.
            "href=\"/meetings/987654?lang=en\"",
        ],
    );

    let (status, ar) = page(&app, "/no/such/page", "ar").await;
    assert_eq!(status, 404);
    assert_eq!(html_lang(&ar), ("ar".into(), "rtl".into()));
    assert_all(
        &ar,
        &["<h1>الصفحة غير موجودة</h1>", "هذه الصفحة غير موجودة."],
    );

    let (status, zh) = page(&app, "/series/987654", "zh").await;
    assert_eq!(status, 404);
    assert_all(
        &zh,
        &["<h1>页面不存在</h1>", "该系列会议不存在或尚未发布。"],
    );

    let (status, ru) = page(&app, "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ru").await;
    assert_eq!(status, 404);
    assert_all(
        &ru,
        &[
            "<h1>Страница не найдена</h1>",
            "Эта ссылка недействительна.",
        ],
    );

    // A form sent without its token: refused, in the language of the cookie.
    let m = app.create_meeting(json!({})).await;
    let res = app
        .client
        .post(app.url(&format!("/meetings/{}/register", m["id"])))
        .form(&[("name", "Ada")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let body = res.text().await.unwrap();
    assert_all(
        &body,
        &[
            "<html lang=\"ru\" dir=\"ltr\">",
            "<h1>Доступ запрещён</h1>",
            "Срок действия формы истёк",
        ],
    );

    // English pages keep the API's message.
    let (status, en) = page(&app, "/meetings/987654", "en").await;
    assert_eq!(status, 404);
    assert_all(
        &en,
        &[
            "<html lang=\"en\" dir=\"ltr\">",
            "<h1>Not found</h1>",
            "meeting not found",
        ],
    );
}
