//! Telling a group's followers, once, that a meeting, a series or an update has been
//! published: when it is created published or first moved out of draft. One mail per
//! series (never per occurrence), none for drafts, never twice (`announced_at`, set in the
//! transaction that published it).
//!
//! The publishing transaction queues ONE fan-out row (`queue`); the mail worker expands it
//! in batches of `BATCH` followers, a transaction each, so that the single SQLite writer is
//! free between them (`fan_out`); each follower's mail is written when it is sent
//! (`write`), with the thing as it is then and the follower's unsubscribe link. A follower
//! who left, or a thing taken back to draft, gets nothing.

use std::collections::HashMap;

use diesel::QueryResult;

use crate::db::announcements::{self, AboutRef};
use crate::db::followers;
use crate::db::meetings::{self, Meeting};
use crate::db::outbox::OutboxMessage;
use crate::db::series::Series;
use crate::db::updates::Update;
use crate::db::{self, groups, scheduled, DbConn};
use crate::domain::MeetingStatus;
use crate::mail::context::host_of;
use crate::mail::follower::Announcement;
use crate::mail::{About, MailContext};
use crate::services::follow::group_url;
use crate::views;

/// Followers expanded per transaction.
pub const BATCH: i64 = 500;

/// Marks `about` announced and queues its one fan-out row, unless it was announced before
/// (or its group has no follower to tell). Call in the transaction that published it.
pub fn queue(conn: &mut DbConn, base_url: &str, about: AboutRef) -> QueryResult<()> {
    if !about.mark_announced(conn, db::now())? {
        return Ok(());
    }
    let Some(group) = about.group_id(conn)? else {
        return Ok(());
    };
    if followers::any_active(conn, group)? {
        announcements::queue(conn, about, &host_of(base_url))?;
    }
    Ok(())
}

/// Announces a meeting written just now, if this is its first publication. Occurrences of
/// a series are announced with their series; a meeting entered after it ended (the
/// archive) is marked announced without mail.
pub fn meeting(conn: &mut DbConn, base_url: &str, m: &Meeting) -> QueryResult<()> {
    if m.status() != MeetingStatus::Published || m.series_id.is_some() || m.announced_at.is_some() {
        return Ok(());
    }
    let about = AboutRef::Meeting(m.id);
    if m.ends_at <= db::now() {
        return about.mark_announced(conn, db::now()).map(|_| ());
    }
    queue(conn, base_url, about)
}

/// Announces series `id`, written just now, once it has a published occurrence ahead. A
/// series split off another (`split_from`, changed from a date on) continues it: it was
/// announced if the other was.
pub fn series(
    conn: &mut DbConn,
    base_url: &str,
    id: i64,
    split_from: Option<&Series>,
) -> QueryResult<()> {
    let now = db::now();
    let about = AboutRef::Series(id);
    if split_from.is_some_and(|s| s.announced_at.is_some()) {
        return about.mark_announced(conn, now).map(|_| ());
    }
    let Some(loaded) = db::series::load(conn, id)? else {
        return Ok(());
    };
    let live = loaded
        .occurrences
        .iter()
        .any(|m| m.status() == MeetingStatus::Published && m.ends_at > now);
    if loaded.series.announced_at.is_some() || !live {
        return Ok(());
    }
    queue(conn, base_url, about)
}

/// Announces an update written just now, if this is its first publication. For
/// `services::updates`: call it in the transaction that created or changed the update,
/// with the row as written; drafts and updates announced before are left alone.
pub fn update_published(conn: &mut DbConn, base_url: &str, u: &Update) -> QueryResult<()> {
    if !u.is_published() || u.announced_at.is_some() {
        return Ok(());
    }
    queue(conn, base_url, AboutRef::Update(u.id))
}

/// Expands a claimed fan-out row into one waiting announcement per active follower of the
/// group, `BATCH` followers per transaction, from where an earlier attempt stopped (the
/// row's cursor); answers how many it wrote. Idempotent: per-follower Message-IDs are
/// fixed, so a second instance that claims the row again writes nobody twice.
pub fn fan_out(conn: &mut DbConn, ctx: &MailContext, fan: &OutboxMessage) -> anyhow::Result<usize> {
    let about = fan.about_ref.as_deref().and_then(AboutRef::decode);
    let group = match about {
        Some(a) => a.group_id(conn)?,
        None => None,
    };
    let host = ctx.host();
    let mut written = 0;
    loop {
        let step = db::write_tx(conn, |conn| -> QueryResult<Option<(usize, bool)>> {
            let Some(row) = announcements::still_pending(conn, fan.id)? else {
                return Ok(None);
            };
            let after = row.follower_id.unwrap_or(0);
            let ids = match group {
                Some(g) => followers::active_after(conn, g, after, BATCH)?,
                None => Vec::new(),
            };
            let done = (ids.len() as i64) < BATCH;
            let n = announcements::expand_batch(conn, &row, &ids, done, &host)?;
            Ok(n.map(|n| (n, done)))
        })?;
        match step {
            Some((n, done)) => {
                written += n;
                if done {
                    break;
                }
            }
            None => break,
        }
    }
    tracing::info!(outbox_id = fan.id, about = ?about, written, "announcement fanned out");
    Ok(written)
}

/// What was published, as the followers of `group_id` are told of it (before the
/// follower's own unsubscribe link): loaded once per batch of mail.
pub type Cache = HashMap<AboutRef, Option<(i64, Announcement)>>;

/// Writes one follower's claimed announcement, or drops it when the follower left or the
/// thing is no longer published.
pub fn write(
    conn: &mut DbConn,
    ctx: &MailContext,
    mut msg: OutboxMessage,
    cache: &mut Cache,
) -> anyhow::Result<Option<OutboxMessage>> {
    let about = msg.about_ref.as_deref().and_then(AboutRef::decode);
    let follower = match msg.follower_id {
        Some(id) => followers::find(conn, id)?.filter(followers::Follower::is_active),
        None => None,
    };
    let (Some(about), Some(follower)) = (about, follower) else {
        scheduled::drop_unwanted(conn, msg.id)?;
        return Ok(None);
    };
    if !cache.contains_key(&about) {
        let loaded = load(conn, ctx, about, follower.group_id)?;
        cache.insert(about, loaded);
    }
    let found = cache.get(&about).and_then(Option::as_ref);
    let Some((_, announcement)) = found.filter(|(g, _)| *g == follower.group_id) else {
        scheduled::drop_unwanted(conn, msg.id)?;
        return Ok(None);
    };
    let url = ctx.unsubscribe_url(follower.id);
    let written = Announcement {
        unsubscribe_url: url.clone(),
        ..announcement.clone()
    }
    .write()?;
    msg.recipient = follower.email;
    msg.subject = written.subject;
    msg.body_text = written.text;
    msg.body_html = written.html;
    msg.unsubscribe_url = Some(url);
    Ok(Some(msg))
}

/// The announcement of `about` with its group, if it is published now.
fn load(
    conn: &mut DbConn,
    ctx: &MailContext,
    about: AboutRef,
    group_id: i64,
) -> anyhow::Result<Option<(i64, Announcement)>> {
    Ok(match about {
        AboutRef::Meeting(id) => meetings::find_with_group(conn, id)?
            .filter(|(m, _)| m.status() == MeetingStatus::Published && m.series_id.is_none())
            .map(|(m, g)| {
                let a = About::Meeting(&m, &g);
                (g.id, shown(ctx, &a, "New meeting"))
            }),
        AboutRef::Series(id) => db::series::load(conn, id)?
            .filter(|l| {
                l.occurrences
                    .iter()
                    .any(|m| m.status() == MeetingStatus::Published)
            })
            .map(|l| {
                (
                    l.group.id,
                    shown(ctx, &About::Series(&l), "New series of meetings"),
                )
            }),
        AboutRef::Update(id) => {
            let update = db::updates::find(conn, group_id, id)?.filter(Update::is_published);
            match update {
                Some(u) => {
                    let g = groups::find(conn, group_id)?;
                    let group_url = group_url(ctx, &g);
                    Some((
                        g.id,
                        Announcement {
                            heading: "New update",
                            title: u.title.clone(),
                            group: g.name.clone(),
                            when: Vec::new(),
                            place: None,
                            body_html: Some(crate::markdown::to_safe_html(&u.body)),
                            body_text: Some(u.body),
                            page_url: format!("{group_url}#update-{id}"),
                            group_url,
                            unsubscribe_url: String::new(),
                        },
                    ))
                }
                None => None,
            }
        }
    })
}

/// A meeting or a series as an announcement: title, when (in the venue's zone and UTC;
/// for a series its rule and next published meeting), where, and its page.
fn shown(ctx: &MailContext, about: &About<'_>, heading: &'static str) -> Announcement {
    let group = about.group();
    Announcement {
        heading,
        title: about.title().to_string(),
        group: group.name.clone(),
        when: about.when(),
        place: about.meeting().and_then(views::place),
        body_text: None,
        body_html: None,
        page_url: about.page_url(&ctx.base_url),
        group_url: group_url(ctx, group),
        unsubscribe_url: String::new(),
    }
}
