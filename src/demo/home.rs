//! The SSR2 group's public home, from its June 2017 update: the mandate and the five topic
//! areas, the three co-chairs, the key milestones and the update itself.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::members::{self, NewMember};
use crate::db::milestones::{self, MilestoneFields};
use crate::db::updates::{self, UpdateFields};
use crate::db::{self, DbConn};
use crate::domain::{MilestoneStatus, Role, UpdateStatus};

/// Where the team asks for input. The seed names the team's list at icann.org; the demo
/// keeps to example.org so that no demo input is ever forwarded to a real list.
pub const INPUT_EMAIL: &str = "input-to-ssr2rt@example.org";

pub const ABOUT: &str = "\
The Second Security, Stability and Resiliency of the Domain Name System Review Team (\u{201c}SSR2\u{201d}) \
reviews security, operational stability and resiliency matters relating to ICANN\u{2019}s coordination of \
the Internet\u{2019}s system of unique identifiers. Its mandate is set in ICANN\u{2019}s Bylaws.

The team assesses how far ICANN has implemented its security efforts, how effective they are against \
actual and potential threats to the security and stability of the DNS, and whether they are robust \
enough to meet future challenges, consistent with ICANN\u{2019}s Mission.

## Topic areas

At its face-to-face meeting in Madrid the team identified five broad topic areas:

1. Review implementation of the first Security Review Team\u{2019}s report (SSR1)
2. ICANN security processes
3. ICANN DNS security coordination processes
4. Future threats and challenges
5. IANA transition impact

## How we work

The team works through weekly online meetings, e-mail and occasional face-to-face meetings, all \
open to the public. Everyone is welcome to observe, in person or remotely: register for a meeting \
below. Send input on the team\u{2019}s work through the public input archive of this page.
";

/// The three co-chairs, as the update names them.
const CHAIRS: [(&str, &str, &str); 3] = [
    (
        "Denise Michel",
        "Domain Name System Strategy and Management at Facebook, Inc.",
        "GNSO representative, North America",
    ),
    (
        "Eric Osterweil",
        "Principal Scientist at Verisign",
        "RSSAC representative, North America",
    ),
    (
        "Emily Taylor",
        "CEO at Oxford Information Labs Ltd, Associate Fellow Chatham House",
        "GNSO representative, Europe",
    ),
];

const UPDATE_TITLE: &str = "ICANN Security Review Team Update \u{2013} June 2017";

const UPDATE_BODY: &str = "\
The team, made up of volunteers selected by ICANN\u{2019}s Supporting Organizations and Advisory \
Committees and one Board member, started in mid-March and issued its Terms of Reference in May. \
We have been fact-finding and sharing information as we refine the review\u{2019}s focus through \
our scope of work, timeline and detailed work plan.

At our face-to-face meeting in Madrid we identified five broad topic areas to examine:

1. Review implementation of the first Security Review Team\u{2019}s report (SSR1)
2. ICANN security processes
3. ICANN DNS security coordination processes
4. Future threats and challenges
5. IANA transition impact

We started with a broad array of SSR topics, which mirrors the diversity of interests within \
the community and among team members. Some topics will inform our understanding of the SSR \
landscape and ICANN\u{2019}s activities; some will be the focus of more concentrated work.

We are also examining a substantial number of reports and background materials, and have \
received briefings on a range of topics to prepare for the in-depth work.

The team will next meet face to face in Johannesburg. All our meetings are open to observers, \
in person or remotely. Please send any input on the team\u{2019}s work through our publicly \
archived input list.
";

/// A milestone of the update: its date, what happened, and the demo meeting it was (by
/// title), if any.
struct Step {
    date: NaiveDate,
    title: &'static str,
    meeting: Option<&'static str>,
}

fn steps(johannesburg: NaiveDate) -> Vec<Step> {
    let d = |s: &str| s.parse().unwrap_or_default();
    vec![
        Step {
            date: d("2017-02-14"),
            title: "ICANN announced the selection of the 16-member review team",
            meeting: None,
        },
        Step {
            date: d("2017-03-12"),
            title: "Public consultation at ICANN58, Copenhagen",
            meeting: Some("Public consultation at ICANN58"),
        },
        Step {
            date: d("2017-03-16"),
            title: "Face-to-face meeting at ICANN58, Copenhagen",
            meeting: Some("Face-to-face meeting at ICANN58"),
        },
        Step {
            date: d("2017-03-30"),
            title: "Leadership selected: three co-chairs",
            meeting: None,
        },
        Step {
            date: d("2017-05-11"),
            title: "Terms of Reference adopted and delivered to the ICANN Board",
            meeting: None,
        },
        Step {
            date: d("2017-05-15"),
            title: "Face-to-face meeting in Madrid, Spain",
            meeting: Some("Face-to-face meeting in Madrid"),
        },
        Step {
            date: johannesburg,
            title: "Face-to-face meeting in Johannesburg",
            meeting: Some("Face-to-face meeting in Johannesburg"),
        },
    ]
}

/// Writes the group's about and input address, its co-chairs, milestones and the June 2017
/// update (published, dated as it was).
pub fn load(conn: &mut DbConn, group_id: i64, johannesburg: NaiveDate) -> anyhow::Result<()> {
    use crate::db::schema::groups::dsl as g;
    use crate::db::schema::meetings::dsl as m;
    diesel::update(g::groups.find(group_id))
        .set((g::about.eq(ABOUT), g::input_email.eq(INPUT_EMAIL)))
        .execute(conn)?;
    let now = db::now();
    for (name, affiliation, note) in CHAIRS {
        members::insert(
            conn,
            &NewMember {
                group_id,
                name,
                role: Role::Chair.as_str(),
                affiliation: Some(affiliation),
                note: Some(note),
                created_at: now,
            },
        )?;
    }
    let today = now.date();
    for step in steps(johannesburg) {
        let meeting_id = match step.meeting {
            Some(title) => m::meetings
                .filter(m::group_id.eq(group_id))
                .filter(m::title.eq(title))
                .select(m::id)
                .limit(1)
                .get_result::<i64>(conn)
                .optional()?,
            None => None,
        };
        let status = if step.date < today {
            MilestoneStatus::Done
        } else {
            MilestoneStatus::Planned
        };
        let fields = MilestoneFields {
            due_date: step.date,
            title: step.title.into(),
            description: String::new(),
            status: status.as_str().into(),
            meeting_id,
        };
        milestones::insert(conn, group_id, &fields, now)?;
    }
    let fields = UpdateFields {
        title: UPDATE_TITLE.into(),
        body: UPDATE_BODY.into(),
        status: UpdateStatus::Published.as_str().into(),
    };
    let update = updates::insert(conn, group_id, &fields, now)?;
    // Dated as published, and not announced again to anyone who follows later.
    let june = "2017-06-30T12:00:00".parse().unwrap_or(now);
    {
        use crate::db::schema::updates::dsl as u;
        diesel::update(u::updates.find(update.id))
            .set((
                u::published_at.eq(june),
                u::announced_at.eq(june),
                u::created_at.eq(june),
                u::updated_at.eq(june),
            ))
            .execute(conn)?;
    }
    Ok(())
}
