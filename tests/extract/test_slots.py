"""Slot fixes: the right event with the right subject, recipient, speaker and object."""

from __future__ import annotations

from corroborate.extract import Extractor
from tests.conftest import claims


def test_trailing_according_to_source_is_not_a_recipient(ex: Extractor) -> None:
    text = (
        "Afghan fighters paid by Tehran were photographed near Aleppo, according to the French "
        "weekly that ran the pictures."
    )
    (c,) = claims(ex, text)
    assert (c.subject, c.relation, c.recipient) == ("Iran", "foreign_fighters", None)


def test_named_base_after_from_is_a_place_not_the_object(ex: Extractor) -> None:
    assert not [
        c
        for c in claims(ex, "Iranian drones operated from the Shayrat airbase last spring.")
        if c.object == "airbase"
    ]


def test_possessor_inside_an_apposition_is_not_the_subject(ex: Extractor) -> None:
    (c,) = claims(ex, "Greece, Turkey's neighbour across the Aegean, openly backed Armenia.")
    assert (c.subject, c.relation, c.recipient) == ("Greece", "political_support", "Armenia")


def test_veto_benefits_the_party_the_resolution_targets(ex: Extractor) -> None:
    (c,) = claims(ex, "Russia vetoed a Security Council resolution on Syria.")
    assert (c.subject, c.relation, c.recipient) == ("Russia", "political_support", "Syria")
    (c,) = claims(ex, "The United States vetoed a draft resolution critical of Israel.")
    assert c.recipient == "Israel"


def test_state_aircraft_sent_in_a_passive_are_the_state_s_deployment(ex: Extractor) -> None:
    (c,) = claims(ex, "More Turkish F-16 jets were sent to the front in August.")
    assert (c.subject, c.relation, c.recipient) == ("Turkey", "troop_deployment", None)


def test_its_after_a_named_force_is_that_force_s_owner(ex: Extractor) -> None:
    text = (
        "Tehran said it had sent no soldiers to Yemen. "
        "The Russian contingent in Syria stayed at its bases."
    )
    last = claims(ex, text)[-1]
    assert (last.subject, last.relation, last.recipient) == ("Russia", "troop_deployment", "Syria")


def test_veto_of_a_move_against_a_leader_benefits_the_leader_s_state(ex: Extractor) -> None:
    (c,) = claims(ex, "China vetoed a UN move to sanction Assad.")
    assert (c.subject, c.recipient) == ("China", "Syria")


def test_a_place_under_attack_is_no_attacker(ex: Extractor) -> None:
    assert not [c for c in claims(ex, "Kyiv came under missile attack overnight.") if c.subject]


def test_demonym_on_the_goods_of_a_sales_noun_is_the_seller(ex: Extractor) -> None:
    text = "Greece summoned the envoy from Ankara over Turkish arms sales to Tripoli."
    (c,) = claims(ex, text)
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Turkey",
        "arms_supply",
        "arms",
        "Libya",
    )


def test_weapon_word_before_support_makes_it_arms_supply(ex: Extractor) -> None:
    (c,) = claims(ex, "Israel's drone support to Baku was decisive.")
    assert (c.subject, c.relation, c.recipient) == ("Israel", "arms_supply", "Azerbaijan")


def test_demonym_on_private_groups_is_not_the_state(ex: Extractor) -> None:
    text = "Canada-based Lebanese groups collected donations and sent volunteers to fight in Syria."
    assert not [c for c in claims(ex, text) if c.subject == "Lebanon"]


def test_on_an_actor_s_payroll_names_the_passive_s_agent(ex: Extractor) -> None:
    (c,) = claims(ex, "Afghan volunteers were shipped to Syria on Iran's payroll.")
    assert (c.subject, c.relation, c.recipient) == ("Iran", "foreign_fighters", "Syria")


def test_people_flown_on_a_state_s_transports_are_that_state_s_logistics(ex: Extractor) -> None:
    text = "Hezbollah fighters were flown from Beirut to Damascus on Iranian cargo planes."
    (c,) = claims(ex, text)
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Iran",
        "logistics",
        "cargo planes",
        "Syria",
    )


def test_people_flown_on_unowned_flights_keep_the_flights_as_object(ex: Extractor) -> None:
    (c,) = claims(ex, "Afghan recruits were flown to Damascus on chartered flights.")
    assert (c.subject, c.relation, c.object) == (None, "logistics", "chartered flights")


def test_recruits_carried_by_a_verb_are_cargo_not_a_second_act(ex: Extractor) -> None:
    text = "Iranian cargo planes ferried Afghan recruits from Mashhad to Damascus."
    assert [c.relation for c in claims(ex, text)] == ["logistics"]


def test_its_official_after_the_clause_speaks_for_the_clause_subject(ex: Extractor) -> None:
    text = "The CSTO has not deployed troops to Armenia, its secretary general said."
    (c,) = claims(ex, text)
    assert (c.subject, c.speaker, c.polarity) == ("CSTO", "CSTO", "deny")


def test_capitalised_may_inside_a_sentence_is_a_month_not_a_hedge(ex: Extractor) -> None:
    (c,) = claims(ex, "Iranian drones were delivered to Russia in May, Kyiv said.")
    assert (c.speaker, c.hedged) == ("Ukraine", False)


def test_named_owner_before_an_unlisted_command_name_speaks(ex: Extractor) -> None:
    text = "Iranian drones were delivered to Russia, the US Central Command said."
    (c,) = claims(ex, text)
    assert (c.speaker, c.hedged) == ("United States", False)


def test_equipment_moved_with_own_troops_is_no_arms_supply(ex: Extractor) -> None:
    text = "Turkey moved soldiers and tanks to its frontier with Syria last week."
    assert [c.relation for c in claims(ex, text)] == ["troop_deployment"]
    text = "Islamabad had supplied no rifles or troops to either side."
    assert "arms_supply" in {c.relation for c in claims(ex, text)}


def test_a_trigger_word_inside_an_outlet_name_is_no_act(ex: Extractor) -> None:
    text = "Turkish commandos were seen near Afrin, the Kurdistan Dispatch reported."
    assert {c.speaker for c in claims(ex, text)} == {"Kurdistan Dispatch"}


def test_revolutionary_guard_victims_make_iran_the_target(ex: Extractor) -> None:
    (c,) = claims(ex, "An American drone strike killed two IRGC officers near Baghdad.")
    assert (c.subject, c.relation, c.recipient) == ("United States", "combat", "Iran")


def test_strikes_on_sanaa_target_the_houthis_who_hold_it(ex: Extractor) -> None:
    (c,) = claims(ex, "Saudi warplanes struck Sanaa overnight.")
    assert (c.subject, c.relation, c.recipient) == ("Saudi Arabia", "combat", "Houthis")


def test_a_group_s_own_fighters_helping_a_side_fight(ex: Extractor) -> None:
    (c,) = claims(ex, "Hezbollah fighters helped Syrian troops in the battle for Qusayr.")
    assert (c.subject, c.relation, c.recipient) == ("Hezbollah", "combat", "Syria")


def test_an_offensive_others_helped_plan_is_training_only(ex: Extractor) -> None:
    text = "Russian officers helped plan the 2015 Latakia offensive."
    assert [c.relation for c in claims(ex, text)] == ["training"]


def test_officers_helping_with_planning_advise_rather_than_fight(ex: Extractor) -> None:
    # the contract: officers advising a side's operations are training, not combat
    for text in (
        "Belarusian officers may have helped with planning the siege.",
        "Egyptian staff officers assisted in planning the river crossing.",
    ):
        assert [c.relation for c in claims(ex, text)] == ["training"], text


def test_aircraft_sent_with_relief_cargo_are_transport(ex: Extractor) -> None:
    (c,) = claims(ex, "Ankara sent two helicopters carrying relief supplies to Aleppo.")
    assert (c.subject, c.relation, c.object) == ("Turkey", "logistics", "helicopters")


def test_an_armed_group_recruits_into_its_own_ranks(ex: Extractor) -> None:
    (c,) = claims(ex, "Hezbollah recruited hundreds of volunteers to Syria and Iraq.")
    assert (c.subject, c.relation, c.recipient) == ("Hezbollah", "foreign_fighters", None)


def test_the_object_of_helped_is_the_subject_of_the_bare_infinitive(ex: Extractor) -> None:
    text = "Turkish drones helped Azerbaijani troops recapture Jabrayil."
    found = {(c.subject, c.relation) for c in claims(ex, text)}
    assert found == {("Turkey", "combat"), ("Azerbaijan", "combat")}
