"""One document per row of a JSONL or CSV file, with a configurable column mapping."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from corroborate.ingest.errors import InputError
from corroborate.ingest.text import bom_encoding, decode, metadata_from_mapping
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


@dataclass(frozen=True, slots=True)
class JsonLimits:
    """Bounds on one JSONL row beyond its size (settings max_json_depth, _number_digits)."""

    max_depth: int = 64
    max_number_digits: int = 100


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def parse_json_row(text: str, limits: JsonLimits) -> Any:
    """One JSON value within the limits; anything else an InputError with the reason."""

    def number(kind: type[int] | type[float]) -> Any:
        def convert(digits: str) -> int | float:
            if len(digits) > limits.max_number_digits:
                raise InputError(
                    f"a number of {len(digits):,} characters, over {limits.max_number_digits} "
                    "(setting max_json_number_digits)"
                )
            return kind(digits)

        return convert

    try:
        value = json.loads(text, parse_int=number(int), parse_float=number(float))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({json_problem(exc)})") from None
    except RecursionError:
        raise InputError(
            f"JSON nested too deep to read (limit {limits.max_depth}, setting max_json_depth)"
        ) from None
    if _depth(value) > limits.max_depth:
        raise InputError(
            f"JSON nested deeper than {limits.max_depth} levels (setting max_json_depth)"
        )
    return value


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
    path: Path,
    *,
    mapping: Mapping[str, str],
    max_bytes: int,
    encoding: str,
    limits: JsonLimits | None = None,
) -> Iterator[Item]:
    limits = limits or JsonLimits()
    with path.open("rb") as fh:
        for lineno, line, size in _lines(fh, max_bytes):
            if not line.strip() and size <= max_bytes:
                continue
            yield _jsonl_row(
                line, size, origin=f"{path}:row {lineno}", mapping=mapping, max_bytes=max_bytes,
                encoding=encoding, limits=limits, fmt="jsonl",
            )  # fmt: skip


def jsonl_rows(
    lines: Iterable[bytes],
    *,
    where: str,
    mapping: Mapping[str, str],
    max_bytes: int,
    encoding: str,
    fmt: str = "jsonl",
    limits: JsonLimits | None = None,
) -> Iterator[Item]:
    """One raw input (or one failure naming `where` and the row) per non-blank line."""
    limits = limits or JsonLimits()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _jsonl_row(
            line, len(line), origin=f"{where}:row {lineno}", mapping=mapping,
            max_bytes=max_bytes, encoding=encoding, limits=limits, fmt=fmt,
        )  # fmt: skip


def _jsonl_row(
    line: bytes,
    size: int,
    *,
    origin: str,
    mapping: Mapping[str, str],
    max_bytes: int,
    encoding: str,
    limits: JsonLimits,
    fmt: str,
) -> Item:
    """One JSONL line as a raw input, or the failure naming its row."""
    try:
        if size > max_bytes:
            raise InputError(f"row is {size:,} bytes, over the {max_bytes:,} byte cap")
        row = parse_json_row(decode(line, encoding=encoding), limits)
        if not isinstance(row, dict):
            raise InputError("row is not a JSON object")
        return row_to_raw(row, origin=origin, fmt=fmt, mapping=mapping)
    except InputError as exc:
        return IngestFailure(origin, exc.reason)


def json_problem(exc: json.JSONDecodeError) -> str:
    """The decoder's message with its column, read as one phrase: some messages already end in
    "at" ("Unterminated string starting at"), which must not become "at at column 5"."""
    where = "column" if exc.msg.endswith(" at") else "at column"
    return f"{exc.msg} {where} {exc.colno}"


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, int]]:
    """(number, line, size) of each line; a line over `max_bytes` is measured, not kept, so
    one endless line never fills memory."""
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        size = len(line)
        if size > max_bytes and not line.endswith(b"\n"):
            while chunk := fh.readline(1 << 20):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            line = b""
        yield lineno, line, size


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
        head = raw.read(8192)
    bom = bom_encoding(head)
    if bom is not None:  # decoded before judged: UTF-16/32 text is full of NUL bytes
        enc = bom
    elif b"\x00" in head:
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
        except UnicodeError as exc:  # UnicodeDecodeError, or a UTF-16 stream without a BOM
            reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
            yield IngestFailure(str(path), f"not valid {encoding} text ({reason}); pass --encoding")
        except csv.Error as exc:
            yield IngestFailure(str(path), f"malformed CSV ({exc})")
