#!/usr/bin/env python3
"""The retraining loop's payoff on BANKING77: labelling the review queue's head against
labelling as many turns picked at random.

BANKING77's train.csv (read in place) is split with a fixed seed into 70 % initial training
data and a 30 % "production stream". A store in a temporary directory gets the 77 intents
with the initial examples and BANKING77's test.csv as the intents' test/ split, so the
store's fixed evaluation set is the official test set (`eval_share` 0: every label trains).
`supportbot train` makes v1; the whole stream is chatted through
`supportbot chat --plain --json --threshold 0` (one long conversation, never handed off).
Then, for each N and each way of choosing, a copy of that store gets N stream turns
labelled with their true intents through `supportbot label` — the first N of
`supportbot review` (fallbacks, then lowest confidence first), or N picked with a fixed seed
— and `supportbot train --promote auto --json` retrains. The figures are its scores on the
evaluation set: the active v1 and the retrained version, and whether the rule promoted it.

Usage: benchmarks/loop_benchmark.py [--data ../shared/datasets/banking77] [--config default]
       [--n 100 400 1600] [--seed 7]   (SUPPORTBOT_BIN overrides .build/release/supportbot)
"""
import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SUPPORTBOT_BIN", os.path.join(ROOT, ".build/release/supportbot"))


def run(args, db, stdin=None):
    """`supportbot args… --db db`; its stdout (a failure stops the benchmark)."""
    r = subprocess.run([BIN] + args + ["--db", db], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"supportbot {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [(r["text"], r["category"]) for r in csv.DictReader(f)]


def yaml_quote(text):
    return json.dumps(text, ensure_ascii=False)


def write_intents(directory, train, test):
    """An intents/ directory: en/INTENT.yaml with the initial examples and one reply, test/en/INTENT.yaml."""
    by_intent, tests = {}, {}
    for text, intent in train:
        by_intent.setdefault(intent, []).append(text)
    for text, intent in test:
        tests.setdefault(intent, []).append(text)
    for intent in sorted(set(by_intent) | set(tests)):
        os.makedirs(os.path.join(directory, "en"), exist_ok=True)
        os.makedirs(os.path.join(directory, "test", "en"), exist_ok=True)
        with open(os.path.join(directory, "en", intent + ".yaml"), "w", encoding="utf-8") as f:
            f.write(f"intent: {intent}\ndescription: {intent.replace('_', ' ')}.\nexamples:\n")
            f.writelines(f"  - {yaml_quote(t)}\n" for t in by_intent.get(intent, []))
            f.write(f"responses:\n  - {yaml_quote('Here is what we know about ' + intent.replace('_', ' ') + '.')}\n")
        with open(os.path.join(directory, "test", "en", intent + ".yaml"), "w", encoding="utf-8") as f:
            f.write(f"intent: {intent}\nexamples:\n")
            f.writelines(f"  - {yaml_quote(t)}\n" for t in tests.get(intent, []))


def copy_store(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def arm(base, work, name, turns, truth, config, workers):
    """Labels `turns` on a copy of the base store and retrains; returns the train summary and seconds."""
    db = os.path.join(work, name + ".sqlite")
    copy_store(base, db)
    start = time.time()
    for turn in turns:
        run(["label", str(turn), truth[turn], "--annotator", "bench"], db)
    labelled = time.time() - start
    start = time.time()
    out = run(["train", "--config", config, "--workers", str(workers), "--promote", "auto", "--json"], db)
    summary = json.loads(out.strip().splitlines()[-1])
    os.remove(db)
    return summary, labelled, time.time() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets/banking77"))
    p.add_argument("--config", default="default")
    p.add_argument("--n", type=int, nargs="+", default=[100, 400, 1600])
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workers", type=int, default=2)
    a = p.parse_args()
    if not os.path.exists(os.path.join(a.data, "train.csv")):
        sys.exit(f"{a.data}: no BANKING77 train.csv")
    train, test = rows(os.path.join(a.data, "train.csv")), rows(os.path.join(a.data, "test.csv"))
    shuffled = train[:]
    random.Random(a.seed).shuffle(shuffled)
    cut = int(len(shuffled) * 0.7)
    initial, stream = shuffled[:cut], shuffled[cut:]
    work = tempfile.mkdtemp(prefix="loop-bench-")
    try:
        intents, base = os.path.join(work, "intents"), os.path.join(work, "base.sqlite")
        write_intents(intents, initial, test)
        run(["sync", "--intents", intents], base)
        run(["settings", "set", "eval_share", "0"], base)
        start = time.time()
        v1 = json.loads(run(["train", "--config", a.config, "--workers", str(a.workers), "--json"], base).strip().splitlines()[-1])
        print(f"v1: {len(initial)} initial examples, {a.config}, {time.time() - start:.1f} s; "
              f"evaluation accuracy {v1['evaluation_accuracy']:.4f} on {len(test)} test utterances", flush=True)
        start = time.time()
        answers = [json.loads(line) for line in run(["chat", "--plain", "--json", "--threshold", "0"], base,
                                                     stdin="\n".join(t for t, _ in stream) + "\n").splitlines()]
        if len(answers) != len(stream):
            sys.exit(f"chat answered {len(answers)} of {len(stream)} stream lines")
        truth = {ans["turn"]: intent for ans, (_, intent) in zip(answers, stream)}
        wrong = sum(ans["intent"] != intent for ans, (_, intent) in zip(answers, stream))
        print(f"stream: {len(stream)} turns chatted in {time.time() - start:.1f} s, v1 wrong on {wrong} "
              f"({wrong / len(stream):.1%})", flush=True)
        print("| N | chosen | wrong among them | test accuracy before → after | macro-F1 before → after | promoted | label s | train s |")
        print("|---|---|---|---|---|---|---|---|")
        for n in a.n:
            queue = [item["turn"] for item in json.loads(run(["review", "--json", "--limit", str(n)], base))]
            picked = random.Random(a.seed + n).sample(sorted(truth), n)
            by_turn = {ans["turn"]: ans for ans in answers}
            for name, turns in (("review queue", queue), ("random", picked)):
                s, label_s, train_s = arm(base, work, f"{name[:6]}-{n}", turns, truth, a.config, a.workers)
                miss = sum(by_turn[t]["intent"] != truth[t] for t in turns)
                print(f"| {n} | {name} | {miss} | {s['active_accuracy']:.4f} → {s['evaluation_accuracy']:.4f} | "
                      f"{s['active_macro_f1']:.4f} → {s['evaluation_macro_f1']:.4f} | {'yes' if s['promoted'] else 'no'} | "
                      f"{label_s:.0f} | {train_s:.0f} |", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
