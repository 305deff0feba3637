"""A killed or interrupted batch leaves a consistent ledger, and a re-run finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import entry_point, run_process

FILES = 4000


def make_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(FILES):
        (folder / f"{i:05d}.txt").write_text(
            f"Report {i}: officials said {i % 97} cargo flights landed overnight, "
            "which the other side denied.",
            encoding="utf-8",
        )


def count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def start_and_stop(tmp_path: Path, sig: signal.Signals) -> tuple[subprocess.Popen[str], int]:
    """Start an ingest of FILES files and send `sig` once some batches are committed."""
    db = tmp_path / "l.db"
    env = os.environ | {"CORROBORATE_COMMIT_EVERY": "50"}
    proc = subprocess.Popen(
        [*entry_point(), "--db", f"sqlite:///{db}", "ingest", "-q", str(tmp_path / "corpus")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while count(db) == 0:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no batch was committed within 60 s"
        time.sleep(0.02)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    return proc, count(db)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_interrupted_batch_resumes_without_duplicates(tmp_path: Path, sig: signal.Signals) -> None:
    make_corpus(tmp_path / "corpus")
    proc, stored = start_and_stop(tmp_path, sig)
    assert 0 < stored < FILES, "the run finished before the signal: make the corpus larger"
    db = tmp_path / "l.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, proc.communicate()  # stopped cleanly, finished work kept
        assert "interrupted" in proc.communicate()[1]
    again = run_process(["--db", f"sqlite:///{db}", "ingest", str(tmp_path / "corpus")], tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"{FILES - stored} added, {stored} already in the ledger" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == FILES
        dupes = conn.execute(
            "select count(*) from (select content_hash from documents group by content_hash "
            "having count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
