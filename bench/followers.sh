#!/usr/bin/env bash
# Follower fan-out at scale: a group with FOLLOWERS confirmed followers publishes a meeting;
# how long until every follower's announcement is queued in the outbox (goal: 2 s), and
# what that does to registrations running meanwhile; on SQLite and PostgreSQL.
#
#   bash bench/followers.sh        # from anywhere; prints a Markdown table
#
# Builds the release binary and the SMTP sink, then for each backend: a fresh database, the
# sink (bench/smtp-sink, so the announcements really go out over SMTP on loopback) and
# `quorum serve`. Seeds FOLLOWERS active followers of one group with direct SQL inserts,
# and a meeting of another group that wrk registers observers for (bench/wrk/
# api_register.lua). Two wrk runs of DURATION each: one alone (the baseline), one during
# which, after LEAD_S seconds, a meeting of the followed group is published through the
# API; the script then polls the outbox until FOLLOWERS `announcement` rows are there.
#
# Environment: FOLLOWERS (5000), BACKENDS ("sqlite postgres"), DURATION (10s), LEAD_S (3),
# THREADS (2), CONNECTIONS (16), SKIP_BUILD=1 (use the built binaries),
# PGHOST_PORT (127.0.0.1:5432), LIMIT_S (2).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

FOLLOWERS=${FOLLOWERS:-5000}
BACKENDS=${BACKENDS:-sqlite postgres}
DURATION=${DURATION:-10s}
LEAD_S=${LEAD_S:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
LIMIT_S=${LIMIT_S:-2}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
[[ $FOLLOWERS =~ ^[0-9]+$ && $FOLLOWERS -gt 0 ]] || die "FOLLOWERS must be a positive number"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-followers.XXXXXX")
QUORUM_PID="" SINK_PID="" PG_DB="" WRK_PID=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_process "$WRK_PID"
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

ensure_commands wrk:wrk curl:curl jq:jq python3:python3 sqlite3:sqlite3 psql:postgresql-client
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
WRK_SCRIPT=$(pwd)/bench/wrk/api_register.lua

# sql BACKEND DB QUERY: runs one statement, prints its result.
sql() {
    case $1 in
        sqlite) sqlite3 -cmd '.timeout 5000' "$2" "$3" ;;
        postgres) psql -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$2" -c "$3" ;;
    esac
}

# latency FILE 50%|99%|Max: one latency figure of wrk's --latency output, in ms.
latency() {
    awk -v k="$2" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                         if (v ~ /s$/) return v * 1000; return v }
        $1 == k { printf "%.1f", ms($2); f = 1 }
        k == "Max" && $1 == "Latency" && !f { printf "%.1f", ms($4); f = 1 }
        END { if (!f) print "-" }' "$1"
}

# register_run OUT RUN: one wrk run registering observers for the other group's meeting.
register_run() {
    QUORUM_BENCH_IDS="$IDS" QUORUM_BENCH_RESULT="$1.result" QUORUM_BENCH_RUN="$2" \
        timeout --kill-after=5 $(($(duration_seconds "$DURATION") + 60)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency \
        -s "$WRK_SCRIPT" "$Q" >"$1" 2>&1
}

declare -A ROW
run_backend() {
    local backend=$1 dir=$TMP/$1 db_url db
    mkdir -p "$dir"
    case $backend in
        sqlite)
            db=$dir/quorum.db
            db_url="sqlite://$db"
            ;;
        postgres)
            PG_DB=quorum_followers_$$
            db=$PG_DB
            timeout 60 createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$PG_DB" >&2 ||
                { ROW[$backend]="| $backend | skipped: createdb failed | | | | |"; PG_DB=""; return 0; }
            db_url="postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB?sslmode=disable"
            ;;
    esac
    local port smtp_port ctl_port
    port=$(free_port 18581)
    smtp_port=$(free_port 12725 "$port")
    ctl_port=$(free_port $((smtp_port + 1)) "$port")
    Q="http://127.0.0.1:$port"
    "$SINK_BIN" --smtp "127.0.0.1:$smtp_port" --http "127.0.0.1:$ctl_port" >"$dir/sink.out" 2>"$dir/sink.err" &
    SINK_PID=$!
    wait_http "http://127.0.0.1:$ctl_port/stats" 20 "$SINK_PID" || die "[$backend] the SMTP sink did not start"
    local envs=(DATABASE_URL="$db_url" QUORUM_BIND="127.0.0.1:$port" QUORUM_SMTP_URL="smtp://127.0.0.1:$smtp_port"
        QUORUM_RATE_LIMIT=0 RUST_LOG=warn)
    echo 'follower benchmark password' | (cd "$dir" && env "${envs[@]}" "$BIN" staff add \
        --email bench@example.org --name Bench --role admin) >"$dir/cli.out" 2>&1 || die "[$backend] staff add failed"
    local token
    token=$( (cd "$dir" && env "${envs[@]}" "$BIN" token create --email bench@example.org --name fol) 2>>"$dir/cli.out" | tail -1)
    (cd "$dir" && exec env "${envs[@]}" "$BIN" serve >"$dir/quorum.out" 2>"$dir/quorum.err") &
    QUORUM_PID=$!
    wait_http "$Q/healthz" 60 "$QUORUM_PID" || die "[$backend] quorum did not start"

    local auth="Authorization: Bearer $token" day group_id mid
    day=$(date -u -d '+30 days' +%F)
    for g in fol reg; do
        curl -sS -f -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
            --data-binary "{\"slug\":\"$g\",\"name\":\"Group $g\"}" "$Q/api/v1/groups"
    done
    # The meeting wrk registers for: online, no cap, no address check.
    mid=$(curl -sS -f -H "$auth" -H 'Content-Type: application/json' --data-binary \
        "{\"group\":\"reg\",\"title\":\"Registrations\",\"format\":\"online\",\"timezone\":\"UTC\",\"starts_at\":\"${day}T10:00\",\"ends_at\":\"${day}T11:00\",\"online_url\":\"https://meet.example.org/r\",\"status\":\"published\",\"verify_email\":false}" \
        "$Q/api/v1/meetings" | jq -r .id)
    IDS=$dir/ids
    echo "$mid" >"$IDS"
    group_id=$(sql "$backend" "$db" "SELECT id FROM groups WHERE slug = 'fol'")
    log "[$backend] seeding $FOLLOWERS followers"
    case $backend in
        sqlite) sql sqlite "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $FOLLOWERS)
            INSERT INTO followers (group_id, email, email_normalized, token_hash, status, created_at, confirmed_at)
            SELECT $group_id, 'f' || i || '@example.org', 'f' || i || '@example.org', 'seed' || i, 'active',
                   datetime('now'), datetime('now') FROM n" ;;
        postgres) sql postgres "$db" "INSERT INTO followers (group_id, email, email_normalized, token_hash, status, created_at, confirmed_at)
            SELECT $group_id, 'f' || i || '@example.org', 'f' || i || '@example.org', 'seed' || i, 'active',
                   now(), now() FROM generate_series(1, $FOLLOWERS) AS i" >/dev/null ;;
    esac

    log "[$backend] registrations alone ($DURATION)"
    register_run "$dir/alone.txt" "alone-$backend"
    # Let the confirmations of the first run go out before the second.
    sleep 3

    log "[$backend] registrations with a fan-out of $FOLLOWERS after ${LEAD_S}s"
    register_run "$dir/during.txt" "during-$backend" &
    WRK_PID=$!
    sleep "$LEAD_S"
    local t0 t1 n=0 took published
    t0=$(date +%s.%N)
    published=$(curl -sS -f -H "$auth" -H 'Content-Type: application/json' --data-binary \
        "{\"group\":\"fol\",\"title\":\"Announced\",\"format\":\"online\",\"timezone\":\"Europe/Madrid\",\"starts_at\":\"${day}T14:00\",\"ends_at\":\"${day}T15:00\",\"online_url\":\"https://meet.example.org/a\",\"status\":\"published\"}" \
        "$Q/api/v1/meetings" | jq -r .id)
    while :; do
        n=$(sql "$backend" "$db" "SELECT count(*) FROM outbox WHERE kind = 'announcement' AND about_ref = 'meeting:$published'")
        t1=$(date +%s.%N)
        ((n >= FOLLOWERS)) && break
        if python3 -c "import sys; sys.exit(0 if $t1 - $t0 > 60 else 1)"; then break; fi
        sleep 0.02
    done
    took=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
    wait "$WRK_PID" || true
    WRK_PID=""
    local verdict="✓"
    [[ $n -ge $FOLLOWERS ]] && python3 -c "import sys; sys.exit(0 if $took <= $LIMIT_S else 1)" || verdict="✗"
    ROW[$backend]="| $backend | $FOLLOWERS | $n | $took s | $verdict | $(wrk_field "$dir/alone.txt" rps) / $(wrk_field "$dir/during.txt" rps) | $(latency "$dir/alone.txt" 50%) / $(latency "$dir/during.txt" 50%) | $(latency "$dir/alone.txt" 99%) / $(latency "$dir/during.txt" 99%) | $(latency "$dir/alone.txt" Max) / $(latency "$dir/during.txt" Max) | $(wrk_field "$dir/alone.txt" non2xx) / $(wrk_field "$dir/during.txt" non2xx) |"
    stop_process "$QUORUM_PID"; QUORUM_PID=""
    stop_process "$SINK_PID"; SINK_PID=""
}

for backend in $BACKENDS; do
    run_backend "$backend"
done

echo
echo "A meeting published to $FOLLOWERS followers: time until every announcement is queued (goal: ${LIMIT_S} s), and API registrations ($THREADS threads, $CONNECTIONS connections, $DURATION) alone / during the fan-out"
echo
echo "| backend | followers | announcements queued | all queued after | goal | registrations/s | p50 ms | p99 ms | max ms | non-2xx |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for backend in $BACKENDS; do
    echo "${ROW[$backend]:-| $backend | not run | | | | | | | | |}"
done
echo
machine_line
