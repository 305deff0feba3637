"""Camps: which speakers and outlets share a voice, and which camps oppose each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

AUTHOR = "author"


@dataclass(frozen=True, slots=True)
class Camps:
    actor_camp: dict[str, str] = field(default_factory=dict)
    actor_role: dict[str, str] = field(default_factory=dict)
    affiliation_camp: dict[str, str] = field(default_factory=dict)
    opposed: frozenset[frozenset[str]] = frozenset()

    def group_of(self, *, speaker: str, outlet: str | None, affiliation: str | None) -> str:
        """The independence group of a mention: the speaker's camp (or the speaker itself) when
        a named party speaks; for the author, the outlet's camp or affiliation group."""
        if speaker != AUTHOR:
            return self.actor_camp.get(speaker, speaker)
        if affiliation:
            return self.affiliation_camp.get(affiliation, affiliation)
        return outlet or "(unknown outlet)"

    def stance(self, group: str, subject: str | None) -> str:
        """own: the group is the subject's camp; hostile: an opposing camp; else third."""
        camp = self.actor_camp.get(subject or "")
        if camp is None:
            return "third"
        if group == camp:
            return "own"
        if frozenset({group, camp}) in self.opposed:
            return "hostile"
        return "third"

    def is_party(self, actor: str | None) -> bool:
        return self.actor_role.get(actor or "") == "party"


def load_camps(path: Path) -> Camps:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0]
        raise ValueError(f"{path}: cannot read camps ({first})") from None
    actor_camp: dict[str, str] = {}
    actor_role: dict[str, str] = {}
    affiliation_camp: dict[str, str] = {}
    for name, camp in (data.get("camps") or {}).items():
        for actor, role in (camp.get("actors") or {}).items():
            if role not in ("party", "ally"):
                raise ValueError(f"{path}: camps.{name}.actors.{actor}: role must be party or ally")
            actor_camp[str(actor)] = str(name)
            actor_role[str(actor)] = str(role)
        for affiliation in camp.get("affiliations") or []:
            affiliation_camp[str(affiliation)] = str(name)
    opposed = set()
    for pair in data.get("oppositions") or []:
        if len(pair) != 2:
            raise ValueError(f"{path}: oppositions: each entry names two camps")
        opposed.add(frozenset(str(p) for p in pair))
    return Camps(actor_camp, actor_role, affiliation_camp, frozenset(opposed))


@lru_cache(maxsize=4)
def default_camps() -> Camps:
    return load_camps(Path(str(files("corroborate") / "data" / "knowledge" / "camps.yaml")))
