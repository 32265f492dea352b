# Quorum's messages in English: the reference for every other language.
#
# One file per language (locales/xx.ftl), with the same message ids and the same
# placeables in each; `cargo test` fails otherwise (tests/api/languages.rs). Messages
# whose id starts with `staff-` are for staff pages, which are in English only: they live
# here alone.
#
# Sections, in order: site chrome, dates and times, seats, weekly series, names of things,
# durations, the meeting pages, the group's pages, mail, calendars and
# feeds, staff (en.ftl only).

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
# Meeting page
meeting-when = When
meeting-format = Format
meeting-where = Where
meeting-online = Online
meeting-online-sent = The join link is sent to registered observers.
meeting-seats = Seats
# $mode is an attendance ("In person"), $seats how many are left ("3 seats left").
meeting-seat-line = { $mode }: { $seats }
# $format is the meeting's format, $place its venue as staff wrote it.
meeting-format-place = { $format } · { $place }
meeting-calendar = Calendar
meeting-download-ics = Download (.ics)
meeting-add-google = Add to Google Calendar
meeting-add-outlook = Add to Outlook
meeting-subscribe-webcal = Subscribe (webcal)
meeting-materials = Materials
meeting-agenda = Agenda
meeting-cancelled = This meeting has been cancelled.
meeting-card-cancelled = Cancelled
# Followed by the series' title, as a link.
meeting-series-part = Part of the series:
meeting-series-register-once = Register once for every meeting of the series
meeting-series-or-this = or for this meeting alone, below.

# Registration form (meeting and series pages)
register-heading = Register as an observer
register-room-full = The room is full.
register-room-full-choice = You can join the waitlist for a seat in the room, or attend remotely now.
register-name = Name
register-email = E-mail
register-affiliation = Affiliation
register-optional = (optional)
register-attendance = How will you attend?
# $seats is "full (2 on the waitlist)" and the like.
register-seats-waitlist = { $seats }: you will be put on the waitlist
register-leave-empty = Leave this empty
register-consent-meeting = I agree that my name, e-mail and affiliation are stored for this meeting and shown to its organisers.
register-consent-series = I agree that my name, e-mail and affiliation are stored for these meetings and shown to their organisers.
register-button = Register
register-remote-instead = Attend remotely instead
register-correct-fields = Please correct the fields marked below.
register-closed-draft = This meeting is not published.
register-closed-cancelled = This meeting has been cancelled.
register-closed-not-yet = Registration for this meeting has not opened yet.
register-closed = Registration for this meeting is closed.
register-closed-past = This meeting has already taken place.
register-existing-title = You are already registered
register-existing = This address is already registered. We have sent a new link to your registration to that address; use it to see, change or cancel your registration.

# Series page
series-coming = Coming meetings
series-none-ahead = No meetings ahead.
series-register-heading = Register for the whole series
series-register-lead = One registration, one calendar entry that follows every change. To attend a single meeting, register on its own page instead.
series-register-button = Register for the series
series-closed = Registration for this series is closed.

# Lists of meetings
list-past-heading = Past meetings
list-past-empty = No past meetings yet.
list-back-home = Groups and upcoming meetings

# Manage page (/r/…)
manage-title = Your registration
manage-join-now = Join now
manage-join-now-hint = The meeting is starting: this link takes you in.
# Followed by where the registration stands ("confirmed").
manage-who = { $name }:
manage-status-confirmed = confirmed
manage-status-waitlisted = on the waitlist
manage-status-pending = not confirmed yet
manage-status-cancelled = cancelled
manage-group = Group
manage-join = Join
manage-meeting = Meeting
manage-your-seat = Your seat
manage-seat-confirmed = confirmed
manage-seat-waitlisted = on the waitlist
manage-seat-cancelled = cancelled
manage-seat-meeting-cancelled = meeting cancelled
manage-materials = Materials for registrants
manage-confirm-lead = Please confirm that you want to register. Your place (a seat, or a place on the waitlist when the meeting is full) is taken when you press the button.
manage-confirm = Confirm
manage-not-me = It wasn't me: delete these details
manage-download-invite = Download calendar invite
# $attendance is "In person" or "Remote".
manage-switch = Switch to { $attendance }
manage-cancel = Cancel my registration
manage-keep-secret = Keep this page's address to yourself: anyone who has it can change your registration.
manage-done-cancelled = Your registration has been cancelled. We have sent you a confirmation.
manage-done-attendance = Your attendance has been changed. We have sent you an updated invitation.
manage-done-confirmed = Thank you: your address is confirmed. We have sent you a message with the details.
manage-not-possible = Not possible.
manage-withdrawn-title = Nothing was registered
manage-withdrawn = The registration was never confirmed, and its details have been deleted.

# After a registration that waits for the address to be confirmed
checkmail-title = Check your mail
checkmail-sent = We have sent a message to the address you entered. Open the link in it and press Confirm to take your place. No seat is held until you confirm.
# $duration is "48 hours" and the like.
checkmail-valid-for = The link works for { $duration }. After that, unconfirmed details are deleted and you can register again.
checkmail-no-message = No message?
checkmail-wait = Give it a few minutes, and look in your spam or junk folder for a message from this site.
checkmail-typo = Check that you typed the address correctly. If not, simply register again with the right one.
checkmail-known = If you registered this address before, the message contains a link to your existing registration instead.
checkmail-back = Back to the meeting

# Errors beside form fields (the JSON API gives the same English text)
field-required = This field is required.
field-too-long = At most { $max } characters.
field-control-characters = Contains control characters.
field-single-line = Must be a single line.
field-one-line = Must be one line, without line breaks, tabs or other control characters.
field-invalid-email = Enter a valid e-mail address, like name@example.org.
field-choose-attendance = Choose how you will attend.
# $choices are the API's values ("in_person, remote").
field-attendance-one-of = Must be one of: { $choices }.
field-not-offered = { $attendance } attendance is not offered here.
field-not-offered-here = This meeting does not offer that attendance.
field-consent = Please agree to the storage of your details, or we cannot register you.
field-leave-empty = This field must be left empty.

# Error pages: titles by status, then what they say (in English, pages give the API's message)
errorpage-back = Back to upcoming meetings
errorpage-title-400 = Bad request
errorpage-title-401 = Sign-in required
errorpage-title-403 = Not allowed
errorpage-title-404 = Not found
errorpage-title-409 = Not possible
errorpage-title-410 = No longer available
errorpage-title-413 = Too large
errorpage-title-415 = Unsupported format
errorpage-title-422 = Invalid input
errorpage-title-429 = Too many requests
errorpage-title-500 = Something went wrong
errorpage-title-503 = Temporarily unavailable
errorpage-not-found = This page does not exist.
errorpage-not-found-meeting = This meeting does not exist, or it is not published.
errorpage-not-found-series = This series does not exist, or it is not published.
errorpage-not-found-group = This group does not exist.
errorpage-not-found-link = This link is not valid. It may have expired or been replaced by a newer one.
errorpage-not-found-material = This material does not exist, or it is not public.
errorpage-not-found-update = This update does not exist, or it is not published.
errorpage-bad-request = The request could not be read.
errorpage-unauthorized = You need to sign in to see this page.
errorpage-forbidden = The form has expired or was not sent from this site. Go back, reload the page and try again.
errorpage-gone = This is no longer available.
errorpage-series-closed = No meeting of this series is open for registration.
errorpage-full = No seats of this kind are left, and this meeting has no waitlist.
errorpage-already-registered = This address is already registered.
errorpage-already-by-series = This address already has a seat in this meeting through its series registration.
errorpage-registration-cancelled = This registration has been cancelled.
errorpage-confirm-first = Confirm your registration first: the invite comes with the confirmation.
errorpage-conflict = This cannot be done now. Reload the page and try again.
errorpage-too-large = What was sent is too large.
errorpage-unsupported = What was sent is not in a format this site accepts.
errorpage-validation = Some of what was entered is not valid.
errorpage-rate-limited =
    { $seconds ->
        [one] Too many requests from your connection. Try again in { $seconds } second.
       *[other] Too many requests from your connection. Try again in { $seconds } seconds.
    }
errorpage-unavailable = The service is temporarily unavailable. Try again in a moment.
errorpage-internal = Something went wrong on our side. It has been logged; please try again later.


## Pages: home, group page, updates, follow, input, unsubscribe
# Home page

home-title = Groups and their meetings
home-lead = Meetings open to public observers, in person or remotely.
home-no-groups = No groups yet.
home-more =
    { $count ->
        [one] { $count } more coming
       *[other] { $count } more coming
    }
home-subscribe = Every meeting in your calendar
home-feed-apps = Apple Calendar / Thunderbird / Outlook desktop
home-feed-ics = .ics feed
home-past = Past meetings

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = No meetings are scheduled right now.
upcoming-next = next:
upcoming-ahead =
    { $count ->
        [one] { $count } meeting ahead
       *[other] { $count } meetings ahead
    }
upcoming-all = all of them

# Group page
# $group is the group's name, as staff wrote it.

group-about = About { $group }
group-more-about = More about { $group }
group-contact = Contact:
group-next = Next meeting
group-register = Register
group-meeting-page = Meeting page
group-join = Join online
group-add-calendar = Add to calendar (.ics)
group-series-all = Every meeting of this series
group-also-coming = Also coming
group-upcoming = Upcoming meetings
group-nothing-else = Nothing else is scheduled yet.
group-timeline = Timeline
group-timeline-empty = No milestones or past meetings yet.
group-people = People
group-people-empty = No people are listed yet.
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = {", "}
group-input = Public input
group-send-input = Send input to { $group }
group-input-public = Input is archived publicly, without the sender's e-mail address.
group-updates = Updates
group-updates-empty = No updates yet.
group-feed-meetings = Meetings in your calendar:
group-feed-milestones = Milestones:
group-feed-updates = Updates:
group-feed-atom = Atom feed
group-back = Back to { $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = Done
milestone-planned = Planned
timeline-series-note =
    { $count ->
        [one] { $count } past meeting
       *[other] { $count } past meetings
    } · { $rule }
timeline-record = { $kind }:
timeline-record-day = { $kind }, { $day }:

# An update's page

update-crumb = Update
update-published = Published
update-feed = Updates feed (Atom)
update-feed-title = { $group }: updates

# Follow a group; unsubscribe

follow-title = Follow { $group }
follow-label = Get an e-mail when { $group } publishes a meeting or an update
follow-button = Follow
follow-honeypot = Leave this empty
follow-hint = We send one message to confirm the address. Every mail has a one-click unsubscribe link.
follow-email-problem = E-mail: { $problem }
# $within is a duration ("48 hours").
follow-check-mail = If the address can follow { $group }, we have sent it a message. Open the link in it and press Confirm within { $within }; until then nothing is sent to it. If the address follows the group already, the message says so.
follow-active = You follow { $group }: this address gets one e-mail whenever the group publishes a meeting, a series of meetings or an update. Every such mail has a link to unsubscribe with one click.
follow-confirm-question = Please confirm that this address should get an e-mail whenever { $group } publishes a meeting, a series of meetings or an update.
follow-confirm = Confirm
unsubscribe-title = Unsubscribe
unsubscribe-done = You no longer follow { $group }.
unsubscribe-done-none = This address is not following the group.
unsubscribe-deleted = Nothing more is sent to it, and it has been deleted.
unsubscribe-question = Stop the e-mails about this group's meetings and updates to this address?
unsubscribe-button = Unsubscribe
unsubscribe-back = Back to upcoming meetings

# Public input: form, archive, check-mail and confirm pages

input-title = Input to { $group }
input-heading = Public input to { $group }
input-lead = Send the group your comments. Once you confirm your address, your input is published in this archive with your name. Your e-mail address is never shown.
input-lead-forwarded = Send the group your comments. Once you confirm your address, your input is published in this archive with your name and passed on to the group. Your e-mail address is never shown.
input-send-heading = Send input
input-correct = Please correct the fields marked below.
input-name = Name
input-email = E-mail
input-not-shown = (not shown)
input-subject = Subject
input-message = Message
input-message-hint = (plain text; links become clickable)
input-send = Send
input-hint = We send one message to the address to confirm it. Nothing is published until you do.
input-archive = Archive
input-none = No input has been published yet.
input-no-more = No more input.
input-pages = Archive pages
input-newer = Newer
input-older = Older
input-check-title = Check your mail
input-check-sent = We have sent a message to the address you entered. Open the link in it and press Confirm to publish your input to { $group }. Nothing is published until you confirm.
# $duration is a duration ("48 hours").
input-check-expiry = The link works for { $duration }. After that, unconfirmed input is deleted and you can send it again.
input-check-none = No message?
input-check-wait = Give it a few minutes, and look in your spam or junk folder for a message from this site.
input-check-typo = Check that you typed the address correctly. If not, simply send your input again with the right one.
input-back-archive = Back to the input archive
input-yours = Your input to { $group }
input-hidden = Your input was published; the group's staff have since hidden it from the archive.
input-published = Your input is published.
input-see-archive = See it in the group's archive
input-confirm-question = Please confirm that you sent this input. When you press the button, it is published in the group's public archive as shown below. Your e-mail address is not shown.
input-confirm-question-forwarded = Please confirm that you sent this input. When you press the button, it is published in the group's public archive as shown below and passed on to the group. Your e-mail address is not shown.
input-not-you = If you did not send it, do nothing: it is deleted unpublished.
input-thanks = Thank you: your input is published.


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


## Calendars (invites and feeds) and the Atom feed
# Fixed words of invites and calendar feeds (what staff write stays as written). A link
# always follows the label, outside the message: "Join online:" https://…
ics-online = Online
ics-cancelled = CANCELLED
ics-cancelled-reason = CANCELLED: { $reason }
ics-join-online = Join online:
ics-manage = Change or cancel your registration:
ics-milestone-done = Status: done
ics-milestone-planned = Status: planned
# The name of a group's milestones calendar; $group is the group's name.
ics-milestones-name = { $group }: milestones
# The title of a group's Atom feed of updates; $group is the group's name.
atom-updates-title = { $group }: updates
# The answer to an invite download before the registration is confirmed.
ics-invite-pending = Confirm your registration first: the invite comes with the confirmation.


## Staff pages (English only: ids start with `staff-`)

## Staff: every page (layout, notices)

staff-site-title = Quorum staff
staff-title-default = Staff
staff-nav-dashboard = Dashboard
staff-nav-new-meeting = New meeting
staff-nav-new-series = New series
staff-nav-groups = Groups
staff-nav-mail = Mail
staff-nav-accounts = Accounts
staff-nav-tokens = API tokens
staff-nav-audit = Audit log
staff-nav-password = Password
staff-nav-public-site = Public site
staff-log-out = Log out { $name }
staff-done = Done.
staff-done-group-created = Group created.
staff-done-mail-retried = The message is queued again.
staff-done-password-changed = Password changed. Other sessions have been signed out.
staff-done-account-created = Account created.
staff-done-account-disabled = Account disabled; its sessions and tokens no longer work.
staff-done-token-revoked = Token revoked.
staff-done-input-hidden = Hidden from the public archive.
staff-done-input-shown = Shown in the public archive again.
staff-admins-only = This page is for administrators.
staff-correct-fields = Please correct the fields marked below.
staff-optional = (optional)
staff-actions = Actions
staff-public-page = Public page
staff-registrations = Registrations

## Staff: dashboard

staff-dashboard-title = Dashboard
staff-dashboard-mail-failed = { $count } message(s) could not be delivered
staff-dashboard-mail-pending = { $count } message(s) waiting to be sent.
staff-dashboard-past = Past meetings
staff-dashboard-coming = Coming meetings
staff-dashboard-none-past = No past meetings.
staff-dashboard-none-coming = No coming meetings.
staff-dashboard-create-one = Create one
staff-dashboard-group-public-page = public page
staff-dashboard-col-meeting = Meeting
staff-dashboard-col-when = When
staff-dashboard-col-status = Status
staff-dashboard-col-seats = Seats
staff-dashboard-col-seats-hint = (confirmed/capacity, waitlisted)
staff-dashboard-col-pending = Pending
staff-dashboard-col-mail-problems = Mail problems
staff-dashboard-col-links = Links
staff-dashboard-series-meetings =
    { $count ->
        [one] { $count } meeting
       *[other] { $count } meetings
    }
staff-dashboard-series-next = next:
staff-dashboard-series-edit = edit
staff-dashboard-waitlisted = { $count } waitlisted
staff-dashboard-failed = { $count } failed

## Staff: meeting form

staff-meeting-new = New meeting
staff-meeting-new-copy = New meeting (copy)
staff-meeting-edit = Edit: { $title }
staff-meeting-create = Create meeting
staff-meeting-save = Save
staff-done-meeting-created = Meeting created.
staff-done-meeting-saved = Saved. Observers get an updated invitation if the time, place or link changed.
staff-done-meeting-cancelled = Meeting cancelled. Every observer is being told.
staff-meeting-sequence = sequence { $sequence }
staff-meeting-status = status
staff-field-group = Group
staff-field-title = Title
staff-field-description = Description
staff-meeting-agenda = Agenda
staff-meeting-agenda-hint = (Markdown, shown on the meeting page)
staff-preview = Preview
staff-preview-hint = Shows the agenda as observers will see it; saves nothing.
staff-agenda-preview = Agenda preview
staff-field-format = Format
staff-meeting-timezone = Time zone of the venue
staff-meeting-timezone-hint = (type to search, e.g. Madrid)
staff-meeting-days = Days
staff-meeting-days-hint = (local time; each day has its own hours)
staff-meeting-day-starts = Day { $day } starts
staff-meeting-day-ends = Day { $day } ends
staff-meeting-day-remove = Remove day { $day }
staff-meeting-starts = Starts (local time)
staff-meeting-ends = Ends (local time)
staff-meeting-day-add = Add a day
staff-meeting-day-add-hint = A meeting over several days has one registration; calendars show each day with its own hours.
staff-meeting-in-person = In person
staff-field-venue = Venue
staff-meeting-address = Address
staff-field-city = City
staff-field-country = Country
staff-meeting-seats = Seats
staff-hint-no-limit = (empty: no limit)
staff-meeting-online = Online
staff-field-join-url = Join URL
staff-meeting-online-details = Dial-in and other details
staff-meeting-join-url-visibility = Join URL visible to
staff-meeting-join-url-registrants = registered observers
staff-meeting-join-url-public = everyone
staff-field-remote-places = Remote places
staff-meeting-waitlist = Waitlist when full
staff-meeting-verify-email = Observers confirm their address by mail
staff-meeting-verify-email-hint = (recommended: without it, anyone can register any address and see the join link)
staff-meeting-reminders = Reminders
staff-meeting-reminders-hint = (minutes before the start, e.g. 1440, 60; empty for none)
staff-meeting-registration-opens = Registration opens
staff-meeting-registration-closes = Registration closes
staff-meeting-registration-closes-hint = (default: at the start)
staff-field-status = Status
staff-status-draft = draft (not public)
staff-status-published = published
staff-meeting-notify = Notify registrants
staff-meeting-notify-hint = (an update mail with what changed; unchecked: saved quietly, calendars still get the new version with the next invite)
staff-meeting-more = More
staff-meeting-copy = Copy as a new meeting
staff-meeting-cancel-reason = Reason for cancelling (observers see it)
staff-meeting-cancel = Cancel this meeting and tell every observer
staff-error-number-or-empty = Enter a whole number, or leave empty for no limit.

## Staff: series form

staff-series-title = New weekly series
staff-series-intro = Each occurrence becomes a meeting with its own seats and page; observers can register for the whole series at once.
staff-series-agenda-hint = (Markdown, shown on every occurrence's page)
staff-series-timezone = Time zone
staff-series-first-start = First call (local time)
staff-series-minutes = Minutes
staff-series-every = Every
staff-series-weeks-on = week(s) on
staff-series-day-mo = Mon
staff-series-day-tu = Tue
staff-series-day-we = Wed
staff-series-day-th = Thu
staff-series-day-fr = Fri
staff-series-day-sa = Sat
staff-series-day-su = Sun
staff-series-until = Until (last date)
staff-series-count = or number of calls
staff-series-dial-in = Dial-in
staff-series-venue-hint = (in person / hybrid)
staff-series-reminders-hint = (minutes before each occurrence, e.g. 1440, 60; empty for none)
staff-series-verify-email-hint = (recommended)
staff-series-create = Create series
staff-error-number = Enter a whole number.

## Staff: tables (shared column headers)

staff-col-name = Name
staff-col-email = E-mail
staff-col-affiliation = Affiliation
staff-col-status = Status
staff-col-role = Role

## Staff: registrations

staff-registrations-title = Registrations: { $title }
staff-registrations-total = { $count } registration(s)
staff-registrations-csv = Download CSV
staff-registrations-search = Search by name, e-mail or affiliation
staff-registrations-col-attendance = Attendance
staff-registrations-col-registered = Registered (UTC)
staff-registrations-col-checked-in = Checked in
staff-registrations-undo = Undo
staff-registrations-check-in = Check in
staff-registrations-remove = Remove data
staff-registrations-remove-hint = Cancels the registration and erases name, e-mail and affiliation
staff-done-checked-in = Checked in.
staff-done-registration-removed = The person's data has been removed.

## Staff: mail

staff-mail-title = Mail
staff-mail-sent = { $count } sent
staff-mail-waiting = { $count } waiting
staff-mail-failed = { $count } failed
staff-mail-retention = Sent messages keep no address or text. A failed message keeps them for 30 days so that it can be retried; after that only its record remains.
staff-mail-none-failed = No failed messages.
staff-mail-col-to = To
staff-mail-col-subject = Subject
staff-mail-col-attempts = Attempts
staff-mail-col-error = Error
staff-mail-retry = Retry

## Staff: materials

staff-materials-title = Materials
staff-materials-page-title = Materials: { $title }
staff-materials-kind = Kind
staff-materials-visibility = Visibility
staff-materials-col-file = File or link
staff-materials-col-added = Added (UTC)
staff-materials-bytes = { $count } bytes
staff-materials-delete = Delete
staff-materials-upload-title = Upload a file
staff-materials-file = File
staff-materials-notify = Mail confirmed registrants (minutes, recording, slides)
staff-materials-upload = Upload
staff-materials-link-title = Add a link
staff-materials-url = URL
staff-materials-add-link = Add link
staff-done-material-removed = Material removed.
staff-done-material-added = Material added.

## Staff: a group's public page (about, people, milestones, updates)

staff-group-page-title = { $group }: public page
staff-group-page-all-groups = All groups
staff-group-page-group = Group
staff-group-contact-email = Contact e-mail
staff-group-page-input-email = Input e-mail
staff-group-page-input-email-hint = (public input is forwarded here; optional)
staff-group-page-description-hint = (one or two sentences)
staff-group-page-about = About
staff-group-page-about-hint = (Markdown: mandate, status, topic areas)
staff-group-page-save-group = Save group
staff-group-page-people = People
staff-group-page-people-none = No one listed yet.
staff-group-page-note = Note
staff-group-page-person-remove = Remove
staff-group-page-person-add-title = Add a person
staff-group-page-person-add = Add person
staff-group-page-milestones = Milestones
staff-group-page-milestone-delete = Delete milestone
staff-group-page-milestone-add-title = Add a milestone
staff-group-page-updates = Updates
staff-group-page-update-public-page = Public page of this update
staff-group-page-update-delete = Delete update
staff-group-page-update-add-title = Add an update
staff-group-page-meeting-draft = (draft)
staff-milestone-date = Date
staff-milestone-meeting = Meeting
staff-milestone-meeting-none = None
staff-milestone-save = Save milestone
staff-milestone-add = Add milestone
staff-update-body = Text
staff-update-body-hint = (Markdown)
staff-update-draft = Draft (staff only)
staff-update-published = Published (public page, Atom feed)
staff-update-published-new = Published (public page, Atom feed, followers told)
staff-update-save = Save update
staff-update-add = Add update
staff-done-group-saved = Group saved.
staff-done-people-saved = People saved.
staff-done-milestones-saved = Milestones saved.
staff-done-updates-saved = Updates saved.
staff-done-saved = Saved.

## Staff: groups

staff-groups-title = Groups
staff-groups-slug = Slug
staff-groups-slug-hint = (a-z, 0-9, -)
staff-groups-col-contact = Contact
staff-groups-col-input = Public input
staff-groups-edit-page = Edit about, people, milestones, updates
staff-groups-input = Input
staff-groups-new = New group
staff-groups-create = Create group

## Staff: a group's public input

staff-input-page-title = Input to { $group }
staff-input-title = Public input to { $group }
staff-input-intro = Confirmed input, newest first, with each author's address (shown to staff only). A hidden item stays here and leaves
staff-input-intro-archive = the public archive
staff-input-forwarded = Each item was forwarded to { $email } when it was confirmed.
staff-input-none = No confirmed input yet.
staff-input-col-published = Published
staff-input-col-from = From
staff-input-col-message = Message
staff-input-col-state = State
staff-input-hidden-since = Hidden since { $time }
staff-input-unhide = Unhide
staff-input-shown = Shown
staff-input-hide = Hide

## Staff: accounts

staff-accounts-page-title = Accounts
staff-accounts-title = Staff accounts
staff-accounts-disabled = disabled
staff-accounts-active = active
staff-accounts-disable = Disable
staff-accounts-disable-self = You cannot disable your own account.
staff-accounts-new = New account
staff-accounts-role-organizer = organizer
staff-accounts-role-admin = admin
staff-accounts-initial-password = Initial password
staff-password-rules = (at least 12 characters, not a common password)
staff-accounts-create = Create account

## Staff: API tokens

staff-tokens-title = API tokens
staff-tokens-new-secret = New token (shown once; store it now):
staff-tokens-label = Label
staff-tokens-col-account = Account
staff-tokens-col-created = Created (UTC)
staff-tokens-col-last-used = Last used (UTC)
staff-tokens-col-expires = Expires (UTC)
staff-tokens-never = never
staff-tokens-revoked = revoked
staff-tokens-expired = expired
staff-tokens-active = active
staff-tokens-revoke = Revoke
staff-tokens-new = New token
staff-tokens-for-account = For account
staff-tokens-label-placeholder = schedule script
staff-tokens-expires-days = Expires after (days)
staff-tokens-expires-days-hint = (empty: never)
staff-tokens-create = Create token
staff-tokens-expiry-invalid = The expiry must be a whole number of days from 1 to { $max }, or empty for a token that does not expire.
# Replaces the command-line option `--name` in the messages of token creation.
staff-tokens-the-label = the label

## Staff: password

staff-password-title = Change your password
staff-password-current = Current password
staff-password-new = New password
staff-password-confirm = New password again
staff-password-change = Change password
staff-password-wrong = The current password is wrong.
staff-password-mismatch = The new passwords do not match.
staff-password-not-changed = Not changed: { $reason }.

## Staff: audit log

staff-audit-title = Audit log
staff-audit-col-when = When (UTC)
staff-audit-col-who = Who
staff-audit-col-action = Action
staff-audit-col-subject = Subject
staff-audit-col-before = Before
staff-audit-col-after = After

## Staff: login

staff-login-title = Staff login
staff-login-submit = Log in
staff-login-wrong = Wrong e-mail address or password.
