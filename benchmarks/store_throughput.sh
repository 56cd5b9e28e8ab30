#!/usr/bin/env bash
# Store write throughput and per-turn latency of `supportbot chat --plain`.
#
# Trains the shipped intents into a fresh store (with the hand-off action removed and
# --threshold 0, so every line gets a rendered reply rather than a hand-off and silence), then
# pipes LINES customer lines (the held-out test utterances, cycled) through one
# `chat --plain --json` process, and then through WRITERS processes at once. Prints exchanges/s (each exchange logs a customer turn and a bot turn in one
# transaction) from wall-clock time, and p50/p99 of `latency_us`, which each reply measures
# in-process: classify + render + commit.
#
# DURABILITY=normal|full (default normal) is set with `supportbot settings set durability` after
# training: SQLite's synchronous=NORMAL or FULL for every chat process (on PostgreSQL the
# server's settings decide; the script prints them).
#
# Usage: benchmarks/store_throughput.sh [LINES] [WRITERS]   (SUPPORTBOT_BIN, CONFIG, DURABILITY to override;
# DB=postgres://… runs against an empty PostgreSQL database instead of a fresh SQLite file)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-5000}
WRITERS=${2:-4}
BIN=${SUPPORTBOT_BIN:-.build/release/supportbot}
CONFIG=${CONFIG:-default}
DURABILITY=${DURABILITY:-normal}
[[ -x $BIN ]] || { echo "build first: swift build -c release" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=${DB:-$WORK/bench.sqlite}

cp -r intents "$WORK/intents"
sed -i '/^action: handoff/d' "$WORK"/intents/*/*.yaml
"$BIN" sync --db "$DB" --intents "$WORK/intents" >/dev/null
start=$(date +%s.%N)
"$BIN" train --db "$DB" --config "$CONFIG" 2>/dev/null | tail -1
echo "train: $(echo "$(date +%s.%N) - $start" | bc) s"
case $DB in
    postgres://* | postgresql://*) echo "durability: the server's (synchronous_commit $(psql "$DB" -Atc 'SHOW synchronous_commit'), fsync $(psql "$DB" -Atc 'SHOW fsync'))" ;;
    *)
        "$BIN" settings set durability "$DURABILITY" --db "$DB" >/dev/null
        echo "durability: $("$BIN" settings get durability --db "$DB")"
        ;;
esac

grep -h '^ *- ' intents/test/*/*.yaml | sed -E 's/^ *- //; s/^"(.*)"$/\1/' > "$WORK/utterances.txt"
awk -v n="$LINES" '{ u[NR] = $0 } END { for (i = 0; i < n; i++) print u[i % NR + 1] }' "$WORK/utterances.txt" > "$WORK/lines.txt"

percentiles() {  # JSON lines on stdin → "p50 … p99 …" of latency_us
    grep -o '"latency_us":[0-9]*' | cut -d: -f2 | sort -n |
        awk '{ v[NR] = $1 } END { printf "p50 %d us, p99 %d us, max %d us", v[int(NR * 0.50) + 1], v[int(NR * 0.99) + 1], v[NR] }'
}

run_writers() {  # $1 writers, each sending all lines
    local writers=$1 start end
    start=$(date +%s.%N)
    for w in $(seq 1 "$writers"); do
        "$BIN" chat --plain --json --threshold 0 --seed "$w" --db "$DB" < "$WORK/lines.txt" > "$WORK/out$w.jsonl" &
    done
    wait
    end=$(date +%s.%N)
    local total=$((writers * LINES))
    local got
    got=$(cat "$WORK"/out*.jsonl | wc -l)
    [[ $got -eq $total ]] || { echo "expected $total replies, got $got" >&2; exit 1; }
    ! grep -q '"reply":null' "$WORK"/out*.jsonl || { echo "a line got no reply" >&2; exit 1; }
    printf "%d writer(s) × %d lines: %.0f exchanges/s (%.0f turns/s) over %.2f s; " \
        "$writers" "$LINES" "$(echo "$total / ($end - $start)" | bc -l)" "$(echo "2 * $total / ($end - $start)" | bc -l)" "$(echo "$end - $start" | bc)"
    cat "$WORK"/out*.jsonl | percentiles
    echo
    rm -f "$WORK"/out*.jsonl
}

run_writers 1
run_writers "$WRITERS"
count='SELECT COUNT(*) FROM turn'
case $DB in
    postgres://* | postgresql://*) stored=$(psql "$DB" -Atc "$count" 2>/dev/null || echo '?') ;;
    *) stored=$(sqlite3 "$DB" "$count" 2>/dev/null || echo '?') ;;
esac
echo "turns stored: $stored (expected $((2 * LINES * (1 + WRITERS))))"
