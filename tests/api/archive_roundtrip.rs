//! Issue #16: a round trip SQLite → PostgreSQL → SQLite through `quorum export` and
//! `quorum import`. The first database is filled through HTTP (`archive_roundtrip/fill.rs`),
//! with some mail sent and some still pending; each copy answers the same through HTTP
//! (`archive_roundtrip/answers.rs`), sends each pending message once, and hands out fresh
//! ids; the three archives are the same bytes once the header's `exported_at` and
//! `backend` are left out.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use diesel::prelude::*;
use quorum::config::Settings;
use quorum::db::schema::outbox::dsl as o;
use quorum::db::DbConn;
use serde_json::{json, Value};

mod answers;
mod fill;

use crate::helpers::{spawn_app_on, test_db, Db, TestApp, TestDb, MAIL_WAIT};
use crate::smtp::SmtpSink;
use answers::{assert_same, record, Answer};
use fill::{fill, queue_pending, Filled, BASE};

/// Kinds the outbox keeps for later (reminders, minutes due): not mail waiting to go out.
const SCHEDULED: [&str; 3] = ["reminders_due", "reminder", "minutes_due"];

/// An app as usual, under the round trip's fixed address.
fn usual(s: &mut Settings) {
    s.base_url = BASE.into();
}

/// An app whose mail worker sends nothing: with a zero lease every message it claims is
/// given back untried (`Outcome::Released`), so queued mail stays pending, attempts 0.
fn held(s: &mut Settings) {
    usual(s);
    s.mail_lease = Duration::ZERO;
}

/// `quorum COMMAND FILE` on the database at `url`, as an operator runs it.
fn quorum(command: &str, url: &str, file: &Path) {
    let dir = file.parent().unwrap();
    let out = crate::archive::quorum(dir, url, &[command, file.to_str().unwrap()]);
    let err = crate::archive::stderr(&out);
    assert!(out.status.success(), "quorum {command}: {err}");
}

/// The archive's header and its other lines (gunzipped).
fn read(file: &Path) -> (Value, Vec<String>) {
    let mut lines = crate::archive::lines_of(file);
    let header: Value = serde_json::from_str(&lines.remove(0)).unwrap();
    (header, lines)
}

/// The rows of `table` in an archive's lines.
fn rows(lines: &[String], table: &str) -> Vec<Value> {
    let opening = format!("{{\"table\":\"{table}\",");
    let at = lines.iter().position(|l| l.starts_with(&opening)).unwrap();
    let n = serde_json::from_str::<Value>(&lines[at]).unwrap()["rows"]
        .as_u64()
        .unwrap() as usize;
    let parse = |l: &String| serde_json::from_str(l).unwrap();
    lines[at + 1..at + 1 + n].iter().map(parse).collect()
}

/// Waits until `busy` (outbox rows, counted on `app`'s database) is 0 three times in a
/// row, 100 ms apart; `what` names it in the failure.
async fn until_still(app: &TestApp, what: &str, busy: fn(&mut DbConn) -> QueryResult<i64>) {
    let deadline = std::time::Instant::now() + MAIL_WAIT;
    let mut still = 0;
    while still < 3 {
        let pool = app.pool.clone();
        let n = tokio::task::spawn_blocking(move || busy(&mut pool.get().unwrap()).unwrap());
        still = if n.await.unwrap() == 0 { still + 1 } else { 0 };
        assert!(std::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Mail due and unsent, or claimed by a worker.
fn unsettled(conn: &mut DbConn) -> QueryResult<i64> {
    let due = o::status
        .eq("pending")
        .and(o::next_attempt_at.le(quorum::db::now()));
    let unsent = o::outbox.filter(o::kind.ne_all(SCHEDULED)).filter(due);
    let claimed = o::outbox.filter(o::lease_until.is_not_null());
    Ok(unsent.count().get_result::<i64>(conn)? + claimed.count().get_result::<i64>(conn)?)
}

/// Pending mail that a worker holds or has tried.
fn touched(conn: &mut DbConn) -> QueryResult<i64> {
    let held = o::lease_until.is_not_null().or(o::attempts.gt(0));
    o::outbox
        .filter(o::status.eq("pending"))
        .filter(held)
        .count()
        .get_result(conn)
}

/// Stops an app whose mail is held; returns once its worker has given back what it held.
async fn stop_held(app: TestApp) {
    app.stopper.stop().await;
    until_still(&app, "the held mail was not given back", touched).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archive_roundtrip_sqlite_postgres_sqlite() {
    let Some(pg) = test_db(Db::Postgres) else {
        return;
    };
    let first_db = Arc::new(test_db(Db::Sqlite).unwrap());
    let last_db = test_db(Db::Sqlite).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let e = |n: u8| dir.path().join(format!("e{n}.quorum.gz"));

    // 1. Filled through HTTP with its mail sent; then, the worker held back, more mail
    //    queued, and the answers recorded.
    let sink = Arc::new(SmtpSink::start());
    let first = spawn_app_on(Db::Sqlite, first_db.clone(), sink.clone(), usual).await;
    let filled = fill(&first).await;
    until_still(&first, "the outbox never settled", unsettled).await;
    first.stopper.stop().await;
    drop(first);
    let sent = sink.raw_messages().len();
    let mut second = spawn_app_on(Db::Sqlite, first_db.clone(), sink.clone(), held).await;
    second.api_token = filled.token.clone();
    queue_pending(&second, &filled).await;
    let answers = record(&second, &filled).await;
    answers::assert_meaningful(&answers, &filled);
    stop_held(second).await;
    assert_eq!(sink.raw_messages().len(), sent, "held mail was sent");

    // 2-3. E1 from the first database; E2 from its PostgreSQL copy before any server ran
    //      there; E3 from the SQLite copy of E2.
    quorum("export", &first_db.url, &e(1));
    quorum("import", &pg.url, &e(1));
    quorum("export", &pg.url, &e(2));
    quorum("import", &last_db.url, &e(2));
    quorum("export", &last_db.url, &e(3));

    // 4. Byte for byte, but for when and from which backend each was written. (Text keys
    //    need no sorting: the test databases collate as C.UTF-8, code point order like
    //    SQLite's.)
    let (h1, e1) = read(&e(1));
    assert_eq!(
        (&h1["format"], &h1["version"]),
        (&json!("quorum-archive"), &json!(1))
    );
    assert_eq!(h1["backend"], "sqlite");
    for (n, backend) in [(2, "postgresql"), (3, "sqlite")] {
        let (h, lines) = read(&e(n));
        assert_eq!(h["backend"], backend);
        for key in ["format", "version", "schema", "quorum"] {
            assert_eq!(h[key], h1[key], "E{n} header {key}");
        }
        assert_eq!(lines.len(), e1.len(), "E{n} has as many lines as E1");
        for (i, (a, b)) in e1.iter().zip(&lines).enumerate() {
            assert!(a == b, "E{n} line {} differs:\nE1: {a}\nE{n}: {b}", i + 2);
        }
    }

    // 6. What E1 holds of the mail: some sent, some pending and never tried.
    let outbox = rows(&e1, "outbox");
    assert!(outbox.iter().all(|m| m["status"] != "failed"), "{outbox:?}");
    // (An `announce` row is sent once expanded into its followers' `announcement` rows.)
    let mail = |m: &&Value| m["status"] == "sent" && m["kind"] != "announce";
    assert_eq!(outbox.iter().filter(mail).count(), sent);
    let pending: BTreeSet<String> = outbox
        .iter()
        .filter(|m| m["status"] == "pending" && !SCHEDULED.contains(&m["kind"].as_str().unwrap()))
        .inspect(|m| assert!(m["attempts"] == 0 && m["lease_until"].is_null(), "{m}"))
        .map(|m| {
            m["message_id"]
                .as_str()
                .unwrap()
                .trim_matches(['<', '>'])
                .to_string()
        })
        .collect();
    assert!(pending.len() >= 3, "{pending:?}");
    let last_ids: Value = serde_json::from_str(&e1[0]).unwrap();

    // 5-6. Each copy: the same answers, each pending message once, fresh ids.
    let copies = [
        ("the PostgreSQL copy", Db::Postgres, pg.url.clone()),
        ("the SQLite copy", Db::Sqlite, last_db.url.clone()),
    ];
    for (name, db, url) in copies {
        let copy = ImportedCopy {
            name,
            db,
            db_handle: Arc::new(TestDb::existing(&url)),
        };
        copy.check(&filled, &answers, &pending, &last_ids["sequences"])
            .await;
    }
    drop(pg);
}

struct ImportedCopy {
    name: &'static str,
    db: Db,
    /// A handle that leaves the database to its owner (`pg` drops it at the end).
    db_handle: Arc<TestDb>,
}

impl ImportedCopy {
    async fn check(
        &self,
        f: &Filled,
        answers: &[Answer],
        pending: &BTreeSet<String>,
        last: &Value,
    ) {
        let sink = Arc::new(SmtpSink::start());
        // As imported, its mail held back: the answers of the first database.
        let app = spawn_app_on(self.db, self.db_handle.clone(), sink.clone(), held).await;
        assert_same(self.name, &record(&app, f).await, answers);
        stop_held(app).await;
        assert!(sink.raw_messages().is_empty());

        // Started as usual: each pending message goes out once, under its Message-ID.
        let mut app = spawn_app_on(self.db, self.db_handle.clone(), sink.clone(), usual).await;
        let mails = sink.wait_for(pending.len(), MAIL_WAIT).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(sink.raw_messages().len(), pending.len(), "{}", self.name);
        let ids: BTreeSet<String> = mails.iter().filter_map(|m| m.message_id.clone()).collect();
        assert_eq!(&ids, pending, "{}", self.name);

        // New rows after the import: ids above the imported ones, the imported token works.
        app.api_token = f.token.clone();
        let meeting = app
            .create_meeting(json!({"group": "ssr2", "title": "After the move"}))
            .await;
        let id = meeting["id"].as_i64().unwrap();
        assert!(
            id > last["meetings"].as_i64().unwrap(),
            "{}: {meeting}",
            self.name
        );
        let (status, reg) = app
            .register_api(id, "Ivy", "ivy@reg.example", "remote")
            .await;
        assert_eq!(status, 201, "{reg}");
        let max_reg = newest_registration(&app).await;
        assert!(
            max_reg > last["registrations"].as_i64().unwrap(),
            "{}",
            self.name
        );
        app.stopper.stop().await;
    }
}

/// The highest registration id.
async fn newest_registration(app: &TestApp) -> i64 {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        use diesel::dsl::max;
        use quorum::db::schema::registrations::dsl as r;
        let conn = &mut pool.get().unwrap();
        r::registrations
            .select(max(r::id))
            .get_result::<Option<i64>>(conn)
            .unwrap()
            .unwrap()
    })
    .await
    .unwrap()
}
