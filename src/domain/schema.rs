//! How the API's input fields are described in its OpenAPI document: the rules the parsers
//! of this module apply (text is trimmed and must not be blank where it is required, no
//! control characters, lengths in characters), written as JSON Schema for `schema_with`.

use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{KnownFormat, SchemaFormat};

/// A character of one line: no control character but the tab (`required_text`, `single_line`).
const LINE: &str = r"[^\x00-\x08\x0a-\x1f\x7f-\x9f]";
/// A character of a text of several lines: line breaks and tabs allowed (`optional_text`).
const TEXT: &str = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]";
/// A character of a URL or address field: no control character at all (`no_controls`).
const PLAIN: &str = r"[^\x00-\x1f\x7f-\x9f]";
/// A character that is neither blank nor a control character.
const VISIBLE: &str = r"[^\s\x00-\x1f\x7f-\x9f]";

fn string(nullable: bool) -> ObjectBuilder {
    let ty = if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::new(Type::String)
    };
    ObjectBuilder::new().schema_type(ty)
}

fn bounded(nullable: bool, pattern: String, max: usize) -> ObjectBuilder {
    string(nullable)
        .pattern(Some(pattern))
        .max_length(Some(max))
}

/// A required single line of at most `MAX` characters, not blank.
pub fn required_line<const MAX: usize>() -> ObjectBuilder {
    bounded(false, format!("^{LINE}*{VISIBLE}{LINE}*$"), MAX).min_length(Some(1))
}

/// A single line as `required_line`, or null (in a change: left as it is).
pub fn required_line_or_null<const MAX: usize>() -> ObjectBuilder {
    required_line::<MAX>().schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

/// An optional single line of at most `MAX` characters (blank or null: none).
pub fn line<const MAX: usize>() -> ObjectBuilder {
    bounded(true, format!("^{LINE}*$"), MAX)
}

/// A required text of at most `MAX` characters, line breaks allowed, not blank.
pub fn required_text<const MAX: usize>() -> ObjectBuilder {
    bounded(false, format!("^{TEXT}*{VISIBLE}{TEXT}*$"), MAX).min_length(Some(1))
}

/// An optional text of at most `MAX` characters, line breaks allowed.
pub fn text<const MAX: usize>() -> ObjectBuilder {
    bounded(true, format!("^{TEXT}*$"), MAX)
}

/// An optional place field (venue, address, city, country): one line, no control character.
pub fn place<const MAX: usize>() -> ObjectBuilder {
    bounded(true, format!("^{PLAIN}*$"), MAX)
}

/// An absolute http(s) URL with a host: a dotted IPv4 address, or names whose last one is
/// not a number (a WHATWG URL parser reads such a host as an IPv4 address).
const HTTP_URL: &str = concat!(
    r"^https?://(((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])",
    r"|([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)",
    r"(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?",
    r"(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$"
);

/// An optional absolute http(s) URL (blank or null: none).
pub fn http_url() -> ObjectBuilder {
    let pattern = format!(r"^\s*$|{HTTP_URL}");
    bounded(true, pattern, 2000).examples(["https://meet.example.org/ssr2"])
}

/// A required e-mail address.
pub fn email() -> ObjectBuilder {
    string(false)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
        .min_length(Some(3))
        .max_length(Some(254))
        .examples(["observer@example.org"])
}

/// An optional e-mail address: blank or null for none.
pub fn optional_email() -> AnyOfBuilder {
    AnyOfBuilder::new()
        .item(email())
        .item(string(true).pattern(Some(r"^\s*$")))
        .description(Some("An e-mail address; blank or null for none."))
}

/// A wall time in the meeting's zone: `2027-05-15T09:00` (seconds optional, a space may
/// stand for the `T`). Whether it exists in that zone is checked against the zone's rules.
pub fn wall_time() -> ObjectBuilder {
    string(true)
        .pattern(Some(
            r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?\s*$",
        ))
        .examples(["2027-05-15T09:00"])
}

/// A required wall time (see `wall_time`).
pub fn required_wall_time() -> ObjectBuilder {
    wall_time().schema_type(SchemaType::new(Type::String))
}

/// An optional date, `2027-12-31`.
pub fn date() -> ObjectBuilder {
    string(true).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
}

/// One of `names`, or blank (the default) or null.
pub fn choice_or_default(names: &[&str]) -> ObjectBuilder {
    let mut values: Vec<serde_json::Value> = names.iter().map(|n| (*n).into()).collect();
    values.push("".into());
    values.push(serde_json::Value::Null);
    string(true).enum_values(Some(values))
}

/// A meeting's status as staff set it (cancelling has its own action); blank: `draft`.
pub fn editable_status() -> ObjectBuilder {
    choice_or_default(&["draft", "published"])
        .description(Some("`draft` (the default) or `published`."))
}

/// Whether the join URL goes to registrants only (the default) or is public.
pub fn url_visibility() -> ObjectBuilder {
    choice_or_default(&["registrants", "public"])
}

/// A seat limit: a whole number from 0 (none) to 1,000,000; null: unlimited.
pub fn capacity() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .minimum(Some(0))
        .maximum(Some(1_000_000))
}

/// Reminder lead times in minutes before the start: at most 3, each 5 to 20160.
pub fn reminders() -> ArrayBuilder {
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(5))
                .maximum(Some(20_160)),
        )
        .max_items(Some(3))
        .description(Some(
            "Reminder lead times in minutes before the start (default [1440]; [] for none).",
        ))
}

/// A group's slug: 1 to 64 lower-case letters, digits and hyphens.
pub fn slug() -> ObjectBuilder {
    string(false)
        .pattern(Some("^[a-z0-9-]{1,64}$"))
        .min_length(Some(1))
        .max_length(Some(64))
        .examples(["ssr2"])
}

/// The slug of an existing group.
pub fn group_slug() -> ObjectBuilder {
    slug().description(Some("The slug of an existing group."))
}

/// An IANA time zone name known to the tz database in use.
pub fn timezone() -> ObjectBuilder {
    string(false)
        .pattern(Some(r"^\s*[A-Za-z][A-Za-z0-9_+/-]*\s*$"))
        .max_length(Some(64))
        .description(Some("An IANA time zone name, e.g. Europe/Madrid."))
        .examples(["Europe/Madrid"])
}

/// A series' first start (see `wall_time`); required.
pub fn first_start() -> ObjectBuilder {
    required_wall_time().examples(["2027-01-06T14:00"])
}

/// The weekdays of a weekly rule: `MO` … `SU` (lower case and English names are read too).
pub fn weekdays() -> ArrayBuilder {
    let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(days)),
        )
        .min_items(Some(1))
        .description(Some("Default: the first start's weekday."))
}

/// Markdown of at most 65,536 bytes of UTF-8 (here: characters; the bytes are checked too).
pub fn markdown() -> ObjectBuilder {
    text::<65536>()
}

/// Required Markdown (not blank), at most 65,536 bytes of UTF-8.
pub fn required_markdown() -> ObjectBuilder {
    required_text::<65536>()
}

/// A required date, `2027-12-31`.
pub fn required_date() -> ObjectBuilder {
    date().schema_type(SchemaType::new(Type::String))
}

/// A required absolute http(s) URL.
pub fn required_http_url() -> ObjectBuilder {
    http_url()
        .schema_type(SchemaType::new(Type::String))
        .pattern(Some(HTTP_URL))
        .min_length(Some(1))
}

/// Who sees a material: `public` (the default) or `registrants`.
pub fn material_visibility() -> ObjectBuilder {
    choice_or_default(&["public", "registrants"])
}

/// The same in an upload form: a text field, never null.
pub fn form_visibility() -> ObjectBuilder {
    string(false).enum_values(Some(["public", "registrants", ""]))
}

/// A language code for the mail: `en`, `fr`, `es`, `ar`, `zh` or `ru`.
pub fn lang() -> ObjectBuilder {
    string(false).enum_values(Some(["en", "fr", "es", "ar", "zh", "ru"]))
}

/// The status of a registration that holds a seat or waits for one.
pub fn seat_status() -> ObjectBuilder {
    string(false).enum_values(Some(["confirmed", "waitlisted"]))
}

/// The status of a registration that waits for its address to be confirmed.
pub fn pending_status() -> ObjectBuilder {
    string(false).enum_values(Some(["pending"]))
}

/// A date (midnight UTC) or an RFC 3339 instant; blank for none.
pub fn date_or_instant() -> AnyOfBuilder {
    let with = |f: KnownFormat| string(false).format(Some(SchemaFormat::KnownFormat(f)));
    AnyOfBuilder::new()
        .item(with(KnownFormat::Date))
        .item(with(KnownFormat::DateTime))
        .item(string(false).pattern(Some(r"^\s*$")))
        .examples(["2027-05-01"])
}

/// A form's yes or no: `true`, `on`, `1`; `false`, `0` or empty.
pub fn form_flag() -> ObjectBuilder {
    string(false).enum_values(Some(["true", "on", "1", "false", "0", ""]))
}

/// A required place field (venue, city): one line, not blank.
pub fn required_place<const MAX: usize>() -> ObjectBuilder {
    bounded(false, format!("^{PLAIN}*{VISIBLE}{PLAIN}*$"), MAX).min_length(Some(1))
}
