"""Running the extractor: over files (no database) or over the ledger's pending documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.assess import AssessSettings
from corroborate.extract import Extraction, Extractor
from corroborate.extract_bounds import extract_bounded
from corroborate.ingest import (
    build_document,
    is_url,
    plan_inputs,
)
from corroborate.model import Document, IngestFailure, Skipped
from corroborate.pipeline import read_options, read_target
from corroborate.pool import CHUNK, PoolError, open_runner
from corroborate.settings import Settings
from corroborate.store import ExtractionRows, Ledger
from corroborate.work import ExtractorSpec, Job, extract_chunk, extract_with, extractor_for


@dataclass(frozen=True, slots=True)
class FileExtraction:
    doc: str
    text: str
    extraction: Extraction


@dataclass(slots=True)
class ExtractReport:
    documents: int = 0
    claims: int = 0
    framing: int = 0
    failed: int = 0
    interrupted: bool = False
    slowest: tuple[int, float] | None = None  # document id and its extraction seconds
    unknown: set[str] = field(default_factory=set)  # names the knowledge base lacks, as read


def doc_label(doc: Document) -> str:
    """The `doc` of a claim: the row's own id, else the file name (with its row)."""
    if doc.meta.external_id:
        return doc.meta.external_id
    if is_url(doc.origin):
        return doc.origin
    path, _, row = doc.origin.partition(":row ")
    name = Path(path).name
    return f"{name}:row {row}" if row else name


def extract_files(
    targets: Sequence[str],
    *,
    extractor: Extractor,
    settings: Settings,
    fields: dict[str, str] | None = None,
    encoding: str = "utf-8",
) -> Iterator[FileExtraction | IngestFailure]:
    """Claims of every document in files, folders and URLs, read as `ingest` reads them."""
    options = read_options(settings, encoding=encoding, fields=fields)
    plan = plan_inputs(targets)
    yield from plan.missing
    for target in plan.inputs:
        for item in read_target(target, settings, options):  # streamed, as ingest reads
            if isinstance(item, Skipped):
                continue
            built = item if isinstance(item, IngestFailure) else build_document(item)
            if isinstance(built, IngestFailure):
                yield built
                continue
            label = doc_label(built)
            bounded = extract_bounded(
                extractor,
                built.text,
                doc=label,
                max_seconds=settings.max_extract_seconds,
                max_claims=settings.max_claims_per_document,
                language=built.meta.language,
            )
            if bounded.note:
                yield IngestFailure(built.origin, f"extraction {bounded.note}")
            yield FileExtraction(label, built.text, bounded.extraction)


def extract_ledger(
    ledger: Ledger,
    *,
    extractor: Extractor | ExtractorSpec,
    batch: int = 100,
    should_stop: Callable[[], bool] | None = None,
    copy_settings: AssessSettings | None = None,
    workers: int = 1,
    scheduler: str = "",
    on_written: Callable[[int], None] | None = None,
    max_seconds: float = 30.0,
    max_claims: int = 5_000,
) -> ExtractReport:
    """Extract every document not yet extracted by this extractor version; resumable.

    Given an `ExtractorSpec`, documents go in chunks to `workers` local processes (0: every
    core) or to the Dask cluster at `scheduler`; given an `Extractor`, they are extracted here.
    Results are stored `batch` documents per transaction, in whatever order chunks finish.
    The same pass stores each document's MinHash signature for copy detection."""
    report = ExtractReport()
    shape = copy_settings or AssessSettings()
    spec = extractor if isinstance(extractor, ExtractorSpec) else None
    job = Job(
        spec,
        num_perm=shape.num_perm,
        shingle_words=shape.shingle_words,
        max_seconds=max_seconds,
        max_claims=max_claims,
    )
    local = extractor if isinstance(extractor, Extractor) else extractor_for(extractor)
    version = local.version
    stopping = should_stop or (lambda: False)

    def chunks() -> Iterator[tuple[None, list[tuple[int, str, str, str | None]]]]:
        for pending in ledger.pending_extraction(version, batch=batch):
            for i in range(0, len(pending), CHUNK):
                part = pending[i : i + CHUNK]
                yield None, [(d.id, d.origin, d.text, d.language) for d in part]
            if stopping():
                report.interrupted = True
                return

    if spec is not None and ledger.pending_count(version) == 0:
        return report  # nothing to do: start no workers, reach no cluster
    runner = open_runner(job, workers=workers, scheduler=scheduler) if spec is not None else None
    results = (
        runner.run(extract_chunk, chunks())
        if runner is not None
        else ((tag, extract_with(local, job, docs)) for tag, docs in chunks())
    )
    done: list[tuple[int, ExtractionRows]] = []
    problems: list[IngestFailure] = []

    def flush() -> None:
        nonlocal done, problems
        report.claims += ledger.store_extraction_rows(done, version=version)
        if problems:
            ledger.write_batch([], problems)
        report.documents += len(done)
        report.failed += len(problems)
        done, problems = [], []
        if on_written is not None:
            on_written(report.documents)

    try:
        for _tag, result in results:
            if result.version != version:
                raise PoolError(
                    f"a worker extracts with version {result.version}, this process with "
                    f"{version}: install the same corroborate and lexicons on every worker"
                )
            for item in result.items:
                if report.slowest is None or item.seconds > report.slowest[1]:
                    report.slowest = (item.document_id, item.seconds)
                done.append((item.document_id, item.rows))
                report.unknown.update(item.rows.unknown)
                report.framing += len(item.rows.framing)
                if item.problem is not None:
                    problems.append(item.problem)
            if len(done) >= batch:
                flush()
        flush()
    except KeyboardInterrupt:
        report.interrupted = True
        flush()
    except PoolError:
        flush()
        raise
    finally:
        if runner is not None:
            runner.close()
    return report
