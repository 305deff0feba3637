"""The REST API against a real server process on 127.0.0.1 with a real SQLite ledger."""

from __future__ import annotations

import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import httpx

from tests.web.conftest import Server, run_cli, start_server, stop_server
from tests.web.helpers import claim, csrf_of, proposition

BAYRAKTAR = "Pdf3693ac30"  # Turkey supplied Bayraktar TB2 to Azerbaijan
WEAPONS = "P620569e020"  # Turkey supplied weapons to Azerbaijan (denied only)
MERCENARIES = "Pfe2793f6c6"
RUSSIA = "P7619960581"  # Russia sent fighters for Armenia (hedged only)


def test_lists_are_paginated(client: httpx.Client) -> None:
    first = client.get("/api/propositions", params={"limit": 2}).json()
    assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) == 2
    assert first["total"] >= 4 and first["next_offset"] == 2
    rest = client.get("/api/propositions", params={"limit": 2, "offset": 2}).json()
    ids = {p["id"] for p in first["items"]} | {p["id"] for p in rest["items"]}
    assert len(ids) == 4
    docs = client.get("/api/documents", params={"limit": 3}).json()
    assert len(docs["items"]) == 3 and docs["next_offset"] == 3
    last = client.get("/api/documents", params={"limit": 3, "offset": 3}).json()
    assert last["next_offset"] is None
    claims = client.get("/api/claims", params={"limit": 1, "subject": "Turkey"}).json()
    assert len(claims["items"]) == 1 and claims["items"][0]["subject"] == "Turkey"
    sources = client.get("/api/sources").json()
    assert {"North Wire", "Lakeside Post", "Anka Daily"} <= {s["name"] for s in sources["items"]}


def test_filters(client: httpx.Client) -> None:
    turkey = client.get("/api/propositions", params={"actor": "Turkey"}).json()["items"]
    assert turkey and all(p["subject"] == "Turkey" for p in turkey)
    denied = client.get("/api/propositions", params={"status": "denied-only"}).json()["items"]
    assert all(p["status"] == "denied-only" for p in denied)
    doc1 = client.get("/api/claims", params={"document_id": 1}).json()["items"]
    assert doc1 and all(c["document_id"] == 1 for c in doc1)
    actors = client.get("/api/actors").json()["items"]
    assert actors[0]["actor"] == "Turkey"


def test_errors_are_json_with_clear_messages(client: httpx.Client) -> None:
    bad = client.get("/api/propositions", params={"limit": 0})
    assert bad.status_code == 422
    assert "limit" in bad.json()["error"]["message"]
    missing = client.get("/api/propositions/P0000000000")
    assert missing.status_code == 404
    assert "no proposition P0000000000" in missing.json()["error"]["message"]
    assert client.get("/api/documents/999999").json()["error"]["status"] == 404
    assert client.get("/api/claims/abc").status_code == 422
    unknown = client.post("/api/claims/1/reviews", json={"kind": "approve", "author": "x"})
    assert unknown.status_code == 422 and "kind" in unknown.json()["error"]["message"]
    assert client.get("/api/nothing-here").json() == {
        "error": {"status": 404, "message": "Not Found", "details": []}
    }


def test_openapi_schema_lists_the_api(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    wanted = ["/api/propositions", "/api/claims", "/api/documents", "/api/sources",
              "/api/claims/{claim_id}/reviews", "/api/search"]  # fmt: skip
    wanted.append("/api/propositions/merge")
    for path in wanted:
        assert path in paths, path
    assert not any(p.startswith("/actors") for p in paths)  # pages stay out of the API schema
    # an upload may be refused as too large or of the wrong type: both documented
    assert {"413", "415"} <= set(paths["/api/documents"]["post"]["responses"])


def test_a_wrong_method_is_405_with_allow(client: httpx.Client) -> None:
    traced = client.request("TRACE", "/api/sources")
    assert traced.status_code == 405 and traced.headers["allow"] == "GET"
    assert traced.json()["error"]["status"] == 405
    # merge shares its path with /api/propositions/{pid}: GET is not a malformed id (422)
    merge = client.get("/api/propositions/merge")
    assert merge.status_code == 405 and merge.headers["allow"] == "POST"
    page = client.request("PUT", "/documents")
    assert page.status_code == 405 and "GET" in page.headers["allow"]


def test_upload_with_an_impossible_date_fails_that_file_only(client: httpx.Client) -> None:
    """A front-matter date YAML cannot build (2020-13-45) was a 500; it is a failed file."""
    text = b"---\ndate: 2020-13-45\n---\nGeorgia sent radios to Armenia, Baku said.\n"
    response = client.post(
        "/api/documents",
        files={"file": ("dated.md", text, "text/markdown")},
        headers={"x-csrf-token": csrf_of(client)},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] == 0 and body["failed"] == 1
    assert "front matter is not valid YAML (month must be in 1..12)" in body["errors"][0]


def test_search(client: httpx.Client) -> None:
    hits = client.get("/api/search", params={"q": "satellite images"}).json()["items"]
    assert hits and hits[0]["title"] == "Drones over Karabakh"
    assert "Satellite" in hits[0]["snippet"]


def test_correction_feeds_the_assessment_and_survives_reextraction(
    client: httpx.Client, server: Server
) -> None:
    assert proposition(client, RUSSIA)["status"] == "unverified"
    c = claim(client, subject="Russia", relation="foreign_fighters")
    assert c["hedged"] is True
    body = {"kind": "correct", "author": "ana", "note": "the monitor is firm",
            "changes": {"hedged": False}}  # fmt: skip
    posted = client.post(f"/api/claims/{c['id']}/reviews", json=body)
    assert posted.status_code == 201, posted.text
    after = proposition(client, RUSSIA)
    assert after["status"] != "unverified"
    assert after["mentions"][0]["review"] == {
        "state": "corrected", "corrections": {"hedged": False}, "notes": ["the monitor is firm"]
    }  # fmt: skip
    log = client.get("/api/reviews", params={"kind": "correct"}).json()["items"][0]
    assert log["author"] == "ana"
    # RFC 3339, as documented: SQLite returns the UTC time without its zone, the API adds it
    assert datetime.fromisoformat(log["created_at"]).utcoffset() == timedelta(0)
    assert log["payload"]["before"]["hedged"] is True
    assert log["payload"]["after"]["hedged"] is False
    assert log["payload"]["claim_id"] == c["id"]

    done = run_cli("reextract", "--all", cwd=server.workspace)
    assert done.returncode == 0, done.stderr
    assert "extract: 4 documents" in done.stdout
    time.sleep(2.2)  # the app looks for outside changes every 2 s and reassesses by itself
    again = proposition(client, RUSSIA)
    assert again["status"] == after["status"]
    assert again["mentions"][0]["review"]["state"] == "corrected"


def test_reject_drops_the_claim_and_accept_restores_it(client: httpx.Client) -> None:
    assert proposition(client, MERCENARIES)["status"] == "denied-only"
    c = claim(client, subject="Turkey", relation="foreign_fighters", speaker="Turkey")
    r = client.post(f"/api/claims/{c['id']}/reviews", json={"kind": "reject", "author": "bo"})
    assert r.status_code == 201
    assert client.get(f"/api/propositions/{MERCENARIES}").status_code == 404
    assert client.get(f"/api/claims/{c['id']}").json()["review"]["state"] == "rejected"
    queue = client.get("/api/claims/queue", params={"limit": 500}).json()["items"]
    assert c["id"] not in {q["id"] for q in queue}
    r = client.post(f"/api/claims/{c['id']}/reviews", json={"kind": "accept", "author": "bo"})
    assert proposition(client, MERCENARIES)["status"] == "denied-only"
    log = client.get("/api/reviews", params={"limit": 1}).json()["items"][0]
    assert log["payload"]["before"]["state"] == "rejected"
    assert log["payload"]["after"]["state"] == "accepted"


def test_invalid_reviews_are_refused(client: httpx.Client) -> None:
    c = claim(
        client, subject="Turkey", relation="arms_supply", speaker="Armenia", object="Bayraktar TB2"
    )
    url = f"/api/claims/{c['id']}/reviews"
    empty = client.post(url, json={"kind": "correct", "author": "x", "changes": {}})
    assert empty.status_code == 400 and "at least one field" in empty.json()["error"]["message"]
    rel = client.post(url, json={"kind": "correct", "author": "x",
                                 "changes": {"relation": "teleportation"}})  # fmt: skip
    assert rel.status_code == 400 and "unknown relation" in rel.json()["error"]["message"]
    nobody = client.post(url, json={"kind": "accept", "author": ""})
    assert nobody.status_code == 422
    extra = client.post(url, json={"kind": "accept", "author": "x", "admin": True})
    assert extra.status_code == 422


def test_merge_and_split(client: httpx.Client) -> None:
    before = proposition(client, BAYRAKTAR)
    merged = client.post(
        "/api/propositions/merge",
        json={"source": WEAPONS, "target": BAYRAKTAR, "author": "cy", "note": "same deliveries"},
    )
    assert merged.status_code == 201, merged.text
    after = proposition(client, BAYRAKTAR)
    assert len(after["claim_ids"]) == len(before["claim_ids"]) + 1
    assert after["denying"] and not before["denying"]  # Ankara's denial joined it
    assert "merged by an analyst: same deliveries" in after["why_grouped"]
    assert client.get(f"/api/propositions/{WEAPONS}").status_code == 404
    split = client.post(
        f"/api/propositions/{BAYRAKTAR}/split",
        json={"field": "outlet", "value": "Lakeside", "label": "satellite account",
              "author": "cy"},
    )  # fmt: skip
    assert split.status_code == 201, split.text
    assert "1 mention(s)" in split.json()["detail"]
    assert len(proposition(client, BAYRAKTAR)["claim_ids"]) == len(after["claim_ids"]) - 1
    nothing = client.post(
        f"/api/propositions/{BAYRAKTAR}/split",
        json={"field": "outlet", "value": "No Such Outlet", "label": "x", "author": "cy"},
    )
    assert nothing.status_code == 400


def test_several_worker_processes_serve_one_ledger(workspace: Path) -> None:
    server = start_server(workspace, "--workers", "2")
    try:
        workers = subprocess.run(
            ["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        totals = set()
        for _ in range(8):  # a new connection each time, so both workers answer some
            got = httpx.get(server.url + "/api/propositions", params={"limit": 1}, timeout=60)
            totals.add(got.json()["total"])
        html = httpx.get(server.url + f"/propositions/{BAYRAKTAR}", timeout=60)
    finally:
        stop_server(server)
    assert len(workers) >= 2  # uvicorn's worker processes (plus, maybe, its resource tracker)
    assert len(totals) == 1 and totals.pop() >= 4
    assert html.status_code == 200 and "Bayraktar" in html.text
