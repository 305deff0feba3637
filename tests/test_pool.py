"""Worker processes: ingest and reextract on N processes store what one process stores, once."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from corroborate.claims_run import extract_ledger
from corroborate.extract import Extractor
from corroborate.pipeline import ingest
from corroborate.pool import LocalProcesses, default_workers, open_runner
from corroborate.settings import Settings
from corroborate.store import Ledger
from corroborate.work import ExtractorSpec, Job, build_chunk, extractor_for
from tests.conftest import (
    assert_extracted_once,
    entry_point,
    run_process,
    write_claims_corpus,
)

SPEC = ExtractorSpec()


def test_default_is_every_core_and_one_worker_runs_in_process() -> None:
    assert default_workers() >= 1
    assert open_runner(Job(), workers=1).where == "1 process"
    runner = open_runner(Job(), workers=2)
    assert isinstance(runner, LocalProcesses) and runner.workers == 2
    runner.close()


def test_chunks_come_back_once_each_whatever_the_order(tmp_path: Path) -> None:
    """Every chunk comes back exactly once with its tag, extracted by the parent's version."""
    from corroborate.model import RawInput

    raws = [
        RawInput(f"r{i}", f"Turkey sent drones to Azerbaijan, said memo {i}.", "txt")
        for i in range(200)
    ]
    runner = LocalProcesses(Job(SPEC), 2)
    try:
        results = list(runner.run(build_chunk, ((i, raws[i : i + 10]) for i in range(0, 200, 10))))
    finally:
        runner.close()
    assert sorted(tag for tag, _ in results) == list(range(0, 200, 10))
    versions = {r.version for _, r in results}
    assert versions == {extractor_for(SPEC).version}
    assert sum(len(r.items) for _, r in results) == 200


def test_two_workers_store_exactly_what_one_extractor_finds(
    ledger_url: str, tmp_path: Path
) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 300)
    with Ledger(ledger_url) as ledger:
        report = ingest(
            ledger, [str(corpus)], settings=Settings(workers=2, commit_every=40), extractor=SPEC
        )
    assert report.ok and report.added == 300 and report.extracted == 300
    assert report.where == "2 local processes"
    assert_extracted_once(ledger_url, Extractor(), documents=300)


def test_a_stopped_run_resumes_without_redoing_or_duplicating(
    ledger_url: str, tmp_path: Path
) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 400)
    settings = Settings(workers=2, commit_every=30)
    written: list[int] = []
    with Ledger(ledger_url) as ledger:
        first = ingest(
            ledger, [str(corpus)], settings=settings, extractor=SPEC,
            on_written=written.append, should_stop=lambda: bool(written) and written[-1] >= 100,
        )  # fmt: skip
        assert first.interrupted and 100 <= first.added < 400
        with ledger.engine.connect() as conn:
            before: dict[int, object] = dict(
                conn.execute(sa.text("select document_id, extracted_at from extractions")).all()
            )
        assert len(before) == first.added  # documents and their claims commit together
        second = ingest(ledger, [str(corpus)], settings=settings, extractor=SPEC)
    assert second.ok and second.added == 400 - first.added and second.existing == first.added
    assert second.extracted == 400 - first.added  # nothing extracted twice
    assert second.built == 400 - first.added  # finished inputs were not even sent again
    after = assert_extracted_once(ledger_url, Extractor(), documents=400)
    assert all(after[d] == at for d, at in before.items()), "a finished document was redone"


def test_reextract_on_two_workers(ledger_url: str, tmp_path: Path) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 200)
    with Ledger(ledger_url) as ledger:
        stored = ingest(ledger, [str(corpus)], settings=Settings(workers=2))
        assert stored.added == 200 and stored.extracted == 0  # no extractor: documents only
        assert ledger.pending_count(Extractor().version) == 200
        report = extract_ledger(ledger, extractor=SPEC, workers=2, batch=50)
        assert (report.documents, report.interrupted) == (200, False)
        assert ledger.pending_count(Extractor().version) == 0
        again = extract_ledger(ledger, extractor=SPEC, workers=2)
    assert again.documents == 0
    assert_extracted_once(ledger_url, Extractor(), documents=200)


def test_cli_ingest_and_reextract_with_workers(tmp_path: Path) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 120)
    db = f"sqlite:///{tmp_path / 'l.db'}"
    done = run_process(["--db", db, "ingest", "--workers", "2", str(corpus)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "120 added" in done.stdout and "(2 local processes)" in done.stdout
    redo = run_process(["--db", db, "reextract", "--all", "--workers", "2"], tmp_path)
    assert redo.returncode == 0, redo.stderr
    assert "extract: 120 documents" in redo.stdout
    assert_extracted_once(db, Extractor(), documents=120)


def _count(url: str, table: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"select count(*) from {table}")).scalar_one())
    except sa.exc.SQLAlchemyError:  # not created yet
        return 0
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_kill_9_of_the_client_mid_run_then_rerun_on_postgres(pg_url: str, tmp_path: Path) -> None:
    """SIGKILL of the ingesting process (its workers die with it), then the same command:
    every document stored and extracted exactly once, finished work not redone."""
    n = 1500
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", n)
    args = ["--db", pg_url, "ingest", "-q", "--workers", "2", str(corpus)]
    env = os.environ | {"CORROBORATE_COMMIT_EVERY": "50"}
    proc = subprocess.Popen(
        entry_point() + args, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while _count(pg_url, "extractions") < 100:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no batch was committed within 120 s"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stored = _count(pg_url, "documents")
    assert 0 < stored < n, "the run finished before the kill: make the corpus larger"
    assert _count(pg_url, "extractions") == stored  # each batch: documents with their claims
    with Ledger(pg_url) as ledger, ledger.engine.connect() as conn:
        before: dict[int, object] = dict(
            conn.execute(sa.text("select document_id, extracted_at from extractions")).all()
        )
    again = run_process(args, tmp_path, timeout=300)
    assert again.returncode == 0, again.stderr
    after = assert_extracted_once(pg_url, Extractor(), documents=n)
    assert all(after[d] == at for d, at in before.items()), "a finished document was redone"


def test_progress_line_on_a_terminal_and_none_with_quiet(tmp_path: Path) -> None:
    """On a terminal, reextract shows its count and rate (and time left); -q shows nothing."""
    import pty

    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 60)
    db = f"sqlite:///{tmp_path / 'l.db'}"
    with Ledger(db) as ledger:
        assert ingest(ledger, [str(corpus)], settings=Settings(workers=1)).added == 60

    def stderr_on_a_terminal(*args: str) -> str:
        main, secondary = pty.openpty()
        proc = subprocess.run(
            [*entry_point(), "--db", db, "reextract", "--all", "--workers", "1", *args],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=secondary, timeout=120, check=True,
        )  # fmt: skip
        os.close(secondary)
        chunks = []
        while True:
            try:
                data = os.read(main, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not data:
                break
            chunks.append(data)
        os.close(main)
        assert proc.returncode == 0
        return b"".join(chunks).decode(errors="replace")

    shown = stderr_on_a_terminal()
    assert "extracting" in shown and "60/60" in shown and "/s" in shown
    assert stderr_on_a_terminal("-q") == ""


def test_ctrl_c_to_the_process_group_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    """Ctrl-C on a terminal signals the parent and its workers: the workers carry on with what
    is in flight, the parent commits it and exits 130, and the same command finishes."""
    n = 1500
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", n)
    db = tmp_path / "l.db"
    args = ["--db", f"sqlite:///{db}", "ingest", "-q", "--workers", "2", str(corpus)]
    env = os.environ | {"CORROBORATE_COMMIT_EVERY": "50"}
    proc = subprocess.Popen(
        entry_point() + args, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    url = f"sqlite:///{db}"
    deadline = time.monotonic() + 120
    while _count(url, "extractions") < 100:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no batch was committed within 120 s"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole group
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "worker process died" not in err
    stored = _count(url, "documents")
    assert 0 < stored < n and _count(url, "extractions") == stored
    again = run_process(args, tmp_path, timeout=300)
    assert again.returncode == 0, again.stderr
    assert_extracted_once(url, Extractor(), documents=n)
