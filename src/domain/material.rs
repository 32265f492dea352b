//! Materials attached to a meeting: what a staff member sends, parsed into valid values.

use super::{given, is_http_url, no_controls, required_text, single_line, FieldErrors};
use super::{schema, MaterialKind, UrlVisibility};

/// The fields every material has, from a JSON body or a multipart form.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = MaterialLink)]
pub struct MaterialFields {
    #[schema(required = true, schema_with = schema::required_line::<200>)]
    pub title: Option<String>,
    #[schema(required = true, value_type = MaterialKind, nullable = false)]
    pub kind: Option<String>,
    /// The link (http or https).
    #[schema(required = true, schema_with = schema::required_http_url)]
    pub url: Option<String>,
    /// `public` (the default) or `registrants`.
    #[schema(schema_with = schema::material_visibility)]
    pub visibility: Option<String>,
    /// Mail every confirmed registrant once with the link (minutes, recordings, slides).
    pub notify: Option<bool>,
}

/// A material's description, checked.
#[derive(Debug, Clone)]
pub struct MaterialInput {
    pub title: String,
    pub kind: MaterialKind,
    pub visibility: UrlVisibility,
    pub notify: bool,
}

/// A link material: its description and the http(s) URL it points to.
#[derive(Debug, Clone)]
pub struct LinkInput {
    pub material: MaterialInput,
    pub url: String,
}

/// The largest title, in characters.
const TITLE_MAX: usize = 200;
/// The largest link, in characters.
const URL_MAX: usize = 2_000;
/// The largest stored file name, in characters.
const FILENAME_MAX: usize = 200;

impl MaterialFields {
    /// The description, or every problem with it.
    pub fn parse(&self) -> Result<MaterialInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = required_text(&mut errors, "title", self.title.as_deref(), TITLE_MAX);
        single_line(&mut errors, "title", &title);
        let kind = match given(self.kind.as_deref()) {
            None => {
                errors.add("kind", "This field is required.");
                None
            }
            Some(k) => MaterialKind::parse(k).or_else(|| {
                errors.add("kind", format!("Use one of {}.", MaterialKind::names()));
                None
            }),
        };
        let visibility = match given(self.visibility.as_deref()) {
            None => Some(UrlVisibility::Public),
            Some(v) => UrlVisibility::parse(v).or_else(|| {
                errors.add("visibility", "Use public or registrants.");
                None
            }),
        };
        match (kind, visibility) {
            (Some(kind), Some(visibility)) if errors.is_empty() => Ok(MaterialInput {
                title,
                kind,
                visibility,
                notify: self.notify.unwrap_or(false),
            }),
            _ => Err(errors),
        }
    }

    /// A link material, or every problem with it.
    pub fn parse_link(&self) -> Result<LinkInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let url = given(self.url.as_deref()).unwrap_or("").to_string();
        no_controls(&mut errors, "url", Some(&url));
        if url.is_empty() {
            errors.add("url", "This field is required.");
        } else if url.chars().count() > URL_MAX || !is_http_url(&url) {
            errors.add("url", "Must be an http:// or https:// URL.");
        }
        let (material, url) = FieldErrors::both(self.parse(), errors.into_result(url))?;
        Ok(LinkInput { material, url })
    }
}

/// `true`/`false` (also `on`, `1`, `0`, empty) from a form field.
pub fn form_flag(field: &str, value: &str) -> Result<bool, FieldErrors> {
    match value.trim() {
        "true" | "on" | "1" => Ok(true),
        "false" | "0" | "" => Ok(false),
        _ => {
            let mut errors = FieldErrors::default();
            errors.add(field, "Use true or false.");
            Err(errors)
        }
    }
}

/// A file name safe to show in a URL path and a `Content-Disposition` header: the last path
/// part, with anything but letters, digits, `.`, `-` and `_` replaced by `_`.
pub fn safe_filename(raw: Option<&str>) -> String {
    let base = raw
        .unwrap_or("")
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim();
    let cleaned: String = base
        .chars()
        .take(FILENAME_MAX)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned
    }
}

/// Whether a file of this type may be shown in the browser: PDF and common images only.
pub fn shown_inline(content_type: &str) -> bool {
    matches!(
        content_type,
        "application/pdf" | "image/png" | "image/jpeg" | "image/gif" | "image/webp"
    )
}

/// The type a file is served as, from its name's extension (what the browser claims is not
/// trusted).
pub fn content_type_for(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" | "md" | "vtt" => "text/plain; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}
