//! The harness itself, on calendars written by hand.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::harness::*;

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
