"""Hostile input and hostile requests: escaping, CSRF, Host, token, uploads, traversal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import TOKEN, Server, run_cli, start_server, stop_server
from tests.web.corpus import XSS
from tests.web.helpers import claim, csrf_of

HOSTILE_DOC = 4
F16 = "P7ef40e2250"


@pytest.mark.parametrize(
    "path",
    ["/", "/documents", f"/documents/{HOSTILE_DOC}", f"/propositions/{F16}", "/actors/Turkey",
     "/search?q=pwned+turkey", "/queue", "/sources/4", "/propositions?q=%3Cscript%3E"],
)  # fmt: skip
def test_hostile_text_is_escaped_everywhere(client: httpx.Client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text
    html = page.text
    assert "<script>" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert re.search(r"(href|src|action)=[\"']?\s*javascript:", html, re.IGNORECASE) is None
    assert re.search(r"on(error|load)=\"window", html) is None
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_hostile_text_is_shown_as_text(client: httpx.Client) -> None:
    html = client.get(f"/documents/{HOSTILE_DOC}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    api = client.get(f"/api/documents/{HOSTILE_DOC}").json()
    assert XSS in api["text"]  # the API returns the text as it is, as JSON


def test_forms_need_the_csrf_token(client: httpx.Client) -> None:
    c = claim(
        client, subject="Turkey", relation="arms_supply", speaker="Armenia", object="Bayraktar TB2"
    )
    url = f"/claims/{c['id']}/review"
    form = {"kind": "note", "author": "mallory", "note": "forged"}
    assert client.post(url, data=form).status_code == 403
    assert client.post(url, data={**form, "csrf_token": "guess"}).status_code == 403
    token = csrf_of(client)
    cross = client.post(url, data={**form, "csrf_token": token},
                        headers={"origin": "https://evil.example"})  # fmt: skip
    assert cross.status_code == 403
    ok = client.post(url, data={**form, "csrf_token": token, "note": "real"})
    assert ok.status_code == 303
    notes = client.get(f"/api/claims/{c['id']}").json()["review"]["notes"]
    assert notes == ["real"]


def test_every_state_changing_page_route_checks_csrf() -> None:
    from fastapi.routing import APIRoute

    from corroborate.web import pages, upload
    from corroborate.web.security import check_form_csrf

    checked = 0
    for route in [*pages.router.routes, *upload.router.routes]:
        if not isinstance(route, APIRoute) or route.path.startswith("/api/"):
            continue
        if set(route.methods or ()) & {"POST", "PUT", "PATCH", "DELETE"}:
            assert check_form_csrf in [d.call for d in route.dependant.dependencies], route.path
            checked += 1
    assert checked == 5


def test_api_refuses_simple_cross_site_posts(client: httpx.Client) -> None:
    c = claim(
        client, subject="Turkey", relation="arms_supply", speaker="Armenia", object="Bayraktar TB2"
    )
    plain = client.post(f"/api/claims/{c['id']}/reviews", content='{"kind":"reject"}',
                        headers={"content-type": "text/plain"})  # fmt: skip
    assert plain.status_code == 403
    assert "CSRF" in plain.json()["error"]["message"]


def test_unknown_host_header_is_refused(client: httpx.Client) -> None:
    rebound = client.get("/api/sources", headers={"host": "attacker.example"})
    assert rebound.status_code == 400
    assert "default-src 'none'" in rebound.headers["content-security-policy"]  # refusals too


def test_no_path_traversal(client: httpx.Client) -> None:
    for path in ("/static/../corroborate.toml", "/static/%2e%2e/%2e%2e/corroborate.toml",
                 "/static/..%2fapp.py", "/documents/..%2f..%2fetc%2fpasswd",
                 "/actors/..%2f..%2fetc%2fpasswd"):  # fmt: skip
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert "database_url" not in response.text and "root:" not in response.text
    assert client.get("/static/app.css").status_code == 200


def test_uploads_are_checked_and_ingested(client: httpx.Client, tmp_path: Path) -> None:
    token = csrf_of(client)
    headers = {"x-csrf-token": token}
    big = b"a" * 5_000_001
    too_big = client.post("/api/documents", files={"file": ("big.txt", big, "text/plain")},
                          headers=headers)  # fmt: skip
    assert too_big.status_code == 413
    exe = client.post("/api/documents", files={"file": ("x.exe", b"MZ", "application/x-msdos")},
                      headers=headers)  # fmt: skip
    assert exe.status_code == 415
    liar = client.post("/api/documents", files={"file": ("x.txt", b"hi", "application/pdf")},
                       headers=headers)  # fmt: skip
    assert liar.status_code == 415
    no_csrf = client.post("/api/documents", files={"file": ("n.txt", b"text", "text/plain")})
    assert no_csrf.status_code == 403
    text = b"Georgia supplied field radios to Armenia, Baku said on Monday.\n"
    ok = client.post("/api/documents", files={"file": ("../../evil.txt", text, "text/plain")},
                     data={"source": "North Wire"}, headers=headers)  # fmt: skip
    assert ok.status_code == 201, ok.text
    assert ok.json()["added"] == 1
    assert not (tmp_path.parent / "evil.txt").exists()
    found = client.get("/api/search", params={"q": "radios"}).json()["items"]
    assert found and found[0]["source"] == "North Wire"


@pytest.fixture(scope="module")
def guarded(workspace: Path) -> Iterator[Server]:
    s = start_server(workspace, "--token", TOKEN, host="0.0.0.0")
    yield s
    stop_server(s)


def test_exposing_needs_a_token(workspace: Path) -> None:
    done = run_cli("-w", str(workspace), "serve", "--host", "0.0.0.0", cwd=workspace)
    assert done.returncode != 0
    assert "give a token" in done.stderr


def test_every_request_needs_the_token(guarded: Server) -> None:
    with httpx.Client(base_url=guarded.url, timeout=30) as c:
        assert c.get("/api/sources").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/static/app.css").status_code == 401
        assert c.get("/api/sources", headers={"authorization": "Bearer wrong"}).status_code == 401
        bearer = {"authorization": f"Bearer {TOKEN}"}
        assert c.get("/api/sources", headers=bearer).status_code == 200
        login = c.get("/propositions", params={"token": TOKEN, "status": "contested"})
        assert login.status_code == 303
        assert login.headers["location"] == "/propositions?status=contested"
        assert c.get("/").status_code == 200  # the cookie now carries the token
