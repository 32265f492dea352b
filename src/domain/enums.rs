//! The small closed vocabularies of the contract, stored as their snake_case names.

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
            /// The accepted names, for error messages.
            pub fn names() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// How a meeting is held.
    MeetingFormat { InPerson => "in_person", Online => "online", Hybrid => "hybrid" }
);
text_enum!(
    /// How an observer attends.
    Attendance { InPerson => "in_person", Remote => "remote" }
);
text_enum!(
    /// Lifecycle of a meeting.
    MeetingStatus { Draft => "draft", Published => "published", Cancelled => "cancelled" }
);
text_enum!(
    /// Lifecycle of a registration.
    RegistrationStatus { Pending => "pending", Confirmed => "confirmed", Waitlisted => "waitlisted", Cancelled => "cancelled" }
);
text_enum!(
    /// Who may see a meeting's online URL.
    UrlVisibility { Registrants => "registrants", Public => "public" }
);

text_enum!(
    /// What a person does in a group; listed in this order, chairs first.
    Role { Chair => "chair", Member => "member", Liaison => "liaison", Staff => "staff" }
);
text_enum!(
    /// Where a milestone stands.
    MilestoneStatus { Done => "done", Planned => "planned" }
);
text_enum!(
    /// Lifecycle of a group's update.
    UpdateStatus { Draft => "draft", Published => "published" }
);

impl Role {
    /// Where people of this role are listed (chairs first); unknown roles last.
    pub fn rank_of(role: &str) -> usize {
        Role::ALL
            .iter()
            .position(|r| r.as_str() == role)
            .unwrap_or(Role::ALL.len())
    }
    /// The name of this value as people read it, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.msg(match self {
            Role::Chair => "role-chair",
            Role::Member => "role-member",
            Role::Liaison => "role-liaison",
            Role::Staff => "role-staff",
        })
    }
}

text_enum!(
    /// What a meeting's material is.
    MaterialKind { Agenda => "agenda", Slides => "slides", Minutes => "minutes", Recording => "recording", Transcript => "transcript", Chat => "chat", Document => "document" }
);

impl MaterialKind {
    /// Whether adding one may mail the registrants (`notify`).
    pub fn may_notify(self) -> bool {
        matches!(
            self,
            MaterialKind::Minutes | MaterialKind::Recording | MaterialKind::Slides
        )
    }
    /// The name of this value as people read it, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.msg(match self {
            MaterialKind::Agenda => "material-agenda",
            MaterialKind::Slides => "material-slides",
            MaterialKind::Minutes => "material-minutes",
            MaterialKind::Recording => "material-recording",
            MaterialKind::Transcript => "material-transcript",
            MaterialKind::Chat => "material-chat",
            MaterialKind::Document => "material-documents",
        })
    }
}

impl MeetingFormat {
    /// Whether observers may attend this way.
    pub fn offers(self, attendance: Attendance) -> bool {
        matches!(
            (self, attendance),
            (MeetingFormat::Hybrid, _)
                | (MeetingFormat::InPerson, Attendance::InPerson)
                | (MeetingFormat::Online, Attendance::Remote)
        )
    }
    pub fn has_venue(self) -> bool {
        self != MeetingFormat::Online
    }
    pub fn has_online(self) -> bool {
        self != MeetingFormat::InPerson
    }
    /// The name of this value as people read it, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.msg(match self {
            MeetingFormat::InPerson => "format-in-person",
            MeetingFormat::Online => "format-online",
            MeetingFormat::Hybrid => "format-hybrid",
        })
    }
}

impl Attendance {
    /// The name of this value as people read it, in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.msg(match self {
            Attendance::InPerson => "attendance-in-person",
            Attendance::Remote => "attendance-remote",
        })
    }
}
