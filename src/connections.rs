//! Clients that hold connections open. actix-web's `client_request_timeout` covers only the
//! request head: a body that stops arriving would hold its connection (and its handler)
//! forever. So every body must arrive within `Settings::body_timeout` plus one second per
//! `MIN_BODY_BYTES_PER_SECOND` received, and each client address may hold at most
//! `QUORUM_MAX_CONNECTIONS_PER_CLIENT` connections (trusted proxies are not counted: they
//! carry many clients).

use std::any::Any;
use std::cell::Cell;
use std::collections::HashMap;
use std::net::IpAddr;
use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Extensions, Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};
use futures_util::StreamExt;

use crate::config::IpNet;
use crate::state::AppState;

/// The slowest a request body may arrive once its grace (`Settings::body_timeout`) is over.
pub const MIN_BODY_BYTES_PER_SECOND: u64 = 4096;

/// Open connections per client address.
#[derive(Clone)]
pub struct ConnectionCounts {
    open: Arc<Mutex<HashMap<IpAddr, u32>>>,
    cap: u32,
    exempt: Arc<Vec<IpNet>>,
}

/// A connection's place in the count, given back when the connection closes (the server
/// drops a connection's data with it).
struct Slot {
    counts: ConnectionCounts,
    ip: IpAddr,
    over_cap: bool,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.counts.lock();
        if let Some(n) = open.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

impl ConnectionCounts {
    /// `cap == 0` counts nothing.
    pub fn new(cap: u32, trusted_proxies: Vec<IpNet>) -> ConnectionCounts {
        ConnectionCounts {
            open: Arc::default(),
            cap,
            exempt: Arc::new(trusted_proxies),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, u32>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// For `HttpServer::on_connect`: counts the new connection against its peer address.
    pub fn on_connect(&self, io: &dyn Any, data: &mut Extensions) {
        if self.cap == 0 {
            return;
        }
        let Some(stream) = io.downcast_ref::<actix_web::rt::net::TcpStream>() else {
            return;
        };
        let Ok(peer) = stream.peer_addr() else {
            return;
        };
        let ip = peer.ip();
        if self.exempt.iter().any(|n| n.contains(ip)) {
            return;
        }
        let open = {
            let mut open = self.lock();
            let n = open.entry(ip).or_insert(0);
            *n += 1;
            *n
        };
        data.insert(Slot {
            counts: self.clone(),
            ip,
            over_cap: open > self.cap,
        });
    }
}

/// Around every request: refuses a connection over its client's cap (`429`, then closed),
/// puts the body under its deadline (`408`, then closed, when it runs out), and adds
/// `Strict-Transport-Security` when the site is served over https.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let (grace, https) = req
        .app_data::<web::Data<AppState>>()
        .map_or((Duration::from_secs(10), false), |s| {
            (s.settings.body_timeout, s.settings.https())
        });
    let mut res = if req.conn_data::<Slot>().is_some_and(|s| s.over_cap) {
        let refused = HttpResponse::TooManyRequests()
            .insert_header((header::RETRY_AFTER, "1"))
            .force_close()
            .body("Too many connections from this address.\n");
        req.into_response(refused).map_into_right_body()
    } else {
        let timed_out = Rc::new(Cell::new(false));
        if !matches!(*req.method(), Method::GET | Method::HEAD) {
            let payload = req.take_payload();
            req.set_payload(with_deadline(payload, grace, timed_out.clone()));
        }
        let res = next.call(req).await?;
        if timed_out.get() {
            let late = HttpResponse::RequestTimeout()
                .force_close()
                .body("The request body did not arrive in time.\n");
            res.into_response(late).map_into_right_body()
        } else {
            res.map_into_left_body()
        }
    };
    if https {
        crate::security::add_hsts(res.headers_mut());
    }
    Ok(res)
}

/// The body, ending in an error (and setting `timed_out`) once it falls behind its deadline.
fn with_deadline(payload: Payload, grace: Duration, timed_out: Rc<Cell<bool>>) -> Payload {
    let started = tokio::time::Instant::now();
    let stream = futures_util::stream::unfold((Some(payload), 0u64), move |(payload, received)| {
        let timed_out = timed_out.clone();
        async move {
            let mut payload = payload?;
            let allowed = grace
                + Duration::from_millis(received.saturating_mul(1000) / MIN_BODY_BYTES_PER_SECOND);
            match tokio::time::timeout_at(started + allowed, payload.next()).await {
                Ok(Some(Ok(chunk))) => {
                    let received = received + chunk.len() as u64;
                    Some((Ok(chunk), (Some(payload), received)))
                }
                Ok(Some(Err(e))) => Some((Err(e), (None, received))),
                Ok(None) => None,
                Err(_) => {
                    timed_out.set(true);
                    let e = std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "the request body did not arrive in time",
                    );
                    Some((Err(PayloadError::Io(e)), (None, received)))
                }
            }
        }
    });
    // Fused: a reader may poll again after the end (the multipart parser does).
    Payload::Stream {
        payload: Box::pin(futures_util::StreamExt::fuse(stream)),
    }
}
