#!/usr/bin/env python3
"""`supportbot stats` on a synthetic store of 1 000 000 turns, for BENCHMARKS.md.

Builds a store with the shipped intents (`supportbot sync`, so every migration runs), two
registry model rows, and TURNS logged turns — customer and bot in turn, 10 a conversation,
over 30 days, with outcomes (replied, fallback, hand-offs, quiet), token counts, latencies,
hand-off events and a label on one customer turn in 50 — written straight into SQLite (the
generator follows `seed_turns` of tui_benchmark.py; the synthetic turns are not put in the
text-search index, which stats never read; the stats rollups' triggers, where the binary's
schema has them, keep the rollups as the turns go in). Then times each `stats` command RUNS
times (median wall clock, process start included), with `stats` on the empty store (start-up
and opening) as a baseline; with `--before BIN` (say, main's binary) the same on a second
store that BIN made and the same seed filled, in the same run.

    benchmarks/stats_benchmark.py [--bin .build/release/supportbot] [--before BIN] [--turns 1000000] [--runs 5]
"""
import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DAYS = 30
START = 1_793_534_400  # 2026-11-01 12:00 UTC


def stamp(seconds):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds)) + ".000"


def seed(db, turns):
    rng = random.Random(7)
    with sqlite3.connect(db) as c:
        intents = [row[0] for row in c.execute("SELECT name FROM intent ORDER BY name")]
        for version in (1, 2):
            c.execute("INSERT INTO model (version, createdAt, configName, config, metadata, checkpoint, isActive)"
                      " VALUES (?, ?, 'default', '{}', '{}', x'00', ?)", (version, stamp(START), version == 2))
        per_conversation, span = 10, DAYS * 86_400
        rankings = [json.dumps([{"intent": name, "confidence": round(rng.random(), 4)} for name in rng.sample(intents, 8)])
                    for _ in range(97)]
        turn_rows, labels, events = [], [], []
        conversation, handed, previous_fallback = None, False, False
        next_id = c.execute("SELECT COALESCE(MAX(id), 0) FROM turn").fetchone()[0] + 1
        for i in range(turns):
            position = i % per_conversation + 1
            at = stamp(START + span * i // turns)
            if position == 1:
                agent = rng.choice(["ann", "bob", "kim", "lee"])
                conversation = c.execute("INSERT INTO conversation (startedAt, agent) VALUES (?, ?)", (at, agent)).lastrowid
                handed, previous_fallback = False, False
            version = 1 if i < turns // 2 else 2
            if position % 2 == 1:
                intent, confidence = rng.choice(intents), rng.random()
                top = rankings[i % len(rankings)]
                if handed:
                    outcome, reason = "quiet", None
                elif confidence < 0.25:
                    outcome, reason = ("handoff", "repeated_fallback") if previous_fallback else ("fallback", None)
                elif intent == "talk_to_human":
                    outcome, reason = "handoff", "requested"
                else:
                    outcome, reason = "replied", None
                previous_fallback = outcome == "fallback"
                if outcome == "handoff":
                    handed = True
                    events.append((conversation, reason, at))
                tokens = rng.randint(2, 14)
                turn_rows.append((next_id + i, conversation, position, "customer", f"customer line {i}", intent, confidence, top,
                                  outcome, reason, None, version, at, tokens, rng.randint(0, tokens // 4)))
                if i % 100 == 0:  # one customer turn in 50 (i % 10 == 0 is a customer line)
                    labels.append((next_id + i, intent if rng.random() < 0.8 else rng.choice(intents), at))
            else:
                understood = turn_rows[-1][8] == "replied" or turn_rows[-1][9] == "requested"
                quiet = turn_rows[-1][8] == "quiet"  # an agent answers instead
                turn_rows.append((next_id + i, conversation, position, "agent" if quiet else "bot", "a reply",
                                  intent if understood else None, None, None, None, None,
                                  None if quiet else rng.randint(200, 3000), None if quiet else version, at, None, None))
        # The synthetic turns stay out of the text-search index (stats never read it): its
        # trigger is dropped while they go in, and put back; the stats index is built once after.
        trigger = c.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'turnSearchInsert'").fetchone()
        if trigger:
            c.execute("DROP TRIGGER turnSearchInsert")
        index = c.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'turn_stats'").fetchone()[0]
        c.execute("DROP INDEX turn_stats")
        c.executemany("INSERT INTO turn (id, conversationId, position, role, text, intent, confidence, topIntents, outcome,"
                      " handoffReason, latencyMicros, modelVersion, createdAt, tokenCount, unknownTokens)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turn_rows)
        if trigger:
            c.execute(trigger[0])
        c.execute(index)
        c.executemany("INSERT INTO labelEvent (turnId, kind, intent, annotator, createdAt) VALUES (?, 'label', ?, 'seed', ?)", labels)
        c.executemany("INSERT INTO conversationEvent (conversationId, kind, reason, createdAt) VALUES (?, 'handoff', ?, ?)", events)
        c.execute("UPDATE conversation SET handedOffAt = (SELECT MAX(createdAt) FROM conversationEvent e"
                  " WHERE e.conversationId = conversation.id)")
        c.commit()
        c.execute("ANALYZE")
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def timed(binary, db, args, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([binary, "stats", "--db", db, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"stats {' '.join(args)}: {result.stderr.decode()}")
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/supportbot"))
    parser.add_argument("--before", help="a second binary to time on its own store, seeded the same")
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    last_day = time.strftime("%Y-%m-%d", time.gmtime(START + (DAYS - 1) * 86_400))
    week = time.strftime("%Y-%m-%d", time.gmtime(START + (DAYS - 7) * 86_400))
    commands = [
        ["--format", "json"], ["--since", week], ["--since", week, "--until", last_day, "--check"], ["--by", "day"],
        ["--by", "hour"], ["--by", "model"], ["--by", "agent"], ["--format", "prometheus"], ["--version", "2", "--agent", "ann"],
    ]
    with tempfile.TemporaryDirectory() as directory:
        binaries = [("after", options.bin)] + ([("before", options.before)] if options.before else [])
        results = {}
        for name, binary in binaries:
            db = os.path.join(directory, f"{name}.sqlite")
            subprocess.run([binary, "sync", "--db", db, "--intents", os.path.join(ROOT, "intents")], check=True,
                           stdout=subprocess.DEVNULL)
            empty = timed(binary, db, [], options.runs)
            start = time.perf_counter()
            seed(db, options.turns)
            print(f"{name}: seeded {options.turns} turns in {time.perf_counter() - start:.1f} s;"
                  f" store {os.path.getsize(db) / 1e6:.0f} MB; stats on the empty store: {empty * 1000:.0f} ms")
            results[name] = [timed(binary, db, args, options.runs) for args in commands]
        if options.before:
            print("| command | before | after | ratio |")
            print("| --- | --- | --- | --- |")
            for args, before, after in zip(commands, results["before"], results["after"]):
                print(f"| `stats {' '.join(args)}` | {before * 1000:.0f} ms | {after * 1000:.0f} ms | {before / after:.0f}× |")
        else:
            print("| command | time |")
            print("| --- | --- |")
            for args, after in zip(commands, results["after"]):
                print(f"| `stats {' '.join(args)}` | {after * 1000:.0f} ms |")

if __name__ == "__main__":
    main()
