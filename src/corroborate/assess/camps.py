"""Camps: which speakers and outlets share a voice, and which camps oppose each other.

Camps describe one conflict; the bundled ones are data files in data/knowledge/camps/, one per
conflict, and a workspace chooses them with the `camps` setting. With none chosen the camps are
neutral: every named party is its own voice and outlets speak for their affiliation group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

AUTHOR = "author"
CAMPS_HELP = (
    'set the conflict\'s camps in corroborate.toml, e.g. camps = "russia-ukraine" '
    "(`corroborate camps` lists the bundled ones), or a path to your own camps file"
)


@dataclass(frozen=True, slots=True)
class Camps:
    actor_camp: dict[str, str] = field(default_factory=dict)
    actor_role: dict[str, str] = field(default_factory=dict)
    affiliation_camp: dict[str, str] = field(default_factory=dict)
    opposed: frozenset[frozenset[str]] = frozenset()
    conflicts: tuple[str, ...] = ()  # the files' `conflict` titles; empty: no camps set
    sources: tuple[str, ...] = ()  # the public references the files name

    @property
    def is_set(self) -> bool:
        return bool(self.conflicts or self.actor_camp or self.affiliation_camp)

    def summary(self) -> str:
        """One sentence a report prints about the camps its independence rests on."""
        if not self.is_set:
            return (
                "Camps are unset: every named state or group counts as its own voice and outlets "
                "by their affiliation group, so allies are not discounted. To change that, "
                f"{CAMPS_HELP}."
            )
        names = "; ".join(self.conflicts) or "a camps file"
        camps = sorted({*self.actor_camp.values(), *self.affiliation_camp.values()})
        return f"Camps of {names}: {', '.join(camps)} (from the workspace's `camps` setting)."

    def group_of(self, *, speaker: str, outlet: str | None, affiliation: str | None) -> str:
        """The independence group of a mention: the speaker's camp (or the speaker itself) when
        a named party speaks; for the author, the outlet's camp or affiliation group."""
        if speaker != AUTHOR:
            return self.actor_camp.get(speaker, speaker)
        if affiliation:
            return self.affiliation_camp.get(affiliation, affiliation)
        return outlet or "(unknown outlet)"

    def stance(self, group: str, subject: str | None) -> str:
        """own: the group is the subject's camp (or the subject itself, when it has no camp);
        hostile: an opposing camp; else third."""
        camp = self.actor_camp.get(subject or "", subject)
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
    conflict = str(data.get("conflict") or path.stem)
    sources = tuple(str(s) for s in data.get("sources") or [])
    return Camps(actor_camp, actor_role, affiliation_camp, frozenset(opposed), (conflict,), sources)


def bundled_dir() -> Path:
    return Path(str(files("corroborate") / "data" / "knowledge" / "camps"))


def bundled_conflicts() -> list[str]:
    """The names of the bundled camps files (karabakh-2020, russia-ukraine, ...)."""
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


@lru_cache(maxsize=16)
def bundled_camps(name: str) -> Camps:
    path = bundled_dir() / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(bundled_conflicts())
        raise ValueError(f"camps: no bundled conflict {name!r} (bundled: {known})")
    return load_camps(path)


def merge_camps(parts: list[Camps]) -> Camps:
    """Several conflicts' camps as one (a later file wins for an actor in two of them)."""
    if len(parts) == 1:
        return parts[0]
    merged = Camps()
    for c in parts:
        merged = Camps(
            {**merged.actor_camp, **c.actor_camp},
            {**merged.actor_role, **c.actor_role},
            {**merged.affiliation_camp, **c.affiliation_camp},
            merged.opposed | c.opposed,
            merged.conflicts + c.conflicts,
            merged.sources + c.sources,
        )
    return merged


def resolve_camps(spec: str, *, base: Path | None = None) -> Camps:
    """The camps a `camps` setting names: comma-separated bundled names or YAML paths (relative
    paths are looked up in `base`, the workspace, first). Empty: neutral camps."""
    parts: list[Camps] = []
    for item in (s.strip() for s in spec.split(",")):
        if not item:
            continue
        path = Path(item)
        if path.suffix.lower() not in (".yaml", ".yml") and "/" not in item:
            parts.append(bundled_camps(item))
            continue
        if not path.is_absolute() and base is not None and (base / path).is_file():
            path = base / path
        parts.append(load_camps(path))
    return merge_camps(parts) if parts else Camps()


def default_camps() -> Camps:
    """Neutral camps: no actor or outlet group is tied to another (the default of a workspace)."""
    return Camps()
