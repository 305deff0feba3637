"""Kinds of sentence that world articles nobody had tuned to showed the extractor missing
(tests/data/world-extra): one construction per test, several sentences written for it."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from tests.conftest import claims, tuples


def _supplies(ex: Extractor, text: str) -> list[tuple[object, object, object]]:
    return [
        (c.subject, c.object, c.recipient) for c in claims(ex, text) if c.relation == "arms_supply"
    ]


@pytest.mark.parametrize(
    ("text", "supplier"),
    [
        (
            "For a decade Qatar has courted the hill militias of the northern provinces, known "
            "locally as the Brotherhood of the Pass \u2014 a proud and fractious alliance of clans "
            "\u2014 supplying them with rifles and mortars.",
            "Qatar",
        ),
        (
            "Saudi Arabia has spent a decade financing tribal levies, loosely known as the "
            "Southern Shield \u2014 a pro-government coalition \u2014 supplying them with "
            "armored vehicles "
            "and rifles as Riyadh sought leverage.",
            "Saudi Arabia",
        ),
        (
            "Russia invested heavily in the separatist republics, officially described as "
            "independent states, supplying them with tanks and artillery.",
            "Russia",
        ),
    ],
)
def test_participle_set_off_after_a_description_adds_to_the_main_clause(
    full: Extractor, text: str, supplier: str
) -> None:
    # the parser hangs ", supplying them ..." on the last noun ("alliance", "coalition"); it
    # is the main clause's subject who supplies, and "them" is never that subject
    found = _supplies(full, text)
    assert found, text
    assert all(s == supplier and r != supplier for s, _, r in found), found


@pytest.mark.parametrize(
    ("text", "supplier", "thing"),
    [
        (
            "Norway has stood firmly by Kyiv, offering millions of euros in artillery and "
            "armored vehicles for the spring.",
            "Norway",
            "artillery",
        ),
        ("Spain announced a package of reforms, committing billions in drones.", "Spain", "drones"),
        (
            "Poland vowed to stay the course, offering hundreds of millions of zlotys in rifles "
            "and military vehicles.",
            "Poland",
            "military vehicles",
        ),
    ],
)
def test_an_amount_stands_for_the_things_it_is_in(
    full: Extractor, text: str, supplier: str, thing: str
) -> None:
    found = _supplies(full, text)
    assert any(s == supplier and thing in str(o) for s, o, _ in found), found


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Denmark offered Ukraine a squadron of F-16 jets last spring.", "Denmark", None),
        ("Greece offered armored vehicles to Armenia in March.", "Greece", "Armenia"),
        ("The Czech government has offered howitzers to Kyiv.", "Czech Republic", "Ukraine"),
    ],
)
def test_offering_arms_supplies_them(
    full: Extractor, text: str, supplier: str, recipient: str | None
) -> None:
    found = _supplies(full, text)
    assert any(s == supplier and (recipient is None or r == recipient) for s, _, r in found), found


def test_offering_words_is_no_supply(full: Extractor) -> None:
    assert not _supplies(full, "Greece offered its condolences to Armenia after the blast.")


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Kenyan firms exported dual-use items to Russia last year.", "dual-use items"),
        ("Chinese firms sold dual-use goods to Moscow.", "dual-use goods"),
        ("Malaysian traders shipped dual-use components to Russia.", "dual-use components"),
    ],
)
def test_dual_use_goods_for_a_war_industry_are_a_supply_of_them(
    full: Extractor, text: str, thing: str
) -> None:
    found = _supplies(full, text)
    assert any(r == "Russia" and o == thing for _, o, r in found), found


@pytest.mark.parametrize(
    ("text", "supplier", "relation"),
    [
        ("Canada vowed to stand by Kyiv, offering it armored vehicles and ammunition.", "Canada",
         "arms_supply"),
        ("Portugal sent instructors to Kyiv last year, donating howitzers as well.", "Portugal",
         "arms_supply"),
        ("Turkey backed the government in Tripoli, committing drones and advisers to its defense.",
         "Turkey", "training"),
    ],
)  # fmt: skip
def test_an_actors_further_act_after_a_clause_break_is_its_own_claim(
    full: Extractor, text: str, supplier: str, relation: str
) -> None:
    # the first act is the rules' reading; the one after the comma shares only its subject
    found = {(c.subject, c.relation) for c in claims(full, text)}
    assert (supplier, relation) in found, found


def test_a_second_reading_of_the_same_act_is_not_a_further_act(full: Extractor) -> None:
    # an airlift that brought ammunition is one act, read once (no break between the readings)
    found = {
        c.relation for c in claims(full, "The Russian airlift had brought in fresh ammunition.")
    }
    assert found == {"logistics"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington accused Beijing of strengthening Russia's arms industry with the export "
            "of semiconductors.",
            ("China", "arms_supply", "Russia", "United States", "affirm"),
        ),
        (
            "Armenia accused Ankara of reinforcing Azerbaijan's army with the delivery of drones.",
            ("Turkey", "arms_supply", "Azerbaijan", "Armenia", "affirm"),
        ),
        (
            "Egypt has kept Haftar's forces afloat through deliveries of rifles and ammunition.",
            ("Egypt", "arms_supply", "Libyan National Army", "author", "affirm"),
        ),
    ],
)
def test_a_nominal_supply_as_the_means_of_a_verb_is_its_agents_for_its_object(
    full: Extractor, text: str, expected: tuple[str, ...]
) -> None:
    # "V-ing X with the export of Y": the one who V-s (or is accused of it) supplies X's owner
    assert expected in tuples(full, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minsk, which has grown closer to the Kremlin and become a vital lifeline for Moscow, "
            "hosted the talks.",
            ("Belarus", "political_support", "Russia", "author", "affirm"),
        ),
        (
            "Abu Dhabi has become the main benefactor of the RSF.",
            (
                "United Arab Emirates",
                "political_support",
                "Rapid Support Forces",
                "author",
                "affirm",
            ),
        ),
        (
            "Iran remains a key supporter for Hezbollah.",
            ("Iran", "political_support", "Hezbollah", "author", "affirm"),
        ),
    ],
)
def test_a_noun_of_patronage_names_who_keeps_a_side_going(
    full: Extractor, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in tuples(full, text)


def test_a_lifeline_for_no_side_is_no_claim(full: Extractor) -> None:
    assert not claims(full, "The new hospital has become a lifeline for the town.")


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        (
            "Washington and the European Union accused Beijing of strengthening Russia's arms "
            "industry with the export of semiconductors.",
            {"United States", "European Union"},
        ),
        (
            "Kyiv and Warsaw accused Minsk of propping up Russia's army with the delivery of "
            "artillery shells.",
            {"Ukraine", "Poland"},
        ),
    ],
)
def test_each_coordinated_voice_says_what_the_parse_reads(
    full: Extractor, text: str, voices: set[str]
) -> None:
    found = {c.speaker for c in claims(full, text) if c.relation == "arms_supply"}
    assert voices <= found, found


def test_coordinated_voices_speaking_of_themselves_do_not_speak_for_each_other(
    full: Extractor,
) -> None:
    found = {
        (c.subject, c.speaker)
        for c in claims(full, "Qatar and Oman declared solidarity with Lebanon after the strike.")
    }
    assert all(subject == speaker for subject, speaker in found), found
