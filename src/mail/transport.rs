//! Where messages go: an SMTP server, or `.eml` files in a folder when none is set.

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use super::smtp::{Failure, SmtpPool, SmtpServer};
use crate::db::outbox::OutboxMessage;

/// How long one message may take, connecting included.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

pub enum Transport {
    Smtp(Box<SmtpPool>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// How a failed attempt should be treated.
#[derive(Debug)]
pub enum SendError {
    /// Worth trying again later (connection refused, 4xx, I/O).
    Transient(String),
    /// Will never succeed as it is (5xx, an address lettre rejects).
    Permanent(String),
}

impl Transport {
    /// SMTP over up to `connections` sessions at once when `smtp_url` is set, else files.
    pub fn from_settings(
        smtp_url: Option<&str>,
        mail_dir: &str,
        connections: usize,
    ) -> anyhow::Result<Transport> {
        match smtp_url {
            Some(url) => Ok(Transport::Smtp(Box::new(SmtpPool::new(
                SmtpServer::from_url(url).map_err(|e| anyhow::anyhow!("QUORUM_SMTP_URL: {e}"))?,
                connections,
                SMTP_TIMEOUT,
            )))),
            None => {
                std::fs::create_dir_all(mail_dir)
                    .map_err(|e| anyhow::anyhow!("QUORUM_MAIL_DIR {mail_dir:?}: {e}"))?;
                Ok(Transport::Files(AsyncFileTransport::new(mail_dir)))
            }
        }
    }

    /// Messages sent at once: `QUORUM_SMTP_CONNECTIONS` over SMTP, one at a time into the
    /// mail folder (files created side by side in one directory contend for its lock in the
    /// kernel: four at once took a third of the SQLite registration rate in
    /// `bench/load.sh`'s file-transport runs).
    pub fn parallel(&self, smtp_connections: usize) -> usize {
        match self {
            Transport::Smtp(_) => smtp_connections,
            Transport::Files(_) => 1,
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp(pool) => pool
                .send(message.envelope(), &message.formatted())
                .await
                .map_err(|failure| match failure {
                    Failure::Smtp(e) if e.is_permanent() => SendError::Permanent(e.to_string()),
                    Failure::Smtp(e) => SendError::Transient(e.to_string()),
                    Failure::TimedOut => SendError::Transient("SMTP server timed out".into()),
                    Failure::Connect(e) => SendError::Transient(format!("connecting: {e}")),
                }),
            Transport::Files(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }

    /// Ends SMTP sessions that have been idle for `idle_for`.
    pub async fn close_idle(&self, idle_for: std::time::Duration) {
        if let Transport::Smtp(pool) = self {
            pool.close_idle(idle_for).await;
        }
    }
}

/// Builds the MIME message: plain text and HTML, and with an invite the
/// `multipart/mixed` [ `multipart/alternative` [text, html, text/calendar], invite.ics ] form.
pub fn build_message(from: &Mailbox, msg: &OutboxMessage) -> Result<Message, SendError> {
    let to: Mailbox = msg
        .recipient
        .parse()
        .map_err(|e| SendError::Permanent(format!("bad recipient address: {e}")))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(msg.subject.clone())
        .message_id(Some(msg.message_id.clone()));
    if let Some(reply_to) = &msg.reply_to {
        let reply_to: Mailbox = reply_to
            .parse()
            .map_err(|e| SendError::Permanent(format!("bad Reply-To address: {e}")))?;
        builder = builder.reply_to(reply_to);
    }
    if let Some(lang) = language_of(&msg.body_html) {
        builder = builder.header(ContentLanguage(lang));
    }
    if let Some(url) = &msg.unsubscribe_url {
        builder = builder
            .header(ListUnsubscribe::new(url)?)
            .header(ListUnsubscribePost);
    }
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(msg.body_text.clone()))
        .singlepart(SinglePart::html(msg.body_html.clone()));
    let result = match (&msg.ics, &msg.ics_method) {
        (Some(ics), Some(method)) => {
            let calendar_type =
                ContentType::parse(&format!("text/calendar; method={method}; charset=UTF-8"))
                    .map_err(|e| SendError::Permanent(format!("content type: {e}")))?;
            let ics_type = ContentType::parse("application/ics")
                .map_err(|e| SendError::Permanent(format!("content type: {e}")))?;
            let inline = SinglePart::builder()
                .header(calendar_type)
                .body(Body::new(ics.clone()));
            let attachment = Attachment::new("invite.ics".to_string()).body(
                Body::new_with_encoding(
                    ics.clone().into_bytes(),
                    lettre::message::header::ContentTransferEncoding::Base64,
                )
                .map_err(|_| SendError::Permanent("encoding the attachment".into()))?,
                ics_type,
            );
            builder.multipart(
                MultiPart::mixed()
                    .multipart(alternative.singlepart(inline))
                    .singlepart(attachment),
            )
        }
        _ => builder.multipart(alternative),
    };
    result.map_err(|e| SendError::Permanent(format!("building the message: {e}")))
}

/// `List-Unsubscribe: <url>` (RFC 2369), for the one-click unsubscribe of RFC 8058.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl ListUnsubscribe {
    /// Only an http(s) URL of printable ASCII without spaces or angle brackets: nothing in
    /// it can end the header or start another.
    fn new(url: &str) -> Result<ListUnsubscribe, SendError> {
        let plain = url
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>');
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !plain || !web || url.len() > 900 {
            return Err(SendError::Permanent("unusable unsubscribe URL".into()));
        }
        Ok(ListUnsubscribe(format!("<{url}>")))
    }
}

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        // Checked to be printable ASCII in `new`: written as it is, never folded.
        HeaderValue::dangerous_new_pre_encoded(Self::name(), self.0.clone(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        let v = "List-Unsubscribe=One-Click".to_string();
        HeaderValue::dangerous_new_pre_encoded(Self::name(), v.clone(), v)
    }
}

/// The language a written message is in, as its HTML body's `<html lang="…">` says (every
/// mail template writes the recipient's language there).
fn language_of(html: &str) -> Option<crate::i18n::Lang> {
    let cut = html.char_indices().nth(200).map_or(html.len(), |(i, _)| i);
    let head = &html[..cut];
    let start = head.find("<html lang=\"")? + "<html lang=\"".len();
    let end = head[start..].find('"')? + start;
    crate::i18n::Lang::parse(&head[start..end])
}

/// `Content-Language: fr` (RFC 3282): the language the message is written in.
#[derive(Clone)]
struct ContentLanguage(crate::i18n::Lang);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        crate::i18n::Lang::parse(s.trim())
            .map(ContentLanguage)
            .ok_or_else(|| format!("unknown language {s:?}").into())
    }

    fn display(&self) -> HeaderValue {
        // One of six fixed ASCII codes: written as it is.
        let v = self.0.code().to_string();
        HeaderValue::dangerous_new_pre_encoded(Self::name(), v.clone(), v)
    }
}
