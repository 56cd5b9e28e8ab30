#!/usr/bin/env python3
"""`supportbot validate` on a large intents directory: wall-clock seconds and peak memory.

Writes a temporary intents directory: INTENTS intent files under en/ holding MEGABYTES of
training examples in all (seeded random customer-like sentences of 4-14 words drawn from a
600-word vocabulary, each with an id so that few repeat exactly), plus a test/ split of 2 %
of that size, then times `supportbot validate DIR` (GNU time for the peak RSS when
/usr/bin/time exists). Prints one Markdown table row per size.

Usage: benchmarks/validate_benchmark.py [MEGABYTES ...]   (default: 1 10; INTENTS=20;
SUPPORTBOT_BIN overrides .build/release/supportbot)
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SUPPORTBOT_BIN", os.path.join(ROOT, ".build/release/supportbot"))
INTENTS = int(os.environ.get("INTENTS", "20"))


def vocabulary():
    """The words of the shipped English intents (at most 600), seeded order."""
    words = set()
    for name in sorted(os.listdir(os.path.join(ROOT, "intents/en"))):
        with open(os.path.join(ROOT, "intents/en", name), encoding="utf-8") as f:
            words.update(re.findall(r"[a-z]+", f.read().lower()))
    return sorted(words)[:600]


def write_split(directory, megabytes, rng, words):
    os.makedirs(directory, exist_ok=True)
    budget = int(megabytes * 1_000_000 / INTENTS)
    examples = 0
    for i in range(INTENTS):
        lines = [f"intent: intent_{i:02}", f"description: Synthetic intent {i}.", "examples:"]
        size = 0
        while size < budget:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randrange(4, 15))) + f" {rng.randrange(10**6)}"
            lines.append(f"  - {sentence}")
            size += len(sentence) + 5
            examples += 1
        lines += ["responses:", f"  - Reply {i}."]
        with open(os.path.join(directory, f"intent_{i:02}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return examples


def main():
    rng = random.Random(11)
    words = vocabulary()
    print("| intents/ size | examples | validate (s) | peak RSS (MiB) | exit |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for megabytes in [float(x) for x in (sys.argv[1:] or ["1", "10"])]:
        with tempfile.TemporaryDirectory() as work:
            directory = os.path.join(work, "intents")
            examples = write_split(os.path.join(directory, "en"), megabytes, rng, words)
            examples += write_split(os.path.join(directory, "test", "en"), megabytes * 0.02, rng, words)
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(directory) for f in fs)
            timer = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
            begin = time.monotonic()
            run = subprocess.run(timer + [BIN, "validate", directory], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            seconds = time.monotonic() - begin
            rss = f"{int(run.stderr.strip().splitlines()[-1]) / 1024:.0f}" if timer else "—"
            print(f"| {size / 1e6:.1f} MB | {examples:,} | {seconds:.2f} | {rss} | {run.returncode} |", flush=True)


if __name__ == "__main__":
    main()
