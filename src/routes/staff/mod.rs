//! Staff pages under `/staff`: every page needs a session, admin pages need the admin role,
//! every form carries a CSRF token.

pub mod accounts;
pub mod audit;
pub mod dashboard;
pub mod group_items;
pub mod group_page;
pub mod groups;
pub mod input;
pub mod mail;
pub mod materials;
pub mod meeting_form;
pub mod meetings;
pub mod password;
pub mod registrations;
pub mod series;
pub mod session;
pub mod tokens;

use actix_web::{web, HttpRequest};

use crate::db::staff::Staff;
use crate::i18n::{Arg, Lang};
use crate::state::AppState;

/// Staff pages are in English: their words are the `staff-…` messages of `locales/en.ftl`.
pub const LANG: Lang = Lang::En;

/// Forms that carry an agenda (up to 64 KiB of Markdown, which percent-encoding may
/// triple) are read up to 256 KiB.
fn agenda_form_config() -> web::FormConfig {
    crate::routes::pages::form_config_up_to(256 * 1024)
}

pub fn scope() -> impl actix_web::dev::HttpServiceFactory {
    web::scope("/staff")
        .wrap(actix_web::middleware::from_fn(session::bind_csrf))
        .route("/login", web::get().to(session::login_form))
        .route("/login", web::post().to(session::login))
        .route("/logout", web::post().to(session::logout))
        .route("", web::get().to(dashboard::dashboard))
        .route("/meetings", web::get().to(dashboard::dashboard))
        .service(
            web::resource("/meetings/new")
                .app_data(agenda_form_config())
                .route(web::get().to(meetings::new_form))
                .route(web::post().to(meetings::create)),
        )
        .service(
            web::resource("/series/new")
                .app_data(agenda_form_config())
                .route(web::get().to(series::new_form))
                .route(web::post().to(series::create)),
        )
        .service(
            web::resource("/meetings/{id}/edit")
                .app_data(agenda_form_config())
                .route(web::get().to(meetings::edit_form))
                .route(web::post().to(meetings::update)),
        )
        .route("/meetings/{id}/cancel", web::post().to(meetings::cancel))
        .route(
            "/meetings/{id}/registrations",
            web::get().to(registrations::list),
        )
        .route(
            "/meetings/{id}/registrations.csv",
            web::get().to(registrations::csv),
        )
        .route("/meetings/{id}/materials", web::get().to(materials::list))
        .route(
            "/meetings/{id}/materials",
            web::post().to(materials::add_file),
        )
        .route(
            "/meetings/{id}/materials/link",
            web::post().to(materials::add_link),
        )
        .route(
            "/meetings/{id}/materials/{mid}/delete",
            web::post().to(materials::remove),
        )
        .route(
            "/registrations/{id}/check-in",
            web::post().to(registrations::check_in),
        )
        .route(
            "/registrations/{id}/remove",
            web::post().to(registrations::remove),
        )
        .route("/groups", web::get().to(groups::groups))
        .route("/groups", web::post().to(groups::create_group))
        .service(
            web::resource("/groups/{slug}")
                .app_data(agenda_form_config())
                .route(web::get().to(group_page::editor))
                .route(web::post().to(group_page::save_group)),
        )
        .route(
            "/groups/{slug}/members",
            web::post().to(group_page::add_member),
        )
        .route(
            "/groups/{slug}/{kind}/{id}/delete",
            web::post().to(group_items::remove),
        )
        .route(
            "/groups/{slug}/milestones",
            web::post().to(group_items::save_milestone),
        )
        .route(
            "/groups/{slug}/milestones/{id}",
            web::post().to(group_items::save_milestone),
        )
        .service(
            web::resource("/groups/{slug}/updates")
                .app_data(agenda_form_config())
                .route(web::post().to(group_items::save_update)),
        )
        .service(
            web::resource("/groups/{slug}/updates/{id}")
                .app_data(agenda_form_config())
                .route(web::post().to(group_items::save_update)),
        )
        .route("/groups/{slug}/input", web::get().to(input::list))
        .route(
            "/groups/{slug}/input/{id}/{action}",
            web::post().to(input::set_hidden),
        )
        .route("/mail", web::get().to(mail::mail))
        .route("/mail/{id}/retry", web::post().to(mail::retry_mail))
        .route("/password", web::get().to(password::password_form))
        .route("/password", web::post().to(password::change_password))
        .route("/accounts", web::get().to(accounts::accounts))
        .route("/accounts", web::post().to(accounts::create_account))
        .route(
            "/accounts/{id}/disable",
            web::post().to(accounts::disable_account),
        )
        .route("/tokens", web::get().to(tokens::tokens))
        .route("/tokens", web::post().to(tokens::create_token))
        .route("/tokens/{id}/revoke", web::post().to(tokens::revoke_token))
        .route("/audit", web::get().to(audit::audit))
}

/// What every staff page shows around its content; templates reach the staff messages
/// (the `staff-` ids of `locales/en.ftl`) through its `msg` and `msg1`.
pub struct StaffChrome {
    pub csrf_token: String,
    pub name: String,
    pub is_admin: bool,
    pub notice: Option<String>,
}

impl StaffChrome {
    /// The staff message `id` (in English, like every staff page).
    pub fn msg(&self, id: &str) -> String {
        LANG.msg(id)
    }

    /// The staff message `id` with one placeable.
    pub fn msg1(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        LANG.msg1(id, name, value)
    }
}

pub fn chrome(
    req: &HttpRequest,
    state: &AppState,
    me: &Staff,
    notice: Option<String>,
) -> StaffChrome {
    StaffChrome {
        csrf_token: crate::csrf::token(req, state),
        name: me.name.clone(),
        is_admin: me.is_admin(),
        notice,
    }
}

/// Notices carried across a redirect as `?done=…`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    pub done: Option<String>,
}

/// The notice for a `?done=…` on the group, mail, password, account and token pages.
fn done_notice(done: &Done) -> Option<String> {
    done.done.as_deref().map(|d| {
        LANG.msg(match d {
            "group" => "staff-done-group-created",
            "retried" => "staff-done-mail-retried",
            "password" => "staff-done-password-changed",
            "account" => "staff-done-account-created",
            "disabled" => "staff-done-account-disabled",
            "revoked" => "staff-done-token-revoked",
            "hidden" => "staff-done-input-hidden",
            "shown" => "staff-done-input-shown",
            _ => "staff-done",
        })
    })
}

/// A staff page answer: never cached.
pub fn page<T: askama::Template>(
    status: actix_web::http::StatusCode,
    page: &T,
) -> actix_web::HttpResponse {
    crate::templates::render_into(
        actix_web::HttpResponse::build(status)
            .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store")),
        page,
    )
}

pub fn see_other(location: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}
