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
# (end of section mail)

## Calendars (invites and feeds) and the Atom feed
ics-online = 线上
ics-cancelled = 已取消
ics-cancelled-reason = 已取消：{ $reason }
ics-join-online = 线上参会：
ics-manage = 更改或取消报名：
ics-milestone-done = 状态：已完成
ics-milestone-planned = 状态：计划中
ics-milestones-name = { $group }：里程碑
atom-updates-title = { $group }：最新动态
ics-invite-pending = 请先确认报名：日历邀请将随确认一同发送。
# (end of section feeds)
