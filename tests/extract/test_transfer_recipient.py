"""Transfers told from the receiving side: the recipient is the grammatical subject."""

from __future__ import annotations

import pytest

from corroborate.extract import Claim, Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(text, doc="t").claims


def test_forces_receiving_equipment_from_a_state(ex: Extractor) -> None:
    (c,) = claims(ex, "Rebel brigades received Grad rocket launchers from Iran last spring.")
    assert (c.subject, c.relation, c.object, c.recipient) == ("Iran", "arms_supply", "Grad", None)


def test_forces_receiving_state_made_equipment(ex: Extractor) -> None:
    (c,) = claims(ex, "Armenian units received Russian tanks in October.")
    assert (c.subject, c.relation, c.recipient) == ("Russia", "arms_supply", "Armenia")


def test_took_delivery_of_names_buyer_and_seller(ex: Extractor) -> None:
    (c,) = claims(ex, "Baku took delivery of a dozen Harop drones from Israel in 2016.")
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Israel",
        "arms_supply",
        "Harop",
        "Azerbaijan",
    )


def test_denying_receipt_makes_the_denier_the_recipient(ex: Extractor) -> None:
    (c,) = claims(ex, "Yerevan denied receiving tanks from Moscow.")
    assert (c.subject, c.recipient, c.speaker, c.polarity) == (
        "Russia",
        "Armenia",
        "Armenia",
        "deny",
    )


def test_denying_receipt_with_no_supplier(ex: Extractor) -> None:
    (c,) = claims(ex, "Armenia denied receiving any shells.")
    assert (c.subject, c.recipient, c.speaker, c.polarity) == (None, "Armenia", "Armenia", "deny")


def test_admitting_receipt(ex: Extractor) -> None:
    (c,) = claims(ex, "The Libyan government admitted receiving Turkish drones.")
    assert (c.subject, c.recipient, c.speaker, c.polarity) == (
        "Turkey",
        "Libya",
        "Libya",
        "affirm",
    )


def test_acknowledged_with_gerund_names_the_speaker_as_actor(ex: Extractor) -> None:
    (c,) = claims(ex, "Minsk acknowledged supplying artillery shells to Moscow.")
    assert (c.subject, c.relation, c.recipient, c.speaker) == (
        "Belarus",
        "arms_supply",
        "Russia",
        "Belarus",
    )
