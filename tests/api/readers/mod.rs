//! Independent calendar readers read Quorum's feeds and invites, and every event instance must
//! land at the UTC instant that the JSON API gives ("Time zones that stay true": every client,
//! however many other feeds it has read before, places each event at the JSON API's instant).
//!
//! The readers are the libraries real clients use, installed from Debian packages
//! (`apt-get install python3-vobject python3-gi gir1.2-ical-3.0`) and driven by
//! `tests/readers/read_ics.py` (its header says exactly what each mode does):
//! `vobject` reads like one long-running Radicale process (the first VTIMEZONE of a TZID wins
//! for every later file), `libical-embedded` uses each file's VTIMEZONEs, `libical-builtin`
//! libical's own zones from the system tz database. Without them every test here prints one
//! `skipped:` line and passes, unless `QUORUM_TEST_REQUIRE_READERS=1` (CI) makes it fail.
//!
//! These tests run on SQLite only: what they check is calendar text, a pure function (src/ics)
//! of the meetings that both backends load alike; that both backends store and reload the same
//! instants is what feeds.rs, days.rs and series.rs check on each backend. Each reader start
//! costs a Python process, so running them twice would double the time for nothing new.

mod checks;
mod harness;
mod milestones;
mod order;
mod zones;
