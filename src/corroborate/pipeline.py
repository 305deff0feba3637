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

from corroborate.assess import AssessSettings
from corroborate.ingest import (
    ReadOptions,
    SourceRegistry,
    dedupe_key_of,
    is_url,
    plan_inputs,
    read_file,
)
from corroborate.ingest.clean import clean_failure, clean_origin, one_line
from corroborate.ingest.feeds import HostPacer, is_feed_list, load_feeds, read_feed_url
from corroborate.ingest.fetch import new_client
from corroborate.ingest.files import ROW_FORMATS, format_of
from corroborate.ingest.rows import JsonLimits
from corroborate.model import Document, IngestFailure, Metadata, RawInput, Skipped
from corroborate.pool import PoolError, open_runner
from corroborate.settings import Settings
from corroborate.store import ExtractionRows, Ledger
from corroborate.work import ExtractorSpec, Job, build_chunk, extractor_for


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
    built: int = 0  # inputs built (and extracted) by workers; those already done are not
    extracted: int = 0  # documents whose claims were stored in this run
    claims: int = 0
    extraction_failed: int = 0
    where: str = ""  # where the work ran: processes or a Dask cluster
    slowest_extraction: tuple[str, float] | None = None  # a document's origin, its seconds
    unknown: set[str] = field(default_factory=set)  # names the knowledge base lacks, as read

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
    """Finished work waiting for its transaction: documents (with claims), failures, inputs."""

    def __init__(
        self,
        ledger: Ledger,
        report: IngestReport,
        version: str,
        on_written: Callable[[int], None] | None,
    ) -> None:
        self.ledger, self.report, self.version = ledger, report, version
        self.on_written = on_written
        self.items: list[tuple[Document, ExtractionRows | None]] = []
        self.failures: list[IngestFailure] = []
        self.problems: list[IngestFailure] = []  # extraction failed; the document is kept
        self.succeeded: list[str] = []

    def __len__(self) -> int:
        return len(self.items) + len(self.failures)

    def flush(self) -> None:
        if not self and not self.succeeded and not self.problems:
            return
        # origins and reasons as every backend can store them (a file name that is not UTF-8)
        self.failures = [clean_failure(f) for f in self.failures]
        self.problems = [clean_failure(f) for f in self.problems]
        succeeded = [clean_origin(s) for s in self.succeeded]
        result = self.ledger.write_extracted_batch(
            self.items,
            [*self.failures, *self.problems],
            succeeded=succeeded,
            version=self.version,
        )
        self.report.added += result.added
        self.report.existing += result.existing
        self.report.extracted += result.extracted
        self.report.claims += result.claims
        self.report.unknown |= result.unknown
        self.report.extraction_failed += len(self.problems)
        self.report.failures.extend(self.failures)
        self.items, self.failures, self.problems, self.succeeded = [], [], [], []
        if self.on_written is not None:
            self.on_written(self.report.added + self.report.existing)


def _key_of(raw: RawInput, overrides: Metadata | None) -> str | None:
    """The input's dedupe key, or None when a hostile field stops it (the worker's build then
    records the failure)."""
    try:
        return dedupe_key_of(raw, overrides=overrides)
    except Exception:
        return None


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
    extractor: ExtractorSpec | None = None,
    copy_settings: AssessSettings | None = None,
    on_written: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs; bad inputs become error rows and the batch goes on.

    Inputs are read here and built (and, given `extractor`, extracted) in chunks by
    `settings.workers` processes or on the Dask cluster at `settings.scheduler`; the results
    come back to this process, which writes each batch of documents with their claims in one
    transaction. A document already extracted by this extractor version keeps its claims.

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
    shape = copy_settings or AssessSettings()
    job = Job(
        extractor,
        overrides,
        registry,
        shape.num_perm,
        shape.shingle_words,
        max_seconds=settings.max_extract_seconds,
        max_claims=settings.max_claims_per_document,
    )
    version = extractor_for(extractor).version if extractor is not None else ""
    batch = _Batch(ledger, report, version, on_written)
    batch.failures.extend(plan.missing)
    stopping = should_stop or (lambda: False)

    def fresh(raws: list[RawInput]) -> list[RawInput]:
        """The inputs not already in the ledger (extracted by this version, when extracting):
        a re-run reads and hashes what it did before, but builds and extracts only the rest."""
        keys = [_key_of(r, overrides) for r in raws]
        known = [k for k in keys if k is not None]
        done = ledger.finished_keys(known, version=version if extractor is not None else None)
        if not done:
            return raws
        report.existing += sum(1 for k in keys if k in done)
        batch.succeeded.extend(r.origin for r, k in zip(raws, keys, strict=True) if k in done)
        if on_written is not None:
            on_written(report.added + report.existing)
        return [r for r, k in zip(raws, keys, strict=True) if k not in done]

    def chunks() -> Iterator[tuple[list[str], list[RawInput]]]:
        """Raw inputs in chunks, each tagged with the inputs it finishes."""
        raws: list[RawInput] = []
        closes: list[str] = []
        for target in plan.inputs:
            began = time.monotonic()
            whole_input_failed = False
            row_file = not is_url(target) and format_of(Path(target)) in ROW_FORMATS
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
                if isinstance(item, IngestFailure):
                    batch.failures.append(item)
                    whole_input_failed |= item.origin in (target, clean_origin(target))
                    continue
                report.warnings.extend(item.warnings)
                if len(raws) >= runner.chunk:
                    if todo := fresh(raws):
                        yield closes, todo
                    else:
                        batch.succeeded.extend(closes)
                    raws, closes = [], []
                raws.append(item)
            if stopping():
                report.interrupted = True  # this input may be partial: not marked succeeded
                break
            took = time.monotonic() - began
            if report.slowest is None or took > report.slowest[1]:
                report.slowest = (clean_origin(target), took)
            if not whole_input_failed:
                closes.append(target)
            if on_progress:
                on_progress(target, len(plan.inputs))
        if todo := fresh(raws) if raws else []:
            yield closes, todo
        else:
            batch.succeeded.extend(closes)

    runner = open_runner(job, workers=settings.workers, scheduler=settings.scheduler)
    report.where = runner.where
    try:
        for closes, result in runner.run(build_chunk, chunks()):
            if extractor is not None and result.version != version:
                raise PoolError(
                    f"a worker extracts with version {result.version}, this process with "
                    f"{version}: install the same corroborate and lexicons on every worker"
                )
            failed_here = set()
            report.built += len(result.items)
            for built in result.items:
                if isinstance(built, IngestFailure):
                    batch.failures.append(built)
                    failed_here.add(built.origin)
                    continue
                batch.items.append((built.document, built.rows))
                slow = report.slowest_extraction
                if built.rows is not None and (slow is None or built.seconds > slow[1]):
                    report.slowest_extraction = (built.document.origin, built.seconds)
                if built.problem is not None:
                    batch.problems.append(built.problem)
            batch.succeeded.extend(t for t in closes if t not in failed_here)
            if len(batch) >= settings.commit_every:
                batch.flush()
        batch.flush()
    except KeyboardInterrupt:
        report.interrupted = True
        batch.flush()
    except PoolError:
        batch.flush()  # what came back is kept; the re-run does the rest
        raise
    finally:
        runner.close()
    return report
