"""Ingest throughput: N generated text files into a fresh SQLite ledger, then a re-run.

usage: python benchmarks/ingest_bench.py [N]   (default 5000)
Prints documents per second for the first run and for the re-run (all already present).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger

ACTORS = ("Turkey", "Russia", "Iran", "Israel", "Pakistan", "Georgia")
ITEMS = ("drones", "air defence systems", "ammunition", "military advisers", "cargo flights")


def make_corpus(folder: Path, n: int) -> None:
    for i in range(n):
        a, b = ACTORS[i % len(ACTORS)], ACTORS[(i + 1) % len(ACTORS)]
        body = " ".join(
            f"Officials in {a} said on day {i} that {ITEMS[(i + k) % len(ITEMS)]} had reached "
            f"the front, a claim {b} rejected as baseless."
            for k in range(20)
        )
        (folder / f"{i:06d}.txt").write_text(body, encoding="utf-8")


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        make_corpus(root / "in", n)
        with Ledger(f"sqlite:///{root / 'bench.db'}") as ledger:
            for label in ("first run", "re-run"):
                start = time.perf_counter()
                report = ingest(ledger, [str(root / "in")], settings=Settings())
                elapsed = time.perf_counter() - start
                print(
                    f"{label}: {n} files in {elapsed:.2f} s = {n / elapsed:,.0f} docs/s "
                    f"(added {report.added}, present {report.existing})"
                )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
