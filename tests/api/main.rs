//! Integration tests: the real server on a random port, a real SMTP server in the test
//! process, a fresh database per test, on SQLite and (when `QUORUM_TEST_POSTGRES_URL` is set)
//! on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;
mod ics_check;
mod smtp;

mod agenda;
mod api;
mod api_description;
mod archive;
mod archive_db_gone;
mod archive_roundtrip;
mod archive_secret;
mod browser;
mod cli;
mod days;
mod demo;
mod disclosure;
mod feed_names;
mod feed_organizer;
mod feeds;
mod follow;
mod group_content;
mod group_page;
mod httpsec;
mod input;
mod languages;
mod languages_feeds;
mod languages_group;
mod languages_mail;
mod languages_pages;
mod logs;
mod mail;
mod materials;
mod migrate;
mod pages;
mod props;
mod readers;
mod registration;
mod reminders;
mod resilience;
mod retention;
mod series;
mod series_change;
mod staff;
mod staff_security;
mod tzrules;
mod verified;
