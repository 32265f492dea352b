# Quorum's messages in English: the reference for every other language.
#
# One file per language (locales/xx.ftl), with the same message ids and the same
# placeables in each; `cargo test` fails otherwise (tests/api/languages.rs). Messages
# whose id starts with `staff-` are for staff pages, which are in English only: they live
# here alone.
#
# Sections, in order: site chrome, dates and times, seats, meeting pages, registration
# and its form, manage page, group home, follow, input, errors, mail, calendars and feeds,
# staff.

## Site chrome

site-nav-groups = Groups
site-nav-past = Past
site-nav-calendar = Calendar feed
site-nav-calendar-title = Subscribe in your calendar
site-footer = Quorum · meetings open to observers
site-language = Language

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }, { $start }–{ $end } { $zone }
when-two-days = { $date }, { $start } – { $end_date }, { $end } { $zone }

## Seats

seats-open = open, no limit
seats-full = full
seats-full-waitlist = full ({ $count } on the waitlist)
seats-left =
    { $count ->
        [one] { $count } seat left
       *[other] { $count } seats left
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] Every week on { $days }
       *[other] Every { $interval } weeks on { $days }
    }
rule-short = { $every }, { $time } { $zone }
rule-long =
    { $every } at { $time } ({ $zone }), { $minutes } minutes, { $count ->
        [one] { $count } meeting
       *[other] { $count } meetings
    }

## Names of things: formats, attendance, materials, roles

format-in-person = In person
format-online = Online
format-hybrid = Hybrid (in person and online)
attendance-in-person = In person
attendance-remote = Remote
material-agenda = Agenda
material-slides = Slides
material-minutes = Minutes
material-recording = Recording
material-transcript = Transcript
material-chat = Chat
material-documents = Documents
role-chair = Chair
role-member = Member
role-liaison = Liaison
role-staff = Staff

## Durations

duration-hours =
    { $hours ->
        [one] an hour
       *[other] { $hours } hours
    }
duration-hours-minutes = { $hours } hours { $minutes } minutes
duration-minutes =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }

## Pages: meetings, series, past meetings, registration form, manage page
# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# Subjects start with the kind of message; $title is the meeting's title as staff wrote it.
mail-subject = { $heading }: { $title }
mail-kind-confirm-address = Please confirm your registration
mail-kind-confirmed = Registration confirmed
mail-kind-promoted = A seat is yours
mail-kind-waitlisted = You are on the waitlist
mail-kind-already-registered = You are already registered
mail-kind-attendance-changed = Attendance changed
mail-kind-observer-cancelled = Registration cancelled
mail-kind-meeting-changed = Meeting updated
mail-kind-zone-rules-changed = Meeting time corrected
mail-kind-meeting-cancelled = Meeting cancelled
mail-kind-reminder = Reminder
mail-kind-material-added = New material
# "Hello Ada," only to an address whose owner confirmed it.
mail-hello-name = Hello { $name },
mail-hello = Hello,
# $duration: "48 hours", "30 minutes" (duration-… messages).
mail-intro-confirm-address = Someone (probably you) asked to register this address for the meeting below. To take your place, open the link below and press Confirm within { $duration }. No seat is held until then.
mail-intro-not-you = If it was not you, ignore this message: nothing is registered, and the details are deleted.
mail-intro-confirmed = Your registration is confirmed. The attached invitation adds the meeting to your calendar; it stays up to date if the meeting changes.
mail-intro-promoted = A seat has become free and it is now yours: your registration is confirmed. The attached invitation adds the meeting to your calendar.
mail-intro-waitlisted = The meeting is full, so you are on the waitlist. If a seat becomes free, it goes to the person who has waited longest, and you will get a confirmation with a calendar invitation.
mail-intro-already-registered = Someone (probably you) tried to register this address again for this meeting. You already have a registration; use the link below to see, change or cancel it. Earlier links keep working.
mail-intro-attendance-changed = Your attendance has been changed. The attached invitation updates your calendar.
mail-intro-observer-cancelled = Your registration has been cancelled. The attached cancellation removes the meeting from your calendar.
mail-intro-meeting-changed = This meeting has changed. The attached invitation updates your calendar; the details below are the new ones.
# $version: the tz database's version ("2025b").
mail-intro-zone-rules-changed = The time-zone rules of this meeting's place have changed (tz database { $version }). The meeting keeps its local time, shown below; its time in UTC, and so in other time zones, has moved. The attached invitation updates your calendar.
mail-intro-meeting-cancelled = This meeting has been cancelled. The attached cancellation removes it from your calendar.
# $reason: as staff wrote it.
mail-cancel-reason = Reason: { $reason }
mail-intro-material-added = New material has been added to the meeting below.
mail-intro-reminder = The meeting below starts in { $duration }. Your seat is confirmed; the details are below.
# Labels of the details (the colon is added as each language writes it).
mail-when = When
mail-where = Where
mail-join = Join
mail-you = You
mail-page = Page
mail-agenda = Agenda
mail-group = Group
mail-material = Material
# $when: the next meeting of a series, its date and times.
mail-next = Next: { $when }
mail-status-pending = waiting for the address to be confirmed
mail-status-confirmed = confirmed
mail-status-waitlisted = on the waitlist
mail-status-cancelled = cancelled
mail-what-changed = What changed
mail-change-title = Title
mail-change-time = Time
mail-change-place = Place
mail-change-join = Join URL
mail-change-none = (none)
mail-link-confirm = Confirm your registration
mail-link-manage = Change or cancel your registration
# $label: mail-link-confirm or mail-link-manage; the link follows on the next line.
mail-link-keep-line = { $label } (keep this link to yourself):
mail-link-keep = Keep this link to yourself: anyone who has it can change your registration.
mail-footer = Sent by Quorum. You receive this because this address was registered for the meeting above.
# Following a group ($group: its name).
mail-follow-subject = Please confirm: follow { $group }
mail-follow-subject-already = You already follow { $group }
mail-follow-intro = Someone (probably you) asked for an e-mail whenever { $group } publishes a meeting, a series of meetings or an update. To start, open the link below and press Confirm within { $duration }.
mail-follow-not-you = If it was not you, ignore this message: nothing is sent to this address, and it is deleted.
mail-follow-already = Someone (probably you) asked to follow { $group } with this address. It follows the group already: nothing has changed.
mail-follow-confirm = Confirm
mail-follow-footer = Sent by Quorum because this address was entered in the follow form of the group above.
mail-unsubscribe = Unsubscribe
mail-unsubscribe-one-click = Unsubscribe with one click
# Announcements to followers.
mail-announce-meeting = New meeting
mail-announce-series = New series of meetings
mail-announce-update = New update
mail-announce-subject = { $heading }: { $title } ({ $group })
mail-announce-published = { $group } has published:
mail-read-more = Read more
mail-announce-footer = Sent by Quorum because you follow { $group }.
# Public input: the request to confirm the address.
mail-input-subject = Please confirm your input to { $group }
mail-input-title = Please confirm your input
mail-input-intro = Someone (probably you) sent input to { $group } through its public page, with this address. To publish it in the group's public archive and pass it on to the group, open the link below and press Confirm within { $duration }:
mail-input-review = Review and confirm
mail-input-shown = Your name, subject and message are shown in the archive; your address is not.
mail-input-not-you = If it was not you, ignore this message: nothing is published, and the details are deleted.
mail-input-footer = Sent by Quorum because this address was given on a group's input form.
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)

## Staff pages (English only: ids start with `staff-`)
# (end of section staff)
