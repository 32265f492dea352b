//! Quorum: meetings of working groups and review teams, with observer registration,
//! confirmation mail carrying calendar invites, and ICS feeds.

pub mod archive;
pub mod atom;
pub mod auth;
pub mod check;
pub mod cli;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod connections;
pub mod cookies;
pub mod csrf;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod feed_cache;
pub mod i18n;
pub mod ics;
pub mod listing;
pub mod logging;
pub mod mail;
pub mod markdown;
pub mod material_cache;
pub mod plain_text;
pub mod rate_limit;
pub mod redact;
pub mod routes;
pub mod security;
pub mod services;
pub mod startup;
pub mod state;
pub mod templates;
pub mod timeline;
pub mod tz;
pub mod views;
