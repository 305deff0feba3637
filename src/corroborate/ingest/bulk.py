"""Bulk inputs, streamed a row or record at a time: JSONL.gz, Parquet and WARC web archives.

Memory stays bounded by one Parquet row group batch or one WARC record, whatever the file's
size. A damaged part becomes one failure naming the file and the row or record where it broke;
everything read before it is kept.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from corroborate.ingest.errors import InputError
from corroborate.ingest.formats import html_to_raw
from corroborate.ingest.rows import jsonl_rows, row_to_raw
from corroborate.model import IngestFailure, RawInput

Item = RawInput | IngestFailure

PARQUET_BATCH = 1000  # rows decoded at a time


def read_jsonl_gz(
    path: Path, *, mapping: Mapping[str, str], max_bytes: int, encoding: str
) -> Iterator[Item]:
    """JSONL compressed with gzip; a truncated or corrupt stream ends with one failure row."""
    lines = 0

    def counted(fh: Any) -> Iterator[bytes]:
        nonlocal lines
        for line in fh:
            lines += 1
            yield line

    try:
        with gzip.open(path, "rb") as fh:
            yield from jsonl_rows(counted(fh), where=str(path), mapping=mapping,
                                  max_bytes=max_bytes, encoding=encoding)  # fmt: skip
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        what = "truncated" if isinstance(exc, EOFError) else f"corrupt ({exc})"
        yield IngestFailure(
            f"{path}:row {lines + 1}",
            f"gzip stream {what} after row {lines}: the rows before it are kept",
        )


def read_parquet(path: Path, *, mapping: Mapping[str, str], max_bytes: int) -> Iterator[Item]:
    """One document per Parquet row, decoded a batch of rows at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        yield IngestFailure(str(path), f"not a readable Parquet file ({_first_line(exc)})")
        return
    number = 0
    try:
        for batch in table.iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                number += 1
                origin = f"{path}:row {number}"
                try:
                    size = sum(len(v) for v in row.values() if isinstance(v, str | bytes))
                    if size > max_bytes:
                        raise InputError(f"row is {size:,} characters, over the {max_bytes:,} cap")
                    yield row_to_raw(row, origin=origin, fmt="parquet", mapping=mapping)
                except InputError as exc:
                    yield IngestFailure(origin, exc.reason)
    except (pa.ArrowException, OSError) as exc:
        yield IngestFailure(
            f"{path}:row {number + 1}",
            f"damaged Parquet data after row {number} ({_first_line(exc)}): the rows before it "
            "are kept",
        )


_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """The HTML pages archived in a WARC (plain or gzipped), through the same trafilatura path
    as .html files. Records that are not page responses (requests, metadata, images) are
    passed over; a damaged record fails with its number, and reading stops there."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                number += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                origin = f"{path}:record {number}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                headers = record.http_headers
                kind = (headers.get_header("Content-Type") if headers else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
                if not kind.lower().startswith(_PAGE_TYPES):
                    continue
                status = headers.get_statuscode() if headers else "200"
                if status != "200":
                    continue  # redirects and error pages are not documents
                try:
                    body = record.content_stream().read(max_bytes + 1)
                    if len(body) > max_bytes:
                        raise InputError(f"page is over the {max_bytes:,} byte cap")
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        raise InputError("record is truncated (shorter than its Content-Length)")
                    yield html_to_raw(body, origin=origin, url=url)
                except InputError as exc:
                    yield IngestFailure(origin, exc.reason)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError) as exc:
        yield IngestFailure(
            f"{path}:record {number + 1}",
            f"damaged WARC record ({_first_line(exc)}); the records before it are kept",
        )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
