"""Presence, deployment, movement and force size: forces somewhere, kit parked, flights made."""

from __future__ import annotations

from corroborate.extract import Extractor
from tests.conftest import claims, tuples


def test_plural_su30_is_a_jet(ex: Extractor) -> None:
    found = tuples(ex, "Two Russian Su-30s based in Armenia patrolled the frontier.")
    assert ("Russia", "troop_deployment", "Armenia", "author", "affirm") in found


def test_parked_aircraft_are_present(ex: Extractor) -> None:
    (c,) = claims(ex, "Commercial satellite pictures showed three Russian Su-24s parked in Libya.")
    assert (c.subject, c.relation, c.recipient) == ("Russia", "troop_deployment", "Libya")


def test_embedded_advisers_train(ex: Extractor) -> None:
    found = tuples(ex, "Russian instructors were embedded with Syrian army units.")
    assert ("Russia", "training", None, "author", "affirm") in found


def test_passive_posted_is_presence_not_speech(ex: Extractor) -> None:
    found = tuples(ex, "Turkish troops were posted at observation points near Idlib.")
    assert ("Turkey", "troop_deployment", None, "author", "affirm") in found


def test_with_far_from_the_verb_names_no_side(ex: Extractor) -> None:
    found = tuples(ex, "Turkish troops were posted at observation points under a deal with Moscow.")
    assert {(s, r, rec) for s, r, rec, _, _ in found} == {("Turkey", "troop_deployment", None)}


def test_passive_sent_aircraft_belong_to_the_demonym(ex: Extractor) -> None:
    found = tuples(ex, "More Turkish F-16s were sent to an airfield in Azerbaijan last week.")
    assert ("Turkey", "troop_deployment", "Azerbaijan", "author", "affirm") in found


def test_a_force_that_peaked_at_a_figure(ex: Extractor) -> None:
    (c,) = claims(ex, "Iran's deployment in Syria peaked at roughly 2,500 troops in 2016.")
    assert (c.subject, c.relation, c.object) == ("Iran", "force_size", "troops")
    assert c.quantity is not None and c.quantity.low == 2500


def test_carriers_that_made_flights_count_the_flights(ex: Extractor) -> None:
    (c,) = claims(ex, "Iranian transport aircraft made about 40 flights to Damascus in the spring.")
    assert (c.subject, c.relation, c.object) == ("Iran", "logistics", "flights")
    assert c.recipient == "Syria"
    assert c.quantity is not None and (c.quantity.low, c.quantity.unit) == (40, "flights")


def test_round_trips_are_flights(ex: Extractor) -> None:
    (c,) = claims(ex, "Two Turkish cargo planes made five round trips to Tripoli.")
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Turkey",
        "logistics",
        "round trips",
        "Libya",
    )


def test_a_state_hosting_foreign_troops_is_their_recipient(ex: Extractor) -> None:
    (c,) = claims(ex, "Syria hosts about 5,000 Iranian troops.")
    assert (c.subject, c.relation, c.recipient) == ("Iran", "troop_deployment", "Syria")
    assert c.quantity is not None and c.quantity.low == 5000


def test_a_group_hosted_by_a_state_deploys_its_own_men(ex: Extractor) -> None:
    found = tuples(ex, "Libya hosted Wagner contractors for years.")
    assert found == {("Wagner Group", "troop_deployment", "Libya", "author", "affirm")}


def test_a_base_houses_its_owner_s_troops(ex: Extractor) -> None:
    (c,) = claims(ex, "Turkey's base in Libya houses about 600 soldiers.")
    assert (c.subject, c.relation, c.recipient) == ("Turkey", "troop_deployment", "Libya")


def test_expanded_to_host_more_jets(ex: Extractor) -> None:
    found = tuples(ex, "Russia widened the airfield to host more jets.")
    assert ("Russia", "troop_deployment", None, "author", "affirm") in found


def test_hosting_talks_is_no_deployment(ex: Extractor) -> None:
    assert claims(ex, "Azerbaijan hosted talks with Turkish officials in March.") == []


def test_manning_a_state_s_frontier_is_presence_there(ex: Extractor) -> None:
    found = tuples(ex, "Iranian troops manned Syria's frontier with Israel for a decade.")
    assert found == {("Iran", "troop_deployment", "Syria", "author", "affirm")}


def test_the_noun_man_is_no_presence(ex: Extractor) -> None:
    assert claims(ex, "A man in Russian uniform was seen near the border.") == []


def test_forces_that_reached_a_place_are_there(ex: Extractor) -> None:
    found = tuples(ex, "Turkish commandos reached Tripoli two days later.")
    assert found == {("Turkey", "troop_deployment", "Libya", "author", "affirm")}


def test_reaching_a_deal_is_no_presence(ex: Extractor) -> None:
    assert claims(ex, "Russia and Turkey reached a deal on Idlib in Sochi.") == []


def test_joined_by_forces_puts_them_there(ex: Extractor) -> None:
    (c,) = claims(ex, "The monitors were joined in late 2019 by Russian officers in Syria.")
    assert (c.subject, c.relation, c.object) == ("Russia", "troop_deployment", "officers")
    assert c.quantity is None  # "late 2019" is a date


def test_forces_in_a_country_stay_there(ex: Extractor) -> None:
    text = "Iran denied sending troops to Yemen. Iranian units in Syria remained at their bases."
    found = tuples(ex, text)
    assert ("Iran", "troop_deployment", "Syria", "author", "affirm") in found


def test_fighters_who_left_for_a_front_go_there(ex: Extractor) -> None:
    (c,) = claims(ex, "About 300 mercenaries left Libya for Azerbaijan in October.")
    assert (c.subject, c.relation, c.recipient) == ("unspecified", "foreign_fighters", "Azerbaijan")
    assert c.quantity is not None and c.quantity.low == 300


def test_leaving_without_a_destination_is_a_withdrawal(ex: Extractor) -> None:
    assert claims(ex, "Russian troops left Syria after the summit.") == []


def test_an_agentless_noun_of_recruitment_with_its_side(ex: Extractor) -> None:
    found = tuples(ex, "Iranian media reported the recruitment of Libyans for Syria.")
    assert found == {("unspecified", "foreign_fighters", "Syria", "Iran", "affirm")}


def test_ranks_swelled_by_fighters_are_fighters_for_that_side(ex: Extractor) -> None:
    found = tuples(ex, "The Syrian army's ranks were swelled by foreign fighters.")
    assert found == {("unspecified", "foreign_fighters", "Syria", "author", "affirm")}


def test_units_reinforced_by_mercenaries_get_fighters(ex: Extractor) -> None:
    (c,) = claims(ex, "Libyan army units were reinforced by foreign mercenaries.")
    assert (c.subject, c.relation, c.recipient) == ("unspecified", "foreign_fighters", "Libya")


def test_armenian_community_groups_are_the_diaspora(ex: Extractor) -> None:
    found = tuples(ex, "Armenian organisations in Canada sent volunteers to Karabakh.")
    assert found == {
        ("Armenian diaspora", "foreign_fighters", "Nagorno-Karabakh", "author", "affirm")
    }


def test_africom_speaks_for_the_united_states(ex: Extractor) -> None:
    text = "Russian Su-24s were flown into Libya, AFRICOM said on Tuesday."
    (c,) = claims(ex, text)
    assert (c.subject, c.relation, c.recipient, c.speaker) == (
        "Russia",
        "troop_deployment",
        "Libya",
        "United States",
    )


def test_the_month_may_is_no_hedge(ex: Extractor) -> None:
    (c,) = claims(ex, "Turkish F-16s were stationed in Azerbaijan in May 2021.")
    assert (c.subject, c.relation, c.hedged) == ("Turkey", "troop_deployment", False)


def test_a_participle_after_a_governed_phrase_has_it_as_subject(ex: Extractor) -> None:
    found = tuples(ex, "Tehran warned about mercenaries from Libya and Syria arriving in Armenia.")
    assert found == {("unspecified", "foreign_fighters", "Armenia", "Iran", "affirm")}


def test_people_flown_on_flights_are_carried_by_the_flights(ex: Extractor) -> None:
    (c,) = claims(ex, "Sudanese recruits were flown to Benghazi on charter flights.")
    assert (c.subject, c.relation, c.object) == (None, "logistics", "charter flights")


def test_an_active_joined_is_no_presence(ex: Extractor) -> None:
    assert claims(ex, "Britain joined the US in saying Syrian forces were to blame.") == []


def test_a_reporter_embedded_with_troops_deploys_nothing(ex: Extractor) -> None:
    assert claims(ex, "A television journalist is embedded with the troops in the district.") == []


def test_only_a_force_mans_a_post(ex: Extractor) -> None:
    assert claims(ex, "They want to man checkpoints as soldiers in Syria.") == []


def test_the_noun_man_before_a_relative_is_no_verb(ex: Extractor) -> None:
    assert claims(ex, "A British man who went to Syria spoke to Turkish media.") == []


def test_goods_brought_by_fighters_are_no_joining(ex: Extractor) -> None:
    found = tuples(ex, "The disease was brought to Mosul by militants.")
    assert all(r != "foreign_fighters" or rec != "Iraq" for _, r, rec, _, _ in found)


def test_a_video_posted_says_nothing_of_presence(ex: Extractor) -> None:
    assert claims(ex, "A video of Syrian militants in Libya was posted online.") == []


def test_a_parked_army_vehicle_is_no_deployment(ex: Extractor) -> None:
    assert claims(ex, "A U.S. Army vehicle is parked outside the station.") == []


def test_may_in_a_headline_still_hedges(ex: Extractor) -> None:
    (c,) = claims(ex, "Officials Believe Turkey May 'Send Troops to Libya'.")
    assert c.hedged
