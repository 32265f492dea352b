#!/usr/bin/env bash
# Feed benchmark: Quorum's /calendar.ics against nginx serving the same bytes as a static file.
#
#   bash bench/feeds.sh            # from the repository root
#
# Builds the release binary, starts Quorum on a fresh SQLite database in a temporary
# directory, seeds MEETINGS published meetings through the JSON API, copies the feed into
# a static nginx, then runs wrk against both for three cases: plain 200, conditional 304
# (If-None-Match) and 200 with Accept-Encoding: gzip. Prints a Markdown report on
# standard output (progress goes to standard error). All traffic goes to 127.0.0.1.
#
# Environment: DURATION (10s), CONNECTIONS (32), THREADS (2), MEETINGS (500), ROUNDS (3:
# runs per case and server, alternating which goes first; the median round is reported),
# QUORUM_PORT (first free from 18181), NGINX_PORT (first free from 18281),
# SKIP_BUILD=1 (use the existing target/release/quorum), KEEP_TMP=1 (keep the temp dir),
# QUIET_WAIT (120: seconds to wait before each run for other processes to leave the CPU
# idle; 0 = don't wait). CPU used by other processes during a run is reported.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
MEETINGS=${MEETINGS:-500}
QUIET_WAIT=${QUIET_WAIT:-120}
ROUNDS=${ROUNDS:-3}
PARALLEL=8
[[ $ROUNDS =~ ^[0-9]+$ && $ROUNDS -gt 0 ]] || die "ROUNDS must be a positive number"
[[ $MEETINGS =~ ^[0-9]+$ && $MEETINGS -gt 0 ]] || die "MEETINGS must be a positive number"
[[ $QUIET_WAIT =~ ^[0-9]+$ ]] || die "QUIET_WAIT must be a number of seconds"
[[ $CONNECTIONS =~ ^[0-9]+$ && $CONNECTIONS -ge $THREADS ]] || die "CONNECTIONS must be a number ≥ THREADS"
duration_seconds "$DURATION" >/dev/null

QUORUM_PID=""
NGINX_PID=""
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quorum-bench.XXXXXX")

stop_pid() {
    local pid=$1 i
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$NGINX_PID"
    stop_pid "$QUORUM_PID"
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

# --- 1. tools --------------------------------------------------------------------------
ensure_tools
NGINX=$(nginx_bin)

# --- 2. build --------------------------------------------------------------------------
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/quorum
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release"
    cargo build --release --quiet >&2 || die "cargo build --release failed"
fi
[[ -x $BIN ]] || die "$BIN not found"
BIN=$(cd "$(dirname "$BIN")" && pwd)/quorum

# --- 3. Quorum on a fresh database -----------------------------------------------------
QUORUM_PORT=${QUORUM_PORT:-$(free_port 18181)}
NGINX_PORT=${NGINX_PORT:-$(free_port 18281 "$QUORUM_PORT")}
Q="http://127.0.0.1:$QUORUM_PORT"
N="http://127.0.0.1:$NGINX_PORT"
mkdir -p "$TMP/mail" "$TMP/www" "$TMP/nginx" "$TMP/seed" "$TMP/wrk" "$TMP/curl"
# nginx's workers run as an unprivileged user when started by root: let them reach www/.
chmod 711 "$TMP"
chmod 755 "$TMP/www"

quorum() {
    # Run from $TMP so no .env or ./mail of the work tree is picked up.
    (cd "$TMP" && env DATABASE_URL="sqlite://$TMP/q.db" \
        QUORUM_BIND="127.0.0.1:$QUORUM_PORT" \
        QUORUM_MAIL_DIR="$TMP/mail" \
        QUORUM_RATE_LIMIT=0 \
        RUST_LOG=warn \
        "$BIN" "$@")
}

log "creating staff account and API token"
echo 'benchmark password 1' | quorum staff add --email bench@example.org --name Bench --role admin >/dev/null ||
    die "quorum staff add failed"
TOKEN=$(quorum token create --email bench@example.org --name bench | tail -1)
[[ -n $TOKEN ]] || die "quorum token create printed no token"

log "starting quorum on $Q"
(cd "$TMP" && exec env DATABASE_URL="sqlite://$TMP/q.db" \
    QUORUM_BIND="127.0.0.1:$QUORUM_PORT" \
    QUORUM_MAIL_DIR="$TMP/mail" \
    QUORUM_RATE_LIMIT=0 \
    RUST_LOG=warn \
    "$BIN" serve >"$TMP/quorum.log" 2>&1) &
QUORUM_PID=$!
if ! wait_http "$Q/healthz" 60 "$QUORUM_PID"; then
    tail -20 "$TMP/quorum.log" >&2 || true
    die "quorum did not become healthy on $Q"
fi

# --- 4. seed meetings ------------------------------------------------------------------
auth_header="Authorization: Bearer $TOKEN"
code=$(curl -sS --max-time 10 -o "$TMP/curl/group.json" -w '%{http_code}' \
    -H "$auth_header" -H 'Content-Type: application/json' \
    --data-binary '{"slug":"ssr2","name":"SSR2 Review Team","description":"Second Security, Stability and Resiliency review team.","contact_email":"ssr2@example.org"}' \
    "$Q/api/v1/groups")
[[ $code == 201 ]] || die "POST /api/v1/groups answered $code: $(head -c 300 "$TMP/curl/group.json")"

ZONES=(Europe/Madrid America/New_York Asia/Kolkata Australia/Sydney Africa/Johannesburg UTC)
CITIES=(Madrid "New York" Bengaluru Sydney Johannesburg Accra)
COUNTRIES=(ES US IN AU ZA GH)
VENUES=("Hotel Meliá Castilla" "Marriott Marquis Times Square" "ITC Gardenia" "ICC Sydney"
    "Sandton Convention Centre" "Accra International Conference Centre")
FORMATS=(online in_person hybrid)

log "writing $MEETINGS meeting bodies"
# Worker w handles meetings w, w+PARALLEL, …, each with one curl (keep-alive) reading a config.
for ((w = 0; w < PARALLEL; w++)); do
    : >"$TMP/seed/worker$w.cfg"
done
today=$(date -u +%F)
for ((i = 0; i < MEETINGS; i++)); do
    z=$((i % 6))
    f=$(((i / 6) % 3))
    offset=$((1 + i * 364 / MEETINGS))
    day=$(date -u -d "$today + $offset days" +%F)
    format=${FORMATS[$f]}
    n=$((i + 1))
    case $format in
        online)
            title="SSR2 weekly call #$n"
            start="${day}T14:00"
            end="${day}T15:00"
            desc="Regular call of the SSR2 review team: action items, draft report sections, AOB."
            ;;
        in_person)
            title="SSR2 face-to-face meeting #$n, ${CITIES[$z]}"
            start="${day}T09:00"
            end="${day}T17:30"
            desc="Full-day working session of the SSR2 review team. Observers welcome in the room."
            ;;
        hybrid)
            title="SSR2 plenary #$n (${CITIES[$z]} and online)"
            start="${day}T09:30"
            end="${day}T12:30"
            desc="Plenary with remote participation: findings review and public comment summary."
            ;;
    esac
    body="{\"group\":\"ssr2\",\"title\":\"$title\",\"description\":\"$desc\",\"format\":\"$format\""
    body+=",\"timezone\":\"${ZONES[$z]}\",\"starts_at\":\"$start\",\"ends_at\":\"$end\""
    if [[ $format != online ]]; then
        body+=",\"venue\":\"${VENUES[$z]}\",\"city\":\"${CITIES[$z]}\",\"country\":\"${COUNTRIES[$z]}\",\"in_person_capacity\":30"
    fi
    if [[ $format != in_person ]]; then
        body+=",\"online_url\":\"https://meet.example.org/ssr2-$n\",\"remote_capacity\":500"
    fi
    body+=",\"status\":\"published\"}"
    printf '%s\n' "$body" >"$TMP/seed/$n.json"
    cat >>"$TMP/seed/worker$((i % PARALLEL)).cfg" <<EOF
url = "$Q/api/v1/meetings"
header = "$auth_header"
header = "Content-Type: application/json"
data-binary = "@$TMP/seed/$n.json"
output = "$TMP/seed/$n.out"
write-out = "$n %{http_code}\\n"
max-time = 30
next
EOF
done

for ((w = 0; w < PARALLEL; w++)); do
    # No "next" after the last request, or curl complains of a request without URL.
    if [[ -s $TMP/seed/worker$w.cfg ]]; then sed -i '$d' "$TMP/seed/worker$w.cfg"; fi
done

log "seeding $MEETINGS meetings through POST /api/v1/meetings ($PARALLEL in parallel)"
seed_start=$SECONDS
seq 0 $((PARALLEL - 1)) |
    xargs -P "$PARALLEL" -I{} curl -sS --config "$TMP/seed/worker{}.cfg" >"$TMP/seed/codes.txt" 2>"$TMP/seed/curl.err" || true
# Retry anything that did not answer 201 (or got no answer), one at a time.
declare -A SEEDED=()
while read -r n c; do
    if [[ $c == 201 ]]; then SEEDED[$n]=1; fi
done < <(awk 'NF == 2' "$TMP/seed/codes.txt")
retry=0
: >"$TMP/seed/retry.txt"
for ((n = 1; n <= MEETINGS; n++)); do
    [[ -n ${SEEDED[$n]:-} ]] && continue
    retry=$((retry + 1))
    c=$(curl -sS --max-time 30 -o "$TMP/seed/$n.out" -w '%{http_code}' \
        -H "$auth_header" -H 'Content-Type: application/json' \
        --data-binary "@$TMP/seed/$n.json" "$Q/api/v1/meetings" || echo 000)
    echo "$n $c" >>"$TMP/seed/retry.txt"
    if [[ $c == 201 ]]; then SEEDED[$n]=1; fi
done
created=${#SEEDED[@]}
seed_secs=$((SECONDS - seed_start))
log "created $created meetings in $seed_secs s ($retry retried)"
if ((created < MEETINGS)); then
    bad=$(awk '$2 != 201 {print $1; exit}' "$TMP/seed/retry.txt" 2>/dev/null || true)
    [[ -n $bad ]] && log "example failure: $(head -c 400 "$TMP/seed/$bad.out" 2>/dev/null)"
    ((created > 0)) || die "no meeting could be created"
fi

# --- 5. static copy behind nginx -------------------------------------------------------
code=$(curl -sS --max-time 60 -D "$TMP/curl/quorum-feed.h" -o "$TMP/www/calendar.ics" -w '%{http_code}' "$Q/calendar.ics")
[[ $code == 200 ]] || die "GET /calendar.ics answered $code"
FEED_BYTES=$(stat -c %s "$TMP/www/calendar.ics")
FEED_EVENTS=$(grep -c '^BEGIN:VEVENT' "$TMP/www/calendar.ics" || true)
Q_ETAG=$(header_value "$TMP/curl/quorum-feed.h" ETag)
gzip -9 -k -f "$TMP/www/calendar.ics"
GZ_BYTES=$(stat -c %s "$TMP/www/calendar.ics.gz")
log "feed: $FEED_BYTES bytes, $FEED_EVENTS events, gzip -9 $GZ_BYTES bytes, Quorum ETag ${Q_ETAG:-none}"

nginx_version=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
nginx_build=$("$NGINX" -V 2>&1)
temp_paths="client_body_temp_path $TMP/nginx/body;"
for m in proxy fastcgi uwsgi scgi; do
    if [[ $nginx_build == *"--http-$m-temp-path"* && $nginx_build != *"--without-http_${m}_module"* ]]; then
        temp_paths+=$'\n'"    ${m}_temp_path $TMP/nginx/$m;"
    fi
done
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    $temp_paths
    # sendfile stays at nginx's default (off): over loopback copying from the page cache was
    # as fast or faster, and with fewer latency spikes, than sendfile in trials on 2 cores.
    open_file_cache max=16 inactive=60s;
    open_file_cache_valid 60s;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    types { }
    default_type text/calendar;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/www;
        etag on;
        gzip_static on;
        location / { }
    }
}
EOF
log "starting nginx ($nginx_version) on $N"
"$NGINX" -t -q -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" >&2 ||
    die "nginx rejected its configuration ($TMP/nginx/nginx.conf)"
"$NGINX" -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
if ! wait_http "$N/calendar.ics" 20 "$NGINX_PID"; then
    tail -20 "$TMP/nginx/error.log" >&2 || true
    die "nginx did not start on $N"
fi
curl -sS --max-time 10 -I -o "$TMP/curl/nginx-feed.h" "$N/calendar.ics"
N_ETAG=$(header_value "$TMP/curl/nginx-feed.h" ETag)
[[ -n $N_ETAG ]] || die "nginx sent no ETag"

# --- 6. measurements -------------------------------------------------------------------
WARNINGS=()

# check NAME URL EXPECT_STATUS EXPECT_ENCODING [HEADER...]: one curl with the same headers
# wrk will send; records a warning when the answer is not what the case is meant to measure.
check() {
    local name=$1 url=$2 want=$3 want_enc=$4
    shift 4
    local args=() h hdr got enc clen
    for h in "$@"; do
        args+=(-H "$h")
    done
    hdr="$TMP/curl/check-$name.h"
    got=$(curl -sS --max-time 30 -D "$hdr" -o "$TMP/curl/check-$name.body" -w '%{http_code}' "${args[@]}" "$url" || echo 000)
    enc=$(header_value "$hdr" Content-Encoding)
    clen=$(stat -c %s "$TMP/curl/check-$name.body" 2>/dev/null || echo 0)
    CHECK_NOTE=""
    if [[ $got != "$want" ]]; then
        CHECK_NOTE="answered $got (expected $want)"
    elif [[ -n $want_enc && $enc != "$want_enc" ]]; then
        CHECK_NOTE="answered $got without Content-Encoding: $want_enc (Content-Encoding: ${enc:-none}, $clen bytes)"
    elif [[ -z $want_enc && -n $enc ]]; then
        CHECK_NOTE="answered with unexpected Content-Encoding: $enc"
    fi
    if [[ -n $CHECK_NOTE ]]; then
        log "WARNING: $name $CHECK_NOTE"
        WARNINGS+=("$name: $CHECK_NOTE")
    fi
}

declare -A RPS P99 ERR OK FOREIGN
# More than 5 % of the machine's CPU time during a run taken by other processes is noise.
FOREIGN_LIMIT=$(awk -v d="$(duration_seconds "$DURATION")" -v n="$(nproc)" 'BEGIN {printf "%.1f", d * n * 0.05}')
# measure CASE SERVER ROUND URL EXPECT_STATUS EXPECT_ENCODING [HEADER...]: one wrk run.
measure() {
    local cname=$1 server=$2 round=$3 url=$4 want=$5 enc=$6
    shift 6
    local key="$cname.$server.$round" out="$TMP/wrk/$cname-$server-$round.txt"
    check "$key" "$url" "$want" "$enc" "$@"
    if [[ -n $CHECK_NOTE ]]; then OK[$key]=0; else OK[$key]=1; fi
    if ((QUIET_WAIT > 0)) && ! wait_quiet "$QUIET_WAIT"; then
        log "the machine is still busy after waiting ${QUIET_WAIT}s; measuring anyway"
    fi
    log "wrk $cname against $server, round $round of $ROUNDS ($DURATION, $CONNECTIONS connections)"
    cpu_snapshot >"$TMP/cpu-before"
    run_wrk "$out" "$url" "$@"
    cpu_snapshot >"$TMP/cpu-after"
    # Other processes competing for the same cores make the numbers unreliable: say so.
    local foreign secs
    foreign=$(foreign_cpu "$TMP/cpu-before" "$TMP/cpu-after" "$QUORUM_PID" "$NGINX_PID")
    secs=${foreign%% *}
    FOREIGN[$key]=$secs
    if awk -v f="$secs" -v lim="$FOREIGN_LIMIT" 'BEGIN {exit !(f > lim)}'; then
        WARNINGS+=("$key: other processes used $secs CPU-seconds during the run (${foreign#* }); numbers are unreliable")
        log "WARNING: other processes used $secs CPU-seconds during the run (${foreign#* })"
    fi
    RPS[$key]=$(wrk_field "$out" rps)
    P99[$key]=$(wrk_field "$out" p99)
    ERR[$key]=$(($(wrk_field "$out" non2xx) + $(wrk_field "$out" socket)))
    log "  ${RPS[$key]} req/s, p99 ${P99[$key]}, errors ${ERR[$key]}"
}

# run_case CASE SERVER ROUND: the case's URL and headers for that server.
run_case() {
    local c=$1 s=$2 r=$3 url etag
    if [[ $s == nginx ]]; then url="$N/calendar.ics" etag=$N_ETAG; else url="$Q/calendar.ics" etag=${Q_ETAG:-'"none"'}; fi
    case $c in
        plain) measure plain "$s" "$r" "$url" 200 "" ;;
        304) measure 304 "$s" "$r" "$url" 304 "" "If-None-Match: $etag" ;;
        gzip) measure gzip "$s" "$r" "$url" 200 gzip "Accept-Encoding: gzip" ;;
    esac
}

# median VALUE...: the middle value (the lower middle of an even count); "-" if none is numeric.
median() {
    printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else print v[int((NR + 1) / 2)]}'
}

# summarise CASE SERVER: the rounds' median rate and p99, summed errors, all answers as expected.
summarise() {
    local c=$1 s=$2 r rates=() p99s=() ms=() errs=0 ok=1 p
    for ((r = 1; r <= ROUNDS; r++)); do
        rates+=("${RPS[$c.$s.$r]:-}")
        p=${P99[$c.$s.$r]:-}
        p99s+=("$p")
        ms+=("$(wrk_ms "$p")")
        errs=$((errs + ${ERR[$c.$s.$r]:-0}))
        [[ ${OK[$c.$s.$r]:-0} == 1 ]] || ok=0
    done
    RPS[$c.$s]=$(median "${rates[@]}")
    # The p99 of the round with the median p99 (in milliseconds for sorting).
    local mid
    mid=$(median "${ms[@]}")
    P99[$c.$s]="-"
    for ((r = 0; r < ROUNDS; r++)); do
        if [[ ${ms[$r]} == "$mid" ]]; then P99[$c.$s]=${p99s[$r]}; break; fi
    done
    ERR[$c.$s]=$errs
    OK[$c.$s]=$ok
    ROUND_RATES[$c.$s]=$(IFS=/; echo "${rates[*]}")
}

# Each case runs ROUNDS times per server, alternating which server goes first, and the
# median round counts: a burst of background work then spoils one round, not the result.
declare -A ROUND_RATES
if [[ -n $Q_ETAG ]]; then :; else WARNINGS+=("304.quorum: Quorum sent no ETag; measured with If-None-Match: \"none\""); fi
CASES=(plain 304 gzip)
for c in "${CASES[@]}"; do
    for ((r = 1; r <= ROUNDS; r++)); do
        if ((r % 2 == 1)); then order=(nginx quorum); else order=(quorum nginx); fi
        for s in "${order[@]}"; do
            run_case "$c" "$s" "$r"
        done
    done
    summarise "$c" nginx
    summarise "$c" quorum
done

# --- 7. memory -------------------------------------------------------------------------
HWM_KIB=$(proc_kib "$QUORUM_PID" VmHWM)
RSS_KIB=$(proc_kib "$QUORUM_PID" VmRSS)
kill -0 "$QUORUM_PID" 2>/dev/null || WARNINGS+=("quorum exited during the run (see its log)")
# Quorum's log without colours: what it complained about during the run.
sed 's/\x1b\[[0-9;]*m//g' "$TMP/quorum.log" >"$TMP/quorum.plain.log" 2>/dev/null || true
for level in ERROR WARN; do
    n=$(grep -cE " $level |panicked" "$TMP/quorum.plain.log" || true)
    if ((n > 0)); then
        WARNINGS+=("quorum logged $n $level lines, most often: $(grep -E " $level |panicked" "$TMP/quorum.plain.log" |
            sed -E 's/^[^ ]+ +//' | sort | uniq -c | sort -rn | head -1 | sed -E 's/^ +//' | cut -c1-200)")
    fi
done
if ((retry > 0)); then
    WARNINGS+=("seeding: $retry of $MEETINGS POST /api/v1/meetings failed with $PARALLEL concurrent clients ($(awk '$2 != 201 {print $2}' "$TMP/seed/codes.txt" | sort | uniq -c | awk '{printf "%s%s× %s", sep, $1, $2; sep=", "}')) and were retried one at a time")
fi

label() {
    case $1 in
        plain) echo "200 ($(human_size "$FEED_BYTES"))" ;;
        304) echo "304" ;;
        gzip) echo "200 gzip" ;;
    esac
}

# What the responses look like, beside the speed.
NOTES=()
hsize() { stat -c %s "$TMP/curl/check-$1.1.h" 2>/dev/null || echo "?"; }
NOTES+=("304 response (status line + headers): nginx $(hsize 304.nginx) bytes, quorum $(hsize 304.quorum) bytes")
if [[ ${OK[gzip.quorum]} == 1 ]]; then
    NOTES+=("gzip body: quorum $(stat -c %s "$TMP/curl/check-gzip.quorum.1.body") bytes, nginx (gzip -9, static) $GZ_BYTES bytes")
fi
if [[ -n $(header_value "$TMP/curl/check-plain.quorum.1.h" Set-Cookie) ]]; then
    NOTES+=("quorum sets a cookie on feed responses (Set-Cookie: $(header_value "$TMP/curl/check-plain.quorum.1.h" Set-Cookie | cut -d';' -f1 | cut -c1-24)…) while sending Cache-Control: $(header_value "$TMP/curl/check-plain.quorum.1.h" Cache-Control); shared caches usually refuse to store such responses")
fi
q_gz_etag=$(header_value "$TMP/curl/check-gzip.quorum.1.h" ETag)
if [[ -n $q_gz_etag && $q_gz_etag == "$Q_ETAG" && $q_gz_etag != W/* ]]; then
    NOTES+=("quorum sends the same strong ETag ($Q_ETAG) for the gzip and the identity bodies (nginx: $N_ETAG vs $(header_value "$TMP/curl/check-gzip.nginx.1.h" ETag))")
fi
for c in "${CASES[@]}"; do
    NOTES+=("$(label "$c") req/s per round: nginx ${ROUND_RATES[$c.nginx]}, quorum ${ROUND_RATES[$c.quorum]}")
done

# --- 8. report -------------------------------------------------------------------------

echo
echo "## Quorum feed benchmark: /calendar.ics"
echo
echo "| case | nginx req/s | quorum req/s | quorum/nginx | nginx p99 | quorum p99 | quorum errors |"
echo "|---|---|---|---|---|---|---|"
for c in "${CASES[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(label "$c")" \
        "${RPS[$c.nginx]}" "${RPS[$c.quorum]}" "$(ratio "${RPS[$c.quorum]}" "${RPS[$c.nginx]}")" \
        "${P99[$c.nginx]}" "${P99[$c.quorum]}" "${ERR[$c.quorum]}"
    for s in nginx quorum; do
        if [[ ${OK[$c.$s]} != 1 ]]; then
            note=""
            for w in "${WARNINGS[@]}"; do
                [[ $w == "$c.$s."* ]] && note=${w#"$c.$s."}
            done
            printf '| ⚠ %s: %s | %s |  |  |  |  |  |\n' "$(label "$c")" "$s" "$note"
        fi
    done
    if [[ ${ERR[$c.nginx]} != 0 ]]; then
        printf '| ⚠ %s: nginx | %s errors under load |  |  |  |  |  |\n' "$(label "$c")" "${ERR[$c.nginx]}"
    fi
done
echo

goal() {
    local ok=$1 text=$2
    if [[ $ok == 1 ]]; then echo "- PASS: $text"; else echo "- MISS: $text"; fi
}
g=0
if [[ ${OK[plain.quorum]} == 1 && ${ERR[plain.quorum]} == 0 ]] && at_least "${RPS[plain.quorum]}" "${RPS[plain.nginx]}" 80; then g=1; fi
goal "$g" "200 at ≥ 80 % of nginx (got $(ratio "${RPS[plain.quorum]}" "${RPS[plain.nginx]}"))"
g=0
if [[ ${OK[304.quorum]} == 1 && ${ERR[304.quorum]} == 0 ]] && at_least "${RPS[304.quorum]}" "${RPS[304.nginx]}" 90; then g=1; fi
note=""
[[ ${OK[304.quorum]} == 1 ]] || note=", but Quorum did not answer 304"
goal "$g" "304 at ≥ 90 % of nginx (got $(ratio "${RPS[304.quorum]}" "${RPS[304.nginx]}")$note)"
g=0
if [[ -n $HWM_KIB ]] && ((HWM_KIB < 100 * 1024)); then g=1; fi
goal "$g" "memory < 100 MiB (peak $(if [[ -n $HWM_KIB ]]; then mib "$HWM_KIB"; else echo "?"; fi) MiB)"
echo

echo "- feed: $FEED_BYTES bytes ($(human_size "$FEED_BYTES")), $FEED_EVENTS events; gzip -9: $GZ_BYTES bytes"
echo "- meetings: $created of $MEETINGS published (seeded through the API in $seed_secs s, $retry retried one by one)"
echo "- quorum peak RSS (VmHWM): $(if [[ -n $HWM_KIB ]]; then mib "$HWM_KIB"; else echo "?"; fi) MiB; RSS at end (VmRSS): $(if [[ -n $RSS_KIB ]]; then mib "$RSS_KIB"; else echo "?"; fi) MiB"
echo "- load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, keep-alive, on the same machine as the servers; $ROUNDS rounds per case and server, alternating which goes first, median round shown"
echo "- nginx: $nginx_version, worker_processes 2, keepalive_requests 1000000, gzip_static on, etag on, open_file_cache, sendfile off (default)"
if rev=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- src Cargo.toml Cargo.lock migrations templates 2>/dev/null || rev+=" + uncommitted changes"
else
    rev="unknown revision"
fi
echo "- quorum: $rev, release build"
echo "- machine: $(machine_line)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
line=""
for c in "${CASES[@]}"; do
    for ((r = 1; r <= ROUNDS; r++)); do
        line+="${line:+; }$c/$r: nginx ${FOREIGN[$c.nginx.$r]:-?} s, quorum ${FOREIGN[$c.quorum.$r]:-?} s"
    done
done
echo "- CPU used by other processes during each run (limit $FOREIGN_LIMIT s): $line"
if ((${#NOTES[@]} > 0)); then
    echo
    echo "Observations:"
    for w in "${NOTES[@]}"; do
        echo "- $w"
    done
fi
if ((${#WARNINGS[@]} > 0)); then
    echo
    echo "Warnings:"
    for w in "${WARNINGS[@]}"; do
        echo "- $w"
    done
fi
