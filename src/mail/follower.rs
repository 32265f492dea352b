//! Mail to a group's followers: the link to confirm following (or a note that the address
//! follows already), and the announcement of a meeting, series or update when it is first
//! published. Every one carries the follower's one-click unsubscribe link (RFC 8058).

use askama::Template;
use diesel::QueryResult;

use super::context::render_error;
use super::words::Column;
use crate::i18n::Lang;
use crate::views::DayLine;

/// What a follower mail says; one template pair for both kinds of follow notice.
pub struct FollowNotice {
    /// The follower's language: every fixed word of the mail is in it.
    pub lang: Lang,
    pub group: String,
    pub intro: Vec<String>,
    /// The link to the page that confirms (a `POST` there): `None` for "already following".
    pub confirm_url: Option<String>,
    pub group_url: String,
    pub unsubscribe_url: String,
}

#[derive(Template)]
#[template(path = "mail/follow.txt")]
struct FollowText<'a> {
    n: &'a FollowNotice,
}

#[derive(Template)]
#[template(path = "mail/follow.html")]
struct FollowHtml<'a> {
    n: &'a FollowNotice,
}

/// One announcement to one follower.
#[derive(Clone)]
pub struct Announcement {
    /// The follower's language: every fixed word of the mail is in it.
    pub lang: Lang,
    /// The labels of the text body in it.
    pub col: Column,
    /// "New meeting", "New series", "New update".
    pub heading: String,
    pub title: String,
    pub group: String,
    pub when: Vec<DayLine>,
    pub place: Option<String>,
    /// An update's text, as written (Markdown) and as sanitised HTML.
    pub body_text: Option<String>,
    pub body_html: Option<String>,
    pub page_url: String,
    pub group_url: String,
    pub unsubscribe_url: String,
}

#[derive(Template)]
#[template(path = "mail/announcement.txt")]
struct AnnouncementText<'a> {
    a: &'a Announcement,
}

#[derive(Template)]
#[template(path = "mail/announcement.html")]
struct AnnouncementHtml<'a> {
    a: &'a Announcement,
}

/// Subject, text and HTML of a message.
pub struct Written {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl FollowNotice {
    /// The colon between a label and its value, as the follower's language writes it.
    pub fn lead(&self) -> &'static str {
        super::words::lead(self.lang)
    }

    pub fn write(&self) -> QueryResult<Written> {
        let subject = match self.confirm_url {
            Some(_) => self.lang.msg1("mail-follow-subject", "group", &self.group),
            None => self
                .lang
                .msg1("mail-follow-subject-already", "group", &self.group),
        };
        Ok(Written {
            subject,
            text: FollowText { n: self }
                .render()
                .map_err(|e| render_error("text", e))?,
            html: FollowHtml { n: self }
                .render()
                .map_err(|e| render_error("html", e))?,
        })
    }
}

impl Announcement {
    pub fn write(&self) -> QueryResult<Written> {
        Ok(Written {
            subject: self.lang.msg_with(
                "mail-announce-subject",
                &[
                    ("heading", (&self.heading).into()),
                    ("title", (&self.title).into()),
                    ("group", (&self.group).into()),
                ],
            ),
            text: AnnouncementText { a: self }
                .render()
                .map_err(|e| render_error("text", e))?,
            html: AnnouncementHtml { a: self }
                .render()
                .map_err(|e| render_error("html", e))?,
        })
    }
}
