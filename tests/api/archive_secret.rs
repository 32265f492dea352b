//! The installation's secret key travels in the archive when the database keeps it; when the
//! old installation set `QUORUM_SECRET_KEY` instead, the import says what to carry over.

use std::sync::Arc;

use crate::archive::{quorum, stderr};
use crate::helpers::{spawn_app_on, test_db, Db};
use crate::smtp::SmtpSink;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_import_names_a_secret_key_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for from_setting in [false, true] {
        let source = Arc::new(test_db(Db::Sqlite).unwrap());
        let app = spawn_app_on(
            Db::Sqlite,
            source.clone(),
            Arc::new(SmtpSink::start()),
            |s| {
                if from_setting {
                    s.secret_key = Some(vec![7; 32]);
                }
            },
        )
        .await;
        app.create_group("wg").await;
        let file = d.join(format!("{from_setting}.jsonl.gz"));
        let out = quorum(d, &source.url, &["export", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let target = test_db(Db::Sqlite).unwrap();
        let out = quorum(d, &target.url, &["import", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let said = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            said.contains("note: the archive carries no secret key"),
            from_setting,
            "{said}"
        );
    }
}
