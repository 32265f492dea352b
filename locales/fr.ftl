# Quorum's messages in French. English (en.ftl) is the reference.
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
# Meeting page
meeting-when = Date et heure
meeting-format = Format
meeting-where = Lieu
meeting-online = En ligne
meeting-online-sent = Le lien de connexion est envoyé aux observateurs inscrits.
meeting-seats = Places
meeting-seat-line = { $mode } : { $seats }
meeting-format-place = { $format } · { $place }
meeting-calendar = Agenda
meeting-download-ics = Télécharger (.ics)
meeting-add-google = Ajouter à Google Agenda
meeting-add-outlook = Ajouter à Outlook
meeting-subscribe-webcal = S’abonner (webcal)
meeting-materials = Documents
meeting-agenda = Ordre du jour
meeting-cancelled = Cette réunion a été annulée.
meeting-card-cancelled = Annulée
meeting-series-part = Fait partie de la série :
meeting-series-register-once = Inscrivez-vous une seule fois à toutes les réunions de la série
meeting-series-or-this = ou uniquement à celle-ci, ci-dessous.

# Registration form (meeting and series pages)
register-heading = S’inscrire comme observateur
register-room-full = La salle est complète.
register-room-full-choice = Vous pouvez vous inscrire sur la liste d’attente pour une place dans la salle, ou participer dès maintenant à distance.
register-name = Nom
register-email = Adresse électronique
register-affiliation = Organisation
register-optional = (facultatif)
register-attendance = Comment participerez-vous ?
register-seats-waitlist = { $seats } : inscription sur la liste d’attente
register-leave-empty = Laissez ce champ vide
register-consent-meeting = J’accepte que mon nom, mon adresse électronique et mon organisation soient conservés pour cette réunion et communiqués à ses organisateurs.
register-consent-series = J’accepte que mon nom, mon adresse électronique et mon organisation soient conservés pour ces réunions et communiqués à leurs organisateurs.
register-button = S’inscrire
register-remote-instead = Participer plutôt à distance
register-correct-fields = Veuillez corriger les champs signalés ci-dessous.
register-closed-draft = Cette réunion n’est pas publiée.
register-closed-cancelled = Cette réunion a été annulée.
register-closed-not-yet = Les inscriptions à cette réunion ne sont pas encore ouvertes.
register-closed = Les inscriptions à cette réunion sont closes.
register-closed-past = Cette réunion a déjà eu lieu.
register-existing-title = Cette adresse est déjà inscrite
register-existing = Cette adresse est déjà inscrite. Nous y avons envoyé un nouveau lien vers votre inscription : utilisez-le pour la consulter, la modifier ou l’annuler.

# Series page
series-coming = Prochaines réunions
series-none-ahead = Aucune réunion à venir.
series-register-heading = S’inscrire à toute la série
series-register-lead = Une seule inscription, une seule entrée d’agenda, mise à jour à chaque changement. Pour n’assister qu’à une réunion, inscrivez-vous plutôt sur sa page.
series-register-button = S’inscrire à la série
series-closed = Les inscriptions à cette série sont closes.

# Lists of meetings
list-past-heading = Réunions passées
list-past-empty = Aucune réunion passée pour l’instant.
list-back-home = Groupes et prochaines réunions

# Manage page (/r/…)
manage-title = Votre inscription
manage-join-now = Rejoindre la réunion
manage-join-now-hint = La réunion commence : ce lien vous y mène.
manage-who = { $name } :
manage-status-confirmed = confirmée
manage-status-waitlisted = sur la liste d’attente
manage-status-pending = pas encore confirmée
manage-status-cancelled = annulée
manage-group = Groupe
manage-join = Connexion
manage-meeting = Réunion
manage-your-seat = Votre place
manage-seat-confirmed = confirmée
manage-seat-waitlisted = sur la liste d’attente
manage-seat-cancelled = annulée
manage-seat-meeting-cancelled = réunion annulée
manage-materials = Documents réservés aux inscrits
manage-confirm-lead = Veuillez confirmer que vous souhaitez vous inscrire. Votre place (dans la salle, ou sur la liste d’attente si la réunion est complète) vous est attribuée lorsque vous appuyez sur le bouton.
manage-confirm = Confirmer
manage-not-me = Ce n’était pas moi : supprimer ces données
manage-download-invite = Télécharger l’invitation pour votre agenda
manage-switch = Passer à : { $attendance }
manage-cancel = Annuler mon inscription
manage-keep-secret = Ne communiquez l’adresse de cette page à personne : quiconque la connaît peut modifier votre inscription.
manage-done-cancelled = Votre inscription a été annulée. Nous vous avons envoyé une confirmation.
manage-done-attendance = Votre mode de participation a été modifié. Nous vous avons envoyé une invitation mise à jour.
manage-done-confirmed = Merci : votre adresse est confirmée. Nous vous avons envoyé un message avec tous les détails.
manage-not-possible = Impossible.
manage-withdrawn-title = Aucune inscription enregistrée
manage-withdrawn = L’inscription n’a jamais été confirmée et ses données ont été supprimées.

# After a registration that waits for the address to be confirmed
checkmail-title = Consultez votre messagerie
checkmail-sent = Nous avons envoyé un message à l’adresse indiquée. Ouvrez le lien qu’il contient et appuyez sur « Confirmer » pour obtenir votre place. Aucune place n’est réservée tant que vous n’avez pas confirmé.
checkmail-valid-for = Le lien est valable { $duration }. Passé ce délai, les données non confirmées sont supprimées et vous pouvez vous inscrire à nouveau.
checkmail-no-message = Pas de message ?
checkmail-wait = Patientez quelques minutes et regardez dans votre dossier de courrier indésirable si un message de ce site s’y trouve.
checkmail-typo = Vérifiez que vous avez saisi la bonne adresse. Dans le cas contraire, inscrivez-vous simplement à nouveau avec la bonne.
checkmail-known = Si cette adresse était déjà inscrite, le message contient plutôt un lien vers votre inscription existante.
checkmail-back = Retour à la réunion

# Errors beside form fields (the JSON API gives the same English text)
field-required = Ce champ est obligatoire.
field-too-long =
    { $max ->
        [one] { $max } caractère au maximum.
       *[other] { $max } caractères au maximum.
    }
field-control-characters = Contient des caractères de contrôle.
field-single-line = Doit tenir sur une seule ligne.
field-one-line = Doit tenir sur une seule ligne, sans saut de ligne, tabulation ni autre caractère de contrôle.
field-invalid-email = Saisissez une adresse électronique valide, par exemple nom@example.org.
field-choose-attendance = Indiquez comment vous participerez.
field-attendance-one-of = Valeurs possibles : { $choices }.
field-not-offered = La participation « { $attendance } » n’est pas proposée ici.
field-not-offered-here = Cette réunion ne propose pas ce mode de participation.
field-consent = Veuillez accepter la conservation de vos données, sans quoi nous ne pouvons pas vous inscrire.
field-leave-empty = Ce champ doit rester vide.

# Error pages: titles by status, then what they say
errorpage-back = Retour aux prochaines réunions
errorpage-title-400 = Requête invalide
errorpage-title-401 = Connexion requise
errorpage-title-403 = Accès refusé
errorpage-title-404 = Page introuvable
errorpage-title-409 = Action impossible
errorpage-title-410 = Plus disponible
errorpage-title-413 = Envoi trop volumineux
errorpage-title-415 = Format non pris en charge
errorpage-title-422 = Saisie invalide
errorpage-title-429 = Trop de requêtes
errorpage-title-500 = Une erreur est survenue
errorpage-title-503 = Service momentanément indisponible
errorpage-not-found = Cette page n’existe pas.
errorpage-not-found-meeting = Cette réunion n’existe pas ou n’est pas publiée.
errorpage-not-found-series = Cette série n’existe pas ou n’est pas publiée.
errorpage-not-found-group = Ce groupe n’existe pas.
errorpage-not-found-link = Ce lien n’est pas valide. Il a peut-être expiré ou été remplacé par un lien plus récent.
errorpage-not-found-material = Ce document n’existe pas ou n’est pas public.
errorpage-not-found-update = Cette actualité n’existe pas ou n’est pas publiée.
errorpage-bad-request = La requête n’a pas pu être lue.
errorpage-unauthorized = Vous devez vous connecter pour voir cette page.
errorpage-forbidden = Le formulaire a expiré ou n’a pas été envoyé depuis ce site. Revenez en arrière, rechargez la page et réessayez.
errorpage-gone = Ce contenu n’est plus disponible.
errorpage-series-closed = Aucune réunion de cette série n’est ouverte aux inscriptions.
errorpage-full = Il ne reste plus de places de ce type, et cette réunion n’a pas de liste d’attente.
errorpage-already-registered = Cette adresse est déjà inscrite.
errorpage-already-by-series = Cette adresse a déjà une place à cette réunion grâce à son inscription à la série.
errorpage-registration-cancelled = Cette inscription a été annulée.
errorpage-confirm-first = Confirmez d’abord votre inscription : l’invitation accompagne la confirmation.
errorpage-conflict = Cette action est impossible pour le moment. Rechargez la page et réessayez.
errorpage-too-large = L’envoi est trop volumineux.
errorpage-unsupported = L’envoi n’est pas dans un format accepté par ce site.
errorpage-validation = Certaines informations saisies ne sont pas valides.
errorpage-rate-limited =
    { $seconds ->
        [one] Trop de requêtes depuis votre connexion. Réessayez dans { $seconds } seconde.
       *[other] Trop de requêtes depuis votre connexion. Réessayez dans { $seconds } secondes.
    }
errorpage-unavailable = Le service est momentanément indisponible. Réessayez dans un instant.
errorpage-internal = Une erreur s’est produite de notre côté. Elle a été enregistrée ; veuillez réessayer plus tard.


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
