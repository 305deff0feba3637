"""Telegram export reading speed and memory.

usage: python benchmarks/telegram_bench.py [N_MESSAGES]   (default 100000)

Writes a synthetic Telegram Desktop export (result.json) of N messages to a temporary folder:
four in five with text (a third of those as entity lists, one in ten a forward), the rest
photos without text or service messages. Reports the file size; messages/s for reading alone
(read_file) and for a full ingest into a SQLite ledger without extraction (reading, building,
hashing, language detection, storing); and the peak resident memory of each phase. The export
is parsed whole (JSON), so memory grows with the file, not with the ledger.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from corroborate.ingest import ReadOptions, SourceRegistry, read_file
from corroborate.model import RawInput, Source
from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger

ACTORS = ["Turkey", "Russia", "Iran", "Azerbaijan", "Armenia", "Georgia"]
THINGS = ["drones", "trucks", "artillery shells", "rifles", "radar sets"]
LINES = [
    "Our sources say {a} sent {t} to {b} this week.",
    "{a} denied delivering {t} to {b}.",
    "A column with {t} was seen crossing from {a} into {b} at dawn.",
    "Quiet night on most of the front; sirens twice near the river.",
]


def build(n: int, rng: random.Random) -> dict[str, Any]:
    messages: list[dict[str, Any]] = []
    stamp = 1_600_000_000
    for i in range(1, n + 1):
        stamp += rng.randint(30, 600)
        when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp))
        m: dict[str, Any] = {"id": i, "type": "message", "date_unixtime": str(stamp), "date": when}
        roll = rng.random()
        if roll < 0.05:
            m.update(type="service", action="pin_message", text="", text_entities=[])
        elif roll < 0.2:
            m.update(photo=f"photos/{i}.jpg", text="", text_entities=[])
        else:
            a, b = rng.sample(ACTORS, 2)
            text = rng.choice(LINES).format(a=a, b=b, t=rng.choice(THINGS)) + f" #{i}"
            if roll < 0.45:
                cut = len(text) // 3
                m["text_entities"] = [{"type": "bold", "text": text[:cut]},
                                      {"type": "plain", "text": text[cut:]}]  # fmt: skip
                m["text"] = [m["text_entities"][0], text[cut:]]
            else:
                m.update(text=text, text_entities=[{"type": "plain", "text": text}])
            if roll > 0.9:
                m["forwarded_from"] = "Other Channel"
        messages.append(m)
    return {"name": "Bench Channel", "type": "public_channel", "id": 42, "messages": messages}


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "result.json"
        path.write_text(json.dumps(build(n, random.Random(1)), ensure_ascii=False))
        size = path.stat().st_size / 2**20
        print(f"export: {n:,} messages, {size:.1f} MiB; baseline peak {peak_mib():.0f} MiB")
        options = ReadOptions(telegram_usernames={"Bench Channel": "bench_channel"})
        start = time.perf_counter()
        raws = sum(isinstance(item, RawInput) for item in read_file(path, options))
        took = time.perf_counter() - start
        print(f"read:   {raws:,} documents, {n / took:,.0f} messages/s, peak {peak_mib():.0f} MiB")
        registry = SourceRegistry((Source("Bench Channel", ("t.me/bench_channel",)),))
        with Ledger(f"sqlite:///{tmp}/bench.db") as ledger:
            start = time.perf_counter()
            report = ingest(ledger, [str(path)], settings=Settings(), registry=registry)
            took = time.perf_counter() - start
        print(
            f"ingest: {report.added:,} added, {len(report.passed_over):,} skipped, "
            f"{n / took:,.0f} messages/s, peak {peak_mib():.0f} MiB"
        )


if __name__ == "__main__":
    main()
