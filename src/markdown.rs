//! Markdown that staff write (the agenda) turned into HTML that is safe to show: raw HTML in
//! the source is shown as text, nothing can run, and links get `rel="nofollow noopener"`.

use pulldown_cmark::{Event, Options, Parser};

/// Renders `source` as sanitised HTML.
pub fn to_safe_html(source: &str) -> String {
    let events = Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        // Raw HTML is shown as the text it is, never rendered.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    });
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("nofollow noopener"))
        .clean(&html)
        .to_string()
}
