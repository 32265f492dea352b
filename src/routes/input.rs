//! A group's public input: the form and the archive on `/groups/{slug}/input`, and the page
//! behind the mailed link (`/i/{token}`) whose button publishes an item.

use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::groups::Group;
use crate::db::inputs::{self, Input};
use crate::domain::input::RawInput;
use crate::domain::FieldErrors;
use crate::error::{AppError, HtmlError};
use crate::i18n::Lang;
use crate::plain_text::{self, Piece};
use crate::services::inputs as service;
use crate::state::AppState;
use crate::templates;

use super::staff::see_other;
use super::staff::session::CsrfOnly;

/// Items on one page of the archive.
pub const PAGE_SIZE: i64 = 50;

/// The form's fields.
#[derive(Debug, Default, serde::Deserialize)]
pub struct InputForm {
    #[serde(flatten)]
    pub fields: RawInput,
    /// The honeypot: people leave it empty.
    pub website: Option<String>,
    pub csrf_token: Option<String>,
}

/// `?page=` of the archive: 1 when missing or not a page number.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    pub page: Option<String>,
    pub done: Option<String>,
}

impl PageQuery {
    pub fn page_number(&self) -> i64 {
        let n = self.page.as_deref().and_then(|p| p.trim().parse().ok());
        n.unwrap_or(1).clamp(1, 100_000)
    }
}

/// One published item as the public sees it: no address, links made clickable.
pub struct InputView {
    pub id: i64,
    pub name: String,
    pub subject: String,
    /// "6 December 2026" (UTC): when it was published.
    pub date: String,
    /// The same day as `2026-12-06`, for `<time datetime>`.
    pub day: String,
    pub lines: Vec<Vec<Piece>>,
}

impl InputView {
    /// The item, its date as `lang` writes it.
    pub fn of(lang: Lang, i: &Input) -> InputView {
        let when = i.published_at.unwrap_or(i.created_at);
        InputView {
            id: i.id,
            name: plain_text::obscure_addresses(&i.name),
            subject: plain_text::obscure_addresses(&i.subject),
            date: crate::i18n::dates::day_month_year(lang, when.date()),
            day: when.format("%Y-%m-%d").to_string(),
            lines: plain_text::lines(&i.message),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/input.html")]
struct ArchivePage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    csrf_token: String,
    form: RawInput,
    errors: FieldErrors,
    items: Vec<InputView>,
    page: i64,
    more: bool,
}

impl ArchivePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.say(field, self.ui.lang)
    }
    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

/// The archive page `page` of the group `slug`, with the form as given.
async fn archive_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    slug: String,
    page: i64,
    form: RawInput,
    errors: FieldErrors,
) -> Result<ArchivePage, AppError> {
    let csrf_token = crate::csrf::token(req, state);
    let (group, mut rows) = state
        .db(move |conn| -> Result<_, AppError> {
            let group = crate::services::groups::by_slug(conn, &slug)?;
            let offset = (page - 1) * PAGE_SIZE;
            let rows = inputs::published_page(conn, group.id, offset, PAGE_SIZE + 1)?;
            Ok((group, rows))
        })
        .await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let ui = crate::i18n::Ui::of(req);
    Ok(ArchivePage {
        items: rows.iter().map(|i| InputView::of(ui.lang, i)).collect(),
        ui,
        group,
        csrf_token,
        form,
        errors,
        page,
        more,
    })
}

/// `GET /groups/{slug}/input`.
pub async fn archive(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, HtmlError> {
    let form = RawInput::default();
    let page = archive_page(
        &req,
        &state,
        slug.into_inner(),
        query.page_number(),
        form,
        FieldErrors::default(),
    );
    Ok(templates::html(&page.await?))
}

/// `POST /groups/{slug}/input`: `303` to the check-mail page (also when the honeypot is
/// filled, then with nothing stored or mailed); invalid input shows the form again (`422`).
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<InputForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    state.limiter.check(&req)?;
    let (slug, form) = (slug.into_inner(), form.into_inner());
    let bot = form
        .website
        .as_deref()
        .is_some_and(|w| !w.trim().is_empty());
    let parsed = form.fields.parse();
    let (st, s) = (state.clone(), slug.clone());
    let lang = crate::i18n::Ui::of(&req).lang;
    let refused = state
        .db(move |conn| -> Result<_, AppError> {
            let group = crate::services::groups::by_slug(conn, &s)?;
            match parsed {
                _ if bot => Ok(None),
                Ok(draft) => service::submit(conn, &st.mail, &group, &draft, lang).map(|()| None),
                Err(errors) => Ok(Some(errors)),
            }
        })
        .await?;
    let Some(errors) = refused else {
        state.wake_mailer();
        return Ok(see_other(&format!("/groups/{slug}/input/check-mail")));
    };
    let page = archive_page(&req, &state, slug, 1, form.fields, errors).await?;
    let mut res = HttpResponse::UnprocessableEntity();
    Ok(templates::render_into(&mut res, &page))
}

#[derive(Template)]
#[template(path = "pages/input_check_mail.html")]
struct CheckMailPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    hours: String,
}

/// `GET /groups/{slug}/input/check-mail`: the same page whatever happened to the input.
pub async fn check_mail(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let slug = slug.into_inner();
    let group = state
        .db(move |conn| crate::services::groups::by_slug(conn, &slug))
        .await?;
    let lang = ui.lang;
    Ok(templates::html(&CheckMailPage {
        ui,
        group,
        hours: crate::mail::context::describe_duration(lang, state.mail.pending),
    }))
}

#[derive(Template)]
#[template(path = "pages/input_confirm.html")]
struct ConfirmPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    token: String,
    item: InputView,
    published: bool,
    hidden: bool,
    csrf_token: String,
    notice: Option<String>,
}

/// `GET /i/{token}`: the item as it will be shown, and the button that publishes it.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let (secret, st) = (token.clone(), state.clone());
    let (input, group) = state
        .db(move |conn| service::find_by_token(conn, &st.mail, &secret))
        .await?;
    let ui = crate::i18n::Ui::of(&req);
    let page = ConfirmPage {
        item: InputView::of(ui.lang, &input),
        published: input.status == inputs::PUBLISHED,
        hidden: input.hidden_at.is_some(),
        group,
        token,
        csrf_token: crate::csrf::token(&req, &state),
        notice: (query.done.as_deref() == Some("confirmed")).then(|| ui.lang.msg("input-thanks")),
        ui,
    };
    Ok(templates::render_into(
        super::manage::private(&mut HttpResponse::Ok()),
        &page,
    ))
}

/// `POST /i/{token}/confirm`: publishes the item (and forwards it to the group), then shows
/// its page again.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let token = token.into_inner();
    let (secret, st) = (token.clone(), state.clone());
    state
        .db(move |conn| service::confirm(conn, &st.mail, &secret))
        .await?;
    state.wake_mailer();
    Ok(see_other(&format!("/i/{token}?done=confirmed")))
}

/// The form may carry 10,000 characters of any script, which percent-encoding makes up to
/// nine bytes each.
pub fn form_config() -> web::FormConfig {
    super::pages::form_config_up_to(128 * 1024)
}
