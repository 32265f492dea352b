//! What the round trip puts in its first database, through HTTP as users do it.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::{browser, extract_csrf, location, TestApp};
use crate::smtp::ReceivedMail;

/// Every app of the round trip runs under this address, as an installation keeps its own
/// when it moves: absolute URLs (links, feeds, UIDs) then need no normalising.
pub const BASE: &str = "http://quorum.test";
const STAFF: (&str, &str) = ("chair@quorum.test", "a chair's long passphrase");

/// What the first app was given, and the clients that keep their cookies across copies
/// (cookies go by host, not port, so the copies on other ports receive them too).
pub struct Filled {
    /// The API token of the first app's staff account.
    pub token: String,
    /// A signed-in staff browser (its session cookie).
    pub staff: reqwest::Client,
    /// A visitor's browser (its CSRF cookie: the same token on every copy proves the key).
    pub visitor: reqwest::Client,
    pub meetings: Vec<i64>,
    pub series: i64,
    pub update: i64,
    /// `/r/{token}` from the confirmation mail to ada@reg.example.
    pub manage: String,
    /// `/materials/…` of the uploaded file.
    pub material: String,
}

/// A GET by `client` (its cookies): status and body.
pub async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn call(app: &TestApp, method: &str, path: &str, body: Value) -> Value {
    let res = reqwest::Client::new()
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(&app.api_token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let answer: Value = res.json().await.unwrap_or(Value::Null);
    assert!(
        (200..300).contains(&status),
        "{method} {path}: {status} {answer}"
    );
    answer
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// The path of the first `{BASE}{prefix}…` link in the newest mail to `to`.
pub async fn link_in_mail(app: &TestApp, to: &str, prefix: &str) -> String {
    let deadline = std::time::Instant::now() + crate::helpers::MAIL_WAIT;
    loop {
        let mails: Vec<ReceivedMail> = app
            .smtp
            .raw_messages()
            .iter()
            .map(|raw| ReceivedMail::parse(raw, Vec::new()))
            .filter(|m| m.to.iter().any(|a| a == to))
            .collect();
        let marker = format!("{BASE}{prefix}");
        let found = mails.iter().rev().find_map(|m| {
            let text = m.text.as_deref()?;
            let start = text.find(&marker)?;
            text[start..].split_whitespace().next().map(str::to_string)
        });
        if let Some(link) = found {
            return link.trim_start_matches(BASE).to_string();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {prefix} link to {to}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Posts a form found on `page` (its CSRF token) to `action` with `browser`.
async fn post_form(
    app: &TestApp,
    browser: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> u16 {
    let (status, html) = get(app, browser, page).await;
    assert_eq!(status, 200, "GET {page}: {html}");
    let csrf = extract_csrf(&html);
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(fields);
    let res = browser.post(app.url(action)).form(&form).send().await;
    res.unwrap().status().as_u16()
}

/// Two groups with their content, meetings of every kind, a series with a detached
/// occurrence, registrations in every state, materials, a follower, a public input, a
/// staff login and a check-in.
pub async fn fill(app: &TestApp) -> Filled {
    let visitor = browser();
    groups(app).await;
    // Followed before anything is published, so that announcements go out to the follower.
    let fields = [("email", "fan@follow.example"), ("website", "")];
    let follow = "/groups/ssr2/follow";
    assert_eq!(post_form(app, &visitor, follow, follow, &fields).await, 303);
    let confirm = link_in_mail(app, "fan@follow.example", "/f/").await;
    let done = post_form(app, &visitor, &confirm, &format!("{confirm}/confirm"), &[]).await;
    assert_eq!(done, 200);
    let meetings = meetings(app).await;
    let series = series(app, &visitor).await;
    registrations(app, &visitor, &meetings, series).await;
    let material = materials(app, meetings[0]).await;
    let update = news_and_input(app, &visitor).await;
    let staff = staff_check_in(app, meetings[7]).await;
    let manage = link_in_mail(app, "ada@reg.example", "/r/").await;
    Filled {
        token: app.api_token.clone(),
        staff,
        visitor,
        meetings,
        series,
        update,
        manage,
        material,
    }
}

/// ssr2 and rssac, each with its about text, input address, two members and a milestone.
async fn groups(app: &TestApp) {
    for (slug, name) in [("ssr2", "SSR2 Review Team"), ("rssac", "RSSAC Caucus")] {
        let group = json!({"slug": slug, "name": name, "description": "Reviews"});
        call(app, "POST", "/api/v1/groups", group).await;
        let about = json!({"about": format!("## Mandate of {name}\n\nReview **security**."),
            "input_email": format!("input@{slug}.example")});
        call(app, "PATCH", &format!("/api/v1/groups/{slug}"), about).await;
        for (who, role) in [("Boris Chair", "chair"), ("Alice Member", "member")] {
            let body =
                json!({"name": format!("{who} ({slug})"), "role": role, "affiliation": "ccNSO"});
            call(app, "POST", &format!("/api/v1/groups/{slug}/members"), body).await;
        }
        let ms = json!({"date": "2027-05-15", "title": "Draft report", "status": "planned"});
        let path = format!("/api/v1/groups/{slug}/milestones");
        call(app, "POST", &path, ms).await;
    }
}

/// In ssr2, in this order: hybrid, in person, online, two days, verified, cancelled,
/// draft, and one seat with a waitlist.
async fn meetings(app: &TestApp) -> Vec<i64> {
    let day = (chrono::Utc::now() + chrono::Duration::days(40)).date_naive();
    let next = day.succ_opt().unwrap();
    let kinds = [
        json!({"title": "Hybrid session", "in_person_capacity": 20}),
        json!({"title": "In-person workshop", "format": "in_person", "online_url": null}),
        json!({"title": "Online call", "format": "online", "venue": null, "city": null, "country": null}),
        json!({"title": "Two-day meeting", "starts_at": null, "ends_at": null, "days": [
            {"starts_at": format!("{day}T09:00"), "ends_at": format!("{day}T18:00")},
            {"starts_at": format!("{next}T09:00"), "ends_at": format!("{next}T13:30")}]}),
        json!({"title": "Verified briefing", "verify_email": true}),
        json!({"title": "Cancelled session"}),
        json!({"title": "Draft plenary", "status": "draft"}),
        json!({"title": "Small room", "format": "in_person", "online_url": null,
            "in_person_capacity": 1, "waitlist": true}),
    ];
    let mut meetings = Vec::new();
    for mut kind in kinds {
        kind["group"] = json!("ssr2");
        meetings.push(id(&app.create_meeting(kind).await));
    }
    let cancel = format!("/api/v1/meetings/{}/cancel", meetings[5]);
    call(app, "POST", &cancel, json!({})).await;
    meetings
}

/// A weekly series in rssac whose third occurrence is moved (detached); its id.
async fn series(app: &TestApp, visitor: &reqwest::Client) -> i64 {
    let weekly = (chrono::Utc::now() + chrono::Duration::days(14)).date_naive();
    let body = json!({"group": "rssac", "title": "Weekly call", "format": "online",
        "timezone": "Europe/Madrid", "first_start": format!("{weekly}T14:00"),
        "duration_minutes": 60, "count": 6, "online_url": "https://meet.example.org/rssac",
        "status": "published", "verify_email": false});
    let series = call(app, "POST", "/api/v1/series", body).await;
    let occurrence = &series["occurrences"][2];
    let moved = occurrence["recurrence_id"].as_str().unwrap()[..10].to_string();
    let patch = json!({"starts_at": format!("{moved}T16:00"), "ends_at": format!("{moved}T17:00")});
    let path = format!("/api/v1/meetings/{}", id(occurrence));
    call(app, "PATCH", &path, patch).await;
    let (_, after) = get(app, visitor, &format!("/api/v1/series/{}", id(&series))).await;
    let after: Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["occurrences"][2]["detached"], true, "{after}");
    id(&series)
}

/// Confirmed (API and form), pending verification, confirmed and waitlisted for one seat,
/// cancelled on the manage page, and one for the whole series.
async fn registrations(app: &TestApp, visitor: &reqwest::Client, meetings: &[i64], series: i64) {
    let (hybrid, in_person, online, verified, small) = (
        meetings[0],
        meetings[1],
        meetings[2],
        meetings[4],
        meetings[7],
    );
    let register = |m: i64, who: &'static str, attendance: &'static str| {
        let email = format!("{}@reg.example", who.to_lowercase());
        async move { app.register_api(m, who, &email, attendance).await.1 }
    };
    let status = |v: Value| v["registration"]["status"].clone();
    assert_eq!(status(register(hybrid, "Ada", "remote").await), "confirmed");
    let form = [
        ("name", "Bo"),
        ("email", "bo@reg.example"),
        ("affiliation", "Engines"),
        ("attendance", "in_person"),
        ("consent", "on"),
    ];
    let res = app.register_form(in_person, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with("/r/"));
    assert_eq!(status(register(verified, "Cy", "remote").await), "pending");
    assert_eq!(
        status(register(small, "Di", "in_person").await),
        "confirmed"
    );
    assert_eq!(
        status(register(small, "Ed", "in_person").await),
        "waitlisted"
    );
    let fa = register(online, "Fa", "remote").await;
    let manage = fa["registration"]["manage_url"].as_str().unwrap();
    let manage = manage.trim_start_matches(BASE);
    let cancel = format!("{manage}/cancel");
    assert_eq!(post_form(app, visitor, manage, &cancel, &[]).await, 303);
    let whole = json!({"name": "Gil", "email": "gil@reg.example", "attendance": "remote"});
    let path = format!("/api/v1/series/{series}/registrations");
    assert_eq!(app.public_post(&path, &whole).await.0, 201);
}

/// A file of more than one chunk and a link, on `meeting`; the file's path.
async fn materials(app: &TestApp, meeting: i64) -> String {
    let data: Vec<u8> = (0..1_100_000u32).map(|i| (i % 251) as u8).collect();
    let file = upload(app, meeting, &data).await;
    let link =
        json!({"title": "Recording", "kind": "recording", "url": "https://video.example.org/42"});
    call(
        app,
        "POST",
        &format!("/api/v1/meetings/{meeting}/materials"),
        link,
    )
    .await;
    let url = file["url"].as_str().unwrap();
    url.trim_start_matches(BASE).to_string()
}

/// ssr2's news, one published (announced to the follower) and one draft, and a public
/// input sent and confirmed; the published update's id.
async fn news_and_input(app: &TestApp, visitor: &reqwest::Client) -> i64 {
    let news = json!({"title": "June update", "body": "The team met in **Madrid**.",
        "status": "published"});
    let update = id(&call(app, "POST", "/api/v1/groups/ssr2/updates", news).await);
    let draft = json!({"title": "Unfinished", "body": "Not yet.", "status": "draft"});
    call(app, "POST", "/api/v1/groups/ssr2/updates", draft).await;
    let input = [
        ("name", "Pat"),
        ("email", "pat@input.example"),
        ("subject", "On the draft"),
        ("message", "Please extend the comment period."),
        ("website", ""),
    ];
    let form = "/groups/ssr2/input";
    assert_eq!(post_form(app, visitor, form, form, &input).await, 303);
    let confirm = link_in_mail(app, "pat@input.example", "/i/").await;
    let done = post_form(app, visitor, &confirm, &format!("{confirm}/confirm"), &[]).await;
    assert_eq!(done, 303);
    update
}

/// A staff login in a browser, and with it a check-in (only the staff pages do that).
async fn staff_check_in(app: &TestApp, small: i64) -> reqwest::Client {
    app.add_staff(STAFF.0, quorum::auth::Role::Admin, STAFF.1)
        .await;
    let staff = app.staff_browser(STAFF.0, STAFF.1).await;
    let seat = seat_of(app, small, "di@reg.example").await;
    let page = format!("/staff/meetings/{small}/registrations");
    let check_in = format!("/staff/registrations/{seat}/check-in");
    assert_eq!(post_form(app, &staff, &page, &check_in, &[]).await, 303);
    staff
}

async fn seat_of(app: &TestApp, meeting: i64, email: &str) -> i64 {
    let (pool, email) = (app.pool.clone(), email.to_string());
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let roster = quorum::db::seats::roster(&mut conn, meeting, 1).unwrap();
        roster
            .into_iter()
            .find(|r| r.registration.email == email)
            .unwrap()
            .seat
            .id
    })
    .await
    .unwrap()
}

async fn upload(app: &TestApp, meeting: i64, data: &[u8]) -> Value {
    const B: &str = "roundtrip-boundary-7MA4YWxkTrZu0gW";
    let mut body = format!("--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deck.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").into_bytes();
    body.extend_from_slice(data);
    for (k, v) in [("title", "Slides of the session"), ("kind", "slides")] {
        body.extend_from_slice(
            format!("\r\n--{B}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}")
                .as_bytes(),
        );
    }
    body.extend_from_slice(format!("\r\n--{B}--\r\n").as_bytes());
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{meeting}/materials")))
        .bearer_auth(&app.api_token)
        .header("content-type", format!("multipart/form-data; boundary={B}"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    res.json().await.unwrap()
}

/// With the mail worker unable to send (a zero lease), queues mail that stays pending: a
/// confirmation and the notices of a new time to the hybrid session's registrants.
pub async fn queue_pending(app: &TestApp, filled: &Filled) {
    let hybrid = filled.meetings[0];
    assert_eq!(
        app.register_api(hybrid, "Hal", "hal@reg.example", "remote")
            .await
            .0,
        201
    );
    let day = app.meeting(hybrid).await["starts_at"].as_str().unwrap()[..10].to_string();
    let change = json!({"starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T13:30")});
    call(app, "PATCH", &format!("/api/v1/meetings/{hybrid}"), change).await;
}
