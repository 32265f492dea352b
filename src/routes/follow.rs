//! Following a group by mail: the follow form (`POST /groups/{slug}/follow`), the page
//! behind the mailed link that confirms with a `POST` (`/f/{token}`), and the one-click
//! unsubscribe of RFC 8058 (`/unsubscribe/{id}/{secret}`), the one form without a
//! `csrf_token`: its secret URL is its authority.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::groups::Group;
use crate::domain::email::EmailAddress;
use crate::error::{AppError, HtmlError};
use crate::services::follow;
use crate::state::AppState;
use crate::templates;

#[derive(Debug, Default, serde::Deserialize)]
pub struct FollowForm {
    pub email: Option<String>,
    pub website: Option<String>,
    pub csrf_token: Option<String>,
}

/// The follow form on a page of its own, shown again with the problem beside the field.
#[derive(Template)]
#[template(path = "pages/follow.html")]
struct FollowPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    csrf_token: String,
    error: Option<String>,
}

/// After the follow form: the same page for every address.
#[derive(Template)]
#[template(path = "pages/follow_check_mail.html")]
struct CheckMailPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    /// How long the link works ("48 hours").
    within: String,
}

/// The page behind the mailed link: a Confirm button while pending.
#[derive(Template)]
#[template(path = "pages/follow_link.html")]
struct LinkPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    group: Group,
    token: String,
    csrf_token: String,
    active: bool,
}

/// The unsubscribe page: a button (GET), or the outcome (POST).
#[derive(Template)]
#[template(path = "pages/unsubscribe.html")]
struct UnsubscribePage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    action: String,
    done: bool,
    group: Option<String>,
}

/// Pages with a secret in their URL: never cached, never sent as a referrer.
fn private() -> actix_web::HttpResponseBuilder {
    let mut res = HttpResponse::Ok();
    res.insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("X-Robots-Tag", "noindex"));
    res
}

async fn group(state: &web::Data<AppState>, slug: String) -> Result<Group, AppError> {
    state
        .db(move |conn| crate::services::groups::by_slug(conn, &slug))
        .await
}

/// `GET /groups/{slug}/follow`: the follow form alone.
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let group = group(&state, slug.into_inner()).await?;
    let csrf_token = crate::csrf::token(&req, &state);
    Ok(templates::html(&FollowPage {
        ui: crate::i18n::Ui::of(&req),
        group,
        csrf_token,
        error: None,
    }))
}

/// `POST /groups/{slug}/follow`: `303` to the check-mail page for every address, new,
/// pending or following already (and when the honeypot is filled, with nothing stored);
/// `422` with the problem beside the field for an address that is not one.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<FollowForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    state.limiter.check(&req)?;
    let slug = slug.into_inner();
    let check_mail = HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/groups/{slug}/follow/check-mail"),
        ))
        .finish();
    if form
        .website
        .as_deref()
        .is_some_and(|w| !w.trim().is_empty())
    {
        return Ok(check_mail);
    }
    let ui = crate::i18n::Ui::of(&req);
    match EmailAddress::parse(form.email.as_deref().unwrap_or_default()) {
        Ok(email) => {
            let (st, lang) = (state.clone(), ui.lang);
            state
                .db(move |conn| follow::request(conn, &st.mail, &slug, &email, lang))
                .await?;
            state.wake_mailer();
            Ok(check_mail)
        }
        Err(problem) => {
            let page = FollowPage {
                error: Some(problem.say(ui.lang)),
                ui,
                group: group(&state, slug).await?,
                csrf_token: crate::csrf::token(&req, &state),
            };
            Ok(templates::render_into(
                &mut HttpResponse::UnprocessableEntity(),
                &page,
            ))
        }
    }
}

/// `GET /groups/{slug}/follow/check-mail`: the same page for every address.
pub async fn check_mail(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let group = group(&state, slug.into_inner()).await?;
    Ok(templates::html(&CheckMailPage {
        within: crate::mail::context::describe_duration(ui.lang, state.mail.pending),
        ui,
        group,
    }))
}

/// `GET /f/{token}`: the page that confirms, with a button (a `GET` confirms nothing).
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, HtmlError> {
    let token = token.into_inner();
    let (t, st) = (token.clone(), state.clone());
    let (follower, group) = state
        .db(move |conn| follow::find_by_token(conn, &st.mail, &t))
        .await?;
    let page = LinkPage {
        ui: crate::i18n::Ui::of(&req),
        group,
        token,
        csrf_token: crate::csrf::token(&req, &state),
        active: follower.is_active(),
    };
    Ok(templates::render_into(&mut private(), &page))
}

/// `POST /f/{token}/confirm`: the follower is active from now on.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<FollowForm>,
) -> Result<HttpResponse, HtmlError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let token = token.into_inner();
    let (t, st) = (token.clone(), state.clone());
    let (_, group) = state
        .db(move |conn| follow::confirm(conn, &st.mail, &t))
        .await?;
    let page = LinkPage {
        ui: crate::i18n::Ui::of(&req),
        group,
        token,
        csrf_token: String::new(),
        active: true,
    };
    Ok(templates::render_into(&mut private(), &page))
}

/// The follower id and secret of an unsubscribe URL; a forged one is not found.
fn unsubscribe_link(state: &AppState, path: (String, String)) -> Result<(i64, String), AppError> {
    let id = path.0.parse().map_err(|_| AppError::NotFound("link"))?;
    follow::check_unsubscribe(&state.mail, id, &path.1)?;
    Ok((id, path.1))
}

/// `GET /unsubscribe/{id}/{secret}`: a page with an Unsubscribe button.
pub async fn unsubscribe_page(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, HtmlError> {
    let (id, secret) = unsubscribe_link(&state, path.into_inner())?;
    let page = UnsubscribePage {
        ui,
        action: format!("/unsubscribe/{id}/{secret}"),
        done: false,
        group: None,
    };
    Ok(templates::render_into(&mut private(), &page))
}

/// `POST /unsubscribe/{id}/{secret}` (RFC 8058 one-click: body `List-Unsubscribe=One-Click`,
/// no cookie, no `csrf_token`; the body is not needed): deletes the follower; `200`.
pub async fn unsubscribe(
    ui: crate::i18n::Ui,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, HtmlError> {
    let (id, secret) = unsubscribe_link(&state, path.into_inner())?;
    let st = state.clone();
    let group = state
        .db(move |conn| follow::unsubscribe(conn, &st.mail, id, &secret))
        .await?;
    let page = UnsubscribePage {
        ui,
        action: String::new(),
        done: true,
        group,
    };
    Ok(templates::render_into(&mut private(), &page))
}
