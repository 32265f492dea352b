//! The JSON API under `/api/v1`: the route table. The handlers live one file per resource;
//! registering goes through `routes::register`, shared with the web forms.

pub mod doc;
pub mod extract;
pub mod group_home;
pub mod groups;
pub mod home_json;
pub mod input;
pub mod json;
pub mod materials;
pub mod meetings;
pub mod registrations;
pub mod series;

use actix_web::web;

pub use extract::json_config;

/// Largest JSON body that carries a meeting, a series or other Markdown (a group's `about`,
/// an update's body): the Markdown alone may be 64 KiB.
pub const MEETING_BODY_LIMIT: usize = 128 * 1024;

/// The API's routes: one resource per path, so that a method a path does not take is a
/// `405` with `Allow` (a route of its own per method would answer `404`).
pub fn scope() -> actix_web::Scope {
    let meeting_body = || extract::json_config_up_to(MEETING_BODY_LIMIT);
    web::scope("/api/v1")
        .service(
            web::resource("/meetings")
                .app_data(meeting_body())
                .route(web::get().to(meetings::list))
                .route(web::post().to(meetings::create)),
        )
        .service(
            web::resource("/meetings/{id}")
                .app_data(meeting_body())
                .route(web::get().to(meetings::get))
                .route(web::patch().to(meetings::patch)),
        )
        .service(web::resource("/meetings/{id}/cancel").route(web::post().to(meetings::cancel)))
        .service(
            web::resource("/meetings/{id}/registrations")
                .route(web::get().to(meetings::registrations))
                .route(web::post().to(registrations::for_meeting)),
        )
        .service(
            web::resource("/meetings/{id}/materials")
                .route(web::get().to(materials::list))
                .route(web::post().to(materials::create)),
        )
        .service(
            web::resource("/meetings/{id}/materials/{mid}")
                .route(web::delete().to(materials::remove)),
        )
        .service(
            web::resource("/groups")
                .app_data(meeting_body())
                .route(web::post().to(groups::create)),
        )
        .service(
            web::resource("/groups/{slug}")
                .app_data(meeting_body())
                .route(web::get().to(groups::get))
                .route(web::patch().to(groups::patch)),
        )
        .service(
            web::resource("/groups/{slug}/members").route(web::post().to(group_home::add_member)),
        )
        .service(
            web::resource("/groups/{slug}/members/{id}")
                .route(web::delete().to(group_home::remove_member)),
        )
        .service(
            web::resource("/groups/{slug}/milestones")
                .route(web::post().to(group_home::add_milestone)),
        )
        .service(
            web::resource("/groups/{slug}/milestones/{id}")
                .route(web::patch().to(group_home::patch_milestone))
                .route(web::delete().to(group_home::delete_milestone)),
        )
        .service(
            web::resource("/groups/{slug}/updates")
                .app_data(meeting_body())
                .route(web::get().to(group_home::list_updates))
                .route(web::post().to(group_home::add_update)),
        )
        .service(
            web::resource("/groups/{slug}/updates/{id}")
                .app_data(meeting_body())
                .route(web::patch().to(group_home::patch_update))
                .route(web::delete().to(group_home::delete_update)),
        )
        .service(web::resource("/groups/{slug}/input").route(web::get().to(input::list)))
        .service(web::resource("/groups/{slug}/input/{id}/hide").route(web::post().to(input::hide)))
        .service(
            web::resource("/groups/{slug}/input/{id}/unhide").route(web::post().to(input::unhide)),
        )
        .service(web::resource("/openapi.json").route(web::get().to(doc::openapi)))
        .service(
            web::resource("/series")
                .app_data(meeting_body())
                .route(web::post().to(series::create)),
        )
        .service(
            web::resource("/series/{id}")
                .app_data(meeting_body())
                .route(web::get().to(series::get))
                .route(web::patch().to(series::patch)),
        )
        .service(
            web::resource("/series/{id}/registrations")
                .route(web::post().to(registrations::for_series)),
        )
}
