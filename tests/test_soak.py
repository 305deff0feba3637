"""kill -9 soak: `ingest` killed at random points, run again, on SQLite and PostgreSQL.

Whatever the moment of the kill (reading, writing a batch, extracting), the finished run holds
every good row once, every bad row as one error, and the claims a clean run gives: 0 lost,
0 duplicated.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

from corroborate.store import Ledger
from tests.conftest import entry_point, run_process
from tests.figures import record

ROWS = 1200
BAD_ROWS = 12
KILLS = 4


def _rows(path: Path) -> Path:
    actors = ["Turkey", "Russia", "Iran", "Israel", "France", "Pakistan"]
    things = ["drones", "tanks", "rifles", "advisers", "trucks", "radios"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(ROWS):
            a, t = actors[i % 6], things[(i // 6) % 6]
            text = f"Bulletin {i}: the ministry said {a} sent {t} to Armenia. {a} denied it."
            out.write(json.dumps({"text": text, "source": f"Desk {i % 5}"}) + "\n")
            if i % (ROWS // BAD_ROWS) == 0:
                out.write('{"text": "unterminated\n')  # a bad row: one error each
    return path


def _counts(url: str) -> tuple[int, int, int, int]:
    with Ledger(url) as ledger:
        stats = ledger.stats()
        claims = ledger.claim_stats()
        return stats.documents, len(ledger.list_errors()), claims.claims, claims.documents_extracted


def test_kill_9_at_random_points_loses_and_doubles_nothing(
    ledger_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    work = tmp_path / "run"
    work.mkdir()
    rng = random.Random(15)
    killed_at = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [*entry_point(), "--db", ledger_url, "ingest", "-q", str(rows)],
            cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        delay = rng.uniform(0.5, 6.0)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL: no handler, no cleanup
            proc.wait()
            killed_at.append(round(delay, 2))
            continue
        break  # finished before the kill: the remaining runs add nothing
    assert killed_at, "no run was killed: the delays are too long for this machine"
    final = run_process(["--db", ledger_url, "ingest", "-q", str(rows)], cwd=work, timeout=600)
    assert final.returncode == 1, final.stderr  # the bad rows fail, every time
    assert "Traceback" not in final.stderr

    reference_dir = tmp_path / "reference"
    reference_dir.mkdir()
    clean = run_process(["--db", sqlite_url, "ingest", "-q", str(rows)], cwd=reference_dir)
    assert clean.returncode == 1 and "Traceback" not in clean.stderr
    expected = _counts(sqlite_url)
    assert expected[:2] == (ROWS, BAD_ROWS)
    got = _counts(ledger_url)
    record(
        "kill-9-soak",
        backend=ledger_url.split(":")[0].split("+")[0],
        rows=ROWS,
        bad_rows=BAD_ROWS,
        killed_after_s=killed_at,
        documents=got[0],
        error_rows=got[1],
        claims=got[2],
        clean_run=list(expected),
    )
    assert got == expected, (got, expected, killed_at)
    with Ledger(ledger_url) as ledger:
        errors = ledger.list_errors()
        assert all(e.location.startswith(str(rows) + ":row ") for e in errors)
