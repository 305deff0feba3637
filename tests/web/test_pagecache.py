"""Cached pages: built once per assessment, yet each visitor gets their own token and name."""

from __future__ import annotations

import re

import httpx

from corroborate.web.pagecache import PageCache
from tests.web.conftest import Server
from tests.web.test_api import BAYRAKTAR


def visit(server: Server, path: str, *, csrf: str, author: str) -> str:
    cookies = {"corroborate_csrf": csrf, "corroborate_author": author}
    with httpx.Client(base_url=server.url, cookies=cookies, timeout=30) as c:
        got = c.get(path)
    assert got.status_code == 200
    return got.text


def test_each_visitor_sees_their_own_token_and_name(server: Server) -> None:
    path = f"/propositions/{BAYRAKTAR}"
    alice = visit(server, path, csrf="a" * 43, author="Alice")
    bob = visit(server, path, csrf="b" * 43, author='<b>"Bob"</b>')
    assert f'value="{"a" * 43}"' in alice and 'value="Alice"' in alice
    assert f'value="{"b" * 43}"' in bob and "&lt;b&gt;&#34;Bob&#34;&lt;/b&gt;" in bob
    assert "a" * 43 not in bob and "Alice" not in bob and "<b>" not in bob
    for html in (alice, bob):
        assert not re.search(r"(csrf|author)-[0-9a-f]{32}", html)  # no marker left behind


def test_least_recently_used_pages_go_first() -> None:
    cache = PageCache(size=2)
    cache.put("a", 200, "A")
    cache.put("b", 200, "B")
    assert cache.get("a") == (200, "A")  # now the most recent
    cache.put("c", 200, "C")
    assert cache.get("b") is None and cache.get("a") == (200, "A") and cache.get("c")
    assert cache.personal(f"x{cache.author_marker}y", csrf="t", author="<i>") == "x&lt;i&gt;y"
