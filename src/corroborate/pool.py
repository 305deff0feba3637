"""Where chunks of work run: in this process, in local worker processes, or on a Dask cluster.

A runner maps a pure function of `work.py` over tagged chunks and yields (tag, result) as each
chunk finishes, in any order. It keeps only a few chunks in flight (two per worker), so reading
ahead, and memory, stay bounded whatever the corpus size. The caller writes the results through
the ledger; workers never see the database.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from corroborate.work import Job, warm

K = TypeVar("K")
P = TypeVar("P")
R = TypeVar("R")

CHUNK = 25  # inputs per chunk: small enough to spread, large enough to pay for the round trip
# an ingest task on a cluster costs a scheduler round trip and the job's transfer: larger chunks
# (re-extraction keeps CHUNK: its partitions are ledger pages, and a stop must be seen soon)
DASK_CHUNK = 100


class PoolError(RuntimeError):
    """Workers cannot be started, reached or kept alive; the message says what to do."""


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Runner(Protocol):
    workers: int
    where: str
    chunk: int  # inputs per task

    def run(
        self, fn: Callable[[Job, P], R], chunks: Iterable[tuple[K, P]]
    ) -> Iterator[tuple[K, R]]: ...

    def close(self) -> None: ...


class InProcess:
    """One worker: the parent itself, no pool to start."""

    workers = 1
    where = "1 process"
    chunk = CHUNK

    def __init__(self, job: Job) -> None:
        self.job = job

    def run(
        self, fn: Callable[[Job, P], R], chunks: Iterable[tuple[K, P]]
    ) -> Iterator[tuple[K, R]]:
        for tag, payload in chunks:
            yield tag, fn(self.job, payload)

    def close(self) -> None:
        pass


_JOB: Job | None = None  # a local worker's job, set once by the initializer


def _exit_with_parent() -> None:
    """A worker whose parent is killed (kill -9 leaves no time to stop it) exits too, instead of
    lingering as an orphan waiting for work that will never come."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(job: Job) -> None:
    global _JOB
    _JOB = job
    # Ctrl-C reaches the whole process group: the parent stops reading and drains what is in
    # flight, which needs the workers alive
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    warm(job)  # the extractor is built once per process, before the first chunk arrives


def _call(fn: Callable[[Job, P], R], payload: P) -> R:
    assert _JOB is not None, "worker not initialised"
    return fn(_JOB, payload)


def _bounded(
    submit: Callable[[P], Future[R]], chunks: Iterable[tuple[K, P]], limit: int
) -> Iterator[tuple[K, R]]:
    """Submit chunks keeping at most `limit` in flight; yield results as they finish."""
    pending: dict[Future[R], K] = {}
    source = iter(chunks)
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            nxt = next(source, None)
            if nxt is None:
                exhausted = True
                break
            pending[submit(nxt[1])] = nxt[0]
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield pending.pop(future), future.result()


class LocalProcesses:
    """N worker processes on this machine, each building its extractor once."""

    def __init__(self, job: Job, workers: int) -> None:
        self.job, self.workers = job, workers
        self.where = f"{workers} local processes"
        self.chunk = CHUNK
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers start clean (no copy of the parent's threads, connections
            # or progress display), forked from a server that imported the package once
            context = multiprocessing.get_context("forkserver")
            # the models only when this run extracts (`ingest --no-extract` needs none)
            preload = (
                "corroborate.preload" if self.job.extractor is not None else "corroborate.work"
            )
            context.set_forkserver_preload([preload])
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_init_worker, initargs=(self.job,)
            )
        return self._pool

    def run(
        self, fn: Callable[[Job, P], R], chunks: Iterable[tuple[K, P]]
    ) -> Iterator[tuple[K, R]]:
        source = iter(chunks)
        first = next(source, None)
        if first is None:
            return
        second = next(source, None)
        if second is None:  # one chunk: not worth starting processes for
            yield first[0], fn(self.job, first[1])
            return

        def everything() -> Iterator[tuple[K, P]]:
            yield first
            yield second
            yield from source

        pool = self._start()
        try:
            yield from _bounded(
                lambda payload: pool.submit(_call, fn, payload), everything(), 2 * self.workers
            )
        except BrokenProcessPool:
            self.close()
            raise PoolError(
                "a worker process died (out of memory or killed?); finished work is saved: "
                "run the same command again to resume"
            ) from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskCluster:
    """The workers of a Dask cluster, reached through its scheduler; only the client writes."""

    def __init__(self, job: Job, address: str, *, timeout: float = 30.0) -> None:
        import distributed  # only here: importing it starts nothing, but costs a second

        self.dist: Any = distributed  # untyped
        self.job, self.address = job, address
        try:
            self.client: Any = self.dist.Client(
                address, timeout=f"{timeout}s", set_as_default=False
            )
        except (OSError, TimeoutError) as exc:
            raise PoolError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            self.client.close()
            raise PoolError(f"the Dask scheduler at {address} has no workers") from None
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.where = f"Dask cluster {address} ({self.workers} worker threads)"
        self.chunk = DASK_CHUNK

    def run(
        self, fn: Callable[[Job, P], R], chunks: Iterable[tuple[K, P]]
    ) -> Iterator[tuple[K, R]]:
        limit = 2 * self.workers + 2
        pending: dict[str, K] = {}
        source = iter(chunks)
        finished = self.dist.as_completed(loop=self.client.loop)

        def fill() -> None:
            while len(pending) < limit:
                nxt = next(source, None)
                if nxt is None:
                    return
                future = self.client.submit(fn, self.job, nxt[1], pure=False)
                pending[future.key] = nxt[0]
                finished.add(future)

        fill()
        for future in finished:
            tag = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:
                raise PoolError(
                    f"a chunk failed on the Dask cluster ({type(exc).__name__}: {exc}); "
                    "finished work is saved: run the same command again to resume"
                ) from None
            future.release()
            yield tag, result
            fill()

    def close(self) -> None:
        self.client.close()


def open_runner(job: Job, *, workers: int = 0, scheduler: str = "") -> Runner:
    """A Dask cluster when `scheduler` names one, else `workers` local processes (0: all cores);
    one worker runs in this process."""
    if scheduler:
        return DaskCluster(job, scheduler)
    n = workers or default_workers()
    return InProcess(job) if n == 1 else LocalProcesses(job, n)
