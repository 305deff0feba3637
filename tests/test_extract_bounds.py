"""Extraction within limits: pieces of long documents, time and claim budgets, prompt stops."""

from __future__ import annotations

from corroborate.extract import Extractor
from corroborate.extract_bounds import PIECE, extract_bounded, longest_sentence, pieces

PARAGRAPH = (
    "The ministry said Turkey sent drones to Azerbaijan in October. "
    "Ankara denied that it had deployed Syrian fighters.\n\n"
)


def test_an_ordinary_document_is_one_call_with_the_same_claims(ex: Extractor) -> None:
    text = PARAGRAPH * 20
    bounded = extract_bounded(ex, text, doc="d")
    plain = ex.extract(text, doc="d")
    assert bounded.note is None and not bounded.interrupted
    assert [c.to_contract() for c in bounded.extraction.claims] == [
        c.to_contract() for c in plain.claims
    ]


def test_pieces_cover_the_text_at_boundaries() -> None:
    text = PARAGRAPH * 2000
    parts = list(pieces(text, PIECE))
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= PIECE for _, p in parts) and len(parts) > 1
    assert all(p.endswith("\n\n") for _, p in parts[:-1])
    assert all(text[o : o + len(p)] == p for o, p in parts)
    assert longest_sentence("a. " + "b" * 50 + ". c") == 51


def test_a_long_document_keeps_true_offsets_and_folds_repeats(ex: Extractor) -> None:
    text = PARAGRAPH * 1200  # about 140,000 characters: two pieces
    bounded = extract_bounded(ex, text, doc="d")
    assert bounded.note is None
    claims = bounded.extraction.claims
    plain = {c.key(): len(c.mentions) for c in ex.extract(text, doc="d").claims}
    assert set(plain) == {c.key() for c in claims}  # one claim per proposition and voice
    for claim in claims:
        for span in [claim.evidence, *claim.mentions]:
            assert text[span.start : span.end] == span.text
    # the piece boundary loses at most the context of one paragraph
    got = sum(len(c.mentions) for c in claims)
    assert sum(plain.values()) - 2 <= got <= sum(plain.values()) + 2
    assert got > 2000


def test_an_overlong_sentence_stops_at_the_time_budget(ex: Extractor) -> None:
    text = "Turkey sent drones to Azerbaijan, " + ", ".join(["Armenia", "Iran"] * 20_000)
    # a list of names has no language a detector agrees on ('eu'): the text is read as English
    bounded = extract_bounded(ex, text, doc="d", max_seconds=0.5, language="en")
    assert bounded.note is not None and "max_extract_seconds" in bounded.note
    assert "stopped at character" in bounded.note


def test_claim_budget_and_stop_request(ex: Extractor) -> None:
    text = "".join(
        f"{who} sent {what} to {whom}.\n\n"
        for who in ("Turkey", "Russia", "Iran")
        for what in ("drones", "tanks", "rifles")
        for whom in ("Armenia", "Azerbaijan")
    )
    # py3langid ranks this repetitive English just below Nigerian Pidgin: say it is English
    assert len(ex.extract(text, doc="d", language="en").claims) > 2
    bounded = extract_bounded(ex, text, doc="d", max_claims=1, language="en")
    assert len(bounded.extraction.claims) == 1
    assert bounded.note is not None and "max_claims_per_document" in bounded.note
    stopped = extract_bounded(ex, PARAGRAPH * 1200, doc="d", should_stop=lambda: True)
    assert stopped.interrupted and not stopped.extraction.claims


def test_a_long_document_lists_every_pieces_unknown_names() -> None:
    ex = Extractor()  # with the parser stage, which reads names the knowledge base lacks
    first = "Eritrea sent drones to the Kassala Defence Unit, Abdelrahim Nour claimed.\n\n"
    last = "The United Arab Emirates sent rifles to the Wadi Hawar Brigade, experts said.\n\n"
    filler = "The market in the old town was busy and the weather stayed mild all week.\n\n"
    text = first + filler * (PIECE // len(filler) + 10) + last  # the names in two pieces
    assert len(list(pieces(text, PIECE))) == 2
    whole = extract_bounded(ex, text, doc="d").extraction
    names = ("Abdelrahim Nour", "Kassala Defence Unit", "Wadi Hawar Brigade")
    assert whole.unknown == names
    assert any(all(n in note for n in names) for note in whole.notes), whole.notes
    # an ordinary document gives the same structured list as its note
    short = extract_bounded(ex, first, doc="d").extraction
    assert short.unknown == names[:2] and short.unknown == ex.extract(first, doc="d").unknown
