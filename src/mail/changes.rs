//! What a staff change did to a meeting, old and new side by side, for the update mail.

use crate::db::meetings::Meeting;
use crate::views;

/// One changed detail: "Time: Wed 2 Dec 14:00–15:30 CET → Thu 3 Dec 15:00–16:30 CET".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLine {
    pub label: &'static str,
    pub old: String,
    pub new: String,
}

/// The label of a change to the join URL: only told to those who may see the link.
pub const JOIN: &str = "Join URL";

/// What changed between `old` and `new` that observers see: time (each day in the venue's
/// zone), place, join URL and title.
pub fn summarize(old: &Meeting, new: &Meeting) -> Vec<ChangeLine> {
    let none = || "(none)".to_string();
    [
        ("Title", old.title.clone(), new.title.clone()),
        ("Time", when(old), when(new)),
        (
            "Place",
            views::place(old).unwrap_or_else(none),
            views::place(new).unwrap_or_else(none),
        ),
        (
            JOIN,
            old.online_url.clone().unwrap_or_else(none),
            new.online_url.clone().unwrap_or_else(none),
        ),
    ]
    .into_iter()
    .filter(|(_, o, n)| o != n)
    .map(|(label, old, new)| ChangeLine { label, old, new })
    .collect()
}

/// Every day of the meeting in its venue's zone, one after the other.
fn when(m: &Meeting) -> String {
    let tz = m.tz();
    m.schedule()
        .spans()
        .iter()
        .map(|&(start, end)| views::local_span(crate::i18n::Lang::En, &tz, start, end))
        .collect::<Vec<_>>()
        .join("; ")
}
