//! The home page `/`: every group with its next meetings (a series as one line) and the
//! site's calendar feed.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::db::meetings::{self, Listing};
use crate::db::{self, groups};
use crate::error::{AppError, HtmlError};
use crate::i18n::Lang;
use crate::listing::{Loaded, Upcoming};
use crate::state::AppState;
use crate::views::{self, SubscribeLinks};

/// Entries shown per group; the group page has the rest.
const PER_GROUP: usize = 4;

pub struct GroupSummary {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub entries: Vec<Upcoming>,
    /// Entries not shown here.
    pub more: usize,
}

#[derive(Template)]
#[template(path = "pages/home.html")]
pub struct HomePage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub groups: Vec<GroupSummary>,
    pub feed: SubscribeLinks,
}

fn summaries(conn: &mut db::DbConn, lang: Lang) -> Result<Vec<GroupSummary>, AppError> {
    let ahead = Loaded::load(
        conn,
        &Listing {
            from: Some(db::now()),
            limit: Some(1000),
            ..Listing::default()
        },
    )?;
    let counts = meetings::seat_counts(conn, &ahead.ids())?;
    // Entries keep the list's order: a group's first entry is its next meeting, and the
    // group whose next meeting comes first is listed first.
    let mut by_group: HashMap<i64, (usize, Vec<Upcoming>)> = HashMap::new();
    for (at, (group_id, entry)) in ahead.entries(lang, &counts, None).into_iter().enumerate() {
        by_group
            .entry(group_id)
            .or_insert((at, Vec::new()))
            .1
            .push(entry);
    }
    let mut out: Vec<(usize, GroupSummary)> = groups::all(conn)?
        .into_iter()
        .map(|g| {
            let (first, mut entries) = by_group.remove(&g.id).unwrap_or((usize::MAX, Vec::new()));
            let more = entries.len().saturating_sub(PER_GROUP);
            entries.truncate(PER_GROUP);
            let summary = GroupSummary {
                name: g.name,
                slug: g.slug,
                description: crate::views::first_sentence(&g.description, 200),
                entries,
                more,
            };
            (first, summary)
        })
        .collect();
    out.sort_by_key(|(first, _)| *first);
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

pub async fn show(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HtmlError> {
    let lang = ui.lang;
    let groups = state.db(move |conn| summaries(conn, lang)).await?;
    Ok(crate::templates::html(&HomePage {
        ui,
        groups,
        feed: views::subscribe_links(
            &views::feed_in(&format!("{}/calendar.ics", state.mail.base_url), lang),
            views::SITE_NAME,
        ),
    }))
}
