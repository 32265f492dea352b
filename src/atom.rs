//! Atom 1.0 (RFC 4287) feeds of a group's published updates: pure functions of the rows.
//! Ids are `tag:` URIs (RFC 4151) of the site's host, so they stay the same whatever else
//! changes.

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::db::groups::Group;
use crate::db::updates::Update;
use crate::i18n::Lang;
use crate::views::{group_feed_url, site_host, update_url};

/// The feed of `group`'s `updates` (published ones only, newest first), its own words in
/// `lang` (what staff wrote stays as written); `query` (`?lang=fr`, or empty) follows every
/// link, its own included.
pub fn updates_feed(
    lang: Lang,
    query: &str,
    base_url: &str,
    group: &Group,
    updates: &[Update],
) -> Result<String, atom_syndication::Error> {
    let host = site_host(base_url);
    let tag = |since: NaiveDateTime, what: String| {
        format!("tag:{host},{}:{what}", since.format("%Y-%m-%d"))
    };
    let page = format!("{}{query}", crate::views::group_url(base_url, &group.slug));
    let updated = updates
        .iter()
        .map(|u| u.updated_at)
        .max()
        .unwrap_or(group.created_at);
    let feed = Feed {
        title: Text::plain(xml_text(&lang.msg1(
            "atom-updates-title",
            "group",
            &group.name,
        ))),
        id: tag(group.created_at, format!("groups/{}/updates", group.id)),
        updated: instant(updated),
        authors: vec![Person {
            name: xml_text(&group.name),
            uri: Some(page.clone()),
            ..Person::default()
        }],
        links: vec![
            link(
                &format!(
                    "{}{query}",
                    group_feed_url(base_url, &group.slug, "updates.atom")
                ),
                "self",
                "application/atom+xml",
            ),
            link(&page, "alternate", "text/html"),
        ],
        entries: updates
            .iter()
            .map(|u| Entry {
                title: Text::plain(xml_text(&u.title)),
                id: tag(u.created_at, format!("updates/{}", u.id)),
                updated: instant(u.updated_at),
                published: u.published_at.map(instant),
                links: vec![link(
                    &format!("{}{query}", update_url(base_url, &group.slug, u.id)),
                    "alternate",
                    "text/html",
                )],
                content: Some(Content {
                    value: Some(xml_text(&crate::markdown::to_safe_html(&u.body))),
                    content_type: Some("html".into()),
                    ..Content::default()
                }),
                ..Entry::default()
            })
            .collect(),
        lang: Some(lang.code().into()),
        ..Feed::default()
    };
    let bytes = feed.write_to(Vec::new())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime_type.to_string()),
        ..Link::default()
    }
}

fn instant(t: NaiveDateTime) -> atom_syndication::FixedDateTime {
    Utc.from_utc_datetime(&t).fixed_offset()
}

/// Text that XML 1.0 can carry: no control characters but tab and line breaks.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}
