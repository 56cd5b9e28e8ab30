"""Python baselines for the SupportBot intent-classification benchmark.

Trains and evaluates reference models on the official BANKING77 split and
prints one single-line JSON object per model to stdout:

* ``keras-reference``: TextVectorization -> Embedding -> LSTM -> Dense (Keras).
* ``tfidf-linearsvc``: TF-IDF word unigrams+bigrams -> LinearSVC (scikit-learn).
* ``tfidf-wordchar-logreg``: the strong classical baseline: TF-IDF over word 1-2-grams
  and char 2-5-grams -> logistic regression, C picked on a validation split.
* ``fasttext-autotune``: fastText supervised, hyperparameters from its autotune on a
  validation split, then refit on all training data.

The validation split is a seeded stratified 10 % of the training data; the test data is
never used for a choice.

Each model runs in its own subprocess so that ``peak_rss_mb`` (taken from
``getrusage(RUSAGE_SELF).ru_maxrss`` inside the child) is per model.
Diagnostics go to stderr; stdout carries only the JSON lines.

Usage::

    python benchmarks/baselines.py --data /path/to/banking77 \
        [--only NAME[,NAME...]] [--epochs 10] [--keras-padding pre|post] \
        [--fasttext-autotune-seconds 300]
"""

import argparse
import csv
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time

MODEL_NAMES = ("keras-reference", "tfidf-linearsvc", "tfidf-wordchar-logreg", "fasttext-autotune")
SEED = 42
MAX_TOKENS = 10000
LATENCY_CALLS = 200
PREDICT_LATENCY_CALLS = 50
VALIDATION_SHARE = 0.1
LOGREG_C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
WARMUP_CALLS = 5


def load_split(path):
    """Read a ``text,category`` CSV file and return (texts, categories)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["text"] for row in rows], [row["category"] for row in rows]


def load_dataset(data_dir):
    """Load train/test splits and encode categories as ints (sorted train labels).

    Returns a dict with ``train_texts``, ``train_labels``, ``test_texts``,
    ``test_labels`` (label lists are ints) and ``classes`` (sorted names).
    """
    train_texts, train_categories = load_split(os.path.join(data_dir, "train.csv"))
    test_texts, test_categories = load_split(os.path.join(data_dir, "test.csv"))
    classes = sorted(set(train_categories))
    index = {name: i for i, name in enumerate(classes)}
    return {
        "train_texts": train_texts,
        "train_labels": [index[c] for c in train_categories],
        "test_texts": test_texts,
        "test_labels": [index[c] for c in test_categories],
        "classes": classes,
    }


def median_latency_us(classify, texts, calls):
    """Median wall time in microseconds of ``classify(one_string)`` over ``calls`` calls.

    A few untimed warm-up calls run first; the strings cycle through ``texts``.
    """
    for i in range(WARMUP_CALLS):
        classify(texts[i % len(texts)])
    samples = []
    for i in range(calls):
        text = texts[i % len(texts)]
        start = time.perf_counter()
        classify(text)
        samples.append((time.perf_counter() - start) * 1e6)
    return statistics.median(samples)


def timed(function, *args):
    """Call ``function(*args)`` and return (result, elapsed wall seconds)."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def quality_metrics(true_labels, predicted_labels):
    """Return accuracy and macro-F1 of the predictions."""
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": float(accuracy_score(true_labels, predicted_labels)),
        "macro_f1": float(f1_score(true_labels, predicted_labels, average="macro")),
    }


def peak_rss_mb():
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_keras_reference(data, epochs, padding):
    """Train and measure the Keras reference model (Embedding -> LSTM -> Dense).

    Sequences are vectorized to the longest train length and, with
    ``padding == "pre"``, the padding zeros are moved to the front so that
    the unmasked LSTM sees the tokens last. ``padding == "post"`` keeps the
    TextVectorization default (zeros at the end), which does not learn.
    """
    import numpy as np
    import tensorflow as tf

    tf.keras.utils.set_random_seed(SEED)
    train_texts = tf.constant(data["train_texts"])

    probe = tf.keras.layers.TextVectorization(max_tokens=MAX_TOKENS)
    probe.adapt(train_texts)
    max_len = int(probe(train_texts).shape[1])
    vectorizer = tf.keras.layers.TextVectorization(
        max_tokens=MAX_TOKENS, output_sequence_length=max_len
    )
    vectorizer.adapt(train_texts)

    def encode(texts):
        """Vectorize a list of strings to a (batch, max_len) int tensor."""
        sequences = vectorizer(tf.constant(texts))
        if padding == "post":
            return sequences
        lengths = tf.math.count_nonzero(sequences, axis=1)
        reversed_tokens = tf.reverse_sequence(sequences, lengths, seq_axis=1, batch_axis=0)
        return tf.reverse(reversed_tokens, axis=[1])

    model = tf.keras.Sequential(
        [
            tf.keras.Input(shape=(max_len,), dtype="int64"),
            tf.keras.layers.Embedding(MAX_TOKENS, 128),
            tf.keras.layers.LSTM(64),
            tf.keras.layers.Dense(len(data["classes"]), activation="softmax"),
        ]
    )
    model.compile(
        optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )

    x_train = encode(data["train_texts"])
    y_train = np.asarray(data["train_labels"])
    _, train_seconds = timed(
        lambda: model.fit(x_train, y_train, epochs=epochs, batch_size=32, verbose=2)
    )

    def classify_batch(texts):
        """Vectorize and classify a batch with a direct model call."""
        probabilities = model(encode(texts), training=False)
        return np.argmax(probabilities.numpy(), axis=1)

    test_texts = data["test_texts"]
    classify_batch(test_texts[:32])
    predictions, batch_seconds = timed(classify_batch, test_texts)

    eager_latency = median_latency_us(lambda t: classify_batch([t]), test_texts, LATENCY_CALLS)
    compiled = tf.function(lambda x: model(x, training=False))
    compiled(encode(test_texts[:1]))
    latency = median_latency_us(lambda t: compiled(encode([t])).numpy(), test_texts, LATENCY_CALLS)
    predict_latency = median_latency_us(
        lambda t: model.predict(encode([t]), verbose=0), test_texts, PREDICT_LATENCY_CALLS
    )

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "model.keras")
        model.save(path)
        model_bytes = os.path.getsize(path)

    padding_note = (
        "pre-padded: sequences vectorized to the max train length "
        f"({max_len}) then zeros moved to the front"
        if padding == "pre"
        else "post-padded (TextVectorization default, no mask): known not to learn"
    )
    return {
        "name": "keras-reference",
        **quality_metrics(data["test_labels"], predictions),
        "train_seconds": train_seconds,
        "latency_us_median": latency,
        "eager_latency_us_median": eager_latency,
        "predict_latency_us_median": predict_latency,
        "throughput_per_s": len(test_texts) / batch_seconds,
        "model_bytes": model_bytes,
        "peak_rss_mb": peak_rss_mb(),
        "notes": (
            f"{padding_note}; TextVectorization(max_tokens={MAX_TOKENS}) -> "
            f"Embedding({MAX_TOKENS},128) -> LSTM(64) -> Dense({len(data['classes'])}, "
            f"softmax), adam, {epochs} epochs, batch 32, seed {SEED}; "
            "latency = tf.function(model) on one string incl. vectorization "
            "(eager_latency: the plain model(x) call; predict_latency: model.predict); "
            "model_bytes = .keras file of the model without the vectorizer vocabulary; "
            f"TF {tf.__version__}"
        ),
    }


def run_tfidf_linearsvc(data):
    """Train and measure a TF-IDF (word 1-2 grams, sublinear tf) + LinearSVC pipeline."""
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    pipeline = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
        LinearSVC(C=1.0, random_state=SEED),
    )
    _, train_seconds = timed(pipeline.fit, data["train_texts"], data["train_labels"])

    test_texts = data["test_texts"]
    pipeline.predict(test_texts[:32])
    predictions, batch_seconds = timed(pipeline.predict, test_texts)
    latency = median_latency_us(lambda t: pipeline.predict([t]), test_texts, LATENCY_CALLS)

    return {
        "name": "tfidf-linearsvc",
        **quality_metrics(data["test_labels"], predictions),
        "train_seconds": train_seconds,
        "latency_us_median": latency,
        "throughput_per_s": len(test_texts) / batch_seconds,
        "model_bytes": len(pickle.dumps(pipeline)),
        "peak_rss_mb": peak_rss_mb(),
        "notes": (
            "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=1) + "
            f"LinearSVC(C=1.0), fixed hyperparameters (no tuning); "
            "latency = pipeline.predict([one_string]); "
            f"model_bytes = pickle of the fitted pipeline; scikit-learn {sklearn.__version__}"
        ),
    }


def validation_split(texts, labels):
    """A seeded stratified split of the training data: (fit texts, fit labels, val texts, val labels)."""
    from sklearn.model_selection import train_test_split

    fit_x, val_x, fit_y, val_y = train_test_split(
        texts, labels, test_size=VALIDATION_SHARE, stratify=labels, random_state=SEED
    )
    return list(fit_x), list(fit_y), list(val_x), list(val_y)


def wordchar_logreg_pipeline(c):
    """TF-IDF word 1-2-grams and char 2-5-grams (within word boundaries) -> logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1),
    )
    return make_pipeline(features, LogisticRegression(C=c, max_iter=2000, random_state=SEED))


def run_tfidf_wordchar_logreg(data):
    """Pick C on the validation split, refit on all training data, measure on test.

    ``train_seconds`` counts the whole procedure a user would run (every C tried, then
    the refit); ``refit_seconds`` is the final fit alone.
    """
    import sklearn
    from sklearn.metrics import accuracy_score

    start = time.perf_counter()
    fit_x, fit_y, val_x, val_y = validation_split(data["train_texts"], data["train_labels"])
    scores = {}
    for c in LOGREG_C_GRID:
        candidate = wordchar_logreg_pipeline(c).fit(fit_x, fit_y)
        scores[c] = float(accuracy_score(val_y, candidate.predict(val_x)))
        print(f"[baselines] logreg C={c}: validation accuracy {scores[c]:.4f}", file=sys.stderr, flush=True)
    best_c = max(LOGREG_C_GRID, key=lambda c: (scores[c], -c))
    pipeline = wordchar_logreg_pipeline(best_c)
    _, refit_seconds = timed(pipeline.fit, data["train_texts"], data["train_labels"])
    train_seconds = time.perf_counter() - start

    test_texts = data["test_texts"]
    pipeline.predict(test_texts[:32])
    predictions, batch_seconds = timed(pipeline.predict, test_texts)
    latency = median_latency_us(lambda t: pipeline.predict([t]), test_texts, LATENCY_CALLS)
    return {
        "name": "tfidf-wordchar-logreg",
        **quality_metrics(data["test_labels"], predictions),
        "train_seconds": train_seconds,
        "refit_seconds": refit_seconds,
        "latency_us_median": latency,
        "throughput_per_s": len(test_texts) / batch_seconds,
        "model_bytes": len(pickle.dumps(pipeline)),
        "peak_rss_mb": peak_rss_mb(),
        "chosen": {"C": best_c, "validation_accuracy": scores},
        "notes": (
            "TfidfVectorizer(word, 1-2, sublinear_tf) + TfidfVectorizer(char_wb, 2-5, sublinear_tf) -> "
            f"LogisticRegression(lbfgs, max_iter=2000), C from {list(LOGREG_C_GRID)} on a stratified "
            f"{VALIDATION_SHARE:.0%} validation split (seed {SEED}), refit on all training data; "
            "train_seconds = selection + refit; latency = pipeline.predict([one_string]); "
            f"scikit-learn {sklearn.__version__}"
        ),
    }


def fasttext_line(text):
    """One text as fastText reads it: lower-cased, punctuation split off, on one line."""
    import re

    return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))


def write_fasttext_file(path, texts, labels, classes):
    """Write ``__label__NAME text`` lines."""
    with open(path, "w", encoding="utf-8") as handle:
        for text, label in zip(texts, labels):
            handle.write(f"__label__{classes[label]} {fasttext_line(text)}\n")


FASTTEXT_ATTEMPTS = 3
FASTTEXT_TUNED_ARGS = ("lr", "dim", "ws", "epoch", "minCount", "wordNgrams", "loss", "bucket", "minn", "maxn")


def run_fasttext_autotune(data, autotune_seconds, threads):
    """fastText with autotune on the validation split, then refit on all training data.

    ``train_seconds`` counts the autotune and the refit; ``refit_seconds`` the refit alone.
    """
    import fasttext

    classes = data["classes"]
    with tempfile.TemporaryDirectory() as directory:
        fit_path = os.path.join(directory, "fit.txt")
        val_path = os.path.join(directory, "val.txt")
        all_path = os.path.join(directory, "all.txt")
        fit_x, fit_y, val_x, val_y = validation_split(data["train_texts"], data["train_labels"])
        write_fasttext_file(fit_path, fit_x, fit_y, classes)
        write_fasttext_file(val_path, val_x, val_y, classes)
        write_fasttext_file(all_path, data["train_texts"], data["train_labels"], classes)

        start = time.perf_counter()
        tuned = None
        # fastText's autotune retrains its best arguments at the end, and at a high learning
        # rate that retraining can diverge ("Encountered NaN"); such an attempt is run again.
        for attempt in range(1, FASTTEXT_ATTEMPTS + 1):
            try:
                tuned = fasttext.train_supervised(
                    input=fit_path, autotuneValidationFile=val_path, autotuneDuration=autotune_seconds,
                    thread=threads, verbose=0,
                )
                break
            except RuntimeError as error:
                print(f"[baselines] fasttext autotune attempt {attempt}: {error}", file=sys.stderr, flush=True)
        if tuned is None:
            raise RuntimeError(f"fastText autotune diverged {FASTTEXT_ATTEMPTS} times")
        args = tuned.f.getArgs()
        chosen = {name: getattr(args, name) for name in FASTTEXT_TUNED_ARGS}
        chosen["loss"] = str(chosen["loss"]).split(".")[-1]
        _, val_precision, _ = tuned.test(val_path)
        print(f"[baselines] fasttext autotune: {chosen}, validation {val_precision:.4f}", file=sys.stderr, flush=True)
        model, refit_seconds = timed(
            lambda: fasttext.train_supervised(input=all_path, thread=threads, verbose=0, **chosen)
        )
        train_seconds = time.perf_counter() - start
        model_path = os.path.join(directory, "model.bin")
        model.save_model(model_path)
        model_bytes = os.path.getsize(model_path)

    index = {f"__label__{name}": i for i, name in enumerate(classes)}
    test_texts = data["test_texts"]
    lines = [fasttext_line(t) for t in test_texts]
    (labels, _), batch_seconds = timed(lambda: model.predict(lines, k=1))
    predictions = [index[label[0]] for label in labels]
    latency = median_latency_us(lambda t: model.predict(fasttext_line(t), k=1), test_texts, LATENCY_CALLS)
    return {
        "name": "fasttext-autotune",
        **quality_metrics(data["test_labels"], predictions),
        "train_seconds": train_seconds,
        "refit_seconds": refit_seconds,
        "latency_us_median": latency,
        "throughput_per_s": len(test_texts) / batch_seconds,
        "model_bytes": model_bytes,
        "peak_rss_mb": peak_rss_mb(),
        "chosen": {**chosen, "validation_accuracy": val_precision},
        "notes": (
            f"fasttext.train_supervised autotune for {autotune_seconds} s on a stratified "
            f"{VALIDATION_SHARE:.0%} validation split (seed {SEED}), then refit on all training data with "
            f"the chosen arguments; {threads} threads (not bit-reproducible); text lower-cased with "
            "punctuation split off; latency = model.predict(one_string) incl. that preprocessing; "
            "model_bytes = the .bin file"
        ),
    }


def run_child(name, args):
    """Measure one model in this process and write its JSON line to the real stdout.

    File descriptor 1 is redirected to stderr while the model runs so that
    library output (e.g. Keras progress lines) cannot corrupt the JSON stream.
    """
    result_fd = os.dup(1)
    os.dup2(2, 1)
    data = load_dataset(args.data)
    if name == "keras-reference":
        result = run_keras_reference(data, args.epochs, args.keras_padding)
    elif name == "tfidf-linearsvc":
        result = run_tfidf_linearsvc(data)
    elif name == "tfidf-wordchar-logreg":
        result = run_tfidf_wordchar_logreg(data)
    else:
        result = run_fasttext_autotune(data, args.fasttext_autotune_seconds, args.fasttext_threads)
    sys.stdout.flush()
    os.write(result_fd, (json.dumps(result) + "\n").encode("utf-8"))
    os.close(result_fd)


def run_parent(args):
    """Run each selected model in its own subprocess and print its JSON line.

    Returns the process exit status: 0 if every child produced a result.
    """
    names = args.only.split(",") if args.only else list(MODEL_NAMES)
    unknown = [name for name in names if name not in MODEL_NAMES]
    if unknown:
        print(f"[baselines] unknown model {unknown[0]!r}; known: {', '.join(MODEL_NAMES)}", file=sys.stderr)
        return 2
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    status = 0
    for name in names:
        print(f"[baselines] running {name}", file=sys.stderr, flush=True)
        command = [
            sys.executable,
            os.path.abspath(__file__),
            "--data", args.data,
            "--epochs", str(args.epochs),
            "--keras-padding", args.keras_padding,
            "--fasttext-autotune-seconds", str(args.fasttext_autotune_seconds),
            "--fasttext-threads", str(args.fasttext_threads),
            "--child", name,
        ]
        completed = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=env)
        lines = [line for line in completed.stdout.splitlines() if line.strip()]
        if completed.returncode != 0 or len(lines) != 1:
            print(
                f"[baselines] {name} failed (exit {completed.returncode})",
                file=sys.stderr,
                flush=True,
            )
            status = 1
            continue
        print(json.dumps(json.loads(lines[0])), flush=True)
    return status


def parse_args():
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with train.csv and test.csv")
    parser.add_argument("--only", help=f"comma-separated models to run (of {', '.join(MODEL_NAMES)})")
    parser.add_argument("--epochs", type=int, default=10, help="Keras training epochs")
    parser.add_argument(
        "--keras-padding",
        choices=("pre", "post"),
        default="pre",
        help="padding side for the Keras LSTM input (post reproduces the broken variant)",
    )
    parser.add_argument(
        "--fasttext-autotune-seconds", type=int, default=300, help="fastText autotune budget"
    )
    parser.add_argument("--fasttext-threads", type=int, default=2, help="fastText training threads")
    parser.add_argument("--child", choices=MODEL_NAMES, help=argparse.SUPPRESS)
    return parser.parse_args()


def main():
    """Entry point: dispatch to the child measurement or the parent runner."""
    args = parse_args()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if args.child:
        run_child(args.child, args)
        return 0
    return run_parent(args)


if __name__ == "__main__":
    sys.exit(main())
