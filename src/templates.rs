//! Page templates (askama, compiled in) and the values they show.

use actix_web::{HttpResponse, HttpResponseBuilder};
use askama::Template;

use crate::db::groups::Group;
use crate::db::meetings::{Meeting, SeatCounts};
use crate::domain::{FieldErrors, MeetingStatus};
use crate::views::{self, SeatView};

/// Renders a template into a response, or a plain 500 if the template fails.
pub fn render_into<T: Template>(res: &mut HttpResponseBuilder, page: &T) -> HttpResponse {
    match page.render() {
        Ok(body) => res.content_type("text/html; charset=utf-8").body(body),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("internal error; it has been logged")
        }
    }
}

pub fn html<T: Template>(page: &T) -> HttpResponse {
    render_into(&mut HttpResponse::Ok(), page)
}

/// One meeting in a list.
pub struct MeetingCard {
    pub id: i64,
    pub title: String,
    pub group_name: String,
    pub group_slug: String,
    pub when_local: String,
    pub when_utc: String,
    /// Format and place, each said once ("Online", "In person · Hotel, Madrid").
    pub format_place: String,
    pub cancelled: bool,
    pub seats: Vec<SeatView>,
    /// Public materials by kind (filled in by the lists).
    pub materials: Vec<MaterialGroup>,
}

/// A meeting's materials of one kind, for pages: (title, URL) each.
pub struct MaterialGroup {
    pub label: String,
    pub items: Vec<(String, String)>,
}

impl MaterialGroup {
    /// `materials` grouped by kind, in the order of the kinds (agenda, slides, minutes, …),
    /// each kind named in `lang`.
    pub fn by_kind(
        lang: crate::i18n::Lang,
        materials: &[&crate::db::materials::Material],
    ) -> Vec<MaterialGroup> {
        crate::domain::MaterialKind::ALL
            .iter()
            .filter_map(|kind| {
                let items: Vec<(String, String)> = materials
                    .iter()
                    .filter(|m| m.kind == kind.as_str())
                    .filter_map(|m| m.download_url("").map(|u| (m.title.clone(), u)))
                    .collect();
                (!items.is_empty()).then_some(MaterialGroup {
                    label: kind.label(lang),
                    items,
                })
            })
            .collect()
    }
}

impl MeetingCard {
    /// The card of `m`, its fixed words in `lang`.
    pub fn new(
        lang: crate::i18n::Lang,
        m: &Meeting,
        g: &Group,
        counts: &SeatCounts,
    ) -> MeetingCard {
        MeetingCard {
            id: m.id,
            title: m.title.clone(),
            group_name: g.name.clone(),
            group_slug: g.slug.clone(),
            when_local: views::when_local(lang, m),
            when_utc: views::when_utc(lang, m),
            format_place: views::format_and_place(lang, m),
            cancelled: m.status() == MeetingStatus::Cancelled,
            seats: views::seats(lang, m, counts),
            materials: Vec::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/list.html")]
pub struct ListPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub heading: String,
    pub meetings: Vec<MeetingCard>,
    pub empty: String,
}

/// Values typed into the registration form, kept when it is shown again.
#[derive(Default, Clone)]
pub struct RegistrationForm {
    pub name: String,
    pub email: String,
    pub affiliation: String,
    pub attendance: String,
    pub consent: bool,
}

#[derive(Template)]
#[template(path = "pages/meeting.html")]
pub struct MeetingPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub m: Meeting,
    pub group: Group,
    /// Each day with its hours, in the venue's zone and in UTC.
    pub when: Vec<crate::views::DayLine>,
    pub place: Option<String>,
    pub public_online_url: Option<String>,
    pub seats: Vec<SeatView>,
    /// Why registration is closed, if it is (in the reader's language).
    pub closed: Option<String>,
    pub csrf_token: String,
    pub form: RegistrationForm,
    pub errors: FieldErrors,
    pub form_error: Option<String>,
    pub ics_url: String,
    pub subscribe: crate::views::SubscribeLinks,
    /// The series this meeting belongs to: (id, title).
    pub series: Option<(i64, String)>,
    /// One-click links of web calendars; none for a meeting of several days, which they
    /// could only show as one block across the nights (the .ics has every day).
    pub add: Option<crate::views::AddLinks>,
    /// Public materials by kind.
    pub materials: Vec<MaterialGroup>,
}

impl MeetingPage {
    /// The agenda as sanitised HTML.
    pub fn agenda_html(&self) -> String {
        crate::markdown::to_safe_html(&self.m.agenda)
    }
    /// The problem with `field`, in the reader's language.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.say(field, self.ui.lang)
    }
    pub fn checked(&self, attendance: &str) -> bool {
        self.form.attendance == attendance
            || (self.form.attendance.is_empty() && self.seats.len() == 1)
    }
    /// A full room at a hybrid meeting with remote seats left: offer remote in one click.
    pub fn suggest_remote(&self) -> bool {
        let full_in_person = self
            .seats
            .iter()
            .any(|s| s.attendance == crate::domain::Attendance::InPerson && s.is_full());
        let remote_free = self
            .seats
            .iter()
            .any(|s| s.attendance == crate::domain::Attendance::Remote && !s.is_full());
        full_in_person && remote_free
    }
    pub fn cancelled(&self) -> bool {
        self.m.status() == MeetingStatus::Cancelled
    }
    /// In person, online or hybrid, in the reader's language.
    pub fn format_label(&self) -> String {
        self.m.format().label(self.ui.lang)
    }
}

#[derive(Template)]
#[template(path = "pages/manage.html")]
pub struct ManagePage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub token: String,
    pub name: String,
    pub title: String,
    /// The meeting's or the series' page.
    pub page_path: String,
    pub group: String,
    pub attendance: String,
    pub status: &'static str,
    pub when: Vec<crate::views::DayLine>,
    pub place: Option<String>,
    pub join_url: Option<String>,
    pub online_details: Option<String>,
    /// The meeting is on (or about to start) and this person joins remotely: the page
    /// leads with this link.
    pub join_now: Option<String>,
    /// For a series: each meeting still ahead, with this person's place in it.
    pub seats: Vec<SeatRow>,
    pub other_attendance: Option<(&'static str, String)>,
    pub can_change: bool,
    pub csrf_token: String,
    pub notice: Option<String>,
    /// Materials for registrants only: (title, path behind this manage link).
    pub materials: Vec<(String, String)>,
}

impl ManagePage {
    /// Where the registration stands, in the reader's language.
    pub fn status_words(&self) -> String {
        self.ui.msg(match self.status {
            "confirmed" => "manage-status-confirmed",
            "waitlisted" => "manage-status-waitlisted",
            "pending" => "manage-status-pending",
            _ => "manage-status-cancelled",
        })
    }
}

/// One meeting of a series on the manage page.
pub struct SeatRow {
    pub when: String,
    pub title: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    pub status: u16,
    pub title: String,
    pub message: String,
}

/// After a registration that waits for the address to be confirmed.
#[derive(Template)]
#[template(path = "pages/check_mail.html")]
pub struct CheckMailPage {
    /// The reader's language and the language switcher.
    pub ui: crate::i18n::Ui,
    /// The meeting's or series' page.
    pub back: String,
    /// How long the link stays valid ("48 hours").
    pub hours: String,
}
