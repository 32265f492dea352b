//! Independent calendar readers read Quorum's feeds and invites, and every event instance must
//! land at the UTC instant that the JSON API gives ("Time zones that stay true": every client,
//! however many other feeds it has read before, places each event at the JSON API's instant).
//!
//! The readers are the libraries real clients use, installed from Debian packages
//! (`apt-get install python3-vobject python3-gi gir1.2-ical-3.0`) and driven by
//! `tests/readers/read_ics.py` (its header says exactly what each mode does):
//! `vobject` reads like one long-running Radicale process (the first VTIMEZONE of a TZID wins
//! for every later file), `libical-embedded` uses each file's VTIMEZONEs, `libical-builtin`
//! libical's own zones from the system tz database. Without them every test here prints one
//! `skipped:` line and passes, unless `QUORUM_TEST_REQUIRE_READERS=1` (CI) makes it fail.
//!
//! These tests run on SQLite only: what they check is calendar text, a pure function (src/ics)
//! of the meetings that both backends load alike; that both backends store and reload the same
//! instants is what feeds.rs, days.rs and series.rs check on each backend. Each reader start
//! costs a Python process, so running them twice would double the time for nothing new.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, Db, TestApp, MAIL_WAIT};

const PYTHON: &str = "/usr/bin/python3";
const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/readers/read_ics.py");
const SKIP: &str = "skipped: libical/vobject readers not installed \
                    (apt-get install python3-vobject python3-gi gir1.2-ical-3.0)";

/// The reader modes of `read_ics.py`.
const MODES: [&str; 3] = ["vobject", "libical-embedded", "libical-builtin"];

/// Whether the readers can run. When they cannot, prints the skip line once per test, or
/// panics when `QUORUM_TEST_REQUIRE_READERS=1` (as CI sets it).
fn readers_available() -> bool {
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
struct Instance {
    uid: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    status: Option<String>,
    /// The instance's original start (`RECURRENCE-ID`); `None` for an event that does not repeat.
    recurrence_id: Option<DateTime<Utc>>,
}

/// An instance the JSON API gives. Its recurrence id is known for series occurrences (the
/// API's `recurrence_id`) and one-day meetings (none); for the days of a multi-day meeting
/// the API has none to compare with, and a wrong one shows up anyway: the day's override
/// would not replace its instance.
#[derive(Clone, Debug)]
struct Expected {
    instance: Instance,
    rid_known: bool,
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
struct CalFile {
    label: String,
    text: String,
    expected: Vec<Expected>,
}

fn utc(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not a date-time: {v}"));
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// The STATUS calendars carry for a meeting of this JSON `status`.
fn ics_status(m: &Value) -> Option<String> {
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
fn meeting_instances(m: &Value) -> Vec<Expected> {
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
fn series_instances(s: &Value) -> Vec<Expected> {
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

/// The instant of an occurrence's `recurrence_id`. The contract has it as a wall time with
/// its offset; the API gives the bare wall time (`2027-03-10T14:00`) today, which takes the
/// offset of the occurrence's own `starts_at`: the tests move occurrences by hours within a
/// day, away from any change of offset.
fn recurrence_instant(o: &Value) -> DateTime<Utc> {
    let rid = o["recurrence_id"].as_str().unwrap();
    if let Ok(t) = DateTime::parse_from_rfc3339(rid) {
        return t.with_timezone(&Utc);
    }
    let starts_at = o["starts_at"].as_str().unwrap();
    assert_eq!(rid[..10], starts_at[..10], "moved to another day: {o}");
    let offset = &starts_at[19..];
    utc(&json!(format!("{rid}:00{offset}")))
}

fn parse_instance(e: &Value) -> Instance {
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
fn run_reader(mode: &str, paths: &[&Path]) -> Vec<Result<Vec<Instance>, String>> {
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
fn differences(
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
async fn assert_readers_agree(what: &str, files: Vec<CalFile>, names: BTreeMap<String, String>) {
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

async fn feed(app: &TestApp, path: &str) -> String {
    let (status, body) = app.get_text(path).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

async fn series_json(app: &TestApp, id: &Value) -> Value {
    let res = app.get(&format!("/api/v1/series/{id}")).await;
    assert_eq!(res.status().as_u16(), 200);
    res.json().await.unwrap()
}

async fn create_series(app: &TestApp, body: Value) -> Value {
    let mut body = body;
    body["format"] = json!("online");
    body["online_url"] = json!("https://meet.example.org/series");
    body["status"] = json!("published");
    body["verify_email"] = json!(false);
    let (status, s) = app.staff_post("/api/v1/series", &body).await;
    assert_eq!(status, 201, "{s}");
    s
}

/// What one zone's case creates: a one-off meeting, two days around a change of offset, and a
/// weekly series across one (wall times in the zone).
struct ZoneCase {
    zone: &'static str,
    one_off: (&'static str, &'static str),
    days: [(&'static str, &'static str); 2],
    series_first_start: &'static str,
    series_weekday: &'static str,
}

/// Creates the zone's meetings through the JSON API, registers for each (one invite each),
/// then reads the group feed, `/calendar.ics`, every meeting feed (the series' occurrences'
/// too) and every invite with every reader. The series has a cancelled occurrence (an EXDATE)
/// and a moved one (a RECURRENCE-ID override).
async fn zone_case(case: ZoneCase) {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let zone = case.zone;
    let group = zone.to_lowercase().replace(['/', '_'], "-");
    app.create_group(&group).await;
    let one_off = app
        .create_meeting(
            json!({"group": group, "title": format!("{zone} one-off"), "timezone": zone,
                               "starts_at": case.one_off.0, "ends_at": case.one_off.1}),
        )
        .await;
    let days: Vec<Value> = case
        .days
        .iter()
        .map(|(s, e)| json!({"starts_at": s, "ends_at": e}))
        .collect();
    let two_days = app
        .create_meeting(
            json!({"group": group, "title": format!("{zone} two days"), "timezone": zone,
                               "days": days, "starts_at": null, "ends_at": null}),
        )
        .await;
    let series = create_series(
        &app,
        json!({"group": group, "title": format!("{zone} weekly"), "timezone": zone,
               "first_start": case.series_first_start, "duration_minutes": 90,
               "weekdays": [case.series_weekday], "count": 6}),
    )
    .await;
    let occurrences = series["occurrences"].as_array().unwrap().clone();
    assert_eq!(occurrences.len(), 6, "{series}");
    // One occurrence called off, one moved two hours later on its day.
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/meetings/{}/cancel", occurrences[1]["id"])))
        .bearer_auth(&app.api_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let moved = &occurrences[4];
    let day = &moved["recurrence_id"].as_str().unwrap()[..10];
    let time = &moved["recurrence_id"].as_str().unwrap()[11..16];
    let hour: u32 = time[..2].parse().unwrap();
    let (status, m) = app
        .staff_patch(
            &format!("/api/v1/meetings/{}", moved["id"]),
            &json!({"starts_at": format!("{day}T{:02}{}", hour + 2, &time[2..]),
                    "ends_at": format!("{day}T{:02}{}", hour + 3, &time[2..])}),
        )
        .await;
    assert_eq!(status, 200, "{m}");

    // One registration each: three invites.
    for (path, email) in [
        (
            format!("/api/v1/meetings/{}/registrations", one_off["id"]),
            "one-off@example.org",
        ),
        (
            format!("/api/v1/meetings/{}/registrations", two_days["id"]),
            "two-days@example.org",
        ),
        (
            format!("/api/v1/series/{}/registrations", series["id"]),
            "series@example.org",
        ),
    ] {
        let (status, body) = app
            .staff_post(
                &path,
                &json!({"name": "Observer", "email": email, "attendance": "remote"}),
            )
            .await;
        assert_eq!(status, 201, "{path}: {body}");
    }
    let mails = app.smtp.wait_for(3, MAIL_WAIT).await;
    let invite = |email: &str| -> String {
        let mail = mails
            .iter()
            .find(|m| m.envelope_to == [email.to_string()])
            .unwrap_or_else(|| panic!("no mail to {email}"));
        mail.calendar
            .as_ref()
            .unwrap_or_else(|| panic!("the mail to {email} has no invite"))
            .body
            .clone()
    };

    // The truth: the JSON API, after every change.
    let one_off = app.meeting(one_off["id"].as_i64().unwrap()).await;
    let two_days = app.meeting(two_days["id"].as_i64().unwrap()).await;
    let series = series_json(&app, &series["id"]).await;
    let mut names = BTreeMap::new();
    for (m, what) in [
        (&one_off, "one-off meeting"),
        (&two_days, "two-day meeting"),
        (&series, "weekly series"),
    ] {
        names.insert(
            m["uid"].as_str().unwrap().to_string(),
            format!("{zone} {what}"),
        );
    }
    let everything: Vec<Expected> = [
        meeting_instances(&one_off),
        meeting_instances(&two_days),
        series_instances(&series),
    ]
    .concat();
    let mut files = vec![
        CalFile {
            label: "group feed".into(),
            text: feed(&app, &format!("/groups/{group}/calendar.ics")).await,
            expected: everything.clone(),
        },
        CalFile {
            label: "/calendar.ics".into(),
            text: feed(&app, "/calendar.ics").await,
            expected: everything,
        },
    ];
    for (m, what) in [(&one_off, "one-off"), (&two_days, "two-day")] {
        files.push(CalFile {
            label: format!("{what} meeting feed"),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", m["id"])).await,
            expected: meeting_instances(m),
        });
    }
    for (n, o) in series["occurrences"].as_array().unwrap().iter().enumerate() {
        names.insert(
            o["uid"].as_str().unwrap().to_string(),
            format!("{zone} series occurrence {}", n + 1),
        );
        files.push(CalFile {
            label: format!("occurrence {} feed", n + 1),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", o["id"])).await,
            expected: meeting_instances(o),
        });
    }
    files.extend([
        CalFile {
            label: "one-off invite".into(),
            text: invite("one-off@example.org"),
            expected: meeting_instances(&one_off),
        },
        CalFile {
            label: "two-day invite".into(),
            text: invite("two-days@example.org"),
            expected: meeting_instances(&two_days),
        },
        CalFile {
            label: "series invite".into(),
            text: invite("series@example.org"),
            expected: series_instances(&series),
        },
    ]);
    assert_readers_agree(zone, files, names).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_madrid() {
    // Summer (only CEST near it); 27/28 March around the change to CEST, the second day
    // shorter (an override); Wednesdays from 10 March to 14 April.
    zone_case(ZoneCase {
        zone: "Europe/Madrid",
        one_off: ("2027-07-15T10:00", "2027-07-15T12:00"),
        days: [
            ("2027-03-27T09:00", "2027-03-27T18:00"),
            ("2027-03-28T10:00", "2027-03-28T14:00"),
        ],
        series_first_start: "2027-03-10T14:00",
        series_weekday: "WE",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_new_york() {
    // July (only EDT near it); 6/7 November around the end of EDT, the same hours (no
    // override); Thursdays from 21 October to 25 November.
    zone_case(ZoneCase {
        zone: "America/New_York",
        one_off: ("2027-07-20T09:00", "2027-07-20T10:00"),
        days: [
            ("2027-11-06T09:00", "2027-11-06T17:00"),
            ("2027-11-07T09:00", "2027-11-07T17:00"),
        ],
        series_first_start: "2027-10-21T09:30",
        series_weekday: "TH",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_kolkata() {
    // No DST at all (+05:30): the weekend Europe changes, and Mondays in March.
    zone_case(ZoneCase {
        zone: "Asia/Kolkata",
        one_off: ("2027-03-28T15:00", "2027-03-28T16:00"),
        days: [
            ("2027-10-30T10:00", "2027-10-30T17:00"),
            ("2027-10-31T09:00", "2027-10-31T13:00"),
        ],
        series_first_start: "2027-03-01T18:30",
        series_weekday: "MO",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_on_lord_howe() {
    // A 30-minute DST: +11 until 4 April 2027, +10:30 until 3 October. The morning after the
    // April change; 2/3 October around the October one; Tuesdays from 16 March to 20 April.
    zone_case(ZoneCase {
        zone: "Australia/Lord_Howe",
        one_off: ("2027-04-04T09:00", "2027-04-04T10:00"),
        days: [
            ("2027-10-02T09:00", "2027-10-02T17:00"),
            ("2027-10-03T09:00", "2027-10-03T17:00"),
        ],
        series_first_start: "2027-03-16T10:00",
        series_weekday: "TU",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_sao_paulo() {
    // No DST since 2019 (-03 all year): dates in the season that was summer time until then.
    zone_case(ZoneCase {
        zone: "America/Sao_Paulo",
        one_off: ("2027-11-10T10:00", "2027-11-10T11:00"),
        days: [
            ("2027-11-06T09:00", "2027-11-06T17:00"),
            ("2027-11-07T10:00", "2027-11-07T12:00"),
        ],
        series_first_start: "2027-10-20T10:00",
        series_weekday: "WE",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_casablanca() {
    // +01, but +00 during Ramadan (7 February to 14 March 2027): May; 13/14 March around the
    // return to +01; Mondays from 25 January to 1 March, across the change to +00.
    zone_case(ZoneCase {
        zone: "Africa/Casablanca",
        one_off: ("2027-05-12T10:00", "2027-05-12T11:00"),
        days: [
            ("2027-03-13T09:00", "2027-03-13T17:00"),
            ("2027-03-14T09:00", "2027-03-14T17:00"),
        ],
        series_first_start: "2027-01-25T10:00",
        series_weekday: "MO",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_on_chatham() {
    // +12:45 and +13:45 (until 4 April, from 26 September 2027): just after the September
    // change; 3/4 April around the April one; Fridays from 10 September to 15 October.
    zone_case(ZoneCase {
        zone: "Pacific/Chatham",
        one_off: ("2027-09-28T09:00", "2027-09-28T10:00"),
        days: [
            ("2027-04-03T09:00", "2027-04-03T17:00"),
            ("2027-04-04T09:00", "2027-04-04T17:00"),
        ],
        series_first_start: "2027-09-10T09:00",
        series_weekday: "FR",
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_agree_with_the_api_in_vancouver() {
    // The day after PDT starts (14 March 2027); 13/14 March around it, the second day shorter;
    // Tuesdays from 2 November to 7 December, across the end of PDT.
    zone_case(ZoneCase {
        zone: "America/Vancouver",
        one_off: ("2027-03-15T09:00", "2027-03-15T10:00"),
        days: [
            ("2027-03-13T09:00", "2027-03-13T17:00"),
            ("2027-03-14T10:00", "2027-03-14T12:00"),
        ],
        series_first_start: "2027-11-02T16:00",
        series_weekday: "TU",
    })
    .await;
}

/// One Radicale process keeps the first VTIMEZONE it sees for a TZID. A New York feed whose
/// meeting is in July, then a Madrid series across DST, then a New York series in winter; and
/// the same three in the reverse order: in both orders every event must stay where the JSON
/// API has it, whatever the first New York VTIMEZONE covered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn radicale_keeps_the_first_vtimezone_and_every_order_stays_true() {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    for g in ["ny-summer", "madrid", "ny-winter"] {
        app.create_group(g).await;
    }
    let july = app
        .create_meeting(json!({"group": "ny-summer", "title": "New York in July", "timezone": "America/New_York",
                               "starts_at": "2027-07-20T09:00", "ends_at": "2027-07-20T10:00"}))
        .await;
    let madrid = create_series(
        &app,
        json!({"group": "madrid", "title": "Madrid weekly", "timezone": "Europe/Madrid",
               "first_start": "2027-03-10T14:00", "duration_minutes": 60, "weekdays": ["WE"], "count": 6}),
    )
    .await;
    let winter = create_series(
        &app,
        json!({"group": "ny-winter", "title": "New York winter weekly", "timezone": "America/New_York",
               "first_start": "2027-11-10T09:00", "duration_minutes": 60, "weekdays": ["WE"], "count": 8}),
    )
    .await;
    let names: BTreeMap<String, String> = [
        (&july, "New York July meeting"),
        (&madrid, "Madrid series"),
        (&winter, "New York winter series"),
    ]
    .iter()
    .map(|(v, n)| (v["uid"].as_str().unwrap().to_string(), n.to_string()))
    .collect();
    let july_feed = CalFile {
        label: "New York July meeting feed".into(),
        text: feed(&app, &format!("/meetings/{}/calendar.ics", july["id"])).await,
        expected: meeting_instances(&july),
    };
    let madrid_feed = CalFile {
        label: "Madrid series feed".into(),
        text: feed(&app, "/groups/madrid/calendar.ics").await,
        expected: series_instances(&madrid),
    };
    let winter_feed = CalFile {
        label: "New York winter series feed".into(),
        text: feed(&app, "/groups/ny-winter/calendar.ics").await,
        expected: series_instances(&winter),
    };
    // assert_readers_agree reads them in this order and (vobject) in the reverse one.
    assert_readers_agree(
        "New York July, Madrid, New York winter",
        vec![july_feed, madrid_feed, winter_feed],
        names,
    )
    .await;
}

/// Casablanca is +01, but +00 in Ramadan (7 February to 14 March 2027). A May meeting's feed
/// and invite, each read by a fresh vobject with nothing registered before, must put it at
/// 09:00 UTC (10:00 local). vobject leaves out a VTIMEZONE that it finds equal to UTC (zero
/// offset on 2000-01-01, no DST change in 2000-2019), and its times then float: Radicale
/// reads them as UTC.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vobject_reads_a_casablanca_meeting_in_may_at_its_instant() {
    if !readers_available() {
        return;
    }
    let app = spawn_app(Db::Sqlite).await.unwrap();
    let may = app
        .create_meeting(
            json!({"title": "Casablanca in May", "timezone": "Africa/Casablanca",
                               "starts_at": "2027-05-12T10:00", "ends_at": "2027-05-12T11:00"}),
        )
        .await;
    assert_eq!(may["starts_at_utc"], "2027-05-12T09:00:00Z", "{may}");
    let (status, body) = app
        .staff_post(
            &format!("/api/v1/meetings/{}/registrations", may["id"]),
            &json!({"name": "Observer", "email": "may@example.org", "attendance": "remote"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mail = app.smtp.wait_for(1, MAIL_WAIT).await.remove(0);
    let names = BTreeMap::from([(
        may["uid"].as_str().unwrap().to_string(),
        "Casablanca May meeting".to_string(),
    )]);
    let files = vec![
        CalFile {
            label: "May meeting feed".into(),
            text: feed(&app, &format!("/meetings/{}/calendar.ics", may["id"])).await,
            expected: meeting_instances(&may),
        },
        CalFile {
            label: "May meeting invite".into(),
            text: mail.calendar.expect("an invite").body,
            expected: meeting_instances(&may),
        },
    ];
    assert_readers_agree("Africa/Casablanca in May", files, names).await;
}

// The harness itself, on calendars written by hand whose instants are known.

/// America/New_York and Australia/Lord_Howe written as calendar clients write them (yearly
/// RRULEs), and events whose UTC instants are worked out by hand.
const WELL_FORMED: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Quorum tests//hand-written//EN\r
BEGIN:VTIMEZONE\r
TZID:America/New_York\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
TZNAME:EDT\r
DTSTART:20070311T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
TZNAME:EST\r
DTSTART:20071104T020000\r
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VTIMEZONE\r
TZID:Australia/Lord_Howe\r
BEGIN:STANDARD\r
TZOFFSETFROM:+1100\r
TZOFFSETTO:+1030\r
DTSTART:20080406T020000\r
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+1030\r
TZOFFSETTO:+1100\r
DTSTART:20081005T020000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:weekly\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=America/New_York:20270303T090000\r
DTEND;TZID=America/New_York:20270303T100000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
EXDATE;TZID=America/New_York:20270310T090000\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly\r
DTSTAMP:20261201T000000Z\r
RECURRENCE-ID;TZID=America/New_York:20270317T090000\r
DTSTART;TZID=America/New_York:20270317T110000\r
DTEND;TZID=America/New_York:20270317T113000\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:days\r
DTSTAMP:20261201T000000Z\r
DTSTART;TZID=Australia/Lord_Howe:20270403T090000\r
DTEND;TZID=Australia/Lord_Howe:20270403T170000\r
RRULE:FREQ=DAILY;COUNT=2\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn known(uid: &str, rid: Option<&str>, start: &str, end: &str, status: &str) -> Expected {
    Expected {
        instance: Instance {
            uid: uid.into(),
            start: at(start),
            end: at(end),
            status: Some(status.into()),
            recurrence_id: rid.map(at),
        },
        rid_known: true,
    }
}

/// The readers expand rules, EXDATEs and overrides and resolve full VTIMEZONEs correctly, so
/// a difference in the tests above is the calendar's, not the harness's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readers_place_a_hand_written_calendar_where_it_belongs() {
    if !readers_available() {
        return;
    }
    let c = "CONFIRMED";
    let expected = vec![
        // 09:00 EST, then EDT from 14 March; the 10th is an EXDATE; the 17th moved to 11:00.
        known(
            "weekly",
            Some("2027-03-03T14:00:00Z"),
            "2027-03-03T14:00:00Z",
            "2027-03-03T15:00:00Z",
            c,
        ),
        known(
            "weekly",
            Some("2027-03-17T13:00:00Z"),
            "2027-03-17T15:00:00Z",
            "2027-03-17T15:30:00Z",
            c,
        ),
        known(
            "weekly",
            Some("2027-03-24T13:00:00Z"),
            "2027-03-24T13:00:00Z",
            "2027-03-24T14:00:00Z",
            c,
        ),
        // 09:00 at +11 on the 3rd, at +10:30 on the 4th (the change is at 02:00 that night).
        known(
            "days",
            Some("2027-04-02T22:00:00Z"),
            "2027-04-02T22:00:00Z",
            "2027-04-03T06:00:00Z",
            "CANCELLED",
        ),
        known(
            "days",
            Some("2027-04-03T22:30:00Z"),
            "2027-04-03T22:30:00Z",
            "2027-04-04T06:30:00Z",
            "CANCELLED",
        ),
    ];
    let file = |label: &str| CalFile {
        label: label.into(),
        text: WELL_FORMED.into(),
        expected: expected.clone(),
    };
    assert_readers_agree(
        "hand-written calendar",
        vec![file("first copy"), file("second copy")],
        BTreeMap::new(),
    )
    .await;
}

/// How the harness reproduces Radicale: in one vobject process the first VTIMEZONE of a TZID
/// wins and a later one with the same TZID is ignored, while libical reads each file with its
/// own. (A made-up TZID, so libical has no built-in zone for it.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vobject_keeps_the_first_vtimezone_of_a_tzid_and_libical_each_files_own() {
    if !readers_available() {
        return;
    }
    let calendar = |offset: &str, uid: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quorum tests//hand-written//EN\r\n\
             BEGIN:VTIMEZONE\r\nTZID:Test/Fixed\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:{offset}\r\n\
             TZOFFSETTO:{offset}\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\n\
             DTSTART;TZID=Test/Fixed:20270601T120000\r\nDTEND;TZID=Test/Fixed:20270601T130000\r\n\
             END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let read = |mode: &'static str| {
        let (plus_one, plus_five) = (calendar("+0100", "a"), calendar("+0500", "b"));
        tokio::task::spawn_blocking(move || {
            let dir = tempfile::tempdir().unwrap();
            let (a, b) = (dir.path().join("a.ics"), dir.path().join("b.ics"));
            std::fs::write(&a, plus_one).unwrap();
            std::fs::write(&b, plus_five).unwrap();
            run_reader(mode, &[&a, &b])
                .into_iter()
                .map(|r| r.unwrap()[0].start)
                .collect::<Vec<_>>()
        })
    };
    let vobject = read("vobject").await.unwrap();
    assert_eq!(
        vobject,
        [at("2027-06-01T11:00:00Z"), at("2027-06-01T11:00:00Z")],
        "the first registration (+01:00) wins for the second file too"
    );
    let libical = read("libical-embedded").await.unwrap();
    assert_eq!(
        libical,
        [at("2027-06-01T11:00:00Z"), at("2027-06-01T07:00:00Z")],
        "each file's own VTIMEZONE"
    );
}
