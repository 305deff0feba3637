"""The ingest pipeline as a library call: stopping mid-file and resuming."""

from __future__ import annotations

import json

from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger
from tests.conftest import WriteFile


def test_stop_request_mid_file_commits_finished_rows_and_resumes(
    ledger: Ledger, write: WriteFile
) -> None:
    rows = [json.dumps({"id": i, "text": f"Row {i}: a report on arms flights."}) for i in range(50)]
    path = write("feed.jsonl", "\n".join(rows) + "\n")
    calls = 0

    def stop_after_20() -> bool:
        nonlocal calls
        calls += 1
        return calls > 20

    settings = Settings(commit_every=7)
    first = ingest(ledger, [str(path)], settings=settings, should_stop=stop_after_20)
    assert first.interrupted and not first.ok
    assert first.added == 20  # every finished row is stored, not only whole batches
    second = ingest(ledger, [str(path)], settings=settings)
    assert second.ok
    assert (second.added, second.existing) == (30, 20)
    assert len(ledger.list_documents()) == 50
