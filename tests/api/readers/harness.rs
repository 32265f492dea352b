//! The harness: runs `tests/readers/read_ics.py`, and what the JSON API says each instance is.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::helpers::TestApp;

pub(super) const PYTHON: &str = "/usr/bin/python3";
pub(super) const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/readers/read_ics.py");
pub(super) const SKIP: &str = "skipped: libical/vobject readers not installed \
                    (apt-get install python3-vobject python3-gi gir1.2-ical-3.0)";

/// The reader modes of `read_ics.py`.
pub(super) const MODES: [&str; 3] = ["vobject", "libical-embedded", "libical-builtin"];

/// Whether the readers can run. When they cannot, prints the skip line once per test, or
/// panics when `QUORUM_TEST_REQUIRE_READERS=1` (as CI sets it).
pub(super) fn readers_available() -> bool {
    static PROBE: OnceLock<Result<(), String>> = OnceLock::new();
    let probe = PROBE.get_or_init(|| {
        let out = Command::new(PYTHON)
            .args([SCRIPT, "--check"])
            .output()
            .map_err(|e| format!("{PYTHON}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            let stderr = String::from_utf8_lossy(&out.stderr);
            Err(stderr.lines().last().unwrap_or("no output").to_string())
        }
    });
    match probe {
        Ok(()) => true,
        Err(why) if std::env::var("QUORUM_TEST_REQUIRE_READERS").is_ok_and(|v| v == "1") => {
            panic!("QUORUM_TEST_REQUIRE_READERS=1 but the calendar readers cannot run: {why}")
        }
        Err(_) => {
            eprintln!("{SKIP}");
            false
        }
    }
}

/// One event instance, as a reader places it or as the JSON API says it should be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Instance {
    pub(super) uid: String,
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    pub(super) status: Option<String>,
    /// The instance's original start (`RECURRENCE-ID`); `None` for an event that does not repeat.
    pub(super) recurrence_id: Option<DateTime<Utc>>,
}

/// An instance the JSON API gives. Its recurrence id is known for series occurrences (the
/// API's `recurrence_id`) and one-day meetings (none); for the days of a multi-day meeting
/// the API has none to compare with, and a wrong one shows up anyway: the day's override
/// would not replace its instance.
#[derive(Clone, Debug)]
pub(super) struct Expected {
    pub(super) instance: Instance,
    pub(super) rid_known: bool,
}

impl Expected {
    fn matches(&self, got: &Instance) -> bool {
        let e = &self.instance;
        e.uid == got.uid
            && e.start == got.start
            && e.end == got.end
            && e.status == got.status
            && (!self.rid_known || e.recurrence_id == got.recurrence_id)
    }
}

/// A calendar file to read and what it must show.
pub(super) struct CalFile {
    pub(super) label: String,
    pub(super) text: String,
    pub(super) expected: Vec<Expected>,
}

pub(super) fn utc(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not a date-time: {v}"));
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// The STATUS calendars carry for a meeting of this JSON `status`.
pub(super) fn ics_status(m: &Value) -> Option<String> {
    Some(
        match m["status"].as_str().unwrap() {
            "published" => "CONFIRMED",
            "cancelled" => "CANCELLED",
            "draft" => "TENTATIVE",
            other => panic!("unknown status {other}"),
        }
        .to_string(),
    )
}

/// A meeting (one day or several) as the JSON API places it: one instance per day.
pub(super) fn meeting_instances(m: &Value) -> Vec<Expected> {
    let days = m["days"].as_array().expect("Meeting JSON has days");
    days.iter()
        .map(|d| Expected {
            instance: Instance {
                uid: m["uid"].as_str().unwrap().to_string(),
                start: utc(&d["starts_at_utc"]),
                end: utc(&d["ends_at_utc"]),
                status: ics_status(m),
                recurrence_id: None,
            },
            rid_known: days.len() == 1,
        })
        .collect()
}

/// A series as the JSON API places it: every occurrence that is not cancelled (those are
/// EXDATEs), under the series' UID, with its recurrence id.
pub(super) fn series_instances(s: &Value) -> Vec<Expected> {
    s["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] == "published")
        .map(|o| Expected {
            instance: Instance {
                uid: s["uid"].as_str().unwrap().to_string(),
                start: utc(&o["starts_at_utc"]),
                end: utc(&o["ends_at_utc"]),
                status: ics_status(o),
                recurrence_id: Some(recurrence_instant(o)),
            },
            rid_known: true,
        })
        .collect()
}

/// The instant of an occurrence's `recurrence_id`: the original start as a wall time with its
/// offset, as the contract gives it.
pub(super) fn recurrence_instant(o: &Value) -> DateTime<Utc> {
    let rid = o["recurrence_id"].as_str().unwrap();
    DateTime::parse_from_rfc3339(rid)
        .unwrap_or_else(|e| panic!("recurrence_id {rid:?} is not a time with its offset: {e}"))
        .with_timezone(&Utc)
}

pub(super) fn parse_instance(e: &Value) -> Instance {
    Instance {
        uid: e["uid"].as_str().unwrap().to_string(),
        start: utc(&e["start"]),
        end: utc(&e["end"]),
        status: e["status"].as_str().map(str::to_string),
        recurrence_id: (!e["recurrence_id"].is_null()).then(|| utc(&e["recurrence_id"])),
    }
}

/// Runs one reader over `paths` in this order, in one process; per file, its instances or
/// the reader's error.
pub(super) fn run_reader(mode: &str, paths: &[&Path]) -> Vec<Result<Vec<Instance>, String>> {
    let out = Command::new(PYTHON)
        .arg(SCRIPT)
        .arg(mode)
        .args(paths)
        .output()
        .unwrap_or_else(|e| panic!("{PYTHON} {SCRIPT}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "read_ics.py {mode} failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("read_ics.py {mode} printed no JSON ({e}): {stdout}"));
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), paths.len(), "{stdout}");
    files
        .iter()
        .map(|f| match f["error"].as_str() {
            Some(error) => Err(error.to_string()),
            None => Ok(f["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(parse_instance)
                .collect()),
        })
        .collect()
}

/// Where `got` differs from `expected`, as lines naming the event, the expected and the read
/// instant. `names` turns UIDs into words.
pub(super) fn differences(
    expected: &[Expected],
    got: &[Instance],
    names: &BTreeMap<String, String>,
) -> Vec<String> {
    let name = |uid: &str| names.get(uid).cloned().unwrap_or_else(|| uid.to_string());
    let show = |i: &Instance| {
        let rid = i
            .recurrence_id
            .map(|r| format!(" (recurrence id {})", r.format("%Y-%m-%dT%H:%MZ")))
            .unwrap_or_default();
        format!(
            "{}–{} {}{rid}",
            i.start.format("%Y-%m-%dT%H:%MZ"),
            i.end.format("%H:%MZ"),
            i.status.as_deref().unwrap_or("no STATUS"),
        )
    };
    let mut uids: Vec<&str> = expected
        .iter()
        .map(|e| e.instance.uid.as_str())
        .chain(got.iter().map(|i| i.uid.as_str()))
        .collect();
    uids.sort();
    uids.dedup();
    let mut out = Vec::new();
    for uid in uids {
        let mut want: Vec<&Expected> = expected.iter().filter(|e| e.instance.uid == uid).collect();
        let mut read: Vec<&Instance> = got.iter().filter(|i| i.uid == uid).collect();
        want.sort_by_key(|e| e.instance.start);
        read.sort_by_key(|i| i.start);
        if want.len() == read.len() {
            for (w, r) in want.iter().zip(&read) {
                if !w.matches(r) {
                    out.push(format!(
                        "{}: expected {}, read {}",
                        name(uid),
                        show(&w.instance),
                        show(r)
                    ));
                }
            }
        } else {
            let want: Vec<String> = want.iter().map(|w| show(&w.instance)).collect();
            let read: Vec<String> = read.iter().map(|r| show(r)).collect();
            out.push(format!(
                "{}: expected {} instance(s) [{}], read {} [{}]",
                name(uid),
                want.len(),
                want.join(", "),
                read.len(),
                read.join(", ")
            ));
        }
    }
    out
}

/// Reads `files` with every reader, each in one process over all files in the given order;
/// vobject, whose zones outlive a file, also reads them in the reverse order and each file
/// alone (a fresh process per file). Panics with every instance that some reader places
/// elsewhere than the JSON API; the files stay on disk then.
pub(super) async fn assert_readers_agree(
    what: &str,
    files: Vec<CalFile>,
    names: BTreeMap<String, String>,
) {
    let problems = tokio::task::spawn_blocking(move || {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let slug: String = f
                    .label
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                let path = dir.path().join(format!("{i:02}-{slug}.ics"));
                std::fs::write(&path, &f.text).unwrap();
                path
            })
            .collect();
        // (what the run is called, its mode, the files each of its processes reads in order)
        let all: Vec<usize> = (0..files.len()).collect();
        let mut runs: Vec<(String, &str, Vec<Vec<usize>>)> = MODES
            .iter()
            .map(|&m| (m.to_string(), m, vec![all.clone()]))
            .collect();
        if files.len() > 1 {
            runs.push((
                "vobject, files in reverse order".into(),
                "vobject",
                vec![all.iter().rev().copied().collect()],
            ));
            runs.push((
                "vobject, each file alone".into(),
                "vobject",
                all.iter().map(|&i| vec![i]).collect(),
            ));
        }
        let mut problems = Vec::new();
        for (run, mode, processes) in runs {
            for order in processes {
                let ordered: Vec<&Path> = order.iter().map(|&i| paths[i].as_path()).collect();
                for (&i, result) in order.iter().zip(run_reader(mode, &ordered)) {
                    let file = &files[i];
                    match result {
                        Err(error) => problems.push(format!("{run}, {}: {error}", file.label)),
                        Ok(got) => problems.extend(
                            differences(&file.expected, &got, &names)
                                .into_iter()
                                .map(|d| format!("{run}, {}: {d}", file.label)),
                        ),
                    }
                }
            }
        }
        if !problems.is_empty() {
            let kept = dir.keep();
            problems.push(format!("(the files read are in {})", kept.display()));
        }
        problems
    })
    .await
    .unwrap();
    assert!(
        problems.is_empty(),
        "{what}: readers place events elsewhere than the JSON API:\n  {}",
        problems.join("\n  ")
    );
}

pub(super) async fn feed(app: &TestApp, path: &str) -> String {
    let (status, body) = app.get_text(path).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

pub(super) async fn series_json(app: &TestApp, id: &Value) -> Value {
    let res = app.get(&format!("/api/v1/series/{id}")).await;
    assert_eq!(res.status().as_u16(), 200);
    res.json().await.unwrap()
}

pub(super) async fn create_series(app: &TestApp, body: Value) -> Value {
    let mut body = body;
    body["format"] = json!("online");
    body["online_url"] = json!("https://meet.example.org/series");
    body["status"] = json!("published");
    body["verify_email"] = json!(false);
    let (status, s) = app.staff_post("/api/v1/series", &body).await;
    assert_eq!(status, 201, "{s}");
    s
}
