"""Transfers told from the receiving side: the recipient is the grammatical subject."""

from __future__ import annotations

from corroborate.extract import Extractor
from tests.conftest import claims


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


def test_bradley_is_its_own_vehicle(ex: Extractor) -> None:
    (c,) = claims(ex, "Washington shipped Bradley fighting vehicles to Kyiv.")
    assert (c.subject, c.object, c.recipient) == ("United States", "Bradley", "Ukraine")


def test_handed_with_double_object(ex: Extractor) -> None:
    (c,) = claims(ex, "Tehran handed Moscow hundreds of Shahed drones.")
    assert (c.subject, c.relation, c.recipient) == ("Iran", "arms_supply", "Russia")


def test_compound_noun_delivery_names_its_cargo(ex: Extractor) -> None:
    (c,) = claims(ex, "Germany paid for artillery deliveries to Ukraine.")
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Germany",
        "arms_supply",
        "artillery",
        "Ukraine",
    )


def test_demonym_on_compound_cargo_names_the_supplier(ex: Extractor) -> None:
    (c,) = claims(ex, "Turkish ammunition deliveries to Baku resumed in October.")
    assert (c.subject, c.recipient) == ("Turkey", "Azerbaijan")


def test_refusal_to_arm_is_an_author_denial(ex: Extractor) -> None:
    (c,) = claims(ex, "Georgia refused to supply weapons to Armenia.")
    assert (c.subject, c.recipient, c.speaker, c.polarity) == (
        "Georgia",
        "Armenia",
        "author",
        "deny",
    )


def test_coordinated_verbs_share_their_object(ex: Extractor) -> None:
    text = "Ankara armed and trained the newly created Syrian National Army against the Kurds."
    found = {(c.subject, c.relation, c.recipient) for c in claims(ex, text)}
    assert ("Turkey", "arms_supply", "Syrian National Army") in found
    assert ("Turkey", "training", "Syrian National Army") in found


def test_letting_troops_use_territory_is_logistics_for_their_side(ex: Extractor) -> None:
    (c,) = claims(ex, "Minsk let Russian units use its roads during the offensive.")
    assert (c.subject, c.relation, c.recipient, c.polarity) == (
        "Belarus",
        "logistics",
        "Russia",
        "affirm",
    )


def test_denied_letting_cargo_cross_goes_to_the_denier(ex: Extractor) -> None:
    (c,) = claims(ex, "Turkey denied letting Iranian weapons cross its territory to Syria.")
    assert (c.subject, c.relation, c.recipient, c.speaker, c.polarity) == (
        "Turkey",
        "logistics",
        "Syria",
        "Turkey",
        "deny",
    )


def test_barring_flights_from_crossing_is_a_denial_per_destination(ex: Extractor) -> None:
    found = {
        (c.subject, c.relation, c.recipient, c.polarity)
        for c in claims(
            ex, "Ankara banned cargo planes bound for Russia from crossing its airspace."
        )
    }
    assert found == {("Turkey", "logistics", "Russia", "deny")}


def test_cargo_crossing_airspace_is_carried_by_its_owner(ex: Extractor) -> None:
    (c,) = claims(ex, "Iranian arms shipments were crossing Iraqi territory to reach Syria.")
    assert (c.subject, c.relation, c.recipient) == ("Iran", "logistics", "Syria")


def test_warplanes_crossing_airspace_carry_nothing(ex: Extractor) -> None:
    assert not [
        c
        for c in claims(ex, "Turkish F-16s crossed Armenian airspace.")
        if c.relation == "logistics"
    ]


def test_scheme_owner_is_the_supplier(ex: Extractor) -> None:
    (c,) = claims(ex, "Kyiv received Stinger missiles under a Pentagon assistance programme.")
    assert (c.subject, c.relation, c.recipient) == ("United States", "arms_supply", "Ukraine")


def test_transit_place_is_not_the_supplier(ex: Extractor) -> None:
    (c,) = claims(ex, "Armenia received shells through Iran.")
    assert (c.subject, c.recipient) == (None, "Armenia")


def test_cia_is_the_united_states(ex: Extractor) -> None:
    (c,) = claims(ex, "The CIA supplied anti-tank missiles to the Free Syrian Army.")
    assert (c.subject, c.recipient) == ("United States", "Free Syrian Army")


def test_civilians_receiving_a_shipment_is_no_arms_claim(ex: Extractor) -> None:
    assert not claims(ex, "Residents of the town received a Turkish shipment of flour.")


def test_acquiring_verb_with_no_buyer_and_no_frame_is_no_claim(ex: Extractor) -> None:
    assert not claims(ex, "Importing Turkish drones quickly became routine.")


def test_arms_leaving_a_states_territory_are_its_exports(ex: Extractor) -> None:
    (c,) = claims(ex, "Berlin said no tanks had left German soil for Ukraine.")
    assert (c.subject, c.relation, c.recipient, c.speaker, c.polarity) == (
        "Germany",
        "arms_supply",
        "Ukraine",
        "Germany",
        "deny",
    )


def test_troops_leaving_a_territory_are_no_export(ex: Extractor) -> None:
    assert not claims(ex, "Russian troops left Armenian territory.")


def test_crossing_into_a_country_names_the_destination(ex: Extractor) -> None:
    (c,) = claims(ex, "Ankara permitted the convoys of weapons to cross its soil into Syria.")
    assert (c.subject, c.relation, c.recipient) == ("Turkey", "logistics", "Syria")
