"""Running the extractor: over files (no database) or over the ledger's pending documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborate.assess import AssessSettings
from corroborate.assess.copies import signature, to_bytes
from corroborate.extract import Extraction, Extractor
from corroborate.ingest import (
    ReadOptions,
    build_document,
    is_url,
    plan_inputs,
)
from corroborate.model import Document, IngestFailure
from corroborate.pipeline import read_target
from corroborate.settings import Settings
from corroborate.store import DocumentExtraction, Ledger, Signature


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
    options = ReadOptions(
        max_bytes=settings.max_document_bytes, encoding=encoding, fields=fields or {}
    )
    plan = plan_inputs(targets)
    yield from plan.missing
    for target in plan.inputs:
        for item in read_target(target, settings, options):  # streamed, as ingest reads
            built = item if isinstance(item, IngestFailure) else build_document(item)
            if isinstance(built, IngestFailure):
                yield built
                continue
            label = doc_label(built)
            yield FileExtraction(
                label,
                built.text,
                extractor.extract(built.text, doc=label, language=built.meta.language),
            )


def extract_ledger(
    ledger: Ledger,
    *,
    extractor: Extractor,
    batch: int = 100,
    should_stop: Callable[[], bool] | None = None,
    copy_settings: AssessSettings | None = None,
) -> ExtractReport:
    """Extract every document not yet extracted by this extractor version; resumable.

    The same pass stores each document's MinHash signature for copy detection."""
    report = ExtractReport()
    version = extractor.version
    shape = copy_settings or AssessSettings()
    for pending in ledger.pending_extraction(version, batch=batch):
        items = []
        failures = []
        for doc in pending:
            try:
                result = extractor.extract(doc.text, doc=str(doc.id), language=doc.language)
            except Exception as exc:  # one bad text must not stop the corpus (nor every re-run)
                reason = f"extraction failed ({type(exc).__name__}: {exc}); stored without claims"
                failures.append(IngestFailure(f"document {doc.id} ({doc.origin})", reason))
                result = Extraction([], [])
            sig = signature(doc.text, shingle_words=shape.shingle_words, num_perm=shape.num_perm)
            stored = Signature(shape.num_perm, shape.shingle_words, to_bytes(sig))
            items.append(DocumentExtraction(doc.id, result.claims, result.framing, stored))
            report.framing += len(result.framing)
        report.claims += ledger.store_extractions(items, version=version)
        if failures:
            ledger.write_batch([], failures)
            report.failed += len(failures)
        report.documents += len(items)
        if should_stop is not None and should_stop():
            report.interrupted = True
            break
    return report
