#!/usr/bin/env bash
# Export and import at scale (issue #16): REGISTRATIONS registrations with their mail, moved
# out of SQLite and into SQLite and PostgreSQL with `quorum export` / `quorum import`; each
# step against the goal (LIMIT_S seconds, peak RSS under LIMIT_MIB MiB) and against a
# reference measured in the same run on the same data (SQLite's `.backup` / `.restore`,
# PostgreSQL's `pg_dump -Fc` / `pg_restore`).
#
#   bash bench/archive.sh        # from anywhere; prints a Markdown table
#
# 1. Builds the release binary and the SMTP sink (bench/smtp-sink).
# 2. Fill: a fresh SQLite database; the sink and `quorum serve` (QUORUM_RATE_LIMIT=0, mail to
#    the sink over loopback); a group and MEETINGS published online meetings through the API
#    (each with a reminder, so the outbox also holds the scheduled rows); then REGISTRATIONS
#    registrations through POST /api/v1/meetings/{id}/registrations with wrk
#    (bench/wrk/register_n.lua: exactly that many requests, topped up if any failed). The
#    last PENDING of them are made while the sink is down (a mail outage): their
#    confirmations stay pending with their full content, retried later, while the earlier
#    ones were sent (and emptied, as Quorum does with sent mail). The server is stopped.
# 3. Measured with /usr/bin/time (elapsed seconds, peak RSS) after waiting for a quiet
#    machine, each beside its reference:
#      export from SQLite           ↔ sqlite3 SRC ".backup FILE"
#      import into a fresh SQLite   ↔ sqlite3 NEW ".restore FILE" (that backup)
#      import into fresh PostgreSQL ↔ pg_restore --single-transaction into another fresh
#                                     database (of the pg_dump below)
#      export from PostgreSQL       ↔ pg_dump -Fc of the imported database
#    (PostgreSQL: the RSS is the client's; the server's backends are not counted.)
# 4. Checks: every step handles the same number of rows (the CLI prints them); each archive's
#    `registrations` and `outbox` row counts are the source database's; the imported
#    databases hold REGISTRATIONS registrations; the two exports are the same once their
#    header lines (which name the backend and the time) are dropped.
# The PostgreSQL databases are made with createdb on PGHOST_PORT as user postgres and dropped
# at the end. Progress goes to standard error, the report to standard output.
#
# Environment: REGISTRATIONS (100000), MEETINGS (50), PENDING (5000: registrations made while
# the sink is down; 0 = none), THREADS (2), CONNECTIONS (16), LIMIT_S (60), LIMIT_MIB (100),
# SKIP_BUILD=1 (use the built binaries), KEEP_TMP=1, QUIET_WAIT (60: seconds to wait for an
# idle machine before each measured step; 0 = don't), MAIL_DRAIN_S (300: how long to wait
# for the sent part's mail to leave before the outage), PGHOST_PORT (127.0.0.1:5432).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

REGISTRATIONS=${REGISTRATIONS:-100000}
MEETINGS=${MEETINGS:-50}
PENDING=${PENDING:-5000}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
LIMIT_S=${LIMIT_S:-60}
LIMIT_MIB=${LIMIT_MIB:-100}
QUIET_WAIT=${QUIET_WAIT:-60}
MAIL_DRAIN_S=${MAIL_DRAIN_S:-300}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
[[ $REGISTRATIONS =~ ^[0-9]+$ && $REGISTRATIONS -gt 0 ]] || die "REGISTRATIONS must be a positive number"
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -gt 0 ]] || die "MEETINGS must be a positive number"
[[ $PENDING =~ ^[0-9]+$ && $PENDING -le $REGISTRATIONS ]] || die "PENDING must be a number ≤ REGISTRATIONS"
[[ $THREADS =~ ^[0-9]+$ && $THREADS -gt 0 ]] || die "THREADS must be a positive number"
[[ $CONNECTIONS =~ ^[0-9]+$ && $CONNECTIONS -ge $THREADS ]] || die "CONNECTIONS must be a number ≥ THREADS"
[[ $QUIET_WAIT =~ ^[0-9]+$ && $MAIL_DRAIN_S =~ ^[0-9]+$ ]] || die "QUIET_WAIT and MAIL_DRAIN_S are seconds"
[[ $PG_HOST == 127.* || $PG_HOST == localhost ]] || die "PGHOST_PORT must be on the loopback address"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-archive.XXXXXX")
RUN_TAG=$(date -u +%H%M%S)$$
QUORUM_PID="" SINK_PID=""
PG_DBS=()

psql_pg() {
    timeout 600 psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"
}

cleanup() {
    local rc=$? db
    trap - EXIT INT TERM
    stop_process "$QUORUM_PID"
    stop_process "$SINK_PID"
    for db in "${PG_DBS[@]}"; do
        psql_pg -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 ||
            log "could not drop database $db"
    done
    if [[ ${KEEP_TMP:-0} == 1 || $rc -ne 0 ]]; then log "temporary files kept in $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. tools and build ----------------------------------------------------------------
ensure_commands wrk:wrk curl:curl jq:jq sqlite3:sqlite3 /usr/bin/time:time psql:postgresql-client \
    createdb:postgresql-client pg_dump:postgresql-client pg_restore:postgresql-client
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/quorum
SINK_BIN=$TARGET/release/quorum-smtp-sink
if [[ ${SKIP_BUILD:-0} != 1 || ! -x $BIN ]]; then
    log "cargo build --release"
    cargo build --release --quiet >&2 || die "cargo build --release failed"
fi
if [[ ${SKIP_BUILD:-0} != 1 || ! -x $SINK_BIN ]]; then
    log "cargo build --release (bench/smtp-sink)"
    cargo build --release --quiet --manifest-path bench/smtp-sink/Cargo.toml --target-dir "$TARGET" >&2 ||
        die "building bench/smtp-sink failed"
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/quorum
SINK_BIN=$(cd "$(dirname "$SINK_BIN")" && pwd)/quorum-smtp-sink
LUA=$(pwd)/bench/wrk/register_n.lua
if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    [[ -z $(git status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]] || rev+=" + uncommitted changes"
else
    rev="unknown revision"
fi
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 5 || die "PostgreSQL does not answer on $PGHOST_PORT"

SRC_DB=$TMP/source.db
PORT=$(free_port 18681)
SMTP_PORT=$(free_port 12825 "$PORT")
CTL_PORT=$(free_port $((SMTP_PORT + 1)) "$PORT")
Q="http://127.0.0.1:$PORT"
SINK_CTL="http://127.0.0.1:$CTL_PORT"
# The settings every quorum command of this run gets (run from $TMP: no .env of the work tree).
COMMON_ENV=(QUORUM_BASE_URL="$Q" QUORUM_BIND="127.0.0.1:$PORT" QUORUM_MAIL_DIR="$TMP/mail"
    QUORUM_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" QUORUM_RATE_LIMIT=0 RUST_LOG=warn)

# quorum DATABASE_URL ARGS...: one CLI command.
quorum() {
    local url=$1
    shift
    (cd "$TMP" && env "${COMMON_ENV[@]}" DATABASE_URL="$url" "$BIN" "$@")
}

sqlite_count() {
    timeout 600 sqlite3 -cmd '.timeout 10000' "$1" "$2"
}

sink_stat() {
    curl -sS --max-time 5 "$SINK_CTL/stats" 2>/dev/null | jq -r ".$1" 2>/dev/null || echo "?"
}

start_sink() {
    "$SINK_BIN" --smtp "127.0.0.1:$SMTP_PORT" --http "127.0.0.1:$CTL_PORT" >>"$TMP/sink.out" 2>>"$TMP/sink.err" &
    SINK_PID=$!
    wait_http "$SINK_CTL/stats" 20 "$SINK_PID" || die "the SMTP sink did not start: $(tail -3 "$TMP/sink.err")"
}

# fill COUNT TAG: COUNT registrations through the API, topped up until the database holds
# BASE + COUNT of them (at most 5 rounds).
fill() {
    local want=$(($(sqlite_count "$SRC_DB" 'SELECT count(*) FROM registrations') + $1)) tag=$2
    local round have left t c limit
    for round in 1 2 3 4 5; do
        have=$(sqlite_count "$SRC_DB" 'SELECT count(*) FROM registrations')
        left=$((want - have))
        ((left > 0)) || return 0
        t=$((THREADS < left ? THREADS : left))
        c=$((CONNECTIONS < left ? CONNECTIONS : left))
        # An upper bound only: wrk stops when every request was answered.
        limit=$((left / 100 + 120))
        log "fill ($tag, round $round): $left registrations, wrk -t$t -c$c"
        local result=$TMP/fill-$tag-$round.lua.txt wrk_pid last=-1 now stalled=$SECONDS
        QUORUM_BENCH_IDS=$TMP/ids.txt QUORUM_BENCH_RESULT=$result \
            QUORUM_BENCH_RUN=$RUN_TAG-$tag-$round QUORUM_BENCH_COUNT=$left QUORUM_BENCH_THREADS=$t \
            wrk -t"$t" -c"$c" -d"${limit}s" --timeout 10s \
            -s "$LUA" "$Q/" >"$TMP/fill-$tag-$round.txt" 2>&1 &
        wrk_pid=$!
        # wrk runs its whole -d: it is interrupted (SIGINT: it still reports) once every
        # thread has marked itself done, or when no registration was added for 30 s.
        while kill -0 "$wrk_pid" 2>/dev/null; do
            sleep 0.5
            if (($(find "$TMP" -maxdepth 1 -name "${result##*/}.done.*" | wc -l) >= t)); then
                break
            fi
            now=$(sqlite_count "$SRC_DB" 'SELECT count(*) FROM registrations' 2>/dev/null || echo "$last")
            if [[ $now != "$last" ]]; then
                last=$now stalled=$SECONDS
            elif ((SECONDS - stalled > 30)); then
                log "no registration added for 30 s: stopping wrk"
                break
            fi
        done
        kill -INT "$wrk_pid" 2>/dev/null || true
        wait "$wrk_pid" || log "wrk ended with an error (see $TMP/fill-$tag-$round.txt)"
        local other
        other=$(lua_sum "$TMP/fill-$tag-$round.lua.txt" other)
        if ((other > 0)); then
            WARNINGS+=("fill $tag round $round: $other registrations not answered 201 ($(lua_statuses "$TMP/fill-$tag-$round.lua.txt")); first: $(grep -m1 '^sample ' "$TMP/fill-$tag-$round.lua.txt" | cut -d' ' -f3- | cut -c1-200)")
        fi
        kill -0 "$QUORUM_PID" 2>/dev/null || die "quorum exited during the fill: $(tail -5 "$TMP/quorum.err")"
    done
    have=$(sqlite_count "$SRC_DB" 'SELECT count(*) FROM registrations')
    ((have == want)) || die "the fill made $have registrations, not $want"
}

# --- 2. the fill -----------------------------------------------------------------------
WARNINGS=()
FILL_START=$SECONDS
log "fill: quorum serve on a fresh SQLite database, mail to the sink on 127.0.0.1:$SMTP_PORT"
start_sink
echo 'archive benchmark password' | quorum "sqlite://$SRC_DB" staff add --email bench@example.org \
    --name Bench --role admin >"$TMP/cli.out" 2>&1 || die "quorum staff add failed: $(tail -3 "$TMP/cli.out")"
TOKEN=$(quorum "sqlite://$SRC_DB" token create --email bench@example.org --name archive 2>>"$TMP/cli.out" | tail -1)
[[ -n $TOKEN ]] || die "quorum token create printed no token"
(cd "$TMP" && exec env "${COMMON_ENV[@]}" DATABASE_URL="sqlite://$SRC_DB" "$BIN" serve >"$TMP/quorum.out" 2>"$TMP/quorum.err") &
QUORUM_PID=$!
wait_http "$Q/healthz" 60 "$QUORUM_PID" || die "quorum did not start: $(tail -5 "$TMP/quorum.err")"

AUTH="Authorization: Bearer $TOKEN"
code=$(curl -sS --max-time 10 -o "$TMP/group.json" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
    --data-binary '{"slug":"archive","name":"Archive Review Team","contact_email":"archive@example.org"}' "$Q/api/v1/groups")
[[ $code == 201 ]] || die "POST /api/v1/groups answered $code: $(head -c 300 "$TMP/group.json")"
: >"$TMP/ids.txt"
for ((i = 1; i <= MEETINGS; i++)); do
    day=$(date -u -d "+$((7 + i * 90 / MEETINGS)) days" +%F)
    id=$(curl -sS --max-time 30 -H "$AUTH" -H 'Content-Type: application/json' --data-binary \
        "{\"group\":\"archive\",\"title\":\"Archive call #$i\",\"description\":\"Weekly call: action items and the draft report.\",\"format\":\"online\",\"timezone\":\"Europe/Madrid\",\"starts_at\":\"${day}T14:00\",\"ends_at\":\"${day}T15:00\",\"online_url\":\"https://meet.example.org/archive-$i\",\"remote_capacity\":null,\"status\":\"published\",\"verify_email\":false,\"reminders\":[1440]}" \
        "$Q/api/v1/meetings" | jq -r '.id // empty')
    [[ $id =~ ^[0-9]+$ ]] || die "meeting $i could not be created"
    echo "$id" >>"$TMP/ids.txt"
done
log "fill: $MEETINGS meetings created"

SENT_PART=$((REGISTRATIONS - PENDING))
T0=$SECONDS
((SENT_PART == 0)) || fill "$SENT_PART" sent
FILL_API_S=$((SECONDS - T0))
log "fill: $SENT_PART registrations in ${FILL_API_S} s; waiting for their mail"
T0=$SECONDS
DUE="kind NOT IN ('reminders_due', 'minutes_due')"
while :; do
    pending=$(sqlite_count "$SRC_DB" "SELECT count(*) FROM outbox WHERE status = 'pending' AND $DUE")
    [[ $pending == 0 ]] && break
    ((SECONDS - T0 < MAIL_DRAIN_S)) || break
    sleep 1
done
DRAIN_S=$((SECONDS - T0))
[[ $pending == 0 ]] || WARNINGS+=("$pending messages were still pending when the mail outage began (after ${MAIL_DRAIN_S} s)")
SINK_MESSAGES=$(sink_stat messages)
SINK_DUPS=$(sink_stat duplicates)
if ((PENDING > 0)); then
    log "fill: the sink stops (mail outage); $PENDING more registrations"
    stop_process "$SINK_PID"
    SINK_PID=""
    T0=$SECONDS
    fill "$PENDING" pending
    FILL_API_S=$((FILL_API_S + SECONDS - T0))
    # Let the sender try (and fail) once more, so the pending mail carries its error.
    sleep 3
fi
stop_process "$QUORUM_PID"
QUORUM_PID=""
stop_process "$SINK_PID"
SINK_PID=""
FILL_S=$((SECONDS - FILL_START))
OUTBOX_SUM=$(sqlite_count "$SRC_DB" "SELECT status || ' ' || kind || ' ' || count(*) FROM outbox GROUP BY status, kind ORDER BY status, kind" | paste -sd, - | sed 's/,/, /g')
SRC_REGS=$(sqlite_count "$SRC_DB" 'SELECT count(*) FROM registrations')
SRC_OUTBOX=$(sqlite_count "$SRC_DB" 'SELECT count(*) FROM outbox')
SRC_SIZE=$(stat -c %s "$SRC_DB")
log "fill done in $FILL_S s: $SRC_REGS registrations, outbox: $OUTBOX_SUM; database $(human_size "$SRC_SIZE")"
((SRC_REGS == REGISTRATIONS)) || die "the source database holds $SRC_REGS registrations, not $REGISTRATIONS"

# --- 3. the measured steps -------------------------------------------------------------
declare -A SECS KIB ROWS OUT FOREIGN_S
# measure KEY COMMAND...: one timed run, after waiting for a quiet machine.
measure() {
    local key=$1 rc=0
    shift
    if ((QUIET_WAIT > 0)) && ! wait_quiet "$QUIET_WAIT"; then
        WARNINGS+=("$key: the machine was still busy after waiting ${QUIET_WAIT} s")
    fi
    log "$key"
    cpu_snapshot >"$TMP/cpu-before"
    /usr/bin/time -f '%e %M' -o "$TMP/$key.time" "$@" >"$TMP/$key.out" 2>"$TMP/$key.err" || rc=$?
    cpu_snapshot >"$TMP/cpu-after"
    local foreign
    foreign=$(foreign_cpu "$TMP/cpu-before" "$TMP/cpu-after" ${PG_POSTMASTER:+"$PG_POSTMASTER"})
    FOREIGN_S[$key]=${foreign%% *}
    if awk -v f="${foreign%% *}" 'BEGIN {exit !(f > 1.0)}'; then
        WARNINGS+=("$key: other processes used ${foreign%% *} CPU-seconds meanwhile (${foreign#* })")
    fi
    ((rc == 0)) || die "$key failed (exit $rc): $(tail -3 "$TMP/$key.err")"
    read -r SECS[$key] KIB[$key] < <(tail -1 "$TMP/$key.time")
    OUT[$key]=$(tail -1 "$TMP/$key.out")
    ROWS[$key]=$(awk '/^(exported|imported) [0-9]+ rows/ {print $2}' "$TMP/$key.out")
}

# The PostgreSQL server's PID: its backends' CPU is the step's own, not foreign.
PG_DATA=$(psql_pg -d postgres -tAc 'SHOW data_directory' 2>/dev/null || true)
PG_POSTMASTER=""
[[ -n $PG_DATA && -r $PG_DATA/postmaster.pid ]] && PG_POSTMASTER=$(head -1 "$PG_DATA/postmaster.pid")
# Every path is absolute from here on; the commands run in $TMP (no .env of the work tree).
cd "$TMP"
Q_CMD=(env "${COMMON_ENV[@]}")

# new_pg_db NAME: creates the database NAME, dropped at exit (called in this shell, not in
# $(…), so that the cleanup knows it).
new_pg_db() {
    PG_DBS+=("$1")
    timeout 60 createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$1" >&2 || die "createdb $1 failed"
}
pg_url() {
    echo "postgres://postgres@$PG_HOST:$PG_PORT/$1?sslmode=disable"
}

measure export_sqlite "${Q_CMD[@]}" DATABASE_URL="sqlite://$SRC_DB" "$BIN" export "$TMP/from-sqlite.qa"
measure ref_backup sqlite3 "$SRC_DB" ".backup '$TMP/backup.db'"
measure import_sqlite "${Q_CMD[@]}" DATABASE_URL="sqlite://$TMP/imported.db" "$BIN" import "$TMP/from-sqlite.qa"
measure ref_restore sqlite3 "$TMP/restored.db" ".restore '$TMP/backup.db'"
PG_IMPORTED=quorum_archive_${RUN_TAG}_imported
new_pg_db "$PG_IMPORTED"
measure import_pg "${Q_CMD[@]}" DATABASE_URL="$(pg_url "$PG_IMPORTED")" "$BIN" import "$TMP/from-sqlite.qa"
measure export_pg "${Q_CMD[@]}" DATABASE_URL="$(pg_url "$PG_IMPORTED")" "$BIN" export "$TMP/from-pg.qa"
measure ref_pg_dump pg_dump -h "$PG_HOST" -p "$PG_PORT" -U postgres -Fc -f "$TMP/pg.dump" "$PG_IMPORTED"
PG_RESTORED=quorum_archive_${RUN_TAG}_restored
new_pg_db "$PG_RESTORED"
measure ref_pg_restore pg_restore -h "$PG_HOST" -p "$PG_PORT" -U postgres --single-transaction \
    --no-owner -d "$PG_RESTORED" "$TMP/pg.dump"

# --- 4. checks -------------------------------------------------------------------------
CHECKS=()
check() {
    if eval "$2"; then CHECKS+=("✓ $1"); else CHECKS+=("✗ $1"); FAILED=1; fi
}
FAILED=0
archive_rows() {
    gzip -dc "$1" | awk -v t="$2" 'index($0, "{\"table\":\"" t "\",") == 1 {
        sub(/.*"rows":/, ""); sub(/}.*/, ""); print }'
}
for key in export_sqlite import_sqlite import_pg export_pg; do
    [[ ${ROWS[$key]} =~ ^[0-9]+$ ]] || ROWS[$key]="?"
done
check "every step handled ${ROWS[export_sqlite]} rows (what each command printed)" \
    '[[ ${ROWS[export_sqlite]} != "?" && ${ROWS[import_sqlite]} == "${ROWS[export_sqlite]}" && ${ROWS[import_pg]} == "${ROWS[export_sqlite]}" && ${ROWS[export_pg]} == "${ROWS[export_sqlite]}" ]]'
for f in from-sqlite from-pg; do
    r=$(archive_rows "$TMP/$f.qa" registrations)
    o=$(archive_rows "$TMP/$f.qa" outbox)
    check "$f.qa: $r registrations and $o outbox rows, as the source database ($SRC_REGS and $SRC_OUTBOX)" \
        "[[ '$r' == '$SRC_REGS' && '$o' == '$SRC_OUTBOX' ]]"
done
IMP_SQLITE=$(sqlite_count "$TMP/imported.db" 'SELECT count(*) FROM registrations')
IMP_PG=$(psql_pg -d "$PG_IMPORTED" -tAc 'SELECT count(*) FROM registrations')
check "the imported databases hold $IMP_SQLITE (SQLite) and $IMP_PG (PostgreSQL) registrations" \
    "[[ '$IMP_SQLITE' == '$REGISTRATIONS' && '$IMP_PG' == '$REGISTRATIONS' ]]"
# The two exports, header line dropped (it names the backend and the time).
SUM_SQLITE=$(gzip -dc "$TMP/from-sqlite.qa" | tail -n +2 | sha256sum | cut -c1-16)
SUM_PG=$(gzip -dc "$TMP/from-pg.qa" | tail -n +2 | sha256sum | cut -c1-16)
LINES=$(gzip -dc "$TMP/from-sqlite.qa" | wc -l)
RAW=$(gzip -dc "$TMP/from-sqlite.qa" | wc -c)
check "the export from SQLite and the export from PostgreSQL agree after the header line ($LINES lines, sha256 $SUM_SQLITE…)" \
    "[[ '$SUM_SQLITE' == '$SUM_PG' ]]"
if [[ $SUM_SQLITE != "$SUM_PG" ]]; then
    diff <(gzip -dc "$TMP/from-sqlite.qa" | tail -n +2) <(gzip -dc "$TMP/from-pg.qa" | tail -n +2) |
        head -c 1500 >"$TMP/exports.diff" || true
    WARNINGS+=("first differences between the exports: $(head -c 600 "$TMP/exports.diff" | tr '\n' ' ')")
fi
[[ -s $TMP/quorum.err ]] && ERRLINES=$(grep -c . "$TMP/quorum.err" || true) || ERRLINES=0

# --- 5. report -------------------------------------------------------------------------
row() {
    local label=$1 key=$2 ref_label=$3 ref=$4 secs kib verdict
    secs=${SECS[$key]:-?}
    kib=${KIB[$key]:-}
    verdict="✓"
    if ! awk -v s="$secs" -v k="$kib" -v ls="$LIMIT_S" -v lm="$LIMIT_MIB" \
        'BEGIN {exit !(s ~ /^[0-9.]+$/ && k ~ /^[0-9]+$/ && s <= ls && k / 1024 < lm)}'; then
        verdict="✗"
        FAILED=1
    fi
    printf '| %s | %s | %s | %s | ≤ %s s, < %s MiB | %s | %s: %s s, %s MiB |\n' "$label" "${ROWS[$key]}" "$secs" \
        "$(if [[ -n $kib ]]; then mib "$kib"; else echo "?"; fi)" "$LIMIT_S" "$LIMIT_MIB" "$verdict" \
        "$ref_label" "${SECS[$ref]:-?}" "$(if [[ -n ${KIB[$ref]:-} ]]; then mib "${KIB[$ref]}"; else echo "?"; fi)"
}

echo
echo "Export and import of $REGISTRATIONS registrations with their mail ($rev; $(machine_line))"
echo
echo "| step | rows | seconds | peak RSS MiB | goal | pass | reference (same data, same run) |"
echo "|---|---|---|---|---|---|---|"
row "export from SQLite" export_sqlite "sqlite3 .backup" ref_backup
row "import into a fresh SQLite" import_sqlite "sqlite3 .restore" ref_restore
row "import into a fresh PostgreSQL" import_pg "pg_restore --single-transaction" ref_pg_restore
row "export from PostgreSQL" export_pg "pg_dump -Fc" ref_pg_dump
echo
echo "- Data: $SRC_REGS registrations over $MEETINGS meetings made through the API (wrk, $THREADS threads, $CONNECTIONS connections) in $FILL_API_S s; the whole fill (server start, meetings, mail, outage) took $FILL_S s. Outbox: $SRC_OUTBOX rows ($OUTBOX_SUM); the SMTP sink received $SINK_MESSAGES messages ($SINK_DUPS repeated Message-IDs) before the outage of the last $PENDING registrations."
echo "- Sizes: SQLite database $(human_size "$SRC_SIZE"); archive $(human_size "$(stat -c %s "$TMP/from-sqlite.qa")") gzip'd ($(human_size "$RAW"), $LINES lines, uncompressed); pg_dump -Fc $(human_size "$(stat -c %s "$TMP/pg.dump")")."
echo "- Peak RSS from /usr/bin/time (%M); for PostgreSQL it is the client's (Quorum's, pg_dump's or pg_restore's), not the server's."
for c in "${CHECKS[@]}"; do
    echo "- $c"
done
echo "- Other processes' CPU during each step (s): $(for k in export_sqlite ref_backup import_sqlite ref_restore import_pg export_pg ref_pg_dump ref_pg_restore; do printf '%s %s; ' "$k" "${FOREIGN_S[$k]:-?}"; done | sed 's/; $//')"
echo "- Quorum's log during the fill: $ERRLINES lines on standard error (RUST_LOG=warn; the outage's send failures are expected)."
for w in "${WARNINGS[@]}"; do
    echo "- ⚠ $w"
done
echo "- Load when the report was written: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
exit "$FAILED"
