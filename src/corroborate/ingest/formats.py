"""HTML and PDF to text, with the metadata each format carries."""

from __future__ import annotations

import io
import logging

import pypdf
import trafilatura
from pypdf.errors import PdfReadError

from corroborate.ingest.errors import InputError
from corroborate.ingest.text import SNIFF_BYTES, parse_date
from corroborate.model import Metadata, RawInput

# trafilatura and pypdf log every oddity of a damaged input; the failure row says it once.
for _name in ("trafilatura", "htmldate", "pypdf", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def html_to_raw(data: bytes, *, origin: str, url: str | None = None) -> RawInput:
    """Main text of a web page, boilerplate dropped, title/author/date kept."""
    if not data.strip():
        raise InputError("empty file (no text)")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary data (NUL bytes), not HTML")
    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # A page too short or too plain for main-text detection still has words in it.
        text = trafilatura.html2txt(data)
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


def pdf_to_raw(data: bytes, *, origin: str) -> RawInput:
    """The text layer of a PDF; a scan without one is refused with advice."""
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError("not a PDF (no %PDF header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF: decrypt it first")
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
        info = reader.metadata
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
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
