"""Ingest targets into a ledger: read, build, store in batches, resume safely.

Reading and building are pure per input (ingest/); this module only sequences them and hands
finished batches to the ledger, so a kill at any moment loses at most one uncommitted batch and a
re-run skips everything already stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.ingest import (
    ReadOptions,
    SourceRegistry,
    build_document,
    fetch_url,
    is_url,
    plan_inputs,
    read_file,
)
from corroborate.ingest.clean import clean_failure, clean_origin, one_line
from corroborate.ingest.rows import JsonLimits
from corroborate.model import Document, IngestFailure, Metadata, RawInput
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
    interrupted: bool = False
    # the input that took longest to read, build and hand to its batch, and its seconds
    slowest: tuple[str, float] | None = None

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


ProgressHook = Callable[[str, int], None]
"""Called with each input's origin once it is read, and how many inputs the plan holds."""


def read_options(
    settings: Settings, *, encoding: str = "utf-8", fields: dict[str, str] | None = None
) -> ReadOptions:
    """The readers' limits, from the settings."""
    return ReadOptions(
        max_bytes=settings.max_document_bytes,
        encoding=encoding,
        fields=fields or {},
        max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
        json=JsonLimits(
            max_depth=settings.max_json_depth, max_number_digits=settings.max_json_number_digits
        ),
    )


def read_target(
    target: str, settings: Settings, options: ReadOptions
) -> Iterator[RawInput | IngestFailure]:
    """One file's or URL's raw inputs, streamed; every failure a one-line reason.

    Fails closed: whatever a reader raises (a library's bug, a limit it hits, memory) ends this
    input only, as its failure; rows already read stay read."""
    try:
        if is_url(target):
            yield fetch_url(
                target,
                max_bytes=settings.max_document_bytes,
                timeout=settings.fetch_timeout,
                user_agent=settings.user_agent,
                max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
            )
        else:
            yield from read_file(Path(target), options)
    except Exception as exc:
        detail = one_line(str(exc), limit=200)
        yield IngestFailure(
            target, f"unreadable ({type(exc).__name__}{': ' + detail if detail else ''})"
        )


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
    options = read_options(settings, encoding=encoding, fields=fields)
    plan = plan_inputs(targets)
    report = IngestReport(inputs=len(plan.inputs), skipped=list(plan.skipped))
    batch = _Batch(ledger, report)
    batch.failures.extend(plan.missing)
    stopping = should_stop or (lambda: False)
    try:
        for target in plan.inputs:
            began = time.monotonic()
            whole_input_failed = False
            for item in read_target(target, settings, options):
                if stopping():  # checked per row too, so a huge JSONL file stops promptly
                    break
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
