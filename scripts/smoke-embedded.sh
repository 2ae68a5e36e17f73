#!/usr/bin/env bash
# Starts the network exactly as the README's quick start does (DATABASE_URL unset: embedded
# PGlite, migrated and seeded), waits for readiness, asks one query through the gateway,
# then stops it with Ctrl-C (SIGINT) and checks that every process it started is gone.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
export EMBEDDED_DB_DIR="${EMBEDDED_DB_DIR:-$(mktemp -d)/pglite}"
log=$(mktemp)
# Its own process group, so Ctrl-C can be sent to the group as a terminal would.
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -INT -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT

started=$(date +%s)
until curl -sf http://localhost:4000/ready >/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 120 ]; then echo "not ready after 120 s:"; cat "$log"; exit 1; fi
  sleep 1
done
echo "ready after $(( $(date +%s) - started )) s"

answer=$(curl -sf http://localhost:4000/graphql -H 'content-type: application/json' \
  -d '{"query":"{ community(slug: \"seattle-wa-us\") { name country { code } } }"}')
echo "$answer"
echo "$answer" | grep -q '"name":"Seattle"' || { echo "unexpected answer"; cat "$log"; exit 1; }

kill -INT -- "-$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "npm start did not stop on Ctrl-C"; exit 1; fi
if pgrep -g "$pid" >/dev/null 2>&1; then echo "processes of npm start are still running:"; pgrep -ag "$pid"; exit 1; fi
trap - EXIT
if curl -sf http://localhost:4000/health >/dev/null 2>&1; then echo "the gateway is still answering after stop"; exit 1; fi
echo "smoke test: 1 passed, 0 failed"
