//! The client's address: the peer, or the `X-Forwarded-For` entry a trusted proxy added.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

use actix_web::HttpRequest;

use crate::config::IpNet;

/// Who a request comes from, as far as this server can tell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Client {
    Ip(IpAddr),
    /// An `X-Forwarded-For` hop that is no address (`unknown`, an obfuscated name): what a
    /// trusted proxy said about the client, kept as written (at most 64 characters).
    Named(String),
}

impl fmt::Display for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Client::Ip(ip) => ip.fmt(f),
            Client::Named(name) => f.write_str(name),
        }
    }
}

/// One `X-Forwarded-For` hop: `ip`, `ip:port`, `[v6]` or `[v6]:port`.
pub fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse::<IpAddr>().ok())
        })
}

/// Walks `X-Forwarded-For` from the right while the hop is a trusted proxy; the first
/// untrusted hop is the client, and so is a hop that cannot be read (the walk ends there:
/// the entries left of it were written by whoever the proxies could not name). Without
/// trusted proxies the header is ignored.
pub fn client_ip(req: &HttpRequest, trusted: &[IpNet]) -> Option<Client> {
    let peer = req.peer_addr()?.ip();
    Some(client_behind(peer, &forwarded_hops(req), trusted))
}

fn forwarded_hops(req: &HttpRequest) -> Vec<String> {
    req.headers()
        .get_all("x-forwarded-for")
        .flat_map(|v| match v.to_str() {
            Ok(v) => v
                .split(',')
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_string)
                .collect(),
            // A value that is not text cannot be read: as unreadable as a bad hop.
            Err(_) => vec!["unreadable".to_string()],
        })
        .collect()
}

/// The client behind `peer`, given the hops of `X-Forwarded-For` in header order.
pub fn client_behind(peer: IpAddr, hops: &[String], trusted: &[IpNet]) -> Client {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return Client::Ip(peer);
    }
    let mut client = Client::Ip(peer);
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            return Client::Named(hop.chars().take(64).collect());
        };
        client = Client::Ip(ip);
        if !is_trusted(ip) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or_else(|_| panic!("{s}"))
    }

    fn walk(hops: &[&str]) -> Client {
        let trusted = [IpNet::parse("10.0.0.0/8").unwrap_or_else(|| panic!())];
        let hops: Vec<String> = hops.iter().map(|h| h.to_string()).collect();
        client_behind(ip("10.0.0.1"), &hops, &trusted)
    }

    #[test]
    fn hops_with_ports_are_their_addresses() {
        assert_eq!(parse_hop("203.0.113.7:4711"), Some(ip("203.0.113.7")));
        assert_eq!(parse_hop("[2001:db8::1]:443"), Some(ip("2001:db8::1")));
        assert_eq!(parse_hop("[2001:db8::1]"), Some(ip("2001:db8::1")));
        assert_eq!(parse_hop(" 2001:db8::1 "), Some(ip("2001:db8::1")));
        assert_eq!(parse_hop("unknown"), None);
        assert_eq!(
            walk(&["1.1.1.1", "203.0.113.7:4711"]),
            Client::Ip(ip("203.0.113.7"))
        );
        assert_eq!(
            walk(&["1.1.1.1", "[2001:db8::1]:443", "10.0.0.2:80"]),
            Client::Ip(ip("2001:db8::1"))
        );
    }

    #[test]
    fn an_unreadable_hop_ends_the_walk_as_the_client() {
        assert_eq!(
            walk(&["1.1.1.1", "unknown", "10.0.0.2"]),
            Client::Named("unknown".into())
        );
        assert_eq!(
            walk(&["1.1.1.1", "_hidden:80"]),
            Client::Named("_hidden:80".into())
        );
        // Without a header the trusted peer itself is the client.
        assert_eq!(walk(&[]), Client::Ip(ip("10.0.0.1")));
    }
}
