# Quorum's messages in Simplified Chinese. English (en.ftl) is the reference.
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

site-nav-groups = 工作组
site-nav-past = 往期会议
site-nav-calendar = 日历订阅
site-nav-calendar-title = 在您的日历中订阅
site-footer = Quorum · 向观察员开放的会议
site-language = 语言

## Dates and times
# $date is written by CLDR's rules; $start and $end are times; $zone is the zone's
# abbreviation ("CEST") or "UTC".

when-same-day = { $date } { $start }–{ $end } { $zone }
when-two-days = { $date } { $start } 至 { $end_date } { $end } { $zone }

## Seats

seats-open = 开放，不限名额
seats-full = 已满
seats-full-waitlist = 已满（{ $count } 人在候补名单上）
seats-left = 剩余 { $count } 个名额

## Weekly series
# $interval is a number of weeks; $days a list of weekday names ("Monday and Thursday").

rule-every =
    { $interval ->
        [1] 每周{ $days }
       *[other] 每 { $interval } 周的{ $days }
    }
rule-short = { $every } { $time } { $zone }
rule-long = { $every } { $time }（{ $zone }），每次 { $minutes } 分钟，共 { $count } 次会议

## Names of things: formats, attendance, materials, roles

format-in-person = 线下
format-online = 线上
format-hybrid = 混合（线下与线上）
attendance-in-person = 现场参加
attendance-remote = 远程参加
material-agenda = 议程
material-slides = 演示文稿
material-minutes = 会议纪要
material-recording = 录音录像
material-transcript = 文字记录
material-chat = 聊天记录
material-documents = 文件
role-chair = 主席
role-member = 成员
role-liaison = 联络人
role-staff = 工作人员

## Durations

duration-hours = { $hours } 小时
duration-hours-minutes = { $hours } 小时 { $minutes } 分钟
duration-minutes = { $minutes } 分钟

## Pages: meetings, series, past meetings, registration form, manage page
# (end of section pages-a)

## Pages: home, group page, updates, follow, input, unsubscribe
# (end of section pages-b)

## Errors beside form fields, and error pages
# (end of section errors)

## Mail to observers, followers and input authors
mail-subject = { $heading }：{ $title }
mail-kind-confirm-address = 请确认您的报名
mail-kind-confirmed = 报名已确认
mail-kind-promoted = 您已获得名额
mail-kind-waitlisted = 您已进入候补名单
mail-kind-already-registered = 此邮箱地址已报名
mail-kind-attendance-changed = 参会方式已更改
mail-kind-observer-cancelled = 报名已取消
mail-kind-meeting-changed = 会议信息已更新
mail-kind-zone-rules-changed = 会议时间已更正
mail-kind-meeting-cancelled = 会议已取消
mail-kind-reminder = 会议提醒
mail-kind-material-added = 新增资料
mail-hello-name = { $name }，您好：
mail-hello = 您好：
mail-intro-confirm-address = 有人（可能是您本人）申请用此邮箱地址报名参加以下会议。如需获得名额，请打开下方链接，并在 { $duration }内点击“确认”。在此之前不会为您保留名额。
mail-intro-not-you = 如果这不是您本人的操作，请忽略此邮件：系统不会进行任何登记，相关信息也将被删除。
mail-intro-confirmed = 您的报名已确认。附件中的邀请可将会议添加到您的日历；如会议有变动，日历中的信息也会随之更新。
mail-intro-promoted = 有名额空出，现已分配给您：您的报名已确认。附件中的邀请可将会议添加到您的日历。
mail-intro-waitlisted = 会议名额已满，您已进入候补名单。如有名额空出，将按等候时间先后分配；届时您会收到一封附有日历邀请的确认邮件。
mail-intro-already-registered = 有人（可能是您本人）试图再次用此邮箱地址报名参加本次会议。您已有报名记录，可通过下方链接查看、更改或取消。此前收到的链接仍然有效。
mail-intro-attendance-changed = 您的参会方式已更改。附件中的邀请将更新您的日历。
mail-intro-observer-cancelled = 您的报名已取消。附件中的取消通知将把该会议从您的日历中删除。
mail-intro-meeting-changed = 本次会议有变动。附件中的邀请将更新您的日历；以下为最新信息。
mail-intro-zone-rules-changed = 会议举办地的时区规则已变更（tz 数据库 { $version }）。会议的当地时间不变，见下文；但其 UTC 时间以及在其他时区的时间已有变化。附件中的邀请将更新您的日历。
mail-intro-meeting-cancelled = 本次会议已取消。附件中的取消通知将把它从您的日历中删除。
mail-cancel-reason = 原因：{ $reason }
mail-intro-material-added = 以下会议新增了资料。
mail-intro-reminder = 以下会议将在 { $duration }后开始。您的名额已确认，详情见下文。
mail-when = 时间
mail-where = 地点
mail-join = 参会链接
mail-you = 您的报名
mail-page = 页面
mail-agenda = 议程
mail-group = 小组
mail-material = 资料
mail-next = 下次会议：{ $when }
mail-status-pending = 等待确认邮箱地址
mail-status-confirmed = 已确认
mail-status-waitlisted = 候补中
mail-status-cancelled = 已取消
mail-what-changed = 变更内容
mail-change-title = 标题
mail-change-time = 时间
mail-change-place = 地点
mail-change-join = 参会链接
mail-change-none = （无）
mail-link-confirm = 确认报名
mail-link-manage = 更改或取消报名
mail-link-keep-line = { $label }（请勿将此链接告诉他人）：
mail-link-keep = 请勿将此链接告诉他人：任何持有此链接的人都可以更改您的报名。
mail-footer = 本邮件由 Quorum 发送。您收到此邮件，是因为此邮箱地址已报名参加上述会议。
mail-follow-subject = 请确认：关注 { $group }
mail-follow-subject-already = 您已关注 { $group }
mail-follow-intro = 有人（可能是您本人）申请在 { $group } 每次发布会议、系列会议或动态时接收电子邮件。如需开始接收，请打开下方链接，并在 { $duration }内点击“确认”。
mail-follow-not-you = 如果这不是您本人的操作，请忽略此邮件：我们不会向此地址发送任何邮件，该地址也将被删除。
mail-follow-already = 有人（可能是您本人）申请用此邮箱地址关注 { $group }。此地址已在关注该小组，没有任何变化。
mail-follow-confirm = 确认
mail-follow-footer = 本邮件由 Quorum 发送，因为有人在上述小组的关注表单中填写了此邮箱地址。
mail-unsubscribe = 退订
mail-unsubscribe-one-click = 一键退订
mail-announce-meeting = 新会议
mail-announce-series = 新系列会议
mail-announce-update = 新动态
mail-announce-subject = { $heading }：{ $title }（{ $group }）
mail-announce-published = { $group } 发布了以下内容：
mail-read-more = 阅读全文
mail-announce-footer = 本邮件由 Quorum 发送，因为您关注了 { $group }。
mail-input-subject = 请确认您提交给 { $group } 的意见
mail-input-title = 请确认您提交的意见
mail-input-intro = 有人（可能是您本人）通过 { $group } 的公开页面，用此邮箱地址提交了意见。如需将其发布到该小组的公开存档并转交该小组，请打开下方链接，并在 { $duration }内点击“确认”：
mail-input-review = 查看并确认
mail-input-shown = 您的姓名、主题和留言将显示在存档中，但您的邮箱地址不会显示。
mail-input-not-you = 如果这不是您本人的操作，请忽略此邮件：不会发布任何内容，相关信息也将被删除。
mail-input-footer = 本邮件由 Quorum 发送，因为有人在某小组的意见表单中填写了此邮箱地址。
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
# (end of section feeds)
