#!/usr/bin/env python3
"""Export speed with and without redaction, on stores filled with synthetic conversations.

For each SIZE (TURNS:CONVERSATIONS) a fresh store gets the shipped intents (`supportbot sync`)
and TURNS turns split evenly over CONVERSATIONS conversations, inserted directly with SQLite:
customer turns drawn from a seeded mix in which about half carry personal data (a distinct
phone number, order number or e-mail in each, names with surnames, card numbers), each
answered by a bot turn that echoes the customer's name or order; the slots a line fills are
stored with it (`turn.slots`), as `chat` stores them, and the conversation's agent is set. Then `supportbot export` runs
with `--no-redact` and with redaction (the default) into an empty directory; the script
prints wall-clock seconds for each, their ratio, and checks that no temporary file is left.

Usage: benchmarks/export_benchmark.py [SIZE ...]   (default: 6000:1 100000:1 1000000:1000;
SUPPORTBOT_BIN overrides .build/release/supportbot)
"""
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SUPPORTBOT_BIN", os.path.join(ROOT, ".build/release/supportbot"))
FIRST = ["Alice", "Bob", "Priya", "Omar", "Jenny", "Carlos", "Mei", "Sophie", "Hiro", "Zoë"]
LAST = ["Smith", "Patel", "Jones", "Garcia", "Tanaka", "Dubois", "Lee", "O'Neil"]


def customer(rng, i):
    """A customer message and the values the bot may echo."""
    name, order = f"{rng.choice(FIRST)} {rng.choice(LAST)}", str(100000 + i)
    texts = [
        (f"where is my order #{order}", "order_status"),
        (f"my number is 07{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}", "contact"),
        (f"I'm {name}, email {name.split()[0].lower()}.{i}@example.com", "greet"),
        ("please refund me, the parcel never came", "refund"),
        ("card 4111 1111 1111 1111 was charged twice", "payment_issue"),
        ("hi there, can you help", "greet"),
        (f"call me on +44 7{rng.randrange(100, 999)} {rng.randrange(100000, 999999)} after six", "contact"),
        ("how long does delivery take to Germany", "delivery_time"),
    ]
    text, intent = rng.choice(texts)
    # The slots the line fills, stored with it as `chat` stores them.
    slots = {"order_status": f'{{"order_id":"{order}"}}', "greet": f'{{"customer_name":"{name}"}}'}.get(intent, "{}")
    return text, intent, name, order, slots if text.startswith(("where", "I'm")) else "{}"


def fill(db, turns, conversations):
    rng = random.Random(7)
    per = turns // conversations
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    start = "2026-12-01 10:00:00.000"
    con.execute("INSERT OR IGNORE INTO intent (name, description, updatedAt) VALUES ('contact', '', ?), ('payment_issue', '', ?)", (start, start))
    for c in range(conversations):
        cur = con.execute("INSERT INTO conversation (startedAt, agent) VALUES (?, 'bench')", (start,))
        cid = cur.lastrowid
        rows = []
        for p in range(1, per + 1, 2):
            text, intent, name, order, slots = customer(rng, c * per + p)
            rows.append((cid, p, "customer", text, intent, 0.9, start, slots))
            if p + 1 <= per:
                rows.append((cid, p + 1, "bot", f"Thanks {name}, order {order} is on its way.", intent, None, start, None))
        con.executemany("INSERT INTO turn (conversationId, position, role, text, intent, confidence, createdAt, slots) VALUES (?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.close()


def timed_export(db, out, redact):
    os.makedirs(out)
    args = [BIN, "export", "--db", db, "--out", out] + ([] if redact else ["--no-redact"])
    begin = time.monotonic()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - begin
    leftovers = [f for f in os.listdir(out) if f.startswith(".")]
    assert not leftovers, f"temporary files left: {leftovers}"
    return seconds


def main():
    sizes = sys.argv[1:] or ["6000:1", "100000:1", "1000000:1000"]
    print("| turns | conversations | export --no-redact (s) | export, redacted (s) | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        turns, conversations = (int(x) for x in size.split(":"))
        with tempfile.TemporaryDirectory() as work:
            db = os.path.join(work, "bench.sqlite")
            subprocess.run([BIN, "sync", "--db", db, "--intents", os.path.join(ROOT, "intents")], check=True, stdout=subprocess.DEVNULL)
            fill(db, turns, conversations)
            plain = timed_export(db, os.path.join(work, "plain"), redact=False)
            redacted = timed_export(db, os.path.join(work, "redacted"), redact=True)
            print(f"| {turns:,} | {conversations:,} | {plain:.2f} | {redacted:.2f} | {redacted / plain:.1f}× |", flush=True)


if __name__ == "__main__":
    main()
