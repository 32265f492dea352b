#!/usr/bin/env bash
# A/B of two Quorum builds on the browser registration flow, without the mail folder's
# file system in the way: for placing a difference between two commits (issue #10).
#
#   bash bench/flow-ab.sh OLD_BINARY NEW_BINARY      # prints a Markdown table
#
# For each round and build (alternating), starts `quorum serve` on a fresh database
# (BACKEND sqlite: a file under /tmp; postgres: a database created on PGHOST_PORT and
# dropped afterwards) with mail written as .eml files to a folder on tmpfs (/dev/shm), so
# that creating files costs neither build anything; seeds MEETINGS online meetings through
# the API (with `"verify_email":false` for builds that know the field: NEW_SEED_EXTRA) and
# runs bench/wrk/browser_flow.lua (page → form POST → manage page) with
# `wrk -t2 -c32 -d10s`, then waits until the outbox holds no mail that is due (every
# registration's confirmation written out). Reports requests per second inside the window,
# how long the mail took to drain after it, requests per second counted until the last
# mail was out (requests / (window + drain)), and Quorum's CPU time per request over the
# window and the drain (user + system, and each apart, from /proc). A build that answers
# faster by leaving its mail for later shows it in the drain; the CPU per request counts
# the mail too. Not part of CI.
#
# Environment: BACKEND (sqlite), ROUNDS (2), MEETINGS (20), DURATION (10s), LUA (the wrk
# script: bench/wrk/browser_flow.lua; bench/wrk/api_register.lua for API registrations),
# OLD_SEED_EXTRA (empty), NEW_SEED_EXTRA (,"verify_email":false), PGHOST_PORT (127.0.0.1:5432).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

(($# == 2)) || die "usage: bash bench/flow-ab.sh OLD_BINARY NEW_BINARY"
OLD=$(realpath "$1")
NEW=$(realpath "$2")
BACKEND=${BACKEND:-sqlite}
ROUNDS=${ROUNDS:-2}
MEETINGS=${MEETINGS:-20}
DURATION=${DURATION:-10s}
WINDOW_S=$(duration_seconds "$DURATION")
LUA=${LUA:-bench/wrk/browser_flow.lua}
OLD_SEED_EXTRA=${OLD_SEED_EXTRA:-}
NEW_SEED_EXTRA=${NEW_SEED_EXTRA:-,\"verify_email\":false}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
ensure_commands wrk:wrk curl:curl jq:jq
if [[ $BACKEND == postgres ]]; then
    ensure_commands createdb:postgresql-client dropdb:postgresql-client psql:postgresql-client
else
    ensure_commands sqlite3:sqlite3
fi

TMP=$(mktemp -d -p /dev/shm quorum-flow-ab.XXXXXX)
QUORUM_PID=""
PG_DB=""
cleanup() {
    [[ -n $QUORUM_PID ]] && stop_process "$QUORUM_PID"
    [[ -n $PG_DB ]] && dropdb -h "$PG_HOST" -p "$PG_PORT" -U postgres --force "$PG_DB" 2>/dev/null
    rm -rf "$TMP" "/tmp/quorum-flow-ab-$$"
}
trap cleanup EXIT

# due_mail DB_URL: how many outbox rows are pending and due within a minute (reminders
# queued for later are not).
due_mail() {
    local sql="SELECT count(*) FROM outbox WHERE status = 'pending' AND next_attempt_at <="
    case $BACKEND in
        sqlite) sqlite3 -cmd '.timeout 10000' "${1#sqlite://}" "$sql datetime('now', '+1 minute');" ;;
        postgres) psql -qtAX "$1" -c "$sql (now() AT TIME ZONE 'utc') + interval '1 minute';" ;;
    esac
}

# run_one BINARY SEED_EXTRA: prints "req/s drain_seconds user_ticks system_ticks requests".
run_one() {
    local bin=$1 extra=$2 dir port db_url token day i
    dir=$(mktemp -d -p "$TMP")
    port=$(free_port 18600)
    case $BACKEND in
        sqlite)
            mkdir -p "/tmp/quorum-flow-ab-$$"
            db_url="sqlite:///tmp/quorum-flow-ab-$$/$(basename "$dir").db"
            ;;
        postgres)
            PG_DB=quorum_flow_ab_$(date -u +%H%M%S%N)
            createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$PG_DB"
            db_url="postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB?sslmode=disable"
            ;;
        *) die "BACKEND must be sqlite or postgres" ;;
    esac
    local envs=(DATABASE_URL="$db_url" QUORUM_BIND="127.0.0.1:$port" QUORUM_RATE_LIMIT=0
        QUORUM_BASE_URL="http://127.0.0.1:$port" QUORUM_MAIL_DIR="$dir/mail" RUST_LOG=warn)
    echo 'flow benchmark password' | env "${envs[@]}" "$bin" staff add --email ab@example.org \
        --name AB --role admin >"$dir/cli.out" 2>&1 || die "staff add failed: $(tail -2 "$dir/cli.out")"
    token=$(env "${envs[@]}" "$bin" token create --email ab@example.org --name ab 2>>"$dir/cli.out" | tail -1)
    env "${envs[@]}" "$bin" serve >"$dir/quorum.log" 2>&1 &
    QUORUM_PID=$!
    wait_http "http://127.0.0.1:$port/healthz" 60 "$QUORUM_PID" || die "quorum did not start"
    local q="http://127.0.0.1:$port/api/v1" auth="Authorization: Bearer $token"
    curl -fsS -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
        --data-binary '{"slug":"ab","name":"A/B"}' "$q/groups"
    day=$(date -u -d '+20 days' +%F)
    for ((i = 1; i <= MEETINGS; i++)); do
        curl -fsS -H "$auth" -H 'Content-Type: application/json' --data-binary \
            "{\"group\":\"ab\",\"title\":\"Call $i\",\"format\":\"online\",\"timezone\":\"UTC\",\"starts_at\":\"${day}T10:00\",\"ends_at\":\"${day}T11:00\",\"online_url\":\"https://meet.example.org/$i\",\"status\":\"published\"$extra}" \
            "$q/meetings" | jq -r .id
    done >"$dir/ids.txt"
    local user0 sys0 user1 sys1 out
    read -r user0 sys0 < <(awk '{print $14, $15}' "/proc/$QUORUM_PID/stat")
    out=$(QUORUM_BENCH_IDS="$dir/ids.txt" QUORUM_BENCH_RUN="ab$RANDOM" QUORUM_BENCH_RESULT="$dir/result" \
        timeout 120 wrk -t2 -c32 -d"$DURATION" -s "$LUA" "http://127.0.0.1:$port")
    local start end drain
    start=$(date +%s%N)
    until [[ $(due_mail "$db_url") == 0 ]]; do
        (($(date +%s%N) - start < 120000000000)) || die "mail did not drain within 120 s"
        sleep 0.05
    done
    end=$(date +%s%N)
    drain=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
    read -r user1 sys1 < <(awk '{print $14, $15}' "/proc/$QUORUM_PID/stat")
    stop_process "$QUORUM_PID"
    QUORUM_PID=""
    if [[ -n $PG_DB ]]; then
        dropdb -h "$PG_HOST" -p "$PG_PORT" -U postgres --force "$PG_DB" 2>/dev/null || true
        PG_DB=""
    fi
    local rps requests
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    echo "$rps $drain $((user1 - user0)) $((sys1 - sys0)) $requests"
}

declare -a ROWS=()
for ((round = 1; round <= ROUNDS; round++)); do
    for side in old new; do
        if [[ $side == old ]]; then bin=$OLD extra=$OLD_SEED_EXTRA; else bin=$NEW extra=$NEW_SEED_EXTRA; fi
        log "round $round: $side ($bin)"
        read -r rps drain user sys requests < <(run_one "$bin" "$extra")
        # /proc ticks are 1/100 s: CPU milliseconds per request = ticks * 10 / requests.
        per=$(awk -v u="$user" -v s="$sys" -v n="$requests" -v d="$drain" -v w="$WINDOW_S" \
            'BEGIN { printf "%.0f | %.3f | %.3f | %.3f", n / (w + d), (u + s) * 10 / n, u * 10 / n, s * 10 / n }')
        ROWS+=("| $round | $side | $rps | $drain | $per |")
    done
done

echo "A/B of $(basename "$LUA") on $BACKEND, $(date -u '+%Y-%m-%d %H:%M UTC'), wrk -t2 -c32 -d$DURATION, $MEETINGS meetings, mail on tmpfs"
echo
echo "old: $OLD"
echo "new: $NEW"
echo
echo "| round | build | req/s | mail drain s | req/s until the mail was out | Quorum CPU ms per request (with its mail) | of it user | of it system |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
