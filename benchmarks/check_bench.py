"""`check` latency on a large ledger: full-text retrieval plus stance on the top hits.

usage: python benchmarks/check_bench.py [N_DOCS]   (default 100000)

Builds a SQLite ledger of N synthetic news documents (the extraction benchmark's generator),
then times check_claim() for a few claims with the stance model already loaded: the time an
analyst waits for an answer, not process start-up.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_bench import documents

from corroborate.check import check_claim
from corroborate.ingest import build_document
from corroborate.model import Document, RawInput
from corroborate.stance import StanceModel
from corroborate.store import Ledger

CLAIMS = [
    "Turkey sent Syrian fighters to Azerbaijan",
    "Russia flew weapons to Armenia",
    "Israel sold drones to Azerbaijan",
    "Iran denied that arms crossed its territory",
]


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(f"sqlite:///{Path(tmp) / 'check.db'}")
        start = time.perf_counter()
        batch: list[Document] = []
        for i, text in enumerate(documents(n, seed=11)):
            doc = build_document(RawInput(f"doc{i}", f"{text} (item {i})", "txt"))
            assert isinstance(doc, Document)
            batch.append(doc)
            if len(batch) == 2000:
                ledger.write_batch(batch)
                batch = []
        ledger.write_batch(batch)
        print(f"ledger: {n:,} documents written in {time.perf_counter() - start:.0f} s")
        model = StanceModel.load()
        timings = []
        for claim in CLAIMS * 2:  # the second round shows the warm caches
            t0 = time.perf_counter()
            results = check_claim(ledger, claim, stance=model.predict, limit=30)
            timings.append(time.perf_counter() - t0)
            print(f"  {claim!r}: {len(results)} documents labelled in {timings[-1] * 1000:.0f} ms")
        print(f"check on {n:,} documents: median {statistics.median(timings) * 1000:.0f} ms, "
              f"max {max(timings) * 1000:.0f} ms")  # fmt: skip
        ledger.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
