//! Upgrading a database of the previous release: migration 5 moves `registrations` (one row
//! per seat) and `series_registrations` into registrations, seats and check-ins. Observers
//! and staff must not notice: old manage links, ids, statuses and check-ins carry over.

use std::sync::Arc;

use chrono::{Duration, NaiveDateTime, TimeZone, Timelike, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use quorum::db::DbConn;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{spawn_app_on, test_db, Db, TestApp};
use crate::smtp::SmtpSink;

both_backends!(previous_release_data_survives_migration_5);

/// The last migration of the previous release.
const LAST_OLD_MIGRATION: &str = "2026-11-24-000004_outbox_order";

/// Manage-link secrets of the previous release's registrations.
const TOKEN_ALICE: &str = "old-release-token-alice-0123456789";
const TOKEN_BOB: &str = "old-release-token-bob-0123456789AB";
const TOKEN_CAROL: &str = "old-release-token-carol-0123456789";
const TOKEN_ERIN: &str = "old-release-series-token-erin_0123";
const TOKEN_GINA: &str = "old-release-series-token-gina_0123";

#[derive(QueryableByName)]
struct Scalar {
    #[diesel(sql_type = BigInt)]
    v: i64,
}

/// A direct connection that runs no migration (unlike `quorum::db::connect`).
fn raw_connection(url: &str) -> DbConn {
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let mut c = diesel::SqliteConnection::establish(path).unwrap();
        c.batch_execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;")
            .unwrap();
        DbConn::Sqlite(c)
    } else {
        DbConn::Postgresql(diesel::PgConnection::establish(url).unwrap())
    }
}

/// Applies the migrations of the previous release (1 to 4) and nothing after.
fn migrate_to_previous_release(conn: &mut DbConn) {
    let dir = match conn {
        DbConn::Sqlite(_) => "migrations/sqlite",
        DbConn::Postgresql(_) => "migrations/postgres",
    };
    let source =
        FileBasedMigrations::from_path(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // Runs the next pending migration; returns its name.
    let mut next = || -> String {
        match conn {
            DbConn::Sqlite(c) => {
                let pending = c.pending_migrations(source.clone()).unwrap();
                let m = pending.first().expect("a pending migration");
                c.run_migration(m.as_ref()).unwrap();
                m.name().to_string()
            }
            DbConn::Postgresql(c) => {
                let pending = c.pending_migrations(source.clone()).unwrap();
                let m = pending.first().expect("a pending migration");
                c.run_migration(m.as_ref()).unwrap();
                m.name().to_string()
            }
        }
    };
    let mut applied = Vec::new();
    loop {
        let name = next();
        let done = name == LAST_OLD_MIGRATION;
        applied.push(name);
        if done {
            break;
        }
        assert!(applied.len() < 4, "migration 4 not found: {applied:?}");
    }
    assert_eq!(applied.len(), 4, "{applied:?}");
    let (recorded, pending) = match conn {
        DbConn::Sqlite(c) => (
            c.applied_migrations().unwrap().len(),
            c.pending_migrations(source.clone())
                .unwrap()
                .iter()
                .map(|m| m.name().to_string())
                .collect::<Vec<_>>(),
        ),
        DbConn::Postgresql(c) => (
            c.applied_migrations().unwrap().len(),
            c.pending_migrations(source.clone())
                .unwrap()
                .iter()
                .map(|m| m.name().to_string())
                .collect::<Vec<_>>(),
        ),
    };
    assert_eq!(recorded, 4);
    assert_eq!(
        pending.first().map(String::as_str),
        Some("2026-12-05-000005_registrations_seats_days"),
        "migration 5 and later are left for the application: {pending:?}"
    );
}

/// One integer from a query (a count, or the id from `INSERT … RETURNING id`).
fn scalar(conn: &mut DbConn, sql: &str) -> i64 {
    let query = diesel::sql_query(sql);
    match conn {
        DbConn::Sqlite(c) => query.get_result::<Scalar>(c),
        DbConn::Postgresql(c) => query.get_result::<Scalar>(c),
    }
    .unwrap_or_else(|e| panic!("{e}: {sql}"))
    .v
}

/// An SQL string literal.
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A timestamp literal as diesel writes them.
fn ts(t: NaiveDateTime) -> String {
    q(&t.format("%Y-%m-%d %H:%M:%S").to_string())
}

fn sha(token: &str) -> String {
    quorum::domain::token::hash(token)
}

fn rfc3339(t: NaiveDateTime) -> String {
    Utc.from_utc_datetime(&t)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// What the previous release left behind.
struct Old {
    meeting: i64,
    series: i64,
    occurrences: [i64; 2],
    alice: i64,
    bob: i64,
    carol: i64,
    erin_seats: [i64; 2],
    /// Gina's seats: staff removed her data from the first one (the previous release erased
    /// that seat's row only); the second still holds her place.
    gina_seats: [i64; 2],
    alice_checked_in: NaiveDateTime,
}

/// Rows as the previous release wrote them: a meeting with a confirmed (checked-in), a
/// waitlisted and a cancelled registration; a series of two meetings with one whole-series
/// registration holding a seat (a `registrations` row of its own) in each, and another one
/// whose first seat had its personal data removed by staff.
fn fill_previous_release(conn: &mut DbConn) -> Old {
    let now = Utc::now().naive_utc().with_nanosecond(0).unwrap();
    let created = now - Duration::days(3);
    let group = scalar(
        conn,
        &format!(
            "INSERT INTO groups (slug, name, description, created_at) \
             VALUES ('migtest', 'Migration Group', 'Upgraded from the previous release', {}) \
             RETURNING id AS v",
            ts(created)
        ),
    );

    // A meeting in Madrid a month from now: one seat in the room, a waitlist.
    let day = (now + Duration::days(30)).date();
    let starts = day.and_hms_opt(8, 0, 0).unwrap();
    let meeting = scalar(
        conn,
        &format!(
            "INSERT INTO meetings (uid, group_id, title, description, format, timezone, \
             starts_at, ends_at, venue, city, country, in_person_capacity, waitlist, status, \
             sequence, created_at, updated_at, detached) \
             VALUES ('old-meeting@quorum.test', {group}, 'Annual plenary', 'Agenda: everything.', \
             'in_person', 'Europe/Madrid', {}, {}, 'Sala Uno', 'Madrid', 'Spain', 1, TRUE, \
             'published', 0, {}, {}, FALSE) RETURNING id AS v",
            ts(starts),
            ts(starts + Duration::hours(3)),
            ts(created),
            ts(created)
        ),
    );

    // A weekly remote call, two occurrences, about six weeks from now.
    let tz = chrono_tz::Europe::Madrid;
    let first_local = (now + Duration::days(40))
        .date()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let template = quorum::services::meetings::MeetingInput {
        group: Some("migtest".into()),
        title: Some("Weekly review call".into()),
        description: Some("Findings of the week.".into()),
        format: Some("online".into()),
        timezone: Some("Europe/Madrid".into()),
        starts_at: Some(first_local.format("%Y-%m-%dT%H:%M").to_string()),
        ends_at: Some(
            (first_local + Duration::minutes(60))
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
        ),
        online_url: Some("https://meet.example.org/weekly".into()),
        waitlist: Some(true),
        status: Some("published".into()),
        ..Default::default()
    };
    let series = scalar(
        conn,
        &format!(
            "INSERT INTO series (uid, group_id, title, timezone, first_start_local, \
             duration_minutes, interval_weeks, weekdays, occurrence_count, template_json, \
             sequence, created_at, updated_at) \
             VALUES ('old-series@quorum.test', {group}, 'Weekly review call', 'Europe/Madrid', \
             {}, 60, 1, {}, 2, {}, 0, {}, {}) RETURNING id AS v",
            ts(first_local),
            q(quorum::domain::recurrence::weekday_code(
                chrono::Datelike::weekday(&first_local)
            )),
            q(&serde_json::to_string(&template).unwrap()),
            ts(created),
            ts(created)
        ),
    );
    let occurrences = [0i64, 1].map(|week| {
        let local = first_local + Duration::weeks(week);
        let utc = tz.from_local_datetime(&local).single().unwrap().naive_utc();
        scalar(
            conn,
            &format!(
                "INSERT INTO meetings (uid, group_id, title, description, format, timezone, \
                 starts_at, ends_at, online_url, waitlist, status, sequence, created_at, \
                 updated_at, series_id, recurrence_local, detached) \
                 VALUES ('old-occurrence-{week}@quorum.test', {group}, 'Weekly review call', \
                 'Findings of the week.', 'online', 'Europe/Madrid', {}, {}, \
                 'https://meet.example.org/weekly', TRUE, 'published', 0, {}, {}, {series}, {}, \
                 FALSE) RETURNING id AS v",
                ts(utc),
                ts(utc + Duration::minutes(60)),
                ts(created),
                ts(created),
                ts(local)
            ),
        )
    });

    let erin_registration = scalar(
        conn,
        &format!(
            "INSERT INTO series_registrations (series_id, token_hash, name, email, \
             email_normalized, affiliation, attendance, status, created_at) \
             VALUES ({series}, {}, 'Erin Series', 'Erin@Example.org', 'erin@example.org', \
             'Review Team', 'remote', 'active', {}) RETURNING id AS v",
            q(&sha(TOKEN_ERIN)),
            ts(created)
        ),
    );
    let gina_registration = scalar(
        conn,
        &format!(
            "INSERT INTO series_registrations (series_id, token_hash, name, email, \
             email_normalized, affiliation, attendance, status, created_at) \
             VALUES ({series}, {}, 'Gina Series', 'gina@example.org', 'gina@example.org', \
             NULL, 'remote', 'active', {}) RETURNING id AS v",
            q(&sha(TOKEN_GINA)),
            ts(created)
        ),
    );
    let registration = |conn: &mut DbConn,
                        meeting: i64,
                        token_hash: &str,
                        person: (&str, &str),
                        attendance: &str,
                        status: &str,
                        at: NaiveDateTime,
                        checked_in: Option<NaiveDateTime>,
                        series_registration: Option<i64>| {
        scalar(
            conn,
            &format!(
                "INSERT INTO registrations (meeting_id, token_hash, name, email, \
                 email_normalized, affiliation, attendance, status, created_at, updated_at, \
                 checked_in_at, series_registration_id) \
                 VALUES ({meeting}, {}, {}, {}, {}, NULL, {}, {}, {}, {}, {}, {}) \
                 RETURNING id AS v",
                q(token_hash),
                q(person.0),
                q(person.1),
                q(&person.1.to_lowercase()),
                q(attendance),
                q(status),
                ts(at),
                ts(at),
                checked_in.map_or("NULL".into(), ts),
                series_registration.map_or("NULL".into(), |id| id.to_string()),
            ),
        )
    };
    // Ids interleave, as they did when people registered for both.
    let alice_checked_in = now - Duration::hours(1);
    let alice = registration(
        conn,
        meeting,
        &sha(TOKEN_ALICE),
        ("Alice Confirmed", "alice@example.org"),
        "in_person",
        "confirmed",
        created + Duration::minutes(1),
        Some(alice_checked_in),
        None,
    );
    let erin_first = registration(
        conn,
        occurrences[0],
        &sha(&quorum::domain::token::generate()),
        ("Erin Series", "Erin@Example.org"),
        "remote",
        "confirmed",
        created + Duration::minutes(2),
        None,
        Some(erin_registration),
    );
    let bob = registration(
        conn,
        meeting,
        &sha(TOKEN_BOB),
        ("Bob Waitlisted", "bob@example.org"),
        "in_person",
        "waitlisted",
        created + Duration::minutes(3),
        None,
        None,
    );
    let erin_second = registration(
        conn,
        occurrences[1],
        &sha(&quorum::domain::token::generate()),
        ("Erin Series", "Erin@Example.org"),
        "remote",
        "confirmed",
        created + Duration::minutes(4),
        None,
        Some(erin_registration),
    );
    let carol = registration(
        conn,
        meeting,
        &sha(TOKEN_CAROL),
        ("Carol Cancelled", "carol@example.org"),
        "in_person",
        "cancelled",
        created + Duration::minutes(5),
        None,
        None,
    );
    let gina_seats = [0usize, 1].map(|i| {
        registration(
            conn,
            occurrences[i],
            &sha(&quorum::domain::token::generate()),
            ("Gina Series", "gina@example.org"),
            "remote",
            "confirmed",
            created + Duration::minutes(6),
            None,
            Some(gina_registration),
        )
    });
    // What "Remove data" did to a seat of a series registration in the previous release.
    let erased = gina_seats[0];
    scalar(
        conn,
        &format!(
            "UPDATE registrations SET name = '(removed)', \
             email = 'removed-{erased}@invalid', email_normalized = 'removed-{erased}@invalid', \
             affiliation = NULL, status = 'cancelled', token_hash = {}, updated_at = {} \
             WHERE id = {erased} RETURNING id AS v",
            q(&sha(&quorum::domain::token::generate())),
            ts(now - Duration::days(1))
        ),
    );
    Old {
        meeting,
        series,
        occurrences,
        alice,
        bob,
        carol,
        erin_seats: [erin_first, erin_second],
        gina_seats,
        alice_checked_in,
    }
}

async fn staff_get(app: &TestApp, path: &str) -> Value {
    let res = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "GET {path}");
    res.json().await.unwrap()
}

/// A meeting's registrations as staff see them: (id, name, attendance, status).
async fn roster(app: &TestApp, meeting: i64) -> Vec<(i64, String, String, String)> {
    let list = staff_get(app, &format!("/api/v1/meetings/{meeting}/registrations")).await;
    list["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["name"].as_str().unwrap().to_string(),
                r["attendance"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(id: i64, name: &str, attendance: &str, status: &str) -> (i64, String, String, String) {
    (id, name.into(), attendance.into(), status.into())
}

/// The manage page behind an old link: 200, the person's name and where they stand.
async fn manage_page(app: &TestApp, token: &str, name: &str, standing: &str) -> String {
    let (status, body) = app.get_text(&format!("/r/{token}")).await;
    assert_eq!(status, 200, "old manage link of {name}: {body}");
    assert!(
        body.contains(&format!("{name}: <strong>{standing}</strong>")),
        "{name} is shown as {standing}: {body}"
    );
    body
}

async fn previous_release_data_survives_migration_5(db: Db) {
    let Some(test_db) = test_db(db) else { return };
    let url = test_db.url.clone();

    // The previous release's schema and data.
    let (old, before) = tokio::task::spawn_blocking(move || {
        let mut conn = raw_connection(&url);
        migrate_to_previous_release(&mut conn);
        let old = fill_previous_release(&mut conn);
        let count = |conn: &mut DbConn, sql: &str| {
            scalar(conn, &format!("SELECT COUNT(*) AS v FROM {sql}"))
        };
        let before = (
            count(&mut conn, "registrations"),
            count(
                &mut conn,
                "registrations WHERE series_registration_id IS NULL",
            ),
            count(
                &mut conn,
                "registrations WHERE series_registration_id IS NOT NULL \
                 AND email_normalized = 'removed-' || id || '@invalid'",
            ),
            count(&mut conn, "series_registrations"),
            count(&mut conn, "registrations WHERE checked_in_at IS NOT NULL"),
        );
        (old, before)
    })
    .await
    .unwrap();
    assert_eq!(before, (7, 3, 1, 2, 1));

    // The new release starts on it and runs migration 5.
    let test_db = Arc::new(test_db);
    let smtp = Arc::new(SmtpSink::start());
    let app = spawn_app_on(db, test_db.clone(), smtp, |_| {}).await;

    // No row lost: a seat per old registration row; a registration per old standalone
    // registration, per whole-series registration, and per series seat whose data staff
    // removed (it stays anonymous instead of taking the person's data back); the check-in.
    let url = test_db.url.clone();
    let after = tokio::task::spawn_blocking(move || {
        let mut conn = raw_connection(&url);
        let count = |conn: &mut DbConn, sql: &str| {
            scalar(conn, &format!("SELECT COUNT(*) AS v FROM {sql}"))
        };
        (
            count(&mut conn, "seats"),
            count(&mut conn, "registrations"),
            count(&mut conn, "registrations WHERE series_id IS NOT NULL"),
            count(&mut conn, "check_ins"),
            count(
                &mut conn,
                "__diesel_schema_migrations WHERE version LIKE '20261205000005%'",
            ),
        )
    })
    .await
    .unwrap();
    assert_eq!(after.0, before.0, "one seat per old registration row");
    assert_eq!(
        after.1,
        before.1 + before.2 + before.3,
        "standalone registrations + erased series seats + series registrations"
    );
    assert_eq!(after.2, before.3);
    assert_eq!(after.3, before.4);
    assert_eq!(after.4, 1, "migration 5 recorded");

    // Every old manage link still works and shows where its holder stands.
    manage_page(&app, TOKEN_ALICE, "Alice Confirmed", "confirmed").await;
    manage_page(&app, TOKEN_BOB, "Bob Waitlisted", "on the waitlist").await;
    manage_page(&app, TOKEN_CAROL, "Carol Cancelled", "cancelled").await;
    let erin = manage_page(&app, TOKEN_ERIN, "Erin Series", "confirmed").await;
    assert!(
        erin.contains(&format!(
            "<a href=\"/series/{}\">Weekly review call</a>",
            old.series
        )),
        "the series link is about the series: {erin}"
    );
    assert_eq!(
        erin.matches("<td>confirmed</td>").count(),
        2,
        "a seat in both occurrences: {erin}"
    );
    let gina = manage_page(&app, TOKEN_GINA, "Gina Series", "confirmed").await;
    assert_eq!(
        gina.matches("<td>confirmed</td>").count(),
        1,
        "the seat whose data was removed is no longer hers: {gina}"
    );
    assert!(!gina.contains("<td>cancelled</td>"), "{gina}");

    // Staff see the same people under the same ids, with the same check-in.
    assert_eq!(
        roster(&app, old.meeting).await,
        vec![
            row(old.alice, "Alice Confirmed", "in_person", "confirmed"),
            row(old.bob, "Bob Waitlisted", "in_person", "waitlisted"),
            row(old.carol, "Carol Cancelled", "in_person", "cancelled"),
        ]
    );
    let list = staff_get(
        &app,
        &format!("/api/v1/meetings/{}/registrations", old.meeting),
    )
    .await;
    let regs = list["registrations"].as_array().unwrap();
    assert_eq!(
        regs[0]["checked_in_at"].as_str(),
        Some(rfc3339(old.alice_checked_in).as_str()),
        "{list}"
    );
    assert!(regs[1]["checked_in_at"].is_null(), "{list}");
    assert!(regs[2]["checked_in_at"].is_null(), "{list}");
    assert_eq!(
        roster(&app, old.occurrences[0]).await,
        vec![
            row(old.erin_seats[0], "Erin Series", "remote", "confirmed"),
            row(old.gina_seats[0], "(removed)", "remote", "cancelled"),
        ]
    );
    let list = staff_get(
        &app,
        &format!("/api/v1/meetings/{}/registrations", old.occurrences[0]),
    )
    .await;
    assert_eq!(
        list["registrations"][1]["email"],
        format!("removed-{}@invalid", old.gina_seats[0]),
        "removed data stays removed: {list}"
    );
    assert_eq!(
        roster(&app, old.occurrences[1]).await,
        vec![
            row(old.erin_seats[1], "Erin Series", "remote", "confirmed"),
            row(old.gina_seats[1], "Gina Series", "remote", "confirmed"),
        ]
    );
    let m = app.meeting(old.meeting).await;
    assert_eq!(m["seats"]["in_person"]["confirmed"], 1, "{m}");
    assert_eq!(m["seats"]["in_person"]["waitlisted"], 1, "{m}");
    assert_eq!(m["seats"]["in_person"]["available"], 0, "{m}");

    // The series registrant already holds a seat in each occurrence.
    let (status, body) = app
        .register_api(
            old.occurrences[0],
            "Erin Again",
            "erin@example.org",
            "remote",
        )
        .await;
    assert_eq!(status, 409, "{body}");

    // Cancelling through an old link frees the seat for the waitlisted one.
    let manage = format!("/r/{TOKEN_ALICE}");
    let csrf = app.csrf_from(&manage).await;
    let res = app
        .client
        .post(app.url(&format!("{manage}/cancel")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    manage_page(&app, TOKEN_ALICE, "Alice Confirmed", "cancelled").await;
    manage_page(&app, TOKEN_BOB, "Bob Waitlisted", "confirmed").await;
    let m = app.meeting(old.meeting).await;
    assert_eq!(m["seats"]["in_person"]["confirmed"], 1, "{m}");
    assert_eq!(m["seats"]["in_person"]["waitlisted"], 0, "{m}");

    // New registrations get fresh ids (the id sequences continue after the moved rows);
    // a cancelled address may register again.
    let (status, body) = app
        .register_api(old.meeting, "Dave New", "dave@example.org", "in_person")
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["registration"]["status"], "waitlisted");
    let (status, body) = app
        .register_api(old.meeting, "Carol Again", "carol@example.org", "in_person")
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .public_post(
            &format!("/api/v1/series/{}/registrations", old.series),
            &json!({"name": "Frank New", "email": "frank@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let frank = body["registration"]["manage_url"]
        .as_str()
        .unwrap()
        .replace(&app.base_url, "");
    let (status, page) = app.get_text(&frank).await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("<td>confirmed</td>").count(), 2, "{page}");

    let old_ids = [
        old.alice,
        old.bob,
        old.carol,
        old.erin_seats[0],
        old.erin_seats[1],
        old.gina_seats[0],
        old.gina_seats[1],
    ];
    let max_old = *old_ids.iter().max().unwrap();
    let now_listed = roster(&app, old.meeting).await;
    assert_eq!(
        now_listed[..3],
        [
            row(old.alice, "Alice Confirmed", "in_person", "cancelled"),
            row(old.bob, "Bob Waitlisted", "in_person", "confirmed"),
            row(old.carol, "Carol Cancelled", "in_person", "cancelled"),
        ]
    );
    let new_rows = &now_listed[3..];
    assert_eq!(new_rows.len(), 2, "{now_listed:?}");
    assert_eq!(new_rows[0].1, "Dave New");
    assert_eq!(new_rows[1].1, "Carol Again");
    assert!(
        new_rows
            .iter()
            .all(|r| r.0 > max_old && r.3 == "waitlisted"),
        "{now_listed:?}"
    );
    assert_ne!(new_rows[0].0, new_rows[1].0);
    for (occurrence, seat) in old.occurrences.iter().zip(old.erin_seats) {
        let listed = roster(&app, *occurrence).await;
        assert_eq!(listed.len(), 3, "{listed:?}");
        assert_eq!(listed[0], row(seat, "Erin Series", "remote", "confirmed"));
        assert_eq!(listed[2].1, "Frank New");
        assert!(listed[2].0 > max_old, "{listed:?}");
    }

    // In the database: the new registrations come after the moved ones, ids all distinct.
    let url = test_db.url.clone();
    let (registrations, distinct, seats_distinct) = tokio::task::spawn_blocking(move || {
        let mut conn = raw_connection(&url);
        (
            scalar(&mut conn, "SELECT COUNT(*) AS v FROM registrations"),
            scalar(
                &mut conn,
                "SELECT COUNT(DISTINCT id) AS v FROM registrations",
            ),
            scalar(
                &mut conn,
                "SELECT COUNT(*) - COUNT(DISTINCT id) AS v FROM seats",
            ),
        )
    })
    .await
    .unwrap();
    assert_eq!(registrations, after.1 + 3);
    assert_eq!(distinct, registrations);
    assert_eq!(seats_distinct, 0);
}
