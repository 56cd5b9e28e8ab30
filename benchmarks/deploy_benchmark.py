#!/usr/bin/env python3
"""Deployment figures for BENCHMARKS.md: float vs int8 vs int8 + pruned, in one run.

For each variant of one trained `default` model: file size, test accuracy and macro-F1
(`supportbot eval`), in-process single-utterance latency median and p99 (`supportbot
benchmark`), instructions per utterance and for loading (callgrind, which does not drift
with the machine's load), a whole `classify --model M TEXT` process (hyperfine median of
--runs, beside a bare `supportbot --help` in the same hyperfine run) and its peak RSS.
The same load figures are taken on a synthetic set of --intents intents the script writes.

    benchmarks/deploy_benchmark.py --data ../shared/datasets/banking77 [--model M.sbm]
        [--prune-vocab 3000] [--prune-ngrams 0.6] [--intents 150] [--runs 15] [--out FILE]
"""
import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "supportbot")
TEXT = "I still have not received my new card"


def run(args, stdin=None):
    done = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return done


def last_json(args):
    return json.loads(run(args).stdout.strip().splitlines()[-1])


STRIPPED = os.path.join(tempfile.mkdtemp(), "supportbot")


def instructions(args, stdin=None):
    """Instructions a whole process executes, counted by callgrind. It runs a copy of the
    binary without debug info (valgrind 3.19 cannot read the DWARF Swift 6.3 writes)."""
    if not os.path.exists(STRIPPED):
        run(["strip", "--strip-debug", "-o", STRIPPED, BIN])
    args = [STRIPPED if a == BIN else a for a in args]
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + args,
                          input=stdin, capture_output=True, text=True)
    match = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not match:
        sys.exit(f"callgrind failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return int(match.group(1))


def peak_rss_mb(args):
    done = run(["/usr/bin/time", "-f", "%M"] + args)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def process_ms(models, runs):
    """hyperfine medians (ms) of `--help` and of `classify --model M TEXT` for each model, one run."""
    commands = [f"{BIN} --help"] + [f"{BIN} classify --model {m} '{TEXT}'" for m in models]
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run(["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", out.name] + commands)
        results = json.load(open(out.name))["results"]
    return [r["median"] * 1000 for r in results]


def test_texts(data):
    """The test set's texts, one per line (classify reads stdin lines)."""
    with open(data, newline="") as f:
        return [row["text"].replace("\n", " ") for row in csv.DictReader(f)]


def measure(name, model, test, texts, k):
    evaluation = last_json([BIN, "eval", "--model", model, "--data", test, "--json"])
    speed = last_json([BIN, "benchmark", "--model", model, "--data", test, "--json"])
    one = instructions([BIN, "classify", "--model", model], stdin=texts[0] + "\n")
    many = instructions([BIN, "classify", "--model", model], stdin="\n".join(texts[:k]) + "\n")
    return {
        "name": name, "model_bytes": os.path.getsize(model), "accuracy": evaluation["accuracy"],
        "macro_f1": evaluation["macro_f1"], "latency_us_median": speed["latency_us_median"],
        "latency_us_p99": speed["latency_us_p99"], "instructions_per_utterance": (many - one) / (k - 1),
        "instructions_process": one,
        "peak_rss_mb": peak_rss_mb([BIN, "classify", "--model", model, TEXT]),
    }


def synthetic_set(path, intents, per_intent, seed=7):
    """A CSV of `intents` intents: each has four keywords; an utterance is two of them among
    shared filler words, so the classes overlap in vocabulary as real ones do."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "xen", "qua", "bri", "zu", "mo"]
    def word():
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
    filler = [word() for _ in range(400)]
    with open(path, "w") as f:
        f.write("text,intent\n")
        for i in range(intents):
            keys = [word() for _ in range(4)]
            for _ in range(per_intent):
                words = rng.sample(filler, rng.randint(3, 8)) + rng.sample(keys, 2)
                rng.shuffle(words)
                f.write(f"{' '.join(words)},intent_{i:03d}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with BANKING77 train.csv and test.csv")
    parser.add_argument("--model", help="a trained default model (else one is trained)")
    parser.add_argument("--prune-vocab", type=int, default=3000)
    parser.add_argument("--prune-ngrams", type=float, default=0.6)
    parser.add_argument("--intents", type=int, default=150)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--utterances", type=int, default=201, help="texts per callgrind run")
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "deploy-results.json"))
    args = parser.parse_args()

    train, test = os.path.join(args.data, "train.csv"), os.path.join(args.data, "test.csv")
    texts = test_texts(test)
    with tempfile.TemporaryDirectory() as work:
        model = args.model or os.path.join(work, "float.sbm")
        if not args.model:
            print("training default…", file=sys.stderr)
            run([BIN, "train", "--data", train, "--out", model, "--json"])
        int8, pruned = os.path.join(work, "int8.sbm"), os.path.join(work, "pruned.sbm")
        run([BIN, "quantize", "--model", model, "--out", int8])
        run([BIN, "quantize", "--model", model, "--out", pruned, "--prune-vocab", str(args.prune_vocab),
             "--prune-ngrams", str(args.prune_ngrams)])
        synthetic_csv, synthetic = os.path.join(work, "synthetic.csv"), os.path.join(work, "synthetic.sbm")
        synthetic_set(synthetic_csv, args.intents, 60)
        print(f"training default on {args.intents} synthetic intents…", file=sys.stderr)
        run([BIN, "train", "--data", synthetic_csv, "--out", synthetic, "--epochs", "3", "--json"])

        variants = [("float", model), ("int8", int8),
                    (f"int8 + vocab {args.prune_vocab} + {args.prune_ngrams:.0%} n-grams pruned", pruned)]
        rows = []
        for name, path in variants:
            print(f"measuring {name}…", file=sys.stderr)
            rows.append(measure(name, path, test, texts, args.utterances))
        help_ms, *ms = process_ms([p for _, p in variants] + [synthetic], args.runs)
        for row, value in zip(rows, ms):
            row["process_ms"], row["process_vs_help"] = value, value / help_ms
        synthetic_row = {"name": f"float, {args.intents} synthetic intents", "model_bytes": os.path.getsize(synthetic),
                         "process_ms": ms[-1], "process_vs_help": ms[-1] / help_ms,
                         "instructions_process": instructions([BIN, "classify", "--model", synthetic], stdin=TEXT + "\n")}
        help_instructions = instructions([BIN, "--help"])

    float_row = rows[0]
    print(f"`supportbot --help`: {help_ms:.1f} ms median, {help_instructions / 1e6:.1f} M instructions\n")
    print("| model | size MB | size vs float | accuracy | macro-F1 | latency µs median | p99 | instructions / utterance "
          "| process ms (median) | × --help | process M instructions | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['model_bytes'] / 1e6:.2f} | {r['model_bytes'] / float_row['model_bytes']:.1%} "
              f"| {r['accuracy']:.4f} | {r['macro_f1']:.4f} | {r['latency_us_median']:.1f} | {r['latency_us_p99']:.1f} "
              f"| {r['instructions_per_utterance']:,.0f} | {r['process_ms']:.1f} | {r['process_vs_help']:.2f} "
              f"| {r['instructions_process'] / 1e6:.1f} | {r['peak_rss_mb']:.0f} |")
    s = synthetic_row
    print(f"| {s['name']} | {s['model_bytes'] / 1e6:.2f} | – | – | – | – | – | – | {s['process_ms']:.1f} "
          f"| {s['process_vs_help']:.2f} | {s['instructions_process'] / 1e6:.1f} | – |")
    with open(args.out, "w") as out:
        json.dump({"help_ms": help_ms, "help_instructions": help_instructions, "rows": rows + [synthetic_row]}, out, indent=2)


if __name__ == "__main__":
    main()
