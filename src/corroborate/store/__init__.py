"""Storage: the ledger database behind SQLAlchemy, migrated by Alembic."""

from corroborate.store.claims import (
    ClaimRow,
    ClaimStats,
    DocumentExtraction,
    ExtractionRows,
    PendingDocument,
    Signature,
    UnknownActor,
    extraction_rows,
)
from corroborate.store.ledger import (
    DocumentRow,
    ErrorRow,
    ExtractedWrite,
    Ledger,
    LedgerError,
    LedgerStats,
    SourceRow,
    WriteResult,
)
from corroborate.store.search import FoundDocument, SearchHit
from corroborate.store.stance import StanceEvidenceRow, StanceRow

__all__ = [
    "ClaimRow",
    "ClaimStats",
    "DocumentExtraction",
    "DocumentRow",
    "ErrorRow",
    "ExtractedWrite",
    "ExtractionRows",
    "FoundDocument",
    "Ledger",
    "LedgerError",
    "LedgerStats",
    "PendingDocument",
    "SearchHit",
    "Signature",
    "SourceRow",
    "StanceEvidenceRow",
    "StanceRow",
    "UnknownActor",
    "WriteResult",
    "extraction_rows",
]
