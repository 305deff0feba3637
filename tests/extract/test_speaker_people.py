"""People quoted by surname alone speak for the state their office was named with, wherever the
text named them: before the name ("the Brazilian Foreign Minister Tomas Vellano"), possessive
("Brazil's defence minister, Tomas Vellano") or in apposition ("Tomas Vellano, the Brazilian
foreign minister"). Sentences are our own; the people are invented."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from corroborate.extract.kb import default_kb
from corroborate.extract.parse.referents import Referents


def _people(full: Extractor, text: str) -> dict[str, tuple[str, str]]:
    assert full.parser is not None
    return Referents.of(text, full.kb, full.parser.lex.army_words).people


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        ("Brazilian Foreign Minister Tomas Vellano opened the fair.", "Vellano", "Brazil"),
        ("Tomas Vellano, Brazil's foreign minister, opened the fair.", "Vellano", "Brazil"),
        ("Tomas Vellano, the Brazilian foreign minister, opened the fair.", "Vellano", "Brazil"),
        ("Brazil's defence minister, Tomas Vellano, opened the fair.", "Vellano", "Brazil"),
        ("Norwegian Vice President Ada Strandvik opened the fair.", "Strandvik", "Norway"),
        ("The US Secretary of State Ada Strandvik opened the fair.", "Strandvik", "United States"),
        ("Norway's deputy foreign minister Ada Strandvik opened the fair.", "Strandvik", "Norway"),
    ],
)
def test_an_office_named_with_a_state_ties_its_holder(
    full: Extractor, text: str, person: str, state: str
) -> None:
    assert _people(full, text).get(person) == (state, "actor")


@pytest.mark.parametrize(
    "text",
    [
        # no longer in office: speaks for no state
        "Former Brazilian president Tomas Vellano opened the fair.",
        "Tomas Vellano, a former Brazilian minister, opened the fair.",
        # an occupation, not an office of the state
        "Brazilian striker Tomas Vellano scored twice.",
    ],
)
def test_no_office_or_a_former_one_ties_nobody(full: Extractor, text: str) -> None:
    assert "Vellano" not in _people(full, text)


def test_a_verb_between_a_state_and_an_office_is_no_title(full: Extractor) -> None:
    # Norway is the one who urges: Vellano holds Brazil's office, not Norway's
    text = "Norway urged Brazilian President Tomas Vellano to come."
    assert _people(full, text).get("Vellano") == ("Brazil", "actor")


@pytest.mark.parametrize(
    "intro",
    [
        "Brazilian Foreign Minister Tomas Vellano met the Portuguese president on Monday.",
        "Tomas Vellano, Brazil's foreign minister, met the Portuguese president on Monday.",
        "Brazil's defence minister, Tomas Vellano, met the Portuguese president on Monday.",
    ],
)
def test_a_surname_quoted_later_speaks_for_the_state(full: Extractor, intro: str) -> None:
    text = f"{intro}\n\nVellano said Russia had supplied drones to Venezuela."
    claims = [c for c in full.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Brazil"}


def test_a_vice_president_quoted_by_surname_speaks_for_her_state(full: Extractor) -> None:
    text = (
        "Norwegian Vice President Ada Strandvik toured the harbour in the morning.\n\n"
        "Strandvik said Russia had supplied drones to Venezuela."
    )
    claims = [c for c in full.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Norway"}


@pytest.fixture(scope="module")
def ruritania(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    folder = tmp_path_factory.mktemp("kb")
    (folder / "ruritania.yaml").write_text(
        "actors:\n"
        "  - name: Ruritania\n"
        "    type: state\n"
        "    aliases: [Ruritania]\n"
        "    demonyms: [Ruritanian]\n"
        "    people: [Hedda Marlowe-Quist, Osric Tannenbaum]\n",
        encoding="utf-8",
    )
    return Extractor(default_kb(extra=(str(folder),)))


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Osric Tannenbaum flew home on Monday.", "Tannenbaum"),
        ("On Monday, Hedda Marlowe-Quist flew home.", "Marlowe-Quist"),
    ],
)
def test_a_known_officials_surname_is_tied_after_the_full_name(
    ruritania: Extractor, text: str, surname: str
) -> None:
    assert ruritania.parser is not None
    found = Referents.of(text, ruritania.kb, ruritania.parser.lex.army_words).people
    assert found.get(surname) == ("Ruritania", "actor")


def test_a_known_official_quoted_by_surname_speaks_for_the_state(ruritania: Extractor) -> None:
    text = (
        "Osric Tannenbaum toured the harbour in the morning.\n\n"
        "Tannenbaum said Russia had supplied drones to Venezuela."
    )
    claims = [c for c in ruritania.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Ruritania"}


def test_a_surname_alone_ties_nobody_without_the_full_name(ruritania: Extractor) -> None:
    text = "Tannenbaum said Russia had supplied drones to Venezuela."
    claims = [c for c in ruritania.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Tannenbaum"}


def test_every_official_belongs_to_an_actor_the_knowledge_base_knows(full: Extractor) -> None:
    import yaml

    from corroborate.extract.kb import bundled_lexicons

    path = bundled_lexicons("en") / "officials.yaml"
    table = yaml.safe_load(path.read_text(encoding="utf-8"))["officials"]
    assert table
    for actor, people in table.items():
        assert actor in full.kb.actor_types, actor
        for person in people:
            assert len(person.split()) >= 2, person  # full names only: surnames come from text


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Ada Strandvik, Norway's top diplomat, toured the harbour.", "Norway"),
        ("Ada Strandvik, the Norwegian government's spokeswoman, toured the harbour.", "Norway"),
        ("Ada Strandvik, spokeswoman for the Norwegian foreign ministry, toured it.", "Norway"),
        ("Ada Strandvik, envoy of the Norwegian Foreign Ministry, toured the harbour.", "Norway"),
        ("NATO Secretary General Ada Strandvik toured the harbour.", "NATO"),
    ],
)
def test_more_offices_tie_their_holder(full: Extractor, text: str, owner: str) -> None:
    assert _people(full, text).get("Strandvik") == (owner, "actor")


def test_an_institute_named_after_a_state_is_no_office_of_it(full: Extractor) -> None:
    text = "Ada Strandvik, director of the Norwegian Institute of Maritime Studies, spoke."
    assert _people(full, text).get("Strandvik") != ("Norway", "actor")


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_name_joined_by_a_no_break_space_is_one_person(full: Extractor, space: str) -> None:
    text = (
        f"Norwegian Navy Commander Ada{space}Strandvik toured the harbour on Monday.\n\n"
        "Strandvik said Russia had supplied drones to Venezuela."
    )
    claims = [c for c in full.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Norway"}
    for c in full.extract(text, doc="t").claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_a_family_name_written_first_is_the_name_a_later_mention_uses(full: Extractor) -> None:
    # officials.yaml: China writes the family name first ("Lin Jian ... Lin said")
    text = "Lin Jian took questions on Monday. Lin said Beijing had never sent drones to Russia."
    people = _people(full, text)
    assert people.get("Lin") == ("China", "actor")
    assert "Jian" not in people
