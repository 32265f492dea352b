//! Plain text that strangers wrote, for public pages: cut into lines and pieces that a
//! template escapes one by one, with http(s) links made clickable and e-mail addresses
//! obscured. Nothing here writes HTML: the template does, escaping every piece.
//!
//! Addresses: any word with text on both sides of an `@` shows as its part before the `@`
//! followed by `@…` (`ada@example.org` → `ada@…`), so the archive shows who was meant
//! without handing out an address. A link that holds an `@` (user info, an address in its
//! query) is not made clickable and is obscured the same way.

use linkify::{LinkFinder, LinkKind};

/// A piece of a line: text, or a link to `href` showing `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// An absolute http(s) URL, in its normalised (percent-encoded) form.
    pub href: Option<String>,
}

/// `text` as lines of pieces (one line per `\n`), addresses obscured.
pub fn lines(text: &str) -> Vec<Vec<Piece>> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    text.split('\n')
        .map(|line| {
            finder
                .spans(line)
                .map(|span| {
                    let s = span.as_str();
                    match span.kind().and_then(|_| http_link(s)) {
                        Some(href) => Piece {
                            text: s.to_string(),
                            href: Some(href),
                        },
                        None => Piece {
                            text: obscure_addresses(s),
                            href: None,
                        },
                    }
                })
                .collect()
        })
        .collect()
}

/// The link's normalised URL when it is an http(s) URL with a host and no `@` in it.
fn http_link(s: &str) -> Option<String> {
    if s.contains('@') {
        return None;
    }
    let url = url::Url::parse(s).ok()?;
    let web = matches!(url.scheme(), "http" | "https") && url.host_str().is_some();
    web.then(|| url.to_string())
}

/// `text` with every address-like word cut after its `@` (`ada@example.org` → `ada@…`).
pub fn obscure_addresses(text: &str) -> String {
    if !text.contains('@') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        out.push_str(&obscure_word(word));
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        out.push_str(&after[..space_end]);
        rest = &after[space_end..];
    }
    out
}

/// A word with text before and after its first `@` is kept up to that `@`, then `…`.
fn obscure_word(word: &str) -> String {
    match word.split_once('@') {
        Some((before, after)) if !before.is_empty() && !after.is_empty() => {
            format!("{before}@…")
        }
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        lines(text)
            .into_iter()
            .flatten()
            .filter_map(|p| p.href.map(|h| (p.text, h)))
            .collect()
    }

    #[test]
    fn only_http_links_become_links() {
        assert_eq!(
            links("see https://example.org/a_(b). and https://Example.ORG/ä, or http://x.org/?q=\"1\""),
            vec![
                ("https://example.org/a_(b)".into(), "https://example.org/a_(b)".into()),
                ("https://Example.ORG/ä".into(), "https://example.org/%C3%A4".into()),
                ("http://x.org/?q=".into(), "http://x.org/?q=".into()),
            ],
            "a link ends before a quote"
        );
        for hostile in [
            "javascript:alert(1)",
            "javascript://%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/x",
            "https://user@example.org/",
        ] {
            assert!(links(hostile).is_empty(), "{hostile}");
        }
    }

    #[test]
    fn keeps_lines_and_obscures_addresses() {
        let l = lines("Write to ada@example.org,\nor (bob@x.org) @team a @ b");
        assert_eq!(l.len(), 2);
        let text: Vec<String> = l
            .iter()
            .map(|line| line.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(text, vec!["Write to ada@…", "or (bob@… @team a @ b"]);
        let url = lines("https://example.org/?to=ada@example.org");
        assert_eq!(url[0][0].href, None);
        assert_eq!(url[0][0].text, "https://example.org/?to=ada@…");
        assert!(!obscure_addresses("mailto:ada@example.org").contains("example"));
    }
}
