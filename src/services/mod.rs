//! Workflows that span several tables and queue mail, each in one transaction.

pub mod groups;
pub mod materials;
pub mod meetings;
pub mod registrations;
pub mod reminders;
pub mod retention;
pub mod series;
pub mod staff_auth;
pub mod sweep;
pub mod zone_rules;
