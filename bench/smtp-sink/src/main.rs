//! `quorum-smtp-sink --smtp 127.0.0.1:2525 [--http 127.0.0.1:2526] [--links]`
//!
//! Serves SMTP (and, with `--http`, the control port: `/stats`, `/link?to=`) on one thread
//! until SIGTERM or SIGINT, then prints the counters as JSON on standard output. `--links`
//! keeps every message's link until a client asks for it.

use quorum_smtp_sink::Sink;
use tokio::net::TcpListener;
use tokio::signal::unix::{signal, SignalKind};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut smtp, mut http, mut keep_links) = ("127.0.0.1:2525".to_string(), None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--smtp" => smtp = args.next().unwrap_or(smtp),
            "--http" => http = args.next(),
            "--links" => keep_links = true,
            other => {
                eprintln!("quorum-smtp-sink: unknown argument {other:?}");
                std::process::exit(2);
            }
        }
    }
    let sink = Sink::new(keep_links);
    let listener = TcpListener::bind(&smtp).await?;
    eprintln!("quorum-smtp-sink: SMTP on {}", listener.local_addr()?);
    tokio::spawn(sink.clone().serve_smtp(listener));
    if let Some(addr) = http {
        let listener = TcpListener::bind(&addr).await?;
        eprintln!("quorum-smtp-sink: control on http://{}", listener.local_addr()?);
        tokio::spawn(sink.clone().serve_http(listener));
    }
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
    println!("{}", sink.stats_json());
    Ok(())
}
