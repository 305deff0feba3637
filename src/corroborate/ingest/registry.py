"""The sources.yaml registry of outlets, matched to documents by URL domain."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from corroborate.model import SOURCE_KINDS, Source


class RegistryError(ValueError):
    """A sources.yaml that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class SourceRegistry:
    sources: tuple[Source, ...] = ()
    _by_domain: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for s in self.sources:
            for domain in s.domains:
                self._by_domain[domain.lower().removeprefix("www.")] = s.name

    def merged(self, other: SourceRegistry) -> SourceRegistry:
        by_name = {s.name: s for s in self.sources} | {s.name: s for s in other.sources}
        return SourceRegistry(tuple(by_name.values()))

    def telegram_usernames(self) -> dict[str, str]:
        """Outlet name -> public Telegram name, from a `t.me/NAME` entry in its domains."""
        found: dict[str, str] = {}
        for s in self.sources:
            for domain in s.domains:
                host, _, name = domain.partition("/")
                if host in ("t.me", "telegram.me") and name.strip("/"):
                    found[s.name] = name.strip("/")
                    break
        return found

    def match_url(self, url: str) -> str | None:
        """The outlet whose domain is the URL's host or a parent of it."""
        split = urlsplit(url)
        host = (split.hostname or "").lower().removeprefix("www.")
        if host in ("t.me", "telegram.me"):  # one host, many channels: t.me/NAME/ID
            channel = split.path.strip("/").split("/", 1)[0].lower()
            found = self._by_domain.get(f"t.me/{channel}")
            return found or self._by_domain.get(f"telegram.me/{channel}")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self._by_domain.get(".".join(parts[i:]))
            if name:
                return name
        return None


def _text(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise RegistryError(f"{where}.{key}: expected text, got {type(value).__name__}")
    return str(value).strip() or None


def _source(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping with at least `name`")
    unknown = set(entry) - {"name", "domains", "country", "kind", "affiliation", "notes"}
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = _text(entry, "name", where)
    if not name:
        raise RegistryError(f"{where}.name: every source needs a name")
    domains = entry.get("domains") or []
    if isinstance(domains, str):
        domains = [domains]
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise RegistryError(f"{where}.domains: expected a list of domain names")
    for key, limit in (("name", 200), ("country", 8), ("affiliation", 100)):
        value = _text(entry, key, where)
        if value is not None and len(value) > limit:
            raise RegistryError(f"{where}.{key}: {value[:40]!r}... is over {limit} characters")
    kind = _text(entry, "kind", where)
    if kind is not None and kind not in SOURCE_KINDS:
        raise RegistryError(f"{where}.kind: {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    return Source(
        name=name,
        domains=tuple(d.strip().lower() for d in domains if d.strip()),
        country=_text(entry, "country", where),
        kind=kind,
        affiliation=_text(entry, "affiliation", where),
        notes=_text(entry, "notes", where),
    )


def load_registry(path: Path) -> SourceRegistry:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read ({exc.strerror})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0]
        raise RegistryError(f"{path}: not valid YAML ({first})") from None
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a top-level `sources:` list")
    items = [_source(e, f"{path}: sources[{i}]") for i, e in enumerate(entries)]
    names = [s.name for s in items]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise RegistryError(f"{path}: source name(s) listed twice: {', '.join(dupes)}")
    return SourceRegistry(tuple(items))


def load_registries(paths: Iterable[Path]) -> SourceRegistry:
    registry = SourceRegistry()
    for path in paths:
        registry = registry.merged(load_registry(path))
    return registry
