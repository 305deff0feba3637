"""Paths and URLs to raw inputs: folder walking and dispatch by file type."""

from __future__ import annotations

import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.ingest.bulk import read_jsonl_gz, read_parquet, read_warc
from corroborate.ingest.errors import InputError
from corroborate.ingest.formats import DEFAULT_PDF_STREAM_BYTES, html_to_raw, pdf_to_raw
from corroborate.ingest.rows import JsonLimits, read_csv, read_jsonl
from corroborate.ingest.telegram import is_telegram_export, read_telegram
from corroborate.ingest.text import decode, metadata_from_mapping, split_front_matter
from corroborate.model import IngestFailure, RawInput, Skipped

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".json": "telegram",  # Telegram Desktop's result.json; in folders only when it looks like one
    ".parquet": "parquet",
    ".warc": "warc",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".warc.gz": "warc",
}
# formats read a row or record at a time (never whole, so no size cap on the file)
ROW_FORMATS = {"jsonl", "csv", "jsonl.gz", "parquet", "warc"}


def format_of(path: Path) -> str | None:
    """The format a file's name says (`.jsonl.gz` before `.gz`), or None."""
    name = path.name.lower()
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return FORMATS[suffix]
    return None


Item = RawInput | IngestFailure | Skipped


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int = 20_000_000
    encoding: str = "utf-8"
    fields: Mapping[str, str] = field(default_factory=dict)
    # Telegram channel name -> public t.me name (sources.yaml), for message permalinks
    telegram_usernames: Mapping[str, str] = field(default_factory=dict)
    # feed URL -> the outlet its entries come from (feeds.yaml `source`)
    feed_sources: Mapping[str, str] = field(default_factory=dict)
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES
    json: JsonLimits = field(default_factory=JsonLimits)


@dataclass(frozen=True, slots=True)
class InputPlan:
    """What a batch will read: files and URLs in order, plus what was passed over."""

    inputs: tuple[str, ...]
    skipped: tuple[str, ...]
    missing: tuple[IngestFailure, ...]


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def plan_inputs(targets: Sequence[str]) -> InputPlan:
    """Expand folders recursively (sorted, hidden entries skipped); keep URLs as given.

    A file named on its own is read whatever its suffix (an unknown one fails with a reason);
    inside a folder, files of unknown type are skipped and listed.
    """
    inputs: list[str] = []
    skipped: list[str] = []
    missing: list[IngestFailure] = []
    for target in targets:
        if is_url(target):
            inputs.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel) or not child.is_file():
                    continue
                (inputs if _known(child) else skipped).append(str(child))
        elif path.is_file():
            inputs.append(str(path))
        else:
            missing.append(IngestFailure(str(path), _not_a_file(path)))
    return InputPlan(tuple(dict.fromkeys(inputs)), tuple(skipped), tuple(missing))


def _known(path: Path) -> bool:
    fmt = format_of(path)
    if fmt == "telegram":
        return is_telegram_export(path)  # any other JSON in a folder is not ours to read
    return fmt is not None


def _not_a_file(path: Path) -> str:
    """Why a named path that is neither a folder nor a regular file is not read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file or folder" if not path.is_symlink() else "broken symbolic link"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    kinds = {
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    kind = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: only files, folders and URLs are read"


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every raw input in one file (one, or one per row), or failures naming file and row."""
    origin = str(path)
    fmt = format_of(path)
    try:
        if fmt is None:
            supported = " ".join(sorted(FORMATS))
            raise InputError(f"unsupported file type {path.suffix or '(none)'!r} ({supported})")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_not_a_file(path))
        size = info.st_size
        if size == 0:
            raise InputError("empty file (no text)")
        if fmt == "telegram":
            yield from read_telegram(
                path, max_bytes=options.max_bytes, usernames=options.telegram_usernames
            )
            return
        if fmt in ROW_FORMATS:
            yield from _rows(path, fmt, options)
            return
        if size > options.max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {options.max_bytes:,} byte cap "
                "(setting max_document_bytes)"
            )
        yield bytes_to_raw(
            path.read_bytes(),
            origin=origin,
            fmt=fmt,
            encoding=options.encoding,
            max_pdf_stream_bytes=options.max_pdf_stream_bytes,
        )
    except InputError as exc:
        yield IngestFailure(origin, exc.reason)
    except OSError as exc:
        yield IngestFailure(origin, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # fail closed: a library's surprise costs this file only
        first = (str(exc).splitlines() or [""])[0][:200]
        yield IngestFailure(
            origin, f"unreadable ({type(exc).__name__}{': ' + first if first else ''})"
        )


def _rows(path: Path, fmt: str, options: ReadOptions) -> Iterator[Item]:
    fields, cap, encoding = options.fields, options.max_bytes, options.encoding
    if fmt == "warc":
        yield from read_warc(path, max_bytes=cap)
    elif fmt == "parquet":
        yield from read_parquet(path, mapping=fields, max_bytes=cap)
    elif fmt == "jsonl":
        yield from read_jsonl(
            path, mapping=fields, max_bytes=cap, encoding=encoding, limits=options.json
        )
    else:
        reader = {"csv": read_csv, "jsonl.gz": read_jsonl_gz}[fmt]
        yield from reader(path, mapping=fields, max_bytes=cap, encoding=encoding)


def bytes_to_raw(
    data: bytes,
    *,
    origin: str,
    fmt: str,
    encoding: str = "utf-8",
    url: str | None = None,
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES,
) -> RawInput:
    """One document from the bytes of a single-document format (txt, md, html, pdf)."""
    if fmt == "html":
        return html_to_raw(data, origin=origin, url=url)
    if fmt == "pdf":
        return pdf_to_raw(data, origin=origin, max_stream_bytes=max_pdf_stream_bytes)
    text = decode(data, encoding=encoding)
    if fmt != "md":
        return RawInput(origin=origin, text=text, format=fmt)
    fields, body = split_front_matter(text.replace("\r\n", "\n"), where=origin)
    meta, warnings = metadata_from_mapping(fields, where=origin)
    return RawInput(origin=origin, text=body, format="md", meta=meta, warnings=tuple(warnings))
