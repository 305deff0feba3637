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


def test_report_of_fighters_doing_something_names_the_fighters(ex: Extractor) -> None:
    text = "The ministry said allegations of Lebanese volunteers fighting for Armenia were false."
    (c,) = claims(ex, text)
    assert (c.subject, c.relation, c.recipient, c.polarity) == (
        None,
        "foreign_fighters",
        "Armenia",
        "deny",
    )


def test_denier_is_not_the_sender_of_fighters_with_no_recruiter(ex: Extractor) -> None:
    found = tuples(ex, "Yerevan dismissed reports of Syrian mercenaries fighting for Azerbaijan.")
    assert found == {(None, "foreign_fighters", "Azerbaijan", "Armenia", "deny")}


def test_refusal_denies_the_act_right_after_it(ex: Extractor) -> None:
    found = tuples(ex, "Kazakhstan aside, Belarus refused to send troops to Armenia.")
    assert ("Belarus", "troop_deployment", "Armenia", "author", "deny") in found
    found = tuples(ex, "Armenia refused to stop shelling Ganja.")
    assert all(t[4] == "affirm" for t in found)
