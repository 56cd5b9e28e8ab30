#!/usr/bin/env python3
"""`supportbot stats` over 1 000 000 turns on PostgreSQL against SQLite, for BENCHMARKS.md §3.

Fills a SQLite store as `stats_benchmark.py` does (its `seed`), copies it to an empty database
on a private PostgreSQL server with `supportbot migrate` (timed; then `ANALYZE`, as autovacuum
would after a bulk load), and times each of `stats_benchmark.py`'s commands on both stores in
one run (median wall clock of RUNS, process start included), `stats` on an empty store of each
kind as the baseline of start-up and connecting. Needs a server: runs itself under
scripts/with-postgres.sh when SUPPORTBOT_TEST_POSTGRES is not set.

    benchmarks/stats_postgres_benchmark.py [--bin .build/release/supportbot] [--turns 1000000] [--runs 3]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import stats_benchmark as sb


def main():
    if not os.environ.get("SUPPORTBOT_TEST_POSTGRES"):
        if os.environ.get("SUPPORTBOT_TEST_POSTGRES_SKIP"):
            raise SystemExit("no PostgreSQL server: " + os.environ["SUPPORTBOT_TEST_POSTGRES_SKIP"])
        os.execv(os.path.join(sb.ROOT, "scripts/with-postgres.sh"), ["with-postgres.sh", sys.executable, *sys.argv])
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(sb.ROOT, ".build/release/supportbot"))
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    server = os.environ["SUPPORTBOT_TEST_POSTGRES"]
    base = server.rsplit("/", 1)[0]
    for name in ("stats_empty", "stats_full"):
        subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], check=True, stdout=subprocess.DEVNULL)
    empty_pg, full_pg = base + "/stats_empty", base + "/stats_full"
    last_day = time.strftime("%Y-%m-%d", time.gmtime(sb.START + (sb.DAYS - 1) * 86_400))
    week = time.strftime("%Y-%m-%d", time.gmtime(sb.START + (sb.DAYS - 7) * 86_400))
    commands = [
        ["--format", "json"], ["--since", week], ["--since", week, "--until", last_day, "--check"], ["--by", "day"],
        ["--by", "hour"], ["--by", "model"], ["--by", "agent"], ["--format", "prometheus"], ["--version", "2", "--agent", "ann"],
    ]
    intents = os.path.join(sb.ROOT, "intents")
    with tempfile.TemporaryDirectory() as directory:
        empty, db = os.path.join(directory, "empty.sqlite"), os.path.join(directory, "stats.sqlite")
        for store in (empty, db, empty_pg):
            subprocess.run([options.bin, "sync", "--db", store, "--intents", intents], check=True, stdout=subprocess.DEVNULL)
        start = time.perf_counter()
        sb.seed(db, options.turns)
        print(f"seeded {options.turns} turns in {time.perf_counter() - start:.1f} s; SQLite store {os.path.getsize(db) / 1e6:.0f} MB")
        start = time.perf_counter()
        subprocess.run([options.bin, "migrate", "--from", "sqlite:" + db, "--to", full_pg], check=True, stdout=subprocess.DEVNULL)
        print(f"migrate to PostgreSQL: {time.perf_counter() - start:.1f} s")
        subprocess.run(["psql", full_pg, "-qc", "ANALYZE"], check=True)
        size = subprocess.run(["psql", full_pg, "-Atc", "SELECT pg_database_size(current_database())"], check=True,
                              capture_output=True, text=True).stdout.strip()
        print(f"PostgreSQL database {int(size) / 1e6:.0f} MB")
        print("| command | SQLite | PostgreSQL | PostgreSQL / SQLite |")
        print("| --- | ---: | ---: | ---: |")
        for args, sqlite_store, pg_store in [([], empty, empty_pg)] + [(args, db, full_pg) for args in commands]:
            sqlite_s, pg_s = sb.timed(options.bin, sqlite_store, args, options.runs), sb.timed(options.bin, pg_store, args, options.runs)
            name = f"`stats {' '.join(args)}`" if args else "`stats` on an empty store"
            print(f"| {name} | {sqlite_s * 1000:.0f} ms | {pg_s * 1000:.0f} ms | {pg_s / sqlite_s:.2f}× |")


if __name__ == "__main__":
    main()
