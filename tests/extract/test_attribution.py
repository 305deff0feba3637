"""Attribution, denial and speech constructions: who voices a claim, and whether they deny it.
One construction per test, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from corroborate.extract import Claim, Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(text, doc="t").claims


def tuples(ex: Extractor, text: str) -> set[tuple[object, ...]]:
    return {(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in claims(ex, text)}


def test_owned_secretary_general_speaks_for_the_organisation(ex: Extractor) -> None:
    text = "NATO has not stationed troops in Georgia, its secretary general told reporters."
    found = tuples(ex, text)
    assert ("NATO", "troop_deployment", "Georgia", "NATO", "deny") in found
