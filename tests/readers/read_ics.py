#!/usr/bin/python3
"""Reads iCalendar files with the libraries that real calendar clients and servers use, and
prints every event instance as JSON, so that tests can compare each with Quorum's JSON API.

Usage:
    /usr/bin/python3 read_ics.py MODE FILE...   read the files, in the order given, in this process
    /usr/bin/python3 read_ics.py --check        exit 0 (printing "ok") when both readers import

Output (one JSON document on stdout):
    {"mode": MODE, "files": [{"file": PATH, "events": [INSTANCE, ...]}
                             | {"file": PATH, "error": TEXT}, ...]}
    INSTANCE = {"uid": UID, "recurrence_id": UTC or null, "start": UTC, "end": UTC,
                "status": STATUS or null}
    UTC = "YYYY-MM-DDTHH:MM:SSZ"

Modes: what decides the UTC instant of a local time with a TZID.

  vobject           python-vobject, as the Radicale CalDAV server (and khal, and other Python
                    clients) read calendars: `vobject.readOne` turns each VTIMEZONE into a
                    dateutil `tzical` zone and registers it under its TZID in vobject's
                    process-wide registry (`vobject.icalendar.registerTzid`/`getTzid`); every
                    DTSTART/DTEND/EXDATE/RECURRENCE-ID with that TZID is then read with the
                    registered zone. The registry is never reset between files: vobject's
                    `TimezoneComponent.registerTzinfo` registers a zone only when its TZID is
                    not registered yet, so the FIRST VTIMEZONE seen for a TZID wins for the rest
                    of the process and later VTIMEZONEs with that TZID are ignored. One
                    long-running Radicale process behaves the same, which is why all files of
                    one run go through one process.
                    A VTIMEZONE is not registered at all when vobject finds its zone equal to
                    UTC (`TimezoneComponent.pickTzid` -> `tzinfo_eq(zone, utc)`: the offset on
                    2000-01-01, which dateutil takes from the first STANDARD observance when
                    the date is before every observance, is zero, and there is no DST change
                    in 2000-2019). The TZID then resolves through pytz if it can be imported;
                    pytz is kept out here, as in a Radicale installed from PyPI (neither
                    Radicale nor vobject 0.9.6 requires it; vobject ships a stand-in for it),
                    and so that the result does not depend on whether Debian's recommended
                    python3-tz is installed. Without it the times stay floating, and floating
                    times are read as UTC, as Radicale does (`radicale.item.filter.
                    date_to_datetime`). Recurrences are expanded by vobject's
                    `getrruleset(addRDate=True)` (dateutil rrule, in wall time of the zone),
                    as Radicale does.

  libical-embedded  libical 3 through its GObject bindings (ICalGLib 3.0), as Evolution and
                    other libical clients read an invite or a subscribed feed: each TZID is
                    resolved by `icalproperty_get_datetime_with_component`, which finds the
                    VTIMEZONE of that TZID in the same VCALENDAR (only a TZID without one
                    would fall back to libical's built-in zone of that name). Nothing is kept
                    between files.

  libical-builtin   libical 3 with its built-in zones, as a client that trusts its own zone
                    database over the sender's: the file's VTIMEZONEs are removed and each TZID
                    is resolved by `ICalGLib.Timezone.get_builtin_timezone(TZID)`, which on
                    Debian reads the system tz database (/usr/share/zoneinfo).

Instances, the same in every mode (only the zone resolution above differs):
  - A VEVENT without RECURRENCE-ID is a master. Without RRULE or RDATE it is one instance whose
    recurrence_id is null. With them, its instances are DTSTART, the RRULE's dates (expanded by
    the library: dateutil in vobject mode, libical's `icalrecur_iterator` in the libical modes)
    and the RDATEs (DATE-TIME values), minus the EXDATEs, each with recurrence_id = its original
    start; expansion stops two years after DTSTART (or after 1000 instances).
  - An instance lasts as long as the master (DTEND - DTSTART, or DURATION, as elapsed time).
  - A VEVENT with RECURRENCE-ID replaces the master's instance whose original start is the same
    UTC instant (that is how the libraries compare them too); its recurrence_id is that instant.
    One that matches no instance (or has no master in the file, as an invite for one occurrence)
    is listed on its own.
  - Events are listed per file sorted by (uid, start).
  - A DATE value (an all-day event, `VALUE=DATE`) is that day's 00:00 UTC, as Radicale takes
    it (`radicale.item.filter.date_to_datetime`); in the libical modes likewise, from the
    date libical reads.
"""

import datetime
import json
import sys

UTC = datetime.timezone.utc
HORIZON = datetime.timedelta(days=731)
MAX_INSTANCES = 1000
MODES = ("vobject", "libical-embedded", "libical-builtin")


def iso(dt):
    """A UTC ISO string of an aware datetime."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def assemble(masters, overrides):
    """Instances from (uid, status, [(original_start, end)] or single, recurring) masters and
    (uid, status, recurrence_id, start, end) overrides; all datetimes aware, in UTC."""
    out = []
    for uid, status, recurring, instances in masters:
        for rid, end in instances:
            out.append({"uid": uid, "recurrence_id": rid if recurring else None,
                        "start": rid, "end": end, "status": status})
    for uid, status, rid, start, end in overrides:
        replaced = [e for e in out if e["uid"] == uid and e["recurrence_id"] == rid]
        for e in replaced:
            out.remove(e)
        out.append({"uid": uid, "recurrence_id": rid, "start": start, "end": end,
                    "status": status})
    for e in out:
        for key in ("recurrence_id", "start", "end"):
            if e[key] is not None:
                e[key] = iso(e[key])
    out.sort(key=lambda e: (e["uid"], e["start"]))
    return out


# ------------------------------------------------------------------------------ vobject

def as_radicale(dt):
    """A date-time as Radicale takes it: floating (no zone) means UTC."""
    if isinstance(dt, datetime.date) and not isinstance(dt, datetime.datetime):
        return datetime.datetime.combine(dt, datetime.time(), tzinfo=UTC)
    if not isinstance(dt, datetime.datetime):
        raise ValueError(f"not a date-time: {dt!r}")
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def read_vobject(text):
    import logging

    # No pytz (see the header); vobject logs an error for each lookup that wanted it.
    sys.modules.setdefault("pytz", None)
    logging.disable(logging.ERROR)
    import vobject

    # readOne transforms the VTIMEZONEs (sorted before the VEVENTs) and so registers them,
    # first registration of a TZID wins (see the header).
    cal = vobject.readOne(text)
    masters, overrides = [], []
    for ev in cal.contents.get("vevent", []):
        uid = ev.uid.value
        status = ev.status.value if "status" in ev.contents else None
        start = as_radicale(ev.dtstart.value)
        if "dtend" in ev.contents:
            length = as_radicale(ev.dtend.value).astimezone(UTC) - start.astimezone(UTC)
        elif "duration" in ev.contents:
            length = ev.duration.value
        else:
            length = datetime.timedelta(0)
        if "recurrence-id" in ev.contents:
            rid = as_radicale(ev.contents["recurrence-id"][0].value)
            overrides.append((uid, status, rid.astimezone(UTC), start.astimezone(UTC),
                              start.astimezone(UTC) + length))
            continue
        rules = ev.getrruleset(addRDate=True)
        if rules is None:
            s = start.astimezone(UTC)
            masters.append((uid, status, False, [(s, s + length)]))
            continue
        instances = []
        for dt in map(as_radicale, rules):
            if dt > start + HORIZON or len(instances) >= MAX_INSTANCES:
                break
            s = dt.astimezone(UTC)
            instances.append((s, s + length))
        masters.append((uid, status, True, instances))
    return assemble(masters, overrides)


# ------------------------------------------------------------------------------ libical

def read_libical(text, builtin):
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib as I

    K, P = I.ComponentKind, I.PropertyKind
    utc = I.Timezone.get_utc_timezone()
    cal = I.Component.new_from_string(text)
    if cal is None:
        raise ValueError("libical cannot parse the file")
    if builtin:
        zones = []
        vtz = cal.get_first_component(K.VTIMEZONE_COMPONENT)
        while vtz is not None:
            zones.append(vtz)
            vtz = cal.get_next_component(K.VTIMEZONE_COMPONENT)
        for vtz in zones:
            cal.remove_component(vtz)

    def resolve(prop, event):
        """The property's date-time with its zone, as libical (or its built-in zones) says."""
        t = prop.get_datetime_with_component(event)
        if t.is_utc() or t.is_date():
            return t
        param = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER)
        if param is None:
            raise ValueError(f"{prop.as_ical_string().strip()}: floating time")
        tzid = param.get_tzid()
        if builtin:
            zone = I.Timezone.get_builtin_timezone(tzid)
            if zone is None:
                raise ValueError(f"no built-in zone {tzid}")
            t.set_timezone(zone)
        elif t.get_timezone() is None:
            raise ValueError(f"TZID {tzid} resolves to no zone")
        return t

    def to_utc(t):
        if t.is_date():
            return datetime.datetime(t.get_year(), t.get_month(), t.get_day(), tzinfo=UTC)
        u = t.convert_to_zone(utc)
        return datetime.datetime(u.get_year(), u.get_month(), u.get_day(), u.get_hour(),
                                 u.get_minute(), u.get_second(), tzinfo=UTC)

    def props(event, kind):
        out = []
        p = event.get_first_property(kind)
        while p is not None:
            out.append(p)
            p = event.get_next_property(kind)
        return out

    events = []
    ev = cal.get_first_component(K.VEVENT_COMPONENT)
    while ev is not None:
        events.append(ev)
        ev = cal.get_next_component(K.VEVENT_COMPONENT)

    masters, overrides = [], []
    for ev in events:
        uid = ev.get_uid()
        status_prop = ev.get_first_property(P.STATUS_PROPERTY)
        status = status_prop.get_value_as_string() if status_prop is not None else None
        dtstart = resolve(ev.get_first_property(P.DTSTART_PROPERTY), ev)
        start = to_utc(dtstart)
        dtend_prop = ev.get_first_property(P.DTEND_PROPERTY)
        if dtend_prop is not None:
            length = to_utc(resolve(dtend_prop, ev)) - start
        elif ev.get_first_property(P.DURATION_PROPERTY) is not None:
            length = datetime.timedelta(seconds=ev.get_duration().as_int())
        else:
            length = datetime.timedelta(0)
        rid_prop = ev.get_first_property(P.RECURRENCEID_PROPERTY)
        if rid_prop is not None:
            rid = to_utc(resolve(rid_prop, ev))
            overrides.append((uid, status, rid, start, start + length))
            continue
        rrules = props(ev, P.RRULE_PROPERTY)
        rdates = props(ev, P.RDATE_PROPERTY)
        if not rrules and not rdates:
            masters.append((uid, status, False, [(start, start + length)]))
            continue
        starts = {start}
        for rule in rrules:
            it = I.RecurIterator.new(rule.get_rrule(), dtstart)
            t = it.next()
            n = 0
            while t is not None and not t.is_null_time() and n < MAX_INSTANCES:
                s = to_utc(t)
                if s > start + HORIZON:
                    break
                starts.add(s)
                n += 1
                t = it.next()
        for p in rdates:
            starts.add(to_utc(resolve(p, ev)))
        for p in props(ev, P.EXDATE_PROPERTY):
            starts.discard(to_utc(resolve(p, ev)))
        instances = [(s, s + length) for s in sorted(starts)]
        masters.append((uid, status, True, instances))
    return assemble(masters, overrides)


# ------------------------------------------------------------------------------ main

def check():
    import vobject  # noqa: F401
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib  # noqa: F401
    print("ok")


def main(argv):
    if argv[1:] == ["--check"]:
        check()
        return 0
    if len(argv) < 2 or argv[1] not in MODES:
        print(__doc__, file=sys.stderr)
        return 2
    mode = argv[1]
    files = []
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            if mode == "vobject":
                events = read_vobject(text)
            else:
                events = read_libical(text, builtin=(mode == "libical-builtin"))
            files.append({"file": path, "events": events})
        except Exception as e:  # a file a reader cannot read is a result too
            files.append({"file": path, "error": f"{type(e).__name__}: {e}"})
    json.dump({"mode": mode, "files": files}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
