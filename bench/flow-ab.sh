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
# `wrk -t2 -c32 -d10s`. Reports requests per second and Quorum's CPU time per request
# (user + system, and each apart, from /proc). Not part of CI.
#
# Environment: BACKEND (sqlite), ROUNDS (2), MEETINGS (20), DURATION (10s),
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
OLD_SEED_EXTRA=${OLD_SEED_EXTRA:-}
NEW_SEED_EXTRA=${NEW_SEED_EXTRA:-,\"verify_email\":false}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
ensure_commands wrk:wrk curl:curl jq:jq
[[ $BACKEND == postgres ]] && ensure_commands createdb:postgresql-client dropdb:postgresql-client

TMP=$(mktemp -d -p /dev/shm quorum-flow-ab.XXXXXX)
QUORUM_PID=""
PG_DB=""
cleanup() {
    [[ -n $QUORUM_PID ]] && stop_process "$QUORUM_PID"
    [[ -n $PG_DB ]] && dropdb -h "$PG_HOST" -p "$PG_PORT" -U postgres --force "$PG_DB" 2>/dev/null
    rm -rf "$TMP" "/tmp/quorum-flow-ab-$$"
}
trap cleanup EXIT

# run_one BINARY SEED_EXTRA: prints "req/s user_ticks system_ticks requests".
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
        timeout 120 wrk -t2 -c32 -d"$DURATION" -s bench/wrk/browser_flow.lua "http://127.0.0.1:$port")
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
    echo "$rps $((user1 - user0)) $((sys1 - sys0)) $requests"
}

declare -a ROWS=()
for ((round = 1; round <= ROUNDS; round++)); do
    for side in old new; do
        if [[ $side == old ]]; then bin=$OLD extra=$OLD_SEED_EXTRA; else bin=$NEW extra=$NEW_SEED_EXTRA; fi
        log "round $round: $side ($bin)"
        read -r rps user sys requests < <(run_one "$bin" "$extra")
        # /proc ticks are 1/100 s: CPU milliseconds per request = ticks * 10 / requests.
        per=$(awk -v u="$user" -v s="$sys" -v n="$requests" \
            'BEGIN { printf "%.3f | %.3f | %.3f", (u + s) * 10 / n, u * 10 / n, s * 10 / n }')
        ROWS+=("| $round | $side | $rps | $per |")
    done
done

echo "Browser flow A/B on $BACKEND, $(date -u '+%Y-%m-%d %H:%M UTC'), wrk -t2 -c32 -d$DURATION, $MEETINGS meetings, mail on tmpfs"
echo
echo "old: $OLD"
echo "new: $NEW"
echo
echo "| round | build | req/s | Quorum CPU ms per request | of it user | of it system |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
