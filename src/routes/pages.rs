//! Public pages: meeting lists, a group, a meeting with its registration form.

use actix_web::{web, HttpRequest, HttpResponse};

use crate::db::groups::Group;
use crate::db::meetings::{self, Listing, Meeting};
use crate::db::{self, DbConn};
use crate::domain::{FieldErrors, MeetingStatus};
use crate::error::{AppError, HtmlError};
use crate::feed_cache::CachedMeeting;
use crate::state::AppState;
use crate::templates::{self, ListPage, MeetingCard, MeetingPage, RegistrationForm};
use crate::views;

pub fn form_config() -> web::FormConfig {
    form_config_up_to(super::BODY_LIMIT)
}

/// Forms of at most `limit` bytes; failures as error pages.
pub fn form_config_up_to(limit: usize) -> web::FormConfig {
    web::FormConfig::default()
        .limit(limit)
        .error_handler(|err, _| {
            let e = match err {
                actix_web::error::UrlencodedError::Overflow { .. }
                | actix_web::error::UrlencodedError::UnknownLength => AppError::PayloadTooLarge,
                actix_web::error::UrlencodedError::ContentType => {
                    AppError::UnsupportedMediaType("application/x-www-form-urlencoded")
                }
                other => AppError::BadRequest(format!("The form could not be read: {other}")),
            };
            HtmlError(e).into()
        })
}

fn cards(
    lang: crate::i18n::Lang,
    conn: &mut DbConn,
    listing: &Listing,
) -> Result<Vec<MeetingCard>, AppError> {
    let rows = meetings::list(conn, listing)?;
    let ids: Vec<i64> = rows.iter().map(|(m, _)| m.id).collect();
    let counts = meetings::seat_counts(conn, &ids)?;
    let materials = crate::db::materials::of_meetings(conn, &ids, true)?;
    Ok(rows
        .iter()
        .map(|(m, g)| {
            let mut card =
                MeetingCard::new(lang, m, g, &counts.get(&m.id).copied().unwrap_or_default());
            card.materials = templates::MaterialGroup::by_kind(
                lang,
                &materials
                    .iter()
                    .filter(|x| x.meeting_id == m.id)
                    .collect::<Vec<_>>(),
            );
            card
        })
        .collect())
}

pub async fn past(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HtmlError> {
    let lang = ui.lang;
    let meetings = state
        .db(move |conn| {
            cards(
                lang,
                conn,
                &Listing {
                    to: Some(db::now()),
                    newest_first: true,
                    limit: Some(500),
                    ..Listing::default()
                },
            )
        })
        .await?;
    let meetings = meetings.into_iter().collect();
    Ok(templates::html(&ListPage {
        ui,
        heading: lang.msg("list-past-heading"),
        meetings,
        empty: lang.msg("list-past-empty"),
    }))
}

/// A published (or cancelled) meeting; drafts are not public.
pub fn public_meeting(conn: &mut DbConn, id: i64) -> Result<(Meeting, Group), AppError> {
    match meetings::find_with_group(conn, id)? {
        Some((m, g)) if m.status() != MeetingStatus::Draft => Ok((m, g)),
        _ => Err(AppError::NotFound("meeting")),
    }
}

/// The public meeting `id` (not a draft), from the cache while the calendar is unchanged.
pub(crate) fn cached_public_meeting(
    conn: &mut DbConn,
    state: &AppState,
    id: i64,
) -> Result<std::sync::Arc<CachedMeeting>, AppError> {
    if let Some(hit) = state.feeds.meeting(id) {
        return Ok(hit);
    }
    // Read the generation before the rows: a write that lands meanwhile makes this stale.
    let generation = state.feeds.generation();
    let (meeting, group) = public_meeting(conn, id)?;
    let series = match meeting.series_id {
        Some(id) => crate::db::series::find(conn, id)?.map(|s| (s.id, s.title)),
        None => None,
    };
    let entry = std::sync::Arc::new(CachedMeeting {
        generation,
        meeting,
        group,
        series,
    });
    state.feeds.put_meeting(entry.clone());
    Ok(entry)
}

fn meeting_page(
    ui: crate::i18n::Ui,
    conn: &mut DbConn,
    state: &AppState,
    id: i64,
    csrf_token: String,
) -> Result<MeetingPage, AppError> {
    let cached = cached_public_meeting(conn, state, id)?;
    // Seat counts change with every registration: always read.
    let counts = meetings::seat_counts(conn, &[id])?
        .get(&id)
        .copied()
        .unwrap_or_default();
    let m = cached.meeting.clone();
    let lang = ui.lang;
    let feed = crate::views::feed_in(
        &format!("{}/meetings/{}/calendar.ics", state.mail.base_url, m.id),
        lang,
    );
    let materials = crate::db::materials::of_meetings(conn, &[id], true)?;
    Ok(MeetingPage {
        ui,
        materials: templates::MaterialGroup::by_kind(lang, &materials.iter().collect::<Vec<_>>()),
        when: views::day_lines(lang, &m),
        place: views::place(&m),
        public_online_url: m.public_online_url().map(str::to_string),
        seats: views::seats(lang, &m, &counts),
        closed: m
            .registration_state(db::now())
            .err()
            .map(|c| views::closed_reason(lang, c)),
        csrf_token,
        form: RegistrationForm::default(),
        errors: FieldErrors::default(),
        form_error: None,
        ics_url: feed.clone(),
        subscribe: crate::views::subscribe_links(&feed, &m.title),
        add: (m.days.is_none())
            .then(|| crate::views::add_links(lang, &m, &state.mail.meeting_url(&m))),
        series: cached.series.clone(),
        m,
        group: cached.group.clone(),
    })
}

pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, HtmlError> {
    let id = id.into_inner();
    let csrf = crate::csrf::token(&req, &state);
    let ui = crate::i18n::Ui::of(&req);
    let st = state.clone();
    let page = state
        .db(move |conn| meeting_page(ui, conn, &st, id, csrf))
        .await?;
    Ok(templates::html(&page))
}

/// The meeting page again after a registration attempt that failed: the values kept and
/// each error beside its field (or one notice above the form).
pub(crate) async fn form_again(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    res: &mut actix_web::HttpResponseBuilder,
    id: i64,
    form: RegistrationForm,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<HttpResponse, HtmlError> {
    let csrf = crate::csrf::token(req, state);
    let ui = crate::i18n::Ui::of(req);
    let correct = ui.msg("register-correct-fields");
    let st = state.clone();
    let mut page = state
        .db(move |conn| meeting_page(ui, conn, &st, id, csrf))
        .await?;
    page.form = form;
    page.form_error = notice.or_else(|| (!errors.is_empty()).then_some(correct));
    page.errors = errors;
    Ok(templates::render_into(res, &page))
}
