"""The workbench's assessment cache on a real SQLite ledger: at once when quick, else behind."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from corroborate.extract.claim import Claim, Span
from corroborate.model import Document, Metadata
from corroborate.store import DocumentExtraction, Ledger
from corroborate.web.assessment import AssessmentCache


def add_claim(ledger: Ledger, n: int, subject: str) -> None:
    text = f"{subject} sent drones to Azerbaijan, the ministry said ({n})."
    digest = hashlib.sha256(text.encode()).hexdigest()
    meta = Metadata(source=f"Outlet {n}", title=f"doc {n}")
    ledger.write_batch([Document(f"doc:{n}", text, "txt", digest, digest, meta)])
    (doc,) = [d for batch in ledger.pending_extraction("t-1", batch=10) for d in batch]
    claim = Claim(
        doc=str(doc.id), subject=subject, relation="arms_supply", object="drones",
        recipient="Azerbaijan", quantity=None, speaker="author", polarity="affirm",
        hedged=False, evidence=Span(0, 20, text[:20]), confidence=0.9,
    )  # fmt: skip
    ledger.store_extractions([DocumentExtraction(doc.id, [claim], [])], version="t-1")


def subjects(cache: AssessmentCache) -> set[str | None]:
    return {p.subject for p in cache.get().assessment.propositions}


def test_quick_rebuilds_are_immediate(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        add_claim(ledger, 1, "Turkey")
        cache = AssessmentCache(ledger, recheck_seconds=3600, sync_seconds=3600)
        assert subjects(cache) == {"Turkey"}
        add_claim(ledger, 2, "Israel")
        assert subjects(cache) == {"Turkey"}  # not looked at again within recheck_seconds
        cache.invalidate()  # what a review made here does
        assert subjects(cache) == {"Turkey", "Israel"} and not cache.updating


def test_slow_rebuilds_serve_the_previous_assessment_meanwhile(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'l.db'}") as ledger:
        add_claim(ledger, 1, "Turkey")
        cache = AssessmentCache(ledger, recheck_seconds=0, sync_seconds=0)  # every build "slow"
        first = cache.get()
        add_claim(ledger, 2, "Israel")
        assert cache.get() is first  # the previous one, while the new one is built
        deadline = time.monotonic() + 30
        while cache.get() is first and time.monotonic() < deadline:
            time.sleep(0.05)
        assert subjects(cache) == {"Turkey", "Israel"}
        assert cache.get().version == first.version + 1
