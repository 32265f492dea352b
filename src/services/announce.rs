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
use crate::i18n::Lang;
use crate::mail::context::host_of;
use crate::mail::follower::Announcement;
use crate::mail::words::Column;
use crate::mail::{About, MailContext};
use crate::views;

/// Followers expanded per transaction.
pub const BATCH: i64 = 500;

/// Marks `about` announced and queues its one fan-out row, unless it was announced before
/// (or its group has no follower to tell). Call in every transaction that writes it
/// published.
pub fn queue(conn: &mut DbConn, base_url: &str, about: AboutRef) -> QueryResult<()> {
    if !about.mark_announced(conn, db::now())? {
        // Written published again (after going back to draft): its held-back mail goes now.
        return announcements::wake(conn, about).map(|_| ());
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
    if m.status() != MeetingStatus::Published || m.series_id.is_some() {
        return Ok(());
    }
    let about = AboutRef::Meeting(m.id);
    if m.ends_at <= db::now() && m.announced_at.is_none() {
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
    if !live {
        return Ok(());
    }
    queue(conn, base_url, about)
}

/// Announces an update written just now, if this is its first publication
/// (`services::updates::save` calls it in the transaction that wrote the update); drafts
/// are left alone, and an update announced before only wakes its held-back mail.
pub fn update_published(conn: &mut DbConn, base_url: &str, u: &Update) -> QueryResult<()> {
    if !u.is_published() {
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

/// How long an announcement waits while what it announces is back in draft: it goes
/// when that is published again (`queue` wakes it), or after this, if still wanted.
const HIDDEN_RETRY: chrono::Duration = chrono::Duration::hours(1);

/// What an announcement is about, as it is now.
#[derive(Clone)]
pub enum Found {
    /// Published: what the followers of the group (its id) are told, before the
    /// follower's own unsubscribe link.
    Shown(i64, Box<Announcement>),
    /// Back in draft since it was announced: the mail waits.
    Hidden,
    /// Deleted, cancelled or over: the mail is dropped.
    Gone,
}

/// What was published, loaded once per batch of mail and per language of its followers.
pub type Cache = HashMap<(AboutRef, Lang), Found>;

/// Writes one follower's claimed announcement; drops it when the follower left or the
/// thing is gone, and holds it back while the thing is in draft (drafts never show).
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
    let lang = follower.lang();
    if let std::collections::hash_map::Entry::Vacant(e) = cache.entry((about, lang)) {
        e.insert(load(conn, ctx, about, follower.group_id, lang)?);
    }
    let announcement = match cache.get(&(about, lang)) {
        Some(Found::Shown(group, a)) if *group == follower.group_id => a,
        Some(Found::Hidden) => {
            scheduled::defer(conn, msg.id, db::now() + HIDDEN_RETRY)?;
            return Ok(None);
        }
        _ => {
            scheduled::drop_unwanted(conn, msg.id)?;
            return Ok(None);
        }
    };
    let url = ctx.unsubscribe_url(follower.id);
    let written = Announcement {
        unsubscribe_url: url.clone(),
        ..(**announcement).clone()
    }
    .write()?;
    msg.recipient = follower.email;
    msg.subject = written.subject;
    msg.body_text = written.text;
    msg.body_html = written.html;
    msg.unsubscribe_url = Some(url);
    Ok(Some(msg))
}

/// `about` as it is now.
fn load(
    conn: &mut DbConn,
    ctx: &MailContext,
    about: AboutRef,
    group_id: i64,
    lang: Lang,
) -> anyhow::Result<Found> {
    let now = db::now();
    let published = |m: &Meeting| m.status() == MeetingStatus::Published;
    let draft = |m: &Meeting| m.status() == MeetingStatus::Draft;
    // Under the row lock that publishing takes: a publication that commits meanwhile is
    // either seen here, or comes after this mail was held back and wakes it.
    match about {
        AboutRef::Meeting(id) => db::lock_meeting(conn, id).map(|_| ())?,
        AboutRef::Series(id) => db::series::lock(conn, id).map(|_| ())?,
        AboutRef::Update(_) => {}
    }
    Ok(match about {
        AboutRef::Meeting(id) => match meetings::find_with_group(conn, id)? {
            Some((m, _)) if draft(&m) => Found::Hidden,
            Some((m, g)) if published(&m) && m.ends_at > now => Found::Shown(
                g.id,
                shown(ctx, lang, &About::Meeting(&m, &g), Heading::Meeting).into(),
            ),
            _ => Found::Gone,
        },
        AboutRef::Series(id) => match db::series::load(conn, id)? {
            Some(l) if l.occurrences.iter().any(published) => {
                let a = About::Series(&l);
                Found::Shown(l.group.id, shown(ctx, lang, &a, Heading::Series).into())
            }
            Some(l) if l.occurrences.iter().any(draft) => Found::Hidden,
            _ => Found::Gone,
        },
        AboutRef::Update(id) => match db::updates::find(conn, group_id, id)? {
            Some(u) if u.is_published() => {
                let g = groups::find(conn, group_id)?;
                Found::Shown(g.id, update_shown(ctx, lang, &g, u).into())
            }
            Some(_) => Found::Hidden,
            None => Found::Gone,
        },
    })
}

/// An update as an announcement: its text in full, and its page.
fn update_shown(
    ctx: &MailContext,
    lang: Lang,
    g: &crate::db::groups::Group,
    u: Update,
) -> Announcement {
    let group_url = crate::views::group_url(&ctx.base_url, &g.slug);
    Announcement {
        lang,
        col: Column::new(lang),
        heading: lang.msg("mail-announce-update"),
        title: u.title.clone(),
        group: g.name.clone(),
        when: Vec::new(),
        place: None,
        body_html: Some(crate::markdown::to_safe_html(&u.body)),
        body_text: Some(u.body),
        page_url: crate::views::update_url(&ctx.base_url, &g.slug, u.id),
        group_url,
        unsubscribe_url: String::new(),
    }
}

/// A meeting or a series as an announcement: title, when (in the venue's zone and UTC;
/// for a series its rule and next published meeting), where, and its page.
fn shown(ctx: &MailContext, lang: Lang, about: &About<'_>, heading: Heading) -> Announcement {
    let group = about.group();
    Announcement {
        lang,
        col: Column::new(lang),
        heading: lang.msg(match heading {
            Heading::Meeting => "mail-announce-meeting",
            Heading::Series => "mail-announce-series",
        }),
        title: about.title().to_string(),
        group: group.name.clone(),
        when: about.when_in(lang),
        place: about.meeting().and_then(views::place),
        body_text: None,
        body_html: None,
        page_url: about.page_url(&ctx.base_url),
        group_url: crate::views::group_url(&ctx.base_url, &group.slug),
        unsubscribe_url: String::new(),
    }
}

/// What is announced: a meeting or a series (updates have their own heading).
#[derive(Clone, Copy)]
enum Heading {
    Meeting,
    Series,
}
