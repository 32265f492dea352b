//! Workflows that span several tables and queue mail, each in one transaction.

pub mod announce;
pub mod follow;
pub mod groups;
pub mod inputs;
pub mod materials;
pub mod meetings;
pub mod members;
pub mod milestones;
pub mod registrations;
pub mod reminders;
pub mod retention;
pub mod series;
pub mod staff_auth;
pub mod sweep;
pub mod updates;
pub mod zone_rules;

/// A fresh, never-changing iCalendar UID.
pub fn new_uid(base_url: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    let host = crate::views::site_host(base_url);
    format!("{}@{}", hex::encode(bytes), host)
}
