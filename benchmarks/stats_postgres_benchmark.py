#!/usr/bin/env python3
"""`supportbot stats` over 1 000 000 turns on PostgreSQL against SQLite, in one run, for BENCHMARKS.md.

Seeds the synthetic SQLite store of stats_benchmark.py (same generator, same seed), copies it with
`supportbot migrate --from sqlite:… --to postgres://…` into an empty database on a private
PostgreSQL server on loopback (scripts/with-postgres.sh: a temp cluster, fsync off as in the tests),
runs ANALYZE there, then times each `stats` command RUNS times on both stores (median wall clock,
process start included; SQLite's figure is the baseline measured in the same run).

    benchmarks/stats_postgres_benchmark.py [--bin .build/release/supportbot] [--turns 1000000] [--runs 3]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

from stats_benchmark import DAYS, ROOT, START, seed, timed


def commands():
    last_day = time.strftime("%Y-%m-%d", time.gmtime(START + (DAYS - 1) * 86_400))
    week = time.strftime("%Y-%m-%d", time.gmtime(START + (DAYS - 7) * 86_400))
    return [[], ["--since", week], ["--since", week, "--until", last_day, "--check"], ["--by", "day"],
            ["--by", "model"], ["--by", "agent"], ["--format", "prometheus"], ["--version", "2", "--agent", "ann"]]


def main():
    if not os.environ.get("SUPPORTBOT_TEST_POSTGRES"):
        if os.environ.get("SUPPORTBOT_TEST_POSTGRES_SKIP"):
            raise SystemExit(f"no PostgreSQL server: {os.environ['SUPPORTBOT_TEST_POSTGRES_SKIP']}")
        os.execv(os.path.join(ROOT, "scripts/with-postgres.sh"), ["with-postgres.sh", sys.executable, *sys.argv])
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/supportbot"))
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    server = os.environ["SUPPORTBOT_TEST_POSTGRES"]
    subprocess.run(["psql", server, "-qc", "CREATE DATABASE stats"], check=True, stdout=subprocess.DEVNULL)
    postgres = server.rsplit("/", 1)[0] + "/stats"
    with tempfile.TemporaryDirectory() as directory:
        sqlite = os.path.join(directory, "stats.sqlite")
        subprocess.run([options.bin, "sync", "--db", sqlite, "--intents", os.path.join(ROOT, "intents")],
                       check=True, stdout=subprocess.DEVNULL)
        seed(sqlite, options.turns)
        start = time.perf_counter()
        subprocess.run([options.bin, "migrate", "--from", f"sqlite:{sqlite}", "--to", postgres], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"migrated {options.turns} turns to PostgreSQL in {time.perf_counter() - start:.1f} s")
        subprocess.run(["psql", postgres, "-qc", "ANALYZE"], check=True)
        version = subprocess.run(["psql", postgres, "-Atc", "SHOW server_version"], check=True, capture_output=True,
                                 text=True).stdout.strip()
        print(f"load average {os.getloadavg()[0]:.1f}; PostgreSQL {version}")
        print("| command | SQLite | PostgreSQL | PostgreSQL / SQLite |")
        print("| --- | --- | --- | --- |")
        for args in commands():
            lite = timed(options.bin, sqlite, args, options.runs)
            pg = timed(options.bin, postgres, args, options.runs)
            print(f"| `stats {' '.join(args)}` | {lite * 1000:.0f} ms | {pg * 1000:.0f} ms | {pg / lite:.2f}× |")


if __name__ == "__main__":
    main()
