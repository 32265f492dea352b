#!/usr/bin/env bash
# Schemathesis against the running server: every operation that GET /api/v1/openapi.json
# describes, with all checks and 40 examples each, as anonymous and as staff (bearer token).
# Builds nothing: run `cargo build` first (it uses target/debug/quorum). Exits non-zero on
# any finding. SCHEMATHESIS_SEED=N repeats a run; the default seed is fixed so that CI is
# reproducible.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=4.32.5
bin=target/debug/quorum
if [ ! -x "$bin" ]; then
  echo "error: $bin is missing; run cargo build first" >&2
  exit 1
fi

# A pinned schemathesis in a virtualenv under target/ (installed from PyPI once).
venv=target/schemathesis-venv
if ! "$venv/bin/st" --version 2>/dev/null | grep -qF "version $version"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

# The database in memory-backed storage where there is some: the run is thousands of small
# writes, each waiting for the disk otherwise.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then work=$(mktemp -d -p /dev/shm); else work=$(mktemp -d); fi
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A fresh SQLite file with the demo data; mail goes to files. The rate limit is off: the
# run sends hundreds of anonymous registrations from one address.
export DATABASE_URL="sqlite://$work/quorum.db"
export QUORUM_BIND="127.0.0.1:$port"
export QUORUM_BASE_URL="http://127.0.0.1:$port"
export QUORUM_MAIL_DIR="$work/mail"
export QUORUM_RATE_LIMIT=0
export QUORUM_LOG_FORMAT=text
export RUST_LOG="${RUST_LOG:-warn}"
unset QUORUM_SMTP_URL QUORUM_METRICS_TOKEN QUORUM_TRUSTED_PROXIES

"$bin" migrate >/dev/null
"$bin" demo >/dev/null
echo 'schemathesis staff password' |
  "$bin" staff add --email schemathesis@example.org --name Schemathesis --role admin >/dev/null
token=$("$bin" token create --email schemathesis@example.org --name schemathesis | tail -1)

"$bin" serve >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

status=0
"$venv/bin/st" --no-color --config-file tests/schemathesis/schemathesis.toml \
  run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all \
  --max-examples 40 \
  --seed "${SCHEMATHESIS_SEED:-20261207}" \
  --workers 1 \
  --header "Authorization: Bearer $token" || status=$?

if grep -q ' ERROR \|panicked' "$work/serve.log"; then
  echo "error: the server logged errors during the run:" >&2
  grep ' ERROR \|panicked' "$work/serve.log" | head -20 >&2
  status=1
fi
exit "$status"
