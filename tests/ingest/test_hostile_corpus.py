"""The hostile corpus (scripts/hostile_corpus.py) through one real `ingest` batch per backend.

Every input that once crashed, hung or was wrongly refused, plus 1,000 fuzzed files: the batch
completes with exit 1, no traceback, each bad input is one error row with a one-line reason,
each good one a document, the run's peak memory (all its processes) stays under 1 GiB and no
input takes 10 s. A re-run adds nothing and loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest
from scripts.hostile_corpus import write_corpus

from corroborate.store import Ledger
from tests.conftest import entry_point
from tests.figures import record

FUZZED = 1000
# the whole run: the ingest process, its fork server and its workers, which share the models the
# fork server loaded (so each process's proportional set size, summed, is the run's memory)
MAX_MEMORY_BYTES = 1 << 30
MAX_INPUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Run:
    code: int
    stdout: str
    stderr: str
    max_rss: int  # bytes, the largest single process (wait4)
    peak_memory: int  # bytes, the process tree's summed PSS at its highest sample


def _tree_memory(root: psutil.Process) -> int:
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker may end between list and read
            total += proc.memory_full_info().pss
    return total


def run_measured(args: list[str], cwd: Path, timeout: float = 600) -> Run:
    """The real CLI in its own process, its tree's memory sampled every 0.2 s, reaped with wait4
    for the largest process's peak RSS."""
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    peak = [0]
    with out.open("w") as o, err.open("w") as e:
        proc = subprocess.Popen(entry_point() + args, cwd=cwd, stdout=o, stderr=e)
        root = psutil.Process(proc.pid)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                with contextlib.suppress(psutil.Error):
                    peak[0] = max(peak[0], _tree_memory(root))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * 1024  # kilobytes on Linux
    return Run(proc.returncode, out.read_text(), err.read_text(), rss, peak[0])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return write_corpus(tmp_path_factory.mktemp("hostile"), fuzz=FUZZED, seed=15)


def _slowest(stdout: str) -> list[float]:
    found = re.findall(r"slowest input: ([0-9.]+) s", stdout)
    found += re.findall(r"; slowest: ([0-9.]+) s, ", stdout)  # the slowest extraction
    return [float(x) for x in found]


def test_hostile_corpus_is_one_unbroken_batch(
    corpus: dict[str, Any], ledger_url: str, tmp_path: Path
) -> None:
    targets = corpus["targets"]
    began = time.monotonic()
    run = run_measured(["--db", ledger_url, "ingest", *targets], tmp_path)
    wall = time.monotonic() - began
    assert run.code == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert 0 < run.max_rss < MAX_MEMORY_BYTES, run.max_rss
    assert 0 < run.peak_memory < MAX_MEMORY_BYTES, run.peak_memory
    slowest = _slowest(run.stdout)
    assert len(slowest) == 2 and max(slowest) < MAX_INPUT_SECONDS, run.stdout

    with Ledger(ledger_url) as ledger:
        errors = {e.location: e for e in ledger.list_errors()}
        docs = {d.origin: d for d in ledger.list_documents()}
        for case in corpus["cases"]:
            where = case["location"]
            if case["expect"] == "error":
                assert where in errors, (case["name"], sorted(errors)[:5])
                assert case["reason"] in errors[where].reason, errors[where]
                assert where not in docs
            else:
                assert where in docs, (case["name"], errors.get(where))
                assert where not in errors
        for path in corpus["fuzzed"]:  # every fuzzed file is accounted for, none lost
            if path.endswith((".jsonl", ".csv")):
                assert any(o.startswith(path) for o in (*docs, *errors)), path
            else:
                assert (path in docs) != (path in errors), path
        for error in errors.values():
            assert "\n" not in error.reason and error.reason.strip()
            assert error.attempts == 1
        texts = [ledger.document_text(d.id) or "" for d in docs.values()]
        assert not any("\x00" in t for t in texts)
        assert all(t.encode("utf-8") for t in texts)  # no lone surrogate anywhere
        shown = sum(1 for line in run.stderr.splitlines() if line.startswith("error: "))
        assert shown == len(errors)
        before = (len(docs), ledger.stats().documents, sorted(errors))
        record(
            "hostile-corpus",
            backend=ledger_url.split(":")[0].split("+")[0],
            named_cases=len(corpus["cases"]),
            fuzzed_files=len(corpus["fuzzed"]),
            error_rows=len(errors),
            documents=ledger.stats().documents,
            exit_code=run.code,
            tracebacks=run.stderr.count("Traceback"),
            peak_rss_mib=round(run.max_rss / 2**20),
            peak_memory_mib=round(run.peak_memory / 2**20),
            slowest_input_s=slowest[0],
            slowest_extraction_s=slowest[1],
            wall_s=round(wall, 1),
        )

    again = run_measured(["--db", ledger_url, "ingest", "--no-extract", *targets], tmp_path)
    assert again.code == 1 and "Traceback" not in again.stderr
    assert re.search(r"\b0 added\b", again.stdout), again.stdout
    with Ledger(ledger_url) as ledger:
        after_errors = ledger.list_errors()
        assert (len(ledger.list_documents()), ledger.stats().documents) == before[:2]
        assert sorted(e.location for e in after_errors) == before[2]
        assert {e.attempts for e in after_errors} == {2}


def test_corpus_manifest_covers_the_reported_cases(corpus: dict[str, Any]) -> None:
    names = {c["name"] for c in corpus["cases"]}
    for needed in ("flate-bomb.pdf", "billion-laughs.md", "deep.jsonl", "fifo", "utf-16.txt"):
        assert needed in names
    assert len(corpus["fuzzed"]) >= 1000
    json.dumps(corpus)  # the manifest is plain data
