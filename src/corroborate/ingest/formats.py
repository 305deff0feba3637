"""HTML and PDF to text, with the metadata each format carries."""

from __future__ import annotations

import io
import logging
import re

import pypdf
import trafilatura
from pypdf.errors import PyPdfError

from corroborate.ingest.errors import InputError
from corroborate.ingest.text import SNIFF_BYTES, bom_encoding, parse_date
from corroborate.model import Metadata, RawInput

# trafilatura and pypdf log every oddity of a damaged input; the failure row says it once.
for _name in ("trafilatura", "htmldate", "pypdf", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def html_to_raw(data: bytes, *, origin: str, url: str | None = None) -> RawInput:
    """Main text of a web page, boilerplate dropped, title/author/date kept."""
    if not data.strip():
        raise InputError("empty file (no text)")
    page: bytes | str = data
    bom = bom_encoding(data)
    if bom is not None:  # UTF-16/32 pages are full of NUL bytes: decode before judging
        try:
            page = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {bom} HTML (byte at offset {exc.start})") from None
    elif b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary data (NUL bytes), not HTML")
    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # A page too short or too plain for main-text detection still has words in it.
        text = trafilatura.html2txt(page)
    if not text or not text.strip():
        # a tree too deep for the parser (100,000 nested tags) still holds words
        text = strip_tags(page)
    if not text or not text.strip():
        raise InputError("no readable text in the HTML")
    published = None
    found_date = getattr(doc, "date", None)
    if found_date:
        try:
            published = parse_date(found_date)
        except ValueError:
            published = None
    meta = Metadata(
        title=getattr(doc, "title", None),
        author=getattr(doc, "author", None),
        published=published,
        url=url or getattr(doc, "url", None),
        language=getattr(doc, "language", None),
    )
    return RawInput(origin=origin, text=text, format="html", meta=meta)


_TAG = re.compile(r"<[^<>]*>")
_SKIPPED = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def strip_tags(page: bytes | str) -> str:
    """Words of an HTML page that no parser could read, tags and scripts removed (linear)."""
    import html

    text = page if isinstance(page, str) else page.decode("utf-8", "replace")
    text = _TAG.sub(" ", _SKIPPED.sub(" ", text))
    return " ".join(html.unescape(text).split())


DEFAULT_PDF_STREAM_BYTES = 75_000_000


def pdf_to_raw(
    data: bytes, *, origin: str, max_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES
) -> RawInput:
    """The text layer of a PDF; a scan without one is refused with advice.

    `max_stream_bytes` caps every decompressed stream (a flate bomb stops there)."""
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError("not a PDF (no %PDF header)")
    limits = {
        name: max_stream_bytes
        for name in (
            "zlib_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "array_based_stream_maximum_output_length",
            "maximum_declared_stream_length",
            "brotli_maximum_output_length",
            "image_maximum_buffer_size",
        )
    }
    try:
        with pypdf.apply_configuration(None, **limits):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError("encrypted PDF with a password: decrypt it first")
            text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
            info = reader.metadata
    except InputError:
        raise
    except PyPdfError as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        if "limit" in type(exc).__name__.lower() or "limit" in first.lower():
            raise InputError(
                f"PDF stream decompresses beyond {max_stream_bytes:,} bytes "
                f"(setting max_pdf_stream_bytes): {first}"
            ) from None
        raise InputError(f"unreadable PDF, truncated or damaged ({first})") from None
    except (ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"unreadable PDF, truncated or damaged ({first})") from None
    if not text.strip():
        raise InputError("PDF has no text layer (a scan?): run OCR on it first")
    published = None
    if info is not None:
        try:
            created = info.creation_date
            published = created.date() if created else None
        except (ValueError, TypeError):
            published = None
    meta = Metadata(
        title=(info.title if info is not None else None) or None,
        author=(info.author if info is not None else None) or None,
        published=published,
    )
    return RawInput(origin=origin, text=text, format="pdf", meta=meta)
