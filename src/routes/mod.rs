//! The whole route table, shared by `serve` and the tests.

pub mod api;
pub mod feeds;
pub mod follow;
pub mod group_page;
pub mod home;
pub mod home_feeds;
pub mod input;
pub mod manage;
pub mod materials;
pub mod ops;
pub mod pages;
pub mod register;
pub mod series;
pub mod staff;
pub mod updates;

use actix_web::web;

/// Largest form or JSON body accepted.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.app_data(api::json_config())
        .app_data(pages::form_config())
        .app_data(web::PathConfig::default().error_handler(|_, req| {
            let e = crate::error::AppError::NotFound("page");
            if req.path().starts_with("/api/") {
                e.into()
            } else {
                crate::error::HtmlError(e).into()
            }
        }))
        // A query string that cannot be read (a field given twice, say) is a 400 in the
        // API's error body, or the error page.
        .app_data(web::QueryConfig::default().error_handler(|err, req| {
            let e =
                crate::error::AppError::BadRequest(format!("The query string is not valid: {err}"));
            if req.path().starts_with("/api/") {
                e.into()
            } else {
                crate::error::HtmlError(e).into()
            }
        }))
        .app_data(web::PayloadConfig::new(BODY_LIMIT))
        // Feeds are polled all day: they carry their own cached gzip form and headers and
        // stay outside the page middleware (compression, CSRF cookie, page security headers).
        // One resource per path (GET and HEAD), the most polled first: a static path is
        // matched without running the pattern matcher of the others.
        .service(
            web::resource("/calendar.ics")
                .route(web::get().to(feeds::all))
                .route(web::head().to(feeds::all)),
        )
        .service(
            web::resource("/groups/{slug}/calendar.ics")
                .route(web::get().to(feeds::group))
                .route(web::head().to(feeds::group)),
        )
        .service(
            web::resource("/groups/{slug}/milestones.ics")
                .route(web::get().to(feeds::milestones))
                .route(web::head().to(feeds::milestones)),
        )
        .service(
            web::resource("/groups/{slug}/updates.atom")
                .route(web::get().to(feeds::updates))
                .route(web::head().to(feeds::updates)),
        )
        .service(
            web::resource("/meetings/{id}/calendar.ics")
                .route(web::get().to(feeds::meeting))
                .route(web::head().to(feeds::meeting)),
        )
        // Material files carry their own headers (nosniff, a sandbox CSP, ETag) and are
        // not compressed: most are PDFs, images and recordings, compressed already.
        .route(
            "/materials/{mid}/{filename}",
            web::get().to(materials::public),
        )
        .route(
            "/r/{token}/materials/{mid}",
            web::get().to(materials::for_registrant),
        )
        .service(
            web::scope("")
                .wrap(actix_web::middleware::from_fn(crate::error::localise))
                .wrap(actix_web::middleware::Compress::default())
                .wrap(actix_web::middleware::from_fn(crate::csrf::ensure_cookie))
                .wrap(actix_web::middleware::from_fn(crate::i18n::web::remember))
                .wrap(crate::security::headers())
                .route("/", web::get().to(home::show))
                .route("/meetings/past", web::get().to(pages::past))
                .route("/meetings/{id}", web::get().to(pages::meeting))
                .route("/meetings/{id}/register", web::post().to(register::form))
                .route(
                    "/meetings/{id}/check-mail",
                    web::get().to(register::check_mail),
                )
                .route("/groups/{slug}/updates/{id}", web::get().to(updates::page))
                .service(
                    web::resource("/groups/{slug}/input")
                        .app_data(input::form_config())
                        .route(web::get().to(input::archive))
                        .route(web::post().to(input::submit)),
                )
                .route(
                    "/groups/{slug}/input/check-mail",
                    web::get().to(input::check_mail),
                )
                .route("/i/{token}", web::get().to(input::show))
                .route("/i/{token}/confirm", web::post().to(input::confirm))
                .route("/groups/{slug}", web::get().to(group_page::show))
                .route("/groups/{slug}/follow", web::get().to(follow::form))
                .route("/groups/{slug}/follow", web::post().to(follow::submit))
                .route(
                    "/groups/{slug}/follow/check-mail",
                    web::get().to(follow::check_mail),
                )
                .route("/f/{token}", web::get().to(follow::show))
                .route("/f/{token}/confirm", web::post().to(follow::confirm))
                // RFC 8058 one-click unsubscribe: no csrf_token, its secret URL is its authority.
                .route(
                    "/unsubscribe/{id}/{secret}",
                    web::get().to(follow::unsubscribe_page),
                )
                .route(
                    "/unsubscribe/{id}/{secret}",
                    web::post().to(follow::unsubscribe),
                )
                .route("/series/{id}", web::get().to(series::show))
                .route("/series/{id}/register", web::post().to(register::form))
                .route(
                    "/series/{id}/check-mail",
                    web::get().to(register::check_mail),
                )
                .route("/r/{token}", web::get().to(manage::show))
                .route("/r/{token}/confirm", web::post().to(manage::confirm))
                .route("/r/{token}/cancel", web::post().to(manage::cancel))
                .route("/r/{token}/attendance", web::post().to(manage::attendance))
                .route("/r/{token}/invite.ics", web::get().to(manage::invite))
                .route("/healthz", web::get().to(ops::healthz))
                .route("/metrics", web::get().to(ops::metrics))
                .route("/static/quorum.css", web::get().to(ops::stylesheet))
                .route("/favicon.ico", web::get().to(ops::favicon))
                .service(api::scope())
                .service(staff::scope())
                .default_service(web::to(ops::not_found)),
        );
}
