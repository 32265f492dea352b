#!/usr/bin/env bash
# Verified registrations under load: the whole double opt-in path through a real SMTP
# server on loopback, beside the unverified form path, on SQLite and on PostgreSQL.
#
#   bash bench/verified.sh        # from anywhere; prints a Markdown table
#
# Builds the release binary and the load client (bench/verified/, a package of its own),
# then for each backend and mode starts `quorum serve` on a fresh database with
# QUORUM_SMTP_URL pointing at the SMTP server that the client runs, QUORUM_RATE_LIMIT=0
# and RUST_LOG=warn; creates a staff account and an API token with the CLI and seeds
# MEETINGS published online meetings (unlimited remote seats) through the API, with
# `verify_email` on (mode "verified") or off (mode "unverified").
# The client runs USERS virtual users for DURATION_S seconds, each on one keep-alive
# connection with its own cookies:
#   verified    form POST (303 to the check-mail page) → the link to confirm read back from
#               the mail at the client's SMTP server → POST /r/{token}/confirm (303)
#   unverified  form POST (303 to /r/{token})
# Each backend and mode runs ROUNDS times (the modes alternating), and the table gives the
# round with the median rate; every round's rate is listed below it, and the goals are
# checked on the median (≥ 500 verified registrations/s on SQLite) and on every round
# (each mail arrived exactly once, no errors).
# then waits until every confirmation (with its invite) has arrived, and checks that every
# message arrived exactly once (Message-ID) and that links = registrations and
# confirmations = confirmed registrations. Quorum's peak memory (VmHWM) is read per run.
#
# Environment: USERS (32), DURATION_S (10), MEETINGS (8), BACKENDS ("sqlite postgres"), ROUNDS (3),
# MODES ("unverified verified"), SKIP_BUILD=1 (use the existing quorum binary; the client is
# built when missing), QUIET_WAIT (60:
# seconds to wait for an idle machine before each run), PGHOST_PORT (127.0.0.1:5432).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

USERS=${USERS:-32}
DURATION_S=${DURATION_S:-10}
MEETINGS=${MEETINGS:-8}
BACKENDS=${BACKENDS:-sqlite postgres}
MODES=${MODES:-unverified verified}
ROUNDS=${ROUNDS:-3}
QUIET_WAIT=${QUIET_WAIT:-60}
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
PG_HOST=${PGHOST_PORT%:*}
PG_PORT=${PGHOST_PORT##*:}
[[ $USERS =~ ^[0-9]+$ && $USERS -gt 0 ]] || die "USERS must be a positive number"
[[ $DURATION_S =~ ^[0-9]+$ && $DURATION_S -gt 0 ]] || die "DURATION_S must be a positive number"
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -gt 0 ]] || die "MEETINGS must be a positive number"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-verified.XXXXXX")
QUORUM_PID=""
PG_DB=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_process "$QUORUM_PID"
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

ensure_commands curl:curl jq:jq psql:postgresql-client createdb:postgresql-client
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/quorum
CLIENT=$TARGET/release/quorum-bench-verified
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release"
    cargo build --release --quiet >&2 || die "cargo build --release failed"
fi
# The load client is built unless it is there already (SKIP_BUILD=1).
if [[ ${SKIP_BUILD:-0} != 1 || ! -x $CLIENT ]]; then
    log "building the load client (bench/verified)"
    cargo build --release --quiet --manifest-path bench/verified/Cargo.toml --target-dir "$TARGET" >&2 ||
        die "building the load client failed"
fi
[[ -x $BIN ]] || die "$BIN not found"
[[ -x $CLIENT ]] || die "$CLIENT not found"
BIN=$(cd "$(dirname "$BIN")" && pwd)/quorum
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

# Per backend/mode: one line per round, "rate<TAB>table row<TAB>exactly once<TAB>errors".
declare -A RESULTS=()
ROUND_LINES=()
run_one() {
    local backend=$1 mode=$2 dir=$TMP/$1-$2-$3 db_url
    mkdir -p "$dir"
    case $backend in
        sqlite) db_url="sqlite://$dir/quorum.db" ;;
        postgres)
            PG_DB=quorum_verified_$(date -u +%H%M%S)$$
            timeout 60 createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$PG_DB" >&2 ||
                die "createdb $PG_DB failed"
            db_url="postgres://postgres@$PG_HOST:$PG_PORT/$PG_DB?sslmode=disable"
            ;;
    esac
    local port smtp q
    port=$(free_port 18481)
    smtp=$(free_port 12525 "$port")
    q="http://127.0.0.1:$port"
    local envs=(DATABASE_URL="$db_url" QUORUM_BIND="127.0.0.1:$port"
        QUORUM_SMTP_URL="smtp://127.0.0.1:$smtp" QUORUM_RATE_LIMIT=0 RUST_LOG=warn)
    echo 'verified benchmark password' | (cd "$dir" && env "${envs[@]}" "$BIN" staff add \
        --email bench@example.org --name Bench --role admin) >"$dir/cli.out" 2>&1 ||
        die "[$backend] quorum staff add failed: $(tail -3 "$dir/cli.out")"
    local token
    token=$( (cd "$dir" && env "${envs[@]}" "$BIN" token create --email bench@example.org --name load) 2>>"$dir/cli.out" | tail -1)
    (cd "$dir" && exec env "${envs[@]}" "$BIN" serve >"$dir/quorum.stdout" 2>"$dir/quorum.stderr") &
    QUORUM_PID=$!
    wait_http "$q/healthz" 60 "$QUORUM_PID" || die "[$backend] quorum did not become healthy"
    local auth="Authorization: Bearer $token" verify=true ids=() i day
    [[ $mode == verified ]] || verify=false
    curl -fsS -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
        --data-binary '{"slug":"load","name":"Load Test Review Team"}' "$q/api/v1/groups" ||
        die "[$backend] creating the group failed"
    day=$(date -u -d '+30 days' +%F)
    for ((i = 1; i <= MEETINGS; i++)); do
        ids+=("$(curl -fsS -H "$auth" -H 'Content-Type: application/json' --data-binary \
            "{\"group\":\"load\",\"title\":\"Call $i\",\"format\":\"online\",\"timezone\":\"UTC\",\"starts_at\":\"${day}T10:00\",\"ends_at\":\"${day}T11:00\",\"online_url\":\"https://meet.example.org/$i\",\"status\":\"published\",\"verify_email\":$verify}" \
            "$q/api/v1/meetings" | jq -r .id)")
    done
    if ((QUIET_WAIT > 0)) && ! wait_quiet "$QUIET_WAIT"; then
        log "[$backend/$mode] the machine stayed busy; measuring anyway"
    fi
    log "[$backend/$mode] $USERS users for ${DURATION_S}s"
    local out
    out=$(BASE_URL=$q MEETINGS=$(
        IFS=,
        echo "${ids[*]}"
    ) SMTP_PORT=$smtp USERS=$USERS DURATION_S=$DURATION_S MODE=$mode \
        timeout $((DURATION_S + 240)) "$CLIENT") || die "[$backend/$mode] the load client failed"
    local hwm
    hwm=$(proc_kib "$QUORUM_PID" VmHWM)
    stop_process "$QUORUM_PID"
    QUORUM_PID=""
    if [[ -n $PG_DB ]]; then
        timeout 60 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
            -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
        PG_DB=""
    fi
    log "[$backend/$mode] $out"
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $out"; }
    RESULTS[$backend/$mode]+="$(field flows_per_s)"$'\t'"| $backend | $mode | $(field flows_per_s) | $(field flow_p50_ms) / $(field flow_p99_ms) | $(field post_p99_ms) | $(field mail_wait_p99_ms) | $(field confirm_p99_ms) | $(field mails_per_s) | $(field errors) | $(field exactly_once) ($(field mails) mails) | $(mib "$hwm") |"$'\t'"$(field exactly_once)"$'\t'"$(field errors)"$'\n'
}

for ((round = 1; round <= ROUNDS; round++)); do
    for backend in $BACKENDS; do
        for mode in $MODES; do
            run_one "$backend" "$mode" "$round"
        done
    done
done

echo "Verified registrations, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $rev, $(nproc) cores, $USERS users, ${DURATION_S}s per run, SMTP sink in the load client on loopback"
echo
echo "| backend | mode | registrations/s | whole path p50 / p99 ms | form POST p99 ms | mail wait p99 ms | confirm POST p99 ms | mails/s | errors | every mail once | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
GOALS=()
for backend in $BACKENDS; do
    for mode in $MODES; do
        key=$backend/$mode
        sorted=$(printf '%s' "${RESULTS[$key]}" | sort -t$'\t' -k1,1n)
        median=$(sed -n "$(((ROUNDS + 1) / 2))p" <<<"$sorted")
        cut -f2 <<<"$median"
        rates=$(printf '%s' "${RESULTS[$key]}" | cut -f1 | paste -sd/ -)
        ROUND_LINES+=("- $key: registrations/s per round $rates")
        bad=$(printf '%s' "${RESULTS[$key]}" | awk -F'\t' '$3 != "true" || $4 != 0' | wc -l)
        if ((bad > 0)); then
            GOALS+=("- MISS $key: every mail once and no errors in every round ($bad rounds failed)")
        else
            GOALS+=("- PASS $key: every mail once and no errors in all $ROUNDS rounds")
        fi
        if [[ $key == sqlite/verified ]]; then
            rate=$(cut -f1 <<<"$median")
            if ((rate >= 500)); then verdict=PASS; else verdict=MISS; fi
            GOALS+=("- $verdict sqlite/verified: ≥ 500 verified registrations/s (median of $ROUNDS rounds: $rate)")
        fi
    done
done
echo
printf '%s\n' "${ROUND_LINES[@]}"
echo
echo "Goals:"
printf '%s\n' "${GOALS[@]}"
