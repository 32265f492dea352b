# shellcheck shell=bash
# Helpers shared by the benchmark scripts in bench/. Sourced, never run.
# Everything here talks to 127.0.0.1 only and is bounded in time.

# log MESSAGE...: progress on standard error, so standard output stays the report.
log() {
    printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# ensure_tools: wrk and nginx from Debian's packages, installed only when missing.
ensure_tools() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v gzip >/dev/null 2>&1 || missing+=(gzip)
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}; run as root or install them"
        sudo=(sudo)
    fi
    log "installing ${missing[*]} from Debian packages"
    if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2; then
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -q >&2
        if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2; then
            # Some releases only ship the full package.
            local alt=("${missing[@]/nginx-light/nginx}")
            DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${alt[@]}" >&2 ||
                die "could not install ${missing[*]}"
        fi
    fi
}

nginx_bin() {
    if command -v nginx >/dev/null 2>&1; then
        command -v nginx
    else
        echo /usr/sbin/nginx
    fi
}

# port_in_use PORT: true when something listens on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port START [EXCLUDE...]: first port from START up that nothing listens on.
free_port() {
    local p=$1 ex skip
    shift
    while ((p < 65000)); do
        skip=0
        for ex in "$@"; do
            [[ $p == "$ex" ]] && skip=1
        done
        if ((skip == 0)) && ! port_in_use "$p"; then
            echo "$p"
            return 0
        fi
        p=$((p + 1))
    done
    die "no free port found"
}

# wait_http URL SECONDS [PID]: wait until URL answers 2xx; fail early if PID dies.
wait_http() {
    local url=$1 deadline=$((SECONDS + $2)) pid=${3:-}
    while ((SECONDS < deadline)); do
        if curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null; then
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        sleep 0.2
    done
    return 1
}

# duration_seconds DURATION: wrk's duration syntax (10, 10s, 2m, 1h) in seconds.
duration_seconds() {
    local d=$1
    case $d in
        *[!0-9smh]* | '') die "bad DURATION: $d" ;;
        *h) echo $((${d%h} * 3600)) ;;
        *m) echo $((${d%m} * 60)) ;;
        *s) echo "${d%s}" ;;
        *) echo "$d" ;;
    esac
}

# run_wrk OUTFILE URL [HEADER...]: one wrk run, bounded by `timeout`, output kept in OUTFILE.
# Uses THREADS, CONNECTIONS, DURATION from the caller.
run_wrk() {
    local out=$1 url=$2 limit
    shift 2
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency)
    local h
    for h in "$@"; do
        args+=(-H "$h")
    done
    limit=$(($(duration_seconds "$DURATION") + 60))
    if ! timeout --kill-after=5 "$limit" wrk "${args[@]}" "$url" >"$out" 2>&1; then
        log "wrk failed or timed out for $url (see $out)"
    fi
}

# wrk_field FILE rps|p99|requests|non2xx|socket: one number (or "-") from wrk's output.
wrk_field() {
    local file=$1 what=$2
    case $what in
        rps) awk '/^Requests\/sec:/ {printf "%.0f", $2; f=1} END {if (!f) print "-"}' "$file" ;;
        p99) awk '$1 == "99%" {print $2; f=1} END {if (!f) print "-"}' "$file" ;;
        requests) awk '/requests in/ {print $1; f=1} END {if (!f) print "-"}' "$file" ;;
        non2xx) awk '/Non-2xx or 3xx responses:/ {print $NF; f=1} END {if (!f) print 0}' "$file" ;;
        socket)
            # "Socket errors: connect 0, read 0, write 0, timeout 0"
            awk '/Socket errors:/ {gsub(",", ""); s = $4 + $6 + $8 + $10; f=1}
                 END {print (f ? s : 0)}' "$file"
            ;;
        *) die "wrk_field: unknown field $what" ;;
    esac
}

# proc_kib PID VmHWM|VmRSS: value in KiB from /proc/PID/status, or empty.
proc_kib() {
    awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || true
}

# mib KIB: KiB as MiB with one decimal.
mib() {
    awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'
}

# human_size BYTES
human_size() {
    awk -v b="$1" 'BEGIN {
        if (b >= 1048576) printf "%.1f MB", b / 1048576;
        else if (b >= 1024) printf "%.0f KB", b / 1024;
        else printf "%d B", b }'
}

# ratio A B: A/B as a percentage, "-" when either is missing.
ratio() {
    if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] && awk -v b="$2" 'BEGIN {exit !(b > 0)}'; then
        awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'
    else
        echo "-"
    fi
}

# at_least A B PERCENT: true when A >= PERCENT % of B.
at_least() {
    [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] &&
        awk -v a="$1" -v b="$2" -v p="$3" 'BEGIN {exit !(b > 0 && a >= b * p / 100)}'
}

# header_value FILE NAME: a response header's value from `curl -D` output (last response).
header_value() {
    awk -v n="$(printf '%s' "$2" | tr '[:upper:]' '[:lower:]')" '
        BEGIN {FS = ":"}
        /^HTTP\// {v = ""}
        { line = $0; sub(/\r$/, "", line); split(line, parts, ":") }
        tolower(parts[1]) == n { sub(/^[^:]*:[ \t]*/, "", line); v = line }
        END {print v}' "$1"
}

machine_line() {
    local cpu
    cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
    printf '%s cores, %s, %s' "$(nproc)" "$(uname -m)" "${cpu:-unknown CPU}"
}

# cpu_snapshot: the machine's busy CPU ticks ("TOTAL busy") then one line per process,
# "pid ppid comm own reaped" (own = its utime+stime, reaped = its waited-for children's).
cpu_snapshot() {
    awk '$1 == "cpu" {print "TOTAL", $2 + $3 + $4 + $9; exit}' /proc/stat
    # A process may end between the glob and the read: cat then fails, and with pipefail
    # so would the snapshot (and set -e the script).
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{
        line = $0
        comm = line; sub(/^[^(]*\(/, "", comm); sub(/\) [^)]*$/, "", comm); gsub(/[ \t]/, "_", comm)
        rest = line; sub(/^.*\) /, "", rest); split(rest, f, " ")
        print $1, f[2], comm, f[12] + f[13], f[14] + f[15] }'
}

# foreign_cpu BEFORE AFTER PID...: CPU seconds the machine spent between two snapshots on
# anything but the PIDs given, their children and this script (whose reaped children are
# wrk and curl); printed as "SECONDS top-consumers". Interrupt time is left out: loopback
# traffic itself is handled there.
foreign_cpu() {
    local before=$1 after=$2
    shift 2
    awk -v excl="$*" -v self="$$" -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" '
        BEGIN { n = split(excl, e, " "); for (i = 1; i <= n; i++) if (e[i] != "") skip[e[i]] = 1 }
        FNR == NR {
            if ($1 == "TOTAL") t0 = $2; else { own[$1 " " $3] = $4; reaped[$1 " " $3] = $5 }
            next
        }
        $1 == "TOTAL" { t1 = $2; next }
        {
            k = $1 " " $3
            d = $4 - ((k in own) ? own[k] : 0)
            if ($1 == self) { ours += d + $5 - ((k in reaped) ? reaped[k] : 0); next }
            if (($1 in skip) || ($2 in skip)) { ours += d; next }
            # ksoftirqd: the loopback traffic of the benchmark itself, when interrupts pile up.
            if ($3 == "wrk" || $3 == "curl" || $3 == "timeout" || $3 ~ /^ksoftirqd/) { ours += d; next }
            if (d > 0) by[$3] += d
        }
        END {
            total = t1 - t0 - ours; if (total < 0) total = 0
            out = ""
            for (k = 0; k < 3; k++) {
                best = ""; bv = 0
                for (c in by) if (by[c] > bv) { bv = by[c]; best = c }
                if (best == "" || bv < hz / 10) break
                out = out (out == "" ? "" : ", ") sprintf("%s %.1f s", best, bv / hz)
                delete by[best]
            }
            if (out == "") out = "short-lived processes"
            printf "%.1f %s\n", total / hz, out
        }' "$before" "$after"
}

# wait_quiet SECONDS: wait (at most SECONDS) until the machine is idle — under 10 % of one
# core busy over one second — so a measurement does not start during someone's build.
# Returns 1 when the machine stayed busy.
wait_quiet() {
    local deadline=$((SECONDS + $1)) a b hz
    hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
    while :; do
        a=$(awk '$1 == "cpu" {print $2 + $3 + $4 + $9; exit}' /proc/stat)
        sleep 1
        b=$(awk '$1 == "cpu" {print $2 + $3 + $4 + $9; exit}' /proc/stat)
        if ((b - a < hz / 10)); then
            return 0
        fi
        if ((SECONDS >= deadline)); then
            return 1
        fi
    done
}

# ensure_commands COMMAND:PACKAGE...: install the Debian PACKAGE of each COMMAND that is
# missing (one apt-get call; apt-get update first only when the install fails).
ensure_commands() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}; run as root or install them"
        sudo=(sudo)
    fi
    log "installing ${missing[*]} from Debian packages"
    if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2; then
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2 ||
            die "could not install ${missing[*]}"
    fi
}

# stop_process PID: TERM, up to 5 s of grace, then KILL; reaps it when it is our child.
stop_process() {
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

# run_wrk_lua OUTFILE SCRIPT URL [HEADER...]: like run_wrk, with a Lua script (-s SCRIPT)
# and wrk's --timeout from WRK_TIMEOUT (default 5s). The script sees this shell's
# environment (os.getenv).
run_wrk_lua() {
    local out=$1 script=$2 url=$3 limit
    shift 3
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "${WRK_TIMEOUT:-5s}" --latency -s "$script")
    local h
    for h in "$@"; do
        args+=(-H "$h")
    done
    limit=$(($(duration_seconds "$DURATION") + 60))
    if ! timeout --kill-after=5 "$limit" wrk "${args[@]}" "$url" >"$out" 2>&1; then
        log "wrk failed or timed out for $url with $script (see $out)"
    fi
}

# wrk_percentile FILE PERCENT: one line of wrk's latency distribution ("50", "99"), or "-".
wrk_percentile() {
    awk -v p="$2%" '$1 == p {print $2; f=1} END {if (!f) print "-"}' "$1"
}

# wrk_ms VALUE: a wrk duration (850.00us, 12.3ms, 1.02s, 1.5m) in milliseconds, or "-".
wrk_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) printf "%.3f", n / 1000
        else if (v ~ /ms$/) printf "%.3f", n
        else if (v ~ /m$/) printf "%.3f", n * 60000
        else if (v ~ /s$/) printf "%.3f", n * 1000
        else print "-" }'
}

# lua_sum FILE KEY: the sum over threads of "thread TID KEY N" lines (bench/wrk/common.lua).
lua_sum() {
    awk -v k="$2" '$1 == "thread" && $3 == k {s += $4} END {print s + 0}' "$1" 2>/dev/null || echo 0
}

# lua_statuses FILE: the answers per HTTP status over all threads, "201×123, 500×2".
lua_statuses() {
    awk '$1 == "status" {n[$3] += $4}
         END {for (c in n) print c, n[c]}' "$1" 2>/dev/null | sort -n |
        awk '{printf "%s%s×%s", sep, $1, $2; sep = ", "}'
}

# lua_value FILE KEY: the number on a "KEY N" line (duration_us, requests), or empty.
lua_value() {
    awk -v k="$2" '$1 == k {print $2}' "$1" 2>/dev/null || true
}

# wrk_max FILE: the largest latency wrk saw ("Latency avg stdev max ..."), or "-".
wrk_max() {
    awk '$1 == "Latency" && NF >= 4 {print $4; f=1} END {if (!f) print "-"}' "$1"
}
