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
        found: set[str] = set()
        unique = list(dict.fromkeys(origins))
        with self.engine.connect() as conn:
            for i in range(0, len(unique), CHUNK):
                chunk = unique[i : i + CHUNK]
                found.update(
                    conn.execute(
                        sa.select(documents.c.origin).where(documents.c.origin.in_(chunk))
                    ).scalars()
                )
        return found

    def failed_origins(self, origins: Sequence[str], *, attempts: int) -> set[str]:
        """The given origins whose error row has at least `attempts` attempts."""
        found: set[str] = set()
        unique = list(dict.fromkeys(origins))
        with self.engine.connect() as conn:
            for i in range(0, len(unique), CHUNK):
                chunk = unique[i : i + CHUNK]
                found.update(
                    conn.execute(
                        sa.select(ingest_errors.c.location).where(
                            ingest_errors.c.location.in_(chunk),
                            ingest_errors.c.attempts >= attempts,
                        )
                    ).scalars()
                )
        return found
