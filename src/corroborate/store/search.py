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
SEARCH_WINDOW = 2000  # matches ranked per query (the most recently added)


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
    _common_terms: dict[tuple[str, int], bool]

    def _common_words(self, conn: sa.Connection, terms: list[str]) -> set[str]:
        """The terms found in more than half of the documents (remembered per term and number
        of documents, so new documents mean a new count)."""
        newest = conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM documents"))
        total = int(newest.scalar_one())
        known = self._common_terms
        if len(known) > 50_000:
            known = self._common_terms = {}  # other threads keep the dict they hold
        half = total // 2 + 1
        common = set()
        for term in terms:
            flag = known.get((term, total))
            if flag is None:
                found = conn.execute(
                    sa.text(
                        "SELECT count(*) FROM (SELECT rowid FROM documents_fts "
                        "WHERE documents_fts MATCH :t LIMIT :half)"
                    ),
                    {"t": f'"{term}"', "half": half},
                ).scalar_one()
                flag = known[(term, total)] = total >= 10 and int(found) >= half
            if flag:
                common.add(term)
        return common

    def search_documents(
        self,
        query: str,
        *,
        limit: int = 50,
        stopwords: frozenset[str] = frozenset(),
        window: int = SEARCH_WINDOW,
    ) -> list[SearchHit]:
        """Documents matching the content words of `query`, best first (BM25 / ts_rank): those
        with every word, then, if they are fewer than `limit`, those with any word.

        Each pass ranks only the `window` most recently added matching documents, so a query of
        common words costs the same on a million documents as on ten thousand."""
        terms = query_terms(query, stopwords=stopwords)
        if not terms:
            return []
        hits = self._ranked(terms, every=True, limit=limit, window=window)
        if len(hits) < limit and len(terms) > 1:
            seen = {h.document_id for h in hits}
            more = self._ranked(terms, every=False, limit=limit + len(hits), window=window)
            hits += [h for h in more if h.document_id not in seen][: limit - len(hits)]
        return hits

    def _ranked_fts5(
        self, conn: sa.Connection, terms: list[str], *, every: bool, limit: int, window: int
    ) -> list[SearchHit]:
        """BM25 over the window of newest matches; when every word is in over half of the
        documents, the newest matches: FTS5 floors the weight of such words to nothing, yet
        counting their documents for it costs a pass over all their postings, on every query."""
        match = (" " if every else " OR ").join(f'"{t}"' for t in terms)
        if self._common_words(conn, terms) == set(terms):  # nothing to weigh: newest first
            sql = (
                "SELECT f.rowid, 0.0, d.title FROM documents_fts f JOIN documents d "
                "ON d.id = f.rowid WHERE documents_fts MATCH :q ORDER BY f.rowid DESC "
                "LIMIT min(:n, :w)"
            )
        else:
            # FTS5 walks its index in rowid order and stops at the window, so bm25 is computed
            # for the window only; titles are joined to the best few only
            sql = (
                "SELECT m.id, m.score, d.title FROM (SELECT id, score FROM (SELECT rowid AS id, "
                "-bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH :q "
                "ORDER BY rowid DESC LIMIT :w) ORDER BY score DESC, id DESC LIMIT :n) m "
                "JOIN documents d ON d.id = m.id ORDER BY m.score DESC, m.id DESC"
            )
        params = {"q": match, "w": window, "n": limit}
        rows = conn.execute(sa.text(sql), params).all()
        return [SearchHit(int(r[0]), float(r[1]), r[2]) for r in rows]

    def _ranked(self, terms: list[str], *, every: bool, limit: int, window: int) -> list[SearchHit]:
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                return self._ranked_fts5(conn, terms, every=every, limit=limit, window=window)
            tsquery = (" & " if every else " | ").join(t.replace("'", "") for t in terms)
            # the WHERE expression is the index's own, so the GIN index serves the match
            sql = (
                f"SELECT id, ts_rank({PG_VECTOR}, q) AS score, title FROM (SELECT id, title, "
                f"text FROM documents, to_tsquery('english', :q) q WHERE {PG_VECTOR} @@ q "
                "ORDER BY id DESC LIMIT :w) m, to_tsquery('english', :q) q "
                "ORDER BY score DESC, id DESC LIMIT :n"
            )
            rows = conn.execute(sa.text(sql), {"q": tsquery, "w": window, "n": limit}).all()
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
