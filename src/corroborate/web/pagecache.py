"""Rendered pages kept per assessment, with each visitor's own values filled in when served.

A page depends on the ledger (through the assessment's version), on its URL, and on two values
of the visitor: the CSRF token of the forms and the remembered author name. Pages are rendered
once with unguessable markers in place of those two and the markers are replaced per request,
so a page viewed by twenty analysts is built once, and nobody sees another's token or name."""

from __future__ import annotations

import functools
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec

from fastapi import Request
from markupsafe import escape
from starlette.responses import HTMLResponse

P = ParamSpec("P")


class PageCache:
    def __init__(self, *, size: int = 2000) -> None:
        self.size = size
        token = secrets.token_hex(16)  # corpus text cannot contain what it cannot guess
        self.csrf_marker = f"csrf-{token}"
        self.author_marker = f"author-{token}"
        self._pages: OrderedDict[Hashable, tuple[int, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[int, str] | None:
        with self._lock:
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
            return found

    def put(self, key: Hashable, status: int, html: str) -> None:
        with self._lock:
            self._pages[key] = (status, html)
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def personal(self, html: str, *, csrf: str, author: str) -> str:
        """The page for one visitor; `author` escaped exactly as the template escapes it."""
        return html.replace(self.csrf_marker, csrf).replace(self.author_marker, str(escape(author)))


def cached_page(
    key_of: Callable[[Request], tuple[PageCache, Hashable] | None],
) -> Callable[[Callable[P, HTMLResponse]], Callable[P, HTMLResponse]]:
    """Serve a GET page route from the cache; `key_of` gives the cache and the key of the
    request's page (None: render afresh)."""

    def decorate(route: Callable[P, HTMLResponse]) -> Callable[P, HTMLResponse]:
        @functools.wraps(route)  # FastAPI reads the route's own parameters through __wrapped__
        def serve(*args: P.args, **kwargs: P.kwargs) -> HTMLResponse:
            request = kwargs["request"]
            assert isinstance(request, Request)
            found = key_of(request)
            if found is None:
                return route(*args, **kwargs)
            cache, key = found
            hit = cache.get(key)
            if hit is None:
                request.state.markers = (cache.csrf_marker, cache.author_marker)
                response = route(*args, **kwargs)
                hit = (response.status_code, bytes(response.body).decode("utf-8"))
                cache.put(key, *hit)
            status, html = hit
            author = request.cookies.get("corroborate_author", "")
            csrf = str(getattr(request.state, "csrf", ""))
            return HTMLResponse(cache.personal(html, csrf=csrf, author=author), status_code=status)

        return serve

    return decorate
