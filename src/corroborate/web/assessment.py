"""The assessment the pages show: claim reviews applied, rebuilt when the ledger changes."""

from __future__ import annotations

import gc
import math
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from corroborate.assess import AssessSettings, Camps, Proposition
from corroborate.assess_run import Assessment, assess_ledger
from corroborate.reviews import ClaimKey, Decision, decisions
from corroborate.store import Ledger


@dataclass(frozen=True, slots=True)
class Reviewed:
    assessment: Assessment
    decisions: dict[ClaimKey, Decision]
    by_id: dict[str, Proposition]
    of_claim: dict[int, str]  # claim id -> id of the proposition it counts towards
    members: dict[int, list[int]]  # copy cluster -> its documents
    version: int
    memo: dict[str, Any] = field(default_factory=dict)  # derived views, computed once


class AssessmentCache:
    """One assessment shared by all requests; rebuilt after a review or an outside change.

    A rebuild that took less than `sync_seconds` last time is done at once, so the next page
    already shows a review's effect. A longer one (a ledger of a million claims takes a minute)
    runs in the background while the previous assessment goes on being served: pages say so."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        recheck_seconds: float = 2.0,
        sync_seconds: float = 3.0,
        settings: AssessSettings | None = None,
        camps: Camps | None = None,
    ) -> None:
        self.ledger = ledger
        self.settings = settings or AssessSettings()
        self.camps = camps
        self.recheck_seconds = recheck_seconds
        self.sync_seconds = sync_seconds
        self._lock = threading.Lock()  # one build at a time
        self._current: Reviewed | None = None
        self._fingerprint: tuple[object, ...] | None = None
        self._checked = -math.inf
        self._version = 0
        self._last_build = 0.0  # seconds the last build took
        self._finished = -math.inf  # when it ended
        self._background: threading.Thread | None = None

    @property
    def updating(self) -> bool:
        """Whether a background rebuild is under way (the pages show the previous one)."""
        worker = self._background
        return worker is not None and worker.is_alive()

    def invalidate(self) -> None:
        """The ledger changed here: look again at the next request, not in two seconds."""
        self._checked = -math.inf

    def get(self, *, wait: bool = True) -> Reviewed:
        """The current assessment. A request never queues behind a rebuild while there is a
        previous assessment to answer from: a quick rebuild (the last took under
        `sync_seconds`) is done at once only when no other is running; otherwise it runs in the
        background and the previous one is served (pages say so); a quick one under way is waited
        for, at most `sync_seconds`. With `wait=False` (a review's write) every rebuild goes to
        the background: the answer never waits for one."""
        current = self._current
        if current is not None and time.monotonic() - self._checked < self.recheck_seconds:
            return current
        # marked checked before reading: an invalidate() during the read is not overwritten
        self._checked = time.monotonic()
        fp = self.ledger.change_token()
        if current is not None and fp == self._fingerprint:
            return current
        if current is not None:
            quick = wait and self._last_build < self.sync_seconds
            # a quick rebuild under way is waited for (at most `sync_seconds`), not repeated
            if not quick or not self._lock.acquire(timeout=self.sync_seconds):
                self._rebuild_in_background(fp)
                return current
            try:
                if self._fingerprint == fp and self._current is not None:
                    return self._current  # built meanwhile by the request that held the lock
                return self._build(fp)
            finally:
                self._lock.release()
        with self._lock:  # the very first build: there is nothing else to answer from
            if self._current is not None:
                return self._current  # another request built it meanwhile
            return self._build(fp)

    def _build(self, fp: tuple[object, ...]) -> Reviewed:
        """Assess the ledger as it is now; the caller holds the lock. `fp` is the change token
        read before the ledger is: a change made during the build triggers another."""
        began = time.monotonic()
        assessment = assess_ledger(self.ledger, settings=self.settings, camps=self.camps)
        decided = decisions(self.ledger.list_reviews())
        by_id = {p.id: p for p in assessment.propositions}
        of_claim = {c: p.id for p in assessment.propositions for c in p.claim_ids}
        members: dict[int, list[int]] = {}
        for doc_id, cluster_id in assessment.clusters.items():
            members.setdefault(cluster_id, []).append(doc_id)
        self._version += 1
        built = Reviewed(assessment, decided, by_id, of_claim, members, self._version)
        self._current, self._fingerprint = built, fp
        # a million claims are millions of long-lived objects: left to the cyclic collector,
        # each full collection walks them all and stalls every request for seconds
        gc.collect()
        gc.freeze()
        self._finished = time.monotonic()
        self._last_build = self._finished - began
        return built

    def _rebuild_in_background(self, fp: tuple[object, ...]) -> None:
        # while an ingest keeps changing the ledger, rebuilds are spaced by their own length:
        # back to back they would hold the interpreter and slow every request down
        if time.monotonic() - self._finished < self._last_build:
            return  # looked at again after recheck_seconds
        if self.updating or not self._lock.acquire(blocking=False):
            return

        def rebuild() -> None:
            try:
                self._build(fp)
            finally:
                self._lock.release()

        self._background = threading.Thread(target=rebuild, name="reassess", daemon=True)
        self._background.start()
