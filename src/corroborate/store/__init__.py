"""Storage: the ledger database behind SQLAlchemy, migrated by Alembic."""

from corroborate.store.claims import ClaimRow, ClaimStats, DocumentExtraction, PendingDocument
from corroborate.store.ledger import (
    DocumentRow,
    ErrorRow,
    Ledger,
    LedgerError,
    LedgerStats,
    SourceRow,
    WriteResult,
)

__all__ = [
    "ClaimRow",
    "ClaimStats",
    "DocumentExtraction",
    "DocumentRow",
    "ErrorRow",
    "Ledger",
    "LedgerError",
    "LedgerStats",
    "PendingDocument",
    "SourceRow",
    "WriteResult",
]
