"""A force's size and the contract's quantity conventions, in both stages."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from corroborate.extract.claim import Claim


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(text, doc="t", language="en").claims


def _parsed(ex: Extractor, text: str) -> list[Claim]:
    assert ex.parser is not None
    found: list[Claim] = ex.parser.extract(text, [(0, len(text))], doc="t")
    return found


def _figure(claims: list[Claim], relation: str) -> tuple[object, ...] | None:
    for c in claims:
        if c.relation == relation and c.quantity is not None:
            return (c.quantity.low, c.quantity.high)
    return None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Chile sent dozens of instructors to Peru.", (24, 99)),
        ("Chile sent hundreds of soldiers to Peru.", (200, 999)),
        ("Chile sent thousands of soldiers to Peru.", (2_000, 9_999)),
        ("Chile sent tens of thousands of soldiers to Peru.", (20_000, 99_999)),
        ("Chile sent at least 700 soldiers to Peru.", (700, None)),
        ("Chile sent more than 1,200 soldiers to Peru.", (1_200, None)),
        ("Chile sent up to 450 soldiers to Peru.", (None, 450)),
        ("Chile sent about 450 soldiers to Peru.", (450, 450)),
    ],
)
def test_vague_and_bounded_figures_follow_the_contract(
    ex: Extractor, text: str, figure: tuple[object, ...]
) -> None:
    claims = _claims(ex, text)
    assert (_figure(claims, "troop_deployment") or _figure(claims, "training")) == figure


def test_a_figure_written_with_its_scale_is_read(ex: Extractor) -> None:
    text = "Brazil has 1.2million soldiers under arms."
    assert _figure(_claims(ex, text), "force_size") == (1_200_000, 1_200_000)


def test_an_open_bound_is_null_in_the_contract_shape(ex: Extractor) -> None:
    (claim,) = [c for c in _claims(ex, "Chile sent up to 450 soldiers to Peru.")]
    assert claim.to_contract()["quantity"] == {"low": None, "high": 450, "unit": "troops"}


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia has stationed some 9,000 soldiers near its frontier with Chile.",
        "Bolivia keeps about 4,000 troops on its southern border.",
    ],
)
def test_a_force_held_near_a_border_with_its_figure_is_a_force_size(
    ex: Extractor, text: str
) -> None:
    acts = {(c.subject, c.relation) for c in _claims(ex, text)}
    assert ("Bolivia", "force_size") in acts
    assert ("Bolivia", "troop_deployment") not in acts


def test_a_figure_stationed_in_a_theatre_stays_a_deployment(ex: Extractor) -> None:
    acts = {(c.subject, c.relation) for c in _claims(ex, "Chile stationed 900 troops in Peru.")}
    assert acts == {("Chile", "troop_deployment")}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Peru's 15,000-strong army was placed on alert.", 15_000),
        ("Peru fielded a 2,500-strong brigade on the frontier.", 2_500),
        ("Its 8,000-strong navy sailed north, Peru said.", 8_000),
    ],
)
def test_a_force_named_with_its_strength_is_its_owners_force_size(
    ex: Extractor, text: str, figure: int
) -> None:
    sized = [c for c in _parsed(ex, text) if c.relation == "force_size"]
    assert [(c.subject, _figure([c], "force_size")) for c in sized][:1] == [
        ("Peru", (figure, figure))
    ]


def test_strength_without_a_figure_is_no_force(ex: Extractor) -> None:
    assert not [c for c in _parsed(ex, "Peru's strong army was placed on alert.")]
    acts = {(c.subject, c.relation) for c in _claims(ex, "Peru voiced strong support for Chile.")}
    assert ("Peru", "force_size") not in acts


@pytest.mark.parametrize(
    "text",
    [
        "Peru has concentrated some 6,000 soldiers along the frontier.",
        "Peru called up 30,000 reservists on Friday.",
        "Peru has gathered tens of thousands of troops near the border.",
    ],
)
def test_verbs_of_massing_with_a_figure_read_a_force_size(ex: Extractor, text: str) -> None:
    assert ("Peru", "force_size") in {(c.subject, c.relation) for c in _claims(ex, text)}


def test_drafting_a_plan_fields_nobody(ex: Extractor) -> None:
    text = "Peru drafted a plan with three key elements."
    assert not [c for c in _claims(ex, text) if c.relation == "force_size"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile's build-up of 7,000 troops near the frontier worried Lima.",
        "Lima warned about the buildup of 7,000 Chilean troops near the frontier.",
        "Some 7,000 Chilean troops were massed near the frontier.",
    ],
)
def test_a_build_up_or_a_massing_in_the_passive_is_the_forces_owners(
    ex: Extractor, text: str
) -> None:
    sized = [c for c in _parsed(ex, text) if c.relation == "force_size"]
    assert {(c.subject, _figure([c], "force_size")) for c in sized} == {("Chile", (7_000, 7_000))}


def test_a_build_up_of_no_force_is_no_force_size(ex: Extractor) -> None:
    text = "Chile's economy saw a build-up of debt."
    assert not [c for c in _claims(ex, text) if c.relation == "force_size"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it had killed or wounded at least 300 Peruvian soldiers.",
        "Twelve Chilean soldiers were killed in Peru.",
    ],
)
def test_a_count_of_the_dead_is_no_quantity(ex: Extractor, text: str) -> None:
    claims = _claims(ex, text)
    assert claims
    assert all(c.quantity is None for c in claims)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("France has provided at least $40 million in weapons to Moldova.", (40e6, None)),
        ("France supplied more than €2 billion in weapons to Moldova.", (2e9, None)),
        ("France supplied €2 billion in weapons to Moldova.", (2e9, 2e9)),
    ],
)
def test_an_amount_of_money_keeps_its_open_bound(
    ex: Extractor, text: str, figure: tuple[object, ...]
) -> None:
    assert _figure(_claims(ex, text), "arms_supply") == figure


def test_a_supply_takes_the_figure_the_parse_read_for_the_same_act(ex: Extractor) -> None:
    text = (
        "France committed on Friday to deliver more armoured vehicles and another €300 million "
        "in military aid to Moldova."
    )
    assert _figure(_claims(ex, text), "arms_supply") == (300e6, 300e6)


def test_a_force_deployed_at_a_border_is_a_force_size(ex: Extractor) -> None:
    text = "Bolivia has deployed some 40,000 troops along its frontier with Chile."
    acts = {(c.subject, c.relation) for c in _claims(ex, text)}
    assert ("Bolivia", "force_size") in acts
    assert ("Bolivia", "troop_deployment") not in acts


def test_a_force_deployed_with_a_border_in_another_clause_stays_a_deployment(
    ex: Extractor,
) -> None:
    text = "Bolivia deployed 3,000 troops, and Chile closed its border."
    assert ("Bolivia", "troop_deployment") in {(c.subject, c.relation) for c in _claims(ex, text)}


def test_an_estimated_figure_does_not_hedge_the_act(ex: Extractor) -> None:
    text = "Bolivia has stationed an estimated 9,000 soldiers near its frontier with Chile."
    assert [c.hedged for c in _claims(ex, text)] == [False]
    text = "Bolivia is estimated to have sent troops to Peru."
    assert [c.hedged for c in _claims(ex, text)] == [True]
