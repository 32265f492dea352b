//! What logs may say. Logs never hold a manage token, a password, a session id, a search
//! query or a full e-mail address, and every entry stays on one line whatever a client sent.

use actix_web::dev::ServiceRequest;

/// A request as the access log shows it: `GET /r/… HTTP/1.1`. The secret of a manage link
/// is cut, and so is every query string (staff searches name people).
pub fn request_line(req: &ServiceRequest) -> String {
    format!(
        "{} {} {:?}",
        req.method(),
        path(req.path(), !req.query_string().is_empty()),
        req.version()
    )
}

/// A path as logs show it: `/r/…` for a manage link, `?…` for a query string.
pub fn path(path: &str, has_query: bool) -> String {
    let mut out = match path.strip_prefix("/r/") {
        Some(_) => "/r/…".to_string(),
        None => text(path),
    };
    if has_query {
        out.push_str("?…");
    }
    out
}

/// An address as logs show it: `a…@example.org`.
pub fn email(address: &str) -> String {
    let mut out = String::new();
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            push_escaped(&mut out, &local.chars().take(1).collect::<String>());
            out.push_str("…@");
            push_escaped(&mut out, domain);
        }
        None => out.push('…'),
    }
    out
}

/// Free text (an error message, a server's answer) as logs show it: each e-mail address in
/// it masked, control characters written as escapes so that it stays one line.
pub fn text(s: &str) -> String {
    fn flush(word: &mut String, out: &mut String) {
        match word.split_once('@') {
            Some((local, domain)) if !local.is_empty() && !domain.is_empty() => {
                out.push_str(&email(word));
            }
            _ => out.push_str(word),
        }
        word.clear();
    }
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || "._%+-@".contains(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            push_escaped(&mut out, c.encode_utf8(&mut [0; 4]));
        }
    }
    flush(&mut word, &mut out);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_addresses_are_cut() {
        assert_eq!(path("/r/AbC123secret/invite.ics", false), "/r/…");
        assert_eq!(
            path("/staff/meetings/4/registrations", true),
            "/staff/meetings/4/registrations?…"
        );
        assert_eq!(path("/meetings/4", false), "/meetings/4");
        assert_eq!(email("alice.smith@example.org"), "a…@example.org");
        assert_eq!(
            text("permanent error (550): 5.1.1 <bob@example.org>: mailbox unavailable"),
            "permanent error (550): 5.1.1 <b…@example.org>: mailbox unavailable"
        );
        assert_eq!(
            text("to carol@example.org\nX-Injected: 1"),
            "to c…@example.org\\nX-Injected: 1"
        );
        assert!(!text("a\r\nb\u{0}c").contains(['\r', '\n', '\u{0}']));
    }
}
