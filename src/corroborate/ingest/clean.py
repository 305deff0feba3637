"""Text made safe for every backend, once, where inputs become documents or error rows.

Python strings may hold what no database accepts: lone surrogates (a JSON `"\\ud800"`, a file
name that is not valid UTF-8) cannot be encoded as UTF-8, and PostgreSQL refuses the NUL
character that SQLite stores. Both are replaced here, for every backend alike, so the same input
gives the same ledger whichever database holds it.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from corroborate.model import IngestFailure

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# An error row's location is a unique key: PostgreSQL cannot index a very long text.
MAX_ORIGIN = 1000
MAX_REASON = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Lone surrogates become U+FFFD, NUL characters are removed."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    return _SURROGATE.sub(REPLACEMENT, text)


def clean_origin(origin: str) -> str:
    """A path or URL as it can be stored and shown: bytes of a file name that are not UTF-8
    appear as `\\xff` escapes (so the name stays recognisable and stable across runs), control
    characters as `?`, and a very long one is shortened with a hash that keeps it unique."""
    try:
        origin = origin.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        origin = _SURROGATE.sub(REPLACEMENT, origin)
    origin = _CONTROL.sub("?", origin)
    if len(origin) > MAX_ORIGIN:
        digest = hashlib.sha256(origin.encode("utf-8")).hexdigest()[:12]
        origin = f"{origin[: MAX_ORIGIN - 20]}...[{digest}]"
    return origin


def one_line(text: str, *, limit: int = MAX_REASON) -> str:
    """The first line of a message, cleaned and shortened: an error row's reason."""
    first = clean_text(text).strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 3] + "..."


def clean_failure(failure: IngestFailure) -> IngestFailure:
    return IngestFailure(clean_origin(failure.origin), one_line(failure.reason) or "unreadable")


def clean_url(url: str | None) -> str | None:
    """An http(s) URL without credentials or control characters; anything else is dropped,
    so a page never links to it (the document keeps its text and other metadata)."""
    if url is None:
        return None
    url = url.strip()
    if not url or _CONTROL.search(url) or _SURROGATE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:  # "http://[::1" and other broken authorities
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
