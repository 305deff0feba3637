"""Extractor behaviour on hand-built sentences: one mechanism per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.extract import Extractor, default_kb, load_kb
from corroborate.extract.kb import bundled_lexicons
from tests.conftest import claims, tuples


def test_asserted_supply_with_double_object(ex: Extractor) -> None:
    (c,) = claims(ex, "Israel sold Azerbaijan Harop loitering munitions in 2016.")
    assert (c.subject, c.relation, c.object, c.recipient) == (
        "Israel",
        "arms_supply",
        "Harop",
        "Azerbaijan",
    )
    assert (c.speaker, c.polarity, c.hedged) == ("author", "affirm", False)
    assert c.cameo == "072"


def test_evidence_offsets_point_into_the_text(ex: Extractor) -> None:
    text = "On Monday the Kremlin said Moscow had delivered S-300 systems to Armenia."
    (c,) = claims(ex, text)
    assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert "delivered" in c.evidence.text
    assert (c.subject, c.speaker, c.recipient) == ("Russia", "Russia", "Armenia")


def test_accusation_and_backward_denial(ex: Extractor) -> None:
    found = tuples(
        ex, "Armenia accused Turkey of sending mercenaries to Azerbaijan, which Ankara denied."
    )
    assert ("Turkey", "foreign_fighters", "Azerbaijan", "Armenia", "affirm") in found
    assert ("Turkey", "foreign_fighters", "Azerbaijan", "Turkey", "deny") in found


def test_denial_in_the_next_sentence(ex: Extractor) -> None:
    text = "Baku said Russian cargo planes flew weapons to Armenia. Moscow denied it."
    found = tuples(ex, text)
    assert any(t[0] == "Russia" and t[3] == "Azerbaijan" and t[4] == "affirm" for t in found)
    assert any(t[0] == "Russia" and t[3] == "Russia" and t[4] == "deny" for t in found)


def test_self_denial_and_negation(ex: Extractor) -> None:
    assert ("Pakistan", "troop_deployment", None, "Pakistan", "deny") in tuples(
        ex, "Pakistan denied sending troops."
    )
    found = tuples(ex, "Iran said it had not supplied drones to Russia.")
    assert ("Iran", "arms_supply", "Russia", "Iran", "deny") in found


def test_inverted_attribution(ex: Extractor) -> None:
    (c,) = claims(ex, "Turkish F-16s were stationed in Ganja, the Armenian defence ministry said.")
    assert (c.subject, c.relation, c.speaker) == ("Turkey", "troop_deployment", "Armenia")


def test_according_to_and_hedges(ex: Extractor) -> None:
    (c,) = claims(
        ex, "According to the Syrian Observatory, Turkey reportedly recruited 300 Syrian fighters."
    )
    assert c.speaker == "Syrian Observatory for Human Rights"
    assert (c.subject, c.relation, c.hedged) == ("Turkey", "foreign_fighters", True)
    assert c.quantity is not None and (c.quantity.low, c.quantity.high) == (300, 300)


def test_actor_lists_give_one_claim_each(ex: Extractor) -> None:
    found = tuples(ex, "Turkey and Pakistan backed Azerbaijan diplomatically.")
    assert found == {
        ("Turkey", "political_support", "Azerbaijan", "author", "affirm"),
        ("Pakistan", "political_support", "Azerbaijan", "author", "affirm"),
    }


def test_passive_with_agent(ex: Extractor) -> None:
    (c,) = claims(ex, "The drones were supplied by Turkey to Azerbaijan.")
    assert (c.subject, c.relation, c.recipient) == ("Turkey", "arms_supply", "Azerbaijan")


def test_quantity_ranges(ex: Extractor) -> None:
    (c,) = claims(ex, "Armenia mobilised 45,000-50,000 troops.")
    assert c.relation == "force_size"
    assert c.quantity is not None and (c.quantity.low, c.quantity.high, c.quantity.unit) == (
        45000, 50000, "troops",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will send troops if Azerbaijan asks.",
        "Russia urged Turkey to withdraw its advisers.",
        "Did Iran ship weapons to Armenia?",
        "Turkish support does not compare to what Moscow offered.",
        "The occupiers fled as the liberation of the territories began.",
    ],
)
def test_traps_give_no_claim(ex: Extractor, text: str) -> None:
    assert claims(ex, text) == []


def test_framing_markers_are_tagged_not_claimed(ex: Extractor) -> None:
    result = ex.extract("Baku hailed the de-occupation of the occupied territories.", doc="t")
    assert result.claims == []
    assert {(m.term, m.side) for m in result.framing} == {
        ("de-occupation", "azerbaijani"),
        ("occupied territories", "azerbaijani"),
    }


def test_repeated_claim_is_one_claim_with_mentions(ex: Extractor) -> None:
    text = "Turkey sold drones to Azerbaijan. Later, Turkey sold more drones to Azerbaijan."
    (c,) = claims(ex, text)
    assert len(c.mentions) == 2


def test_user_lexicons_extend_the_bundled_ones(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(
        "actors:\n  - name: Ruritania\n    aliases: [Ruritania]\n    demonyms: [Ruritanian]\n"
    )
    kb = load_kb([bundled_lexicons(), tmp_path])
    base = default_kb()
    assert kb.fingerprint != base.fingerprint  # a lexicon change is a new extractor version
    (c,) = Extractor(kb).extract("Ruritania sold drones to Armenia.", doc="t").claims
    assert c.subject == "Ruritania"
    assert Extractor(base).extract("Ruritania sold drones to Armenia.", doc="t").claims == []


def test_bad_lexicon_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("actors: [\n")
    with pytest.raises(ValueError, match=r"bad.yaml: not valid YAML"):
        load_kb([tmp_path])


def test_passive_attacks_need_an_agent_and_subordinators_open_clauses(ex: Extractor) -> None:
    assert claims(ex, "On Monday a Russian Mi-24 helicopter was shot down over Armenia.") == []
    found = tuples(ex, "The Su-25 was shot down by a Turkish F-16, Armenia said.")
    assert ("Turkey", "combat", None, "Armenia", "affirm") in found
    after = tuples(
        ex, "Ankara pledged support after Armenian forces attacked Azerbaijani positions."
    )
    assert ("Armenia", "combat", "Azerbaijan", "author", "affirm") in after


def test_owned_claims_dates_and_approximate_figures(ex: Extractor) -> None:
    found = tuples(ex, "Armenia's claim that a Turkish F-16 shot down its jet was rejected.")
    assert any(t[0] == "Turkey" and t[3] == "Armenia" for t in found)
    (dated,) = claims(ex, "Armenia said on 29 September that a Turkish F-16 attacked its jets.")
    assert dated.quantity is None  # the 29 is a date
    (about,) = claims(ex, "Russia sent about 4,000 fighters to Armenia.")
    assert about.quantity is not None and about.quantity.low == 4000
    (sent,) = claims(ex, "Turkey sent F-16s to Azerbaijan.")
    assert sent.relation == "troop_deployment"  # its own aircraft: deployed, not supplied


def test_infinitive_complement_of_a_say_verb_has_the_speaker_as_subject(ex: Extractor) -> None:
    found = tuples(ex, "Karabakh forces claimed to have downed four Azerbaijani drones.")
    assert ("Nagorno-Karabakh", "combat", "Azerbaijan", "Nagorno-Karabakh", "affirm") in found


def test_the_enemy_in_a_sides_own_words_is_its_adversary(ex: Extractor) -> None:
    found = tuples(ex, 'The Azeri defence ministry said: "The enemy fired at Tartar."')
    assert ("Armenia", "combat", None, "Azerbaijan", "affirm") in found
    karabakh = tuples(ex, "The enemy fired at Stepanakert, the Karabakh army said.")
    assert ("Azerbaijan", "combat", "Nagorno-Karabakh", "Nagorno-Karabakh", "affirm") in karabakh
    assert tuples(ex, "The enemy fired at Stepanakert.") == set()  # the author names nobody


def test_responsible_for_and_behind_an_attack_name_its_actor(ex: Extractor) -> None:
    found = tuples(ex, "Armenia said Azerbaijan was responsible for the shelling.")
    assert ("Azerbaijan", "combat", None, "Armenia", "affirm") in found
    behind = tuples(ex, "Washington said Iran was behind the drone strike on Abqaiq.")
    assert ("Iran", "combat", None, "United States", "affirm") in behind


def test_regime_and_coalition_kit_belongs_to_the_state_or_leader_named(ex: Extractor) -> None:
    text = "The US-led coalition struck Raqqa. Coalition war planes carried out 12 air strikes."
    assert ("United States", "combat", None, "author", "affirm") in tuples(ex, text)
    regime = tuples(ex, "The Syrian regime denied it. Regime planes struck Hasakeh.")
    assert ("Syria", "combat", None, "author", "affirm") in regime
    # no coalition leader named: nobody's planes
    assert tuples(ex, "Turkey closed its border. Coalition war planes struck Raqqa.") == set()


def test_plural_demonyms_recruited_are_people_not_their_state(ex: Extractor) -> None:
    (c,) = claims(ex, "Syrians were being paid by Turkey to fight in Karabakh.")
    assert (c.subject, c.relation, c.object) == ("Turkey", "foreign_fighters", "Syrians")
    assert ("Armenia", "combat", None, "author", "affirm") in tuples(
        ex, "The Armenians shelled Tartar."
    )


def test_an_attack_noun_after_an_article_and_modifiers_is_no_verb(ex: Extractor) -> None:
    assert tuples(ex, "Turkey condemns the suspected chemical attack on Idlib.") == set()


def test_fighters_on_the_move_to_a_place(ex: Extractor) -> None:
    assert tuples(ex, "Turkey said Syrian fighters were travelling to Azerbaijan.") == {
        ("unspecified", "foreign_fighters", "Azerbaijan", "Turkey", "affirm")
    }
    assert ("Russia", "troop_deployment", "Belarus", "author", "affirm") in tuples(
        ex, "Russian troops headed to Belarus."
    )
    (c,) = claims(ex, "Thousands of militia fighters were bused to the front.")
    assert (c.subject, c.relation, c.object) == (None, "logistics", "militia fighters")
    assert tuples(ex, "Turkish officials travelled to Baku.") == set()


def test_a_quotation_over_sentences_is_its_closing_speakers(ex: Extractor) -> None:
    text = (
        '"The enemy shelled our villages overnight. We will respond," '
        "the Armenian defence ministry said."
    )
    assert ("Azerbaijan", "combat", "Armenia", "affirm") in {
        (c.subject, c.relation, c.speaker, c.polarity) for c in claims(ex, text)
    }
    # a sentence before the quotation opens keeps its own voice
    text = 'Azerbaijani forces shelled Stepanakert. "We returned fire," the ministry said.'
    assert {c.speaker for c in claims(ex, text) if c.subject == "Azerbaijan"} == {"author"}


def test_it_is_the_subject_of_a_sentence_the_parser_skipped(full: Extractor) -> None:
    # the middle sentence has an actor but no act, so only the rule stage reads it; "it" is
    # still that sentence's subject, not the last one the parser saw
    text = (
        "Ankara promised to back Azerbaijan with all available means. Russia co-chairs a "
        "mediation group with France and the United States. It maintains a military base in "
        "Armenia."
    )
    found = {(c.subject, c.relation) for c in claims(full, text)}
    assert ("Russia", "troop_deployment") in found
    assert ("Turkey", "troop_deployment") not in found
