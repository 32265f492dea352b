//! The answers the round trip compares on every copy, and the comparison.

use std::collections::BTreeSet;

use serde_json::Value;

use super::fill::{get, Filled};
use crate::helpers::TestApp;

/// One answer: what was asked, its status and its body.
pub type Answer = (String, u16, String);

/// The answers compared on every copy: public pages, JSON, feeds, a material, the manage
/// page (visitor's browser), staff pages (staff browser) and a staff API GET (token).
pub async fn record(app: &TestApp, f: &Filled) -> Vec<Answer> {
    let mut public = vec![
        "/".to_string(),
        "/groups/ssr2".into(),
        "/groups/rssac".into(),
        format!("/series/{}", f.series),
        format!("/groups/ssr2/updates/{}", f.update),
        "/groups/ssr2/input".into(),
        "/api/v1/meetings".into(),
        "/api/v1/groups/ssr2".into(),
        "/api/v1/groups/rssac".into(),
        format!("/api/v1/series/{}", f.series),
        "/api/v1/groups/ssr2/updates".into(),
        "/api/v1/groups/ssr2/input".into(),
        "/calendar.ics".into(),
        "/groups/ssr2/calendar.ics".into(),
        "/groups/rssac/calendar.ics".into(),
        "/groups/ssr2/milestones.ics".into(),
        "/groups/ssr2/updates.atom".into(),
        f.material.clone(),
        f.manage.clone(),
        format!("{}/invite.ics", f.manage),
    ];
    for m in &f.meetings {
        public.push(format!("/meetings/{m}"));
        public.push(format!("/meetings/{m}/calendar.ics"));
        public.push(format!("/api/v1/meetings/{m}"));
    }
    let mut answers = Vec::new();
    for path in public {
        let (status, mut body) = get(app, &f.visitor, &path).await;
        if path.ends_with("/invite.ics") {
            // The one thing normalised: the observer's own invite is stamped with the time
            // it is asked for (DTSTAMP, RFC 5545 3.8.7.2).
            let stamp = |l: &str| match l.starts_with("DTSTAMP:") {
                true => "DTSTAMP:(when asked)".to_string(),
                false => l.to_string(),
            };
            body = body
                .split("\r\n")
                .map(stamp)
                .collect::<Vec<_>>()
                .join("\r\n");
        }
        answers.push((path, status, body));
    }
    let (hybrid, small) = (f.meetings[0], f.meetings[7]);
    for path in [
        format!("/staff/meetings/{hybrid}/registrations"),
        format!("/staff/meetings/{small}/registrations"),
        "/staff/groups/ssr2".to_string(),
        "/staff/audit".to_string(),
    ] {
        let (status, body) = get(app, &f.staff, &path).await;
        answers.push((format!("staff {path}"), status, body));
    }
    for path in [
        format!("/api/v1/meetings/{hybrid}/registrations"),
        format!("/api/v1/meetings/{small}/registrations"),
        format!("/api/v1/meetings/{hybrid}/materials"),
    ] {
        let res = reqwest::Client::new()
            .get(app.url(&path))
            .bearer_auth(&f.token);
        let res = res.send().await.unwrap();
        let (status, body) = (res.status().as_u16(), res.text().await.unwrap());
        answers.push((format!("token {path}"), status, body));
    }
    answers
}

/// Fails on the first answer that differs from `want`, showing the first differing line.
pub fn assert_same(copy: &str, got: &[Answer], want: &[Answer]) {
    assert_eq!(got.len(), want.len());
    for ((path, status, body), (_, want_status, want_body)) in got.iter().zip(want) {
        assert_eq!(status, want_status, "{copy}: GET {path}: {body}");
        if body != want_body {
            let line = body.lines().zip(want_body.lines()).find(|(a, b)| a != b);
            panic!("{copy}: GET {path} answers differently: {line:?}");
        }
    }
}

/// The answers are worth comparing: all found (the draft meeting hidden from the public),
/// the staff pages shown to the signed-in browser, and the site's feed carrying the UIDs
/// the API gives the meetings and the series.
pub fn assert_meaningful(answers: &[Answer], f: &Filled) {
    let draft = format!("/meetings/{}", f.meetings[6]);
    for (path, status, body) in answers {
        let hidden = path.contains(&draft) && !path.starts_with("staff ");
        let want = if hidden { 404 } else { 200 };
        assert_eq!(*status, want, "GET {path}: {body}");
    }
    let body = |path: &str| &answers.iter().find(|a| a.0 == path).unwrap().2;
    let feed_uids: BTreeSet<&str> = body("/calendar.ics")
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let hybrid: Value =
        serde_json::from_str(body(&format!("/api/v1/meetings/{}", f.meetings[0]))).unwrap();
    let series: Value =
        serde_json::from_str(body(&format!("/api/v1/series/{}", f.series))).unwrap();
    for uid in [&hybrid["uid"], &series["uid"]] {
        assert!(
            feed_uids.contains(uid.as_str().unwrap()),
            "{uid} in {feed_uids:?}"
        );
    }
}
