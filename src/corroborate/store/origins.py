"""Which inputs the ledger already holds or has given up on: what a feed poll may skip."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import Engine

from corroborate.store.schema import documents, ingest_errors

CHUNK = 500


class OriginsMixin:
    engine: Engine

    def stored_origins(self, origins: Sequence[str]) -> set[str]:
        """The given origins (paths, URLs) that some stored document was read from."""
        return self._present(documents.c.origin, origins)

    def failed_origins(self, origins: Sequence[str], *, attempts: int) -> set[str]:
        """The given origins whose error row has at least `attempts` attempts."""
        return self._present(
            ingest_errors.c.location, origins, ingest_errors.c.attempts >= attempts
        )

    def _present(
        self, column: sa.Column[str], values: Sequence[str], *where: sa.ColumnElement[bool]
    ) -> set[str]:
        """The values found in `column` (rows also meeting `where`), asked CHUNK at a time."""
        found: set[str] = set()
        unique = list(dict.fromkeys(values))
        with self.engine.connect() as conn:
            for i in range(0, len(unique), CHUNK):
                chunk = unique[i : i + CHUNK]
                found.update(
                    conn.execute(sa.select(column).where(column.in_(chunk), *where)).scalars()
                )
        return found
