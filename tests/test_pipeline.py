"""The ingest pipeline as a library call: stopping mid-file and resuming."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_summary_counts_files_rows_and_documents_that_add_up(
    ledger: Ledger, write: WriteFile, tmp_path: Path
) -> None:
    write("a.txt", "Turkey denied sending troops to Azerbaijan.")
    write("rows.jsonl", '{"text": "Russia sent arms."}\n{"text": "Iran sent drones."}\n[1]\n')
    report = ingest(ledger, [str(tmp_path / "in"), str(tmp_path / "gone.txt")], settings=Settings())
    assert (report.inputs, report.row_files, report.rows, report.missing) == (2, 1, 3, 1)
    assert report.records == report.added + report.existing + len(report.failures) == 5
    assert report.summary() == (
        "ingest: 2 files read, 1 not found (1 JSONL/CSV file gave 3 rows, one document each); "
        "5 documents: 3 added, 0 already in the ledger, 2 failed"
    )
    again = ingest(ledger, [str(tmp_path / "in")], settings=Settings())
    assert again.summary().endswith("4 documents: 0 added, 3 already in the ledger, 1 failed")
