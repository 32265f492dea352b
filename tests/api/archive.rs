//! `quorum export` and `quorum import` as an operator runs them: what an archive holds, and
//! every way a bad archive or a failing database is refused with one line, changing nothing.
//! The full round trip between backends is in `archive_roundtrip.rs`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diesel::prelude::*;
use diesel::sql_types::Text;
use serde_json::{json, Value};

use crate::both_backends;
use crate::helpers::{browser, login_at, spawn_app, spawn_app_on, test_db, Db, TestDb, MAIL_WAIT};

both_backends!(
    every_table_and_column_is_carried,
    bad_archives_are_refused_and_change_nothing,
    a_database_with_data_is_refused,
    ids_of_deleted_rows_stay_used,
    secrets_kept_hashed_stay_hashed,
);

/// Runs `quorum ARGS` on `database_url` in `dir`, as an operator would (no
/// `QUORUM_SECRET_KEY`: the key is the database's).
pub(crate) fn quorum(dir: &Path, database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(args)
        .current_dir(dir)
        .env("DATABASE_URL", database_url)
        .env("QUORUM_MAIL_DIR", dir.join("mail"))
        .env("RUST_LOG", "warn")
        .env_remove("QUORUM_SECRET_KEY")
        .output()
        .unwrap()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An archive of a database with a group, a meeting and two registrations (and their mail),
/// exported while the server runs.
async fn sample(db: Db, dir: &Path) -> Option<PathBuf> {
    let app = spawn_app(db).await?;
    let meeting = app.create_meeting(json!({})).await;
    let id = meeting["id"].as_i64().unwrap();
    for who in ["ana", "bo"] {
        let (status, body) = app
            .register_api(id, who, &format!("{who}@example.org"), "remote")
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let file = dir.join("sample.jsonl.gz");
    let out = quorum(dir, &app.test_db().url, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("exported "), "{said}");
    Some(file)
}

/// The lines of an archive, gunzipped.
pub(crate) fn lines_of(file: &Path) -> Vec<String> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(file).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    text.lines().map(str::to_string).collect()
}

fn gzip(lines: &[String], file: &Path) {
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(file).unwrap(),
        flate2::Compression::default(),
    );
    for line in lines {
        writeln!(gz, "{line}").unwrap();
    }
    gz.finish().unwrap();
}

/// The archive without its first line (which names the time and the backend).
fn body(file: &Path) -> Vec<String> {
    lines_of(file).split_off(1)
}

async fn every_table_and_column_is_carried(db: Db) {
    let Some(target) = test_db(db) else { return };
    let pool = quorum::db::connect(&target.url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    let mut in_database: Vec<(String, Vec<String>)> = tables(&mut conn)
        .into_iter()
        .map(|t| {
            let columns = columns(&mut conn, &t);
            (t, columns)
        })
        .collect();
    in_database.sort();
    let mut carried: Vec<(String, Vec<String>)> = quorum::archive::layout()
        .into_iter()
        .map(|(t, mut c)| {
            c.sort();
            (t.to_string(), c)
        })
        .collect();
    carried.sort();
    assert_eq!(carried, in_database);
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn tables(conn: &mut quorum::db::DbConn) -> Vec<String> {
    let sql = match conn {
        quorum::db::DbConn::Sqlite(_) => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'"
        }
        quorum::db::DbConn::Postgresql(_) => {
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name <> '__diesel_schema_migrations'"
        }
    };
    let names: Vec<Name> = diesel::sql_query(sql).load(conn).unwrap();
    names.into_iter().map(|n| n.name).collect()
}

fn columns(conn: &mut quorum::db::DbConn, table: &str) -> Vec<String> {
    let sql = match conn {
        quorum::db::DbConn::Sqlite(_) => "SELECT name FROM pragma_table_info($1)",
        quorum::db::DbConn::Postgresql(_) => {
            "SELECT column_name::text AS name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1"
        }
    };
    let names: Vec<Name> = diesel::sql_query(sql)
        .bind::<Text, _>(table)
        .load(conn)
        .unwrap();
    let mut names: Vec<String> = names.into_iter().map(|n| n.name).collect();
    names.sort();
    names
}

/// Each bad file fails with one line naming the problem, and the database stays empty: the
/// good archive still imports afterwards and exports the same rows.
async fn bad_archives_are_refused_and_change_nothing(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let Some(good) = sample(db, d).await else {
        return;
    };
    let Some(target) = test_db(db) else { return };
    let lines = lines_of(&good);
    let bytes = std::fs::read(&good).unwrap();
    let mut header: Value = serde_json::from_str(&lines[0]).unwrap();
    let with_header = |key: &str, value: Value| {
        let mut h = header.clone();
        h[key] = value;
        let mut all = lines.clone();
        all[0] = h.to_string();
        all
    };

    // The last migration changes indexes only, so an archive written just before it has the
    // same rows and columns: it imports whole once the bad ones have been refused.
    let before_indexes = d.join("before-indexes.gz");
    gzip(
        &with_header("schema", json!("20261208000013")),
        &before_indexes,
    );

    let mut cases: Vec<(&str, PathBuf, &str)> = Vec::new();
    let mut case = |name: &'static str, expect: &'static str, write: &dyn Fn(&Path)| {
        let file = d.join(name);
        write(&file);
        cases.push((name, file, expect));
    };
    case("cut.gz", "truncated", &|f| {
        std::fs::write(f, &bytes[..bytes.len() * 2 / 3]).unwrap()
    });
    case(
        "notes.txt",
        "is not a Quorum archive (it is not gzip-compressed)",
        &|f| std::fs::write(f, "meeting notes\n").unwrap(),
    );
    case(
        "other.gz",
        "is not a Quorum archive (no Quorum header)",
        &|f| gzip(&[r#"{"hello":"world"}"#.to_string()], f),
    );
    case(
        "empty.gz",
        "is not a Quorum archive (no Quorum header)",
        &|f| gzip(&[], f),
    );
    case(
        "v2.gz",
        "format version 2, newer than this Quorum reads",
        &|f| gzip(&with_header("version", json!(2)), f),
    );
    case("newer.gz", "comes from a newer Quorum", &|f| {
        gzip(&with_header("schema", json!("29991231000001")), f)
    });
    case("older.gz", "comes from an older Quorum", &|f| {
        gzip(&with_header("schema", json!("20261124000001")), f)
    });
    case("no-end.gz", "ends early", &|f| {
        gzip(&lines[..lines.len() - 1], f)
    });
    case("bad-row.gz", "not a valid outbox line", &|f| {
        let mut all = lines.clone();
        let outbox = all
            .iter()
            .position(|l| l.contains(r#""table":"outbox""#))
            .unwrap();
        all[outbox + 1] = r#"{"id":"one"}"#.to_string();
        gzip(&all, f)
    });
    case("recount.gz", "the last line counts", &|f| {
        let mut all = lines.clone();
        let last = all.len() - 1;
        all[last] = all[last].replace(r#""tables":22"#, r#""tables":23"#);
        gzip(&all, f)
    });
    header["format"] = json!("other");
    drop(header);
    for (name, file, expect) in &cases {
        let out = quorum(d, &target.url, &["import", file.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(!out.status.success(), "{name} was imported");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(
            err.starts_with("quorum: import failed, nothing was imported: "),
            "{name}: {err}"
        );
        assert!(err.contains(expect), "{name}: {err}");
    }
    assert_imports_whole(d, &target, &before_indexes);
}

/// `good` imports into `target` and exports the same rows again.
fn assert_imports_whole(d: &Path, target: &TestDb, good: &Path) {
    let out = quorum(d, &target.url, &["import", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = d.join("again.jsonl.gz");
    let out = quorum(d, &target.url, &["export", again.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(body(&again), body(good));
}

async fn a_database_with_data_is_refused(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let Some(target) = test_db(db) else { return };
    let app = spawn_app(db).await.unwrap();
    app.create_group("wg").await;
    let file = d.join("a.jsonl.gz");
    let out = quorum(d, &app.test_db().url, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = body(&file);
    let out = quorum(d, &app.test_db().url, &["import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("the database is not empty (table staff has 1 rows)"),
        "{}",
        stderr(&out)
    );
    let out = quorum(d, &app.test_db().url, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(body(&file), before);
    // A database whose only rows are the installation's settings counts as empty.
    let out = quorum(d, &target.url, &["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_imports_whole(d, &target, &file);
}

/// A sequence moves on past deleted rows: after a move to the other backend, a new row does
/// not take the id of one deleted before the export (which an audit entry may still name).
async fn ids_of_deleted_rows_stay_used(db: Db) {
    let other = match db {
        Db::Sqlite => Db::Postgres,
        Db::Postgres => Db::Sqlite,
    };
    let Some(target) = test_db(other) else { return };
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    app.create_group("wg").await;
    let path = "/api/v1/groups/wg/milestones";
    let mut ids = Vec::new();
    for n in 1..=3 {
        let (status, m) = app
            .staff_post(path, &json!({"date": format!("2027-01-0{n}"), "title": format!("Step {n}"), "status": "planned"}))
            .await;
        assert_eq!(status, 201, "{m}");
        ids.push(m["id"].as_i64().unwrap());
    }
    let last = ids[2];
    let res = app
        .client
        .delete(app.url(&format!("{path}/{last}")))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let file = d.join("a.jsonl.gz");
    let out = quorum(d, &app.test_db().url, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = quorum(d, &target.url, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let moved = spawn_app_on(other, std::sync::Arc::new(target), app.smtp.clone(), |_| {}).await;
    let (status, m) = moved
        .staff_post(
            path,
            &json!({"date": "2027-01-04", "title": "Step 4", "status": "planned"}),
        )
        .await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["id"].as_i64(), Some(last + 1), "{m}");
}

/// Tokens, passwords and sessions that the database keeps hashed are hashed in the archive
/// too (sent mail, which carried the manage link, has been emptied by then).
async fn secrets_kept_hashed_stay_hashed(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let meeting = app.create_meeting(json!({})).await;
    let id = meeting["id"].as_i64().unwrap();
    let (status, body) = app
        .register_api(id, "Ana", "ana@example.org", "remote")
        .await;
    assert_eq!(status, 201, "{body}");
    let manage = body["registration"]["manage_url"].as_str().unwrap();
    let manage_token = manage.rsplit('/').next().unwrap().to_string();
    app.smtp.wait_for(1, MAIL_WAIT).await;
    let password = "a long organiser passphrase";
    app.add_staff("org@example.org", quorum::auth::Role::Organizer, password)
        .await;
    let res = login_at(&browser(), &app.base_url, "org@example.org", password, None).await;
    assert_eq!(res.status(), 303);
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| {
            c.split(';')
                .next()?
                .split_once('=')
                .map(|(_, v)| v.to_string())
        })
        .filter(|v| v.len() >= 16)
        .collect();
    assert!(!cookies.is_empty());
    // Wait until the confirmation has been handed over (and so emptied) in the outbox.
    for _ in 0..100 {
        if app
            .outbox()
            .await
            .iter()
            .all(|(_, _, status, _)| status == "sent")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let file = d.join("a.jsonl.gz");
    let out = quorum(d, &app.test_db().url, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = lines_of(&file).join("\n");
    assert!(text.contains("ana@example.org"));
    assert!(manage_token.len() >= 16);
    let secrets = [manage_token.as_str(), app.api_token.as_str(), password]
        .into_iter()
        .chain(cookies.iter().map(String::as_str));
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} is in the archive");
    }
}
