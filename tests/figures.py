"""Figures the reliability tests measure, collected for RELIABILITY.md (scripts/reliability.py).

Set CORROBORATE_FIGURES to a file and each test appends one JSON line to it; unset, nothing is
written."""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV = "CORROBORATE_FIGURES"


def record(test: str, **values: object) -> None:
    target = os.environ.get(ENV)
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as out:
        out.write(json.dumps({"test": test, **values}, default=str) + "\n")
