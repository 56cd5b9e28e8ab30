"""Trains SupportBot configurations on BANKING77 over several seeds and summarises them.

For each configuration and seed: `train` on train.csv (user CPU and wall seconds), `eval`
on test.csv (accuracy, macro-F1, ECE after and before the temperature, threshold) and
`benchmark` (single-utterance latency in the process). Prints one JSON line per run as it
finishes, then a Markdown table: the median and range over the seeds of each figure.
Choose between runs by `validation accuracy` (the split `train` holds out of train.csv, before
any refit); the test set is only scored.

Usage:
    python3 benchmarks/config_seeds.py --data ../shared/datasets/banking77 \
        --config default --config benchmarks/configs/refit.json --seeds 1 2 3 [--jobs 2]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SUPPORTBOT_BIN", os.path.join(ROOT, ".build", "release", "supportbot"))


def last_json(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def run(config, seed, data, workdir):
    name = os.path.splitext(os.path.basename(config))[0]
    model = os.path.join(workdir, f"{name}-{seed}.sbm")
    train, stderr = last_json(["/usr/bin/time", "-f", "TIME %U %e", BIN, "train", "--data", f"{data}/train.csv",
                               "--config", config, "--seed", str(seed), "--out", model, "--json"])
    user, wall = [float(x) for x in stderr.strip().splitlines()[-1].split()[1:]]
    ev, _ = last_json([BIN, "eval", "--model", model, "--data", f"{data}/test.csv", "--json"])
    speed, _ = last_json([BIN, "benchmark", "--model", model, "--data", f"{data}/test.csv", "--calls", "3000", "--json"])
    row = {"config": name, "seed": seed, "validation_accuracy": train["validation_accuracy"], "accuracy": ev["accuracy"], "macro_f1": ev["macro_f1"], "ece": ev["ece"],
           "ece_uncalibrated": ev["ece_uncalibrated"], "threshold": ev["threshold"], "train_cpu_s": user,
           "train_wall_s": wall, "epochs_run": train["epochs_run"], "best_epoch": train["best_epoch"],
           "latency_us": speed["latency_us_median"], "model_bytes": speed["model_bytes"]}
    print(json.dumps(row), flush=True)
    return row


def summary(rows):
    def cell(values, fmt):
        m = statistics.median(values)
        return f"{fmt % m} ({fmt % min(values)}–{fmt % max(values)})" if len(values) > 1 else fmt % m

    lines = ["| config | seeds | validation accuracy | test accuracy | macro-F1 | ECE (before T) | train CPU s | train wall s "
             "| latency µs |", "|---|---|---|---|---|---|---|---|---|"]
    for name in dict.fromkeys(r["config"] for r in rows):
        rs = [r for r in rows if r["config"] == name]
        lines.append(f"| {name} | {','.join(str(r['seed']) for r in rs)} | {cell([r['validation_accuracy'] for r in rs], '%.4f')} | "
                     f"{cell([r['accuracy'] for r in rs], '%.4f')} | "
                     f"{cell([r['macro_f1'] for r in rs], '%.4f')} | {cell([r['ece'] for r in rs], '%.3f')} "
                     f"({cell([r['ece_uncalibrated'] for r in rs], '%.3f')}) | {cell([r['train_cpu_s'] for r in rs], '%.1f')} | "
                     f"{cell([r['train_wall_s'] for r in rs], '%.1f')} | {cell([r['latency_us'] for r in rs], '%.1f')} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--config", action="append", required=True)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--jobs", type=int, default=1, help="runs at once (each trains on 2 threads)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir, ThreadPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(run, c, s, args.data, workdir) for c in args.config for s in args.seeds]
        rows = [j.result() for j in jobs]
    print(summary(rows))


if __name__ == "__main__":
    main()
