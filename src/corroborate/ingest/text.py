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
# A byte-order mark names its encoding; UTF-32's must be tested before UTF-16's (a prefix).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
AUTO = "auto"
# Share of control characters (other than tab, newlines, form feed) that makes a text binary.
MAX_CONTROL_SHARE = 0.05
_CONTROLS = frozenset(chr(c) for c in (*range(0, 9), 11, *range(14, 32), 127))


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8")


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best reading of the bytes, or None when they read as nothing."""
    from charset_normalizer import from_bytes  # imported on first use only

    best = from_bytes(data[:200_000]).best()
    return None if best is None else str(best.encoding)


def looks_binary(text: str) -> bool:
    """Judged on decoded text, so UTF-16 and UTF-32 (full of NUL bytes) are not binary."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch in _CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def decode(data: bytes, *, encoding: str = "utf-8") -> str:
    """Decode first (a byte-order mark wins, then `encoding`; `auto` asks charset-normalizer),
    then judge binary-ness on the text. Undecodable bytes are refused, never guessed at unless
    asked: the reason names the encoding the bytes look like."""
    if not data.strip():
        raise InputError("empty file (no text)")
    chosen = bom_encoding(data)
    if chosen is None and encoding.lower() == AUTO:
        chosen = _guess(data)
        if chosen is None:
            raise InputError("binary data or an unknown encoding: no text encoding fits it")
    chosen = chosen or ("utf-8-sig" if _is_utf8(encoding) else encoding)
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:SNIFF_BYTES]:
            raise InputError(
                "binary data (NUL bytes), not text: convert it to .txt, .html or .pdf"
            ) from None
        bad = data[exc.start : exc.start + 1].hex()
        guess = _guess(data)
        hint = f"it looks like {guess}: pass --encoding {guess}" if guess else "pass --encoding"
        raise InputError(
            f"not valid {encoding} text (byte 0x{bad} at offset {exc.start}); {hint} "
            "or --encoding auto"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if looks_binary(text):
        raise InputError("binary data (control characters), not text: convert it to .txt")
    if not text.strip():
        raise InputError("empty file (no text)")
    return text


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


MAX_FRONT_MATTER = 64_000  # characters: a real header is a few hundred
MAX_YAML_DEPTH = 20


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without aliases (a 1 KB "billion laughs" expands to gigabytes) and with a
    nesting limit (the composer recurses once per level)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise InputError("front matter uses a YAML alias (*name), which is not accepted")
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise InputError(f"front matter is nested deeper than {MAX_YAML_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load_front_matter(text: str) -> Any:
    loader = _FrontMatterLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from a Markdown body."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        raise InputError("front matter opened with '---' but never closed")
    if end > MAX_FRONT_MATTER:
        raise InputError(f"front matter is over {MAX_FRONT_MATTER:,} characters")
    try:
        data = load_front_matter(text[4:end]) or {}
    except InputError:
        raise
    except RecursionError:
        raise InputError("front matter is nested too deep") from None
    except yaml.YAMLError as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"front matter is not valid YAML ({first})") from None
    except Exception as exc:  # ValueError (2020-13-45), AttributeError (!!timestamp "x"), ...
        first = (str(exc).splitlines() or [""])[0]
        if not isinstance(exc, ValueError) or not first:
            first = f"a value of the wrong form: {type(exc).__name__}: {first}".rstrip(": ")
        raise InputError(f"front matter is not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping of key: value")
    body_start = text.find("\n", end + 4)
    body = "" if body_start == -1 else text[body_start + 1 :]
    fields = {FRONT_MATTER_KEYS[k]: v for k, v in data.items() if k in FRONT_MATTER_KEYS}
    return fields, body
