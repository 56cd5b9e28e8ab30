"""SupportBot intent-classifier benchmark on BANKING77 (official train/test split).

Trains and measures, in one run on this machine: SupportBot's `reference` and `default`
configurations, the `default` configuration without its LSTM (and, with --ablations,
without each of its other choices), and the Python baselines of baselines.py (the
reference Keras model, pre-padded, and TF-IDF + LinearSVC).

For each model: test accuracy and macro-F1, training wall time, single-utterance latency
in the process (median of 200 one-string calls), batch throughput, model file size, peak
RSS of training, and (SupportBot) a whole `supportbot classify` process timed by hyperfine.
Prints a Markdown table (stdout) and writes every figure to --out as JSON.

Usage:
    python3 benchmarks/intent_benchmark.py --data ../shared/datasets/banking77 \
        [--python /path/to/venv/bin/python] [--baselines keras-reference,...] [--ablations]
        [--out benchmarks/results.json]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "supportbot")
ABLATIONS = ["no-ngrams", "ngrams-50k", "bidirectional", "last-state", "no-skip", "no-regularisation"]


def run_json(args, measure_rss=False):
    """Runs a command whose last stdout line is JSON; returns (object, peak RSS MiB or None)."""
    prefix = ["/usr/bin/time", "-f", "%M"] if measure_rss else []
    done = subprocess.run(prefix + args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    rss = None
    if measure_rss:
        rss = int(done.stderr.strip().splitlines()[-1]) / 1024
    return json.loads(done.stdout.strip().splitlines()[-1]), rss


def process_time_ms(model, text):
    """Mean wall time of a whole `supportbot classify` process (load + answer), by hyperfine."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            ["hyperfine", "--warmup", "3", "--runs", "30", "--export-json", out.name, "-N",
             f"{BIN} classify --model {model} '{text}'"],
            check=True, capture_output=True,
        )
        return json.load(open(out.name))["results"][0]["mean"] * 1000


def measure_supportbot(name, config, data, workdir):
    """Trains one configuration and measures it."""
    model = os.path.join(workdir, f"{name}.sbm")
    train, rss = run_json([BIN, "train", "--data", f"{data}/train.csv", "--config", config,
                           "--out", model, "--json"], measure_rss=True)
    evaluation, _ = run_json([BIN, "eval", "--model", model, "--data", f"{data}/test.csv", "--json"])
    speed, _ = run_json([BIN, "benchmark", "--model", model, "--data", f"{data}/test.csv", "--json"])
    return {
        "name": f"supportbot-{name}", "accuracy": evaluation["accuracy"], "macro_f1": evaluation["macro_f1"],
        "train_seconds": train["train_seconds"], "epochs_run": train["epochs_run"],
        "latency_us_median": speed["latency_us_median"], "throughput_per_s": speed["throughput_per_s"],
        "model_bytes": speed["model_bytes"], "load_ms": speed["load_ms"], "peak_rss_mb": rss,
        "process_ms": process_time_ms(model, "I still have not received my new card"),
    }


def measure_baselines(python, data, only=None):
    """Runs baselines.py (only the `only` models, when given) in the given Python; returns its JSON lines."""
    command = [python, os.path.join(ROOT, "benchmarks", "baselines.py"), "--data", data]
    done = subprocess.run(command + (["--only", only] if only else []), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"baselines failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def table(rows):
    """The results as a Markdown table."""
    header = ("| model | accuracy | macro-F1 | train s | latency µs (median) | batch utt/s "
              "| model MB | peak RSS MB | process ms |\n|---|---|---|---|---|---|---|---|---|")
    lines = [header]
    for r in rows:
        process = f"{r['process_ms']:.1f}" if r.get("process_ms") else "–"
        lines.append(
            f"| {r['name']} | {r['accuracy']:.4f} | {r['macro_f1']:.4f} | {r['train_seconds']:.1f} "
            f"| {r['latency_us_median']:.1f} | {r['throughput_per_s']:.0f} | {r['model_bytes'] / 1e6:.1f} "
            f"| {r['peak_rss_mb']:.0f} | {process} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with BANKING77 train.csv and test.csv")
    parser.add_argument("--python", help="Python with tensorflow-cpu and scikit-learn, for the baselines")
    parser.add_argument("--baselines", help="comma-separated baselines.py models to run (default: all)")
    parser.add_argument("--ablations", action="store_true", help="also train default minus each choice")
    parser.add_argument("--out", default=os.path.join(ROOT, "benchmarks", "results.json"))
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, capture_output=True)
    configs = [("reference", "reference"), ("default", "default"),
               ("default-no-lstm", os.path.join(ROOT, "benchmarks", "configs", "no-lstm.json"))]
    if args.ablations:
        configs += [(f"default-{a}", os.path.join(ROOT, "benchmarks", "configs", f"{a}.json")) for a in ABLATIONS]
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for name, config in configs:
            print(f"training {name}…", file=sys.stderr)
            rows.append(measure_supportbot(name, config, args.data, workdir))
    if args.python:
        print("running the Python baselines…", file=sys.stderr)
        rows += measure_baselines(args.python, args.data, args.baselines)
    with open(args.out, "w") as out:
        json.dump(rows, out, indent=2)
    keras = next((r for r in rows if r["name"] == "keras-reference"), None)
    print(table(rows))
    if keras:
        for r in rows:
            if r["name"].startswith("supportbot-"):
                print(f"{r['name']}: {keras['train_seconds'] / r['train_seconds']:.1f}× faster training than Keras, "
                      f"accuracy {100 * (r['accuracy'] - keras['accuracy']):+.2f} points")


if __name__ == "__main__":
    main()
