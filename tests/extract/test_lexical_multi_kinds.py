"""Kinds of sentence in Arabic, Turkish, Russian, French and Italian that the lexical engine
misread on untuned text; every sentence is written for these tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str) -> set[tuple[object, ...]]:
    result = ex.extract(text, doc="t", language=lang)
    return {
        (c.subject, c.relation, c.recipient, c.speaker, c.polarity, c.hedged) for c in result.claims
    }


def test_arabic_backing_of_an_initiative_is_no_side(ex: Extractor) -> None:
    # "Egypt supports the plan proposed by the envoy to end the crisis": a plan is not a side
    text = "أكدت الحكومة أن مصر تدعم الخطة التي اقترحها المبعوث لإنهاء الأزمة."
    assert not any(c[1] == "political_support" for c in claims_of(ex, text, "ar"))
    # "Egypt supports Sudan": a side, still a claim
    text = "أكدت الحكومة أن مصر تدعم السودان في أزمته."
    assert any(c[1] == "political_support" for c in claims_of(ex, text, "ar"))
