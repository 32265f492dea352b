//! What the public may see (issue #11): draft occurrences of a series appear in no page,
//! feed, JSON answer, invite or mail; a join URL limited to registrants goes only to holders
//! of a confirmed seat.

use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{extract_csrf, spawn_app, Db, TestApp, MAIL_WAIT};
use crate::ics_check;

both_backends!(
    draft_occurrences_appear_nowhere_public,
    join_details_only_for_a_confirmed_seat,
);

/// A Wednesday at least a week ahead.
fn next_wednesday() -> chrono::NaiveDate {
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(7);
    day + chrono::Duration::days(i64::from(
        (7 + 2 - chrono::Datelike::weekday(&day).num_days_from_monday()) % 7,
    ))
}

async fn series(app: &TestApp, extra: Value) -> Value {
    app.create_group("g").await;
    let mut body = json!({"group": "g", "title": "Plenary", "format": "hybrid",
        "timezone": "Europe/Madrid", "first_start": format!("{}T14:00", next_wednesday()),
        "duration_minutes": 60, "count": 4, "venue": "Office", "city": "Madrid",
        "online_url": "https://meet.example.org/p", "status": "published",
        "verify_email": false});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let (status, s) = app.staff_post("/api/v1/series", &body).await;
    assert_eq!(status, 201, "{s}");
    s
}

/// A change of the whole series, which mails its registrants the series again.
async fn change_whole_series(app: &TestApp, sid: i64) {
    let (status, s) = app
        .staff_patch(
            &format!("/api/v1/series/{sid}"),
            &json!({"duration_minutes": 75}),
        )
        .await;
    assert_eq!(status, 200, "{s}");
}

fn manage_path(app: &TestApp, reg: &Value) -> String {
    reg["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "")
}

async fn text_of(app: &TestApp, path: &str) -> String {
    let (status, body) = app.get_text(path).await;
    assert_eq!(status, 200, "{path}: {body}");
    body.replace("\r\n ", "")
}

async fn draft_occurrences_appear_nowhere_public(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let s = series(&app, json!({})).await;
    let sid = s["id"].as_i64().unwrap();
    let occ: Vec<i64> = s["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    // The first occurrence (which stood for the rule) and the third go back to draft, with
    // words staff have not published.
    for (id, words) in [(occ[0], "SECRET-FIRST"), (occ[2], "SECRET-THIRD")] {
        let (status, m) = app
            .staff_patch(
                &format!("/api/v1/meetings/{id}"),
                &json!({"status": "draft", "title": format!("{words} title"),
                        "description": format!("{words} description")}),
            )
            .await;
        assert_eq!(status, 200, "{m}");
    }
    let (status, reg) = app
        .public_post(
            &format!("/api/v1/series/{sid}/registrations"),
            &json!({"name": "Ada", "email": "ada@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let manage = manage_path(&app, &reg);
    let json = text_of(&app, &format!("/api/v1/series/{sid}")).await;
    let parsed: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["occurrences"].as_array().unwrap().len(), 2, "{json}");
    assert!(
        parsed["rrule"].as_str().unwrap().ends_with("COUNT=4"),
        "{json}"
    );
    let mut public = vec![
        ("series JSON", json),
        (
            "series page",
            text_of(&app, &format!("/series/{sid}")).await,
        ),
        ("group page", text_of(&app, "/groups/g").await),
        ("manage page", text_of(&app, &manage).await),
    ];
    for path in [
        "/calendar.ics",
        "/groups/g/calendar.ics",
        &format!("{manage}/invite.ics"),
    ] {
        let (status, cal) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        ics_check::assert_valid(&cal);
        let cal = cal.replace("\r\n ", "");
        // The drafts' dates are no dates of the rule.
        assert_eq!(
            cal.matches("EXDATE;TZID=Europe/Madrid:").count(),
            2,
            "{path}: {cal}"
        );
        public.push(("calendar", cal));
    }
    // A change to the whole series mails its registrants the series again.
    change_whole_series(&app, sid).await;
    for mail in app.smtp.wait_for(2, MAIL_WAIT).await {
        public.push(("mail", mail.text.clone().unwrap_or_default()));
        public.push(("mail", mail.html.clone().unwrap_or_default()));
        let cal = mail
            .calendar
            .as_ref()
            .map(|c| c.body.clone())
            .unwrap_or_default();
        public.push(("mail invite", cal.replace("\r\n ", "")));
    }
    for (what, text) in &public {
        assert!(
            !text.contains("SECRET"),
            "a draft shows in the {what}:\n{text}"
        );
    }
}

async fn join_details_only_for_a_confirmed_seat(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let join = "https://meet.example.org/JOIN-ONLY-FOR-SEATS";
    let s = series(
        &app,
        json!({"in_person_capacity": 1, "online_url": join, "online_details": "PIN 424242"}),
    )
    .await;
    let sid = s["id"].as_i64().unwrap();
    let register = |name: &str, email: &str, attendance: &str| {
        let body = json!({"name": name, "email": email, "attendance": attendance});
        let path = format!("/api/v1/series/{sid}/registrations");
        let app = &app;
        async move {
            let (status, reg) = app.public_post(&path, &body).await;
            assert_eq!(status, 201, "{reg}");
            manage_path(app, &reg)
        }
    };
    let ada = register("Ada", "ada@example.org", "in_person").await;
    let bob = register("Bob", "bob@example.org", "in_person").await; // waitlisted everywhere
    let cat = register("Cat", "cat@example.org", "remote").await;
    // Cat cancels.
    let csrf = extract_csrf(&text_of(&app, &cat).await);
    let res = app
        .client
        .post(app.url(&format!("{cat}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let shows = |text: &str| text.contains("JOIN-ONLY-FOR-SEATS") || text.contains("424242");
    // The holder of a seat sees it; the waitlisted and the cancelled do not.
    assert!(shows(&text_of(&app, &format!("{ada}/invite.ics")).await));
    assert!(shows(&text_of(&app, &ada).await));
    for path in [
        bob.clone(),
        format!("{bob}/invite.ics"),
        cat.clone(),
        format!("{cat}/invite.ics"),
    ] {
        let text = text_of(&app, &path).await;
        assert!(!shows(&text), "{path}:\n{text}");
    }
    // Nor in mail: the confirmations, the waitlist notice, the cancellation, and a change
    // of the whole series sent to every registrant.
    change_whole_series(&app, sid).await;
    let mails = app.smtp.wait_for(6, MAIL_WAIT).await;
    assert!(mails.len() >= 6, "{}", mails.len());
    for mail in &mails {
        let cal = mail.calendar.as_ref().map(|c| c.body.replace("\r\n ", ""));
        let all = [mail.text.clone(), mail.html.clone(), cal].map(Option::unwrap_or_default);
        let seen = all.iter().any(|t| shows(t));
        // Ada holds seats; Cat did until she cancelled.
        let held = mail.to == ["ada@example.org"]
            || mail.to == ["cat@example.org"] && mail.subject.starts_with("Registration confirmed");
        if held {
            continue;
        }
        assert!(
            !seen,
            "mail to {:?} ({}) shows the join details",
            mail.to, mail.subject
        );
    }
}
