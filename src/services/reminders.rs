//! Writes the mail that waits in the outbox without a body (`db::scheduled`) when the mail
//! worker claims it: reminders, with the meeting as it is then and a fresh manage link, and
//! the minutes-due note to the group's contact.

use std::collections::HashMap;

use askama::Template;
use chrono::{Duration, NaiveDateTime};

use crate::db::announcements::ANNOUNCEMENT;
use crate::db::groups::Group;
use crate::db::meetings::{self, Meeting};
use crate::db::outbox::OutboxMessage;
use crate::db::registrations as regs;
use crate::db::scheduled::{self, MINUTES_DUE, REMINDER, REMINDERS_DUE};
use crate::db::series::Loaded;
use crate::db::{self, seats, DbConn};
use crate::domain::{token, MeetingStatus, RegistrationStatus};
use crate::mail::messages::{self, MailKind, Recipient};
use crate::mail::worker::Compose;
use crate::mail::MailContext;
use crate::services::announce;
use crate::services::registrations::Subject;

/// The worker's `Compose`: what reminders and minutes-due notes say, and when.
pub struct Scheduled {
    pub ctx: MailContext,
    /// `QUORUM_MINUTES_DUE_DAYS`.
    pub minutes_due_days: u32,
}

impl Compose for Scheduled {
    fn compose(
        &self,
        conn: &mut DbConn,
        claimed: Vec<OutboxMessage>,
    ) -> anyhow::Result<Vec<OutboxMessage>> {
        let mut series = HashMap::new();
        let mut announced = announce::Cache::new();
        let mut ready = Vec::with_capacity(claimed.len());
        for msg in claimed {
            let id = msg.id;
            // Each in a savepoint of its own: one that cannot be written does not hold up
            // the rest of the batch; it is claimed again when its lease ends.
            let one = |conn: &mut DbConn| match msg.kind.as_str() {
                ANNOUNCEMENT => announce::write(conn, &self.ctx, msg, &mut announced),
                _ => self.one(conn, msg, &mut series),
            };
            match db::write_tx(conn, one) {
                Ok(written) => ready.extend(written),
                Err(e) => tracing::warn!(
                    outbox_id = id,
                    error = %e,
                    "a scheduled message could not be written; tried again when its lease ends"
                ),
            }
        }
        Ok(ready)
    }

    fn fan_out(&self, conn: &mut DbConn, claimed: &OutboxMessage) -> anyhow::Result<usize> {
        announce::fan_out(conn, &self.ctx, claimed)
    }
}

impl Scheduled {
    /// The claimed message to send, written if it is one of ours; `None` when it was
    /// dropped, expanded or deferred instead.
    fn one(
        &self,
        conn: &mut DbConn,
        msg: OutboxMessage,
        series: &mut HashMap<i64, Loaded>,
    ) -> anyhow::Result<Option<OutboxMessage>> {
        Ok(match msg.kind.as_str() {
            REMINDERS_DUE => {
                if let Some(m) = meetings::find(conn, msg.meeting_id.unwrap_or_default())? {
                    let n = scheduled::expand(conn, &msg, &m)?;
                    tracing::info!(meeting = m.id, reminders = n, "reminders due");
                } else {
                    scheduled::drop_unwanted(conn, msg.id)?;
                }
                None
            }
            REMINDER => self.reminder(conn, msg, series)?,
            MINUTES_DUE => self.minutes_due(conn, msg)?,
            _ => Some(msg),
        })
    }
}

impl Scheduled {
    /// One registrant's reminder, if they still hold a confirmed seat in a meeting that has
    /// not started; else the row is dropped.
    fn reminder(
        &self,
        conn: &mut DbConn,
        mut msg: OutboxMessage,
        series: &mut HashMap<i64, Loaded>,
    ) -> anyhow::Result<Option<OutboxMessage>> {
        let now = db::now();
        let wanted = match (msg.meeting_id, msg.registration_id) {
            (Some(m), Some(r)) => seat_holder(conn, m, r, now)?,
            _ => None,
        };
        let Some((m, group, reg)) = wanted else {
            scheduled::drop_unwanted(conn, msg.id)?;
            return Ok(None);
        };
        let token = token::generate();
        regs::add_link(conn, reg.id, &token::hash(&token), now)?;
        let to = Recipient {
            registration: &reg,
            status: RegistrationStatus::Confirmed,
            seat_checked: true,
        };
        let Some(about) = Subject::about_meeting(conn, series, reg.target(), &m, &group)? else {
            scheduled::drop_unwanted(conn, msg.id)?;
            return Ok(None);
        };
        let letter = messages::Letter {
            kind: MailKind::Reminder,
            about: &about,
            to: &to,
            token: Some(&token),
        };
        let rendered = messages::render(conn, &self.ctx, &letter)?;
        msg.recipient = reg.email.clone();
        msg.subject = rendered.subject;
        msg.body_text = rendered.text;
        msg.body_html = rendered.html;
        Ok(Some(msg))
    }

    /// The note that a meeting's minutes are missing, once `minutes_due_days` have passed
    /// since it ended (until then the row waits); dropped when there is nothing to say or
    /// no one to say it to.
    fn minutes_due(
        &self,
        conn: &mut DbConn,
        mut msg: OutboxMessage,
    ) -> anyhow::Result<Option<OutboxMessage>> {
        let found = meetings::find_with_group(conn, msg.meeting_id.unwrap_or_default())?;
        let wanted = found
            .filter(|(m, g)| m.status() == MeetingStatus::Published && g.contact_email.is_some());
        let Some((m, group)) = wanted else {
            scheduled::drop_unwanted(conn, msg.id)?;
            return Ok(None);
        };
        let due = m.ends_at + Duration::days(i64::from(self.minutes_due_days));
        if db::now() < due {
            scheduled::defer(conn, msg.id, due)?;
            return Ok(None);
        }
        if has_minutes(conn, m.id)? {
            scheduled::drop_unwanted(conn, msg.id)?;
            return Ok(None);
        }
        let note = MinutesDue {
            title: &m.title,
            group: &group.name,
            ended: crate::views::day_lines(crate::i18n::Lang::En, &m)
                .last()
                .map(|d| d.local.clone()),
            days: self.minutes_due_days,
            staff_url: format!("{}/staff/meetings/{}", self.ctx.base_url, m.id),
            page_url: self.ctx.meeting_url(&m),
        };
        msg.recipient = group.contact_email.clone().unwrap_or_default();
        msg.subject = format!("Minutes due: {}", m.title);
        msg.body_text = note
            .render()
            .map_err(|e| crate::mail::context::render_error("text", e))?;
        msg.body_html = MinutesDueHtml { n: &note }
            .render()
            .map_err(|e| crate::mail::context::render_error("html", e))?;
        Ok(Some(msg))
    }
}

/// Whether the meeting has minutes attached.
fn has_minutes(conn: &mut DbConn, meeting: i64) -> anyhow::Result<bool> {
    Ok(crate::db::materials::has_minutes(conn, meeting)?)
}

/// The meeting, its group and the registration, if the registration holds a confirmed seat
/// in a published meeting that has not started by `now`.
fn seat_holder(
    conn: &mut DbConn,
    meeting_id: i64,
    registration_id: i64,
    now: NaiveDateTime,
) -> anyhow::Result<Option<(Meeting, Group, regs::Registration)>> {
    let Some((m, group)) = meetings::find_with_group(conn, meeting_id)? else {
        return Ok(None);
    };
    if m.status() != MeetingStatus::Published || m.starts_at <= now {
        return Ok(None);
    }
    let Some(reg) = regs::find(conn, registration_id)?.filter(regs::Registration::is_active) else {
        return Ok(None);
    };
    let held = seats::confirmed_among(&seats::of_registration(conn, reg.id)?, Some(m.id));
    Ok(held.then_some((m, group, reg)))
}

#[derive(Template)]
#[template(path = "mail/minutes_due.txt")]
struct MinutesDue<'a> {
    title: &'a str,
    group: &'a str,
    ended: Option<String>,
    days: u32,
    staff_url: String,
    page_url: String,
}

#[derive(Template)]
#[template(path = "mail/minutes_due.html")]
struct MinutesDueHtml<'a> {
    n: &'a MinutesDue<'a>,
}

/// Schedules what each meeting ahead should have waiting, once, for databases that had
/// meetings before reminders existed (the settings row `reminders_scheduled` marks it done).
pub fn schedule_existing(conn: &mut DbConn) -> anyhow::Result<usize> {
    db::write_tx(conn, |conn| {
        if !crate::db::settings::claim(conn, "reminders_scheduled", "1")? {
            return Ok(0);
        }
        let ahead = meetings::ending_after(conn, db::now())?;
        for m in &ahead {
            scheduled::schedule(conn, m)?;
        }
        Ok(ahead.len())
    })
}
