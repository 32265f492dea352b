//! Every table of the database as a row type, in the order an import inserts them (a table
//! comes after the tables its foreign keys point at). A table added by a migration must be
//! added here too: `tests/api/archive.rs` compares this list with the database's tables.

use chrono::{NaiveDate, NaiveDateTime};

use super::table::archive_tables;

archive_tables! {
    settings(key) SettingsRow {
        key: String,
        value: String,
    }
    staff(id) StaffRow {
        id: i64,
        email: String,
        name: String,
        role: String,
        password_hash: String,
        created_at: NaiveDateTime,
        disabled_at: Option<NaiveDateTime>,
    }
    groups(id) GroupsRow {
        id: i64,
        slug: String,
        name: String,
        description: String,
        contact_email: Option<String>,
        created_at: NaiveDateTime,
        about: String,
        input_email: Option<String>,
    }
    series(id) SeriesRow {
        id: i64,
        uid: String,
        group_id: i64,
        title: String,
        timezone: String,
        first_start_local: NaiveDateTime,
        duration_minutes: i32,
        interval_weeks: i32,
        weekdays: String,
        until_date: Option<String>,
        occurrence_count: Option<i32>,
        template_json: String,
        sequence: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        announced_at: Option<NaiveDateTime>,
    }
    meetings(id) MeetingsRow {
        id: i64,
        uid: String,
        group_id: i64,
        title: String,
        description: String,
        format: String,
        timezone: String,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
        venue: Option<String>,
        address: Option<String>,
        city: Option<String>,
        country: Option<String>,
        online_url: Option<String>,
        online_details: Option<String>,
        online_url_visibility: String,
        in_person_capacity: Option<i32>,
        remote_capacity: Option<i32>,
        waitlist: bool,
        registration_opens_at: Option<NaiveDateTime>,
        registration_closes_at: Option<NaiveDateTime>,
        status: String,
        cancel_reason: Option<String>,
        sequence: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        series_id: Option<i64>,
        recurrence_local: Option<NaiveDateTime>,
        detached: bool,
        days: Option<String>,
        verify_email: bool,
        reminders: String,
        agenda: String,
        announced_at: Option<NaiveDateTime>,
    }
    registrations(id) RegistrationsRow {
        id: i64,
        meeting_id: Option<i64>,
        series_id: Option<i64>,
        token_hash: String,
        name: String,
        email: String,
        email_normalized: String,
        affiliation: Option<String>,
        attendance: String,
        status: String,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
        confirmed_at: Option<NaiveDateTime>,
        lang: String,
    }
    manage_links(token_hash) ManageLinksRow {
        token_hash: String,
        registration_id: i64,
        created_at: NaiveDateTime,
    }
    seats(id) SeatsRow {
        id: i64,
        registration_id: i64,
        meeting_id: i64,
        attendance: String,
        status: String,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    }
    check_ins(seat_id, day) CheckInsRow {
        seat_id: i64,
        day: i32,
        checked_in_at: NaiveDateTime,
    }
    staff_sessions(id) StaffSessionsRow {
        id: i64,
        token_hash: String,
        staff_id: i64,
        created_at: NaiveDateTime,
        last_seen_at: NaiveDateTime,
    }
    api_tokens(id) ApiTokensRow {
        id: i64,
        staff_id: i64,
        label: String,
        token_hash: String,
        created_at: NaiveDateTime,
        last_used_at: Option<NaiveDateTime>,
        revoked_at: Option<NaiveDateTime>,
        expires_at: Option<NaiveDateTime>,
    }
    audit_log(id) AuditLogRow {
        id: i64,
        staff_id: Option<i64>,
        staff_email: String,
        action: String,
        subject: String,
        before_json: Option<String>,
        after_json: Option<String>,
        created_at: NaiveDateTime,
    }
    followers(id) FollowersRow {
        id: i64,
        group_id: i64,
        email: String,
        email_normalized: String,
        token_hash: String,
        status: String,
        created_at: NaiveDateTime,
        confirmed_at: Option<NaiveDateTime>,
        lang: String,
    }
    outbox(id) OutboxRow {
        id: i64,
        message_id: String,
        kind: String,
        meeting_id: Option<i64>,
        recipient: String,
        subject: String,
        body_text: String,
        body_html: String,
        ics: Option<String>,
        ics_method: Option<String>,
        status: String,
        attempts: i32,
        next_attempt_at: NaiveDateTime,
        lease_until: Option<NaiveDateTime>,
        last_error: Option<String>,
        created_at: NaiveDateTime,
        sent_at: Option<NaiveDateTime>,
        registration_id: Option<i64>,
        failed_at: Option<NaiveDateTime>,
        scrubbed_at: Option<NaiveDateTime>,
        lead_minutes: Option<i32>,
        unsubscribe_url: Option<String>,
        about_ref: Option<String>,
        reply_to: Option<String>,
        follower_id: Option<i64>,
    }
    materials(id) MaterialsRow {
        id: i64,
        meeting_id: i64,
        title: String,
        kind: String,
        url: Option<String>,
        filename: Option<String>,
        content_type: Option<String>,
        size: Option<i64>,
        sha256: Option<String>,
        visibility: String,
        complete: bool,
        created_at: NaiveDateTime,
    }
    material_chunks(material_id, seq) MaterialChunksRow / 8 {
        material_id: i64,
        seq: i32,
        #[serde(with = "super::format::base64")]
        data: Vec<u8>,
    }
    group_members(id) GroupMembersRow {
        id: i64,
        group_id: i64,
        name: String,
        role: String,
        affiliation: Option<String>,
        note: Option<String>,
        created_at: NaiveDateTime,
    }
    milestones(id) MilestonesRow {
        id: i64,
        group_id: i64,
        due_date: NaiveDate,
        title: String,
        description: String,
        status: String,
        meeting_id: Option<i64>,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    }
    updates(id) UpdatesRow {
        id: i64,
        group_id: i64,
        title: String,
        body: String,
        status: String,
        published_at: Option<NaiveDateTime>,
        announced_at: Option<NaiveDateTime>,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    }
    inputs(id) InputsRow {
        id: i64,
        group_id: i64,
        name: String,
        email: String,
        email_normalized: String,
        subject: String,
        message: String,
        token_hash: String,
        status: String,
        created_at: NaiveDateTime,
        published_at: Option<NaiveDateTime>,
        hidden_at: Option<NaiveDateTime>,
        lang: String,
    }
    mail_caps(id) MailCapsRow {
        id: i64,
        key: String,
        sent_at: NaiveDateTime,
    }
    login_throttle(subject) LoginThrottleRow {
        subject: String,
        attempts: i32,
        window_start: NaiveDateTime,
    }
}
