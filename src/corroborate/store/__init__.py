"""Storage: the ledger database behind SQLAlchemy, migrated by Alembic."""

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
    "DocumentRow",
    "ErrorRow",
    "Ledger",
    "LedgerError",
    "LedgerStats",
    "SourceRow",
    "WriteResult",
]
