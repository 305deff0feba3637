"""Ingest targets into a ledger: read, build, store in batches, resume safely.

Reading and building are pure per input (ingest/); this module only sequences them and hands
finished batches to the ledger, so a kill at any moment loses at most one uncommitted batch and a
re-run skips everything already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.assess import AssessSettings
from corroborate.ingest import (
    ReadOptions,
    SourceRegistry,
    dedupe_key_of,
    fetch_url,
    is_url,
    plan_inputs,
    read_file,
)
from corroborate.model import Document, IngestFailure, Metadata, RawInput
from corroborate.pool import CHUNK, PoolError, open_runner
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
    interrupted: bool = False
    built: int = 0  # inputs built (and extracted) by workers; those already done are not
    extracted: int = 0  # documents whose claims were stored in this run
    claims: int = 0
    extraction_failed: int = 0
    where: str = ""  # where the work ran: processes or a Dask cluster

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


ProgressHook = Callable[[str, int], None]
"""Called with each input's origin once it is read, and how many inputs the plan holds."""


def read_target(
    target: str, settings: Settings, options: ReadOptions
) -> Iterator[RawInput | IngestFailure]:
    """One file's or URL's raw inputs, streamed; every failure a one-line reason."""
    if is_url(target):
        yield fetch_url(
            target,
            max_bytes=settings.max_document_bytes,
            timeout=settings.fetch_timeout,
            user_agent=settings.user_agent,
        )
    else:
        yield from read_file(Path(target), options)


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
        result = self.ledger.write_extracted_batch(
            self.items,
            [*self.failures, *self.problems],
            succeeded=self.succeeded,
            version=self.version,
        )
        self.report.added += result.added
        self.report.existing += result.existing
        self.report.extracted += result.extracted
        self.report.claims += result.claims
        self.report.extraction_failed += len(self.problems)
        self.report.failures.extend(self.failures)
        self.items, self.failures, self.problems, self.succeeded = [], [], [], []
        if self.on_written is not None:
            self.on_written(self.report.added + self.report.existing)


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
    options = ReadOptions(
        max_bytes=settings.max_document_bytes, encoding=encoding, fields=fields or {}
    )
    plan = plan_inputs(targets)
    report = IngestReport(inputs=len(plan.inputs), skipped=list(plan.skipped))
    shape = copy_settings or AssessSettings()
    job = Job(extractor, overrides, registry, shape.num_perm, shape.shingle_words)
    version = extractor_for(extractor).version if extractor is not None else ""
    batch = _Batch(ledger, report, version, on_written)
    batch.failures.extend(plan.missing)
    stopping = should_stop or (lambda: False)

    def fresh(raws: list[RawInput]) -> list[RawInput]:
        """The inputs not already in the ledger (extracted by this version, when extracting):
        a re-run reads and hashes what it did before, but builds and extracts only the rest."""
        keys = [dedupe_key_of(r, overrides=overrides) for r in raws]
        done = ledger.finished_keys(keys, version=version if extractor is not None else None)
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
            whole_input_failed = False
            for item in read_target(target, settings, options):
                if stopping():  # checked per row too, so a huge JSONL file stops promptly
                    break
                if isinstance(item, IngestFailure):
                    batch.failures.append(item)
                    whole_input_failed |= item.origin == target
                    continue
                report.warnings.extend(item.warnings)
                if len(raws) >= CHUNK:
                    if todo := fresh(raws):
                        yield closes, todo
                    else:
                        batch.succeeded.extend(closes)
                    raws, closes = [], []
                raws.append(item)
            if stopping():
                report.interrupted = True  # this input may be partial: not marked succeeded
                break
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
