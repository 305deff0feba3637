"""Reviews are never slow or doubled (idempotency keys, reviews during an ingest); hostile
uploads fail alone. A server of its own, so the shared one keeps its documents."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from corroborate.store import Ledger
from tests.figures import record
from tests.web.conftest import Server, build_workspace, start_server, stop_server
from tests.web.helpers import csrf_of

# the reliability script raises it to the 20,000 rows of the issue (scripts/reliability.py)
INGEST_ROWS = int(os.environ.get("CORROBORATE_RELIABILITY_ROWS", "3000"))
REVIEWERS = 8
MAX_SECONDS = 2.0
P95_SECONDS = 1.0


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("reviews")
    server = start_server(build_workspace(root / "ws"), tmpdir=root / "tmp")
    yield server
    stop_server(server)


def reviews_in(server: Server) -> list[dict[str, object]]:
    with Ledger(f"sqlite:///{server.workspace / 'corroborate.db'}") as ledger:
        return ledger.list_reviews()


def test_a_retried_review_is_stored_once(own: Server) -> None:
    with httpx.Client(base_url=own.url, timeout=30) as client:
        headers = {"x-csrf-token": csrf_of(client)}
        cid = client.get("/api/claims", params={"limit": 1}).json()["items"][0]["id"]
        body = {"kind": "note", "author": "retry test", "note": "checked twice"}
        key = {"Idempotency-Key": uuid.uuid4().hex}
        before = len(reviews_in(own))
        first = client.post(f"/api/claims/{cid}/reviews", json=body, headers=headers | key)
        again = client.post(f"/api/claims/{cid}/reviews", json=body, headers=headers | key)
        assert first.status_code == again.status_code == 201, first.text
        assert first.json()["review_id"] == again.json()["review_id"]
        other = client.post(
            f"/api/claims/{cid}/reviews",
            json=body,
            headers=headers | {"Idempotency-Key": uuid.uuid4().hex},
        )
        assert other.json()["review_id"] != first.json()["review_id"]
        assert len(reviews_in(own)) == before + 2
        bad = client.post(
            f"/api/claims/{cid}/reviews", json=body, headers=headers | {"Idempotency-Key": "a b"}
        )
        assert bad.status_code == 422  # a key is printable ASCII without spaces

        # the pages' forms carry a hidden key: a resubmitted form is one review
        page = client.get("/queue").text
        keys = re.findall(r'name="idempotency_key" value="([0-9a-f]{24})"', page)
        assert keys and len(set(keys)) == len(keys)  # a key per form
        form = {"kind": "accept", "author": "form test", "csrf_token": headers["x-csrf-token"],
                "idempotency_key": keys[0], "back": "/"}  # fmt: skip
        before = len(reviews_in(own))
        for _ in range(2):
            sent = client.post(f"/claims/{cid}/review", data=form, follow_redirects=False)
            assert sent.status_code == 303, sent.text
        assert len(reviews_in(own)) == before + 1


def test_hostile_uploads_fail_alone_never_a_500(own: Server) -> None:
    """Files that once crashed the batch (and answered 500) are a failed file or a document."""
    laughs = "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\n---\nbody\n"
    deep = '{"text": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    surrogate = '{"text": "Georgia sent radios to Armenia \\ud800, Baku said.\\u0000"}\n'
    cases = [
        ("laughs.md", laughs.encode(), "text/markdown", 0),
        ("deep.jsonl", deep.encode(), "application/jsonl", 0),
        ("lone.jsonl", surrogate.encode(), "application/jsonl", 1),
        ("wide.txt", "Georgia sent radios to Armenia.".encode("utf-16"), "text/plain", 1),
    ]
    client = httpx.Client(base_url=own.url, timeout=60)
    for name, body, ctype, added in cases:
        response = client.post(
            "/api/documents",
            files={"file": (name, body, ctype)},
            headers={"x-csrf-token": csrf_of(client)},
        )
        assert response.status_code == 201, (name, response.text)
        got = response.json()
        assert (got["added"], got["failed"]) == (added, 1 - added), (name, got)
    client.close()


def _rows(path: Path) -> Path:
    actors = ["Turkey", "Russia", "Iran", "Israel", "France", "Pakistan"]
    things = ["drones", "tanks", "rifles", "advisers", "trucks", "radios"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(INGEST_ROWS):
            a, t = actors[i % len(actors)], things[(i // len(actors)) % len(things)]
            text = (f"Report {i}: officials said {a} sent {t} to Armenia in week {i % 52}. "
                    f"{a} denied it on day {i}.")  # fmt: skip
            out.write(json.dumps({"text": text, "source": f"Desk {i % 7}"}) + "\n")
    return path


def test_reviews_during_an_ingest_are_quick_and_exactly_once(own: Server, tmp_path: Path) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    with httpx.Client(base_url=own.url, timeout=30) as client:
        claim_ids = [
            c["id"] for c in client.get("/api/claims", params={"limit": 50}).json()["items"]
        ]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "corroborate.web", "-w", str(own.workspace), "ingest", "-q",
         str(rows)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    latencies: list[float] = []
    answers: dict[str, set[int]] = {}
    failures: list[str] = []
    lock = threading.Lock()

    def reviewer(n: int) -> None:
        with httpx.Client(base_url=own.url, timeout=30) as client:
            headers = {"x-csrf-token": csrf_of(client)}
            i = 0
            while ingest.poll() is None and i < 200:
                cid = claim_ids[(n * 7 + i) % len(claim_ids)]
                key = f"r{n}-{i}-{uuid.uuid4().hex[:8]}"
                body = {"kind": "note", "author": f"reviewer {n}", "note": f"pass {i}"}
                for _attempt in range(2):  # the retry a proxy timeout would cause
                    began = time.monotonic()
                    sent = client.post(
                        f"/api/claims/{cid}/reviews",
                        json=body,
                        headers=headers | {"Idempotency-Key": key},
                    )
                    took = time.monotonic() - began
                    with lock:
                        latencies.append(took)
                        if sent.status_code != 201:
                            failures.append(f"{sent.status_code} {sent.text[:200]}")
                        else:
                            answers.setdefault(key, set()).add(sent.json()["review_id"])
                i += 1

    before = len(reviews_in(own))
    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(REVIEWERS)]
    for t in threads:
        t.start()
    try:
        ingest.wait(timeout=600)
    finally:
        for t in threads:
            t.join(timeout=60)
    assert ingest.returncode == 0, ingest.stderr.read().decode() if ingest.stderr else ""
    assert not failures, failures[:3]
    assert len(latencies) >= 2 * REVIEWERS
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    stored = reviews_in(own)
    record(
        "reviews-during-ingest",
        ingest_rows=INGEST_ROWS,
        reviewers=REVIEWERS,
        posts=len(ordered),
        unique_reviews=len(answers),
        stored=len(stored) - before,
        p50_s=round(ordered[len(ordered) // 2], 3),
        p95_s=round(p95, 3),
        max_s=round(ordered[-1], 3),
    )
    assert ordered[-1] < MAX_SECONDS, (ordered[-1], p95, len(ordered))
    assert p95 < P95_SECONDS, (p95, len(ordered))
    assert all(len(ids) == 1 for ids in answers.values())  # a retry answers the first id
    assert len(stored) - before == len(answers)  # 0 lost, 0 doubled
    with Ledger(f"sqlite:///{own.workspace / 'corroborate.db'}") as ledger:
        assert ledger.stats().documents >= INGEST_ROWS
