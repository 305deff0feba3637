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


def test_a_hostile_csrf_cookie_is_replaced_not_reflected(server: Server) -> None:
    hostile = 'x"><h1>INJECTED</h1>' + "x" * 40
    with httpx.Client(base_url=server.url, cookies={"corroborate_csrf": hostile}) as c:
        got = c.get(f"/propositions/{BAYRAKTAR}")
    assert "<h1>INJECTED" not in got.text and "INJECTED" not in got.text
    fresh = got.cookies.get("corroborate_csrf")
    assert fresh and fresh != hostile and f'value="{fresh}"' in got.text


def test_bounded_by_bytes_one_version_at_a_time() -> None:
    cache = PageCache(max_bytes=10, max_page_bytes=6)
    cache.put(1, "a", 200, "AAAA")
    cache.put(1, "b", 200, "BBBB")
    assert cache.get(1, "a") == (200, "AAAA")  # now the most recently used
    cache.put(1, "c", 200, "CCCC")  # 12 bytes: the least recently used goes
    assert cache.get(1, "b") is None and cache.get(1, "a") and cache.get(1, "c")
    cache.put(1, "big", 200, "X" * 7)  # over max_page_bytes: never kept
    assert cache.get(1, "big") is None
    cache.put(2, "d", 200, "D")  # a new assessment: the old pages go
    assert cache.get(1, "a") is None and cache.get(2, "a") is None and cache.get(2, "d")
    page = f"x{cache.author_marker}y{cache.csrf_marker}"
    assert cache.personal(page, csrf='"t', author="<i>") == "x&lt;i&gt;y&#34;t"
