//! Small pieces of wording every mail writer shares: the colon after a label as each
//! language writes it, and the labels of a plain-text mail padded into one column.

use crate::i18n::Lang;

/// The colon after a label: "When:", « Quand : » (a no-break space before it in French),
/// "时间：" (full width in Chinese).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::Zh => "：",
        _ => ":",
    }
}

/// The comma between two items: "In person, confirmed", « عن بُعد، … », "远程参加，已确认".
pub fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::Zh => "，",
        _ => ", ",
    }
}

/// The colon between a label and its value on the same line: ": ", « : », "：" (no space
/// after the full-width colon).
pub fn lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::Zh => "：",
        _ => ": ",
    }
}

/// The message `id` followed by the language's colon, before a value: "Page: ",
/// « Page : », "页面：".
pub fn labelled(lang: Lang, id: &str) -> String {
    format!("{}{}", lang.msg(id), lead(lang))
}

/// How wide `s` shows in a monospaced font: Chinese characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum()
}

/// The labels of the details block of a plain-text mail, each followed by its colon and
/// padded to one column ("When:  ", "Where: "), and the indent of the lines that continue
/// one.
#[derive(Debug, Clone)]
pub struct Column {
    pub when: String,
    pub place: String,
    pub join: String,
    pub you: String,
    pub indent: String,
    /// The colon at the end of a line, the colon before a value on the same line, and
    /// the comma.
    pub colon: &'static str,
    pub lead: &'static str,
    pub comma: &'static str,
    /// "Page: ", "Agenda: ", "Group: " with their colon.
    pub page: String,
    pub agenda: String,
    pub group: String,
    /// Where lines start and end in the HTML body: `left` and `right`, mirrored in Arabic
    /// (mail readers know `border-left`, not always `border-inline-start`).
    pub start: &'static str,
    pub end: &'static str,
}

impl Column {
    pub fn new(lang: Lang) -> Column {
        let labels = [
            format!("{}{}", lang.msg("mail-when"), colon(lang)),
            format!("{}{}", lang.msg("mail-where"), colon(lang)),
            format!("{}{}", lang.msg("mail-join"), colon(lang)),
            format!("{}{}", lang.msg("mail-you"), colon(lang)),
        ];
        let wide = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 1;
        let pad = |l: &str| format!("{l}{}", " ".repeat(wide - width(l)));
        Column {
            when: pad(&labels[0]),
            place: pad(&labels[1]),
            join: pad(&labels[2]),
            you: pad(&labels[3]),
            indent: " ".repeat(wide),
            colon: colon(lang),
            lead: lead(lang),
            comma: comma(lang),
            page: labelled(lang, "mail-page"),
            agenda: labelled(lang, "mail-agenda"),
            group: labelled(lang, "mail-group"),
            start: if lang.dir() == "rtl" { "right" } else { "left" },
            end: if lang.dir() == "rtl" { "left" } else { "right" },
        }
    }
}
