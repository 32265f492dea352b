//! The meeting row as stored, and what it says of itself: its status, format, days, whether
//! registration is open. Its queries are in `db::meetings`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::meetings;
use crate::domain::{Attendance, MeetingFormat, MeetingStatus, UrlVisibility};

#[derive(Queryable, Identifiable, Debug, Clone)]
#[diesel(table_name = meetings)]
pub struct Meeting {
    pub id: i64,
    pub uid: String,
    pub group_id: i64,
    pub title: String,
    pub description: String,
    pub format: String,
    pub timezone: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub online_details: Option<String>,
    pub online_url_visibility: String,
    pub in_person_capacity: Option<i32>,
    pub remote_capacity: Option<i32>,
    pub waitlist: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: String,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The series this meeting is an occurrence of.
    pub series_id: Option<i64>,
    /// The occurrence's place in the series' rule: its original wall start (RECURRENCE-ID).
    pub recurrence_local: Option<NaiveDateTime>,
    /// Changed away from the series (time, place or title): an override in calendars.
    pub detached: bool,
    /// Every day's UTC start and end as JSON, for a meeting of several days (else NULL).
    pub days: Option<String>,
    /// Anonymous registrations wait (`pending`) until the address is confirmed by mail.
    pub verify_email: bool,
    /// Reminder lead times, a JSON list of minutes (`domain::reminders::Reminders`).
    pub reminders: String,
    /// The agenda in Markdown (`domain::notes::Agenda`); empty for none.
    pub agenda: String,
    /// When the group's followers were told of it (`services::announce`); never for drafts
    /// and occurrences of a series.
    pub announced_at: Option<NaiveDateTime>,
}

/// Why registration is not possible right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    Draft,
    Cancelled,
    NotYetOpen,
    Closed,
    Past,
}

impl Closed {
    pub fn message(self) -> &'static str {
        match self {
            Closed::Draft => "This meeting is not published.",
            Closed::Cancelled => "This meeting has been cancelled.",
            Closed::NotYetOpen => "Registration for this meeting has not opened yet.",
            Closed::Closed => "Registration for this meeting is closed.",
            Closed::Past => "This meeting has already taken place.",
        }
    }
}

impl Meeting {
    pub fn format(&self) -> MeetingFormat {
        MeetingFormat::parse(&self.format).unwrap_or(MeetingFormat::InPerson)
    }
    pub fn status(&self) -> MeetingStatus {
        MeetingStatus::parse(&self.status).unwrap_or(MeetingStatus::Draft)
    }
    pub fn url_visibility(&self) -> UrlVisibility {
        UrlVisibility::parse(&self.online_url_visibility).unwrap_or(UrlVisibility::Registrants)
    }
    pub fn tz(&self) -> crate::tz::Zone {
        crate::tz::zone(&self.timezone).unwrap_or_else(crate::tz::Zone::utc)
    }
    /// The online URL if anyone may see it.
    pub fn public_online_url(&self) -> Option<&str> {
        match self.url_visibility() {
            UrlVisibility::Public => self.online_url.as_deref(),
            UrlVisibility::Registrants => None,
        }
    }
    pub fn capacity(&self, attendance: Attendance) -> Option<i32> {
        if !self.format().offers(attendance) {
            return Some(0);
        }
        match attendance {
            Attendance::InPerson => self.in_person_capacity,
            Attendance::Remote => self.remote_capacity,
        }
    }
    /// The meeting's days (one for a meeting of one day).
    /// Reminder lead times in minutes, longest first.
    pub fn reminder_leads(&self) -> Vec<u32> {
        crate::domain::reminders::Reminders::from_stored(&self.reminders)
            .minutes()
            .to_vec()
    }

    pub fn schedule(&self) -> crate::domain::days::Days {
        crate::domain::days::Days::decode(self.days.as_deref(), (self.starts_at, self.ends_at))
    }
    pub fn closes_at(&self) -> NaiveDateTime {
        self.registration_closes_at.unwrap_or(self.starts_at)
    }
    /// `Ok` when registration is open at `now`, else why not.
    pub fn registration_state(&self, now: NaiveDateTime) -> Result<(), Closed> {
        match self.status() {
            MeetingStatus::Draft => return Err(Closed::Draft),
            MeetingStatus::Cancelled => return Err(Closed::Cancelled),
            MeetingStatus::Published => {}
        }
        if self.starts_at <= now {
            return Err(Closed::Past);
        }
        if self.registration_opens_at.is_some_and(|t| now < t) {
            return Err(Closed::NotYetOpen);
        }
        if now >= self.closes_at() {
            return Err(Closed::Closed);
        }
        Ok(())
    }
}
