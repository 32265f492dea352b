//! Table definitions shared by the SQLite and PostgreSQL backends.

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    groups (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        description -> Text,
        contact_email -> Nullable<Text>,
        created_at -> Timestamp,
        about -> Text,
        input_email -> Nullable<Text>,
    }
}

diesel::table! {
    meetings (id) {
        id -> BigInt,
        uid -> Text,
        group_id -> BigInt,
        title -> Text,
        description -> Text,
        format -> Text,
        timezone -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        venue -> Nullable<Text>,
        address -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Nullable<Text>,
        online_url -> Nullable<Text>,
        online_details -> Nullable<Text>,
        online_url_visibility -> Text,
        in_person_capacity -> Nullable<Integer>,
        remote_capacity -> Nullable<Integer>,
        waitlist -> Bool,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        status -> Text,
        cancel_reason -> Nullable<Text>,
        sequence -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        series_id -> Nullable<BigInt>,
        recurrence_local -> Nullable<Timestamp>,
        detached -> Bool,
        days -> Nullable<Text>,
        verify_email -> Bool,
        reminders -> Text,
        agenda -> Text,
        announced_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    series (id) {
        id -> BigInt,
        uid -> Text,
        group_id -> BigInt,
        title -> Text,
        timezone -> Text,
        first_start_local -> Timestamp,
        duration_minutes -> Integer,
        interval_weeks -> Integer,
        weekdays -> Text,
        until_date -> Nullable<Text>,
        occurrence_count -> Nullable<Integer>,
        template_json -> Text,
        sequence -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        announced_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        meeting_id -> Nullable<BigInt>,
        series_id -> Nullable<BigInt>,
        token_hash -> Text,
        name -> Text,
        email -> Text,
        email_normalized -> Text,
        affiliation -> Nullable<Text>,
        attendance -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        lang -> Text,
    }
}

diesel::table! {
    manage_links (token_hash) {
        token_hash -> Text,
        registration_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    mail_caps (id) {
        id -> BigInt,
        key -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    seats (id) {
        id -> BigInt,
        registration_id -> BigInt,
        meeting_id -> BigInt,
        attendance -> Text,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    check_ins (seat_id, day) {
        seat_id -> BigInt,
        day -> Integer,
        checked_in_at -> Timestamp,
    }
}

diesel::table! {
    staff (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
        disabled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    staff_sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        staff_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    login_throttle (subject) {
        subject -> Text,
        attempts -> Integer,
        window_start -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        staff_id -> Nullable<BigInt>,
        staff_email -> Text,
        action -> Text,
        subject -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        staff_id -> BigInt,
        label -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        message_id -> Text,
        kind -> Text,
        meeting_id -> Nullable<BigInt>,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        ics -> Nullable<Text>,
        ics_method -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        registration_id -> Nullable<BigInt>,
        failed_at -> Nullable<Timestamp>,
        scrubbed_at -> Nullable<Timestamp>,
        lead_minutes -> Nullable<Integer>,
        unsubscribe_url -> Nullable<Text>,
        about_ref -> Nullable<Text>,
        reply_to -> Nullable<Text>,
        follower_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    materials (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        title -> Text,
        kind -> Text,
        url -> Nullable<Text>,
        filename -> Nullable<Text>,
        content_type -> Nullable<Text>,
        size -> Nullable<BigInt>,
        sha256 -> Nullable<Text>,
        visibility -> Text,
        complete -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    material_chunks (material_id, seq) {
        material_id -> BigInt,
        seq -> Integer,
        data -> Binary,
    }
}

diesel::table! {
    group_members (id) {
        id -> BigInt,
        group_id -> BigInt,
        name -> Text,
        role -> Text,
        affiliation -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    milestones (id) {
        id -> BigInt,
        group_id -> BigInt,
        due_date -> Date,
        title -> Text,
        description -> Text,
        status -> Text,
        meeting_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    updates (id) {
        id -> BigInt,
        group_id -> BigInt,
        title -> Text,
        body -> Text,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        announced_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    followers (id) {
        id -> BigInt,
        group_id -> BigInt,
        email -> Text,
        email_normalized -> Text,
        token_hash -> Text,
        status -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        lang -> Text,
    }
}

diesel::table! {
    inputs (id) {
        id -> BigInt,
        group_id -> BigInt,
        name -> Text,
        email -> Text,
        email_normalized -> Text,
        subject -> Text,
        message -> Text,
        token_hash -> Text,
        status -> Text,
        created_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        hidden_at -> Nullable<Timestamp>,
        lang -> Text,
    }
}

diesel::joinable!(meetings -> groups (group_id));
diesel::joinable!(materials -> meetings (meeting_id));
diesel::joinable!(material_chunks -> materials (material_id));
diesel::joinable!(registrations -> meetings (meeting_id));
diesel::joinable!(seats -> registrations (registration_id));
diesel::joinable!(check_ins -> seats (seat_id));
diesel::joinable!(seats -> meetings (meeting_id));
diesel::joinable!(api_tokens -> staff (staff_id));
diesel::joinable!(staff_sessions -> staff (staff_id));
diesel::joinable!(series -> groups (group_id));
diesel::joinable!(registrations -> series (series_id));
diesel::joinable!(manage_links -> registrations (registration_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    materials,
    material_chunks,
    groups,
    meetings,
    registrations,
    staff,
    api_tokens,
    outbox,
    staff_sessions,
    login_throttle,
    audit_log,
    series,
    seats,
    check_ins,
    manage_links,
    mail_caps,
    group_members,
    milestones,
    updates,
    followers,
    inputs,
);
