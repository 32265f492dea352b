//! Recently served material files in memory, keyed by their sha256, so that a popular
//! download (the slides everyone fetches after the meeting) is not read from the database
//! each time. Bounded in total size; the oldest entries leave first.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use actix_web::web::Bytes;

/// Files larger than this are streamed from the database, never cached.
pub const ITEM_MAX: usize = 8 * 1024 * 1024;
/// The most the cache holds in all.
const TOTAL_MAX: usize = 64 * 1024 * 1024;

#[derive(Default)]
pub struct MaterialCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    files: HashMap<String, Bytes>,
    order: VecDeque<String>,
    total: usize,
}

impl MaterialCache {
    /// The file with this digest, if it is cached.
    pub fn get(&self, sha256: &str) -> Option<Bytes> {
        let entries = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        entries.files.get(sha256).cloned()
    }

    /// Keeps a file (when it is small enough), making room by dropping the oldest.
    pub fn put(&self, sha256: &str, data: Bytes) {
        if data.len() > ITEM_MAX {
            return;
        }
        let mut e = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if e.files.contains_key(sha256) {
            return;
        }
        while e.total + data.len() > TOTAL_MAX {
            let Some(oldest) = e.order.pop_front() else {
                break;
            };
            if let Some(old) = e.files.remove(&oldest) {
                e.total -= old.len();
            }
        }
        e.total += data.len();
        e.order.push_back(sha256.to_string());
        e.files.insert(sha256.to_string(), data);
    }
}
