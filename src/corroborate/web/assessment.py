"""The assessment the pages show: claim reviews applied, cached until the ledger changes."""

from __future__ import annotations

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
    version: int
    memo: dict[str, Any] = field(default_factory=dict)  # derived views, computed once


class AssessmentCache:
    """One assessment shared by all requests; rebuilt after a review or an outside change."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        recheck_seconds: float = 2.0,
        settings: AssessSettings | None = None,
        camps: Camps | None = None,
    ) -> None:
        self.ledger = ledger
        self.settings = settings or AssessSettings()
        self.camps = camps
        self.recheck_seconds = recheck_seconds
        self._lock = threading.Lock()
        self._current: Reviewed | None = None
        self._fingerprint: tuple[object, ...] | None = None
        self._checked = 0.0
        self._version = 0

    def invalidate(self) -> None:
        with self._lock:
            self._current = None

    def get(self) -> Reviewed:
        now = time.monotonic()
        current = self._current
        if current is not None and now - self._checked < self.recheck_seconds:
            return current
        with self._lock:
            fp = self.ledger.change_token()
            self._checked = time.monotonic()
            if self._current is not None and fp == self._fingerprint:
                return self._current
            assessment = assess_ledger(self.ledger, settings=self.settings, camps=self.camps)
            decided = decisions(self.ledger.list_reviews())
            self._version += 1
            by_id = {p.id: p for p in assessment.propositions}
            of_claim = {c: p.id for p in assessment.propositions for c in p.claim_ids}
            self._current = Reviewed(assessment, decided, by_id, of_claim, self._version)
            self._fingerprint = fp
            return self._current
