//! The JSON API under `/api/v1`: the route table. The handlers live one file per resource;
//! registering goes through `routes::register`, shared with the web forms.

pub mod extract;
pub mod group_home;
pub mod groups;
pub mod home_json;
pub mod input;
pub mod json;
pub mod materials;
pub mod meetings;
pub mod series;

use actix_web::{web, HttpResponse};

pub use extract::json_config;

/// Largest JSON body that carries a meeting or series: its agenda alone may be 64 KiB.
pub const MEETING_BODY_LIMIT: usize = 128 * 1024;

pub fn scope() -> actix_web::Scope {
    web::scope("/api/v1")
        .service(
            web::resource("/meetings")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::get().to(meetings::list))
                .route(web::post().to(meetings::create)),
        )
        .service(
            web::resource("/meetings/{id}")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::get().to(meetings::get))
                .route(web::patch().to(meetings::patch)),
        )
        .route("/meetings/{id}/cancel", web::post().to(meetings::cancel))
        .route(
            "/meetings/{id}/registrations",
            web::get().to(meetings::registrations),
        )
        .route(
            "/meetings/{id}/registrations",
            web::post().to(super::register::api),
        )
        .route("/meetings/{id}/materials", web::get().to(materials::list))
        .route(
            "/meetings/{id}/materials",
            web::post().to(materials::create),
        )
        .route(
            "/meetings/{id}/materials/{mid}",
            web::delete().to(materials::remove),
        )
        .route("/groups", web::post().to(groups::create))
        .service(
            web::resource("/groups/{slug}")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::get().to(groups::get))
                .route(web::patch().to(groups::patch)),
        )
        .route(
            "/groups/{slug}/members",
            web::post().to(group_home::add_member),
        )
        .route(
            "/groups/{slug}/members/{id}",
            web::delete().to(group_home::remove_member),
        )
        .route(
            "/groups/{slug}/milestones",
            web::post().to(group_home::add_milestone),
        )
        .service(
            web::resource("/groups/{slug}/milestones/{id}")
                .route(web::patch().to(group_home::patch_milestone))
                .route(web::delete().to(group_home::delete_milestone)),
        )
        .service(
            web::resource("/groups/{slug}/updates")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::get().to(group_home::list_updates))
                .route(web::post().to(group_home::add_update)),
        )
        .service(
            web::resource("/groups/{slug}/updates/{id}")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::patch().to(group_home::patch_update))
                .route(web::delete().to(group_home::delete_update)),
        )
        .route("/groups/{slug}/input", web::get().to(input::list))
        .route(
            "/groups/{slug}/input/{id}/{action}",
            web::post().to(input::set_hidden),
        )
        .route("/openapi.json", web::get().to(openapi))
        .service(
            web::resource("/series")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::post().to(series::create)),
        )
        .service(
            web::resource("/series/{id}")
                .app_data(extract::json_config_up_to(MEETING_BODY_LIMIT))
                .route(web::get().to(series::get))
                .route(web::patch().to(series::patch)),
        )
        .route(
            "/series/{id}/registrations",
            web::post().to(super::register::api),
        )
}

/// The OpenAPI 3 description of this API (kept beside the route table; a test checks that it
/// names every route).
pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(include_str!("../openapi.json"))
}
