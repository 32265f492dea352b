//! Load client for the verified registration path, with its own SMTP server.
//!
//! Every virtual user keeps one connection and its cookies: it reads a meeting page once
//! (for the CSRF cookie and token), then, until the window ends, registers a new address
//! through the form (`303` to the check-mail page), waits for the link to confirm to arrive
//! at the SMTP server this program runs, and presses Confirm (`POST /r/{token}/confirm`,
//! `303`). Afterwards it waits until every confirmation (with its invite) has arrived too,
//! and checks that every message arrived exactly once (by Message-ID).
//!
//! Settings (environment): BASE_URL (http://127.0.0.1:8080), MEETINGS (comma-separated
//! ids of published meetings with `verify_email`), SMTP_PORT (2525), USERS (32),
//! DURATION_S (10), DRAIN_S (120), MODE (`verified`, or `unverified`: meetings without
//! `verify_email`, where the form POST is the whole registration). Prints one line of `key=value` pairs on standard output.

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, TcpListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use mail_parser::MessageParser;
use mailin_embedded::{response, Handler, Response, Server};
use tokio::sync::oneshot;

type Waiters = Arc<Mutex<HashMap<String, oneshot::Sender<String>>>>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Default)]
struct Counts {
    links: AtomicU64,
    confirmations: AtomicU64,
    other: AtomicU64,
    duplicates: AtomicU64,
    unmatched_links: AtomicU64,
}

#[derive(Clone)]
struct Sink {
    waiters: Waiters,
    counts: Arc<Counts>,
    seen: Arc<Mutex<HashSet<String>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Sink {
    fn data_start(&mut self, _domain: &str, _from: &str, _8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, line: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(line);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let raw = std::mem::take(&mut self.data);
        let to = std::mem::take(&mut self.to);
        self.receive(&raw, &to);
        response::OK
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        response::OK
    }
}

impl Sink {
    fn receive(&self, raw: &[u8], to: &[String]) {
        let Some(msg) = MessageParser::default().parse(raw) else {
            self.counts.other.fetch_add(1, Ordering::Relaxed);
            return;
        };
        if let Some(id) = msg.message_id() {
            if !lock(&self.seen).insert(id.to_string()) {
                self.counts.duplicates.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        let subject = msg.subject().unwrap_or_default();
        if subject.starts_with("Please confirm") {
            self.counts.links.fetch_add(1, Ordering::Relaxed);
            let text = msg.body_text(0).unwrap_or_default();
            let link = text
                .split_whitespace()
                .find(|w| w.contains("/r/"))
                .map(str::to_string);
            let rcpt = to.first().map(|t| t.to_lowercase()).unwrap_or_default();
            let waiter = lock(&self.waiters).remove(&rcpt);
            match (waiter, link) {
                (Some(tx), Some(link)) => {
                    let _ = tx.send(link);
                }
                _ => {
                    self.counts.unmatched_links.fetch_add(1, Ordering::Relaxed);
                }
            }
        } else if subject.starts_with("Registration confirmed")
            || subject.starts_with("You are on the waitlist")
        {
            self.counts.confirmations.fetch_add(1, Ordering::Relaxed);
        } else {
            self.counts.other.fetch_add(1, Ordering::Relaxed);
        }
    }
}

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

#[derive(Default)]
struct UserResult {
    flows_in_window: u64,
    registered: u64,
    confirmed: u64,
    errors: u64,
    flow_ms: Vec<u64>,
    post_ms: Vec<u64>,
    mail_ms: Vec<u64>,
    confirm_ms: Vec<u64>,
    first_error: Option<String>,
}

struct Plan {
    /// Without verification the form POST is the whole registration (`303` to `/r/…`).
    verified: bool,
    base: String,
    meeting: u64,
    user: usize,
    start: Instant,
    window: Duration,
    waiters: Waiters,
}

async fn user(plan: Plan) -> UserResult {
    let mut r = UserResult::default();
    let fail = |r: &mut UserResult, e: String| {
        r.errors += 1;
        r.first_error.get_or_insert(e);
    };
    let client = match reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(30))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            fail(&mut r, format!("client: {e}"));
            return r;
        }
    };
    let page_url = format!("{}/meetings/{}", plan.base, plan.meeting);
    let csrf = match client.get(&page_url).send().await {
        Ok(res) => csrf_in(&res.text().await.unwrap_or_default()),
        Err(e) => {
            fail(&mut r, format!("meeting page: {e}"));
            return r;
        }
    };
    let Some(csrf) = csrf else {
        fail(&mut r, "no CSRF token on the meeting page".into());
        return r;
    };
    let deadline = plan.start + plan.window;
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let email = format!("u{}n{}@bench.test", plan.user, n);
        let (tx, rx) = oneshot::channel();
        if plan.verified {
            lock(&plan.waiters).insert(email.clone(), tx);
        }
        let t0 = Instant::now();
        let form = [
            ("csrf_token", csrf.as_str()),
            ("name", "Bench Observer"),
            ("email", email.as_str()),
            ("attendance", "remote"),
            ("consent", "on"),
            ("website", ""),
        ];
        match client.post(format!("{page_url}/register")).form(&form).send().await {
            Ok(res) if res.status().as_u16() == 303 => {
                let _ = res.bytes().await;
            }
            Ok(res) => {
                lock(&plan.waiters).remove(&email);
                fail(&mut r, format!("form POST answered {}", res.status()));
                continue;
            }
            Err(e) => {
                lock(&plan.waiters).remove(&email);
                fail(&mut r, format!("form POST: {e}"));
                continue;
            }
        }
        r.registered += 1;
        let t1 = Instant::now();
        if !plan.verified {
            r.confirmed += 1;
            if t1 <= deadline {
                r.flows_in_window += 1;
            }
            r.flow_ms.push((t1 - t0).as_micros() as u64);
            r.post_ms.push((t1 - t0).as_micros() as u64);
            continue;
        }
        let link = match tokio::time::timeout(Duration::from_secs(60), rx).await {
            Ok(Ok(link)) => link,
            _ => {
                lock(&plan.waiters).remove(&email);
                fail(&mut r, format!("no link to confirm for {email} within 60 s"));
                continue;
            }
        };
        let t2 = Instant::now();
        let confirm = client
            .post(format!("{link}/confirm"))
            .form(&[("csrf_token", csrf.as_str())])
            .send()
            .await;
        match confirm {
            Ok(res) if res.status().as_u16() == 303 => {
                let _ = res.bytes().await;
            }
            Ok(res) => {
                fail(&mut r, format!("confirm answered {}", res.status()));
                continue;
            }
            Err(e) => {
                fail(&mut r, format!("confirm: {e}"));
                continue;
            }
        }
        let t3 = Instant::now();
        r.confirmed += 1;
        if t3 <= deadline {
            r.flows_in_window += 1;
        }
        r.flow_ms.push((t3 - t0).as_micros() as u64);
        r.post_ms.push((t1 - t0).as_micros() as u64);
        r.mail_ms.push((t2 - t1).as_micros() as u64);
        r.confirm_ms.push((t3 - t2).as_micros() as u64);
    }
    r
}

fn quantiles(samples: &[u64]) -> (f64, f64) {
    let mut h = match Histogram::<u64>::new(3) {
        Ok(h) => h,
        Err(_) => return (0.0, 0.0),
    };
    for s in samples {
        let _ = h.record((*s).max(1));
    }
    (
        h.value_at_quantile(0.5) as f64 / 1000.0,
        h.value_at_quantile(0.99) as f64 / 1000.0,
    )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base: String = env("BASE_URL", "http://127.0.0.1:8080".to_string());
    let meetings: Vec<u64> = env("MEETINGS", String::new())
        .split(',')
        .filter_map(|m| m.trim().parse().ok())
        .collect();
    if meetings.is_empty() {
        return Err("MEETINGS must name at least one meeting id".into());
    }
    let port: u16 = env("SMTP_PORT", 2525);
    let users: usize = env("USERS", 32);
    let window = Duration::from_secs(env("DURATION_S", 10));
    let drain = Duration::from_secs(env("DRAIN_S", 120));
    let verified = env("MODE", "verified".to_string()) != "unverified";

    let waiters: Waiters = Arc::default();
    let counts = Arc::new(Counts::default());
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let mut server = Server::new(Sink {
        waiters: waiters.clone(),
        counts: counts.clone(),
        seen: Arc::default(),
        to: Vec::new(),
        data: Vec::new(),
    });
    server
        .with_name("bench-sink.test")
        .with_num_threads(64)
        .with_tcp_listener(listener);
    std::thread::spawn(move || {
        if let Err(e) = server.serve() {
            eprintln!("SMTP sink stopped: {e}");
        }
    });
    // Quorum's mail worker may have been told the sink was down while it started.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let start = Instant::now();
    let tasks: Vec<_> = (0..users)
        .map(|i| {
            tokio::spawn(user(Plan {
                verified,
                base: base.clone(),
                meeting: meetings[i % meetings.len()],
                user: i,
                start,
                window,
                waiters: waiters.clone(),
            }))
        })
        .collect();
    let mut all = UserResult::default();
    for t in tasks {
        let r = t.await?;
        all.flows_in_window += r.flows_in_window;
        all.registered += r.registered;
        all.confirmed += r.confirmed;
        all.errors += r.errors;
        all.flow_ms.extend(r.flow_ms);
        all.post_ms.extend(r.post_ms);
        all.mail_ms.extend(r.mail_ms);
        all.confirm_ms.extend(r.confirm_ms);
        if all.first_error.is_none() {
            all.first_error = r.first_error;
        }
    }
    let ended = start.elapsed();
    // Every confirmed registration gets its confirmation (with the invite): wait for them.
    let drain_deadline = Instant::now() + drain;
    while counts.confirmations.load(Ordering::Relaxed) < all.confirmed
        && Instant::now() < drain_deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let links = counts.links.load(Ordering::Relaxed);
    let confirmations = counts.confirmations.load(Ordering::Relaxed);
    let mails = links + confirmations + counts.other.load(Ordering::Relaxed);
    let mail_elapsed = ended.as_secs_f64().max(window.as_secs_f64());
    let (flow50, flow99) = quantiles(&all.flow_ms);
    let (post50, post99) = quantiles(&all.post_ms);
    let (mail50, mail99) = quantiles(&all.mail_ms);
    let (conf50, conf99) = quantiles(&all.confirm_ms);
    let expected_links = if verified { all.registered } else { 0 };
    let exact = links == expected_links
        && confirmations == all.confirmed
        && counts.duplicates.load(Ordering::Relaxed) == 0
        && counts.unmatched_links.load(Ordering::Relaxed) == 0;
    println!(
        "flows_per_s={:.0} flows={} registered={} confirmed={} errors={} \
         flow_p50_ms={flow50:.1} flow_p99_ms={flow99:.1} post_p50_ms={post50:.1} post_p99_ms={post99:.1} \
         mail_wait_p50_ms={mail50:.1} mail_wait_p99_ms={mail99:.1} confirm_p50_ms={conf50:.1} confirm_p99_ms={conf99:.1} \
         mails={mails} mails_per_s={:.0} links={links} confirmations={confirmations} duplicates={} \
         unmatched={} exactly_once={exact} first_error={:?}",
        all.flows_in_window as f64 / window.as_secs_f64(),
        all.flows_in_window,
        all.registered,
        all.confirmed,
        all.errors,
        mails as f64 / mail_elapsed,
        counts.duplicates.load(Ordering::Relaxed),
        counts.unmatched_links.load(Ordering::Relaxed),
        all.first_error.unwrap_or_default(),
    );
    Ok(())
}
