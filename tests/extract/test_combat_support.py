"""Combat, logistics and political-support constructions: one mechanism per test."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from tests.conftest import claims, tuples


def test_fielding_weapons_against_someone_is_combat(ex: Extractor) -> None:
    text = "Azerbaijani forces fielded Harop loitering munitions against Armenian positions."
    assert ("Azerbaijan", "combat", "Armenia", "author", "affirm") in tuples(ex, text)


def test_fielding_without_a_target_or_figure_is_no_claim(ex: Extractor) -> None:
    assert claims(ex, "Azerbaijan fielded new drones at a parade in Baku.") == []


def test_throwing_men_into_battle_is_combat(ex: Extractor) -> None:
    text = "The Wagner Group hired hundreds of inmates and hurled them into the fighting."
    assert ("Wagner Group", "combat", None, "author", "affirm") in tuples(ex, text)


def test_thrown_into_battle_with_no_agent_is_no_combat_claim(ex: Extractor) -> None:
    text = "Turkey denied that the recruits were unexpectedly thrown into battle."
    assert not any(c.relation == "combat" for c in claims(ex, text))


def test_tankers_refuelling_a_sides_jets_is_logistics(ex: Extractor) -> None:
    (c,) = claims(ex, "British tanker aircraft refuelled the jets over the Gulf.")
    assert (c.subject, c.relation, c.object) == ("United Kingdom", "logistics", "tanker aircraft")


def test_revolutionary_guard_men_are_irans(ex: Extractor) -> None:
    text = "An Israeli airstrike killed two Revolutionary Guard commanders near Damascus."
    assert ("Israel", "combat", "Iran", "author", "affirm") in tuples(ex, text)


def test_bombing_sanaa_targets_the_houthis(ex: Extractor) -> None:
    text = "Saudi warplanes struck Sanaa overnight."
    assert ("Saudi Arabia", "combat", "Houthis", "author", "affirm") in tuples(ex, text)


def test_a_manner_adverb_does_not_hide_a_passive(ex: Extractor) -> None:
    # the shelled troops are the target, not the attacker, and no attacker is named
    assert claims(ex, "Armenian troops were heavily shelled near Fizuli.") == []


def test_a_descriptive_apposition_is_not_the_subject(ex: Extractor) -> None:
    text = "Iran, Azerbaijan's southern neighbour, quietly backed Armenia."
    assert tuples(ex, text) == {("Iran", "political_support", "Armenia", "author", "affirm")}


def test_a_name_in_apposition_is_still_the_subject(ex: Extractor) -> None:
    text = "Its neighbour, Turkey, backed Azerbaijan."
    assert ("Turkey", "political_support", "Azerbaijan", "author", "affirm") in tuples(ex, text)


def test_thanking_for_support_names_backer_and_backed(ex: Extractor) -> None:
    text = "Pashinyan thanked Macron for France's political support."
    assert tuples(ex, text) == {("France", "political_support", "Armenia", "Armenia", "affirm")}


def test_thanking_a_party_for_its_support(ex: Extractor) -> None:
    text = "Aliyev thanked Pakistan for its diplomatic support."
    assert ("Pakistan", "political_support", "Azerbaijan", "Azerbaijan", "affirm") in tuples(
        ex, text
    )


def test_a_veto_shields_the_target_of_the_resolution_not_the_council(ex: Extractor) -> None:
    text = "Russia vetoed a UN Security Council draft condemning Syria."
    assert tuples(ex, text) == {("Russia", "political_support", "Syria", "author", "affirm")}


def test_a_hyphenated_word_joins_a_demonym_to_its_official(ex: Extractor) -> None:
    # "Ukrainian air-defence commander" speaks for Ukraine, and "his unit" is Ukraine's
    text = "A Ukrainian air-defence commander said his unit had shot down a Russian Su-35."
    assert ("Ukraine", "combat", "Russia", "Ukraine", "affirm") in tuples(ex, text)


def test_the_operator_of_a_weapon_owns_it(ex: Extractor) -> None:
    text = "Drones piloted by the Russian military hit power stations near Kyiv."
    assert ("Russia", "combat", "Ukraine", "author", "affirm") in tuples(ex, text)


def test_a_body_speaks_for_its_panel_of_experts(ex: Extractor) -> None:
    text = "Turkey shipped armoured vehicles to Tripoli, a UN panel of experts concluded."
    assert ("Turkey", "arms_supply", "Libya", "United Nations", "affirm") in tuples(ex, text)


def test_a_weapon_aimed_at_a_place_attacks_its_holder(ex: Extractor) -> None:
    # "a Houthi missile" is one phrase after the verb: the article rules out a second object
    text = "Saudi air defences intercepted a Houthi missile aimed at Riyadh."
    assert ("Houthis", "combat", "Saudi Arabia", "author", "affirm") in tuples(ex, text)


def test_talks_aimed_at_a_truce_are_no_attack(ex: Extractor) -> None:
    text = "Russia hosted talks aimed at a truce between Armenia and Azerbaijan."
    assert not any(c.relation == "combat" for c in claims(ex, text))


def test_helping_a_force_fight_makes_both_fighters(ex: Extractor) -> None:
    text = "Hezbollah fighters helped Syrian troops capture the town of Qusayr."
    got = {(c.subject, c.relation) for c in claims(ex, text)}
    assert got == {("Hezbollah", "combat"), ("Syria", "combat")}


def test_denying_a_link_to_fighters_does_not_deny_their_fighting(ex: Extractor) -> None:
    text = "Ankara rejected any ties to the Syrian mercenaries battling for Azerbaijan."
    got = tuples(ex, text)
    assert ("unspecified", "foreign_fighters", "Azerbaijan", "author", "affirm") in got
    assert not any(c.speaker == "Turkey" and c.relation == "combat" for c in claims(ex, text))


def test_weapons_from_a_state_as_the_topic_name_a_supply(ex: Extractor) -> None:
    # an aide to X speaks for X
    text = "An aide to Pashinyan said weapons from Russia had arrived too late."
    assert ("Russia", "arms_supply", None, "Armenia", "affirm") in tuples(ex, text)


def test_a_purchase_from_a_state_is_not_claimed_twice(ex: Extractor) -> None:
    assert tuples(ex, "Armenia bought rifles from Russia.") == {
        ("Russia", "arms_supply", "Armenia", "author", "affirm")
    }


def test_an_envoy_to_a_state_is_not_its_voice(ex: Extractor) -> None:
    text = "Armenia's ambassador to Russia said that Turkey had sent drones to Azerbaijan."
    assert ("Turkey", "arms_supply", "Azerbaijan", "Armenia", "affirm") in tuples(ex, text)


def test_lobbying_is_support_but_the_lobbied_is_not_the_backed(ex: Extractor) -> None:
    text = "Turkey lobbied NATO allies for Azerbaijan throughout the war."
    assert tuples(ex, text) == {("Turkey", "political_support", "Azerbaijan", "author", "affirm")}
    text = "Israel lobbied Washington against the deal."
    assert tuples(ex, text) == {("Israel", "political_support", None, "author", "affirm")}


def test_weapons_turned_on_positions_is_combat(ex: Extractor) -> None:
    text = "Russia supplied Smerch launchers, which Armenian crews turned on Azerbaijani positions."
    assert ("Armenia", "combat", "Azerbaijan", "author", "affirm") in tuples(ex, text)


def test_turning_on_a_former_ally_is_no_combat(ex: Extractor) -> None:
    text = "Erdogan later turned on his former allies in Washington."
    assert not any(c.relation == "combat" for c in claims(ex, text))


def test_a_side_publishing_footage_of_a_strike_on_its_enemy_struck(ex: Extractor) -> None:
    text = "Ukraine's defence ministry published footage of a drone strike on Russian tanks."
    assert ("Ukraine", "combat", "Russia", "Ukraine", "affirm") in tuples(ex, text)


def test_footage_of_a_strike_on_ones_own_side_is_not_ones_own_strike(ex: Extractor) -> None:
    text = "Armenia's defence ministry published footage of a drone strike on Armenian troops."
    assert not any(c.subject == "Armenia" for c in claims(ex, text))


def test_forces_massed_near_a_place_are_not_sent_to_it(ex: Extractor) -> None:
    # "near" locates an attack's target only: massing at home sends nobody anywhere
    for c in claims(ex, "Armenia massed 5,000 troops near Nagorno-Karabakh."):
        assert c.recipient is None


def test_a_clash_over_a_topic_is_a_quarrel_not_fighting(ex: Extractor) -> None:
    assert claims(ex, "Paris and Ankara have also clashed over Libya and the Mediterranean.") == []
    fought = tuples(ex, "Armenian and Azerbaijani forces clashed near the border on Sunday.")
    assert ("Armenia", "combat", "Azerbaijan", "author", "affirm") in fought


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("A fuel dump near Tiraspol was struck by Russian missiles.", "missiles"),
        ("Moldova said the convoy had been hit by Russian artillery.", "artillery"),
        ("A grain silo hit by Russian glide bombs burned for a day.", "bombs"),
    ],
)
def test_passive_attack_uses_the_by_phrase_kit_not_what_it_hit(
    ex: Extractor, text: str, means: str
) -> None:
    found = [c for c in claims(ex, text) if c.relation == "combat"]
    assert found
    assert all(c.subject == "Russia" and c.object == means for c in found)


def test_passive_attack_on_a_sides_kit_makes_that_side_the_target(ex: Extractor) -> None:
    text = "Three Georgian tanks were destroyed by Russian drones near the river."
    found = [c for c in claims(ex, text) if c.relation == "combat"]
    assert [(c.subject, c.object, c.recipient) for c in found] == [("Russia", "drones", "Georgia")]
    text = "Georgia said its only Su-25 was shot down by a Russian MiG-29."
    found = [c for c in claims(ex, text) if c.relation == "combat"]
    assert [(c.subject, c.object) for c in found] == [("Russia", "MiG-29")]


@pytest.mark.parametrize(
    "text",
    [
        "The steady support of Abkhazia by Russia has lasted for years.",
        "Observers said the backing of Abkhazia by Russia was the decisive factor.",
        "Few expected such loud support of Abkhazia by Moscow during the talks.",
    ],
)
def test_of_phrase_before_a_by_phrase_is_the_side_backed(ex: Extractor, text: str) -> None:
    found = {(c.subject, c.relation, c.recipient) for c in claims(ex, text)}
    assert ("Russia", "political_support", "Abkhazia") in found
    assert not any(s == "Abkhazia" for s, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Belgrade accused Kosovars of firing on its border posts.",
        "Belgrade accused the Kosovars of attacking its police stations.",
        "Serbia accused Kosovars of firing on Serbia's customs posts.",
    ],
)
def test_attack_on_what_a_side_owns_targets_that_side(full: Extractor, text: str) -> None:
    assert ("Kosovo", "combat", "Serbia", "Serbia", "affirm") in tuples(full, text)


def test_attack_on_the_attackers_own_posts_names_no_target(full: Extractor) -> None:
    text = "Kosovo said its gunners fired on their own posts by mistake."
    assert all(t[2] != "Kosovo" for t in tuples(full, text))


@pytest.mark.parametrize(
    "text",
    [
        "Minsk stands by Moldova in this crisis.",
        "Belarus stood by its Moldovan partners all year.",
        "Belarus is standing by the Moldovan government.",
    ],
)
def test_preposition_ending_a_support_verb_takes_the_side_as_its_object(
    ex: Extractor, text: str
) -> None:
    assert ("Belarus", "political_support", "Moldova", "author", "affirm") in tuples(ex, text)


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes launched by Russian aircraft hit the market.",
        "The strike was carried out by Russian helicopters, the monitor said.",
        "The night attack was reportedly conducted by Russian paratroopers.",
        "The shelling was believed to have been carried out by Russian artillery.",
    ],
)
def test_nominal_attack_with_a_light_participle_and_a_by_phrase(ex: Extractor, text: str) -> None:
    assert any(c.subject == "Russia" and c.relation == "combat" for c in claims(ex, text))


def test_an_attack_judged_by_someone_is_not_theirs(ex: Extractor) -> None:
    text = "The raid was condemned by Russia and praised by nobody."
    assert not any(c.subject == "Russia" and c.relation == "combat" for c in claims(ex, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Ossetian militia is backed by air strikes launched by Russia.",
        "Ossetian units were supported by air strikes carried out by Russian jets.",
        "The separatists were backed by artillery strikes launched by Russia near the pass.",
    ],
)
def test_backing_by_an_attack_is_that_attack_not_diplomacy(ex: Extractor, text: str) -> None:
    found = claims(ex, text)
    assert any(c.subject == "Russia" and c.relation == "combat" for c in found)
    assert not any(c.relation == "political_support" for c in found)


def test_killed_by_shelling_still_names_no_shooter(ex: Extractor) -> None:
    assert claims(ex, "Ten people were killed by shelling near the pass.") == []
