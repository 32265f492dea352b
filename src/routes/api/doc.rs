//! The OpenAPI description of `/api/v1`, generated from the handlers' `#[utoipa::path]`
//! attributes and the `ToSchema` types they read and answer. What one input type cannot say
//! by itself (the fields a create needs, and what a meeting's format requires) is composed
//! here from the same types.

use std::sync::OnceLock;

use actix_web::HttpResponse;
use utoipa::openapi::schema::{
    AllOfBuilder, AnyOfBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type,
};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{Modify, OpenApi, PartialSchema, ToSchema};

use super::{group_home, groups, input, materials, meetings, registrations, series};
use crate::domain::group::GroupInput;
use crate::domain::home::{MilestoneInput, UpdateInput};
use crate::domain::meeting::MeetingInput;
use crate::domain::schema;
use crate::domain::series::SeriesInput;
use crate::error::{ErrorBody, ErrorDetail};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Quorum API",
        version = "1",
        description = "Meetings of working groups and review teams, observer registration and weekly series. Times in requests are wall times in the meeting's time zone (e.g. `2027-05-15T09:00`). Staff calls carry `Authorization: Bearer <token>` (from `quorum token create`). Every error answers `{\"error\":{\"code\",\"message\",\"fields\"}}`."
    ),
    servers((url = "/api/v1")),
    paths(
        meetings::list,
        meetings::create,
        meetings::get,
        meetings::patch,
        meetings::cancel,
        meetings::registrations,
        registrations::for_meeting,
        materials::list,
        materials::create,
        materials::remove,
        groups::create,
        groups::get,
        groups::patch,
        group_home::add_member,
        group_home::remove_member,
        group_home::add_milestone,
        group_home::patch_milestone,
        group_home::delete_milestone,
        group_home::list_updates,
        group_home::add_update,
        group_home::patch_update,
        group_home::delete_update,
        input::list,
        input::hide,
        input::unhide,
        series::create,
        series::get,
        series::patch,
        registrations::for_series,
        openapi,
    ),
    components(schemas(ErrorBody, ErrorDetail), responses(ErrorBody)),
    modifiers(&BearerScheme),
    tags(
        (name = "meetings", description = "Meetings and their registrations"),
        (name = "registrations", description = "Registering as an observer"),
        (name = "materials", description = "Agendas, slides, minutes, recordings"),
        (name = "groups", description = "Groups and their public home: people, milestones, updates"),
        (name = "input", description = "Public input to a group"),
        (name = "series", description = "Weekly series of meetings"),
        (name = "api", description = "This description"),
    )
)]
pub struct ApiDoc;

/// Staff calls carry `Authorization: Bearer <token>`.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `quorum token create`."))
                    .build(),
            ),
        );
    }
}

/// The description of this API (OpenAPI 3.1).
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "api_openapi",
    tag = "api",
    responses((status = 200, description = "This description.", body = serde_json::Value)),
)]
pub async fn openapi() -> HttpResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let body = JSON.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_default());
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body.as_str())
}

/// An object that has each of `fields`.
fn requires(fields: &[&str]) -> ObjectBuilder {
    fields
        .iter()
        .fold(ObjectBuilder::new(), |o, f| o.required(*f))
}

/// A format whose value is one of `formats`, with the fields it needs.
fn format_case(formats: &[&str], needs: Vec<(&str, ObjectBuilder)>) -> ObjectBuilder {
    let format = ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(formats.to_vec()));
    needs.into_iter().fold(
        ObjectBuilder::new()
            .property("format", format)
            .required("format"),
        |o, (field, s)| o.property(field, s).required(field),
    )
}

/// What each format needs: a venue and a city held in a room, a join URL held online.
fn place_by_format() -> OneOfBuilder {
    let venue = || ("venue", schema::required_place::<200>());
    let city = || ("city", schema::required_place::<100>());
    let url = || ("online_url", schema::required_http_url());
    OneOfBuilder::new()
        .item(format_case(&["in_person"], vec![venue(), city()]))
        .item(format_case(&["online"], vec![url()]))
        .item(format_case(&["hybrid"], vec![venue(), city(), url()]))
        .description(Some(
            "In person: a venue and a city. Online: a join URL. Hybrid: all three.",
        ))
}

/// The body that creates a `T`: `T` with `required` fields and the other `rules`.
fn create_body<T: ToSchema>(required: &[&str], rules: Vec<RefOr<Schema>>) -> RefOr<Schema> {
    let all = AllOfBuilder::new()
        .item(Ref::from_schema_name(T::name()))
        .item(requires(required));
    rules.into_iter().fold(all, |a, r| a.item(r)).into()
}

macro_rules! create_schema {
    ($(#[$doc:meta])* $name:ident for $base:ty, $required:expr, $rules:expr) => {
        $(#[$doc])*
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                create_body::<$base>($required, $rules)
            }
        }

        impl ToSchema for $name {
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                schemas.push((<$base>::name().into(), <$base>::schema()));
                <$base as ToSchema>::schemas(schemas);
            }
        }
    };
}

create_schema!(
    /// `POST /meetings`: a span (`starts_at` and `ends_at`) or `days`, and the place the
    /// format needs.
    MeetingCreate for MeetingInput,
    &["group", "title", "format", "timezone"],
    vec![
        AnyOfBuilder::new()
            .item(
                requires(&["starts_at", "ends_at"])
                    .property("starts_at", schema::required_wall_time())
                    .property("ends_at", schema::required_wall_time()),
            )
            .item(
                ObjectBuilder::new()
                    .property("days", ObjectBuilder::new().schema_type(Type::Array))
                    .required("days"),
            )
            .into(),
        place_by_format().into(),
    ]
);

create_schema!(
    /// `POST /series`: either `until` or `count`, and the place the format needs.
    SeriesCreate for SeriesInput,
    &["group", "title", "format", "timezone", "first_start", "duration_minutes"],
    vec![
        OneOfBuilder::new()
            .item(requires(&["until"]).property("until", schema::required_date()))
            .item(
                requires(&["count"]).property(
                    "count",
                    ObjectBuilder::new().schema_type(SchemaType::new(Type::Integer)),
                ),
            )
            .into(),
        place_by_format().into(),
    ]
);

create_schema!(
    /// `POST /groups`.
    GroupCreate for GroupInput,
    &["slug", "name"],
    vec![ObjectBuilder::new()
        .property("name", schema::required_line::<200>())
        .into()]
);

create_schema!(
    /// `POST /groups/{slug}/milestones`.
    MilestoneCreate for MilestoneInput,
    &["date", "title", "status"],
    vec![]
);

create_schema!(
    /// `POST /groups/{slug}/updates`.
    UpdateCreate for UpdateInput,
    &["title", "body", "status"],
    vec![]
);

/// `PATCH /groups/{slug}`: any subset of the fields but the slug, which cannot change.
pub struct GroupPatch;

impl PartialSchema for GroupPatch {
    fn schema() -> RefOr<Schema> {
        let mut patch = GroupInput::schema();
        if let RefOr::T(Schema::Object(o)) = &mut patch {
            o.properties.retain(|name, _| name != "slug");
        }
        patch
    }
}

impl ToSchema for GroupPatch {}

/// `PATCH /series/{id}`: any subset of the create fields, and `from`.
pub struct SeriesPatch;

impl PartialSchema for SeriesPatch {
    fn schema() -> RefOr<Schema> {
        let mut patch = SeriesInput::schema();
        if let RefOr::T(Schema::Object(o)) = &mut patch {
            o.properties.insert(
                "from".into(),
                schema::date()
                    .description(Some(
                        "Apply the change from this date on (a split when it falls after the first occurrence).",
                    ))
                    .into(),
            );
        }
        patch
    }
}

impl ToSchema for SeriesPatch {}

/// Sets of error answers, each with the contract's error body, named by who may call and
/// what the call carries.
macro_rules! error_answers {
    ($($(#[$doc:meta])* $name:ident: $($status:literal),+;)+) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl utoipa::IntoResponses for $name {
                fn responses() -> std::collections::BTreeMap<
                    String,
                    RefOr<utoipa::openapi::response::Response>,
                > {
                    [$($status),+]
                        .into_iter()
                        .map(|s: u16| (s.to_string(), Ref::from_response_name("ErrorBody").into()))
                        .collect()
                }
            }
        )+
    };
}

error_answers! {
    /// Reading something public by its path.
    Lookup: 404;
    /// Reading something public that a staff token shows more of.
    LookupAsAnyone: 401, 404;
    /// Reading a public list with a query string.
    ListingQuery: 400, 404, 422;
    /// Staff reading or removing something by its path.
    StaffLookup: 401, 404;
    /// Staff sending a JSON body.
    StaffWrite: 400, 401, 404, 409, 413, 415, 422;
    /// Registering (anyone; at once with a staff token).
    Registering: 400, 401, 404, 409, 410, 413, 415, 422, 429;
}
