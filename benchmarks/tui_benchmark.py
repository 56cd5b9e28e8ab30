#!/usr/bin/env python3
"""Terminal UI figures for BENCHMARKS.md, through real ncurses in a private tmux server.

(a) start-up: time from launching `supportbot chat` to its first full frame, on a store
    with the default model and 100 000 logged turns, against the same store with none;
(b) keystroke-to-frame: `tmux send-keys` of one character until `capture-pane` shows it on
    the input line (the live intent panel is recomputed before that frame is drawn), for a
    short and a long draft, against the same measure on `cat` (tmux and polling alone);
(c) memory: VmRSS and VmHWM of the process after 0 … 10 000 messages in one conversation.

Uses only python3's standard library and tmux.

    benchmarks/tui_benchmark.py [--bin .build/release/supportbot] [--turns 100000]
                                [--samples 200] [--messages 10000] [--runs 5]
                                [--startup-only]
"""
import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKET = f"supportbot-bench-{os.getpid()}-0"
FRAME_MARKS = ("Live intent", "type a customer message", "conv ")
MESSAGES = [
    "where is my order", "I want a refund for my shoes", "how much is shipping to Canada",
    "my package arrived damaged", "can I change my delivery address", "what are your opening hours",
    "I forgot my password", "do you have this in size medium", "thanks a lot", "my payment did not go through",
    "我的订单在哪里", "我想退货", "运费是多少", "谢谢",
]


def tmux(*args, check=True):
    """Runs `tmux -L SOCKET args…` and returns its stdout."""
    result = subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def capture():
    return tmux("capture-pane", "-p", "-t", "main", check=False)


def wait_for(condition, what, seconds=60.0, poll=0.0):
    """Polls the pane until `condition(text)` holds; returns the time it did."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition(capture()):
            return time.monotonic()
        if poll:
            time.sleep(poll)
    raise RuntimeError(f"timed out waiting for {what}; the pane shows:\n{capture()}")


def start(command, width=100, height=30):
    """Starts `command` in a fresh pane of a fresh tmux server (a new socket: a server just
    killed may still be exiting); returns the monotonic time just before."""
    global SOCKET
    tmux("kill-server", check=False)
    prefix, _, count = SOCKET.rpartition("-")
    SOCKET = f"{prefix}-{int(count) + 1}"
    started = time.monotonic()
    tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height),
         "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=screen", command)
    return started


def chat_command(binary, db, *extra):
    return f"exec '{binary}' chat --db '{db}' --agent bench {' '.join(extra)}"


def quit_chat():
    tmux("send-keys", "-t", "main", "F10", check=False)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and tmux("ls", check=False).strip():
        time.sleep(0.01)
    tmux("kill-server", check=False)


def full_frame(text):
    return all(mark in text for mark in FRAME_MARKS)


def prepare_store(binary, directory):
    """A store with the shipped intents and the default model, trained once."""
    db = os.path.join(directory, "base.sqlite")
    for args in (["sync", "--intents", os.path.join(ROOT, "intents")], ["train"]):
        subprocess.run([binary, *args, "--db", db], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=directory)
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def seed_turns(db, turns):
    """Adds `turns` logged turns (customer and bot in turn, 100 a conversation) and a label per 50 customer turns."""
    rng = random.Random(7)
    with sqlite3.connect(db) as c:
        intents = [row[0] for row in c.execute("SELECT name FROM intent ORDER BY name")]
        version = c.execute("SELECT version FROM model WHERE isActive").fetchone()[0]
        stamp = "2026-01-01 12:00:00.000"
        per_conversation = 100
        conversation = None
        turn_rows, labels = [], []
        next_id = (c.execute("SELECT COALESCE(MAX(id), 0) FROM turn").fetchone()[0]) + 1
        for i in range(turns):
            position = i % per_conversation + 1
            if position == 1:
                conversation = c.execute("INSERT INTO conversation (startedAt, agent) VALUES (?, 'seed')", (stamp,)).lastrowid
            intent = rng.choice(intents)
            confidence = rng.random()
            if position % 2 == 1:
                text = f"{rng.choice(MESSAGES)} #{i}"
                turn_rows.append((next_id + i, conversation, position, "customer", text, intent, confidence, None, version, stamp))
                if i % 100 == 1:
                    labels.append((next_id + i, rng.choice(intents), "seed", stamp))
            else:
                fallback = confidence < 0.3
                turn_rows.append((next_id + i, conversation, position, "bot", "a reply", None if fallback else intent, None, rng.randint(200, 3000), version, stamp))
        c.executemany("INSERT INTO turn (id, conversationId, position, role, text, intent, confidence, latencyMicros, modelVersion, createdAt)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turn_rows)
        c.executemany("INSERT INTO labelEvent (turnId, intent, annotator, createdAt) VALUES (?, ?, ?, ?)", labels)
        c.commit()
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def help_times(binary, runs):
    """Two medians (ms) of `supportbot --help`: launched in a fresh tmux pane until the pane
    shows its last line (the same path and floor as the chat's start-up), and as a bare
    process run to its exit (spawn to wait, as `deploy_benchmark.py` times it)."""
    in_tmux, bare = [], []
    for _ in range(runs):
        started = start(f"'{binary}' --help; exec sleep 60")
        in_tmux.append((wait_for(lambda t: "See 'supportbot help" in t, "the help text") - started) * 1000)
    tmux("kill-server", check=False)
    for _ in range(runs):
        began = time.monotonic()
        subprocess.run([binary, "--help"], stdout=subprocess.DEVNULL, check=True)
        bare.append((time.monotonic() - began) * 1000)
    return statistics.median(in_tmux), statistics.median(bare)


def startup(binary, db, runs, directory):
    """Median and all times (ms) from launch to the first full frame."""
    times = []
    for _ in range(runs):
        copy = os.path.join(directory, "run.sqlite")
        shutil.copyfile(db, copy)
        started = start(chat_command(binary, copy))
        times.append((wait_for(full_frame, "the first frame") - started) * 1000)
        quit_chat()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
    return statistics.median(times), times


def keystroke_latencies(samples, prefix, input_row):
    """Times (ms) from sending one character to the pane showing it at the end of the input
    row, typing a word after the draft `prefix` (shown already, ending in a space) and
    erasing it again, so the draft keeps its length."""
    word = "orderz"

    def shows(tail):
        return lambda text: input_row(text).rstrip().endswith(tail)

    times = []
    while len(times) < samples:
        for n in range(1, len(word) + 1):
            sent = time.monotonic()
            tmux("send-keys", "-t", "main", "-l", word[n - 1])
            times.append((wait_for(shows((prefix + word[:n])[-20:]), "the keystroke", 10) - sent) * 1000)
        tmux("send-keys", "-t", "main", *(["BSpace"] * len(word)))
        wait_for(shows(prefix.rstrip()[-20:]), "the erased word", 10)
    return times[:samples]


def type_draft(text, input_row):
    """Types `text` at once and waits until the input row ends with it."""
    tmux("send-keys", "-t", "main", "-l", text)
    wait_for(lambda t: input_row(t).rstrip().endswith(text.rstrip()[-20:]), "the draft")


def chat_input_row(text):
    lines = text.split("\n")
    return next((line for line in reversed(lines) if line.startswith("›")), "")


def cat_input_row(text):
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[-1] if lines else ""


def summary(times):
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields


def memory(binary, db, messages, directory):
    """VmRSS and VmHWM (MiB) after 0 … `messages` customer messages in one conversation."""
    copy = os.path.join(directory, "memory.sqlite")
    shutil.copyfile(db, copy)
    start(chat_command(binary, copy, "--threshold", "0", "--seed", "1"))
    wait_for(full_frame, "the first frame")
    pid = int(tmux("display", "-p", "-t", "main", "#{pane_pid}").strip())
    checkpoints = sorted({0, 100, 1000, 2000, 5000, messages} & set(range(messages + 1)))
    figures = {0: status(pid)}
    reader = sqlite3.connect(copy, timeout=10)
    began = time.monotonic()
    for i in range(1, messages + 1):
        text = f"{MESSAGES[i % len(MESSAGES)]} {i}"
        tmux("send-keys", "-t", "main", "-l", text, ";", "send-keys", "-t", "main", "Enter")
        deadline = time.monotonic() + 10
        while reader.execute("SELECT text FROM turn WHERE role = 'customer' ORDER BY id DESC LIMIT 1").fetchone() != (text,):
            if time.monotonic() > deadline:
                raise RuntimeError(f"message {i} was not logged; the pane shows:\n{capture()}")
            time.sleep(0.001)
        if i in checkpoints:
            figures[i] = status(pid)
    elapsed = time.monotonic() - began
    logged = reader.execute("SELECT COUNT(*), COUNT(DISTINCT conversationId) FROM turn WHERE role = 'customer'").fetchone()
    reader.close()
    quit_chat()
    return figures, elapsed, logged


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/supportbot"))
    parser.add_argument("--turns", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true", help="stop after (a)")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    directory = tempfile.mkdtemp(prefix="supportbot-tui-bench-")
    try:
        print(f"# {binary}", flush=True)
        print("training the default model on the shipped intents …", flush=True)
        empty = prepare_store(binary, directory)
        full = os.path.join(directory, "full.sqlite")
        shutil.copyfile(empty, full)
        seeded = time.monotonic()
        seed_turns(full, args.turns)
        print(f"seeded {args.turns} turns in {time.monotonic() - seeded:.1f} s", flush=True)

        # A floor for the start-up figures: tmux starting a pane and the first capture that sees it.
        floor_times = []
        for _ in range(args.runs):
            started = start("printf 'Live intent type a customer message conv 1'; exec sleep 60")
            floor_times.append((wait_for(full_frame, "the floor") - started) * 1000)
        tmux("kill-server", check=False)
        empty_ms, empty_all = startup(binary, empty, args.runs, directory)
        full_ms, full_all = startup(binary, full, args.runs, directory)
        print("\n## (a) start-up to the first full frame (median of %d)" % args.runs)
        print(f"tmux + polling floor          {statistics.median(floor_times):7.1f} ms")
        print(f"empty store (model only)      {empty_ms:7.1f} ms   {[round(t, 1) for t in empty_all]}")
        print(f"{f'store with {args.turns} turns':29s} {full_ms:7.1f} ms   {[round(t, 1) for t in full_all]}   ratio {full_ms / empty_ms:.2f}×")
        help_tmux, help_bare = help_times(binary, args.runs)
        floor = statistics.median(floor_times)
        print(f"--help in tmux (same path)    {help_tmux:7.1f} ms   first frame / --help {empty_ms / help_tmux:.2f}×"
              f"   less the floor each {(empty_ms - floor) / max(help_tmux - floor, 0.1):.2f}×")
        print(f"--help bare process           {help_bare:7.1f} ms   (first frame − floor) / bare {(empty_ms - floor) / help_bare:.2f}×")
        if args.startup_only:
            return

        # (b) keystroke to frame.
        short_draft = "where is my "
        long_draft = " ".join(MESSAGES[i % 10] for i in range(8)) + " "  # about 50 tokens
        start("exec cat")
        type_draft(short_draft, cat_input_row)
        cat_times = keystroke_latencies(args.samples, short_draft, cat_input_row)
        tmux("kill-server", check=False)
        copy = os.path.join(directory, "keys.sqlite")
        shutil.copyfile(full, copy)
        start(chat_command(binary, copy))
        wait_for(full_frame, "the first frame")
        type_draft(short_draft, chat_input_row)
        short_times = keystroke_latencies(args.samples, short_draft, chat_input_row)
        tmux("send-keys", "-t", "main", "C-u")
        type_draft(long_draft, chat_input_row)
        long_times = keystroke_latencies(args.samples, long_draft, chat_input_row)
        quit_chat()
        cat_median, cat_p90 = summary(cat_times)
        print(f"\n## (b) keystroke to frame ({args.samples} samples each; median / p90)")
        print(f"cat in tmux (floor)           {cat_median:6.2f} / {cat_p90:6.2f} ms")
        for name, times in ((f"short draft ({len(short_draft.split()) + 1} words)", short_times), (f"long draft ({len(long_draft.split())} words)", long_times)):
            median, p90 = summary(times)
            print(f"{name:29s} {median:6.2f} / {p90:6.2f} ms   (+{median - cat_median:.2f} ms over cat)")

        figures, elapsed, logged = memory(binary, empty, args.messages, directory)
        print(f"\n## (c) memory in one conversation ({logged[0]} customer turns logged in {logged[1]} conversation, {elapsed:.0f} s)")
        for count, values in figures.items():
            print(f"after {count:6d} messages   VmRSS {values['VmRSS']:6.1f} MiB   VmHWM {values['VmHWM']:6.1f} MiB")
    finally:
        tmux("kill-server", check=False)
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
