"""One document per row of a JSONL or CSV file, with a configurable column mapping."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from corroborate.ingest.errors import InputError
from corroborate.ingest.text import decode, metadata_from_mapping
from corroborate.model import IngestFailure, RawInput

# Column names tried, in order, for each field when the user maps none.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "full_text"),
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at", "datePublished", "publish_date"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
    "external_id": ("id", "doc_id", "uid"),
}
# Names users may give on the command line (`--field date=published_on`).
FIELD_ALIASES = {"date": "published", "id": "external_id", "lang": "language"}

Item = RawInput | IngestFailure


def parse_field_mapping(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`["text=body", "date=when"]` -> {"text": "body", "published": "when"}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        key, sep, column = pair.partition("=")
        key = FIELD_ALIASES.get(key.strip(), key.strip())
        if not sep or not column.strip():
            raise ValueError(f"--field {pair!r}: write it as FIELD=COLUMN, e.g. text=body")
        if key not in FIELD_CANDIDATES:
            known = ", ".join(sorted({*FIELD_CANDIDATES, *FIELD_ALIASES} - {"published"}))
            raise ValueError(f"--field {pair!r}: unknown field {key!r} (known: {known})")
        mapping[key] = column.strip()
    return mapping


def _pick(row: Mapping[str, Any], key: str, mapping: Mapping[str, str]) -> Any:
    if key in mapping:
        return row.get(mapping[key])
    for column in FIELD_CANDIDATES[key]:
        if row.get(column) not in (None, ""):
            return row[column]
    return None


def row_to_raw(
    row: Mapping[str, Any], *, origin: str, fmt: str, mapping: Mapping[str, str]
) -> RawInput:
    text = _pick(row, "text", mapping)
    if not isinstance(text, str) or not text.strip():
        looked = mapping.get("text") or ", ".join(FIELD_CANDIDATES["text"][:5])
        raise InputError(f"no text (looked for field: {looked}; map yours with --field text=NAME)")
    values = {k: _pick(row, k, mapping) for k in FIELD_CANDIDATES if k != "text"}
    meta, warnings = metadata_from_mapping(values, where=origin)
    return RawInput(origin=origin, text=text, format=fmt, meta=meta, warnings=tuple(warnings))


def read_jsonl(
    path: Path, *, mapping: Mapping[str, str], max_bytes: int, encoding: str
) -> Iterator[Item]:
    with path.open("rb") as fh:
        yield from jsonl_rows(fh, where=str(path), mapping=mapping, max_bytes=max_bytes,
                              encoding=encoding)  # fmt: skip


def jsonl_rows(
    lines: Iterable[bytes],
    *,
    where: str,
    mapping: Mapping[str, str],
    max_bytes: int,
    encoding: str,
    fmt: str = "jsonl",
) -> Iterator[Item]:
    """One raw input (or one failure naming `where` and the row) per non-blank line."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        origin = f"{where}:row {lineno}"
        try:
            if len(line) > max_bytes:
                raise InputError(f"row is {len(line):,} bytes, over the {max_bytes:,} byte cap")
            try:
                row = json.loads(decode(line, encoding=encoding))
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(row, dict):
                raise InputError("row is not a JSON object")
            yield row_to_raw(row, origin=origin, fmt=fmt, mapping=mapping)
        except InputError as exc:
            yield IngestFailure(origin, exc.reason)


def read_csv(
    path: Path, *, mapping: Mapping[str, str], max_bytes: int, encoding: str
) -> Iterator[Item]:
    # the csv module's own limit would end the whole file at one big field: rows are measured here
    csv.field_size_limit(2**31 - 1)
    utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    enc = "utf-8-sig" if utf8 else encoding
    try:
        codecs.lookup(enc)
    except LookupError:
        yield IngestFailure(str(path), f"unknown encoding {encoding!r}")
        return
    with path.open("rb") as raw:
        if b"\x00" in raw.read(8192):
            yield IngestFailure(str(path), "binary data (NUL bytes), not CSV")
            return
    with path.open(encoding=enc, newline="", errors="strict") as fh:
        try:
            reader = csv.DictReader(fh)
            if not reader.fieldnames:
                yield IngestFailure(str(path), "empty CSV (no header row)")
                return
            for number, row in enumerate(reader, start=1):
                origin = f"{path}:row {number}"
                try:
                    if None in row:
                        raise InputError(f"{len(row[None])} more cells than header columns")
                    size = sum(len(v) for v in row.values() if isinstance(v, str))
                    if size > max_bytes:
                        raise InputError(f"row is {size:,} characters, over the {max_bytes:,} cap")
                    yield row_to_raw(row, origin=origin, fmt="csv", mapping=mapping)
                except InputError as exc:
                    yield IngestFailure(origin, exc.reason)
        except UnicodeDecodeError as exc:
            yield IngestFailure(
                str(path), f"not valid {encoding} text ({exc.reason}); pass --encoding"
            )
        except csv.Error as exc:
            yield IngestFailure(str(path), f"malformed CSV ({exc})")
