#!/usr/bin/env bash
# Materials benchmark: (a) a 5 MB PDF material downloaded from Quorum and from nginx serving
# the same file in the same run; (b) the meeting page with 10 materials on SQLite; (c) the
# server's peak RSS (VmHWM) while a 50 MB file is uploaded.
#
#   bash bench/materials.sh            # from the repository root
#
# Builds the release binary (SKIP_BUILD=1 to use target/release/quorum as it is), starts
# Quorum on a fresh SQLite database in a temporary directory and nginx beside it, runs wrk
# and prints a Markdown table on standard output (progress on standard error). All traffic
# goes to 127.0.0.1.
#
# Environment: DURATION (10s), CONNECTIONS (16), THREADS (2), QUORUM_PORT, NGINX_PORT,
# SKIP_BUILD=1, KEEP_TMP=1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
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
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
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

ensure_tools
NGINX=$(nginx_bin)

TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/quorum
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "cargo build --release"
    cargo build --release --quiet >&2 || die "cargo build --release failed"
fi
[[ -x $BIN ]] || die "$BIN not found"
BIN=$(cd "$(dirname "$BIN")" && pwd)/quorum

QUORUM_PORT=${QUORUM_PORT:-$(free_port 18181)}
NGINX_PORT=${NGINX_PORT:-$(free_port 18281 "$QUORUM_PORT")}
Q="http://127.0.0.1:$QUORUM_PORT"
N="http://127.0.0.1:$NGINX_PORT"
mkdir -p "$TMP/mail" "$TMP/www" "$TMP/nginx" "$TMP/wrk" "$TMP/curl"
chmod 711 "$TMP"
chmod 755 "$TMP/www"

quorum_env=(DATABASE_URL="sqlite://$TMP/q.db" QUORUM_BIND="127.0.0.1:$QUORUM_PORT"
    QUORUM_MAIL_DIR="$TMP/mail" QUORUM_RATE_LIMIT=0 QUORUM_MAX_UPLOAD_MB=60 RUST_LOG=warn)
echo 'benchmark password 1' | (cd "$TMP" && env "${quorum_env[@]}" "$BIN" staff add \
    --email bench@example.org --name Bench --role admin >/dev/null) || die "quorum staff add failed"
TOKEN=$(cd "$TMP" && env "${quorum_env[@]}" "$BIN" token create --email bench@example.org --name bench | tail -1)
[[ -n $TOKEN ]] || die "no token"

log "starting quorum on $Q"
(cd "$TMP" && exec env "${quorum_env[@]}" "$BIN" serve >"$TMP/quorum.log" 2>&1) &
QUORUM_PID=$!
wait_http "$Q/healthz" 60 "$QUORUM_PID" || die "quorum did not become healthy"
auth="Authorization: Bearer $TOKEN"

post_json() {
    curl -sS --max-time 30 -o "$TMP/curl/out.json" -w '%{http_code}' -H "$auth" \
        -H 'Content-Type: application/json' --data-binary "$2" "$Q$1"
}
[[ $(post_json /api/v1/groups '{"slug":"ssr2","name":"SSR2 Review Team","description":"Review team."}') == 201 ]] ||
    die "group: $(cat "$TMP/curl/out.json")"
day=$(date -u -d "+30 days" +%F)
[[ $(post_json /api/v1/meetings "{\"group\":\"ssr2\",\"title\":\"SSR2 plenary\",\"description\":\"Plenary.\",\"format\":\"online\",\"timezone\":\"Europe/Madrid\",\"starts_at\":\"${day}T09:00\",\"ends_at\":\"${day}T12:00\",\"online_url\":\"https://meet.example.org/ssr2\",\"status\":\"published\"}") == 201 ]] ||
    die "meeting: $(cat "$TMP/curl/out.json")"
MID=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$TMP/curl/out.json" | head -1)

# A 5 MB "PDF" (a PDF header and random bytes: what is measured is moving bytes).
{ printf '%%PDF-1.7\n'; head -c $((5 * 1000 * 1000)) /dev/urandom; } >"$TMP/www/report.pdf"
upload() {
    curl -sS --max-time 300 -o "$TMP/curl/up.json" -w '%{http_code}' -H "$auth" \
        -F "file=@$1" -F "title=$2" -F "kind=$3" "$Q/api/v1/meetings/$MID/materials"
}
[[ $(upload "$TMP/www/report.pdf" "Final report" document) == 201 ]] || die "upload: $(cat "$TMP/curl/up.json")"
PDF_URL=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$TMP/curl/up.json")
KINDS=(agenda slides minutes recording transcript chat document slides minutes)
for ((i = 0; i < 9; i++)); do
    head -c 20000 /dev/urandom >"$TMP/small$i.pdf"
    [[ $(upload "$TMP/small$i.pdf" "Material $i" "${KINDS[$i]}") == 201 ]] || die "upload $i"
done

log "starting nginx on $N"
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx/body;
    open_file_cache max=16 inactive=60s;
    keepalive_requests 1000000;
    types { application/pdf pdf; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/www;
        etag on;
        location / { }
    }
}
EOF
"$NGINX" -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
wait_http "$N/report.pdf" 20 "$NGINX_PID" || die "nginx did not start"

# (c) first, so that the peak is the upload's and not the downloads'.
log "(c) peak RSS while uploading 50 MB"
head -c $((50 * 1024 * 1024)) /dev/urandom >"$TMP/big.mp4"
rss_before=$(proc_kib "$QUORUM_PID" VmHWM)
code=$(upload "$TMP/big.mp4" "Recording" recording)
rss_after=$(proc_kib "$QUORUM_PID" VmHWM)
[[ $code == 201 ]] || log "50 MB upload answered $code"
log "(a) 5 MB PDF: quorum"
run_wrk "$TMP/wrk/pdf-quorum.txt" "$PDF_URL"
log "(a) 5 MB PDF: nginx"
run_wrk "$TMP/wrk/pdf-nginx.txt" "$N/report.pdf"
log "(b) meeting page with 10 materials"
run_wrk "$TMP/wrk/page.txt" "$Q/meetings/$MID"


q_rps=$(wrk_field "$TMP/wrk/pdf-quorum.txt" rps)
n_rps=$(wrk_field "$TMP/wrk/pdf-nginx.txt" rps)
p_rps=$(wrk_field "$TMP/wrk/page.txt" rps)
echo "## Materials benchmark"
echo
echo "Machine: $(machine_line). wrk -t$THREADS -c$CONNECTIONS -d$DURATION, SQLite."
echo
echo "| case | result | target |"
echo "|---|---|---|"
echo "| (a) 5 MB PDF, Quorum | $q_rps req/s (p99 $(wrk_field "$TMP/wrk/pdf-quorum.txt" p99), non-2xx $(wrk_field "$TMP/wrk/pdf-quorum.txt" non2xx)) | |"
echo "| (a) 5 MB PDF, nginx | $n_rps req/s (p99 $(wrk_field "$TMP/wrk/pdf-nginx.txt" p99)) | |"
echo "| (a) Quorum / nginx | $(ratio "$q_rps" "$n_rps") | ≥ 50 % $(at_least "$q_rps" "$n_rps" 50 && echo ok || echo MISSED) |"
echo "| (b) meeting page, 10 materials | $p_rps req/s (p99 $(wrk_field "$TMP/wrk/page.txt" p99), non-2xx $(wrk_field "$TMP/wrk/page.txt" non2xx)) | ≥ 5000 $( [[ $p_rps =~ ^[0-9]+$ && $p_rps -ge 5000 ]] && echo ok || echo MISSED) |"
echo "| (c) peak RSS (VmHWM) before / after a 50 MB upload ($code) | $(mib "${rss_before:-0}") MiB / $(mib "${rss_after:-0}") MiB | |"
