//! The public series page with its registration form (the JSON API is in `api::series`).

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::{self, meetings};
use crate::domain::{FieldErrors, MeetingStatus};
use crate::error::{AppError, HtmlError};
use crate::services::series as service;
use crate::state::AppState;
use crate::templates::{self, MeetingCard};

#[derive(Template)]
#[template(path = "pages/series.html")]
pub struct SeriesPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub id: i64,
    pub title: String,
    pub group_name: String,
    pub group_slug: String,
    pub rule: String,
    pub occurrences: Vec<MeetingCard>,
    pub open: bool,
    pub csrf_token: String,
    pub offers: Vec<(&'static str, String)>,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

impl SeriesPage {
    /// The problem with `field`, in the reader's language.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.say(field, self.ui.lang)
    }
}

pub(crate) async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: i64,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<SeriesPage, AppError> {
    let csrf_token = crate::csrf::token(req, state);
    let ui = crate::i18n::Ui::of(req);
    let lang = ui.lang;
    state
        .db(move |conn| {
            let loaded = service::load_public(conn, id)?;
            let ids: Vec<i64> = loaded.occurrences.iter().map(|m| m.id).collect();
            let counts = meetings::seat_counts(conn, &ids)?;
            let now = db::now();
            let offers = crate::domain::Attendance::ALL
                .iter()
                .filter(|a| {
                    loaded
                        .occurrences
                        .iter()
                        .any(|m| m.status() != MeetingStatus::Draft && m.format().offers(**a))
                })
                .map(|a| (a.as_str(), a.label(lang)))
                .collect();
            Ok(SeriesPage {
                id,
                title: loaded.series.title.clone(),
                group_name: loaded.group.name.clone(),
                group_slug: loaded.group.slug.clone(),
                rule: crate::views::describe_rule(lang, &loaded),
                occurrences: loaded
                    .occurrences
                    .iter()
                    .filter(|m| m.ends_at >= now && m.status() != MeetingStatus::Draft)
                    .map(|m| {
                        MeetingCard::new(
                            lang,
                            m,
                            &loaded.group,
                            &counts.get(&m.id).copied().unwrap_or_default(),
                        )
                    })
                    .collect(),
                open: loaded
                    .occurrences
                    .iter()
                    .any(|m| m.registration_state(now).is_ok()),
                csrf_token,
                offers,
                notice: notice
                    .or_else(|| (!errors.is_empty()).then(|| ui.msg("register-correct-fields"))),
                errors,
                ui,
            })
        })
        .await
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, HtmlError> {
    let p = page(&req, &state, id.into_inner(), FieldErrors::default(), None).await?;
    Ok(templates::html(&p))
}
