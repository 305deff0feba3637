"""Rendered pages kept per assessment, with each visitor's own values filled in when served.

A page depends on the ledger (through the assessment's version), on its URL, and on two values
of the visitor: the CSRF token of the forms and the remembered author name. Pages are rendered
once with unguessable markers in place of those two and the markers are replaced per request,
so a page viewed by twenty analysts is built once, and nobody sees another's token or name."""

from __future__ import annotations

import functools
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec

from fastapi import Request
from markupsafe import escape
from starlette.responses import HTMLResponse

from corroborate.web.security import AUTHOR_COOKIE

P = ParamSpec("P")


class PageCache:
    """At most `max_bytes` of pages of one assessment version; a page over `max_page_bytes` is
    rendered afresh each time (a document page can be megabytes). `max_bytes=0` disables it."""

    def __init__(self, *, max_bytes: int = 200_000_000, max_page_bytes: int = 1_000_000) -> None:
        self.max_bytes = max_bytes
        self.max_page_bytes = max_page_bytes
        token = secrets.token_hex(16)  # corpus text cannot contain what it cannot guess
        self.csrf_marker = f"csrf-{token}"
        self.author_marker = f"author-{token}"
        self.form_key_marker = f"formkey-{token}"
        self._pages: OrderedDict[Hashable, tuple[int, str]] = OrderedDict()
        self._bytes = 0
        self._version: object = None
        self._lock = threading.Lock()

    def get(self, version: object, key: Hashable) -> tuple[int, str] | None:
        with self._lock:
            if version != self._version:
                return None
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
            return found

    def put(self, version: object, key: Hashable, status: int, html: str) -> None:
        size = len(html)
        if size > min(self.max_page_bytes, self.max_bytes):
            return
        with self._lock:
            if version != self._version:  # pages of an older assessment are never shown again
                self._pages.clear()
                self._bytes, self._version = 0, version
            old = self._pages.pop(key, None)
            self._bytes += size - (len(old[1]) if old else 0)
            self._pages[key] = (status, html)
            while self._bytes > self.max_bytes:
                _key, (_status, dropped) = self._pages.popitem(last=False)
                self._bytes -= len(dropped)

    def personal(self, html: str, *, csrf: str, author: str) -> str:
        """The page for one visitor, both values escaped exactly as the template escapes them
        (a cookie is whatever the client sends)."""
        html = html.replace(self.csrf_marker, str(escape(csrf))).replace(
            self.author_marker, str(escape(author))
        )
        if self.form_key_marker in html:  # each form of each served copy has a key of its own
            html = re.sub(re.escape(self.form_key_marker), lambda _m: secrets.token_hex(12), html)
        return html


def cached_page(
    key_of: Callable[[Request], tuple[PageCache, object]],
) -> Callable[[Callable[P, HTMLResponse]], Callable[P, HTMLResponse]]:
    """Serve a GET page route from the cache. `key_of` gives the cache and the version of what
    the pages show; the key is the route and its parsed parameters, so a query string the route
    does not read cannot add pages."""

    def decorate(route: Callable[P, HTMLResponse]) -> Callable[P, HTMLResponse]:
        @functools.wraps(route)  # FastAPI reads the route's own parameters through __wrapped__
        def serve(*args: P.args, **kwargs: P.kwargs) -> HTMLResponse:
            request = kwargs["request"]
            assert isinstance(request, Request)
            cache, version = key_of(request)
            if cache.max_bytes == 0:
                return route(*args, **kwargs)
            key = (route.__name__, *sorted((k, v) for k, v in kwargs.items() if k != "request"))
            hit = cache.get(version, key)
            if hit is None:
                request.state.markers = (cache.csrf_marker, cache.author_marker)
                request.state.form_key_marker = cache.form_key_marker
                response = route(*args, **kwargs)
                hit = (response.status_code, bytes(response.body).decode("utf-8"))
                cache.put(version, key, *hit)
            status, html = hit
            author = request.cookies.get(AUTHOR_COOKIE, "")
            csrf = str(getattr(request.state, "csrf", ""))
            return HTMLResponse(cache.personal(html, csrf=csrf, author=author), status_code=status)

        return serve

    return decorate
