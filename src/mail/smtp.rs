//! SMTP over connections of our own: `TCP_NODELAY` on each, several in use at once.
//!
//! lettre 0.11 (through 0.11.23) leaves Nagle's algorithm on. It writes a message's body and
//! then the closing `\r\n.\r\n` as two writes; the second waits until the server
//! acknowledges the first, and servers delay that ACK by 40 ms. That made every message
//! cost about 44 ms, 22 messages per second per connection, whatever the hardware
//! (lettre/lettre#1159 fixes it upstream, unreleased as of 0.11.23). So Quorum opens the TCP
//! connection itself, sets `TCP_NODELAY`, and hands it to lettre's `AsyncSmtpConnection`,
//! which still speaks SMTP: EHLO, STARTTLS, AUTH, MAIL/RCPT/DATA.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::sync::Semaphore;

/// A connection unused for longer than this is checked with `NOOP` before it carries mail
/// (servers close idle sessions).
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(10);

/// How the connection is encrypted, as `QUORUM_SMTP_URL` says.
enum Tls {
    /// `smtp://` without `tls`.
    None,
    /// `smtps://`: TLS from the first byte.
    Wrapper(TlsParameters),
    /// `?tls=required`: STARTTLS or no mail.
    Required(TlsParameters),
    /// `?tls=opportunistic`: STARTTLS when the server offers it.
    Opportunistic(TlsParameters),
}

/// Where and how to reach the SMTP server: the forms lettre's `from_url` reads.
pub struct SmtpServer {
    host: String,
    port: u16,
    tls: Tls,
    credentials: Option<Credentials>,
    hello: ClientId,
}

/// Why a message was not handed over.
#[derive(Debug)]
pub enum Failure {
    /// The server (or lettre) refused; `is_permanent` tells whether trying again can help.
    Smtp(lettre::transport::smtp::Error),
    /// No answer in time.
    TimedOut,
    /// The TCP connection could not be opened.
    Connect(std::io::Error),
}

impl SmtpServer {
    /// `smtp://[user:pass@]host[:port][/hello-name][?tls=required|opportunistic]` or
    /// `smtps://…` (ports 25, 587 with `tls`, 465 by default; user and password
    /// percent-decoded).
    pub fn from_url(input: &str) -> Result<SmtpServer, String> {
        let url = url::Url::parse(input).map_err(|e| e.to_string())?;
        let host = url.host_str().ok_or("no host")?.to_string();
        let tls_param = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let params = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
        let (tls, default_port) = match (url.scheme(), tls_param.as_deref()) {
            ("smtp", None) => (Tls::None, 25),
            ("smtp", Some("required")) => (Tls::Required(params()?), 587),
            ("smtp", Some("opportunistic")) => (Tls::Opportunistic(params()?), 587),
            ("smtps", _) => (Tls::Wrapper(params()?), 465),
            (scheme, tls) => {
                return Err(format!(
                    "unknown scheme {scheme:?} or tls parameter {tls:?} (smtp://, smtps://, tls=required|opportunistic)"
                ))
            }
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|e| e.to_string())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_string()),
        };
        Ok(SmtpServer {
            port: url.port().unwrap_or(default_port),
            host,
            tls,
            credentials,
            hello,
        })
    }

    /// Whether the server answers and accepts our greeting, encryption and login (for
    /// `quorum check`): one session, closed with QUIT.
    pub async fn check(&self, timeout: Duration) -> Result<(), String> {
        let mut conn = tokio::time::timeout(timeout, self.connect())
            .await
            .map_err(|_| format!("no answer from {}:{} in {timeout:?}", self.host, self.port))?
            .map_err(|e| {
                let (host, port) = (&self.host, self.port);
                match e {
                    Failure::Connect(e) => format!("cannot connect to {host}:{port}: {e}"),
                    Failure::Smtp(e) => format!("{host}:{port}: {e}"),
                    Failure::TimedOut => format!("no answer from {host}:{port}"),
                }
            })?;
        let _ = conn.quit().await;
        Ok(())
    }

    /// A new session, ready for mail: connected (`TCP_NODELAY`), greeted, encrypted and
    /// logged in as the URL says.
    async fn connect(&self) -> Result<AsyncSmtpConnection, Failure> {
        let tcp = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
            .await
            .map_err(Failure::Connect)?;
        tcp.set_nodelay(true).map_err(Failure::Connect)?;
        let stream: Box<dyn AsyncTokioStream> = match &self.tls {
            Tls::Wrapper(params) => tls_from_start(tcp, params.clone()).await?,
            _ => Box::new(tcp),
        };
        let mut conn = AsyncSmtpConnection::connect_with_transport(stream, &self.hello)
            .await
            .map_err(Failure::Smtp)?;
        match &self.tls {
            Tls::Required(params) => conn.starttls(params.clone(), &self.hello).await,
            Tls::Opportunistic(params) if conn.can_starttls() => {
                conn.starttls(params.clone(), &self.hello).await
            }
            _ => Ok(()),
        }
        .map_err(Failure::Smtp)?;
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(Failure::Smtp)?;
        }
        Ok(conn)
    }
}

/// Implicit TLS (`smtps://`) over our own TCP stream. lettre can only start TLS on a stream
/// before the greeting through its (deprecated, still public) `AsyncNetworkStream`; the
/// encrypted stream is then handed back to it as a plain one.
#[allow(deprecated)]
async fn tls_from_start(
    tcp: tokio::net::TcpStream,
    params: TlsParameters,
) -> Result<Box<dyn AsyncTokioStream>, Failure> {
    use lettre::transport::smtp::client::AsyncNetworkStream;
    use tokio_util::compat::FuturesAsyncReadCompatExt;
    let mut stream = AsyncNetworkStream::use_existing_tokio1(Box::new(tcp));
    stream.upgrade_tls(params).await.map_err(Failure::Smtp)?;
    Ok(Box::new(Encrypted(stream.compat())))
}

/// An encrypted stream seen as a plain Tokio stream.
#[allow(deprecated)]
#[derive(Debug)]
struct Encrypted(tokio_util::compat::Compat<lettre::transport::smtp::client::AsyncNetworkStream>);

impl tokio::io::AsyncRead for Encrypted {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Encrypted {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for Encrypted {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().peer_addr()
    }
}

/// Up to `connections` sessions with one server, each carrying one message at a time; idle
/// ones are kept for the next message.
pub struct SmtpPool {
    server: SmtpServer,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    slots: Semaphore,
    timeout: Duration,
}

impl SmtpPool {
    pub fn new(server: SmtpServer, connections: usize, timeout: Duration) -> SmtpPool {
        SmtpPool {
            server,
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(connections.max(1)),
            timeout,
        }
    }

    /// Hands one message to the server over a free session (waiting for one when all are
    /// busy). A session that failed is closed, never reused.
    pub async fn send(&self, envelope: &Envelope, email: &[u8]) -> Result<(), Failure> {
        let _slot = self.slots.acquire().await.map_err(|_| Failure::TimedOut)?;
        let attempt = async {
            let mut conn = match self.take_idle().await {
                Some(conn) => conn,
                None => self.server.connect().await?,
            };
            conn.send(envelope, email).await.map_err(Failure::Smtp)?;
            Ok(conn)
        };
        let conn = tokio::time::timeout(self.timeout, attempt)
            .await
            .map_err(|_| Failure::TimedOut)??;
        if !conn.has_broken() {
            self.lock_idle().push((conn, Instant::now()));
        }
        Ok(())
    }

    /// Ends (`QUIT`) the sessions idle for longer than `idle_for`.
    pub async fn close_idle(&self, idle_for: Duration) {
        let stale: Vec<_> = {
            let mut idle = self.lock_idle();
            let (stale, fresh) = idle
                .drain(..)
                .partition(|(_, since)| since.elapsed() >= idle_for);
            *idle = fresh;
            stale
        };
        for (mut conn, _) in stale {
            let _ = tokio::time::timeout(self.timeout, conn.quit()).await;
        }
    }

    /// The most recently used idle session that still answers.
    async fn take_idle(&self) -> Option<AsyncSmtpConnection> {
        loop {
            let (mut conn, since) = self.lock_idle().pop()?;
            if since.elapsed() < CHECK_AFTER_IDLE || conn.test_connected().await {
                return Some(conn);
            }
            conn.abort().await;
        }
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<(AsyncSmtpConnection, Instant)>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::{SmtpServer, Tls};

    #[test]
    fn urls_read_like_lettre() {
        let s = SmtpServer::from_url("smtp://127.0.0.1:2525").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.host.as_str(), s.port), ("127.0.0.1", 2525));
        assert!(matches!(s.tls, Tls::None) && s.credentials.is_none());
        let s = SmtpServer::from_url("smtp://u%40x:p%20w@mail.example.org?tls=required")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.port, 587);
        assert!(matches!(s.tls, Tls::Required(_)) && s.credentials.is_some());
        let s = SmtpServer::from_url("smtps://mail.example.org/quorum.example.org")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.port, 465);
        assert!(matches!(s.tls, Tls::Wrapper(_)));
        assert_eq!(s.hello.to_string(), "quorum.example.org");
        assert!(SmtpServer::from_url("http://mail.example.org").is_err());
        assert!(SmtpServer::from_url("smtp://mail.example.org?tls=maybe").is_err());
    }
}
