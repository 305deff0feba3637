"""Praise, congratulation and alliance talk that backs no side in a war (political_support)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


def support(full: Extractor, text: str) -> set[tuple[object, object]]:
    return {
        (c.subject, c.recipient)
        for c in full.extract(text, doc="t").claims
        if c.relation == "political_support"
    }


@pytest.mark.parametrize(
    "text",
    [
        # congratulation of a person on something other than a war
        "The Chilean president congratulated the Brazilian leader on his re-election last week.",
        "Lima congratulated Quito on a smooth handover of power.",
        # praise of a state or a person, naming no deed of war
        "Oslo applauded Canberra during the summit on fishing quotas.",
        "The Peruvian foreign minister warmly praised the Colombian president at a gala dinner.",
        "Seoul commended Tokyo at the trade talks on Tuesday.",
    ],
)
def test_courtesy_praise_is_no_backing(full: Extractor, text: str) -> None:
    assert not support(full, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # praise of a deed of the war backs the side that did it
        ("Belarus congratulated Russia on the capture of the town.", ("Belarus", "Russia")),
        ("Ankara applauded the Azerbaijani offensive in the mountains.", ("Turkey", "Azerbaijan")),
        # backing named as such still stands
        ("Iran backs the Houthis against Saudi Arabia.", ("Iran", "Houthis")),
        ("Belarus stood firmly behind Russia in its war with Ukraine.", ("Belarus", "Russia")),
    ],
)
def test_praise_of_a_war_deed_and_plain_backing_stand(
    full: Extractor, text: str, claim: tuple[str, str]
) -> None:
    assert claim in support(full, text)


@pytest.mark.parametrize(
    "text",
    [
        # a verb of backing with a particle of retreat: another verb
        "Paris backed off from the gas deal on Tuesday.",
        "The Kremlin backed down over the grain shipments.",
        "Rome backed out of the pipeline project last year.",
        "The Swiss government is backing away from its neutrality stance, officials said.",
    ],
)
def test_backing_away_backs_nobody(full: Extractor, text: str) -> None:
    assert not support(full, text)


def test_backing_a_side_out_of_conviction_stands(full: Extractor) -> None:
    assert ("Poland", "Ukraine") in support(full, "Poland backed Ukraine throughout the war.")
    assert ("Poland", "Ukraine") in support(full, "Poland backed Ukraine out of conviction.")


@pytest.mark.parametrize(
    "text",
    [
        # allies by a kind of pact: members of a standing alliance
        "Canada and its intelligence allies - Britain, Australia and New Zealand - warned that "
        "hackers had been targeting the grid.",
        "France and its treaty allies - Belgium and the Netherlands - agreed on a joint exercise.",
        "Chile and its trade allies - Peru and Mexico - cut tariffs on copper.",
    ],
)
def test_allies_by_a_pact_back_nobody(full: Extractor, text: str) -> None:
    assert not support(full, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Belarus, Russia's closest ally, kept silent.", ("Belarus", "Russia")),
        ("Turkey, a staunch ally of Azerbaijan, sent drones.", ("Turkey", "Azerbaijan")),
    ],
)
def test_an_ally_of_a_side_still_backs_it(
    full: Extractor, text: str, claim: tuple[str, str]
) -> None:
    assert claim in support(full, text)


@pytest.mark.parametrize(
    "text",
    [
        # a standing, a place or a project of a state, not the state in a war
        "Spain voiced support for Moldova's membership in the bloc.",
        "Italy backed Albania's accession to the union.",
        "Greece and several others supported its presence in the harbour.",
        "Mexico supported the pipeline project.",
        "Hungary will work with Serbia to support the central role of the regional forum.",
    ],
)
def test_backing_a_standing_or_project_is_no_side(full: Extractor, text: str) -> None:
    assert not support(full, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Serbia voiced support for Russia in its war against Ukraine.", ("Serbia", "Russia")),
        ("Minsk voiced support for Moscow in the war.", ("Belarus", "Russia")),
        ("Spain voiced support for Moldova against the invasion.", ("Spain", "Moldova")),
    ],
)
def test_support_for_a_side_still_stands(
    full: Extractor, text: str, claim: tuple[str, str]
) -> None:
    assert claim in support(full, text)


@pytest.mark.parametrize(
    "text",
    [
        # backing sought, not given
        "The Serbian foreign minister toured Asia to rally support for Belgrade.",
        "Moscow is courting support across Africa for its war.",
        "Caracas tried to drum up backing for Havana at the assembly.",
        "Minsk has been wooing support among its neighbours.",
    ],
)
def test_backing_sought_is_not_given(full: Extractor, text: str) -> None:
    assert not support(full, text)


def test_backing_given_beside_a_search_still_stands(full: Extractor) -> None:
    text = "Kyiv sought more help, and Warsaw backed Kyiv against the invasion."
    assert ("Poland", "Ukraine") in support(full, text)


def subjects(full: Extractor, text: str) -> set[object]:
    return {s for s, _ in support(full, text)}


@pytest.mark.parametrize(
    ("text", "giver", "viewer"),
    [
        # the "from" phrase names whose backing it is, not the one who sees or names it
        (
            "Tehran sees the growing support for Israel from Washington as a threat.",
            "United States",
            "Iran",
        ),
        ("Minsk condemned the support for Kyiv from Warsaw.", "Poland", "Belarus"),
    ],
)
def test_backing_from_an_actor_is_that_actors(
    full: Extractor, text: str, giver: str, viewer: str
) -> None:
    found = subjects(full, text)
    assert giver in found
    assert viewer not in found


def test_own_backing_named_with_from_stays_its_own(full: Extractor) -> None:
    # "from" naming the backer itself changes nothing
    assert ("Poland", "Ukraine") in support(full, "Poland pledged support for Kyiv from the start.")


@pytest.mark.parametrize(
    "text",
    [
        # a side backing its own forces
        "Turkish supply routes from Anatolia directly support Turkish forces in the north.",
        "Iran supports its own militias at home.",
        "Chinese artillery supported Chinese troops during the drill.",
    ],
)
def test_backing_ones_own_forces_is_no_claim(full: Extractor, text: str) -> None:
    assert not support(full, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Belarus openly supports Russian forces in the war.", ("Belarus", "Russia")),
        ("Iran backs Houthi fighters against Saudi Arabia.", ("Iran", "Houthis")),
    ],
)
def test_backing_anothers_forces_stands(full: Extractor, text: str, claim: tuple[str, str]) -> None:
    assert claim in support(full, text)
