"""http(s) URLs to raw inputs: timeouts, a size cap and a content-type check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import httpx

from corroborate import __version__
from corroborate.ingest.errors import InputError
from corroborate.ingest.files import bytes_to_raw
from corroborate.ingest.formats import DEFAULT_PDF_STREAM_BYTES
from corroborate.model import IngestFailure, RawInput

CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/pdf": "pdf",
}
# RSS and Atom: `ingest URL` reads a feed's entries; plain XML is a feed when it looks like one
FEED_TYPES = {
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/feed+xml": "feed",
    "application/xml": "xml",
    "text/xml": "xml",
}
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Download:
    """One response: 304 Not Modified has no body and no format."""

    status: int
    format: str | None
    body: bytes
    charset: str
    final_url: str
    headers: Mapping[str, str]


def new_client(*, timeout: float, user_agent: str) -> httpx.Client:
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": user_agent},
    )


def download(
    url: str,
    *,
    client: httpx.Client,
    max_bytes: int,
    accept: Mapping[str, str],
    headers: Mapping[str, str] | None = None,
) -> Download:
    """GET a URL within the size cap; raises InputError (or an httpx error) with the reason."""
    with client.stream("GET", url, headers=dict(headers or {})) as response:
        if response.status_code == 304:
            return Download(304, None, b"", "utf-8", str(response.url), dict(response.headers))
        if response.status_code >= 400:
            raise InputError(f"HTTP {response.status_code} {response.reason_phrase}")
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        fmt = accept.get(ctype)
        if fmt is None:
            allowed = ", ".join(accept)
            raise InputError(f"unsupported content type {ctype or '(none)'!r} (accepts {allowed})")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            size = int(declared)
            raise InputError(f"response is {size:,} bytes, over the {max_bytes:,} byte cap")
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > max_bytes:
                raise InputError(f"response exceeds the {max_bytes:,} byte cap")
        return Download(
            response.status_code,
            fmt,
            bytes(body),
            response.charset_encoding or "utf-8",
            str(response.url),
            dict(response.headers),
        )


def http_failure(url: str, exc: Exception, *, timeout: float) -> IngestFailure:
    """The one-line reason of a failed request."""
    if isinstance(exc, InputError):
        return IngestFailure(url, exc.reason)
    if isinstance(exc, httpx.TimeoutException):
        return IngestFailure(url, f"timed out after {timeout:g} s")
    if isinstance(exc, httpx.TooManyRedirects):
        return IngestFailure(url, "too many redirects")
    return IngestFailure(url, f"cannot fetch ({type(exc).__name__}: {exc})")


def raw_of(
    got: Download, *, origin: str, max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES
) -> RawInput:
    """A downloaded page or PDF as a raw input, with its final URL."""
    if got.format is None:
        raise InputError(f"HTTP {got.status} with no content")
    raw = bytes_to_raw(
        got.body, origin=origin, fmt=got.format, encoding=got.charset, url=got.final_url,
        max_pdf_stream_bytes=max_pdf_stream_bytes,
    )  # fmt: skip
    if raw.meta.url is None:
        raw = replace(raw, meta=replace(raw.meta, url=got.final_url))
    return raw


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    user_agent: str = f"corroborate/{__version__}",
    client: httpx.Client | None = None,
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES,
) -> RawInput | IngestFailure:
    """Download one page or PDF; every failure is a one-line reason naming the URL."""
    own = client is None
    http = client or new_client(timeout=timeout, user_agent=user_agent)
    try:
        got = download(url, client=http, max_bytes=max_bytes, accept=CONTENT_TYPES)
        return raw_of(got, origin=url, max_pdf_stream_bytes=max_pdf_stream_bytes)
    except Exception as exc:  # httpx.InvalidURL ("http://[::1"), a hostile page: this URL only
        return http_failure(url, exc, timeout=timeout)
    finally:
        if own:
            http.close()
