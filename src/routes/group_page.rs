//! The group's public home `/groups/{slug}`: about, the next meeting, what is coming (a
//! series as one line), the timeline, people, recent input, updates and ways to follow.

use std::collections::HashSet;

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::groups::Group;
use crate::db::meetings::{self, Listing, Meeting, SeatCounts};
use crate::db::{self, DbConn};
use crate::domain::{MeetingStatus, Role};
use crate::error::{AppError, HtmlError};
use crate::i18n::Lang;
use crate::listing::{Loaded, Upcoming};
use crate::state::AppState;
use crate::timeline::TimelineItem;
use crate::views::{self, DayLine, SeatView, SubscribeLinks};

/// The meeting shown first: what a person needs to go to it.
pub struct NextMeeting {
    pub id: i64,
    pub title: String,
    pub when: Vec<DayLine>,
    pub format_place: String,
    pub seats: Vec<SeatView>,
    pub join_url: Option<String>,
    /// Why registration is not open, when it is not, in the reader's language.
    pub closed: Option<String>,
    pub series: Option<i64>,
}

impl NextMeeting {
    fn new(lang: Lang, m: &Meeting, counts: &SeatCounts) -> NextMeeting {
        NextMeeting {
            id: m.id,
            title: m.title.clone(),
            when: views::day_lines(lang, m),
            format_place: views::format_and_place(lang, m),
            seats: views::seats(lang, m, counts),
            join_url: m.public_online_url().map(str::to_string),
            closed: m
                .registration_state(db::now())
                .err()
                .map(|c| views::closed_reason(lang, c)),
            series: m.series_id,
        }
    }
}

pub struct Person {
    pub name: String,
    pub role: String,
    pub affiliation: Option<String>,
}

/// A published input item as the page lists it: never its author's address.
pub struct InputLine {
    pub name: String,
    pub subject: String,
    pub date: String,
}

pub struct UpdateLine {
    pub id: i64,
    pub title: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "pages/group.html")]
pub struct GroupPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub group: Group,
    /// Sanitised HTML of the first part of `about`, and of the rest (may be empty).
    pub about_lead: String,
    pub about_rest: String,
    pub next: Option<NextMeeting>,
    pub upcoming: Vec<Upcoming>,
    pub timeline: Vec<TimelineItem>,
    pub people: Vec<Person>,
    pub inputs: Vec<InputLine>,
    pub updates: Vec<UpdateLine>,
    pub feed: SubscribeLinks,
    pub milestones_ics: String,
    pub atom: String,
    pub csrf_token: String,
}

fn day(lang: Lang, t: chrono::NaiveDateTime) -> String {
    crate::i18n::dates::day_month_year(lang, t.date())
}

/// The page of `group`; `base_url` for its feeds.
fn load(
    ui: crate::i18n::Ui,
    conn: &mut DbConn,
    group: Group,
    base_url: &str,
    csrf_token: String,
) -> Result<GroupPage, AppError> {
    let lang = ui.lang;
    let now = db::now();
    let ahead = Loaded::load(
        conn,
        &Listing {
            group_id: Some(group.id),
            from: Some(now),
            limit: Some(500),
            ..Listing::default()
        },
    )?;
    let mut past = Loaded::load(
        conn,
        &Listing {
            group_id: Some(group.id),
            to: Some(now),
            newest_first: true,
            limit: Some(500),
            ..Listing::default()
        },
    )?;
    past.rows.retain(|(m, _)| m.ends_at < now);
    let counts = meetings::seat_counts(conn, &ahead.ids())?;
    let next = ahead
        .rows
        .iter()
        .map(|(m, _)| m)
        .find(|m| m.status() != MeetingStatus::Cancelled);
    let public: HashSet<i64> = ahead.ids().into_iter().chain(past.ids()).collect();
    let materials = db::materials::of_meetings(conn, &past.ids(), true)?;
    let milestones = db::milestones::of_group(conn, group.id)?;
    let (about_lead, about_rest) = crate::markdown::split_lead(&group.about);
    let base = views::group_url(base_url, &group.slug);
    Ok(GroupPage {
        ui,
        about_lead: crate::markdown::to_safe_html(about_lead),
        about_rest: crate::markdown::to_safe_html(about_rest),
        next: next
            .map(|m| NextMeeting::new(lang, m, &counts.get(&m.id).copied().unwrap_or_default())),
        upcoming: ahead.upcoming(lang, &counts, next.map(|m| m.id)),
        timeline: crate::timeline::build(lang, &milestones, &past, &materials, &public),
        people: db::members::of_group(conn, group.id)?
            .into_iter()
            .map(|p| Person {
                role: Role::parse(&p.role).unwrap_or(Role::Member).label(lang),
                name: p.name,
                affiliation: p.affiliation,
            })
            .collect(),
        inputs: db::inputs::published(conn, group.id, 5)?
            .into_iter()
            .map(|i| InputLine {
                date: day(lang, i.published_at.unwrap_or(i.created_at)),
                name: i.name,
                subject: i.subject,
            })
            .collect(),
        updates: db::updates::of_group(conn, group.id, false, 3)?
            .into_iter()
            .map(|u| UpdateLine {
                date: day(lang, u.published_at.unwrap_or(u.created_at)),
                id: u.id,
                title: u.title,
            })
            .collect(),
        feed: views::subscribe_links(
            &views::feed_in(&format!("{base}/calendar.ics"), lang),
            &group.name,
        ),
        milestones_ics: views::feed_in(&format!("{base}/milestones.ics"), lang),
        atom: views::feed_in(&format!("{base}/updates.atom"), lang),
        csrf_token,
        group,
    })
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let slug = slug.into_inner();
    let csrf_token = crate::csrf::token(&req, &state);
    let ui = crate::i18n::Ui::of(&req);
    let base_url = state.mail.base_url.clone();
    let page = state
        .db(move |conn| -> Result<_, AppError> {
            let group = crate::services::groups::by_slug(conn, &slug)?;
            load(ui, conn, group, &base_url, csrf_token)
        })
        .await?;
    Ok(crate::templates::html(&page))
}
