#!/usr/bin/env bash
# Reminders at scale: REMINDERS reminders due in the same minute, all handed to a real SMTP
# server on loopback (bench/smtp-sink) within 60 s, each once; on SQLite and PostgreSQL.
#
#   bash bench/reminders.sh        # from anywhere; prints a Markdown table
#
# Builds the release binary and the SMTP sink, then for each backend: a fresh database, the
# sink, and `quorum serve` with QUORUM_TEST_CLOCK_FILE (the clock the tests move). Seeds
# MEETINGS online meetings that all start at the same minute two days ahead with
# `reminders: [1440]`, and REMINDERS registrations spread over them through the JSON API
# (a few threads of keep-alive clients), waits until every confirmation has reached the
# sink, then moves the clock to 30 s after the reminders' due time and measures until the
# sink has received every reminder. The sink counts repeated Message-IDs.
#
# Environment: REMINDERS (10000), MEETINGS (20), BACKENDS ("sqlite postgres"),
# SKIP_BUILD=1 (use the built binaries), PGHOST_PORT (127.0.0.1:5432), LIMIT_S (60).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

REMINDERS=${REMINDERS:-10000}
MEETINGS=${MEETINGS:-20}
BACKENDS=${BACKENDS:-sqlite postgres}
LIMIT_S=${LIMIT_S:-60}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
[[ $REMINDERS =~ ^[0-9]+$ && $REMINDERS -gt 0 ]] || die "REMINDERS must be a positive number"
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -gt 0 ]] || die "MEETINGS must be a positive number"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-reminders.XXXXXX")
QUORUM_PID="" SINK_PID="" PG_DB=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_process "$QUORUM_PID"
    stop_process "$SINK_PID"
    if [[ -n $PG_DB ]]; then
        timeout 60 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
            -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [[ ${KEEP_TMP:-0} == 1 || $rc -ne 0 ]]; then log "temporary files kept in $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_commands curl:curl jq:jq python3:python3
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

# sink_stat KEY: one counter of the sink's /stats.
sink_stat() {
    curl -sS --max-time 5 "$SINK_CTL/stats" | jq -r ".$1"
}

# wait_sink N SECONDS: waits until the sink has N messages; prints the seconds it took.
wait_sink() {
    local want=$1 limit=$2 start now got
    start=$(date +%s.%N)
    while :; do
        got=$(sink_stat messages)
        now=$(date +%s.%N)
        if ((got >= want)); then
            python3 -c "print(f'{$now - $start:.1f}')"
            return 0
        fi
        if python3 -c "import sys; sys.exit(0 if $now - $start > $limit else 1)"; then
            echo "timeout ($got of $want)"
            return 1
        fi
        sleep 0.2
    done
}

# register URL MEETING_IDS N: N registrations through the API, spread over the meetings.
register() {
    python3 - "$@" <<'PY'
import http.client, json, sys, threading, urllib.parse
base, ids, n = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
u = urllib.parse.urlparse(base)
bad = []
def worker(k, threads=8):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for i in range(k, n, threads):
        body = json.dumps({"name": f"Observer {i}", "email": f"o{i}@example.org", "attendance": "remote"})
        c.request("POST", f"/api/v1/meetings/{ids[i % len(ids)]}/registrations", body,
                  {"Content-Type": "application/json"})
        r = c.getresponse(); r.read()
        if r.status != 201: bad.append(r.status)
ts = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
if bad: sys.exit(f"{len(bad)} registrations answered {sorted(set(bad))}")
PY
}

declare -A ROW
run_backend() {
    local backend=$1 dir=$TMP/$1 db_url
    mkdir -p "$dir"
    case $backend in
        sqlite) db_url="sqlite://$dir/quorum.db" ;;
        postgres)
            PG_DB=quorum_reminders_$$
            timeout 60 createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$PG_DB" >&2 ||
                { ROW[$backend]="| $backend | skipped: createdb failed | | | | |"; PG_DB=""; return 0; }
            db_url="postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB?sslmode=disable"
            ;;
    esac
    local port smtp_port ctl_port q
    port=$(free_port 18481)
    smtp_port=$(free_port 12625 "$port")
    ctl_port=$(free_port $((smtp_port + 1)) "$port")
    q="http://127.0.0.1:$port"
    "$SINK_BIN" --smtp "127.0.0.1:$smtp_port" --http "127.0.0.1:$ctl_port" >"$dir/sink.out" 2>"$dir/sink.err" &
    SINK_PID=$!
    SINK_CTL="http://127.0.0.1:$ctl_port"
    wait_http "$SINK_CTL/stats" 20 "$SINK_PID" || die "[$backend] the SMTP sink did not start"
    echo 0 >"$dir/clock"
    local envs=(DATABASE_URL="$db_url" QUORUM_BIND="127.0.0.1:$port" QUORUM_SMTP_URL="smtp://127.0.0.1:$smtp_port"
        QUORUM_RATE_LIMIT=0 RUST_LOG=warn QUORUM_TEST_CLOCK_FILE="$dir/clock")
    echo 'reminder benchmark password' | (cd "$dir" && env "${envs[@]}" "$BIN" staff add \
        --email bench@example.org --name Bench --role admin) >"$dir/cli.out" 2>&1 || die "[$backend] staff add failed"
    local token
    token=$( (cd "$dir" && env "${envs[@]}" "$BIN" token create --email bench@example.org --name rem) 2>>"$dir/cli.out" | tail -1)
    (cd "$dir" && exec env "${envs[@]}" "$BIN" serve >"$dir/quorum.out" 2>"$dir/quorum.err") &
    QUORUM_PID=$!
    wait_http "$q/healthz" 60 "$QUORUM_PID" || die "[$backend] quorum did not start"

    local auth="Authorization: Bearer $token" start ids="" i id
    curl -sS -f -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
        --data-binary '{"slug":"rem","name":"Reminder bench","contact_email":"chair@example.org"}' "$q/api/v1/groups"
    # All meetings start at the same minute, two days ahead (UTC, on the minute).
    start=$(date -u -d "@$(( ($(date +%s) / 60 + 2 * 1440) * 60 ))" +%FT%H:%M)
    local end
    end=$(date -u -d "${start/T/ } UTC + 1 hour" +%FT%H:%M)
    for ((i = 1; i <= MEETINGS; i++)); do
        id=$(curl -sS -f -H "$auth" -H 'Content-Type: application/json' --data-binary \
            "{\"group\":\"rem\",\"title\":\"Call $i\",\"format\":\"online\",\"timezone\":\"UTC\",\"starts_at\":\"$start\",\"ends_at\":\"$end\",\"online_url\":\"https://meet.example.org/$i\",\"status\":\"published\",\"verify_email\":false,\"reminders\":[1440]}" \
            "$q/api/v1/meetings" | jq -r .id)
        ids+=${ids:+,}$id
    done
    log "[$backend] $REMINDERS registrations over $MEETINGS meetings starting $start UTC"
    local t0=$SECONDS
    register "$q" "$ids" "$REMINDERS" || die "[$backend] registering failed"
    local seeded=$((SECONDS - t0))
    wait_sink "$REMINDERS" 600 >/dev/null || die "[$backend] the confirmations did not all arrive"
    local before
    before=$(sink_stat messages)
    # The clock to 30 s after the reminders' due time (start − 1440 min).
    local due offset
    due=$(date -u -d "${start/T/ } UTC - 1440 minutes" +%s)
    offset=$((due + 30 - $(date +%s)))
    log "[$backend] moving the clock by ${offset}s: reminders due"
    echo "$offset" >"$dir/clock"
    local took
    took=$(wait_sink $((before + REMINDERS)) "$LIMIT_S") || true
    sleep 2
    local got dups verdict
    got=$(( $(sink_stat messages) - before ))
    dups=$(sink_stat duplicates)
    verdict="✓"
    [[ $took =~ ^[0-9.]+$ && $got -eq $REMINDERS && $dups -eq 0 ]] || verdict="✗"
    ROW[$backend]="| $backend | $REMINDERS | $took s | $got | $dups | $verdict |"
    log "[$backend] seeding took ${seeded}s"
    stop_process "$QUORUM_PID"; QUORUM_PID=""
    stop_process "$SINK_PID"; SINK_PID=""
}

for backend in $BACKENDS; do
    run_backend "$backend"
done

echo
echo "Reminders due in one minute, delivered to an SMTP sink on loopback (goal: all within ${LIMIT_S} s, each once)"
echo
echo "| backend | reminders due | all delivered after | reminders received | repeated Message-IDs | goal |"
echo "|---|---|---|---|---|---|"
for backend in $BACKENDS; do
    echo "${ROW[$backend]:-| $backend | not run | | | | |}"
done
echo
machine_line
