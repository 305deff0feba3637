"""Full-text search over documents on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

from corroborate.ingest import build_document
from corroborate.model import Document, Metadata, RawInput
from corroborate.store import Ledger

TEXTS = {
    "fighters": "Syrian fighters were sent to Azerbaijan by Turkey, the observatory said.",
    "drones": "Turkey sold armed drones to Azerbaijan before the war began.",
    "weather": "Heavy snow closed the mountain roads for a week.",
}


def add(ledger: Ledger, name: str, text: str) -> int:
    doc = build_document(RawInput(f"{name}.txt", text, "txt", Metadata(title=name, source="S")))
    assert isinstance(doc, Document)
    ledger.write_batch([doc])
    return next(d.id for d in ledger.list_documents() if d.title == name)


def test_ranked_matches_and_new_documents_are_indexed(ledger: Ledger) -> None:
    ids = {name: add(ledger, name, text) for name, text in TEXTS.items()}
    hits = ledger.search_documents("Turkey sent Syrian fighters to Azerbaijan")
    assert hits[0].document_id == ids["fighters"]  # most shared words, rarest first
    assert ids["weather"] not in {h.document_id for h in hits}
    assert hits[0].score >= hits[-1].score
    later = add(ledger, "late", "Recruiters paid the fighters monthly, defectors told reporters.")
    assert later in {h.document_id for h in ledger.search_documents("fighters recruited paid")}


def test_stems_limits_and_empty_queries(ledger: Ledger) -> None:
    for name, text in TEXTS.items():
        add(ledger, name, text)
    assert ledger.search_documents("drone")  # stemming: "drones" matches
    assert len(ledger.search_documents("Turkey Azerbaijan", limit=1)) == 1
    assert ledger.search_documents("   ") == []
    ledger.search_documents('quotes " and -operators OR AND NEAR(')  # no query syntax error
    assert ledger.search_documents("the of", stopwords=frozenset({"the", "of"})) == []


def test_postgres_search_uses_its_index(pg_url: str) -> None:
    import sqlalchemy as sa

    from corroborate.store.search import PG_VECTOR

    with Ledger(pg_url) as ledger:
        add(ledger, "fighters", TEXTS["fighters"])
        with ledger.engine.connect() as conn:
            conn.execute(sa.text("SET enable_seqscan = off"))
            plan = "\n".join(
                r[0]
                for r in conn.execute(
                    sa.text(
                        f"EXPLAIN SELECT id FROM documents WHERE {PG_VECTOR} @@ "
                        "to_tsquery('english', 'fighters')"
                    )
                )
            )
    assert "ix_documents_search" in plan


def test_every_word_first_then_any_word_within_the_window(ledger: Ledger) -> None:
    both = add(ledger, "both", "A convoy crossed the border at dawn.")
    many = [
        add(ledger, f"convoy{i}", f"Convoy {i} of trucks, convoy after convoy.") for i in range(3)
    ]
    border = add(ledger, "border", "The border stayed closed.")
    hits = [h.document_id for h in ledger.search_documents("convoy border")]
    assert hits[0] == both  # the only document with both words, though others say convoy more
    assert set(hits) == {both, border, *many}
    newest = [h.document_id for h in ledger.search_documents("convoy", window=2)]
    assert set(newest) == {many[1], many[2]}  # only the two most recently added are ranked


def test_words_in_most_documents_list_the_newest_first(ledger: Ledger) -> None:
    ids = [
        add(ledger, f"c{i}", f"Convoy number {i} {'convoy ' * (i % 3)}moved.") for i in range(12)
    ]
    hits = [h.document_id for h in ledger.search_documents("convoy", limit=5)]
    if ledger.engine.dialect.name == "sqlite":  # PostgreSQL's ts_rank is cheap: it ranks
        assert hits == sorted(ids, reverse=True)[:5]  # no weight to give: newest first
    assert len(hits) == 5 and set(hits) <= set(ids)
    rare = add(ledger, "rare", "A convoy and a drone.")
    assert ledger.search_documents("drone convoy")[0].document_id == rare
