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

# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)

## Staff pages (English only: ids start with `staff-`)
# (end of section staff)
