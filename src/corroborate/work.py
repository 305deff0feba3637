"""What a worker process does to a chunk of inputs: pure functions, no database, no I/O.

The same functions run in the parent (one worker), in local worker processes and on Dask
workers. Each process builds its extractor once, the first time a chunk needs it, and keeps it;
results go back as plain rows (`ExtractionRows`) for the one write path in the parent.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from corroborate.ingest import SourceRegistry, build_document
from corroborate.model import Document, IngestFailure, Metadata, RawInput
from corroborate.store.claims import DocumentExtraction, ExtractionRows, Signature, extraction_rows

if TYPE_CHECKING:  # typing only: importing the extractor is the heavy part of starting a worker
    from corroborate.extract import Extractor

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """How to build the extractor: the language and extra lexicon folders (as the CLI does)."""

    language: str = "en"
    lexicons: tuple[str, ...] = ()

    def build(self) -> Extractor:
        from corroborate.extract import Extractor, default_kb

        return Extractor(default_kb(self.language, self.lexicons))


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a chunk needs besides its inputs; the same for a whole run."""

    extractor: ExtractorSpec | None = None  # None: build documents without extracting
    overrides: Metadata | None = None
    registry: SourceRegistry | None = None
    num_perm: int = 64
    shingle_words: int = 5
    max_seconds: float = 30.0  # per document (settings max_extract_seconds)
    max_claims: int = 5_000  # per document (settings max_claims_per_document)


@dataclass(frozen=True, slots=True)
class Built:
    """A document built in a worker, with its extraction rows (None when not extracting)."""

    document: Document
    rows: ExtractionRows | None
    problem: IngestFailure | None = None  # extraction failed: stored without claims
    seconds: float = 0.0  # the extraction's time


@dataclass(frozen=True, slots=True)
class Extracted:
    """A stored document's extraction, made in a worker."""

    document_id: int
    rows: ExtractionRows
    problem: IngestFailure | None = None
    seconds: float = 0.0  # the extraction's time


@dataclass(frozen=True, slots=True)
class ChunkResult(Generic[T]):
    items: tuple[T, ...]
    version: str | None  # the extractor version that made the rows (None: none was used)


_EXTRACTORS: dict[ExtractorSpec, Extractor] = {}


def extractor_for(spec: ExtractorSpec) -> Extractor:
    """This process's extractor for `spec`, built on first use and kept."""
    found = _EXTRACTORS.get(spec)
    if found is None:
        found = _EXTRACTORS[spec] = spec.build()
    return found


def warm(job: Job) -> None:
    """Build the extractor now (a local pool's initializer), not inside the first chunk."""
    if job.extractor is not None:
        extractor_for(job.extractor)


def _extract(
    extractor: Extractor, job: Job, text: str, label: str, where: str, language: str | None
) -> tuple[ExtractionRows, IngestFailure | None, float]:
    """Rows of one text's extraction within the job's budgets (extract_bounds), a note or
    failure row when it stopped early or failed, and its seconds."""
    from corroborate.assess.copies import signature, to_bytes
    from corroborate.extract import Extraction
    from corroborate.extract_bounds import extract_bounded
    from corroborate.ingest.clean import one_line

    problem = None
    began = time.monotonic()
    try:
        bounded = extract_bounded(
            extractor, text, doc=label, max_seconds=job.max_seconds, max_claims=job.max_claims,
            language=language,
        )  # fmt: skip
        result = bounded.extraction
        if bounded.note:
            problem = IngestFailure(where, f"extraction {bounded.note}")
    except Exception as exc:  # one bad text must not stop the corpus (nor every re-run)
        detail = one_line(str(exc), limit=200)
        reason = f"extraction failed ({type(exc).__name__}: {detail}); stored without claims"
        problem = IngestFailure(where, reason)
        result = Extraction([], [])
    took = time.monotonic() - began
    sig = signature(text, shingle_words=job.shingle_words, num_perm=job.num_perm)
    stored = Signature(job.num_perm, job.shingle_words, to_bytes(sig))
    item = DocumentExtraction(0, result.claims, result.framing, stored, result.unknown)
    return extraction_rows(item, version=extractor.version), problem, took


def build_chunk(job: Job, raws: Sequence[RawInput]) -> ChunkResult[Built | IngestFailure]:
    """Build (and, when the job says so, extract) each raw input; failures are items too."""
    extractor = extractor_for(job.extractor) if job.extractor is not None else None
    out: list[Built | IngestFailure] = []
    for raw in raws:
        try:
            built = build_document(raw, overrides=job.overrides, registry=job.registry)
        except Exception as exc:  # a bug on one odd input must not cost the batch
            built = IngestFailure(raw.origin, f"cannot build ({type(exc).__name__}: {exc})")
        if isinstance(built, IngestFailure) or extractor is None:
            out.append(built if isinstance(built, IngestFailure) else Built(built, None))
            continue
        label = built.meta.external_id or built.origin
        rows, problem, took = _extract(
            extractor, job, built.text, label, built.origin, built.meta.language
        )
        out.append(Built(built, rows, problem, took))
    return ChunkResult(tuple(out), extractor.version if extractor else None)


def extract_chunk(
    job: Job, docs: Sequence[tuple[int, str, str, str | None]]
) -> ChunkResult[Extracted]:
    """Extract stored documents given as (id, origin, text, language)."""
    assert job.extractor is not None, "extract_chunk needs a job with an extractor"
    return extract_with(extractor_for(job.extractor), job, docs)


def extract_with(
    extractor: Extractor, job: Job, docs: Sequence[tuple[int, str, str, str | None]]
) -> ChunkResult[Extracted]:
    """`extract_chunk` with a given extractor (the parent's own, when it works alone)."""
    out = []
    for doc_id, origin, text, language in docs:
        where = f"document {doc_id} ({origin})"
        rows, problem, took = _extract(extractor, job, text, str(doc_id), where, language)
        out.append(Extracted(doc_id, rows, problem, took))
    return ChunkResult(tuple(out), extractor.version)
