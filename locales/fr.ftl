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
mail-subject = { $heading } : { $title }
mail-kind-confirm-address = Veuillez confirmer votre inscription
mail-kind-confirmed = Inscription confirmée
mail-kind-promoted = Une place vous est attribuée
mail-kind-waitlisted = Vous figurez sur la liste d’attente
mail-kind-already-registered = Cette adresse est déjà inscrite
mail-kind-attendance-changed = Mode de participation modifié
mail-kind-observer-cancelled = Inscription annulée
mail-kind-meeting-changed = Réunion modifiée
mail-kind-zone-rules-changed = Heure de la réunion corrigée
mail-kind-meeting-cancelled = Réunion annulée
mail-kind-reminder = Rappel
mail-kind-material-added = Nouveau document
mail-hello-name = Bonjour { $name },
mail-hello = Bonjour,
mail-intro-confirm-address = Quelqu’un (probablement vous) a demandé à inscrire cette adresse à la réunion ci-dessous. Pour réserver votre place, ouvrez le lien ci-dessous et cliquez sur « Confirmer » dans un délai de { $duration }. Aucune place n’est réservée d’ici là.
mail-intro-not-you = Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien n’est enregistré et les données seront supprimées.
mail-intro-confirmed = Votre inscription est confirmée. L’invitation jointe ajoute la réunion à votre agenda ; elle sera mise à jour si la réunion change.
mail-intro-promoted = Une place s’est libérée et vous est attribuée : votre inscription est confirmée. L’invitation jointe ajoute la réunion à votre agenda.
mail-intro-waitlisted = La réunion est complète : vous figurez donc sur la liste d’attente. Si une place se libère, elle sera attribuée à la personne qui attend depuis le plus longtemps, et vous recevrez alors une confirmation accompagnée d’une invitation pour votre agenda.
mail-intro-already-registered = Quelqu’un (probablement vous) a de nouveau tenté d’inscrire cette adresse à cette réunion. Une inscription existe déjà ; le lien ci-dessous permet de la consulter, de la modifier ou de l’annuler. Les liens reçus précédemment restent valables.
mail-intro-attendance-changed = Votre mode de participation a été modifié. L’invitation jointe met à jour votre agenda.
mail-intro-observer-cancelled = Votre inscription a été annulée. L’annulation jointe retire la réunion de votre agenda.
mail-intro-meeting-changed = Cette réunion a été modifiée. L’invitation jointe met à jour votre agenda ; les informations ci-dessous tiennent compte des modifications.
mail-intro-zone-rules-changed = Les règles de fuseau horaire du lieu de cette réunion ont changé (base de données tz { $version }). La réunion conserve son heure locale, indiquée ci-dessous ; son heure UTC, et donc son heure dans les autres fuseaux horaires, a changé. L’invitation jointe met à jour votre agenda.
mail-intro-meeting-cancelled = Cette réunion a été annulée. L’annulation jointe la retire de votre agenda.
mail-cancel-reason = Motif : { $reason }
mail-intro-material-added = Un nouveau document a été ajouté à la réunion ci-dessous.
mail-intro-reminder = La réunion ci-dessous commence dans { $duration }. Votre place est confirmée ; vous trouverez tous les détails ci-dessous.
mail-when = Date et heure
mail-where = Lieu
mail-join = Connexion
mail-you = Vous
mail-page = Page
mail-agenda = Ordre du jour
mail-group = Groupe
mail-material = Document
mail-next = Prochaine réunion : { $when }
mail-status-pending = adresse en attente de confirmation
mail-status-confirmed = inscription confirmée
mail-status-waitlisted = sur la liste d’attente
mail-status-cancelled = inscription annulée
mail-what-changed = Modifications
mail-change-title = Titre
mail-change-time = Horaire
mail-change-place = Lieu
mail-change-join = Lien de connexion
mail-change-none = (aucun)
mail-link-confirm = Confirmer votre inscription
mail-link-manage = Modifier ou annuler votre inscription
mail-link-keep-line = { $label } (ne communiquez ce lien à personne) :
mail-link-keep = Ne communiquez ce lien à personne : quiconque le détient peut modifier votre inscription.
mail-footer = Envoyé par Quorum. Vous recevez ce message parce que cette adresse a été inscrite à la réunion ci-dessus.
mail-follow-subject = Veuillez confirmer : suivre { $group }
mail-follow-subject-already = Vous suivez déjà { $group }
mail-follow-intro = Quelqu’un (probablement vous) a demandé à recevoir un courriel chaque fois que { $group } publie une réunion, une série de réunions ou une actualité. Pour commencer, ouvrez le lien ci-dessous et cliquez sur « Confirmer » dans un délai de { $duration }.
mail-follow-not-you = Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera envoyé à cette adresse, qui sera supprimée.
mail-follow-already = Quelqu’un (probablement vous) a demandé à suivre { $group } avec cette adresse. Celle-ci suit déjà le groupe : rien n’a changé.
mail-follow-confirm = Confirmer
mail-follow-footer = Envoyé par Quorum, car cette adresse a été saisie dans le formulaire de suivi du groupe ci-dessus.
mail-unsubscribe = Se désabonner
mail-unsubscribe-one-click = Se désabonner en un clic
mail-announce-meeting = Nouvelle réunion
mail-announce-series = Nouvelle série de réunions
mail-announce-update = Nouvelle actualité
mail-announce-subject = { $heading } : { $title } ({ $group })
mail-announce-published = Nouvelle publication de { $group } :
mail-read-more = Lire la suite
mail-announce-footer = Envoyé par Quorum, car vous suivez { $group }.
mail-input-subject = Veuillez confirmer votre contribution à { $group }
mail-input-title = Veuillez confirmer votre contribution
mail-input-intro = Quelqu’un (probablement vous) a envoyé une contribution à { $group } depuis sa page publique, avec cette adresse. Pour la publier dans les archives publiques du groupe et la lui transmettre, ouvrez le lien ci-dessous et cliquez sur « Confirmer » dans un délai de { $duration } :
mail-input-review = Relire et confirmer
mail-input-shown = Votre nom, l’objet et le message figurent dans les archives ; votre adresse, non.
mail-input-not-you = Si vous n’êtes pas à l’origine de cet envoi, ignorez ce message : rien n’est publié et les données seront supprimées.
mail-input-footer = Envoyé par Quorum, car cette adresse a été indiquée dans le formulaire de contribution d’un groupe.
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
