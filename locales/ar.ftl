# Quorum's messages in Arabic. English (en.ftl) is the reference.
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

site-nav-groups = المجموعات
site-nav-past = الاجتماعات السابقة
site-nav-calendar = موجز التقويم
site-nav-calendar-title = اشترك في تقويمك
site-footer = Quorum · اجتماعات مفتوحة للمراقبين
site-language = اللغة

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date }، { $start }–{ $end } { $zone }
when-two-days = من { $date }، { $start } إلى { $end_date }، { $end } { $zone }

## Seats

seats-open = مفتوح، بلا حدّ للمقاعد
seats-full = مكتمل
seats-full-waitlist = مكتمل ({ $count } على قائمة الانتظار)
seats-left =
    { $count ->
        [zero] لا مقاعد متبقية
        [one] بقي مقعد واحد
        [two] بقي مقعدان
        [few] بقيت { $count } مقاعد
        [many] بقي { $count } مقعدًا
       *[other] بقي { $count } مقعد
    }

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] كل أسبوع يوم { $days }
        [2] كل أسبوعين يوم { $days }
       *[other] كل { $interval } أسابيع يوم { $days }
    }
rule-short = { $every }، { $time } { $zone }
rule-long =
    { $every } الساعة { $time } ({ $zone })، { $minutes } دقيقة، { $count ->
        [zero] لا اجتماعات
        [one] اجتماع واحد
        [two] اجتماعان
        [few] { $count } اجتماعات
       *[other] { $count } اجتماعًا
    }

## Names of things: formats, attendance, materials, roles

format-in-person = حضوري
format-online = عبر الإنترنت
format-hybrid = مختلط (حضوريًا وعبر الإنترنت)
attendance-in-person = حضوريًا
attendance-remote = عن بُعد
material-agenda = جدول الأعمال
material-slides = العروض التقديمية
material-minutes = المحضر
material-recording = التسجيل
material-transcript = النص المكتوب
material-chat = رسائل الدردشة
material-documents = الوثائق
role-chair = الرئاسة
role-member = عضو
role-liaison = منسق اتصال
role-staff = فريق الدعم

## Durations

duration-hours =
    { $hours ->
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $hours } ساعات
       *[other] { $hours } ساعة
    }
duration-hours-minutes = { $hours } ساعة و{ $minutes } دقيقة
duration-minutes =
    { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
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
ics-online = عبر الإنترنت
ics-cancelled = أُلغي الاجتماع
ics-cancelled-reason = أُلغي الاجتماع: { $reason }
ics-join-online = المشاركة عبر الإنترنت:
ics-manage = لتعديل تسجيلك أو إلغائه:
ics-milestone-done = الحالة: مُنجَز
ics-milestone-planned = الحالة: مُقرَّر
ics-milestones-name = { $group }: المعالم الرئيسية
atom-updates-title = { $group }: المستجدات
ics-invite-pending = يُرجى تأكيد تسجيلك أولًا، فالدعوة تُرسَل مع التأكيد.
# (end of section feeds)
