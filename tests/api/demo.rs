//! The demo data, read back through HTTP: the SSR2 group's public home from its June 2017
//! update (mandate and topic areas, co-chairs, milestones, the update, the input address)
//! beside the past and coming meetings.

use crate::helpers::{spawn_app, Db};

crate::both_backends!(demo_group_home_comes_from_the_seed);

async fn demo_group_home_comes_from_the_seed(db: Db) {
    let Some(app) = spawn_app(db).await else {
        return;
    };
    let pool = app.pool.clone();
    let base = app.url("");
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        quorum::demo::load(&mut conn, &base).unwrap();
    })
    .await
    .unwrap();

    let group: serde_json::Value = app.get("/api/v1/groups/ssr2").await.json().await.unwrap();
    let about = group["about"].as_str().unwrap();
    assert!(about.contains("Bylaws"), "the mandate: {about}");
    for area in [
        "Review implementation of the first Security Review Team",
        "ICANN security processes",
        "ICANN DNS security coordination processes",
        "Future threats and challenges",
        "IANA transition impact",
    ] {
        assert!(about.contains(area), "topic area {area:?} in {about}");
    }
    assert_eq!(group["input_email"], "input-to-ssr2rt@example.org");

    let people: Vec<(&str, &str)> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap(), m["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        people,
        [
            ("Denise Michel", "chair"),
            ("Eric Osterweil", "chair"),
            ("Emily Taylor", "chair")
        ]
    );
    assert!(group["members"][1]["affiliation"]
        .as_str()
        .unwrap()
        .contains("Verisign"));

    let milestones = group["milestones"].as_array().unwrap();
    let dates: Vec<&str> = milestones
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        &dates[..6],
        [
            "2017-02-14",
            "2017-03-12",
            "2017-03-16",
            "2017-03-30",
            "2017-05-11",
            "2017-05-15"
        ]
    );
    assert_eq!(milestones.len(), 7, "and Johannesburg, ahead");
    assert!(milestones[..6].iter().all(|m| m["status"] == "done"));
    assert_eq!(milestones[6]["status"], "planned");
    // Meetings that were milestones link to them.
    for i in [1, 2, 5, 6] {
        assert!(
            milestones[i]["meeting_url"].is_string(),
            "{}",
            milestones[i]
        );
    }

    let updates: serde_json::Value = app
        .get("/api/v1/groups/ssr2/updates")
        .await
        .json()
        .await
        .unwrap();
    let update = &updates["updates"][0];
    assert!(update["title"].as_str().unwrap().contains("June 2017"));
    assert!(update["published_at"]
        .as_str()
        .unwrap()
        .starts_with("2017-06"));
    let (status, atom) = app.get_text("/groups/ssr2/updates.atom").await;
    assert_eq!(status, 200);
    assert!(atom.contains("June 2017"));

    // The past face-to-face meetings and the coming ones, as before.
    let (_, past) = app.get_text("/meetings/past").await;
    assert!(past.contains("Face-to-face meeting at ICANN58"));
    assert!(past.contains("Face-to-face meeting in Madrid"));
    let (_, page) = app.get_text("/groups/ssr2").await;
    assert!(page.contains("Face-to-face meeting in Johannesburg"));
    assert!(page.contains("Emily Taylor"));
}
