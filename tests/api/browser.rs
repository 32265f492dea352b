//! The public pages (the group's home, its input archive, follow form and an update among
//! them) and the staff pages (dashboard, the group page editor, input) in a real browser: `tests/browser/axe.mjs` loads each page in headless
//! Debian chromium at 390px and 1280px and runs axe-core on it; any violation fails. The
//! pages carry no script at all, so they work without JavaScript. On a 390×844 phone the
//! next meeting's Register link on the group page (seeded with a two-section about, people,
//! milestones, a 20-call series) must end within the first screen (bottom ≤ 844 px).
//!
//! In Arabic and in English (`?lang=ar`, `?lang=en`), `tests/browser/rtl.mjs` takes
//! full-page screenshots of a meeting page, its group's page and a registration's manage
//! page at both widths (kept in `target/tmp/screenshots/<backend>/`), runs axe-core on
//! each, and measures the mirroring: in Arabic `<html dir="rtl">`, the brand at the right end of the site
//! header and the page heading's text against the right edge of <main>; in English both on
//! the left; on the phone no page is wider than the screen.
//!
//! Skipped (with one line) when chromium or `tests/browser/node_modules` is missing, unless
//! `QUORUM_TEST_REQUIRE_BROWSER=1` (as in `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::both_backends;
use crate::group_page::seed;
use crate::helpers::{spawn_app, Db, TestApp};

both_backends!(
    public_pages_pass_axe_in_chromium_and_register_is_high_on_a_phone,
    arabic_pages_mirror_right_to_left_and_pass_axe_in_chromium,
);

const CHROMIUM: &str = "/usr/bin/chromium";

/// The harness folder, or `None` (with a line saying why) when the browser cannot run.
fn harness() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let missing = if !Path::new(CHROMIUM).exists() {
        Some(format!("{CHROMIUM} (apt-get install chromium)"))
    } else if !dir.join("node_modules/axe-core").exists()
        || !dir.join("node_modules/playwright-core").exists()
    {
        Some("tests/browser/node_modules (npm ci in tests/browser)".to_string())
    } else if Command::new("node").arg("--version").output().is_err() {
        Some("node".to_string())
    } else {
        None
    };
    match missing {
        None => Some(dir),
        Some(what) if std::env::var("QUORUM_TEST_REQUIRE_BROWSER").is_ok_and(|v| v == "1") => {
            panic!("QUORUM_TEST_REQUIRE_BROWSER=1 but {what} is missing")
        }
        Some(what) => {
            eprintln!("skipped: browser test ({what} is missing)");
            None
        }
    }
}

async fn public_pages_pass_axe_in_chromium_and_register_is_high_on_a_phone(db: Db) {
    let Some(dir) = harness() else {
        return;
    };
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    let group_url = app.url(&format!("/groups/{}", home.slug));
    let updates: Value = app
        .get(&format!("/api/v1/groups/{}/updates", home.slug))
        .await
        .json()
        .await
        .unwrap();
    let update = updates["updates"][0]["id"]
        .as_i64()
        .expect("the seeded update");
    let pages = [
        "/".to_string(),
        format!("/groups/{}", home.slug),
        format!("/meetings/{}", home.single),
        format!("/meetings/{}", home.occurrences[0]),
        format!("/series/{}", home.series),
        "/meetings/past".to_string(),
        format!("/groups/{}/input", home.slug),
        format!("/groups/{}/follow", home.slug),
        format!("/groups/{}/updates/{update}", home.slug),
        "/staff/login".to_string(),
    ];
    // Staff pages, checked signed in after the login page.
    let staff_pages = [
        "/staff".to_string(),
        "/staff/meetings?past=1".to_string(),
        "/staff/mail".to_string(),
        format!("/staff/groups/{}", home.slug),
        format!("/staff/groups/{}/input", home.slug),
    ];
    let pw = "a long organiser passphrase";
    app.add_staff("org@example.org", quorum::auth::Role::Organizer, pw)
        .await;
    // No script on any page: what works, works without JavaScript.
    for page in &pages {
        let (status, html) = app.get_text(page).await;
        assert_eq!(status, 200, "{page}");
        assert!(!html.contains("<script"), "{page} carries a script");
    }
    let mut urls: Vec<String> = pages.iter().map(|p| app.url(p)).collect();
    urls.extend(staff_pages.iter().map(|p| app.url(p)));
    let login = app.url("/staff/login");
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(dir.join("axe.mjs"))
            .arg("--register")
            .arg(&group_url)
            .args(["--login", &login, "org@example.org", pw])
            .args(&urls)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "axe.mjs failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_str(stdout.trim()).expect("axe.mjs prints JSON");
    let pages_checked = report["pages"].as_array().unwrap();
    assert_eq!(
        pages_checked.len(),
        (pages.len() + staff_pages.len()) * 2,
        "two widths each"
    );
    let failing: Vec<&Value> = pages_checked
        .iter()
        .filter(|p| !p["violations"].as_array().unwrap().is_empty())
        .collect();
    assert!(
        failing.is_empty(),
        "axe-core violations:\n{}",
        serde_json::to_string_pretty(&failing).unwrap()
    );
    let register = &report["register"];
    let bottom = register["bottom"]
        .as_f64()
        .unwrap_or_else(|| panic!("no Register link on the group page: {register}"));
    let screen = register["viewport_height"].as_f64().unwrap();
    eprintln!(
        "axe-core: {} page loads without violations; Register link at {}..{bottom}px of a {screen}px screen",
        pages_checked.len(),
        register["top"]
    );
    // With this group's about (a heading and a paragraph shown, the rest folded), the
    // button is on the first screen; the issue asks for no more than two.
    assert!(
        bottom <= screen,
        "the Register link ends at {bottom}px, below the first screen of {screen}px"
    );
}

/// Where the screenshots of `db`'s run go (two backends run at once: one folder each).
fn screenshot_dir(db: Db) -> PathBuf {
    let backend = match db {
        Db::Sqlite => "sqlite",
        Db::Postgres => "postgres",
    };
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("screenshots")
        .join(backend)
}

/// Runs `tests/browser/<script>` with `args` and parses the JSON it prints.
async fn node(dir: PathBuf, script: &str, args: Vec<String>) -> Value {
    let script = dir.join(script);
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(&script)
            .args(&args)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.trim()).expect("the script prints JSON")
}

/// The manage page's path of a new registration for `meeting` (online, so it shows the
/// join address).
async fn manage_path(app: &TestApp, meeting: i64) -> String {
    let (status, reg) = app
        .register_api(
            meeting,
            "Layla Haddad",
            "layla.haddad@example.org",
            "remote",
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    reg["registration"]["manage_url"]
        .as_str()
        .expect("a manage_url")
        .replace(&app.base_url, "")
}

/// `a` and `b` within a pixel (and a half, for rounding of fractional boxes).
fn near(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1.5,
        _ => false,
    }
}

async fn arabic_pages_mirror_right_to_left_and_pass_axe_in_chromium(db: Db) {
    let Some(dir) = harness() else {
        return;
    };
    let shots = screenshot_dir(db);
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let home = seed(&app).await;
    // A call of the weekly series: online, its join address public.
    let meeting = home.occurrences[0];
    let manage = manage_path(&app, meeting).await;
    let mut args = vec!["--shots".to_string(), shots.display().to_string()];
    for lang in ["ar", "en"] {
        args.push(format!(
            "meeting-{lang}={}",
            app.url(&format!("/meetings/{meeting}?lang={lang}"))
        ));
        args.push(format!(
            "group-{lang}={}",
            app.url(&format!("/groups/{}?lang={lang}", home.slug))
        ));
        args.push(format!(
            "manage-{lang}={}",
            app.url(&format!("{manage}?lang={lang}"))
        ));
    }
    let report = node(dir, "rtl.mjs", args).await;
    let pages = report["pages"].as_array().unwrap();
    assert_eq!(
        pages.len(),
        12,
        "three pages in two languages at two widths"
    );
    for p in pages {
        let what = format!("{} at {}px", p["name"], p["width"]);
        let violations = p["violations"].as_array().unwrap();
        assert!(
            violations.is_empty(),
            "{what}: axe-core violations:\n{}",
            serde_json::to_string_pretty(violations).unwrap()
        );
        let arabic = p["name"].as_str().unwrap().ends_with("-ar");
        let (lang, html_dir) = if arabic { ("ar", "rtl") } else { ("en", "ltr") };
        assert_eq!(p["lang"], lang, "{what}");
        assert_eq!(p["dir"], html_dir, "{what}");
        assert_eq!(p["direction"], html_dir, "{what}: computed direction");
        // The brand starts the header: at its right end in Arabic, its left end in English.
        let (brand, header, main, h1) = (&p["brand"], &p["header"], &p["main"], &p["h1"]);
        let side = if arabic { "right" } else { "left" };
        assert!(
            near(&brand[side], &header[side]),
            "{what}: brand {brand}, header {header}"
        );
        assert!(
            near(&h1[side], &main[side]),
            "{what}: heading {h1}, main {main}"
        );
        let width = p["inner_width"].as_f64().unwrap();
        let middle = width / 2.0;
        let brand_mid = (brand["left"].as_f64().unwrap() + brand["right"].as_f64().unwrap()) / 2.0;
        assert_eq!(
            brand_mid > middle,
            arabic,
            "{what}: brand {brand} in a {width}px window"
        );
        if p["width"] == 390 {
            // The header spans the phone's screen: its padding is all that is left.
            let edge = if arabic { width - 16.0 } else { 16.0 };
            assert!(
                near(&brand[side], &Value::from(edge)),
                "{what}: brand {brand}"
            );
            assert!(
                p["scroll_width"].as_f64().unwrap() <= width,
                "{what}: {} px wide on a {width}px screen",
                p["scroll_width"]
            );
        }
    }
    eprintln!(
        "right to left: {} page loads without axe-core violations, mirrored in Arabic; screenshots in {}",
        pages.len(),
        shots.display()
    );
}
