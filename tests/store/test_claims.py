"""Claims in the ledger: stored with evidence, versioned, replaced on re-extraction."""

from __future__ import annotations

from corroborate.claims_run import extract_ledger
from corroborate.extract import Extractor
from corroborate.extract.claim import Claim, Quantity, Span
from corroborate.ingest import build_document
from corroborate.model import Document, Metadata, RawInput
from corroborate.store import DocumentExtraction, Ledger

TEXT = (
    "Armenia said a Turkish F-16 shot down an Armenian Su-25 on Tuesday, which Ankara denied. "
    "Azerbaijan fielded about 60,000 troops."
)


def stored_doc(ledger: Ledger, text: str = TEXT) -> int:
    doc = build_document(RawInput("a.txt", text, "txt", Metadata(source="Wire A", language="en")))
    assert isinstance(doc, Document)
    ledger.write_batch([doc])
    return ledger.list_documents()[0].id


def test_extraction_is_stored_with_evidence_offsets(ledger: Ledger) -> None:
    doc_id = stored_doc(ledger)
    extractor = Extractor()
    report = extract_ledger(ledger, extractor=extractor)
    assert report.documents == 1 and report.claims >= 2
    rows = ledger.list_claims(document_id=doc_id)
    speakers = {(r.speaker, r.polarity) for r in rows if r.relation == "combat"}
    assert ("Armenia", "affirm") in speakers and ("Turkey", "deny") in speakers
    for r in rows:
        assert TEXT[r.evidence_start : r.evidence_end] == r.evidence_text
        assert r.extractor == extractor.version and r.source == "Wire A"
    again = extract_ledger(ledger, extractor=extractor)
    assert again.documents == 0  # nothing is stale: re-running does nothing
    assert len(ledger.list_claims()) == len(rows)


def test_new_version_replaces_claims_without_duplicates(ledger: Ledger) -> None:
    doc_id = stored_doc(ledger)
    claim = Claim(
        doc=str(doc_id), subject="Turkey", relation="combat", object="F-16", recipient="Armenia",
        quantity=Quantity(1, 1, "aircraft"), speaker="Armenia", polarity="affirm", hedged=False,
        evidence=Span(0, 6, "Armenia"), cameo="190",
    )  # fmt: skip
    ledger.store_extractions([DocumentExtraction(doc_id, [claim, claim], [])], version="v1")
    assert len(ledger.list_claims()) == 2
    assert [d.id for batch in ledger.pending_extraction("v1") for d in batch] == []
    assert [d.id for batch in ledger.pending_extraction("v2") for d in batch] == [doc_id]
    ledger.store_extractions([DocumentExtraction(doc_id, [claim], [])], version="v2")
    (row,) = ledger.list_claims()
    assert (row.quantity_low, row.quantity_unit, row.extractor) == (1.0, "aircraft", "v2")
    stats = ledger.claim_stats()
    assert stats.claims == 1 and stats.by_relation == {"combat": {"affirm": 1}}
    assert ledger.reset_extractions() == 1
    assert [d.id for batch in ledger.pending_extraction("v2") for d in batch] == [doc_id]


def test_names_longer_than_their_column_are_cut_not_refused(ledger: Ledger) -> None:
    """A hostile text can make a 300-character "actor"; PostgreSQL refuses it whole."""
    doc_id = stored_doc(ledger)
    long = "Anka" + "x" * 296
    claim = Claim(
        doc=str(doc_id), subject=long, relation="combat", object=None, recipient=long,
        quantity=None, speaker=long,
        polarity="affirm", hedged=False, evidence=Span(0, 7, "Armenia"),
    )  # fmt: skip
    assert ledger.store_extractions([DocumentExtraction(doc_id, [claim], [])], version="v1") == 1
    (row,) = ledger.list_claims()
    assert row.subject == row.speaker == row.recipient == long[:200]
    assert row.evidence_text == "Armenia"


def test_unknown_names_are_stored_per_document_and_replaced_with_its_claims(
    ledger: Ledger,
) -> None:
    stored_doc(ledger)
    stored_doc(ledger, "Another text about a brigade nobody has listed.")
    first, second = sorted(d.id for d in ledger.list_documents())
    long = "Brigade " + "y" * 300
    ledger.store_extractions(
        [
            DocumentExtraction(first, [], [], unknown=("Hill Guard", "Ana Petrov", "Hill Guard")),
            DocumentExtraction(second, [], [], unknown=("Hill Guard", long, " ")),
        ],
        version="v1",
    )
    total, names = ledger.list_unknown_actors()
    assert total == 3  # each name once, blank ones dropped
    assert (
        [(u.name, u.documents) for u in names]
        == [
            ("Hill Guard", 2),  # most documents first, then by name
            ("Ana Petrov", 1),
            (long[:200], 1),  # cut to its column, as claim names are
        ]
    )
    assert ledger.list_unknown_actors(limit=1) == (3, names[:1])
    # a re-extraction replaces the document's names with its new ones, not adds to them
    ledger.store_extractions([DocumentExtraction(first, [], [], unknown=())], version="v2")
    total, names = ledger.list_unknown_actors()
    assert total == 2 and ("Hill Guard", 1) in [(u.name, u.documents) for u in names]


def test_signatures_are_stored_once_and_used_for_copy_clusters(ledger: Ledger) -> None:
    from corroborate.assess import AssessSettings, clusters_of_texts
    from corroborate.assess_run import document_clusters

    story = (
        "Monitors counted seven cargo flights from Moscow to Yerevan in one week of fighting. " * 4
    )
    texts = [story, story + "An editor added this line.", "Heavy snow closed the roads. " * 8]
    docs = []
    for i, text in enumerate(texts):
        built = build_document(RawInput(f"{i}.txt", text, "txt", Metadata(source=f"Outlet {i}")))
        assert isinstance(built, Document)
        docs.append(built)
    ledger.write_batch(docs[:2])
    extract_ledger(ledger, extractor=Extractor())
    settings = AssessSettings()
    stored = ledger.signatures(num_perm=settings.num_perm, shingle_words=settings.shingle_words)
    assert len(stored) == 2
    assert ledger.signatures(num_perm=settings.num_perm + 1, shingle_words=5) == {}
    ledger.write_batch(docs[2:])  # stored without extraction: no signature yet
    clusters = document_clusters(ledger, settings)
    ids = [d.id for d in ledger.list_documents()]
    by_text = clusters_of_texts(ledger.document_texts())
    assert clusters == by_text
    assert len({clusters[i] for i in ids}) == 2  # the reprint joins the original


def test_a_review_with_an_idempotency_key_is_stored_once(ledger: Ledger) -> None:
    import threading

    first = ledger.add_review(kind="note", payload={"n": 1}, author="a", idempotency_key="k" * 64)
    again = ledger.add_review(kind="note", payload={"n": 2}, author="a", idempotency_key="k" * 64)
    assert first == again
    ids: list[int] = []

    def post() -> None:  # concurrent retries of one request: one row, one id
        ids.append(ledger.add_review(kind="note", payload={}, author="b", idempotency_key="race"))

    threads = [threading.Thread(target=post) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1
    unkeyed = ledger.add_review(kind="note", payload={}, author="c")
    assert unkeyed != ledger.add_review(kind="note", payload={}, author="c")
    assert len(ledger.list_reviews()) == 4


def test_streamed_claims_are_the_listed_claims(ledger: Ledger) -> None:
    """iter_claims reads through a server-side cursor on PostgreSQL, a few rows at a time."""
    for i in range(4):
        doc = build_document(RawInput(f"{i}.txt", f"Report {i}. {TEXT}", "txt"))
        assert isinstance(doc, Document)
        ledger.write_batch([doc])
    extract_ledger(ledger, extractor=Extractor())
    listed = ledger.list_claims()
    assert len(listed) >= 8
    assert list(ledger.iter_claims(batch=3)) == listed
