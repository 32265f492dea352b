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
mail-subject = { $heading }: { $title }
mail-kind-confirm-address = يُرجى تأكيد تسجيلك
mail-kind-confirmed = تم تأكيد التسجيل
mail-kind-promoted = أصبح لك مقعد
mail-kind-waitlisted = أنت على قائمة الانتظار
mail-kind-already-registered = هذا العنوان مسجَّل بالفعل
mail-kind-attendance-changed = تم تغيير طريقة الحضور
mail-kind-observer-cancelled = تم إلغاء التسجيل
mail-kind-meeting-changed = تم تحديث الاجتماع
mail-kind-zone-rules-changed = تم تصحيح موعد الاجتماع
mail-kind-meeting-cancelled = تم إلغاء الاجتماع
mail-kind-reminder = تذكير
mail-kind-material-added = مواد جديدة
mail-hello-name = مرحبًا { $name }،
mail-hello = مرحبًا،
mail-intro-confirm-address = طلب شخص ما (ربما أنت) تسجيل هذا العنوان في الاجتماع المذكور أدناه. لحجز مكانك، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }. لن يُحجز أي مقعد قبل ذلك.
mail-intro-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُسجَّل أي شيء، وستُحذف البيانات.
mail-intro-confirmed = تم تأكيد تسجيلك. تضيف الدعوة المرفقة الاجتماع إلى تقويمك، وتبقى محدَّثة إذا تغيّر الاجتماع.
mail-intro-promoted = شغر أحد المقاعد وأصبح الآن لك: تم تأكيد تسجيلك. تضيف الدعوة المرفقة الاجتماع إلى تقويمك.
mail-intro-waitlisted = الاجتماع مكتمل، لذا أنت على قائمة الانتظار. إذا شغر مقعد، فسيُمنح لمن انتظر أطول مدة، وستتلقى حينها تأكيدًا مع دعوة للتقويم.
mail-intro-already-registered = حاول شخص ما (ربما أنت) تسجيل هذا العنوان مرة أخرى في هذا الاجتماع. لديك تسجيل بالفعل؛ استخدم الرابط أدناه لعرضه أو تغييره أو إلغائه. تظل الروابط السابقة صالحة.
mail-intro-attendance-changed = تم تغيير طريقة حضورك. تُحدِّث الدعوة المرفقة تقويمك.
mail-intro-observer-cancelled = تم إلغاء تسجيلك. يزيل الإلغاء المرفق الاجتماع من تقويمك.
mail-intro-meeting-changed = طرأ تغيير على هذا الاجتماع. تُحدِّث الدعوة المرفقة تقويمك، والتفاصيل الواردة أدناه هي التفاصيل الجديدة.
mail-intro-zone-rules-changed = تغيّرت قواعد المنطقة الزمنية لمكان انعقاد هذا الاجتماع (قاعدة بيانات tz { $version }). يحتفظ الاجتماع بتوقيته المحلي المبيَّن أدناه، أما موعده بالتوقيت العالمي المنسَّق (UTC)، ومن ثَمّ في المناطق الزمنية الأخرى، فقد تغيّر. تُحدِّث الدعوة المرفقة تقويمك.
mail-intro-meeting-cancelled = تم إلغاء هذا الاجتماع. يزيله الإلغاء المرفق من تقويمك.
mail-cancel-reason = السبب: { $reason }
mail-intro-material-added = أُضيفت مواد جديدة إلى الاجتماع المذكور أدناه.
mail-intro-reminder = يبدأ الاجتماع المذكور أدناه بعد { $duration }. مقعدك مؤكَّد، وتجد التفاصيل أدناه.
mail-when = الموعد
mail-where = المكان
mail-join = الانضمام
mail-you = أنت
mail-page = الصفحة
mail-agenda = جدول الأعمال
mail-group = المجموعة
mail-material = مادة
mail-next = الاجتماع التالي: { $when }
mail-status-pending = بانتظار تأكيد العنوان
mail-status-confirmed = التسجيل مؤكَّد
mail-status-waitlisted = على قائمة الانتظار
mail-status-cancelled = التسجيل ملغى
mail-what-changed = ما الذي تغيّر
mail-change-title = العنوان
mail-change-time = الموعد
mail-change-place = المكان
mail-change-join = رابط الانضمام
mail-change-none = (لا يوجد)
mail-link-confirm = تأكيد تسجيلك
mail-link-manage = تغيير تسجيلك أو إلغاؤه
mail-link-keep-line = { $label } (لا تُطلع أحدًا على هذا الرابط):
mail-link-keep = لا تُطلع أحدًا على هذا الرابط: يمكن لأي شخص يملكه أن يغيّر تسجيلك.
mail-footer = أُرسلت هذه الرسالة من Quorum. تتلقاها لأن هذا العنوان سُجِّل في الاجتماع المذكور أعلاه.
mail-follow-subject = يُرجى التأكيد: متابعة { $group }
mail-follow-subject-already = أنت تتابع { $group } بالفعل
mail-follow-intro = طلب شخص ما (ربما أنت) تلقّي رسالة بريد إلكتروني كلما نُشر في { $group } اجتماع أو سلسلة اجتماعات أو تحديث. للبدء، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }.
mail-follow-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُرسَل أي شيء إلى هذا العنوان، وسيُحذف.
mail-follow-already = طلب شخص ما (ربما أنت) متابعة { $group } بهذا العنوان. هذا العنوان يتابع المجموعة بالفعل، ولم يتغيّر شيء.
mail-follow-confirm = تأكيد
mail-follow-footer = أُرسلت هذه الرسالة من Quorum لأن هذا العنوان أُدخل في نموذج متابعة المجموعة المذكورة أعلاه.
mail-unsubscribe = إلغاء الاشتراك
mail-unsubscribe-one-click = إلغاء الاشتراك بنقرة واحدة
mail-announce-meeting = اجتماع جديد
mail-announce-series = سلسلة اجتماعات جديدة
mail-announce-update = تحديث جديد
mail-announce-subject = { $heading }: { $title } ({ $group })
mail-announce-published = نُشر ما يلي في { $group }:
mail-read-more = اقرأ المزيد
mail-announce-footer = أُرسلت هذه الرسالة من Quorum لأنك تتابع { $group }.
mail-input-subject = يُرجى تأكيد مساهمتك المرسلة إلى { $group }
mail-input-title = يُرجى تأكيد مساهمتك
mail-input-intro = أرسل شخص ما (ربما أنت) مساهمة إلى { $group } عبر صفحتها العامة، مستخدمًا هذا العنوان. لنشرها في الأرشيف العام للمجموعة وإحالتها إليها، افتح الرابط أدناه واضغط على «تأكيد» خلال { $duration }:
mail-input-review = المراجعة والتأكيد
mail-input-shown = يظهر اسمك وموضوع رسالتك ونصها في الأرشيف، أما عنوانك فلا يظهر.
mail-input-not-you = إذا لم تكن أنت صاحب الطلب، فتجاهل هذه الرسالة: لن يُنشر أي شيء، وستُحذف البيانات.
mail-input-footer = أُرسلت هذه الرسالة من Quorum لأن هذا العنوان أُدخل في نموذج المساهمات لإحدى المجموعات.
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
