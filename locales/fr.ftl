# Quorum's messages in French. English (en.ftl) is the reference.
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

site-nav-groups = Groupes
site-nav-past = Réunions passées
site-nav-calendar = Calendrier à suivre
site-nav-calendar-title = Abonnez-vous dans votre agenda
site-footer = Quorum · réunions ouvertes aux observateurs
site-language = Langue

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }, { $start }–{ $end } { $zone }
when-two-days = du { $date }, { $start } au { $end_date }, { $end } { $zone }

## Seats

seats-open = ouvert, sans limite
seats-full = complet
seats-full-waitlist = complet ({ $count } en liste d’attente)
seats-left =
    { $count ->
        [one] { $count } place restante
       *[other] { $count } places restantes
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] Chaque semaine : { $days }
       *[other] Toutes les { $interval } semaines : { $days }
    }
rule-short = { $every }, { $time } { $zone }
rule-long =
    { $every } à { $time } ({ $zone }), { $minutes } minutes, { $count ->
        [one] { $count } réunion
       *[other] { $count } réunions
    }

## Names of things: formats, attendance, materials, roles

format-in-person = En présentiel
format-online = En ligne
format-hybrid = Hybride (en présentiel et en ligne)
attendance-in-person = Sur place
attendance-remote = À distance
material-agenda = Ordre du jour
material-slides = Présentations
material-minutes = Compte rendu
material-recording = Enregistrement
material-transcript = Transcription
material-chat = Messages du chat
material-documents = Documents
role-chair = Présidence
role-member = Membre
role-liaison = Agent de liaison
role-staff = Personnel de soutien

## Durations

duration-hours =
    { $hours ->
        [one] une heure
       *[other] { $hours } heures
    }
duration-hours-minutes = { $hours } heures { $minutes } minutes
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
ics-online = En ligne
ics-cancelled = ANNULÉE
ics-cancelled-reason = ANNULÉE : { $reason }
ics-join-online = Participer en ligne :
ics-manage = Modifier ou annuler votre inscription :
ics-milestone-done = Statut : atteint
ics-milestone-planned = Statut : prévu
ics-milestones-name = { $group } : jalons
atom-updates-title = { $group } : actualités
ics-invite-pending = Confirmez d’abord votre inscription : l’invitation accompagne la confirmation.
# (end of section feeds)
