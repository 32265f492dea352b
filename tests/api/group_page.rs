//! The group's public home: its sections in the contract's order, a weekly series as one
//! line (on the group page and on `/`), the timeline with minutes, people chairs first, no
//! registrant or input-author address, the favicon, and the staff dashboard's counts.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{spawn_app, Db, TestApp};
use crate::retention::with_conn;
use crate::series::create_series;

both_backends!(
    the_group_page_shows_its_sections_in_order,
    a_weekly_series_is_one_line_on_the_group_page_and_home,
    online_is_said_once_and_the_favicon_is_served,
    the_dashboard_counts_seats_pending_and_failed_mail,
);

/// What `seed` made.
pub(crate) struct Home {
    pub slug: String,
    pub single: i64,
    pub past: i64,
    pub series: i64,
    pub occurrences: Vec<i64>,
}

pub(crate) const REGISTRANT: &str = "ada.registrant@example.org";
pub(crate) const INPUT_AUTHOR: &str = "writer.input@example.org";
const ABOUT: &str = "## Mandate\n\nThe SSR2 review team assesses the **security, stability and resiliency** of the DNS.\n\n## Topic areas\n\n- Follow-up on SSR1\n- Key stability issues within ICANN\n- Contractual compliance\n\n<script>alert(1)</script>\n";

/// A group with about, people, milestones, input, an update; a weekly series of 20 calls
/// starting tomorrow, a face-to-face meeting in a month, a past meeting with minutes, and
/// a registrant.
pub(crate) async fn seed(app: &TestApp) -> Home {
    let slug = "ssr2".to_string();
    let group = app.create_group(&slug).await;
    let group_id = group["id"].as_i64().unwrap();
    let single = app
        .create_meeting(json!({"group": slug, "title": "Johannesburg face-to-face"}))
        .await["id"]
        .as_i64()
        .unwrap();
    let past = app
        .create_meeting(json!({"group": slug, "title": "Copenhagen face-to-face", "city": "Copenhagen", "country": "Denmark"}))
        .await["id"]
        .as_i64()
        .unwrap();
    let first = (Utc::now() + Duration::days(1)).date_naive();
    let s = create_series(
        app,
        json!({"group": slug, "title": "SSR2 weekly plenary call", "format": "online", "timezone": "Europe/Madrid",
               "first_start": format!("{first}T14:00"), "duration_minutes": 90, "weekdays": [weekday(first)], "count": 20,
               "online_url": "https://meet.example.org/ssr2-weekly", "online_url_visibility": "public", "status": "published"}),
    )
    .await;
    let occurrences: Vec<i64> = s["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(occurrences.len(), 20);
    let (status, body) = app
        .register_api(single, "Ada", REGISTRANT, "in_person")
        .await;
    assert_eq!(status, 201, "{body}");
    with_conn(app, move |conn| {
        use quorum::db::schema::{groups, inputs, meetings};
        let now = Utc::now().naive_utc();
        diesel::update(groups::table.find(group_id))
            .set(groups::about.eq(ABOUT))
            .execute(conn)
            .unwrap();
        // The Copenhagen meeting took place last year.
        let start = now - Duration::days(300);
        diesel::update(meetings::table.find(past))
            .set((
                meetings::starts_at.eq(start),
                meetings::ends_at.eq(start + Duration::hours(8)),
            ))
            .execute(conn)
            .unwrap();
        use quorum::db::{materials, members, milestones, updates};
        let row = materials::MaterialRow {
            title: "Copenhagen minutes",
            kind: "minutes",
            url: Some("https://example.org/ssr2/copenhagen-minutes.pdf"),
            visibility: "public",
        };
        materials::insert_link(conn, past, &row, now).unwrap();
        for (name, role, aff) in [
            ("Kerry-Ann Barrett", "member", Some("OAS")),
            ("Denise Michel", "chair", Some("Facebook")),
            ("Eric Osterweil", "chair", None),
        ] {
            let new = members::NewMember {
                group_id,
                name,
                role,
                affiliation: aff,
                note: None,
                created_at: now,
            };
            members::insert(conn, &new).unwrap();
        }
        for (date, title, status, meeting) in [
            (
                "2017-03-15",
                "Fact-finding at Copenhagen",
                "done",
                Some(past),
            ),
            (
                "2027-12-01",
                "Draft report for public comment",
                "planned",
                None,
            ),
        ] {
            let fields = milestones::MilestoneFields {
                due_date: date.parse().unwrap(),
                title: title.into(),
                description: String::new(),
                status: status.into(),
                meeting_id: meeting,
            };
            milestones::insert(conn, group_id, &fields, now).unwrap();
        }
        let update = updates::UpdateFields {
            title: "June 2017 update".into(),
            body: "Work continues.".into(),
            status: "published".into(),
        };
        updates::insert(conn, group_id, &update, now).unwrap();
        diesel::insert_into(inputs::table)
            .values((
                inputs::group_id.eq(group_id),
                inputs::name.eq("A. Writer"),
                inputs::email.eq(INPUT_AUTHOR),
                inputs::email_normalized.eq(INPUT_AUTHOR),
                inputs::subject.eq("Comments on the draft scope"),
                inputs::message.eq("Please consider DNSSEC."),
                inputs::token_hash.eq("x"),
                inputs::status.eq("published"),
                inputs::created_at.eq(now),
                inputs::published_at.eq(Some(now)),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    Home {
        slug,
        single,
        past,
        series: s["id"].as_i64().unwrap(),
        occurrences,
    }
}

fn weekday(d: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.weekday().num_days_from_monday() as usize]
}

fn at(html: &str, marker: &str) -> usize {
    html.find(marker)
        .unwrap_or_else(|| panic!("{marker} is missing: {html}"))
}

async fn the_group_page_shows_its_sections_in_order(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    let (status, html) = app.get_text(&format!("/groups/{}", home.slug)).await;
    assert_eq!(status, 200);
    let order = [
        "id=\"about\"",
        "id=\"next\"",
        "id=\"upcoming\"",
        "id=\"timeline\"",
        "id=\"people\"",
        "id=\"input\"",
        "id=\"subscribe\"",
    ];
    let positions: Vec<usize> = order.iter().map(|m| at(&html, m)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {positions:?}"
    );
    // About: Markdown rendered and sanitised, the first section shown, the rest folded.
    assert!(html.contains("<strong>security, stability and resiliency</strong>"));
    assert!(
        !html.contains("<script>alert(1)</script>"),
        "raw HTML escaped"
    );
    assert!(
        at(&html, "Mandate") < at(&html, "<details")
            && at(&html, "<details") < at(&html, "Topic areas")
    );
    // The next meeting is the first weekly call, with a way to register and the public link.
    let next = &html[at(&html, "id=\"next\"")..at(&html, "id=\"upcoming\"")];
    assert!(
        next.contains(&format!("/meetings/{}#register", home.occurrences[0])),
        "{next}"
    );
    assert!(
        next.contains("https://meet.example.org/ssr2-weekly"),
        "join link shown"
    );
    assert!(next.contains("UTC"), "time in UTC too");
    // Timeline: the milestones, the past meeting as its milestone with the minutes.
    let timeline = &html[at(&html, "id=\"timeline\"")..at(&html, "id=\"people\"")];
    assert!(
        at(timeline, "Draft report") < at(timeline, "Fact-finding"),
        "newest first"
    );
    assert!(timeline.contains(&format!("href=\"/meetings/{}\"", home.past)));
    assert!(timeline.contains("https://example.org/ssr2/copenhagen-minutes.pdf"));
    assert!(timeline.contains("Planned") && timeline.contains("Done"));
    // People: chairs first, with affiliation.
    let people = &html[at(&html, "id=\"people\"")..at(&html, "id=\"input\"")];
    assert!(at(people, "Denise Michel") < at(people, "Kerry-Ann Barrett"));
    assert!(at(people, "Eric Osterweil") < at(people, "Kerry-Ann Barrett"));
    assert!(people.contains("Chair") && people.contains("(OAS)"));
    // Input, updates, feeds and the follow form.
    assert!(html.contains("Comments on the draft scope") && html.contains("A. Writer"));
    assert!(html.contains(&format!("href=\"/groups/{}/input\"", home.slug)));
    assert!(html.contains("June 2017 update"));
    for feed in ["calendar.ics", "milestones.ics", "updates.atom", "follow"] {
        assert!(
            html.contains(&format!("/groups/{}/{feed}", home.slug)),
            "{feed}"
        );
    }
    assert!(html.contains("webcal://"));
    // No registrant or input author address on any public page.
    let pages = [
        "/".to_string(),
        format!("/groups/{}", home.slug),
        format!("/meetings/{}", home.single),
        format!("/series/{}", home.series),
        "/meetings/past".to_string(),
    ];
    for page in pages {
        let (status, html) = app.get_text(&page).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            !html.contains(REGISTRANT) && !html.contains(INPUT_AUTHOR),
            "{page}"
        );
    }
}

/// Counts `needle` in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

async fn a_weekly_series_is_one_line_on_the_group_page_and_home(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    for page in ["/".to_string(), format!("/groups/{}", home.slug)] {
        let html = app.get_text(&page).await.1;
        assert_eq!(count(&html, "class=\"series-line\""), 1, "{page}: {html}");
        assert!(html.contains("Every "), "{page}: the rule is written");
        assert!(html.contains("next: "), "{page}");
        assert!(html.contains(&format!("href=\"/series/{}\"", home.series)));
        // One card: the face-to-face meeting (on the group page it is not the next one).
        assert_eq!(count(&html, "<li class=\"card"), 1, "{page}: {html}");
        // Of the 20 calls only the first is linked.
        for id in &home.occurrences[1..] {
            assert!(!html.contains(&format!("/meetings/{id}\"")), "{page}: {id}");
            assert!(!html.contains(&format!("/meetings/{id}#")), "{page}: {id}");
        }
    }
    // The series page lists every occurrence.
    let html = app.get_text(&format!("/series/{}", home.series)).await.1;
    for id in &home.occurrences {
        assert!(html.contains(&format!("/meetings/{id}\"")), "{id}");
    }
    // Past meetings stay a list.
    let html = app.get_text("/meetings/past").await.1;
    assert!(html.contains("Copenhagen face-to-face"));
}

async fn online_is_said_once_and_the_favicon_is_served(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    app.create_group("online").await;
    app.create_meeting(json!({"group": "online", "title": "Online only", "format": "online"}))
        .await;
    let group = "online";
    for page in [
        "/".to_string(),
        format!("/groups/{group}"),
        "/meetings/past".to_string(),
    ] {
        let html = app.get_text(&page).await.1;
        assert!(!html.contains("Online · Online"), "{page}: {html}");
    }
    let html = app.get_text("/").await.1;
    assert!(html.contains("Online only") && html.contains("Online"));
    assert!(html.contains("rel=\"icon\""));

    let res = app.get("/favicon.ico").await;
    assert_eq!(res.status().as_u16(), 200);
    let ct = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(ct.starts_with("image/"), "{ct}");
    let cache = res.headers()["cache-control"].to_str().unwrap().to_string();
    assert!(cache.contains("max-age=2592000"), "{cache}");
    let body = res.bytes().await.unwrap();
    assert_eq!(&body[..4], &[0, 0, 1, 0], "an ICO file");
}

async fn the_dashboard_counts_seats_pending_and_failed_mail(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    let m = app
        .create_meeting(json!({"group": home.slug, "title": "Counted meeting", "in_person_capacity": 2, "remote_capacity": 5}))
        .await;
    let id = m["id"].as_i64().unwrap();
    for (email, mode) in [
        ("a@example.org", "in_person"),
        ("b@example.org", "in_person"),
        ("c@example.org", "in_person"),
        ("d@example.org", "remote"),
    ] {
        assert_eq!(app.register_api(id, "X", email, mode).await.0, 201);
    }
    let (status, body) = app
        .staff_patch(
            &format!("/api/v1/meetings/{id}"),
            &json!({"verify_email": true}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.register_api(id, "P", "p@example.org", "remote").await;
    assert_eq!(status, 202, "pending: {body}");
    // One of the meeting's messages failed for good.
    with_conn(&app, move |conn| {
        use quorum::db::schema::outbox::dsl as o;
        let first: i64 = o::outbox
            .filter(o::meeting_id.eq(id))
            .select(diesel::dsl::min(o::id))
            .get_result::<Option<i64>>(conn)
            .unwrap()
            .unwrap();
        diesel::update(o::outbox.find(first))
            .set((
                o::status.eq("failed"),
                o::failed_at.eq(Some(Utc::now().naive_utc())),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    let browser = app.organizer_browser().await;
    let html = app.page(&browser, "/staff").await;
    // Grouped by group, the series as one row.
    assert!(html.contains("Group ssr2"), "{html}");
    assert_eq!(count(&html, "SSR2 weekly plenary call"), 1, "{html}");
    let row_start = at(&html, "Counted meeting");
    let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("In person: 2/2, 1 waitlisted"), "{row}");
    assert!(row.contains("Remote: 1/5"), "{row}");
    assert!(row.contains("<td class=\"pending\">1</td>"), "{row}");
    assert!(row.contains("href=\"/staff/mail\">1 failed</a>"), "{row}");
    // Another meeting of the group has none.
    let other = at(&html, "Johannesburg face-to-face");
    let row = &html[other..other + html[other..].find("</tr>").unwrap()];
    assert!(
        row.contains("<td class=\"pending\">0</td>") && row.contains("<td class=\"failed\">0</td>"),
        "{row}"
    );
}
