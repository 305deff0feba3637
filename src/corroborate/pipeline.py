"""Ingest targets into a ledger: read, build, store in batches, resume safely.

Reading and building are pure per input (ingest/); this module only sequences them and hands
finished batches to the ledger, so a kill at any moment loses at most one uncommitted batch and a
re-run skips everything already stored.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.ingest import (
    FORMATS,
    ReadOptions,
    SourceRegistry,
    build_document,
    is_url,
    plan_inputs,
    read_file,
)
from corroborate.ingest.clean import clean_failure, clean_origin, one_line
from corroborate.ingest.feeds import HostPacer, is_feed_list, load_feeds, read_feed_url
from corroborate.ingest.fetch import new_client
from corroborate.ingest.files import ROW_FORMATS
from corroborate.ingest.rows import JsonLimits
from corroborate.model import Document, IngestFailure, Metadata, RawInput, Skipped
from corroborate.settings import Settings
from corroborate.store import Ledger


@dataclass(slots=True)
class IngestReport:
    inputs: int = 0
    added: int = 0
    existing: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    passed_over: list[Skipped] = field(default_factory=list)  # e.g. media-only messages
    interrupted: bool = False
    urls: int = 0  # of the inputs, how many were URLs (the rest are files)
    row_files: int = 0  # JSONL/CSV files: each row is a document of its own
    rows: int = 0  # documents (and failed rows) read from those files
    records: int = 0  # every document or failure read: added + existing + failed
    missing: int = 0  # named inputs that do not exist (each one failure)
    # the input that took longest to read, build and hand to its batch, and its seconds
    slowest: tuple[str, float] | None = None

    def summary(self) -> str:
        """One line whose counts add up: inputs (files, URLs), then the documents they gave."""
        files = self.inputs - self.urls
        kinds = [f"{files} file{'s' if files != 1 else ''}"] if files or not self.urls else []
        if self.urls:
            kinds.append(f"{self.urls} URL{'s' if self.urls != 1 else ''}")
        line = f"ingest: {' and '.join(kinds)} read"
        if self.missing:
            line += f", {self.missing} not found"
        if self.row_files:
            line += (
                f" ({self.row_files} JSONL/CSV file{'s' if self.row_files != 1 else ''} "
                f"gave {self.rows} row{'s' if self.rows != 1 else ''}, one document each)"
            )
        line += (
            f"; {self.records} document{'s' if self.records != 1 else ''}: {self.added} added, "
            f"{self.existing} already in the ledger, {len(self.failures)} failed"
        )
        if self.skipped:
            line += f"; {len(self.skipped)} file(s) skipped (unsupported type)"
        if self.passed_over:
            reasons = Counter(item.reason.split(" (")[0] for item in self.passed_over)
            listed = ", ".join(f"{n} {why}" for why, n in sorted(reasons.items()))
            line += f"; {len(self.passed_over)} messages skipped ({listed})"
        return line

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


ProgressHook = Callable[[str, int], None]
"""Called with each input's origin once it is read, and how many inputs the plan holds."""


def read_options(
    settings: Settings,
    *,
    encoding: str = "utf-8",
    fields: dict[str, str] | None = None,
    telegram_usernames: Mapping[str, str] | None = None,
    feed_sources: Mapping[str, str] | None = None,
) -> ReadOptions:
    """The readers' limits, from the settings."""
    return ReadOptions(
        max_bytes=settings.max_document_bytes,
        encoding=encoding,
        fields=fields or {},
        telegram_usernames=telegram_usernames or {},
        feed_sources=feed_sources or {},
        max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
        json=JsonLimits(
            max_depth=settings.max_json_depth, max_number_digits=settings.max_json_number_digits
        ),
    )


def read_target(
    target: str,
    settings: Settings,
    options: ReadOptions,
    *,
    seen: Callable[[list[str]], set[str]] | None = None,
    pacer: HostPacer | None = None,
) -> Iterator[RawInput | IngestFailure | Skipped]:
    """One file's or URL's raw inputs, streamed; every failure a one-line reason.

    A URL that answers with an RSS or Atom feed gives its entries' pages (those `seen` does not
    already know), one request per host every `host_delay` seconds.

    Fails closed: whatever a reader raises (a library's bug, a limit it hits, memory) ends this
    input only, as its failure; rows already read stay read."""
    try:
        if is_url(target):
            with new_client(timeout=settings.fetch_timeout, user_agent=settings.agent) as client:
                yield from read_feed_url(
                    target,
                    client=client,
                    max_bytes=settings.max_document_bytes,
                    timeout=settings.fetch_timeout,
                    source=options.feed_sources.get(target),
                    seen=seen,
                    pacer=pacer or HostPacer(settings.host_delay),
                    max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
                )
        else:
            yield from read_file(Path(target), options)
    except Exception as exc:
        detail = one_line(str(exc), limit=200)
        yield IngestFailure(
            target, f"unreadable ({type(exc).__name__}{': ' + detail if detail else ''})"
        )


def expand_feed_lists(targets: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """feeds.yaml files named as targets become their feed URLs (with their outlets)."""
    expanded: list[str] = []
    sources: dict[str, str] = {}
    for target in targets:
        if not is_url(target) and is_feed_list(Path(target)):
            for spec in load_feeds(Path(target)):
                expanded.append(spec.url)
                if spec.source:
                    sources[spec.url] = spec.source
        else:
            expanded.append(target)
    return expanded, sources


class _Batch:
    def __init__(self, ledger: Ledger, report: IngestReport) -> None:
        self.ledger, self.report = ledger, report
        self.docs: list[Document] = []
        self.failures: list[IngestFailure] = []
        self.succeeded: list[str] = []

    def __len__(self) -> int:
        return len(self.docs) + len(self.failures)

    def flush(self) -> None:
        if not self and not self.succeeded:
            return
        # origins and reasons as every backend can store them (a file name that is not UTF-8)
        self.failures = [clean_failure(f) for f in self.failures]
        succeeded = [clean_origin(s) for s in self.succeeded]
        result = self.ledger.write_batch(self.docs, self.failures, succeeded=succeeded)
        self.report.added += result.added
        self.report.existing += result.existing
        self.report.failures.extend(self.failures)
        self.docs, self.failures, self.succeeded = [], [], []


def ingest(
    ledger: Ledger,
    targets: Sequence[str],
    *,
    settings: Settings,
    overrides: Metadata | None = None,
    registry: SourceRegistry | None = None,
    fields: dict[str, str] | None = None,
    encoding: str = "utf-8",
    on_progress: ProgressHook | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs; bad inputs become error rows and the batch goes on.

    `should_stop` is polled between inputs (the CLI sets it from SIGINT/SIGTERM), so a stop never
    lands inside a database write; a KeyboardInterrupt raised anyway is handled the same way.
    Either way the finished work is committed and the report says it was interrupted.
    """
    registry = registry or SourceRegistry()
    ledger.upsert_sources(registry.sources)
    targets, feed_sources = expand_feed_lists(targets)
    options = read_options(
        settings,
        encoding=encoding,
        fields=fields,
        telegram_usernames=registry.telegram_usernames(),
        feed_sources=feed_sources,
    )
    plan = plan_inputs(targets)
    pacer = HostPacer(settings.host_delay)
    report = IngestReport(inputs=len(plan.inputs), skipped=list(plan.skipped))
    report.urls = sum(1 for t in plan.inputs if is_url(t))
    report.records = report.missing = len(plan.missing)
    batch = _Batch(ledger, report)
    batch.failures.extend(plan.missing)
    stopping = should_stop or (lambda: False)
    try:
        for target in plan.inputs:
            began = time.monotonic()
            whole_input_failed = False
            row_file = (
                not is_url(target) and FORMATS.get(Path(target).suffix.lower()) in ROW_FORMATS
            )
            report.row_files += row_file
            items = read_target(target, settings, options, seen=ledger.stored_origins, pacer=pacer)
            for item in items:
                if stopping():  # checked per row too, so a huge JSONL file stops promptly
                    break
                if isinstance(item, Skipped):
                    report.passed_over.append(item)
                    continue
                report.records += 1
                report.rows += row_file
                built = (
                    item
                    if isinstance(item, IngestFailure)
                    else build_document(item, overrides=overrides, registry=registry)
                )
                if isinstance(item, RawInput):
                    report.warnings.extend(item.warnings)
                if isinstance(built, IngestFailure):
                    batch.failures.append(built)
                    whole_input_failed |= built.origin in (target, clean_origin(target))
                else:
                    batch.docs.append(built)
                if len(batch) >= settings.commit_every:
                    batch.flush()
            if stopping():
                report.interrupted = True  # this input may be partial: not marked succeeded
                break
            took = time.monotonic() - began
            if report.slowest is None or took > report.slowest[1]:
                report.slowest = (clean_origin(target), took)
            if not whole_input_failed:
                batch.succeeded.append(target)
            if on_progress:
                on_progress(target, len(plan.inputs))
        batch.flush()
    except KeyboardInterrupt:
        report.interrupted = True
        batch.flush()
    return report
