"""Kinds of sentence whose trigger word acts in another sense, told by its arguments: backing
that is a retreat or a duty, training of one's own forces."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from tests.conftest import claims


def relations(full: Extractor, text: str) -> set[tuple[object, ...]]:
    return {(c.subject, c.relation) for c in full.extract(text, doc="t").claims}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya stands by its obligations under the arms treaty, its spokesman said.",
        "Chad will support the leading role of the African Union in the talks.",
        "Ghana said it backed the mediating role of ECOWAS.",
        "Peru stood by its duties under the regional accord.",
    ],
)
def test_backing_a_duty_or_a_role_backs_no_side(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "political_support"}


@pytest.mark.parametrize(
    "text",
    [
        "Last spring President Ruto backed down from the tariffs on Ugandan sugar.",
        "Chad backed off from its threat to close the border with Niger.",
        "The Kenyan government backed away from the deal with Somalia.",
    ],
)
def test_backing_down_is_a_retreat_not_support(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "political_support"}


@pytest.mark.parametrize(
    ("text", "backer"),
    [
        ("Kenya backed Somalia in the dispute with Ethiopia.", "Kenya"),
        ("Chad stood by Niger throughout the crisis.", "Chad"),
    ],
)
def test_backing_a_side_still_backs_it(full: Extractor, text: str, backer: str) -> None:
    assert (backer, "political_support") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan commanders are stockpiling shells and training Kenya's army for a new push.",
        "Nobody matches the discipline and rigorous training of the Chadian army, she said.",
        "Ghana's generals have been training the Ghanaian infantry all winter.",
    ],
)
def test_training_ones_own_forces_is_no_claim(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "training"}


@pytest.mark.parametrize(
    ("text", "trainer"),
    [
        ("Kenya is training Somalia's army for a new push.", "Kenya"),
        ("Chadian officers have been training the Nigerien infantry all winter.", "Chad"),
        ("Ghana's instructors began the training of Togo's special forces.", "Ghana"),
    ],
)
def test_training_anothers_forces_still_counts(full: Extractor, text: str, trainer: str) -> None:
    assert (trainer, "training") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Each year about 2,000 Estonians between 18 and 27 are enlisted for eleven months.",
        "Since the draft returned, some 3,000 Latvians are enlisted every spring.",
    ],
)
def test_a_states_own_call_up_sends_no_fighters(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "foreign_fighters"}


def test_recruits_for_a_named_side_are_still_fighters(full: Extractor) -> None:
    text = "Hundreds of Nepalis were enlisted by Russia to fight in Ukraine."
    assert ("Russia", "foreign_fighters") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army still lacks tanks, artillery, fresh troops, and trained crews.",
        "Kenya's generals need howitzers, ammunition and trained gunners before the spring.",
    ],
)
def test_trained_as_a_plain_adjective_trains_nobody(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "training"}


@pytest.mark.parametrize(
    ("text", "trainer"),
    [
        ("Somali units trained by Kenya took the town.", "Kenya"),
        ("Kenya trained the Somali gunners last year.", "Kenya"),
    ],
)
def test_trained_as_a_verb_still_trains(full: Extractor, text: str, trainer: str) -> None:
    assert (trainer, "training") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry regrets the heavy price paid in Somali lives.",
        "Kenya paid tribute to the Somali fighters who died at the border.",
        "Chadian envoys paid a visit to the Sudanese militias' camp.",
    ],
)
def test_paying_in_an_idiom_hires_nobody(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "foreign_fighters"}


def test_paying_fighters_still_hires_them(full: Extractor) -> None:
    text = "Sudan paid Chadian mercenaries to fight in Libya."
    assert ("Sudan", "foreign_fighters") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya announced new penalties, with Nairobi targeting individuals and entities that "
        "make engines for drones.",
        "Ghana hit three shipping firms and two oligarchs that finance the Togolese junta.",
        "Chad is targeting companies that sell fuel to the Sudanese army.",
    ],
)
def test_striking_words_aimed_at_firms_are_no_fighting(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "combat"}


@pytest.mark.parametrize(
    ("text", "striker"),
    [
        ("Kenya targeted Shabaab fighters near the border.", "Kenya"),
        ("Chad hit rebel positions and depots near Abeche.", "Chad"),
    ],
)
def test_striking_forces_or_places_is_still_fighting(
    full: Extractor, text: str, striker: str
) -> None:
    assert (striker, "combat") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Nairobi bourse fell 2%, and futures pointed to more selling in Lagos later on.",
        "Ghana, where the Kenyan envoy goes next, may be a harder sell for Nairobi.",
    ],
)
def test_selling_with_nothing_sold_supplies_nothing(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "arms_supply"}


@pytest.mark.parametrize(
    ("text", "seller"),
    [
        ("Kenya approved the sale of twelve howitzers to Uganda.", "Kenya"),
        ("Ghana's arms sales to Togo doubled last year.", "Ghana"),
    ],
)
def test_a_sale_of_arms_still_supplies(full: Extractor, text: str, seller: str) -> None:
    assert (seller, "arms_supply") in relations(full, text)


def test_sales_whose_buyer_hangs_on_the_verb_still_supply(full: Extractor) -> None:
    text = "Kenya has surged sales to Uganda of rifles and mortar rounds, officials said."
    assert ("Kenya", "arms_supply") in relations(full, text)


@pytest.mark.parametrize(
    ("text", "relation", "actor"),
    [
        # a weapon or force that hits a firm is fighting, whatever the target is called
        ("Russian missiles hit a power company in Poltava overnight.", "combat", "Russia"),
        # a four-digit count is no year: "of 1800 troops" dates nothing
        ("Chad sent a contingent of 1800 troops to Niger in 2022.", "troop_deployment", "Chad"),
        # a finished act in the "that" clause of a verb of planning is no plan
        ("Analysts expect that Iran shipped rockets to Sudan.", "arms_supply", "Iran"),
        # forces that "push to take" a town fight for it; nobody is asked
        ("Sudanese troops pushed to capture the bridge at dawn.", "combat", "Sudan"),
        # a security ally in a war backs its side
        ("Belarus is Russia's security ally in the war.", "political_support", "Belarus"),
    ],
)
def test_acts_the_sense_checks_must_keep(
    full: Extractor, text: str, relation: str, actor: str
) -> None:
    assert (actor, relation) in {(c.subject, c.relation) for c in claims(full, text)}, text
