"""Small lookups shared by the web tests (by meaning, since claim ids change on re-extraction)."""

from __future__ import annotations

from typing import Any

import httpx


def claim(client: httpx.Client, **filters: str) -> dict[str, Any]:
    query = {k: v for k, v in filters.items() if k in ("subject", "relation", "speaker")}
    items: list[dict[str, Any]] = client.get("/api/claims", params={**query, "limit": 500}).json()[
        "items"
    ]
    found = [c for c in items if all(c.get(k) == v for k, v in filters.items())]
    assert len(found) == 1, (filters, items)
    return found[0]


def proposition(client: httpx.Client, pid: str) -> dict[str, Any]:
    response = client.get(f"/api/propositions/{pid}")
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def csrf_of(client: httpx.Client) -> str:
    client.get("/")
    token = client.cookies.get("corroborate_csrf")
    assert token
    return token
