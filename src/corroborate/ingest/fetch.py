"""http(s) URLs to raw inputs: timeouts, a size cap and a content-type check."""

from __future__ import annotations

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
    http = client or httpx.Client(
        timeout=timeout, follow_redirects=True, max_redirects=5, headers={"User-Agent": user_agent}
    )
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"HTTP {response.status_code} {response.reason_phrase}")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            fmt = CONTENT_TYPES.get(ctype)
            if fmt is None:
                allowed = ", ".join(CONTENT_TYPES)
                raise InputError(
                    f"unsupported content type {ctype or '(none)'!r} (accepts {allowed})"
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    f"response is {int(declared):,} bytes, over the {max_bytes:,} byte cap"
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise InputError(f"response exceeds the {max_bytes:,} byte cap")
            charset = response.charset_encoding or "utf-8"
            final_url = str(response.url)
        raw = bytes_to_raw(
            bytes(body), origin=url, fmt=fmt, encoding=charset, url=final_url,
            max_pdf_stream_bytes=max_pdf_stream_bytes,
        )  # fmt: skip
        if raw.meta.url is None:
            from dataclasses import replace

            raw = replace(raw, meta=replace(raw.meta, url=final_url))
        return raw
    except InputError as exc:
        return IngestFailure(url, exc.reason)
    except httpx.TimeoutException:
        return IngestFailure(url, f"timed out after {timeout:g} s")
    except httpx.TooManyRedirects:
        return IngestFailure(url, "too many redirects")
    except httpx.HTTPError as exc:
        return IngestFailure(url, f"cannot fetch ({type(exc).__name__}: {exc})")
    except Exception as exc:  # httpx.InvalidURL ("http://[::1"), a hostile page: this URL only
        return IngestFailure(url, f"cannot fetch ({type(exc).__name__}: {exc})")
    finally:
        if own:
            http.close()
