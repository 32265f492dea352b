//! An SMTP sink for benchmarks: accepts every message, keeps no message, counts them, spots
//! a Message-ID seen twice, and hands the link each message carries (`…/r/<token>`) to a
//! load client that waits for it (`Sink::link_for`, or `GET /link?to=` on the control port).
//!
//! It answers EHLO with 8BITMIME and SMTPUTF8 (Quorum's mail is UTF-8), no STARTTLS, no
//! AUTH; every reply is a single write on a `TCP_NODELAY` socket.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

#[derive(Default)]
struct State {
    messages: u64,
    bytes: u64,
    duplicates: u64,
    without_id: u64,
    ids: HashSet<String>,
    first_ms: Option<u128>,
    last_ms: Option<u128>,
    sessions: u64,
    open: u64,
    max_open: u64,
    links_found: u64,
    /// Links not yet taken, per recipient (only with `keep_links`).
    links: HashMap<String, VecDeque<String>>,
    /// Clients waiting for a recipient's next link.
    waiting: HashMap<String, Vec<oneshot::Sender<String>>>,
}

/// The sink; clones share one state.
#[derive(Clone)]
pub struct Sink {
    state: Arc<Mutex<State>>,
    keep_links: bool,
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

impl Sink {
    /// `keep_links`: remember each message's link until a client takes it (needed when
    /// clients may ask after the message arrived).
    pub fn new(keep_links: bool) -> Sink {
        Sink {
            state: Arc::new(Mutex::new(State::default())),
            keep_links,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Accepts SMTP sessions until the process ends.
    pub async fn serve_smtp(self, listener: TcpListener) {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let sink = self.clone();
            tokio::spawn(async move {
                {
                    let mut s = sink.state();
                    s.sessions += 1;
                    s.open += 1;
                    s.max_open = s.max_open.max(s.open);
                }
                let _ = sink.session(stream).await;
                sink.state().open -= 1;
            });
        }
    }

    async fn session(&self, stream: TcpStream) -> io::Result<()> {
        stream.set_nodelay(true)?;
        let (read, mut write) = stream.into_split();
        let mut read = BufReader::with_capacity(64 * 1024, read);
        write.write_all(b"220 quorum-smtp-sink ESMTP\r\n").await?;
        let (mut line, mut rcpts, mut data) = (Vec::new(), Vec::new(), Vec::new());
        loop {
            line.clear();
            if read.read_until(b'\n', &mut line).await? == 0 {
                return Ok(());
            }
            let verb = line
                .get(..4)
                .map(|v| v.to_ascii_uppercase())
                .unwrap_or_default();
            let reply: &[u8] = match verb.as_slice() {
                b"EHLO" => b"250-quorum-smtp-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n",
                b"MAIL" | b"RSET" => {
                    rcpts.clear();
                    b"250 2.0.0 OK\r\n"
                }
                b"RCPT" => {
                    rcpts.push(address_in(&line));
                    b"250 2.1.5 OK\r\n"
                }
                b"DATA" => {
                    write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                    if !read_data(&mut read, &mut data).await? {
                        return Ok(());
                    }
                    self.received(&rcpts, &data);
                    b"250 2.0.0 queued\r\n"
                }
                b"HELO" | b"NOOP" => b"250 2.0.0 OK\r\n",
                b"QUIT" => {
                    write.write_all(b"221 2.0.0 bye\r\n").await?;
                    return Ok(());
                }
                _ => b"502 5.5.2 not implemented\r\n",
            };
            write.write_all(reply).await?;
        }
    }

    fn received(&self, rcpts: &[String], data: &[u8]) {
        let id = message_id(data);
        let link = link_in(data);
        let mut s = self.state();
        let now = now_ms();
        s.messages += 1;
        s.bytes += data.len() as u64;
        s.first_ms.get_or_insert(now);
        s.last_ms = Some(now);
        match id {
            Some(id) => {
                if !s.ids.insert(id) {
                    s.duplicates += 1;
                }
            }
            None => s.without_id += 1,
        }
        let Some(link) = link else { return };
        s.links_found += 1;
        for to in rcpts {
            let waiter = s.waiting.get_mut(to).and_then(|w| w.pop());
            match waiter {
                Some(tx) => {
                    let _ = tx.send(link.clone());
                }
                None if self.keep_links => {
                    s.links.entry(to.clone()).or_default().push_back(link.clone());
                }
                None => {}
            }
        }
    }

    /// The next link mailed to `recipient` (already received, or the next to arrive).
    pub async fn link_for(&self, recipient: &str) -> Option<String> {
        let rx = {
            let mut s = self.state();
            if let Some(link) = s.links.get_mut(recipient).and_then(VecDeque::pop_front) {
                return Some(link);
            }
            let (tx, rx) = oneshot::channel();
            s.waiting.entry(recipient.to_string()).or_default().push(tx);
            rx
        };
        rx.await.ok()
    }

    /// The counters as one JSON object.
    pub fn stats_json(&self) -> String {
        let s = self.state();
        let opt = |v: Option<u128>| v.map_or("null".to_string(), |v| v.to_string());
        format!(
            "{{\"messages\":{},\"unique_message_ids\":{},\"duplicates\":{},\"without_message_id\":{},\"bytes\":{},\"sessions\":{},\"max_open_sessions\":{},\"links_found\":{},\"first_ms\":{},\"last_ms\":{},\"now_ms\":{}}}",
            s.messages,
            s.ids.len(),
            s.duplicates,
            s.without_id,
            s.bytes,
            s.sessions,
            s.max_open,
            s.links_found,
            opt(s.first_ms),
            opt(s.last_ms),
            now_ms()
        )
    }

    /// A tiny HTTP control port: `GET /stats` (JSON counters) and `GET /link?to=ADDRESS`
    /// (the next link mailed there, waiting up to 30 s; 404 after that).
    pub async fn serve_http(self, listener: TcpListener) {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let sink = self.clone();
            tokio::spawn(async move {
                let _ = sink.http(stream).await;
            });
        }
    }

    async fn http(&self, mut stream: TcpStream) -> io::Result<()> {
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 8192 {
            let n = stream.read(&mut buf).await?;
            if n == 0 {
                return Ok(());
            }
            head.extend_from_slice(&buf[..n]);
        }
        let head = String::from_utf8_lossy(&head);
        let target = head.split_whitespace().nth(1).unwrap_or("/");
        let (status, body) = if target == "/stats" {
            ("200 OK", self.stats_json())
        } else if let Some(to) = target.strip_prefix("/link?to=") {
            let to = percent_decode(to);
            match tokio::time::timeout(Duration::from_secs(30), self.link_for(&to)).await {
                Ok(Some(link)) => ("200 OK", format!("{{\"link\":\"{link}\"}}")),
                _ => ("404 Not Found", "{\"link\":null}".to_string()),
            }
        } else {
            ("404 Not Found", "{}".to_string())
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).await
    }
}

/// Reads the message after DATA up to the lone `.` line, undoing dot-stuffing. False when
/// the client went away first.
async fn read_data<R: tokio::io::AsyncBufRead + Unpin>(
    read: &mut R,
    data: &mut Vec<u8>,
) -> io::Result<bool> {
    data.clear();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Ok(false);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(true);
        }
        let unstuffed = if line.first() == Some(&b'.') { &line[1..] } else { &line[..] };
        data.extend_from_slice(unstuffed);
    }
}

/// The address inside `<…>` of a MAIL/RCPT line.
fn address_in(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let start = text.find('<').map_or(0, |i| i + 1);
    let end = text[start..].find('>').map_or(text.len(), |i| start + i);
    text[start..end].trim().to_string()
}

/// The Message-ID header's value.
fn message_id(data: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(data);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    head.split("\r\n")
        .find(|l| l.len() > 11 && l[..11].eq_ignore_ascii_case("message-id:"))
        .map(|l| l[11..].trim().to_string())
}

/// The first `http(s)://…/r/<token>` link, read through quoted-printable soft breaks.
fn link_in(data: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(data).replace("=\r\n", "");
    let at = text.find("/r/")?;
    let start = text[..at].rfind("http")?;
    let token_len = text[at + 3..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(text.len() - at - 3);
    (token_len > 0).then(|| text[start..at + 3 + token_len].to_string())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_links_and_addresses() {
        let msg = b"Message-ID: <abc@q>\r\nTo: a@b\r\n\r\nManage: http://127.0.0.1:8080/r/AbC-d_=\r\nEf9\r\n";
        assert_eq!(message_id(msg).as_deref(), Some("<abc@q>"));
        assert_eq!(
            link_in(msg).as_deref(),
            Some("http://127.0.0.1:8080/r/AbC-d_Ef9")
        );
        assert_eq!(address_in(b"RCPT TO:<load-1@example.org>\r\n"), "load-1@example.org");
        assert_eq!(percent_decode("a%40b.org"), "a@b.org");
    }
}
