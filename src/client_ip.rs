//! The client's address: the peer, or the `X-Forwarded-For` entry a trusted proxy added.

use std::net::IpAddr;

use actix_web::HttpRequest;

use crate::config::IpNet;

/// Walks `X-Forwarded-For` from the right while the hop is a trusted proxy; the first
/// untrusted hop is the client. Without trusted proxies the header is ignored.
pub fn client_ip(req: &HttpRequest, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    if !trusted.iter().any(|n| n.contains(peer)) {
        return Some(peer);
    }
    let mut client = peer;
    let hops: Vec<IpAddr> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|h| h.trim().parse().ok())
        .collect();
    for hop in hops.into_iter().rev() {
        client = hop;
        if !trusted.iter().any(|n| n.contains(hop)) {
            break;
        }
    }
    Some(client)
}
