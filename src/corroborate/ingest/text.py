"""Bytes to text: decoding, binary sniffing, Markdown front matter and metadata values."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from typing import Any

import yaml
from dateutil import parser as dateparser

from corroborate.ingest.errors import InputError
from corroborate.model import Metadata

SNIFF_BYTES = 8192


def decode(data: bytes, *, encoding: str = "utf-8") -> str:
    """Decode text strictly; binary data and undecodable bytes are refused, not guessed at."""
    if not data.strip():
        raise InputError("empty file (no text)")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary data (NUL bytes), not text: convert it to .txt, .html or .pdf")
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"not valid {encoding} text (byte 0x{bad} at offset {exc.start}); "
            "pass --encoding if the file uses another encoding"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def parse_date(value: Any) -> date:
    """A date from YAML, JSON or CSV metadata. Raises ValueError with the value in it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        # parsed against two different defaults: a part the text lacks shows as a difference
        first = dateparser.parse(text, default=datetime(2000, 1, 1)).date()
        second = dateparser.parse(text, default=datetime(2001, 2, 2)).date()
    except (ValueError, OverflowError):
        raise ValueError(f"date {text!r} not understood (use YYYY-MM-DD)") from None
    if first != second:
        raise ValueError(f"date {text!r} lacks a year, month or day (use YYYY-MM-DD)")
    return first


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def metadata_from_mapping(values: dict[str, Any], *, where: str) -> tuple[Metadata, list[str]]:
    """Metadata from a mapping with canonical keys; a bad date is a warning, never a lost text."""
    warnings: list[str] = []
    published: date | None = None
    raw_date = values.get("published")
    if raw_date not in (None, ""):
        try:
            published = parse_date(raw_date)
        except ValueError as exc:
            warnings.append(f"{where}: field 'date': {exc}; stored without a date")
    meta = Metadata(
        source=_clean(values.get("source")),
        url=_clean(values.get("url")),
        title=_clean(values.get("title")),
        author=_clean(values.get("author")),
        published=published,
        language=_clean(values.get("language")),
        external_id=_clean(values.get("external_id")),
    )
    return meta, warnings


# Front-matter keys people write, mapped to Metadata fields.
FRONT_MATTER_KEYS = {
    "title": "title",
    "source": "source",
    "outlet": "source",
    "date": "published",
    "published": "published",
    "url": "url",
    "author": "author",
    "language": "language",
    "lang": "language",
    "id": "external_id",
}


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from a Markdown body."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        raise InputError("front matter opened with '---' but never closed")
    try:
        data = yaml.safe_load(text[4:end]) or {}
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a date such as 2020-13-45
        first = str(exc).splitlines()[0]
        raise InputError(f"front matter is not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping of key: value")
    body_start = text.find("\n", end + 4)
    body = "" if body_start == -1 else text[body_start + 1 :]
    fields = {FRONT_MATTER_KEYS[k]: v for k, v in data.items() if k in FRONT_MATTER_KEYS}
    return fields, body
