//! Demo data: the SSR2 review team (from its June 2017 update), its face-to-face meetings
//! in Copenhagen, Madrid and Johannesburg, its weekly online calls, and its public home:
//! mandate, co-chairs, milestones and the update itself (`home`).

mod home;

use crate::domain::days::RawDay;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use diesel::prelude::*;

use crate::auth::{self, Role};
use crate::db::{self, DbConn};
use crate::domain::group::GroupInput;
use crate::domain::meeting::MeetingInput;
use crate::services::groups as group_service;
use crate::services::meetings as service;

pub const DEMO_EMAIL: &str = "admin@ssr2.example.org";

pub struct DemoLogin {
    pub email: String,
    pub password: String,
}

/// Loads the demo when the database holds no group yet.
pub fn load_if_empty(conn: &mut DbConn, base_url: &str) -> anyhow::Result<Option<DemoLogin>> {
    use crate::db::schema::groups::dsl as g;
    let n: i64 = g::groups.count().get_result(conn)?;
    if n > 0 {
        return Ok(None);
    }
    load(conn, base_url)
}

fn wall(t: NaiveDateTime) -> Option<String> {
    Some(t.format("%Y-%m-%dT%H:%M").to_string())
}

fn day(start: NaiveDateTime, end: NaiveDateTime) -> RawDay {
    RawDay {
        starts_at: wall(start),
        ends_at: wall(end),
    }
}

fn at_str(date: &str, h: u32, m: u32) -> NaiveDateTime {
    at(date.parse().unwrap_or_default(), h, m)
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap_or_default()
}

fn next_weekday(from: NaiveDate, day: Weekday) -> NaiveDate {
    let mut d = from;
    while d.weekday() != day {
        d += Duration::days(1);
    }
    d
}

/// Loads the demo group and meetings; returns the new staff login, or `None` if the demo
/// staff account existed already. Fails if the group exists.
pub fn load(conn: &mut DbConn, base_url: &str) -> anyhow::Result<Option<DemoLogin>> {
    if crate::db::groups::find_by_slug(conn, "ssr2")?.is_some() {
        anyhow::bail!("the demo group ssr2 exists already");
    }
    crate::db::write_tx(conn, |conn| -> anyhow::Result<Option<DemoLogin>> {
        let group = group_service::create(conn, &GroupInput {
            slug: Some("ssr2".into()),
            name: Some("SSR2 Review Team".into()),
            description: Some("The Second Security, Stability and Resiliency of the Domain Name System Review Team reviews security, operational stability and resiliency matters relating to the coordination of the Internet's system of unique identifiers. It works through weekly online meetings, e-mail and occasional face-to-face meetings, all open to public observers, in person or remotely.".into()),
            contact_email: Some("ssr2-secretariat@example.org".into()),
            ..GroupInput::default()
        }, None).map_err(|e| anyhow::anyhow!("demo group: {e:?}"))?;

        let today = db::now().date();
        let jnb_day = next_weekday(today + Duration::days(45), Weekday::Mon);
        let call_day = next_weekday(today + Duration::days(1), Weekday::Wed);
        let meetings = vec![
            MeetingInput {
                title: Some("Public consultation at ICANN58".into()),
                description: Some("The team's public consultation with the community at ICANN58.".into()),
                format: Some("hybrid".into()),
                timezone: Some("Europe/Copenhagen".into()),
                starts_at: Some("2017-03-12T13:45".into()),
                ends_at: Some("2017-03-12T15:00".into()),
                venue: Some("Bella Center, Hall A3".into()),
                address: Some("Center Boulevard 5".into()),
                city: Some("Copenhagen".into()),
                country: Some("Denmark".into()),
                online_url: Some("https://meet.example.org/icann58-ssr2".into()),
                ..base()
            },
            MeetingInput {
                title: Some("Face-to-face meeting at ICANN58".into()),
                description: Some("Working session of the review team at ICANN58.".into()),
                format: Some("hybrid".into()),
                timezone: Some("Europe/Copenhagen".into()),
                starts_at: Some("2017-03-16T09:00".into()),
                ends_at: Some("2017-03-16T17:00".into()),
                venue: Some("Bella Center, Room 20".into()),
                address: Some("Center Boulevard 5".into()),
                city: Some("Copenhagen".into()),
                country: Some("Denmark".into()),
                online_url: Some("https://meet.example.org/ssr2-copenhagen".into()),
                in_person_capacity: Some(40),
                ..base()
            },
            MeetingInput {
                title: Some("Face-to-face meeting in Madrid".into()),
                description: Some("Two-day meeting. The team identified five topic areas: SSR1 implementation, ICANN security processes, DNS security coordination, future threats and challenges, and the impact of the IANA transition.".into()),
                format: Some("hybrid".into()),
                timezone: Some("Europe/Madrid".into()),
                // A long first day, a shorter second one.
                starts_at: None,
                ends_at: None,
                days: Some(vec![
                    day(at_str("2017-05-15", 9, 0), at_str("2017-05-15", 18, 0)),
                    day(at_str("2017-05-16", 9, 0), at_str("2017-05-16", 15, 0)),
                ]),
                venue: Some("Hotel Meliá Castilla".into()),
                address: Some("Calle del Capitán Haya 43".into()),
                city: Some("Madrid".into()),
                country: Some("Spain".into()),
                online_url: Some("https://meet.example.org/ssr2-madrid".into()),
                in_person_capacity: Some(30),
                ..base()
            },
            MeetingInput {
                title: Some("Face-to-face meeting in Johannesburg".into()),
                description: Some("Two-day working meeting of the review team. Observers are welcome in the room (limited seats) and remotely.".into()),
                format: Some("hybrid".into()),
                timezone: Some("Africa/Johannesburg".into()),
                starts_at: None,
                ends_at: None,
                days: Some(vec![
                    day(at(jnb_day, 9, 0), at(jnb_day, 18, 0)),
                    day(at(jnb_day + Duration::days(1), 9, 0), at(jnb_day + Duration::days(1), 15, 0)),
                ]),
                venue: Some("Sandton Convention Centre, Room 4".into()),
                address: Some("161 Maude Street, Sandown".into()),
                city: Some("Johannesburg".into()),
                country: Some("South Africa".into()),
                online_url: Some("https://meet.example.org/ssr2-johannesburg".into()),
                online_details: Some("Dial-in: +27 11 000 0000, code 4471 2290".into()),
                in_person_capacity: Some(25),
                remote_capacity: Some(200),
                ..base()
            },
        ];
        for input in &meetings {
            service::create(conn, input, base_url, None)
                .map_err(|e| anyhow::anyhow!("demo meeting {:?}: {e:?}", input.title))?;
        }
        let (actor, login) = match crate::db::staff::find_by_email(conn, DEMO_EMAIL)? {
            Some(existing) => (existing, None),
            None => {
                let password = crate::domain::token::generate()[..16].to_string();
                let account = auth::create_staff(
                    conn,
                    DEMO_EMAIL,
                    "SSR2 Secretariat",
                    Role::Admin,
                    &password,
                )?;
                (
                    account,
                    Some(DemoLogin {
                        email: DEMO_EMAIL.into(),
                        password,
                    }),
                )
            }
        };
        weekly_calls(conn, base_url, call_day, &actor)?;
        home::load(conn, group.id, jnb_day)?;
        Ok(login)
    })
}

/// The weekly plenary calls as one series, two weeks under way, with one call moved and
/// one cancelled, so the feature shows at once.
fn weekly_calls(
    conn: &mut DbConn,
    base_url: &str,
    next_call: NaiveDate,
    actor: &crate::db::staff::Staff,
) -> anyhow::Result<()> {
    use crate::domain::series::SeriesInput;
    use crate::services::series;
    let first = next_call - Duration::weeks(2);
    let input = SeriesInput {
        group: Some("ssr2".into()),
        title: Some("SSR2 weekly plenary call".into()),
        description: Some("Weekly plenary call of the review team, open to observers. Agenda and notes on the team's wiki.".into()),
        format: Some("online".into()),
        timezone: Some("Europe/Madrid".into()),
        first_start: wall(at(first, 14, 0)),
        duration_minutes: Some(90),
        interval_weeks: Some(1),
        weekdays: Some(vec!["WE".into()]),
        count: Some(26),
        online_url: Some("https://meet.example.org/ssr2-weekly".into()),
        online_details: Some("Audio only: +1 555 0100, code 8812".into()),
        online_url_visibility: Some("registrants".into()),
        waitlist: Some(true),
        status: Some("published".into()),
        ..SeriesInput::default()
    };
    let (_, occurrences) = series::create(conn, &input, base_url, Some(actor))
        .map_err(|e| anyhow::anyhow!("demo series: {e:?}"))?;
    let ctx = crate::mail::MailContext {
        base_url: base_url.to_string(),
        from: "Quorum <noreply@localhost>".parse()?,
        pending: chrono::Duration::hours(48),
        caps: crate::mail::context::MailCaps::new(5, base_url.as_bytes()),
    };
    // The third call from now moves to Thursday 15:00; the fifth is cancelled.
    if let Some(m) = occurrences.get(4) {
        let group = crate::db::groups::find(conn, m.group_id)?;
        let mut moved = crate::services::meetings::input_from(m, &group);
        let day = m.recurrence_local.unwrap_or(m.starts_at).date() + Duration::days(1);
        moved.starts_at = wall(at(day, 15, 0));
        moved.ends_at = wall(at(day, 16, 30));
        moved.title = Some("SSR2 weekly plenary call (moved to Thursday)".into());
        crate::services::meetings::update(conn, &ctx, m.id, &moved, actor)
            .map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
    }
    if let Some(m) = occurrences.get(6) {
        crate::services::meetings::cancel(
            conn,
            &ctx,
            m.id,
            Some("No call this week: the team meets face to face."),
            actor,
        )
        .map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
    }
    Ok(())
}

fn base() -> MeetingInput {
    MeetingInput {
        group: Some("ssr2".into()),
        status: Some("published".into()),
        waitlist: Some(true),
        online_url_visibility: Some("registrants".into()),
        ..MeetingInput::default()
    }
}
