"""Extraction on a real Dask cluster: a LocalCluster, and a `dask scheduler` with two `dask worker`
processes on 127.0.0.1, one of them killed mid-run. The client alone touches the ledger."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from corroborate.claims_run import extract_ledger
from corroborate.extract import Extractor
from corroborate.pipeline import ingest
from corroborate.pool import DaskCluster, PoolError
from corroborate.settings import Settings
from corroborate.store import Ledger
from corroborate.work import ExtractorSpec, Job
from tests.conftest import assert_extracted_once, entry_point, write_claims_corpus

SPEC = ExtractorSpec()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real LocalCluster: two worker processes, one thread each."""
    import distributed

    dist: Any = distributed  # untyped
    with dist.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1",
    ) as local:  # fmt: skip
        yield str(local.scheduler_address)


def test_ingest_on_a_local_cluster(cluster: str, ledger_url: str, tmp_path: Path) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 200)
    with Ledger(ledger_url) as ledger:
        report = ingest(
            ledger, [str(corpus)], settings=Settings(scheduler=cluster, commit_every=30),
            extractor=SPEC,
        )  # fmt: skip
    assert report.ok and (report.added, report.extracted) == (200, 200)
    assert report.where.startswith(f"Dask cluster {cluster}")
    assert_extracted_once(ledger_url, Extractor(), documents=200)


def test_partitions_already_extracted_are_not_sent_again(
    cluster: str, ledger_url: str, tmp_path: Path
) -> None:
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", 240)
    written: list[int] = []
    with Ledger(ledger_url) as ledger:
        ingest(ledger, [str(corpus)], settings=Settings(workers=1))  # documents only
        first = extract_ledger(
            ledger, extractor=SPEC, scheduler=cluster, batch=40, on_written=written.append,
            should_stop=lambda: bool(written) and written[-1] >= 80,
        )  # fmt: skip
        assert first.interrupted and 80 <= first.documents < 240
        second = extract_ledger(ledger, extractor=SPEC, scheduler=cluster, batch=40)
    assert second.documents == 240 - first.documents  # only the rest went to the cluster
    assert_extracted_once(ledger_url, Extractor(), documents=240)


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    with pytest.raises(
        PoolError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"
    ):
        DaskCluster(Job(SPEC), f"tcp://127.0.0.1:{port}", timeout=2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask(*args: str) -> subprocess.Popen[bytes]:
    dask = Path(sys.executable).with_name("dask")
    return subprocess.Popen(
        [str(dask), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def _extracted(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("select count(*) from extractions")).scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_kill_9_of_a_dask_worker_mid_run_on_postgres(pg_url: str, tmp_path: Path) -> None:
    """`dask scheduler` and two `dask worker` processes (no nanny, so a killed worker stays
    dead); the CLI ingests into PostgreSQL on that cluster; one worker is killed with SIGKILL
    mid-run. The other finishes: every document stored and extracted exactly once."""
    n = 1200
    corpus = write_claims_corpus(tmp_path / "feed.jsonl", n)
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard")]
    try:
        workers = [
            _dask("worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                  "--name", f"w{i}", "--host", "127.0.0.1")
            for i in range(2)
        ]  # fmt: skip
        procs += workers
        env = os.environ | {"CORROBORATE_COMMIT_EVERY": "40"}
        client = subprocess.Popen(
            [*entry_point(), "--db", pg_url, "ingest", "--scheduler", address, str(corpus)],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 180
        while _extracted(pg_url) < 120:
            assert client.poll() is None, client.communicate()
            assert time.monotonic() < deadline, "nothing extracted within 180 s"
            time.sleep(0.05)
        workers[0].send_signal(signal.SIGKILL)
        assert _extracted(pg_url) < n, "the run finished before the kill: make the corpus larger"
        out, err = client.communicate(timeout=300)
        assert workers[0].wait(timeout=10) == -signal.SIGKILL
        assert client.returncode == 0, err
        assert f"{n} added" in out and f"Dask cluster {address}" in out
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
    assert _extracted(pg_url) == n
    assert_extracted_once(pg_url, Extractor(), documents=n)


def test_a_worker_with_other_lexicons_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    """A `dask worker` running a copy of the package with one lexicon edited extracts with
    another version: the client refuses its results with a message that says what to do."""
    import shutil

    import corroborate

    copy = tmp_path / "other" / "corroborate"
    shutil.copytree(Path(corroborate.__file__).parent, copy)  # keeps mtimes: compiled stays fresh
    with (copy / "data" / "lexicons" / "en" / "actors.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# a local edit on one worker machine\n")
    address = f"tcp://127.0.0.1:{_free_port()}"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                   "--no-dashboard")]  # fmt: skip
    try:
        env = os.environ | {"PYTHONPATH": str(copy.parent)}
        dask = Path(sys.executable).with_name("dask")
        procs.append(
            subprocess.Popen(
                [
                    str(dask),
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )
        corpus = write_claims_corpus(tmp_path / "feed.jsonl", 30)
        with Ledger(sqlite_url) as ledger:
            with pytest.raises(
                PoolError, match=r"a worker extracts with version .* install the same"
            ):
                ingest(ledger, [str(corpus)], settings=Settings(scheduler=address), extractor=SPEC)
            assert ledger.list_documents() == []  # nothing from the other version was stored
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
