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

/// `source` cut after its first block that is not a heading (with the headings before it):
/// the lead a page shows at once, and the rest it may fold away. The rest is empty when
/// there is nothing after the lead.
pub fn split_lead(source: &str) -> (&str, &str) {
    let cut = |end: usize| {
        let (lead, rest) = source.split_at(end.min(source.len()));
        (lead, if rest.trim().is_empty() { "" } else { rest })
    };
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && !matches!(end, pulldown_cmark::TagEnd::Heading(_)) {
                    return cut(range.end);
                }
            }
            // A rule or another leaf block on its own.
            _ if depth == 0 => return cut(range.end),
            _ => {}
        }
    }
    (source, "")
}

#[cfg(test)]
mod lead_tests {
    use super::split_lead;

    #[test]
    fn the_lead_is_the_first_paragraph_with_its_heading() {
        let src = "## Mandate\n\nReview the SSR.\nSecond line.\n\n## Topics\n\n- one\n";
        let (lead, rest) = split_lead(src);
        assert_eq!(lead, "## Mandate\n\nReview the SSR.\nSecond line.\n");
        assert_eq!(rest, "\n## Topics\n\n- one\n");
        assert_eq!(
            split_lead("Just one paragraph."),
            ("Just one paragraph.", "")
        );
        assert_eq!(split_lead(""), ("", ""));
    }
}
