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
# Home page

home-title = Les groupes et leurs réunions
home-lead = Des réunions ouvertes aux observateurs, sur place ou à distance.
home-no-groups = Aucun groupe pour le moment.
home-more =
    { $count ->
        [one] { $count } autre réunion à venir
       *[other] { $count } autres réunions à venir
    }
home-subscribe = Toutes les réunions dans votre agenda
home-feed-apps = Calendrier Apple / Thunderbird / Outlook (ordinateur)
home-feed-ics = flux .ics
home-past = Réunions passées

# Lists of meetings ahead (a weekly series as one line)

upcoming-none = Aucune réunion n’est prévue pour le moment.
upcoming-next = prochaine :
upcoming-ahead =
    { $count ->
        [one] { $count } réunion à venir
       *[other] { $count } réunions à venir
    }
upcoming-all = toutes les réunions

# Group page
# $group is the group's name, as staff wrote it.

group-about = À propos de { $group }
group-more-about = En savoir plus sur { $group }
group-contact = Contact :
group-next = Prochaine réunion
group-register = S’inscrire
group-meeting-page = Page de la réunion
group-join = Rejoindre en ligne
group-add-calendar = Ajouter à l’agenda (.ics)
group-series-all = Toutes les réunions de cette série
group-also-coming = Également à venir
group-upcoming = Réunions à venir
group-nothing-else = Aucune autre réunion n’est encore prévue.
group-closed-draft = Cette réunion n’est pas publiée.
group-closed-cancelled = Cette réunion a été annulée.
group-closed-not-yet-open = Les inscriptions à cette réunion ne sont pas encore ouvertes.
group-closed-closed = Les inscriptions à cette réunion sont closes.
group-closed-past = Cette réunion a déjà eu lieu.
group-timeline = Chronologie
group-timeline-empty = Aucune étape ni réunion passée pour le moment.
group-people = Composition
group-people-empty = Aucun membre n’est encore indiqué.
# Between a person's name and their role: "Denise Michel, Chair".
group-person-sep = {", "}
group-input = Contributions du public
group-send-input = Envoyer une contribution à { $group }
group-input-public = Les contributions sont archivées publiquement, sans l’adresse e-mail de leur auteur.
group-updates = Actualités
group-updates-empty = Aucune actualité pour le moment.
group-feed-meetings = Les réunions dans votre agenda :
group-feed-milestones = Étapes :
group-feed-updates = Actualités :
group-feed-atom = flux Atom
group-back = Retour à { $group }

# Timeline
# $kind is "Minutes" or "Recording"; $day a short day ("Wed 2 Dec"); $rule a weekly rule.

milestone-done = Terminée
milestone-planned = Prévue
timeline-series-note =
    { $count ->
        [one] { $count } réunion passée
       *[other] { $count } réunions passées
    } · { $rule }
timeline-record = { $kind } :
timeline-record-day = { $kind }, { $day } :

# An update's page

update-crumb = Actualité
update-published = Publiée le
update-feed = Flux des actualités (Atom)
update-feed-title = { $group } : actualités

# Follow a group; unsubscribe

follow-title = Suivre { $group }
follow-label = Recevoir un e-mail quand { $group } publie une réunion ou une actualité
follow-button = Suivre
follow-honeypot = Laissez ce champ vide
follow-hint = Nous envoyons un seul message pour confirmer l’adresse. Chaque e-mail contient un lien de désabonnement en un clic.
follow-email-problem = Adresse e-mail : { $problem }
# $within is a duration ("48 hours").
follow-check-mail = Si cette adresse peut suivre { $group }, nous venons de lui envoyer un message. Ouvrez le lien qu’il contient et cliquez sur « Confirmer » dans un délai de { $within } ; d’ici là, rien ne lui est envoyé. Si l’adresse suit déjà le groupe, le message le précise.
follow-active = Vous suivez { $group } : cette adresse reçoit un e-mail chaque fois que le groupe publie une réunion, une série de réunions ou une actualité. Chacun de ces e-mails contient un lien de désabonnement en un clic.
follow-confirm-question = Veuillez confirmer que cette adresse doit recevoir un e-mail chaque fois que { $group } publie une réunion, une série de réunions ou une actualité.
follow-confirm = Confirmer
unsubscribe-title = Se désabonner
unsubscribe-done = Vous ne suivez plus { $group }.
unsubscribe-done-none = Cette adresse ne suit pas ce groupe.
unsubscribe-deleted = Plus rien ne lui sera envoyé, et elle a été supprimée.
unsubscribe-question = Ne plus envoyer à cette adresse les e-mails sur les réunions et les actualités de ce groupe ?
unsubscribe-button = Se désabonner
unsubscribe-back = Retour aux réunions à venir

# Public input: form, archive, check-mail and confirm pages

input-title = Contributions à { $group }
input-heading = Contributions du public à { $group }
input-lead = Faites part de vos commentaires au groupe. Une fois votre adresse confirmée, votre contribution est publiée dans cette archive sous votre nom. Votre adresse e-mail n’est jamais affichée.
input-lead-forwarded = Faites part de vos commentaires au groupe. Une fois votre adresse confirmée, votre contribution est publiée dans cette archive sous votre nom et transmise au groupe. Votre adresse e-mail n’est jamais affichée.
input-send-heading = Envoyer une contribution
input-correct = Veuillez corriger les champs signalés ci-dessous.
input-name = Nom
input-email = Adresse e-mail
input-not-shown = (non affichée)
input-subject = Objet
input-message = Message
input-message-hint = (texte brut ; les liens deviennent cliquables)
input-send = Envoyer
input-hint = Nous envoyons un seul message à cette adresse pour la confirmer. Rien n’est publié avant votre confirmation.
input-archive = Archive
input-none = Aucune contribution n’a encore été publiée.
input-no-more = Aucune autre contribution.
input-pages = Pages de l’archive
input-newer = Plus récentes
input-older = Plus anciennes
input-check-title = Consultez votre messagerie
input-check-sent = Nous avons envoyé un message à l’adresse indiquée. Ouvrez le lien qu’il contient et cliquez sur « Confirmer » pour publier votre contribution à { $group }. Rien n’est publié avant votre confirmation.
# $duration is a duration ("48 hours").
input-check-expiry = Le lien est valable { $duration }. Passé ce délai, les contributions non confirmées sont supprimées et vous pouvez renvoyer la vôtre.
input-check-none = Pas de message ?
input-check-wait = Patientez quelques minutes et regardez dans votre dossier de courrier indésirable si un message de ce site s’y trouve.
input-check-typo = Vérifiez que vous avez saisi correctement votre adresse. Sinon, renvoyez simplement votre contribution avec la bonne adresse.
input-back-archive = Retour à l’archive des contributions
input-yours = Votre contribution à { $group }
input-hidden = Votre contribution a été publiée ; l’équipe du groupe l’a depuis masquée dans l’archive.
input-published = Votre contribution est publiée.
input-see-archive = La voir dans l’archive du groupe
input-confirm-question = Veuillez confirmer que vous avez bien envoyé cette contribution. Dès que vous cliquez sur le bouton, elle est publiée dans l’archive publique du groupe telle qu’elle apparaît ci-dessous. Votre adresse e-mail n’est pas affichée.
input-confirm-question-forwarded = Veuillez confirmer que vous avez bien envoyé cette contribution. Dès que vous cliquez sur le bouton, elle est publiée dans l’archive publique du groupe telle qu’elle apparaît ci-dessous et transmise au groupe. Votre adresse e-mail n’est pas affichée.
input-not-you = Si vous ne l’avez pas envoyée, ne faites rien : elle sera supprimée sans être publiée.
input-thanks = Merci : votre contribution est publiée.

# Problems beside the fields of the input and follow forms
# $max is a number of characters.

input-error-required = Ce champ est obligatoire.
input-error-too-long =
    { $max ->
        [one] { $max } caractère au maximum.
       *[other] { $max } caractères au maximum.
    }
input-error-control = Contient des caractères de contrôle.
input-error-single-line = Doit tenir sur une seule ligne.
input-error-one-line = Doit tenir sur une seule ligne, sans saut de ligne, tabulation ni autre caractère de contrôle.
input-error-email = Saisissez une adresse e-mail valide, par exemple nom@example.org.

# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
