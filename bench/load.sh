#!/usr/bin/env bash
# Load benchmark: meeting pages, feeds, API registrations and the browser registration
# flow, with every mail delivered to an SMTP server on loopback, on SQLite and on PostgreSQL.
#
#   bash bench/load.sh            # from anywhere; prints a Markdown report
#
# Builds the release binary and the SMTP sink (bench/smtp-sink, a separate cargo package:
# accepts every message on loopback, counts messages and repeated Message-IDs, serves the
# counters on a control port), then for each backend starts a fresh sink and `quorum serve`
# on a fresh database (SQLite: a file in a temporary directory; PostgreSQL: a database
# created with createdb on 127.0.0.1:5432 as user postgres and dropped at the end), with
# QUORUM_SMTP_URL pointing at the sink, QUORUM_RATE_LIMIT=0 and RUST_LOG=warn; creates a staff account and
# an API token with the CLI, seeds MEETINGS published online meetings (unlimited remote
# seats) through POST /api/v1/meetings, and runs wrk (keep-alive, THREADS threads,
# CONNECTIONS connections, DURATION each) for these cases:
#   page      GET /meetings/{id} with Accept-Language: en, round-robin over the meetings
#             (bench/wrk/meeting_page.lua)
#   page_ar   the same in Arabic (Accept-Language: ar: <html lang="ar" dir="rtl">), right
#             after; the report gives its difference from English (goal: at most 10 %
#             fewer req/s)
#   feed200   GET /calendar.ics
#   feed304   GET /calendar.ics with If-None-Match: <its ETag>
#   api       POST /api/v1/meetings/{id}/registrations, a unique e-mail per request
#             (bench/wrk/api_register.lua); the 201s counted in Lua must equal the rows
#             added to the registrations table
#   flow      the browser flow: meeting page, form post with the CSRF cookie and token
#             (303 to /r/<token>), manage page; completed flows counted in Lua
#             (bench/wrk/browser_flow.lua); the 303s must equal the rows added
#   mail      a burst: BURST observers register for one more meeting (curl, 8 in
#             parallel); once their confirmations are delivered, one PATCH of its title
#             queues BURST updated invites; messages per second from the PATCH request to
#             the last of them at the sink (end to end), and from its answer (sending only)
# While the API and flow cases run, every registration's mail goes out at the same time:
# their latency is measured with mail flowing (the sink's count before and after each is
# reported).
# The two writing cases stop sending after DURATION and give the requests in flight
# DRAIN_S more seconds to be answered (wrk runs DURATION + DRAIN_S), so that every request
# sent has its answer counted before the database is counted; their rates are counted in
# Lua over the DURATION window only.
# Quorum's peak memory (VmHWM) is read per backend, its standard error kept and summarised.
# Progress goes to standard error, the report to standard output. All traffic goes to
# 127.0.0.1; every run is bounded by `timeout`; everything started is stopped on exit.
#
# Environment: DURATION (10s), CONNECTIONS (32), THREADS (2), MEETINGS (500),
# BACKENDS ("sqlite postgres"), FLOW_THREADS (THREADS: wrk threads for the browser flow;
# = CONNECTIONS gives one connection per thread, so each connection's flow keeps its own
# cookie on every step, see bench/wrk/browser_flow.lua), SKIP_BUILD=1 (use the existing target/release/quorum),
# KEEP_TMP=1 (keep the temporary directory with logs and wrk outputs), QUIET_WAIT (120:
# seconds to wait before each run for the machine to go idle; 0 = don't wait),
# PGHOST_PORT (127.0.0.1:5432: the PostgreSQL server, user postgres, no password),
# PG_SSLMODE (disable: libpq's sslmode for Quorum's connections over loopback),
# MAIL_DRAIN_S (600: how long to wait after the last run for every queued mail to be sent;
# then the messages the sink received must number exactly the outbox rows, with no
# Message-ID twice: each mail sent once), BURST (5000: observers of the burst meeting;
# 0 = no burst), SMTP_CONNECTIONS (unset: Quorum's default QUORUM_SMTP_CONNECTIONS),
# VERIFIED (1: afterwards run bench/verified.sh, the whole verified registration path beside
# the unverified form path, and append its table; 0 = skip).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
FLOW_THREADS=${FLOW_THREADS:-$THREADS}
# The drain after the window of the writing cases, during which connections with nothing
# left to send sit idle. It stays under Quorum's keep-alive timeout (actix-web's default,
# 5 s; an idle
# connection closed by the server shows up in wrk as a read error), and those runs use
# --timeout 10s: Debian's wrk 4.1 also counts a connection whose last request was sent
# longer ago than --timeout as a timeout, answered or not.
DRAIN_S=4
WRITE_TIMEOUT=10s
MEETINGS=${MEETINGS:-500}
BACKENDS=${BACKENDS:-sqlite postgres}
QUIET_WAIT=${QUIET_WAIT:-120}
MAIL_DRAIN_S=${MAIL_DRAIN_S:-600}
BURST=${BURST:-5000}
[[ $BURST =~ ^[0-9]+$ ]] || die "BURST must be a number"
PG_SSLMODE=${PG_SSLMODE:-disable}
[[ $MAIL_DRAIN_S =~ ^[0-9]+$ ]] || die "MAIL_DRAIN_S must be a number of seconds"
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -gt 0 ]] || die "MEETINGS must be a positive number"
[[ $QUIET_WAIT =~ ^[0-9]+$ ]] || die "QUIET_WAIT must be a number of seconds"
[[ $THREADS =~ ^[0-9]+$ && $THREADS -gt 0 ]] || die "THREADS must be a positive number"
[[ $CONNECTIONS =~ ^[0-9]+$ && $CONNECTIONS -ge $THREADS ]] || die "CONNECTIONS must be a number ≥ THREADS"
[[ $FLOW_THREADS =~ ^[0-9]+$ && $FLOW_THREADS -gt 0 && $CONNECTIONS -ge $FLOW_THREADS ]] ||
    die "FLOW_THREADS must be a number between 1 and CONNECTIONS"
[[ $PG_HOST == 127.* || $PG_HOST == localhost ]] || die "PGHOST_PORT must be on the loopback address"
for b in $BACKENDS; do
    [[ $b == sqlite || $b == postgres ]] || die "unknown backend in BACKENDS: $b"
done
DURATION_S=$(duration_seconds "$DURATION")

ROOT=$(pwd)
LUA=$ROOT/bench/wrk
QUORUM_PID=""
SINK_PID=""
PG_DB=""
PG_STARTED=""
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-load.XXXXXX")
RUN_TAG=$(date -u +%H%M%S)$$

psql_pg() {
    timeout 60 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_process "$QUORUM_PID"
    stop_process "$SINK_PID"
    if [[ -n $PG_DB ]]; then
        psql_pg -d postgres -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 ||
            log "could not drop database $PG_DB"
    fi
    if [[ -n $PG_STARTED ]]; then
        log "stopping the PostgreSQL cluster this script started ($PG_STARTED)"
        # shellcheck disable=SC2086 # "VERSION main"
        pg_ctlcluster --skip-systemctl-redirect $PG_STARTED stop >&2 || true
    fi
    if [[ ${KEEP_TMP:-0} == 1 || $rc -ne 0 ]]; then
        log "temporary files kept in $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. tools and build ----------------------------------------------------------------
tools=(wrk:wrk curl:curl jq:jq)
[[ " $BACKENDS " == *" sqlite "* ]] && tools+=(sqlite3:sqlite3)
[[ " $BACKENDS " == *" postgres "* ]] && tools+=(psql:postgresql-client pg_isready:postgresql-client createdb:postgresql-client)
ensure_commands "${tools[@]}"

TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/quorum
SINK_BIN=$TARGET/release/quorum-smtp-sink
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release"
    cargo build --release --quiet >&2 || die "cargo build --release failed"
fi
# The SMTP sink is built unless it is there already (SKIP_BUILD=1).
if [[ ${SKIP_BUILD:-0} != 1 || ! -x $SINK_BIN ]]; then
    log "cargo build --release (bench/smtp-sink)"
    cargo build --release --quiet --manifest-path bench/smtp-sink/Cargo.toml --target-dir "$TARGET" >&2 ||
        die "building bench/smtp-sink failed"
fi
[[ -x $BIN ]] || die "$BIN not found"
[[ -x $SINK_BIN ]] || die "$SINK_BIN not found (build it: cargo build --release --manifest-path bench/smtp-sink/Cargo.toml --target-dir $TARGET)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/quorum
SINK_BIN=$(cd "$(dirname "$SINK_BIN")" && pwd)/quorum-smtp-sink

if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    dirty=$(git status --porcelain 2>/dev/null | cut -c4- | head -8 | paste -sd, - | sed 's/,/, /g')
    [[ -z $dirty ]] || rev+=" + uncommitted ($dirty)"
else
    rev="unknown revision"
fi

# --- 2. PostgreSQL ---------------------------------------------------------------------
# pg_available: true when the server answers; starts the local cluster once if it does not.
pg_available() {
    if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1; then
        return 0
    fi
    if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql ]]; then
        local v
        v=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -1)
        if [[ -n $v ]]; then
            log "PostgreSQL does not answer; starting cluster $v main"
            if pg_ctlcluster --skip-systemctl-redirect "$v" main start >&2; then
                PG_STARTED="$v main"
                local i
                for ((i = 0; i < 30; i++)); do
                    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 1 >/dev/null 2>&1 && return 0
                    sleep 1
                done
            fi
        fi
    fi
    return 1
}

# postmaster_pid: the PID of the PostgreSQL server process (its children are its backends).
postmaster_pid() {
    local dir
    dir=$(psql_pg -d postgres -tAc 'SHOW data_directory' 2>/dev/null || true)
    [[ -n $dir && -r $dir/postmaster.pid ]] && head -1 "$dir/postmaster.pid"
    return 0
}

# --- 3. per-backend run ----------------------------------------------------------------
declare -A PAGE_DIFF RPS P50 P99 ERR CHECK OK_CASE FOREIGN HWM NOTES_B SKIPPED FLOW_REQ_RPS LOGSUM HWM_STEPS WAITED MAIL_OK MAIL_SUM MAIL_WINDOW
WARNINGS=()
REPORT_LINES=()
CASES=(page page_ar feed200 feed304 api flow mail)
FOREIGN_LIMIT=$(awk -v d="$DURATION_S" -v n="$(nproc)" 'BEGIN {printf "%.1f", d * n * 0.05}')

case_label() {
    case $1 in
        page) echo "meeting page (en)" ;;
        page_ar) echo "meeting page (ar)" ;;
        feed200) echo "feed 200" ;;
        feed304) echo "feed 304" ;;
        api) echo "API registrations" ;;
        flow) echo "browser flows" ;;
        mail) echo "mail burst (SMTP)" ;;
    esac
}

ms_of() { wrk_ms "$1"; }

# pct_diff A B: B's difference from A in per cent, signed ("+3.1 %", "-8.0 %"), or "?".
pct_diff() {
    awk -v a="$1" -v b="$2" 'BEGIN {if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && a > 0) printf "%+.1f %%", (b - a) * 100 / a; else print "?"}'
}

# db_count BACKEND SQL: one number from the backend's database, or "?".
db_count() {
    local n
    case $1 in
        sqlite) n=$(timeout 60 sqlite3 -cmd '.timeout 10000' "$DB_FILE" "$2" 2>/dev/null || true) ;;
        postgres) n=$(psql_pg -d "$PG_DB" -tAc "$2" 2>/dev/null || true) ;;
    esac
    if [[ $n =~ ^[0-9]+$ ]]; then echo "$n"; else echo "?"; fi
}

# sink_stat KEY: one counter of the SMTP sink's /stats (bench/smtp-sink), or "?".
sink_stat() {
    local v
    v=$(curl -sS --max-time 5 "$SINK_CTL/stats" 2>/dev/null | jq -r ".$1" 2>/dev/null || true)
    if [[ $v =~ ^[0-9]+$ ]]; then echo "$v"; else echo "?"; fi
}

# Mail that is sent at its time, not now: each meeting's reminders and minutes-due rows wait
# in the outbox until their meeting nears or ends (days after the run), so the checks below
# count only the mail that is due.
DUE_MAIL="kind NOT IN ('reminders_due', 'minutes_due')"

# wait_outbox_drain BACKEND SECONDS: waits until no mail is pending; prints the pending count.
wait_outbox_drain() {
    local pending start=$SECONDS
    while :; do
        pending=$(db_count "$1" "SELECT count(*) FROM outbox WHERE status = 'pending' AND $DUE_MAIL")
        [[ $pending == 0 ]] && break
        ((SECONDS - start < $2)) || break
        sleep 0.5
    done
    echo "$pending"
}

# wrk_run KEY OUT SCRIPT URL [HEADER...]: one measured wrk run (SCRIPT may be empty), after
# waiting for a quiet machine; records req/s, p50, p99, socket/status errors, foreign CPU.
wrk_run() {
    local key=$1 out=$2 script=$3 url=$4
    shift 4
    local waited=$SECONDS
    if ((QUIET_WAIT > 0)) && ! wait_quiet "$QUIET_WAIT"; then
        log "the machine is still busy after waiting ${QUIET_WAIT}s; measuring anyway"
        WARNINGS+=("$key: the machine was still busy after waiting ${QUIET_WAIT}s before the run")
    fi
    WAITED[${key%%.*}]+="${WAITED[${key%%.*}]:+, }${key#*.} $((SECONDS - waited)) s"
    log "wrk $key ($DURATION, $THREADS threads, $CONNECTIONS connections)"
    # The sink's count as the window opens and as it closes (mail delivered meanwhile).
    sink_stat messages >"$TMP/mail-$key.start"
    (sleep "$DURATION_S" && sink_stat messages >"$TMP/mail-$key.end") &
    local sampler=$!
    cpu_snapshot >"$TMP/cpu-before"
    if [[ -n $script ]]; then
        run_wrk_lua "$out" "$script" "$url" "$@"
    else
        run_wrk "$out" "$url" "$@"
    fi
    cpu_snapshot >"$TMP/cpu-after"
    wait "$sampler" 2>/dev/null || true
    MAIL_WINDOW[$key]=$(awk -v a="$(cat "$TMP/mail-$key.start")" -v b="$(cat "$TMP/mail-$key.end" 2>/dev/null)" -v d="$DURATION_S" \
        'BEGIN {if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) printf "%.0f", (b - a) / d; else print "?"}')
    local foreign secs
    foreign=$(foreign_cpu "$TMP/cpu-before" "$TMP/cpu-after" "$QUORUM_PID" "$SINK_PID" ${PG_POSTMASTER:+"$PG_POSTMASTER"})
    secs=${foreign%% *}
    FOREIGN[$key]=$secs
    if awk -v f="$secs" -v lim="$FOREIGN_LIMIT" 'BEGIN {exit !(f > lim)}'; then
        WARNINGS+=("$key: other processes used $secs CPU-seconds during the run (${foreign#* }); numbers are unreliable")
        log "WARNING: other processes used $secs CPU-seconds during the run (${foreign#* })"
    fi
    RPS[$key]=$(wrk_field "$out" rps)
    P50[$key]=$(wrk_percentile "$out" 50)
    P99[$key]=$(wrk_percentile "$out" 99)
    SOCKET_ERRORS=$(wrk_field "$out" socket)
    NON2XX=$(wrk_field "$out" non2xx)
    if ! kill -0 "$QUORUM_PID" 2>/dev/null; then
        WARNINGS+=("$key: quorum exited during the run")
    fi
    local hwm
    hwm=$(proc_kib "$QUORUM_PID" VmHWM)
    HWM_STEPS[${key%%.*}]+="${HWM_STEPS[${key%%.*}]:+, }${key#*.} $(if [[ -n $hwm ]]; then mib "$hwm"; else echo "?"; fi)"
}

run_backend() {
    local backend=$1 dir=$TMP/$1
    mkdir -p "$dir/mail" "$dir/seed" "$dir/wrk"
    PG_POSTMASTER=""
    local db_url
    case $backend in
        sqlite)
            DB_FILE=$dir/quorum.db
            db_url="sqlite://$DB_FILE"
            ;;
        postgres)
            if ! pg_available; then
                SKIPPED[$backend]="PostgreSQL is not reachable on $PG_HOST:$PG_PORT"
                log "${SKIPPED[$backend]}: skipping"
                return 0
            fi
            PG_DB=quorum_load_$RUN_TAG
            if ! timeout 60 createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$PG_DB" >&2; then
                SKIPPED[$backend]="createdb $PG_DB failed on $PG_HOST:$PG_PORT"
                PG_DB=""
                log "${SKIPPED[$backend]}: skipping"
                return 0
            fi
            PG_POSTMASTER=$(postmaster_pid)
            # Loopback: no TLS (libpq's default "prefer" would encrypt every round trip to a
            # server on the same machine; measured, that cost about a fifth of the rate).
            db_url="postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB?sslmode=$PG_SSLMODE"
            ;;
    esac
    local port q smtp_port ctl_port
    port=$(free_port 18381)
    q="http://127.0.0.1:$port"
    smtp_port=$(free_port 12525 "$port")
    ctl_port=$(free_port $((smtp_port + 1)) "$port")
    log "[$backend] starting the SMTP sink on 127.0.0.1:$smtp_port"
    "$SINK_BIN" --smtp "127.0.0.1:$smtp_port" --http "127.0.0.1:$ctl_port" \
        >"$dir/sink.stdout" 2>"$dir/sink.stderr" &
    SINK_PID=$!
    SINK_CTL="http://127.0.0.1:$ctl_port"
    wait_http "$SINK_CTL/stats" 20 "$SINK_PID" || die "[$backend] the SMTP sink did not start: $(tail -3 "$dir/sink.stderr")"
    local envs=(DATABASE_URL="$db_url" QUORUM_BIND="127.0.0.1:$port" QUORUM_MAIL_DIR="$dir/mail"
        QUORUM_SMTP_URL="smtp://127.0.0.1:$smtp_port" QUORUM_RATE_LIMIT=0 RUST_LOG=warn
        ${SMTP_CONNECTIONS:+QUORUM_SMTP_CONNECTIONS=$SMTP_CONNECTIONS})

    log "[$backend] creating staff account and API token"
    # Run from $dir so no .env or ./mail of the work tree is picked up.
    echo 'load benchmark password' | (cd "$dir" && env "${envs[@]}" "$BIN" staff add \
        --email bench@example.org --name Bench --role admin) >"$dir/cli.out" 2>&1 ||
        die "[$backend] quorum staff add failed: $(tail -3 "$dir/cli.out")"
    local token
    token=$( (cd "$dir" && env "${envs[@]}" "$BIN" token create --email bench@example.org --name load) 2>>"$dir/cli.out" | tail -1)
    [[ -n $token ]] || die "[$backend] quorum token create printed no token"

    log "[$backend] starting quorum on $q"
    (cd "$dir" && exec env "${envs[@]}" "$BIN" serve >"$dir/quorum.stdout" 2>"$dir/quorum.stderr") &
    QUORUM_PID=$!
    if ! wait_http "$q/healthz" 60 "$QUORUM_PID"; then
        tail -20 "$dir/quorum.stderr" >&2 || true
        die "[$backend] quorum did not become healthy on $q"
    fi

    # Seed: one group, MEETINGS online meetings, one curl on one keep-alive connection.
    local auth="Authorization: Bearer $token" code
    code=$(curl -sS --max-time 10 -o "$dir/seed/group.json" -w '%{http_code}' \
        -H "$auth" -H 'Content-Type: application/json' \
        --data-binary '{"slug":"load","name":"Load Test Review Team","contact_email":"load@example.org"}' \
        "$q/api/v1/groups")
    [[ $code == 201 ]] || die "[$backend] POST /api/v1/groups answered $code: $(head -c 300 "$dir/seed/group.json")"
    local i n day tz today cfg=$dir/seed/curl.cfg
    today=$(date -u +%F)
    : >"$cfg"
    for ((i = 0; i < MEETINGS; i++)); do
        n=$((i + 1))
        day=$(date -u -d "$today + $((7 + i * 180 / MEETINGS)) days" +%F)
        if ((i % 2 == 0)); then tz=UTC; else tz=Europe/Madrid; fi
        printf '{"group":"load","title":"Load test call #%d","description":"Weekly call: action items and draft report.","format":"online","timezone":"%s","starts_at":"%sT14:00","ends_at":"%sT15:00","online_url":"https://meet.example.org/load-%d","remote_capacity":null,"status":"published","verify_email":false}\n' \
            "$n" "$tz" "$day" "$day" "$n" >"$dir/seed/$n.json"
        ((i == 0)) || echo next >>"$cfg"
        cat >>"$cfg" <<EOF
url = "$q/api/v1/meetings"
header = "$auth"
header = "Content-Type: application/json"
data-binary = "@$dir/seed/$n.json"
output = "$dir/seed/$n.out"
write-out = "$n %{http_code}\\n"
max-time = 30
EOF
    done
    log "[$backend] seeding $MEETINGS meetings through POST /api/v1/meetings (one client)"
    local seed_start=$SECONDS
    timeout $((MEETINGS + 120)) curl -sS --config "$cfg" >"$dir/seed/codes.txt" 2>"$dir/seed/curl.err" || true
    local created bad
    created=$(awk '$2 == 201' "$dir/seed/codes.txt" | wc -l)
    bad=$(awk '$2 != 201 {print $1; exit}' "$dir/seed/codes.txt")
    if [[ -n $bad ]]; then
        WARNINGS+=("$backend seeding: $((MEETINGS - created)) of $MEETINGS POST /api/v1/meetings did not answer 201 ($(awk '$2 != 201 {print $2}' "$dir/seed/codes.txt" | sort | uniq -c | awk '{printf "%s%s×%s", s, $2, $1; s=", "}')); first: $(head -c 300 "$dir/seed/$bad.out")")
    fi
    ((created > 0)) || die "[$backend] no meeting could be created: $(head -c 300 "$dir/seed/1.out" 2>/dev/null)"
    awk '$2 == 201 {print $1}' "$dir/seed/codes.txt" | while read -r n; do
        jq -r '.id' "$dir/seed/$n.out"
    done >"$dir/ids.txt"
    log "[$backend] created $created meetings in $((SECONDS - seed_start)) s"
    local hwm0
    hwm0=$(proc_kib "$QUORUM_PID" VmHWM)
    HWM_STEPS[$backend]="seeded $(if [[ -n $hwm0 ]]; then mib "$hwm0"; else echo "?"; fi)"
    local first_id open
    first_id=$(head -1 "$dir/ids.txt")
    open=$(jq -r '.registration_open' "$dir/seed/1.out" 2>/dev/null || echo "?")
    [[ $open == true ]] || WARNINGS+=("$backend: meeting $first_id has registration_open=$open")

    export QUORUM_BENCH_IDS=$dir/ids.txt QUORUM_BENCH_RUN=$RUN_TAG$backend
    local key out

    # page (en), page_ar: the same pages in English and in Arabic (right to left), one run
    # after the other, chosen by Accept-Language as a browser's first visit does; sanity
    # check first (200, cookie, form, <html lang dir>).
    local lang want
    for key in "$backend.page" "$backend.page_ar"; do
        lang=en want='lang="en" dir="ltr"'
        [[ $key == *_ar ]] && lang=ar want='lang="ar" dir="rtl"'
        out=$dir/wrk/page-$lang.txt
        code=$(curl -sS --max-time 10 -H "Accept-Language: $lang" -D "$dir/page-$lang.h" -o "$dir/page-$lang.html" \
            -w '%{http_code}' "$q/meetings/$first_id" || echo 000)
        CHECK[$key]="200, $(human_size "$(stat -c %s "$dir/page-$lang.html")"), $lang"
        OK_CASE[$key]=1
        if [[ $code != 200 ]] || ! grep -q 'name="csrf_token"' "$dir/page-$lang.html" ||
            ! grep -qF "<html $want>" "$dir/page-$lang.html" ||
            [[ $(header_value "$dir/page-$lang.h" Set-Cookie) != quorum_csrf=* ]]; then
            CHECK[$key]="⚠ answered $code$(grep -q 'name="csrf_token"' "$dir/page-$lang.html" || echo ', no form')$(grep -qF "<html $want>" "$dir/page-$lang.html" || echo ", not <html $want>")"
            OK_CASE[$key]=0
        fi
        wrk_run "$key" "$out" "$LUA/meeting_page.lua" "$q/" "Accept-Language: $lang"
        ERR[$key]=$((NON2XX + SOCKET_ERRORS))
    done
    PAGE_DIFF[$backend]=$(pct_diff "${RPS[$backend.page]}" "${RPS[$backend.page_ar]}")
    CHECK[$backend.page_ar]+="; req/s ${PAGE_DIFF[$backend]} against en, p99 $(pct_diff "$(ms_of "${P99[$backend.page]}")" "$(ms_of "${P99[$backend.page_ar]}")")"

    # feeds
    key=$backend.feed200
    out=$dir/wrk/feed200.txt
    code=$(curl -sS --max-time 30 -D "$dir/feed.h" -o "$dir/feed.ics" -w '%{http_code}' "$q/calendar.ics" || echo 000)
    local etag events
    etag=$(header_value "$dir/feed.h" ETag)
    events=$(grep -c '^BEGIN:VEVENT' "$dir/feed.ics" || true)
    CHECK[$key]="200, $(human_size "$(stat -c %s "$dir/feed.ics")"), $events events"
    OK_CASE[$key]=1
    if [[ $code != 200 ]]; then
        CHECK[$key]="⚠ answered $code"
        OK_CASE[$key]=0
    fi
    wrk_run "$key" "$out" "" "$q/calendar.ics"
    ERR[$key]=$((NON2XX + SOCKET_ERRORS))

    key=$backend.feed304
    out=$dir/wrk/feed304.txt
    [[ -n $etag ]] || etag='"none"'
    code=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$q/calendar.ics" || echo 000)
    CHECK[$key]="304"
    OK_CASE[$key]=1
    if [[ $code != 304 ]]; then
        CHECK[$key]="⚠ answered $code to If-None-Match: $etag"
        OK_CASE[$key]=0
    fi
    wrk_run "$key" "$out" "" "$q/calendar.ics" "If-None-Match: $etag"
    ERR[$key]=$((NON2XX + SOCKET_ERRORS))

    # API registrations: 201s counted in Lua = rows added.
    key=$backend.api
    out=$dir/wrk/api.txt
    local before after created201 other sent answered
    before=$(db_count "$backend" 'SELECT count(*) FROM registrations')
    export QUORUM_BENCH_RESULT=$dir/wrk/api.lua.txt QUORUM_BENCH_SEND_S=$DURATION_S
    DURATION="$((DURATION_S + DRAIN_S))s" WRK_TIMEOUT=$WRITE_TIMEOUT \
        wrk_run "$key" "$out" "$LUA/api_register.lua" "$q/"
    after=$(db_count "$backend" 'SELECT count(*) FROM registrations')
    created201=$(lua_sum "$QUORUM_BENCH_RESULT" created)
    other=$(lua_sum "$QUORUM_BENCH_RESULT" other)
    sent=$(lua_sum "$QUORUM_BENCH_RESULT" sent)
    answered=$(lua_sum "$QUORUM_BENCH_RESULT" answered)
    RPS[$key]=$(awk -v n="$(lua_sum "$QUORUM_BENCH_RESULT" window)" -v d="$DURATION_S" 'BEGIN {printf "%.0f", n / d}')
    ERR[$key]=$((other + SOCKET_ERRORS))
    if [[ $before =~ ^[0-9]+$ && $after =~ ^[0-9]+$ && $((after - before)) -eq $created201 ]]; then
        CHECK[$key]="201s = rows ($created201)"
        OK_CASE[$key]=1
    else
        CHECK[$key]="⚠ 201s $created201 ≠ rows added $(if [[ $before =~ ^[0-9]+$ && $after =~ ^[0-9]+$ ]]; then echo $((after - before)); else echo "?"; fi)"
        OK_CASE[$key]=0
    fi
    if ((answered != sent)); then
        CHECK[$key]+="; ⚠ $((sent - answered)) requests unanswered when wrk stopped"
        OK_CASE[$key]=0
    fi
    NOTES_B[$key]="API: $sent requests sent, $answered answered ($(lua_statuses "$QUORUM_BENCH_RESULT")), socket errors $SOCKET_ERRORS; latency p90 $(wrk_percentile "$out" 90), max $(wrk_max "$out"); rate over the ${DURATION_S}s window; mail delivered to the SMTP sink meanwhile: ${MAIL_WINDOW[$key]}/s, $(db_count "$backend" "SELECT count(*) FROM outbox WHERE status = 'pending' AND $DUE_MAIL") messages still queued when wrk stopped"
    CHECK[$key]+="; mail ${MAIL_WINDOW[$key]}/s"
    if [[ -s $QUORUM_BENCH_RESULT ]] && grep -q '^sample ' "$QUORUM_BENCH_RESULT"; then
        NOTES_B[$key]+="; first unexpected answer: $(grep -m1 '^sample ' "$QUORUM_BENCH_RESULT" | cut -d' ' -f3- | cut -c1-300)"
    fi

    # Browser flows: completed flows counted in Lua.
    key=$backend.flow
    out=$dir/wrk/flow.txt
    export QUORUM_BENCH_RESULT=$dir/wrk/flow.lua.txt
    before=$(db_count "$backend" 'SELECT count(*) FROM registrations')
    THREADS=$FLOW_THREADS DURATION="$((DURATION_S + DRAIN_S))s" WRK_TIMEOUT=$WRITE_TIMEOUT \
        wrk_run "$key" "$out" "$LUA/browser_flow.lua" "$q/"
    after=$(db_count "$backend" 'SELECT count(*) FROM registrations')
    local flows failed posts_ok own started
    flows=$(lua_sum "$QUORUM_BENCH_RESULT" flows)
    posts_ok=$(lua_sum "$QUORUM_BENCH_RESULT" post_ok)
    own=$(lua_sum "$QUORUM_BENCH_RESULT" cookie_own)
    started=$(lua_sum "$QUORUM_BENCH_RESULT" started)
    failed=0
    local f
    for f in page_failed post_failed manage_failed unattributed_failed; do
        failed=$((failed + $(lua_sum "$QUORUM_BENCH_RESULT" "$f")))
    done
    FLOW_REQ_RPS[$backend]=$(awk -v n="$(lua_sum "$QUORUM_BENCH_RESULT" steps_window)" -v d="$DURATION_S" 'BEGIN {printf "%.0f", n / d}')
    RPS[$key]=$(awk -v n="$(lua_sum "$QUORUM_BENCH_RESULT" window)" -v d="$DURATION_S" 'BEGIN {printf "%.0f", n / d}')
    ERR[$key]=$((failed + SOCKET_ERRORS))
    CHECK[$key]="$flows flows of 3 steps completed; mail ${MAIL_WINDOW[$key]}/s"
    OK_CASE[$key]=1
    if [[ $before =~ ^[0-9]+$ && $after =~ ^[0-9]+$ && $((after - before)) -eq $posts_ok ]]; then
        CHECK[$key]+="; 303s = rows ($posts_ok)"
    else
        CHECK[$key]+="; ⚠ 303s $posts_ok ≠ rows added $(if [[ $before =~ ^[0-9]+$ && $after =~ ^[0-9]+$ ]]; then echo $((after - before)); else echo "?"; fi)"
        OK_CASE[$key]=0
    fi
    NOTES_B[$key]="flows: ${FLOW_REQ_RPS[$backend]} req/s; $started started, $(lua_sum "$QUORUM_BENCH_RESULT" page_ok) pages, $posts_ok posts and $flows manage pages answered as expected ($((started - flows)) flows not completed); latency p90 $(wrk_percentile "$out" 90), max $(wrk_max "$out"); failed steps: page $(lua_sum "$QUORUM_BENCH_RESULT" page_failed), post $(lua_sum "$QUORUM_BENCH_RESULT" post_failed), manage $(lua_sum "$QUORUM_BENCH_RESULT" manage_failed), unattributed $(lua_sum "$QUORUM_BENCH_RESULT" unattributed_failed); socket errors $SOCKET_ERRORS; answers $(lua_statuses "$QUORUM_BENCH_RESULT"); step 3 carried the flow's own cookie in $own of $flows (wrk -t$FLOW_THREADS -c$CONNECTIONS); rates over the ${DURATION_S}s window"
    if grep -q '^sample ' "$QUORUM_BENCH_RESULT" 2>/dev/null; then
        NOTES_B[$key]+="; first unexpected answer: $(grep -m1 '^sample ' "$QUORUM_BENCH_RESULT" | cut -d' ' -f3- | cut -c1-300)"
    fi

    # Mail burst: BURST confirmed observers of one more meeting (registered with the staff
    # token, so confirmed at once), then one PATCH of its title queues BURST updated invites.
    key=$backend.mail
    local pending drain_start=$SECONDS received
    received=$(sink_stat messages)
    pending=$(wait_outbox_drain "$backend" "$MAIL_DRAIN_S")
    log "[$backend] outbox drained in $((SECONDS - drain_start)) s after the flows ($pending pending)"
    if ((BURST > 0)); then
        burst_case "$backend" "$dir" "$q" "$auth"
    fi

    # Mail: every queued message delivered, once (no Message-ID twice at the sink, and as
    # many messages there as outbox rows).
    local all got dups uniq failed
    drain_start=$SECONDS
    pending=$(wait_outbox_drain "$backend" "$MAIL_DRAIN_S")
    all=$(db_count "$backend" "SELECT count(*) FROM outbox WHERE $DUE_MAIL")
    failed=$(db_count "$backend" "SELECT count(*) FROM outbox WHERE status = 'failed'")
    # A message is marked sent after the sink answered: give the last answers a moment.
    sleep 1
    got=$(sink_stat messages)
    dups=$(sink_stat duplicates)
    uniq=$(sink_stat unique_message_ids)
    MAIL_OK[$backend]=0
    if [[ $pending == 0 && $all =~ ^[0-9]+$ && $got == "$all" && $uniq == "$all" && $dups == 0 ]] &&
        [[ $(db_count "$backend" "SELECT count(*) FROM outbox WHERE status <> 'sent' AND $DUE_MAIL") == 0 ]]; then
        MAIL_OK[$backend]=1
    fi
    MAIL_SUM[$backend]="$got messages at the SMTP sink ($uniq distinct Message-IDs, $dups repeated) for $all outbox rows, $pending pending, $failed failed; $received had arrived when the flows ended"
    log "[$backend] mail: ${MAIL_SUM[$backend]}"

    # Memory, log.
    HWM[$backend]=$(proc_kib "$QUORUM_PID" VmHWM)
    local rss threads
    rss=$(proc_kib "$QUORUM_PID" VmRSS)
    threads=$(awk '$1 == "Threads:" {print $2}' "/proc/$QUORUM_PID/status" 2>/dev/null || true)
    local total_rows
    total_rows=$(db_count "$backend" 'SELECT count(*) FROM registrations')
    REPORT_LINES+=("$backend: peak RSS (VmHWM) $(if [[ -n ${HWM[$backend]} ]]; then mib "${HWM[$backend]}"; else echo "?"; fi) MiB, RSS at end $(if [[ -n $rss ]]; then mib "$rss"; else echo "?"; fi) MiB, ${threads:-?} threads at end; $created meetings seeded; $total_rows registrations in the database; sessions opened by Quorum at the SMTP sink: $(sink_stat sessions) (at most $(sink_stat max_open_sessions) at once)")
    stop_process "$QUORUM_PID"
    QUORUM_PID=""
    stop_process "$SINK_PID"
    SINK_PID=""
    summarise_log "$backend" "$dir/quorum.stderr"
    if [[ -n $PG_DB ]]; then
        psql_pg -d postgres -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 ||
            log "could not drop database $PG_DB"
        PG_DB=""
    fi
}

# burst_case BACKEND DIR URL AUTH: the mail burst (see the header). Sets the "mail" row.
burst_case() {
    local backend=$1 dir=$2 q=$3 auth=$4 key=$1.mail day code id i cfg=$2/seed/burst.cfg
    day=$(date -u -d "+30 days" +%F)
    id=$(curl -sS --max-time 10 -H "$auth" -H 'Content-Type: application/json' --data-binary \
        '{"group":"load","title":"Burst meeting","format":"online","timezone":"UTC","starts_at":"'"$day"'T14:00","ends_at":"'"$day"'T15:00","online_url":"https://meet.example.org/burst","remote_capacity":null,"status":"published"}' \
        "$q/api/v1/meetings" | jq -r '.id // empty' 2>/dev/null || true)
    OK_CASE[$key]=0
    if [[ ! $id =~ ^[0-9]+$ ]]; then
        CHECK[$key]="⚠ the burst meeting could not be created"
        return 0
    fi
    : >"$cfg"
    for ((i = 1; i <= BURST; i++)); do
        ((i == 1)) || echo next >>"$cfg"
        printf 'url = "%s/api/v1/meetings/%s/registrations"\nheader = "%s"\nheader = "Content-Type: application/json"\ndata = "{\\"name\\":\\"Burst %d\\",\\"email\\":\\"burst-%s-%d@example.org\\",\\"attendance\\":\\"remote\\"}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nmax-time = 30\n' \
            "$q" "$id" "$auth" "$i" "$RUN_TAG" "$i" >>"$cfg"
    done
    log "[$backend] burst: registering $BURST observers for meeting $id (curl, 8 in parallel)"
    timeout 900 curl -sS --parallel --parallel-max 8 --config "$cfg" >"$dir/seed/burst.codes" 2>"$dir/seed/burst.err" || true
    local confirmed pending before t0 t1 t2 got deadline
    confirmed=$(grep -c '^201$' "$dir/seed/burst.codes" || true)
    pending=$(wait_outbox_drain "$backend" "$MAIL_DRAIN_S")
    before=$(sink_stat messages)
    log "[$backend] burst: $confirmed registered, their mail delivered ($pending pending); PATCH of the title"
    t0=$(date +%s%3N)
    code=$(curl -sS --max-time 600 -o "$dir/seed/burst.patch" -w '%{http_code}' -X PATCH -H "$auth" \
        -H 'Content-Type: application/json' --data-binary '{"title":"Burst meeting (moved)"}' "$q/api/v1/meetings/$id")
    t1=$(date +%s%3N)
    deadline=$((SECONDS + MAIL_DRAIN_S))
    while :; do
        got=$(sink_stat messages)
        [[ $got =~ ^[0-9]+$ && $before =~ ^[0-9]+$ ]] && ((got - before >= confirmed)) && break
        ((SECONDS < deadline)) || break
        sleep 0.2
    done
    t2=$(sink_stat last_ms)
    local delivered=$((got - before))
    RPS[$key]=$(awk -v n="$delivered" -v a="$t0" -v b="$t2" 'BEGIN {if (b > a) printf "%.0f", n * 1000 / (b - a); else print "-"}')
    local sending
    sending=$(awk -v n="$delivered" -v a="$t1" -v b="$t2" 'BEGIN {if (b > a) printf "%.0f", n * 1000 / (b - a); else print "-"}')
    P50[$key]="-"
    P99[$key]="-"
    ERR[$key]=$((BURST - confirmed))
    CHECK[$key]="$delivered of $confirmed updates delivered, $((t2 - t0)) ms after the PATCH was sent"
    [[ $code == 200 && $delivered -ge $confirmed && $confirmed -gt 0 ]] && OK_CASE[$key]=1
    [[ $code == 200 ]] || CHECK[$key]="⚠ PATCH answered $code; ${CHECK[$key]}"
    NOTES_B[$key]="mail burst: $confirmed observers (of $BURST registered), the PATCH queuing their updates answered $code in $((t1 - t0)) ms; messages per second end to end (from the PATCH request to the last message at the sink) ${RPS[$key]}, sending only (from the PATCH answer) $sending"
    local hwm
    hwm=$(proc_kib "$QUORUM_PID" VmHWM)
    HWM_STEPS[$backend]+=", mail $(if [[ -n $hwm ]]; then mib "$hwm"; else echo "?"; fi)"
}

# summarise_log BACKEND FILE: counts of WARN / ERROR / panic lines on Quorum's stderr and
# the most frequent messages (timestamps and numbers blanked so repeats group together).
summarise_log() {
    local backend=$1 file=$2 plain lines warn errs panics
    plain=$file.plain
    sed 's/\x1b\[[0-9;]*m//g' "$file" >"$plain" 2>/dev/null || : >"$plain"
    lines=$(wc -l <"$plain")
    warn=$(grep -cE '(^| )WARN( |$)' "$plain" || true)
    errs=$(grep -cE '(^| )ERROR( |$)' "$plain" || true)
    panics=$(grep -c 'panicked' "$plain" || true)
    LOGSUM[$backend]="$lines lines on stderr: $warn WARN, $errs ERROR, $panics panics"
    if ((warn + errs + panics > 0)); then
        LOGSUM[$backend]+="; most frequent: $(grep -E '(^| )(WARN|ERROR)( |$)|panicked' "$plain" |
            sed -E 's/^[0-9TZ:.+-]+ +//; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -3 |
            sed -E 's/^ +//' | cut -c1-220 | paste -sd '|' - | sed 's/|/ | /g')"
    fi
}

for b in $BACKENDS; do
    run_backend "$b"
done

# --- 4. report -------------------------------------------------------------------------
le_ms() { # VALUE LIMIT_MS
    local v
    v=$(ms_of "$1")
    [[ $v != - ]] && awk -v a="$v" -v b="$2" 'BEGIN {exit !(a <= b)}'
}
ge() { # VALUE MIN
    [[ $1 =~ ^[0-9.]+$ ]] && awk -v a="$1" -v b="$2" 'BEGIN {exit !(a >= b)}'
}
pass() { if [[ $1 == 1 ]]; then echo PASS; else echo MISS; fi; }

echo
echo "## Quorum load benchmark"
echo
echo "| backend | case | req/s (or flows/s) | p50 | p99 | errors | check |"
echo "|---|---|---|---|---|---|---|"
for b in $BACKENDS; do
    if [[ -n ${SKIPPED[$b]:-} ]]; then
        echo "| $b | — | skipped: ${SKIPPED[$b]} |  |  |  |  |"
        continue
    fi
    for c in "${CASES[@]}"; do
        k=$b.$c
        rate=${RPS[$k]:-"-"}
        [[ $c == flow ]] && rate="$rate flows/s"
        [[ $c == mail ]] && rate="$rate msgs/s"
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$b" "$(case_label "$c")" "$rate" \
            "${P50[$k]:-"-"}" "${P99[$k]:-"-"}" "${ERR[$k]:-"-"}" "${CHECK[$k]:-}"
    done
done
echo
for line in "${REPORT_LINES[@]}"; do
    echo "- $line"
done
echo
echo "Goals:"
for b in $BACKENDS; do
    [[ -n ${SKIPPED[$b]:-} ]] && continue
    k=$b.api
    g=0
    if ge "${RPS[$k]}" 1000 && le_ms "${P99[$k]}" 50 && [[ ${ERR[$k]} == 0 && ${OK_CASE[$k]} == 1 ]]; then g=1; fi
    echo "- $(pass $g) $b: API registrations ≥ 1000/s with p99 ≤ 50 ms, 0 errors, every registration in the database (got ${RPS[$k]}/s, p99 ${P99[$k]}, ${ERR[$k]} errors, ${CHECK[$k]})"
    k=$b.flow
    g=0
    if ge "${RPS[$k]}" 300; then g=1; fi
    echo "- $(pass $g) $b: browser flows ≥ 300/s (got ${RPS[$k]}/s, ${ERR[$k]} failed steps or socket errors)"
    k=$b.page
    g=0
    if ge "${RPS[$k]}" 5000 && [[ ${OK_CASE[$k]} == 1 ]]; then g=1; fi
    echo "- $(pass $g) $b: meeting page ≥ 5000 req/s (got ${RPS[$k]})"
    g=0
    if [[ ${OK_CASE[$b.page_ar]:-0} == 1 ]] && ge "${RPS[$b.page_ar]}" 0 &&
        awk -v d="${PAGE_DIFF[$b]%% *}" 'BEGIN {exit !(d ~ /^[-+]?[0-9.]+$/ && d >= -10)}'; then
        g=1
    fi
    echo "- $(pass $g) $b: meeting page in Arabic (right to left) at most 10 % slower than in English (en ${RPS[$k]} req/s, p99 ${P99[$k]}; ar ${RPS[$b.page_ar]:-?} req/s, p99 ${P99[$b.page_ar]:-?}: ${PAGE_DIFF[$b]:-?}; a larger gain is noise of a busy machine: see the warnings)"
    g=0
    if [[ ${HWM[$b]:-} =~ ^[0-9]+$ ]] && ((${HWM[$b]} <= 100 * 1024)); then g=1; fi
    echo "- $(pass "${MAIL_OK[$b]:-0}") $b: every queued mail delivered exactly once (${MAIL_SUM[$b]:-?})"
    if ((BURST > 0)); then
        k=$b.mail
        g=0
        if [[ $b != sqlite ]] || { ge "${RPS[$k]:-}" 1000 && [[ ${OK_CASE[$k]:-0} == 1 ]]; }; then g=1; fi
        if [[ $b == sqlite ]]; then
            echo "- $(pass $g) $b: mail ≥ 1000 messages/s end to end through SMTP (got ${RPS[$k]:-?}/s; ${CHECK[$k]:-})"
        else
            echo "- $b: mail ${RPS[$k]:-?} messages/s end to end through SMTP (${CHECK[$k]:-}; the goal is set on SQLite)"
        fi
    fi
    echo "- $(pass $g) $b: peak memory ≤ 100 MiB (got $(if [[ -n ${HWM[$b]:-} ]]; then mib "${HWM[$b]}"; else echo "?"; fi) MiB)"
done
echo
echo "Details:"
for b in $BACKENDS; do
    [[ -n ${SKIPPED[$b]:-} ]] && continue
    echo "- $b ${NOTES_B[$b.api]}"
    echo "- $b ${NOTES_B[$b.flow]}"
    [[ -n ${NOTES_B[$b.mail]:-} ]] && echo "- $b ${NOTES_B[$b.mail]}"
    echo "- $b server log: ${LOGSUM[$b]}"
    echo "- $b VmHWM (MiB) after each step: ${HWM_STEPS[$b]}"
    line=""
    for c in "${CASES[@]}"; do
        [[ $c == mail ]] || line+="${line:+, }$c ${FOREIGN[$b.$c]:-?} s"
    done
    echo "- $b CPU used by other processes during each run (limit $FOREIGN_LIMIT s): $line; waited for an idle machine (Quorum's mail worker included) before each run: ${WAITED[$b]}"
done
echo "- load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (browser flows: -t$FLOW_THREADS; the two writing cases run ${DRAIN_S}s longer to drain, sending nothing new, with --timeout $WRITE_TIMEOUT), keep-alive, on the same machine as the server (and PostgreSQL)"
echo "- PostgreSQL: $(psql_pg -d postgres -tAc "SHOW server_version" 2>/dev/null | cut -d" " -f1 || echo "?") on $PG_HOST:$PG_PORT, sslmode=$PG_SSLMODE, synchronous_commit $(psql_pg -d postgres -tAc "SHOW synchronous_commit" 2>/dev/null || echo "?") (every acknowledged registration is flushed to disk)"
echo "- quorum: $rev, release build"
echo "- machine: $(machine_line)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
if ((${#WARNINGS[@]} > 0)); then
    echo
    echo "Warnings:"
    for w in "${WARNINGS[@]}"; do
        echo "- $w"
    done
fi

# The verified registration path (form POST, the link read back from the mail, confirm POST)
# beside the unverified one, with the same binary.
if [[ ${VERIFIED:-1} == 1 ]]; then
    echo
    log "bench/verified.sh (the verified registration path)"
    SKIP_BUILD=1 QUIET_WAIT=$QUIET_WAIT BACKENDS=$BACKENDS CARGO_TARGET_DIR=$TARGET \
        bash bench/verified.sh || echo "- warning: bench/verified.sh failed (see above)"
fi
