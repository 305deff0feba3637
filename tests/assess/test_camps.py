"""Camps as per-conflict data files, chosen by name or path; neutral when none is chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.assess import assess, bundled_camps, bundled_conflicts, resolve_camps
from corroborate.assess.camps import Camps
from corroborate.extract import default_kb
from tests.assess.test_status import OUTLETS, claim

CONFLICTS = {
    "karabakh-2020", "russia-ukraine", "sudan", "yemen", "libya", "sahel", "dr-congo",
    "gaza-lebanon", "syria",
}  # fmt: skip


def test_every_bundled_conflict_loads_with_sources_and_opposed_camps() -> None:
    assert set(bundled_conflicts()) >= CONFLICTS
    for name in bundled_conflicts():
        c = bundled_camps(name)
        assert c.is_set and c.conflicts and c.conflicts[0] != name  # a readable title
        assert len(c.sources) >= 2, f"{name}: name the sources of its camps"
        camps = set(c.actor_camp.values())
        assert len(camps) >= 2 and c.opposed
        for pair in c.opposed:
            assert pair <= camps | set(c.affiliation_camp.values()), f"{name}: {pair}"
        assert set(c.actor_role.values()) <= {"party", "ally"}


def test_bundled_camps_use_the_knowledge_base_canonical_names() -> None:
    """A camp actor is matched by canonical name: an alias in a camps file would never match.
    Actors the knowledge base lacks are allowed (the files say to add them to lexicons/)."""
    known = set(default_kb().actor_types)
    unknown = {a for n in bundled_conflicts() for a in bundled_camps(n).actor_camp} - known
    # the files that name these say so; `corroborate camps` lists them per conflict
    assert unknown <= {
        "Africa Corps", "Burkina Faso", "Burundi", "DR Congo", "FDLR", "JNIM",
        "Libyan National Army", "M23", "Mali", "Niger", "North Korea", "Rapid Support Forces",
        "Rwanda", "Sudan", "Sudanese Armed Forces",
    }  # fmt: skip
    c = bundled_camps("russia-ukraine")
    assert {"Russia", "Ukraine", "Belarus", "Iran"} <= set(c.actor_camp) & known
    assert {"Turkey", "Azerbaijan", "Armenia", "Russia"} <= set(
        bundled_camps("karabakh-2020").actor_camp
    ) & known


def test_resolve_by_name_by_path_and_several() -> None:
    assert resolve_camps("") == Camps() and not resolve_camps("  ").is_set
    karabakh = resolve_camps("karabakh-2020")
    assert karabakh.actor_camp["Turkey"] == "azerbaijani_side"
    both = resolve_camps("karabakh-2020, syria")
    assert len(both.conflicts) == 2 and both.actor_camp["Syria"] == "government_side"
    assert both.actor_camp["Turkey"] == "opposition_side"  # the later file wins for an actor
    with pytest.raises(ValueError, match=r"no bundled conflict 'narnia'.*karabakh-2020"):
        resolve_camps("narnia")


def test_relative_path_is_found_in_the_workspace(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "conflict: A test war\nsources: [one, two]\n"
        "camps:\n  north: {actors: {Ruritania: party}}\n  south: {actors: {Freedonia: party}}\n"
        "oppositions:\n  - [north, south]\n",
        encoding="utf-8",
    )
    c = resolve_camps("mine.yaml", base=tmp_path)
    assert c.conflicts == ("A test war",) and c.stance("south", "Ruritania") == "hostile"
    with pytest.raises(ValueError, match="cannot read camps"):
        resolve_camps("missing.yaml", base=tmp_path)


def test_neutral_camps_each_state_its_own_voice_and_its_own_denial_not_decisive() -> None:
    neutral = Camps()
    assert not neutral.is_set and "Camps are unset" in neutral.summary()
    assert "corroborate.toml" in neutral.summary()
    assert neutral.group_of(speaker="Russia", outlet="Paper", affiliation="x") == "Russia"
    assert (
        neutral.stance("Russia", "Russia") == "own" and neutral.stance("Iran", "Russia") == "third"
    )
    # two independent voices affirm; the accused denies: corroborated, not contested
    claims = [
        claim("author", "Wire One", subject="Russia"),
        claim("author", "Monitor", subject="Russia"),
        claim("Russia", "Paper", subject="Russia", polarity="deny"),
    ]
    [p] = assess(claims, camps=neutral, outlet_affiliation=OUTLETS)
    assert p.status == "corroborated"
    # under the sample's camps Armenia (Russia's ally) affirming Turkey's role is hostile
    allied = [claim("Armenia", "Yerevan Daily"), claim("Russia", "Yerevan Daily")]
    [q] = assess(allied, camps=bundled_camps("karabakh-2020"), outlet_affiliation=OUTLETS)
    assert q.status == "one-sided"
    [r] = assess(allied, camps=neutral, outlet_affiliation=OUTLETS)
    assert r.status == "corroborated"  # without camps, the allies count as two voices
