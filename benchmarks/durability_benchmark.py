#!/usr/bin/env python3
"""The cost of `durability full` (SQLite synchronous=FULL) against `normal`, in exchanges/s.

One store is prepared once (the shipped intents without hand-offs, a small model so that
classifying is cheap and the commit dominates); then ROUNDS rounds each run one
`chat --plain --json --threshold 0` process over LINES customer lines under both settings,
alternating which goes first (normal-full, full-normal, ...), so drift in the machine's load
and the store's growth fall on both alike. Printed: exchanges/s per setting (median, quartiles,
min-max over the rounds) and the paired ratio full/normal per round (median and range).

Load drifts; system calls do not: one further run of each setting under `strace -f -T`
counts the fsync/fdatasync calls per exchange and the time spent in them, which is the
cost `full` adds (the extra WAL sync per commit).

Usage: benchmarks/durability_benchmark.py [--rounds 10] [--lines 1000]
(SUPPORTBOT_BIN overrides .build/release/supportbot)
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SUPPORTBOT_BIN", os.path.join(ROOT, ".build/release/supportbot"))
TINY = {"base": "default", "embeddingDim": 16, "hiddenSize": 16, "ngramBuckets": 256, "epochs": 3,
        "batchSize": 32, "validationFraction": 0, "patience": 0}


def run(*args, **kwargs):
    return subprocess.run([BIN, *args], check=True, stdout=subprocess.PIPE, text=True, **kwargs).stdout


def prepare(work):
    """A trained store whose every line gets a reply, and the customer lines to send."""
    intents = os.path.join(work, "intents")
    shutil.copytree(os.path.join(ROOT, "intents"), intents)
    for path in glob.glob(os.path.join(intents, "*", "*.yaml")):
        with open(path) as f:
            kept = [line for line in f if not line.startswith("action: handoff")]
        with open(path, "w") as f:
            f.writelines(kept)
    db = os.path.join(work, "bench.sqlite")
    config = os.path.join(work, "tiny.json")
    with open(config, "w") as f:
        json.dump(TINY, f)
    run("sync", "--db", db, "--intents", intents)
    subprocess.run([BIN, "train", "--db", db, "--config", config], check=True, capture_output=True)
    utterances = []
    for path in sorted(glob.glob(os.path.join(ROOT, "intents", "test", "*", "*.yaml"))):
        with open(path) as f:
            utterances += [m.group(1).strip('"') for m in re.finditer(r"^ *- (.*)$", f.read(), re.M)]
    return db, utterances


def chat(db, durability, lines, prefix=()):
    """Seconds for one chat process over `lines` under `durability` (and its stderr)."""
    run("settings", "set", "durability", durability, "--db", db)
    begin = time.monotonic()
    done = subprocess.run([*prefix, BIN, "chat", "--plain", "--json", "--threshold", "0", "--db", db],
                          input="\n".join(lines) + "\n", check=True, capture_output=True, text=True)
    seconds = time.monotonic() - begin
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(replies) == len(lines) and all(r.get("reply") for r in replies), "a line got no reply"
    return seconds


def syncs(db, durability, lines, work):
    """fsync/fdatasync calls and the seconds spent in them, for one chat over `lines`."""
    trace = os.path.join(work, f"strace-{durability}.txt")
    chat(db, durability, lines, prefix=("strace", "-f", "-T", "-e", "trace=fsync,fdatasync", "-o", trace))
    with open(trace) as f:
        times = [float(m.group(1)) for m in re.finditer(r"^\d+ +f(?:data)?sync\(.*<([\d.]+)>$", f.read(), re.M)]
    return len(times), sum(times)


def spread(values):
    q = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
    return f"{statistics.median(values):.1f} (quartiles {q[0]:.1f}–{q[2]:.1f}, range {min(values):.1f}–{max(values):.1f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--lines", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db, utterances = prepare(work)
        lines = [utterances[i % len(utterances)] for i in range(options.lines)]
        rate = {"normal": [], "full": []}
        for round_ in range(options.rounds):
            order = ("normal", "full") if round_ % 2 == 0 else ("full", "normal")
            for durability in order:
                rate[durability].append(options.lines / chat(db, durability, lines))
            print(f"round {round_ + 1}: normal {rate['normal'][-1]:.1f}, full {rate['full'][-1]:.1f} exchanges/s", flush=True)
        ratios = [f / n for n, f in zip(rate["normal"], rate["full"])]
        for durability in ("normal", "full"):
            print(f"{durability}: {spread(rate[durability])} exchanges/s over {options.rounds} runs of {options.lines} lines")
        print(f"full/normal, paired by round: median {statistics.median(ratios):.3f}, range {min(ratios):.3f}–{max(ratios):.3f}")
        for durability in ("normal", "full"):
            count, seconds = syncs(db, durability, lines, work)
            print(f"{durability} under strace: {count} fsync/fdatasync calls ({count / options.lines:.2f} an exchange), "
                  f"{seconds:.3f} s in them ({1000 * seconds / options.lines:.3f} ms an exchange)")


if __name__ == "__main__":
    main()
