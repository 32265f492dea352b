//! A PostgreSQL database that goes away in the middle of an export or an import: the
//! command fails with one line, an import leaves nothing behind, an export leaves no file.
//! The test holds a lock that stops the command at the `outbox` table, ends the command's
//! connection from the server side (as a restart or a failover would), then lets go.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Integer;
use serde_json::json;

use crate::archive::{quorum, stderr};
use crate::helpers::{spawn_app, test_db, Db};

fn start(dir: &Path, database_url: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(args)
        .current_dir(dir)
        .env(
            "DATABASE_URL",
            format!("{database_url}?application_name={WHO}"),
        )
        .env("QUORUM_MAIL_DIR", dir.join("mail"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// How the command's session shows in `pg_stat_activity` (the server's own sessions may
/// wait for the lock too).
const WHO: &str = "quorum-archive-test";

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

/// Waits until the command's session waits for a lock, then ends that session. (On a
/// connection of its own: inside the lock holder's transaction, `pg_stat_activity` would
/// keep showing the snapshot it took first.)
fn end_the_waiting_session(database_url: &str) {
    let conn = &mut PgConnection::establish(database_url).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let waiting: Vec<Pid> = diesel::sql_query(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
             AND application_name = $1 AND wait_event_type = 'Lock'",
        )
        .bind::<diesel::sql_types::Text, _>(WHO)
        .load(conn)
        .unwrap();
        if let Some(p) = waiting.first() {
            diesel::sql_query(format!("SELECT pg_terminate_backend({})", p.pid))
                .execute(conn)
                .unwrap();
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the command never reached the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn one_line_failure(child: Child, starts: &str) -> String {
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "the command succeeded");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with(starts), "{err}");
    err
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_going_away_changes_nothing() {
    let Some(app) = spawn_app(Db::Postgres).await else {
        return;
    };
    let meeting = app.create_meeting(json!({})).await;
    let id = meeting["id"].as_i64().unwrap();
    let (status, _) = app
        .register_api(id, "Ana", "ana@example.org", "remote")
        .await;
    assert_eq!(status, 201);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = app.test_db().url.clone();
    let good = d.join("good.jsonl.gz");

    // Export: reading stops at the outbox, behind a lock no reader can share.
    let mut holder = PgConnection::establish(&source).unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let export = start(d, &source, &["export", good.to_str().unwrap()]);
    end_the_waiting_session(&source);
    holder.batch_execute("ROLLBACK").unwrap();
    one_line_failure(export, "quorum: export failed: ");
    let left: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !left.iter().any(|n| n.to_string_lossy().contains("good")),
        "{left:?}"
    );

    let out = quorum(d, &source, &["export", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Import: the tables before the outbox are written, then the outbox waits behind a lock
    // that lets readers through (so the emptiness check passes) but no writer.
    let target = test_db(Db::Postgres).unwrap();
    let out = start(d, &target.url, &["migrate"]).wait().unwrap();
    assert!(out.success());
    let mut holder = PgConnection::establish(&target.url).unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE outbox IN SHARE MODE")
        .unwrap();
    let import = start(d, &target.url, &["import", good.to_str().unwrap()]);
    end_the_waiting_session(&target.url);
    holder.batch_execute("ROLLBACK").unwrap();
    one_line_failure(import, "quorum: import failed, nothing was imported: ");
    for table in ["staff", "groups", "meetings", "registrations", "outbox"] {
        let rows: i64 =
            diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!("SELECT count(*) FROM {table}"))
                .get_result(&mut holder)
                .unwrap();
        assert_eq!(rows, 0, "{table}");
    }
    let out = start(d, &target.url, &["import", good.to_str().unwrap()])
        .wait_with_output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
