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
group-closed-draft = This meeting is not published.
group-closed-cancelled = This meeting has been cancelled.
group-closed-not-yet-open = Registration for this meeting has not opened yet.
group-closed-closed = Registration for this meeting is closed.
group-closed-past = This meeting has already taken place.
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

# Problems beside the fields of the input and follow forms
# $max is a number of characters.

input-error-required = This field is required.
input-error-too-long =
    { $max ->
        [one] At most { $max } character.
       *[other] At most { $max } characters.
    }
input-error-control = Contains control characters.
input-error-single-line = Must be a single line.
input-error-one-line = Must be one line, without line breaks, tabs or other control characters.
input-error-email = Enter a valid e-mail address, like name@example.org.

# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)

## Staff pages (English only: ids start with `staff-`)
# (end of section staff)
