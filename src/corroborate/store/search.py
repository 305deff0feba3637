"""Full-text search over documents: FTS5 on SQLite, tsvector on PostgreSQL; ranked, indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import Engine

from corroborate.store.schema import documents, sources

_WORD = re.compile(r"\w+")
# The indexed expression of migration 0004 (ix_documents_search): queries must use it verbatim.
PG_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    score: float  # higher is more relevant (comparable within one query only)
    title: str | None


def query_terms(text: str, *, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Content words of a query, deduplicated, in order: what any of them must match."""
    seen: dict[str, None] = {}
    for w in _WORD.findall(text.lower()):
        if len(w) > 1 and w not in stopwords:
            seen.setdefault(w, None)
    return list(seen)


class SearchMixin:
    engine: Engine

    def search_documents(
        self, query: str, *, limit: int = 50, stopwords: frozenset[str] = frozenset()
    ) -> list[SearchHit]:
        """Documents matching any content word of `query`, best first (BM25 / ts_rank)."""
        terms = query_terms(query, stopwords=stopwords)
        if not terms:
            return []
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                match = " OR ".join(f'"{t}"' for t in terms)
                rows = conn.execute(
                    sa.text(
                        "SELECT f.rowid, -bm25(documents_fts) AS score, d.title "
                        "FROM documents_fts f JOIN documents d ON d.id = f.rowid "
                        "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts) LIMIT :n"
                    ),
                    {"q": match, "n": limit},
                ).all()
            else:
                tsquery = " | ".join(t.replace("'", "") for t in terms)
                # the WHERE expression is the index's own, so the GIN index serves the match
                rows = conn.execute(
                    sa.text(
                        f"SELECT id, ts_rank({PG_VECTOR}, q) AS score, title "
                        "FROM documents, to_tsquery('english', :q) q "
                        f"WHERE {PG_VECTOR} @@ q ORDER BY score DESC LIMIT :n"
                    ),
                    {"q": tsquery, "n": limit},
                ).all()
        return [SearchHit(int(r[0]), float(r[1]), r[2]) for r in rows]


@dataclass(frozen=True, slots=True)
class FoundDocument:
    id: int
    title: str | None
    text: str
    source: str | None
    published: date | None
    url: str | None


class DocumentLookupMixin:
    engine: Engine

    def get_documents(self, ids: list[int]) -> list[FoundDocument]:
        """Documents by id, in the order asked (missing ids are left out)."""
        if not ids:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(documents.c.id, documents.c.title, documents.c.text, sources.c.name,
                          documents.c.published, documents.c.url)
                .select_from(documents.outerjoin(sources))
                .where(documents.c.id.in_(ids))
            ).all()  # fmt: skip
        found = {
            int(r[0]): FoundDocument(int(r[0]), r[1], str(r[2]), r[3], r[4], r[5]) for r in rows
        }
        return [found[i] for i in ids if i in found]
