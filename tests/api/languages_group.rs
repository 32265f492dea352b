//! The group-side public pages in the reader's language: `/`, a group's page, an update,
//! the follow and input pages (with the problems beside their fields) and their check-mail
//! pages; what staff wrote stays as written; a follow and a piece of input store the
//! language they were made in.

use diesel::prelude::*;

use crate::both_backends;
use crate::group_page::seed;
use crate::helpers::{browser, extract_csrf, location, spawn_app, Db, TestApp, MAIL_WAIT};
use crate::retention::with_conn;
use crate::smtp::ReceivedMail;

both_backends!(
    group_pages_speak_the_readers_language,
    form_problems_and_check_mail_pages_are_translated,
    a_follow_stores_its_language_and_a_pending_request_updates_it,
    input_stores_its_language,
    the_pages_behind_mailed_links_speak_the_readers_language,
);

/// The page `path` as a browser that chose `lang` by `?lang=` sees it; Arabic's bidi
/// isolation marks removed.
async fn page(app: &TestApp, lang: &str, path: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    let res = browser()
        .get(app.url(&format!("{path}{sep}lang={lang}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    assert_eq!(res.headers()["content-language"], lang, "{path}");
    let body = res
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    let dir = if lang == "ar" { "rtl" } else { "ltr" };
    assert!(
        body.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
        "{path}: {body}"
    );
    body
}

/// Fills in the form on `page` like a browser (`client` keeps the CSRF cookie and the
/// language cookie the page's `?lang=` sets) and posts `fields` with its token to `action`.
async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let form = client
        .get(app.url(page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_csrf(&form);
    let mut all = vec![("csrf_token", csrf.as_str())];
    all.extend_from_slice(fields);
    client
        .post(app.url(action))
        .form(&all)
        .send()
        .await
        .unwrap()
}

fn has_all(body: &str, what: &str, words: &[&str]) {
    for w in words {
        assert!(body.contains(w), "{what}: {w:?} is missing in {body}");
    }
}

fn has_none(body: &str, what: &str, words: &[&str]) {
    for w in words {
        assert!(!body.contains(w), "{what}: {w:?} is still there in {body}");
    }
}

/// The English of the fixed words the other languages must not show.
const ENGLISH: [&str; 12] = [
    "Groups and their meetings",
    "Next meeting",
    "Timeline",
    "Recent input",
    "Public input",
    ">Updates<",
    "meetings ahead",
    "all of them",
    "Leave this empty",
    ">Register<",
    ">Planned<",
    "Send input",
];

async fn update_path(app: &TestApp, slug: &str) -> String {
    let html = app.get_text(&format!("/groups/{slug}")).await.1;
    let at = html
        .find(&format!("/groups/{slug}/updates/"))
        .expect("a link to the update");
    let rest = &html[at..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn group_pages_speak_the_readers_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    let slug = home.slug.as_str();
    let group = format!("/groups/{slug}");
    let update = update_path(&app, slug).await;
    // Staff wrote these: the same in every language.
    let as_written = [
        "Group ssr2",
        "<strong>security, stability and resiliency</strong>",
        "Mandate",
        "SSR2 weekly plenary call",
        "Draft report for public comment",
        "Denise Michel",
        "Comments on the draft scope",
        "June 2017 update",
    ];
    // (language, home, group page, update page, follow page, input page)
    type Words = [&'static [&'static str]; 5];
    let cases: [(&str, Words); 4] = [
        (
            "fr",
            [
                &[
                    "Les groupes et leurs réunions",
                    "20 réunions à venir",
                    "toutes les réunions",
                    "prochaine\u{a0}:",
                    "Toutes les réunions dans votre agenda",
                ],
                &[
                    "Prochaine réunion",
                    ">S’inscrire<",
                    "Chronologie",
                    "Composition",
                    "Présidence",
                    "Contributions du public",
                    "Actualités",
                    ">Terminée<",
                    ">Prévue<",
                    "15 mars 2017",
                    "Suivre Group ssr2",
                    "Laissez ce champ vide",
                ],
                &["Actualité", "Publiée le", "Retour à Group ssr2"],
                &["Suivre Group ssr2", "Recevoir un e-mail quand Group ssr2"],
                &[
                    "Contributions du public à Group ssr2",
                    "Envoyer une contribution",
                    "Objet",
                    "Archive",
                ],
            ],
        ),
        (
            "ar",
            [
                &[
                    "المجموعات واجتماعاتها",
                    "20 اجتماعًا قادمًا",
                    "عرضها جميعًا",
                    "الاجتماع القادم:",
                ],
                &[
                    ">التسجيل<",
                    "المسار الزمني",
                    "الأعضاء",
                    "الرئاسة",
                    "مساهمات الجمهور",
                    "المستجدات",
                    ">مُنجزة<",
                    "متابعة Group ssr2",
                ],
                &["نُشر في", "العودة إلى Group ssr2"],
                &["متابعة Group ssr2", "اترك هذا الحقل فارغًا"],
                &["إرسال مساهمة", "الموضوع", "الأرشيف"],
            ],
        ),
        (
            "zh",
            [
                &["工作组及其会议", "还有 20 次会议", "查看全部", "下次："],
                &[
                    "下次会议",
                    ">报名<",
                    "时间线",
                    "成员",
                    "主席",
                    "公众意见",
                    "最新动态",
                    ">已完成<",
                    "2017年3月15日",
                    "关注Group ssr2",
                ],
                &["发布于", "返回Group ssr2"],
                &["关注Group ssr2", "请勿填写此栏"],
                &["提交意见", "主题", "存档"],
            ],
        ),
        (
            "ru",
            [
                &["Группы и их встречи", "впереди 20 встреч", "все встречи"],
                &[
                    "Следующая встреча",
                    ">Зарегистрироваться<",
                    "Хронология",
                    "Председатель",
                    "Предложения общественности",
                    "Новости",
                    ">Выполнен<",
                ],
                &["Опубликовано", "Вернуться к группе Group ssr2"],
                &["Следить за группой Group ssr2", "Оставьте это поле пустым"],
                &["Направить предложение", "Тема", "Архив"],
            ],
        ),
    ];
    let paths = [
        "/".to_string(),
        group.clone(),
        update.clone(),
        format!("{group}/follow"),
        format!("{group}/input"),
    ];
    for (lang, words) in cases {
        for (path, expected) in paths.iter().zip(words) {
            let body = page(&app, lang, path).await;
            let what = format!("{lang} {path}");
            has_all(&body, &what, expected);
            has_none(&body, &what, &ENGLISH);
            if path == &group {
                has_all(&body, &what, &as_written);
            }
        }
    }
    // English stays as it was.
    let body = page(&app, "en", &group).await;
    has_all(
        &body,
        "en",
        &[
            "Next meeting",
            ">Register<",
            "20 meetings ahead",
            "all of them",
            "15 March 2017",
            ">Done<",
            "Chair",
        ],
    );
    has_all(&body, "en", &as_written);
}

async fn form_problems_and_check_mail_pages_are_translated(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("langs").await;
    // The input form with an empty subject and a bad address, in French.
    let client = browser();
    let res = post_form(
        &client,
        &app,
        "/groups/langs/input?lang=fr",
        "/groups/langs/input",
        &[
            ("name", "Ada"),
            ("email", "not an address"),
            ("subject", ""),
            ("message", "Hello"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    has_all(
        &body,
        "fr input form",
        &[
            "Veuillez corriger les champs signalés ci-dessous.",
            "<p class=\"error\" id=\"subject-error\">Ce champ est obligatoire.</p>",
            "Saisissez une adresse électronique valide",
        ],
    );
    has_none(
        &body,
        "fr input form",
        &["This field is required", "Enter a valid"],
    );
    // The follow form with a bad address, in Arabic.
    let res = post_form(
        &browser(),
        &app,
        "/groups/langs/follow?lang=ar",
        "/groups/langs/follow",
        &[("email", "nope")],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        body.contains("البريد الإلكتروني: أدخل عنوان بريد إلكتروني صالحًا"),
        "{body}"
    );
    // The check-mail pages, with the pending time in words of the language.
    let body = page(&app, "fr", "/groups/langs/input/check-mail").await;
    has_all(
        &body,
        "fr input check-mail",
        &[
            "Consultez votre messagerie",
            "48 heures",
            "Pas de message\u{a0}?",
        ],
    );
    let body = page(&app, "zh", "/groups/langs/follow/check-mail").await;
    has_all(
        &body,
        "zh follow check-mail",
        &["请查收邮件", "48 小时", "返回Group langs"],
    );
    let body = page(&app, "ru", "/groups/langs/follow/check-mail").await;
    has_all(
        &body,
        "ru follow check-mail",
        &["Проверьте почту", "48 часов"],
    );
}

/// Asks to follow group `slug` with `email` from a browser that chose `lang` on the form's
/// page (the form itself carries no language: the cookie does).
async fn follow_in(app: &TestApp, lang: &str, slug: &str, email: &str) {
    let res = post_form(
        &browser(),
        app,
        &format!("/groups/{slug}/follow?lang={lang}"),
        &format!("/groups/{slug}/follow"),
        &[("email", email), ("website", "")],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
}

async fn follower_lang(app: &TestApp, email: &'static str) -> Vec<String> {
    with_conn(app, move |conn| {
        use quorum::db::schema::followers::dsl as f;
        f::followers
            .filter(f::email.eq(email))
            .select(f::lang)
            .load::<String>(conn)
            .unwrap()
    })
    .await
}

async fn a_follow_stores_its_language_and_a_pending_request_updates_it(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("langs").await;
    const WHO: &str = "suscriptora@example.org";
    follow_in(&app, "es", "langs", WHO).await;
    assert_eq!(follower_lang(&app, WHO).await, vec!["es".to_string()]);
    // Asked again from a Russian page: one follower, in Russian from now on.
    follow_in(&app, "ru", "langs", WHO).await;
    assert_eq!(follower_lang(&app, WHO).await, vec!["ru".to_string()]);
    // Once confirmed, a stranger's request with the same address changes nothing.
    crate::retention::with_conn(&app, |conn| {
        use diesel::prelude::*;
        use quorum::db::schema::followers as f;
        diesel::update(f::table.filter(f::email.eq(WHO)))
            .set(f::status.eq("active"))
            .execute(conn)
            .unwrap();
    })
    .await;
    follow_in(&app, "zh", "langs", WHO).await;
    assert_eq!(follower_lang(&app, WHO).await, vec!["ru".to_string()]);
    // Without a choice, the default language.
    const OTHER: &str = "other@example.org";
    let res = post_form(
        &browser(),
        &app,
        "/groups/langs/follow",
        "/groups/langs/follow",
        &[("email", OTHER)],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(follower_lang(&app, OTHER).await, vec!["en".to_string()]);
}

async fn input_stores_its_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("langs").await;
    let res = post_form(
        &browser(),
        &app,
        "/groups/langs/input?lang=ru",
        "/groups/langs/input",
        &[
            ("name", "Анна"),
            ("email", "anna@example.org"),
            ("subject", "О проекте"),
            ("message", "Текст предложения."),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let langs = with_conn(&app, |conn| {
        use quorum::db::schema::inputs::dsl as i;
        i::inputs
            .filter(i::email.eq("anna@example.org"))
            .select(i::lang)
            .load::<String>(conn)
            .unwrap()
    })
    .await;
    assert_eq!(langs, vec!["ru".to_string()]);
}

/// The path of the first link under `{base_url}{prefix}` in a mail to `to`, waiting for it.
async fn mailed_path(app: &TestApp, to: &str, prefix: &str) -> String {
    let deadline = std::time::Instant::now() + MAIL_WAIT;
    let start = format!("{}{prefix}", app.base_url);
    loop {
        for raw in app.smtp.raw_messages() {
            let mail = ReceivedMail::parse(&raw, Vec::new());
            if !mail.to.iter().any(|a| a.eq_ignore_ascii_case(to)) {
                continue;
            }
            let text = mail.text.unwrap_or_default();
            if let Some(at) = text.find(&start) {
                let link = text[at..].split_whitespace().next().unwrap();
                return link
                    .trim_end_matches(['>', ')', '.'])
                    .replace(&app.base_url, "");
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {prefix} link to {to}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn the_pages_behind_mailed_links_speak_the_readers_language(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("langs").await;
    // Following, in French: the page behind the link, then the confirmation.
    const FOLLOWER: &str = "lectrice@example.org";
    follow_in(&app, "fr", "langs", FOLLOWER).await;
    let path = mailed_path(&app, FOLLOWER, "/f/").await;
    let client = browser();
    let body = page(&app, "fr", &path).await;
    has_all(
        &body,
        "fr follow link",
        &[
            "Suivre Group langs",
            "Veuillez confirmer",
            ">Confirmer</button>",
        ],
    );
    client
        .get(app.url(&format!("{path}?lang=fr")))
        .send()
        .await
        .unwrap();
    let html = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let done = client
        .post(app.url(&format!("{path}/confirm")))
        .form(&[("csrf_token", extract_csrf(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    let body = done.text().await.unwrap();
    assert!(body.contains("Vous suivez Group langs\u{a0}:"), "{body}");
    // Unsubscribing, in Arabic: the question, then the answer.
    let path = mailed_path(&app, FOLLOWER, "/unsubscribe/").await;
    let body = page(&app, "ar", &path).await;
    has_all(
        &body,
        "ar unsubscribe",
        &["إلغاء الاشتراك</button>", "هل تريد إيقاف"],
    );
    let res = browser()
        .post(app.url(&format!("{path}?lang=ar")))
        .body("List-Unsubscribe=One-Click")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let body = res
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    has_all(
        &body,
        "ar unsubscribed",
        &["لم تعد تتابع Group langs", "وقد حُذف"],
    );

    // Input, in Chinese: the confirm page, then the thanks.
    const AUTHOR: &str = "zuozhe@example.org";
    let client = browser();
    let res = post_form(
        &client,
        &app,
        "/groups/langs/input?lang=zh",
        "/groups/langs/input",
        &[
            ("name", "李华"),
            ("email", AUTHOR),
            ("subject", "关于范围"),
            ("message", "请考虑 DNSSEC。"),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let path = mailed_path(&app, AUTHOR, "/i/").await;
    let html = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    has_all(
        &html,
        "zh input confirm",
        &["您向Group langs提交的意见", ">确认</button>", "关于范围"],
    );
    let res = client
        .post(app.url(&format!("{path}/confirm")))
        .form(&[("csrf_token", extract_csrf(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let html = client
        .get(app.url(&location(&res)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    has_all(
        &html,
        "zh input published",
        &["谢谢！您的意见已发布。", "在工作组存档中查看"],
    );
}
