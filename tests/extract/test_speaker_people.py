"""People quoted by surname alone speak for the state their office was named with, wherever the
text named them: before the name ("the Brazilian Foreign Minister Tomas Vellano"), possessive
("Brazil's defence minister, Tomas Vellano") or in apposition ("Tomas Vellano, the Brazilian
foreign minister"). Sentences are our own; the people are invented."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from corroborate.extract.parse.referents import Referents


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _people(ex: Extractor, text: str) -> dict[str, tuple[str, str]]:
    assert ex.parser is not None
    return Referents.of(text, ex.kb, ex.parser.lex.army_words).people


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
    ex: Extractor, text: str, person: str, state: str
) -> None:
    assert _people(ex, text).get(person) == (state, "actor")


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
def test_no_office_or_a_former_one_ties_nobody(ex: Extractor, text: str) -> None:
    assert "Vellano" not in _people(ex, text)


def test_a_verb_between_a_state_and_an_office_is_no_title(ex: Extractor) -> None:
    # Norway is the one who urges: Vellano holds Brazil's office, not Norway's
    text = "Norway urged Brazilian President Tomas Vellano to come."
    assert _people(ex, text).get("Vellano") == ("Brazil", "actor")


@pytest.mark.parametrize(
    "intro",
    [
        "Brazilian Foreign Minister Tomas Vellano met the Portuguese president on Monday.",
        "Tomas Vellano, Brazil's foreign minister, met the Portuguese president on Monday.",
        "Brazil's defence minister, Tomas Vellano, met the Portuguese president on Monday.",
    ],
)
def test_a_surname_quoted_later_speaks_for_the_state(ex: Extractor, intro: str) -> None:
    text = f"{intro}\n\nVellano said Russia had supplied drones to Venezuela."
    claims = [c for c in ex.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Brazil"}


def test_a_vice_president_quoted_by_surname_speaks_for_her_state(ex: Extractor) -> None:
    text = (
        "Norwegian Vice President Ada Strandvik toured the harbour in the morning.\n\n"
        "Strandvik said Russia had supplied drones to Venezuela."
    )
    claims = [c for c in ex.extract(text, doc="t").claims if c.subject == "Russia"]
    assert {c.speaker for c in claims} == {"Norway"}
