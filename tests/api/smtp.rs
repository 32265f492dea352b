//! In-process SMTP sink for integration tests, built on `mailin-embedded`.
//!
//! `SmtpSink::start()` serves plain SMTP (no STARTTLS, no AUTH) on `127.0.0.1:<free port>` from
//! background threads. `mailin-embedded` cannot be shut down, so after the sink is dropped its
//! threads stay idle (blocked in `accept`) until the test process exits; they never keep it alive.
#![allow(dead_code)]

use std::io;
use std::net::{IpAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use mail_parser::{
    Address, ContentType, Message, MessageParser, MessagePart, MimeHeaders, PartType,
};
use mailin_embedded::{response, Handler, Response, Server};

/// Concurrent SMTP sessions per sink, one thread each. A lettre pool parks up to `max_size` (10 by
/// default) idle connections, each holding a session; this must exceed that, or new connections
/// wait for a free session until lettre's timeout.
const SESSION_THREADS: u32 = 16;

/// `TempFail` answers `RCPT TO` with 451 (transient), `PermFail` with 550 (permanent); the
/// message never reaches DATA then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SmtpMode {
    #[default]
    Accept,
    TempFail,
    PermFail,
}

#[derive(Default)]
struct Shared {
    mode: Mutex<SmtpMode>,
    /// (RCPT TO addresses, raw message) per accepted message, in order.
    accepted: Mutex<Vec<(Vec<String>, Vec<u8>)>>,
    refused: AtomicUsize,
    /// SMTP sessions open now (greeted with EHLO/HELO and not yet closed), and the most at once.
    open_sessions: AtomicUsize,
    max_open_sessions: AtomicUsize,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// mailin-embedded clones the handler for each connection, so the fields below are per session.
#[derive(Clone)]
struct SinkHandler {
    shared: Arc<Shared>,
    /// This handler serves a session that has said EHLO/HELO (counted in `open_sessions`).
    greeted: bool,
    refused_this_transaction: bool,
    envelope_to: Vec<String>,
    data: Vec<u8>,
}

impl Drop for SinkHandler {
    /// mailin drops a session's handler when the connection closes.
    fn drop(&mut self) {
        if self.greeted {
            self.shared.open_sessions.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

impl Handler for SinkHandler {
    fn helo(&mut self, _ip: IpAddr, _domain: &str) -> Response {
        if !std::mem::replace(&mut self.greeted, true) {
            let open = self.shared.open_sessions.fetch_add(1, Ordering::SeqCst) + 1;
            self.shared
                .max_open_sessions
                .fetch_max(open, Ordering::SeqCst);
        }
        response::OK
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        self.refused_this_transaction = false;
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        // Like real servers, the refusal names the address (logs must not repeat it).
        let (code, text) = match *lock(&self.shared.mode) {
            SmtpMode::Accept => return response::OK,
            SmtpMode::TempFail => (
                451,
                format!("4.3.0 <{to}>: SmtpSink: temporary failure, try again later"),
            ),
            SmtpMode::PermFail => (550, format!("5.1.1 <{to}>: SmtpSink: mailbox unavailable")),
        };
        if !std::mem::replace(&mut self.refused_this_transaction, true) {
            self.shared.refused.fetch_add(1, Ordering::SeqCst);
        }
        Response::custom(code, text)
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _8bit: bool, to: &[String]) -> Response {
        self.envelope_to = to.to_vec();
        self.data.clear();
        response::OK
    }

    /// Called once per received line (CRLF included), already dot-unstuffed by mailin.
    fn data(&mut self, line: &[u8]) -> io::Result<()> {
        self.data.extend_from_slice(line);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let to = std::mem::take(&mut self.envelope_to);
        let raw = std::mem::take(&mut self.data);
        lock(&self.shared.accepted).push((to, raw));
        response::OK
    }
}

pub struct SmtpSink {
    port: u16,
    shared: Arc<Shared>,
}

impl SmtpSink {
    /// Starts a server on 127.0.0.1:0 in background threads; never blocks the caller.
    pub fn start() -> SmtpSink {
        quorum::db::prepare_tls();
        let listener = TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|e| panic!("SmtpSink: cannot bind 127.0.0.1:0: {e}"));
        let port = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("SmtpSink: no local address: {e}"))
            .port();
        let shared = Arc::new(Shared::default());
        let handler = SinkHandler {
            shared: Arc::clone(&shared),
            greeted: false,
            refused_this_transaction: false,
            envelope_to: Vec::new(),
            data: Vec::new(),
        };
        let mut server = Server::new(handler);
        server
            .with_name("smtp-sink.test")
            .with_num_threads(SESSION_THREADS)
            .with_tcp_listener(listener);
        // `serve` only returns on a listener error; it loops over `accept` until the process exits.
        std::thread::spawn(move || {
            if let Err(e) = server.serve() {
                eprintln!("SmtpSink on port {port} stopped: {e}");
            }
        });
        SmtpSink { port, shared }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: SmtpMode) {
        *lock(&self.shared.mode) = mode;
    }

    /// Accepted messages, in order: the bytes sent after DATA, dot-unstuffed, up to (not
    /// including) the final `.` line. lettre sends `formatted()` + `\r\n.\r\n`, so the raw
    /// message is `formatted()` followed by one extra `\r\n`.
    pub fn raw_messages(&self) -> Vec<Vec<u8>> {
        let accepted = lock(&self.shared.accepted);
        accepted.iter().map(|(_, raw)| raw.clone()).collect()
    }

    /// The most SMTP sessions that were open at once.
    pub fn max_open_sessions(&self) -> usize {
        self.shared.max_open_sessions.load(Ordering::SeqCst)
    }

    /// Number of delivery attempts (SMTP transactions) refused because of the mode.
    pub fn refused_count(&self) -> usize {
        self.shared.refused.load(Ordering::SeqCst)
    }

    /// Waits until at least `n` messages were accepted and returns all accepted so far, parsed.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let accepted = lock(&self.shared.accepted).clone();
            if accepted.len() >= n {
                let parse = |(to, raw): (Vec<String>, Vec<u8>)| ReceivedMail::parse(&raw, to);
                return accepted.into_iter().map(parse).collect();
            }
            assert!(
                Instant::now() < deadline,
                "SmtpSink on port {}: expected at least {n} message(s) within {timeout:?}, \
                 but {} arrived ({} refused)",
                self.port,
                accepted.len(),
                self.refused_count(),
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A received message, parsed back with mail-parser.
#[derive(Debug)]
pub struct ReceivedMail {
    pub raw: Vec<u8>,
    pub envelope_to: Vec<String>,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    /// Without the angle brackets.
    pub message_id: Option<String>,
    pub content_type: String,
    pub text: Option<String>,
    pub html: Option<String>,
    pub calendar: Option<CalendarPart>,
    /// Leaf parts with `Content-Disposition: attachment`, or with a non-text body.
    pub attachments: Vec<Attachment>,
}

#[derive(Debug)]
pub struct CalendarPart {
    pub method_param: Option<String>,
    pub charset: Option<String>,
    pub body: String,
}

#[derive(Debug)]
pub struct Attachment {
    pub filename: Option<String>,
    pub content_type: String,
    pub body: Vec<u8>,
}

fn parse_message(raw: &[u8]) -> Message<'_> {
    let parsed = MessageParser::default().parse(raw);
    parsed.unwrap_or_else(|| panic!("SmtpSink: unparsable:\n{}", String::from_utf8_lossy(raw)))
}

/// All MIME parts in tree (depth-first, document) order, root first.
fn parts_in_order<'a>(message: &'a Message<'a>) -> Vec<&'a MessagePart<'a>> {
    fn walk<'a>(message: &'a Message<'a>, id: u32, out: &mut Vec<&'a MessagePart<'a>>) {
        if let Some(part) = message.part(id) {
            out.push(part);
            for &child in part.sub_parts().unwrap_or_default() {
                walk(message, child, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(message, 0, &mut out);
    out
}

/// Lower-cased `type/subtype`; a part without Content-Type is `text/plain` (RFC 2045).
fn mime_type(part: &MessagePart<'_>) -> String {
    let full = |ct: &ContentType| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default());
    part.content_type()
        .map_or("text/plain".to_owned(), full)
        .to_ascii_lowercase()
}

fn addresses(address: Option<&Address<'_>>) -> Vec<String> {
    let addrs = address
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address());
    addrs.map(str::to_owned).collect()
}

impl ReceivedMail {
    pub fn parse(raw: &[u8], envelope_to: Vec<String>) -> ReceivedMail {
        let message = parse_message(raw);
        let parts = parts_in_order(&message);
        let (mut text, mut html, mut calendar, mut attachments) = (None, None, None, Vec::new());
        for part in parts.iter().filter(|p| !p.is_multipart()) {
            let content_type = mime_type(part);
            let disposition = part.content_disposition();
            let attached = disposition.is_some_and(|d| d.is_attachment());
            let binary = matches!(part.body, PartType::Binary(_) | PartType::InlineBinary(_));
            let body = || part.text_contents().map(str::to_owned);
            let param = |name| part.content_type()?.attribute(name).map(str::to_owned);
            match content_type.as_str() {
                "text/plain" if !attached && text.is_none() => text = body(),
                "text/html" if !attached && html.is_none() => html = body(),
                "text/calendar" if !attached && calendar.is_none() => {
                    calendar = Some(CalendarPart {
                        method_param: param("method"),
                        charset: param("charset"),
                        body: body().unwrap_or_default(),
                    });
                }
                _ if attached || binary => {
                    attachments.push(Attachment {
                        filename: part.attachment_name().map(str::to_owned),
                        content_type,
                        body: part.contents().to_vec(),
                    });
                }
                _ => {}
            }
        }
        ReceivedMail {
            raw: raw.to_vec(),
            envelope_to,
            from: addresses(message.from())
                .first()
                .cloned()
                .unwrap_or_default(),
            to: addresses(message.to()),
            subject: message.subject().unwrap_or_default().to_owned(),
            message_id: message.message_id().map(str::to_owned),
            content_type: parts.first().map(|p| mime_type(p)).unwrap_or_default(),
            text,
            html,
            calendar,
            attachments,
        }
    }

    /// All MIME content types in tree order, e.g. `["multipart/mixed", "multipart/alternative",
    /// "text/plain", "text/html", "text/calendar", "application/ics"]`.
    pub fn content_types(&self) -> Vec<String> {
        let message = parse_message(&self.raw);
        let parts = parts_in_order(&message);
        parts.into_iter().map(mime_type).collect()
    }
}
