//! `/groups/{slug}/updates/{id}`: the public page of a group's update (drafts are `404`).

use actix_web::{web, HttpResponse};
use askama::Template;

use crate::db::groups::Group;
use crate::db::updates::{self, Update};
use crate::error::{AppError, HtmlError};
use crate::services::groups;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "pages/update.html")]
struct UpdatePage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    update: Update,
    /// The body rendered and sanitised (`markdown::to_safe_html`).
    body_html: String,
    atom_url: String,
}

impl UpdatePage {
    /// The day it was published, for `<time datetime>`.
    fn published_iso(&self) -> String {
        self.update
            .published_at
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
    /// The same day as the reader's language writes it.
    fn published_on(&self, lang: &crate::i18n::Lang) -> String {
        self.update
            .published_at
            .map(|t| crate::i18n::dates::day_month_year(*lang, t.date()))
            .unwrap_or_default()
    }
}

pub async fn page(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, HtmlError> {
    let (slug, id) = path.into_inner();
    let id: i64 = id.parse().map_err(|_| AppError::NotFound("update"))?;
    let (group, update) = state
        .db(move |conn| -> Result<_, AppError> {
            let group = groups::by_slug(conn, &slug)?;
            let update = updates::find(conn, group.id, id)?
                .filter(Update::is_published)
                .ok_or(AppError::NotFound("update"))?;
            Ok((group, update))
        })
        .await?;
    let atom_url = crate::views::feed_in(
        &crate::views::group_feed_url(&state.mail.base_url, &group.slug, "updates.atom"),
        ui.lang,
    );
    Ok(crate::templates::html(&UpdatePage {
        ui,
        body_html: crate::markdown::to_safe_html(&update.body),
        group,
        update,
        atom_url,
    }))
}
