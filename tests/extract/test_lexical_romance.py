"""French and Italian sentences the lexical stage reads: who speaks, which side of the verb a
name stands on, what a verb of sending sends. Sentences are written for these tests (own words,
no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str) -> list[tuple[object, ...]]:
    result = ex.extract(text, doc="t", language=lang)
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return [(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in result.claims]


def test_a_partner_with_whom_does_not_speak(ex: Extractor) -> None:
    text = "Le Canada, après une rencontre avec la Lettonie, a déclaré qu'il enverrait des soldats."
    found = claims_of(ex, text, "fr")
    assert ("Canada", "troop_deployment") in {c[:2] for c in found}
    assert not [c for c in found if c[3] == "Latvia"]


def test_an_official_named_by_a_demonym_speaks_for_the_state(ex: Extractor) -> None:
    text = (
        "Un haut responsable allemand a déclaré que l'Allemagne avait envoyé des soldats "
        "en Lettonie."
    )
    found = claims_of(ex, text, "fr")
    assert ("Germany", "troop_deployment", None, "Germany", "affirm") in found


def test_a_person_no_pack_lists_speaks_in_french(ex: Extractor) -> None:
    text = "Selon Jean Dupuis, la Belgique a livré des munitions à la Lettonie."
    assert ("Belgium", "arms_supply", "Latvia", "Jean Dupuis", "affirm") in claims_of(
        ex, text, "fr"
    )


def test_a_verb_of_sending_sends_only_what_stands_near_it(ex: Extractor) -> None:
    far = (
        "Le ministre a promis une aide militaire et assuré que la Norvège continuera "
        "à livrer au Chili du poisson, du bois et des produits agricoles."
    )
    assert not [c for c in claims_of(ex, far, "fr") if c[1] == "troop_deployment"]
    near = "La Norvège continuera à livrer des armes au Chili."
    assert ("Norway", "arms_supply", "Chile") in {c[:3] for c in claims_of(ex, near, "fr")}


def test_a_military_adjective_is_no_troops(ex: Extractor) -> None:
    text = "La Norvège continue de fournir au Chili des capacités militaires nouvelles."
    assert not [c for c in claims_of(ex, text, "fr") if c[1] == "troop_deployment"]


def test_a_state_spelt_as_in_english_is_a_name(ex: Extractor) -> None:
    text = "Il Canada ha inviato armi al Mali."
    assert ("Canada", "arms_supply", "Mali") in {c[:3] for c in claims_of(ex, text, "it")}
