"""Scale: ingest + extraction of N real-length documents on 1 process, 2 processes and a Dask
cluster; peak memory of every process; then assessment of the ledger.

usage: python benchmarks/scale_bench.py [N] [--pg URL] [--no-dask] [--keep DIR]
       (default N = 2000; the issue's measure is N = 100000)

The corpus is one JSONL file of N generated news-length articles (about 450 words each, the
generator of extract_bench.py) from 40 outlets, plus one malformed line in the middle, which
must come out as exactly one error row. Each configuration runs the real CLI in a fresh process
into a fresh ledger:

  sqlite-1     corroborate ingest --workers 1             (SQLite)
  sqlite-2     corroborate ingest --workers 2             (SQLite)
  dask-2       corroborate ingest --scheduler tcp://...   (PostgreSQL given by --pg; a
               LocalCluster of 2 worker processes, 1 thread each)

Reported per run: wall-clock docs/s (process start to exit), steady docs/s (between 10 % and
90 % of documents stored, so start-up does not count), the ratio of each to sqlite-1, and the
peak resident memory of the client and of each worker, over the first half of the run and over
all of it (equal halves mean memory is flat in corpus size), the CPU seconds all its processes
used and the machine's load average, since on a shared machine the wall
clock measures the neighbours as much as the code. Then `assess_ledger` over the
SQLite ledger (and PostgreSQL's), in claims/s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))
from extract_bench import documents

from corroborate.assess_run import assess_ledger
from corroborate.store import Ledger

CLI = str(Path(sys.executable).with_name("corroborate"))
MiB = 1024 * 1024


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(documents(n)):
            if i == n // 2:
                fh.write('{"id": "broken", "text": "a record cut short\n')
            row = {"id": f"d{i}", "text": text, "source": f"Outlet {i % 40}"}
            fh.write(json.dumps(row) + "\n")


@dataclass
class Run:
    label: str
    seconds: float = 0.0
    steady: float = 0.0  # docs/s between 10 % and 90 % stored
    half_peak: dict[str, int] = field(default_factory=dict)  # process -> peak RSS, first half
    peak: dict[str, int] = field(default_factory=dict)  # process -> peak RSS, whole run
    cpu: dict[str, float] = field(default_factory=dict)  # process -> CPU seconds used
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average, start and end


def _count(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("select count(*) from extractions")).scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0


def _local_processes(client: psutil.Process) -> dict[str, psutil.Process]:
    """The client's worker processes, and the forkserver they are forked from."""
    found: dict[str, psutil.Process] = {}
    for p in client.children(recursive=True):
        line = " ".join(p.cmdline())
        if "resource_tracker" in line:
            continue
        if "forkserver" in line and p.ppid() == client.pid:
            found["forkserver"] = p
        else:
            found[f"worker {len(found) + 1 - ('forkserver' in found)}"] = p
    return found


def measure(label: str, url: str, args: list[str], n: int, workers: list[psutil.Process]) -> Run:
    """Run the CLI, sampling every process's memory and the stored count 4 times a second."""
    run = Run(label)
    load_start = os.getloadavg()[0]
    engine = sa.create_engine(url)
    start = time.monotonic()
    proc = subprocess.Popen([CLI, "--db", url, "ingest", "-q", *args], stderr=subprocess.PIPE)
    client = psutil.Process(proc.pid)
    marks: dict[int, float] = {}
    while proc.poll() is None:
        names = {"client": client}
        with contextlib.suppress(psutil.NoSuchProcess):
            names |= _local_processes(client)
        names |= {f"dask worker {i + 1}": p for i, p in enumerate(workers)}
        done = _count(engine)
        for name, p in names.items():
            try:
                rss = p.memory_info().rss
                times = p.cpu_times()
            except psutil.NoSuchProcess:
                continue
            run.cpu[name] = times.user + times.system
            run.peak[name] = max(run.peak.get(name, 0), rss)
            if done < n // 2:
                run.half_peak[name] = max(run.half_peak.get(name, 0), rss)
        for share in (10, 90):
            if share not in marks and done >= n * share // 100:
                marks[share] = time.monotonic()
        time.sleep(0.25)
    run.seconds = time.monotonic() - start
    run.load = (load_start, os.getloadavg()[0])
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 1 or stderr.count("error:") != 1:  # 1: the malformed line, reported
        raise SystemExit(f"{label}: exit {proc.returncode}, expected one error\n{stderr}")
    stored = _count(engine)
    engine.dispose()
    if stored != n:
        raise SystemExit(f"{label}: {stored} documents extracted, expected {n}")
    if 10 in marks and 90 in marks and marks[90] > marks[10]:
        run.steady = (n * 80 / 100) / (marks[90] - marks[10])
    return run


def assess_rate(url: str) -> tuple[int, float]:
    with Ledger(url) as ledger:
        claims = ledger.claim_stats().claims
        start = time.perf_counter()
        assess_ledger(ledger)
        return claims, claims / (time.perf_counter() - start)


def pg_database(admin_url: str) -> tuple[str, Any]:
    name = f"scale_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--pg", help="PostgreSQL admin URL for the Dask run (creates a database)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    opts = parser.parse_args()
    folder = opts.keep or Path(tempfile.mkdtemp(prefix="scale_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    t = time.perf_counter()
    write_corpus(corpus, opts.n)
    size = corpus.stat().st_size / MiB
    print(f"corpus: {opts.n:,} documents + 1 malformed line, {size:,.0f} MiB "
          f"({time.perf_counter() - t:.0f} s to write); cores: {os.cpu_count()}")  # fmt: skip
    runs: list[Run] = []
    ledgers: list[tuple[str, str]] = []
    for workers in (1, 2):
        url = f"sqlite:///{folder / f'w{workers}.db'}"
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        runs.append(measure(f"sqlite-{workers}", url, ["--workers", str(workers), str(corpus)],
                            opts.n, []))  # fmt: skip
        ledgers.append((f"sqlite-{workers}", url))
    drop = None
    if opts.pg and not opts.no_dask:
        import distributed

        dist: Any = distributed
        url, drop = pg_database(opts.pg)
        with dist.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1") as cluster:  # fmt: skip
            with dist.Client(cluster) as client:
                pids = client.run(os.getpid)
            procs = [psutil.Process(p) for p in pids.values()]
            runs.append(measure("dask-2", url, ["--scheduler", cluster.scheduler_address,
                                                str(corpus)], opts.n, procs))  # fmt: skip
        ledgers.append(("dask-2 (PostgreSQL)", url))
    base = runs[0]
    print(
        "\n| run | docs/s (wall) | ratio | docs/s (steady) | ratio | peak MiB, first half / all |"
    )
    print("|---|---|---|---|---|---|")
    for r in runs:
        wall = opts.n / r.seconds
        mem = "; ".join(f"{k} {r.half_peak.get(k, 0) / MiB:.0f}/{v / MiB:.0f}"
                        for k, v in sorted(r.peak.items()))  # fmt: skip
        steady_ratio = f"{r.steady / base.steady:.2f}x" if base.steady and r.steady else "-"
        print(f"| {r.label} | {wall:,.0f} | {wall / (opts.n / base.seconds):.2f}x | "
              f"{r.steady:,.0f} | {steady_ratio} | {mem} | {sum(r.cpu.values()):,.0f} | "
              f"{r.load[0]:.1f} to {r.load[1]:.1f} |")  # fmt: skip
    print()
    for label, url in ledgers[1:]:
        claims, rate = assess_rate(url)
        print(f"assessment of {label}: {claims:,} claims, {rate:,.0f} claims/s")
    if drop is not None:
        drop()
    if opts.keep is None:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
