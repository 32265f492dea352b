//! The mail that tells a registrant that minutes, a recording or slides were added.

use askama::Template;
use diesel::QueryResult;

use super::about::About;
use super::context::{greeting, render_error, MailContext};
use super::messages::{queue, MailKind, Rendered};
use crate::db::registrations::Registration;
use crate::db::DbConn;
use crate::views::DayLine;

/// What the material mail shows.
pub struct MaterialView {
    pub greeting: String,
    /// The recipient's language, and the labels of the text body in it.
    pub lang: crate::i18n::Lang,
    pub col: super::words::Column,
    pub heading: String,
    pub title: String,
    pub group: String,
    pub when: Vec<DayLine>,
    pub material_title: String,
    pub material_kind: String,
    pub material_url: String,
    pub page_url: String,
    pub manage_url: String,
}

#[derive(Template)]
#[template(path = "mail/material.txt")]
struct TextBody<'a> {
    v: &'a MaterialView,
}

#[derive(Template)]
#[template(path = "mail/material.html")]
struct HtmlBody<'a> {
    v: &'a MaterialView,
}

/// The material that was added: its title, kind and where to get it (`None`: through the
/// recipient's own manage link, for registrants-only files).
pub struct Added<'a> {
    pub id: i64,
    pub title: &'a str,
    pub kind: crate::domain::MaterialKind,
    pub public_url: Option<&'a str>,
}

/// Writes and queues the message to one registrant; `token` is a fresh manage-link secret.
pub fn enqueue(
    conn: &mut DbConn,
    ctx: &MailContext,
    about: &About<'_>,
    material: &Added<'_>,
    to: &Registration,
    token: &str,
) -> QueryResult<()> {
    let kind = MailKind::MaterialAdded;
    let manage_url = ctx.manage_url(token);
    let lang = to.lang();
    let view = MaterialView {
        greeting: greeting(to),
        lang,
        col: super::words::Column::new(lang),
        heading: kind.subject_prefix(lang),
        title: about.title().to_string(),
        group: about.group().name.clone(),
        when: about.when_in(lang),
        material_title: material.title.to_string(),
        material_kind: material.kind.label(lang),
        material_url: match material.public_url {
            Some(u) => u.to_string(),
            None => crate::db::materials::through_manage(&manage_url, material.id),
        },
        page_url: about.page_url(&ctx.base_url),
        manage_url,
    };
    let r = Rendered {
        subject: kind.subject(lang, about.title()),
        text: TextBody { v: &view }
            .render()
            .map_err(|e| render_error("text", e))?,
        html: HtmlBody { v: &view }
            .render()
            .map_err(|e| render_error("html", e))?,
        ics: None,
    };
    queue(
        conn,
        ctx,
        kind,
        about.meeting_id(),
        to,
        &r,
        crate::db::now(),
    )
}
