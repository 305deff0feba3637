"""Kinds of sentence that name an act without claiming it happened, found on unannotated text."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


def relations(full: Extractor, text: str) -> set[tuple[object, ...]]:
    return {(c.subject, c.relation) for c in full.extract(text, doc="t").claims}


@pytest.mark.parametrize(
    "text",
    [
        # the infinitive of a plea, an appeal, a call
        "Kenya has pleaded with its allies to deliver more drones.",
        "Chad pleaded for its partners to provide additional helicopters.",
        "The Estonian minister called on Poland to deploy troops to Latvia.",
        # however many infinitives down
        "Senior African Union officials urged the ministers on Monday to take swift steps to "
        "deliver more howitzers to Niger.",
        # a "that" clause in the subjunctive
        "The senator demanded that Ottawa send more rifles to Haiti.",
        # an act a verb of prevention keeps from happening
        "Mali asked the region to stop Libya from sending mercenaries to Niger.",
    ],
)
def test_an_act_only_asked_for_is_no_claim(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] != "political_support"}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # yielding to the request: the act is granted
        (
            "Ottawa finally bowed to pressure from its allies to supply howitzers to Haiti.",
            ("Canada", "arms_supply"),
        ),
        # an act reported beside the request stands
        (
            "Chad said Libya had sent 300 mercenaries and called on the region to respond.",
            ("Libya", "foreign_fighters"),
        ),
        # a clause naming a thing ("calling it X") is no request
        (
            "Kenya condemned the raid, calling it an outrage. Sudan then declared solidarity "
            "with Chad.",
            ("Sudan", "political_support"),
        ),
    ],
)
def test_an_act_beside_a_request_still_stands(
    full: Extractor, text: str, claim: tuple[str, str]
) -> None:
    assert claim in relations(full, text)


@pytest.mark.parametrize(
    "teaser",
    [
        "Read also: Sudan supplied drones to Niger",
        "See also: Libya sends mercenaries to Chad",
        "Other Topics of Interest Mali's PM: Senegal Troop Training in Chad Won't Trigger War",
        "RELATED: Algeria delivers tanks to Mali, officials say",
    ],
)
def test_a_paragraph_advertising_another_article_is_not_read(full: Extractor, teaser: str) -> None:
    text = f"Kenya sent 300 troops to Chad.\n\n{teaser}\n\nThe troops arrived on Monday."
    assert relations(full, text) == {("Kenya", "troop_deployment")}


def test_a_paragraph_that_only_starts_like_a_link_is_still_read(full: Extractor) -> None:
    text = "Kenya sent 300 troops to Chad.\n\nRelated to this, Sudan sent drones to Niger."
    assert ("Sudan", "arms_supply") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway imposed sanctions targeting firms that make drone engines for Russia.",
        "Canada's sanctions hit Russian oligarchs and defence firms.",
        "Moscow says the Chinese leaders that its outreach efforts have targeted are weak.",
    ],
)
def test_a_measure_that_targets_is_no_fighting(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "combat"}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Russia's bombing campaign targeting Ukrainian power plants went on.", "Russia"),
        ("Iranian missiles targeting Israeli bases were intercepted.", "Iran"),
    ],
)
def test_a_force_that_targets_still_fights(full: Extractor, text: str, claim: str) -> None:
    assert (claim, "combat") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's team was approached by heavily armed individuals.",
        "Russia now executes a genocidal armed catastrophe in Ukraine.",
        "Tunisia bought 60% of its wheat from Russia and Ukraine last year.",
        "Putin met the envoy for ten minutes, giving priority to Medvedchuk.",
    ],
)
def test_a_supply_word_in_a_civil_sense_supplies_no_arms(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] == "arms_supply"}


@pytest.mark.parametrize(
    ("text", "supplier"),
    [
        ("Kenya and Uganda financed and armed the rebel brigades.", "Kenya"),
        ("The militias, armed by Iran, attacked the port.", "Iran"),
        ("Chad armed the rebels in Darfur.", "Chad"),
    ],
)
def test_arming_someone_still_supplies(full: Extractor, text: str, supplier: str) -> None:
    assert (supplier, "arms_supply") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sudan plans to send troops to Chad.",
        "Niger hopes to receive more drones from Turkey.",
        "The Belgian premier said he does not exclude sending troops to Mali.",
        "Kenya could deploy troops to Haiti if the UN approves the mission.",
        "Poland would hand over its jets to Ukraine if Germany agreed.",
    ],
)
def test_an_act_only_planned_or_conditional_is_no_claim(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] != "political_support"}


def test_a_plan_about_existing_aid_still_says_there_is_aid(full: Extractor) -> None:
    text = "Norway plans to halve its military aid to Ukraine next year."
    assert ("Norway", "arms_supply") in relations(full, text)


@pytest.mark.parametrize(
    "history",
    [
        (
            "Officials in Vienna worry that the last time Austrian tanks moved eastward was in "
            "1941, when the army invaded Poland."
        ),
        "By 1994, Sudan had delivered rifles to the Chadian rebels.",
        "During the winter of 1915, Italian troops were stationed in Albania.",
    ],
)
def test_an_act_dated_long_before_the_text_is_background(full: Extractor, history: str) -> None:
    text = f"On 4 May 2022 Kenya sent 300 troops to Chad. {history}"
    assert relations(full, text) == {("Kenya", "troop_deployment")}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # ongoing since then: still so now
        (
            "In May 2023 officials said Italian troops have been stationed in Albania since 1997.",
            ("Italy", "troop_deployment"),
        ),
        # the old year dates another clause
        (
            "In 2021, although a truce was agreed in 1994, Sudan sent troops to Chad.",
            ("Sudan", "troop_deployment"),
        ),
        # a deadline is no year of the text's own time
        (
            "Kenya sent troops to Chad in 2005, and plans to stay until 2050.",
            ("Kenya", "troop_deployment"),
        ),
    ],
)
def test_an_act_of_the_texts_own_time_stands(
    full: Extractor, text: str, claim: tuple[str, str]
) -> None:
    assert claim in relations(full, text)


@pytest.mark.parametrize(
    ("text", "backer"),
    [
        (
            "Turkish-backed forces on Sunday engaged with Kurdish militants near Afrin, local "
            "sources said.",
            "Turkey",
        ),
        ("Clashes raged between Mali and Algeria-backed militias near Kidal.", "Algeria"),
        (
            "UAE-backed fighters shelled the outskirts of El Fasher overnight.",
            "United Arab Emirates",
        ),
    ],
)
def test_the_backer_in_a_hyphenated_epithet_does_not_fight(
    full: Extractor, text: str, backer: str
) -> None:
    assert (backer, "combat") not in relations(full, text)


def test_a_backer_named_apart_from_the_epithet_still_fights(full: Extractor) -> None:
    text = "French jets struck the rebels, and French-backed forces then took Gao."
    assert ("France", "combat") in relations(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "The general issued an order for Chad to strike Sudan directly, a newspaper reported.",
        "Mali's junta made a formal request for Russia to deploy instructors in Gao.",
        "The emir ordered Qatar's air force to bomb the rebel camps, a report said.",
    ],
)
def test_an_act_only_ordered_is_no_claim(full: Extractor, text: str) -> None:
    assert not {r for r in relations(full, text) if r[1] != "political_support"}


@pytest.mark.parametrize(
    "text",
    [
        "Estonia announced a delivery of Javelin missiles to Georgia.",
        "Norway announced a delivery of howitzers to Ukraine on Friday.",
    ],
)
def test_an_unnamed_reading_beside_the_named_one_is_dropped(full: Extractor, text: str) -> None:
    found = full.extract(text, doc="t").claims
    assert [c.subject for c in found if c.relation == "arms_supply"] == [text.split()[0]]


def test_an_unnamed_act_beside_a_denial_of_it_stands(full: Extractor) -> None:
    text = "Kenya said rifles were delivered to Chad, and Sudan denied sending rifles to Chad."
    found = {(c.subject, c.polarity) for c in full.extract(text, doc="t").claims}
    assert {(None, "affirm"), ("Sudan", "deny")} <= found
