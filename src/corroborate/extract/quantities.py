"""Figures near a noun: "130,000-140,000 troops", "about 4,000", "seven flights", "hundreds of"."""

from __future__ import annotations

import re

from corroborate.extract.claim import Quantity
from corroborate.extract.tokens import Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000}
MULTIPLIERS = {"tens": 10, "hundreds": 100}
# The contract's vague plurals: every count a reader could mean by the word ("thousands" is
# 2,000 to 9,999; "tens of thousands" 20,000 to 99,999).
VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999)}
# Words before a figure that open one of its bounds: "at least 50" (no ceiling), "up to 300"
# (no floor). "About", "nearly", "some" leave the figure a point.
FLOOR_WORDS = (("at", "least"), ("more", "than"), ("over",), ("upwards", "of"),
               ("in", "excess", "of"), ("no", "fewer", "than"), ("no", "less", "than"))  # fmt: skip
CEILING_WORDS = (("up", "to"), ("as", "many", "as"), ("fewer", "than"), ("less", "than"))
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# a figure written with its scale: "1.45million", "2bn"
_SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(thousand|million|billion|bn)$")
_CURRENCY_SIGNS = frozenset({"$", "£", "€"})
# a force named with its size, one word: "a 20,000-strong army"
_STRONG = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-\u2013]strong$")
_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-\u2013](\d[\d,]*(?:\.\d+)?)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# words before a year: "in 2021", "early 2021", "since 2015" (not "a force of 2000 troops")
_YEAR_OPENERS = frozenset({"in", "early", "late", "mid", "since", "until", "during"})
UNITS_BY_CLASS = {
    "own_forces": "troops",
    "fighters": "fighters",
    "advisers": "advisers",
    "logistics": "flights",
    "transport_aircraft": "flights",
    "armed_drone": "drones",
    "drone": "drones",
    "loitering_munition": "drones",
    "combat_aircraft": "aircraft",
    "aircraft": "aircraft",
    "helicopter": "helicopters",
}


def _num(text: str) -> float | None:
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def open_bound(before: tuple[str, ...]) -> str | None:
    """Which bound the words just before a figure leave open: "high" ("at least", "more
    than"), "low" ("up to"), or None (a point or a closed range)."""
    if before[-3:-2] == ("no",) and before[-2:] == ("more", "than"):
        return "low"  # "no more than 40": a ceiling, not a floor
    if any(before[len(before) - len(w) :] == w for w in FLOOR_WORDS if len(w) <= len(before)):
        return "high"
    if any(before[len(before) - len(w) :] == w for w in CEILING_WORDS if len(w) <= len(before)):
        return "low"
    return None


def bounded(quantity: Quantity, before: tuple[str, ...]) -> Quantity:
    """The quantity with the bound its opening words leave open set to None."""
    side = open_bound(before)
    if side == "high":
        return Quantity(quantity.low, None, quantity.unit)
    if side == "low":
        return Quantity(None, quantity.high, quantity.unit)
    return quantity


def _bounded(tokens: list[Token], first: int, low: float, high: float, unit: str) -> Quantity:
    """The figure whose first token is `first`, with the bound its opening words leave open."""
    while first > 0 and tokens[first - 1].text in _CURRENCY_SIGNS:
        first -= 1  # "at least $40 million": the bound words stand before the sign
    before = tuple(t.lower for t in tokens[max(0, first - 3) : first])
    return bounded(Quantity(low, high, unit), before)


def unit_for(thing: str | None, thing_class: str | None) -> str:
    if thing_class in UNITS_BY_CLASS:
        if thing and thing[:1].islower() and " " not in thing:
            return thing  # a generic plural noun is its own unit: troops, flights, drones
        return UNITS_BY_CLASS[thing_class]
    return thing or "items"


def quantity_before(
    tokens: list[Token],
    head: int,
    *,
    unit: str,
    floor: int = 0,
    months: frozenset[str] = frozenset(),
) -> Quantity | None:
    """The figure in the few tokens before token `head` (a noun phrase's start). The scan stops
    at punctuation, and a number beside a month name is a date, not a count."""
    lo = max(floor, head - 5)
    for i in range(head - 1, lo - 1, -1):
        tok = tokens[i]
        if len(tok.text) == 1 and not tok.text.isalnum() and tok.text not in "-\u2013":
            return None  # "on 29 September, a Turkish F-16": the figure is not this noun's
        # both patterns open with a digit: most tokens (words) skip the set and the matching
        digit = tok.text[:1].isdigit()
        if digit:
            near = {tokens[j].lower for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
            if near & months:
                return None
            m = _RANGE.match(tok.text)
            if m:
                a, b = _num(m.group(1)), _num(m.group(2))
                if a is not None and b is not None:
                    return _bounded(tokens, i, a, b, unit)
            m = _STRONG.match(tok.text.lower())
            strength = None if m is None else _num(m.group(1))
            if strength is not None:
                return _bounded(tokens, i, strength, strength, unit)
            m = _SCALED.match(tok.text.lower())
            scaled = None if m is None else _num(m.group(1))
            if m is not None and scaled is not None:
                whole = scaled * SCALES[m.group(2)]
                return _bounded(tokens, i, whole, whole, unit)
        if digit and _NUMBER.match(tok.text):
            value = _num(tok.text)
            if value is None:
                continue
            if _YEAR.match(tok.text) and i > 0 and tokens[i - 1].lower in _YEAR_OPENERS:
                return None  # "joined in early 2021 by Turkish officers": a date
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            value *= SCALES.get(nxt, 1)
            prev = tokens[i - 1].lower if i > 0 else ""
            if (
                prev in ("to", "and", "-", "\u2013")
                and i >= 2
                and _NUMBER.match(tokens[i - 2].text)
            ):
                first = _num(tokens[i - 2].text)
                if first is not None:
                    return _bounded(tokens, i - 2, first, value, unit)
            return _bounded(tokens, i, value, value, unit)
        if tok.lower in SCALES and i > 0 and tokens[i - 1].lower in WORD_NUMBERS:
            continue  # "two thousand": read from the number word
        if tok.lower in WORD_NUMBERS:
            value = float(WORD_NUMBERS[tok.lower])
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            value *= SCALES.get(nxt, 1)
            return _bounded(tokens, i, value, value, unit)
        if tok.lower in VAGUE:
            a, b = VAGUE[tok.lower]
            first = i
            if i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in MULTIPLIERS:
                # "tens of thousands" 20,000-99,999, "hundreds of thousands" 200,000-999,999
                times = MULTIPLIERS[tokens[i - 2].lower]
                a, b, first = a * times, (b + 1) * times - 1, i - 2
            return _bounded(tokens, first, a, b, unit)
    return None


def sized_force(
    relation: str,
    act: str | None,
    quantity: Quantity | None,
    place: object,
    *,
    kind: str | None,
    at_border: bool = False,
) -> str:
    """ "Russia has stationed some 100,000 troops near the border", "keeps 3,000 soldiers on
    alert": a body of troops held somewhere with its figure and no place in a theatre is the
    actor's force size (the contract's force_size), not a deployment to a side. Verbs of
    holding in place (the `presence` frame) read so; a deployment only when the force stands
    at a border ("deployed 50,000 troops along the frontier"): one sent goes somewhere. Only
    men (`own_forces`): "two F-16s parked at an airbase" are kit in place."""
    held = act == "presence" or (act == "deploy" and at_border)
    if (
        relation == "troop_deployment"
        and held
        and kind == "own_forces"
        and quantity is not None
        and not place
    ):
        return "force_size"
    return relation


# How many words after a force may name the border it stands at.
BORDER_WINDOW = 8


def at_a_border(words: list[str], boundary_nouns: frozenset[str]) -> bool:
    """ "... troops near Kosovo's border", "along the frontier": the words after a force
    name a border before the clause ends."""
    for w in words[:BORDER_WINDOW]:
        if w in (",", ";", ".", "and", "but"):
            return False
        if w.lower() in boundary_nouns:
            return True
    return False


def casualty_count(words: list[str], casualty_verbs: frozenset[str]) -> bool:
    """ "killed or wounded at least 2,300 soldiers": a figure on a verb of casualty counts
    the dead, not the size of anyone's involvement (the contract: never casualties)."""
    return any(w.lower() in casualty_verbs for w in words)
