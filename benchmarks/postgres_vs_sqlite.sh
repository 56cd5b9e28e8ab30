#!/usr/bin/env bash
# Logged exchanges per second and p50/p99 latency of one logged turn (`latency_us` of
# `chat --plain --json`: classify + render + commit), with 1 and WRITERS writers, on SQLite
# and on PostgreSQL, in one run on one machine: benchmarks/store_throughput.sh against a fresh
# SQLite file, then against an empty database on a private PostgreSQL server on loopback
# (scripts/with-postgres.sh; fsync off there, as in the tests — SQLite runs with its default
# synchronous=NORMAL).
#
# Usage: benchmarks/postgres_vs_sqlite.sh [LINES] [WRITERS]   (default 2000 8)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-2000}
WRITERS=${2:-8}
if [[ -z ${SUPPORTBOT_TEST_POSTGRES:-} ]]; then
    [[ -n ${SUPPORTBOT_TEST_POSTGRES_SKIP:-} ]] && { echo "no PostgreSQL server: $SUPPORTBOT_TEST_POSTGRES_SKIP" >&2; exit 1; }
    exec scripts/with-postgres.sh "$0" "$@"
fi
echo "== SQLite"
benchmarks/store_throughput.sh "$LINES" "$WRITERS"
echo "== PostgreSQL ($(psql "$SUPPORTBOT_TEST_POSTGRES" -Atc 'SHOW server_version'))"
psql "$SUPPORTBOT_TEST_POSTGRES" -qc 'CREATE DATABASE bench' >/dev/null
DB=${SUPPORTBOT_TEST_POSTGRES%/*}/bench benchmarks/store_throughput.sh "$LINES" "$WRITERS"
