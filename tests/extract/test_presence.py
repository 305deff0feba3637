"""Presence, deployment, movement and force size: forces somewhere, kit parked, flights made."""

from __future__ import annotations

import pytest

from corroborate.extract import Claim, Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(text, doc="t").claims


def roles(ex: Extractor, text: str) -> set[tuple[object, ...]]:
    return {(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in claims(ex, text)}


def test_plural_su30_is_a_jet(ex: Extractor) -> None:
    found = roles(ex, "Two Russian Su-30s based in Armenia patrolled the frontier.")
    assert ("Russia", "troop_deployment", "Armenia", "author", "affirm") in found


def test_parked_aircraft_are_present(ex: Extractor) -> None:
    (c,) = claims(ex, "Commercial satellite pictures showed three Russian Su-24s parked in Libya.")
    assert (c.subject, c.relation, c.recipient) == ("Russia", "troop_deployment", "Libya")


def test_embedded_advisers_train(ex: Extractor) -> None:
    found = roles(ex, "Russian instructors were embedded with Syrian army units.")
    assert ("Russia", "training", None, "author", "affirm") in found


def test_passive_posted_is_presence_not_speech(ex: Extractor) -> None:
    found = roles(ex, "Turkish troops were posted at observation points near Idlib.")
    assert ("Turkey", "troop_deployment", None, "author", "affirm") in found


def test_with_far_from_the_verb_names_no_side(ex: Extractor) -> None:
    found = roles(ex, "Turkish troops were posted at observation points under a deal with Moscow.")
    assert {(s, r, rec) for s, r, rec, _, _ in found} == {("Turkey", "troop_deployment", None)}
