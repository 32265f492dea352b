//! What a staff change did to a meeting, old and new side by side, for the update mail.
//! Found once per change (`summarize`) and written in each recipient's language (`shown`).

use crate::db::meetings::Meeting;
use crate::i18n::Lang;
use crate::views;

/// Which detail changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Time,
    Place,
    /// The join URL: only told to those who may see the link.
    Join,
}

/// One side of a change: a value as staff wrote it (or none), or the meeting's days.
#[derive(Debug, Clone)]
enum Side {
    Text(Option<String>),
    Days(Box<Meeting>),
}

impl Side {
    fn shown(&self, lang: Lang) -> String {
        match self {
            Side::Text(Some(t)) => t.clone(),
            Side::Text(None) => lang.msg("mail-change-none"),
            Side::Days(m) => when(lang, m),
        }
    }
}

/// One changed detail, old and new.
#[derive(Debug, Clone)]
pub struct ChangeLine {
    pub field: Field,
    old: Side,
    new: Side,
}

/// A change as one reader's mail writes it: "Time: Wed 2 Dec 14:00–15:30 CET → Thu 3 Dec
/// 15:00–16:30 CET".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownChange {
    pub label: String,
    pub old: String,
    pub new: String,
}

impl ChangeLine {
    pub fn shown(&self, lang: Lang) -> ShownChange {
        ShownChange {
            label: lang.msg(match self.field {
                Field::Title => "mail-change-title",
                Field::Time => "mail-change-time",
                Field::Place => "mail-change-place",
                Field::Join => "mail-change-join",
            }),
            old: self.old.shown(lang),
            new: self.new.shown(lang),
        }
    }
}

/// What changed between `old` and `new` that observers see: time (each day in the venue's
/// zone), place, join URL and title.
pub fn summarize(old: &Meeting, new: &Meeting) -> Vec<ChangeLine> {
    let text = |t: Option<String>| Side::Text(t);
    let mut lines = Vec::new();
    if old.title != new.title {
        lines.push((
            Field::Title,
            text(Some(old.title.clone())),
            text(Some(new.title.clone())),
        ));
    }
    if when(Lang::En, old) != when(Lang::En, new) {
        lines.push((
            Field::Time,
            Side::Days(Box::new(old.clone())),
            Side::Days(Box::new(new.clone())),
        ));
    }
    if views::place(old) != views::place(new) {
        lines.push((
            Field::Place,
            text(views::place(old)),
            text(views::place(new)),
        ));
    }
    if old.online_url != new.online_url {
        lines.push((
            Field::Join,
            text(old.online_url.clone()),
            text(new.online_url.clone()),
        ));
    }
    lines
        .into_iter()
        .map(|(field, old, new)| ChangeLine { field, old, new })
        .collect()
}

/// Every day of the meeting in its venue's zone, one after the other.
fn when(lang: Lang, m: &Meeting) -> String {
    let tz = m.tz();
    m.schedule()
        .spans()
        .iter()
        .map(|&(start, end)| views::local_span(lang, &tz, start, end))
        .collect::<Vec<_>>()
        .join("; ")
}
