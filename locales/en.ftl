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
# (end of section mail)

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
# (end of section feeds)

## Staff pages (English only: ids start with `staff-`)
# (end of section staff)
