from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.ingest import RegistryError, load_registries, load_registry
from tests.conftest import WriteFile

REGISTRY = """\
sources:
  - name: Example Wire
    domains: [wire.example, www.wire-news.example]
    kind: wire
    affiliation: wire
  - name: Baku Desk
    domains: bakudesk.example
    country: AZ
    kind: state_media
    affiliation: azerbaijani_government
    notes: pro-government
"""


def test_registry_matches_hosts_and_parent_domains(write: WriteFile) -> None:
    registry = load_registry(write("sources.yaml", REGISTRY))
    assert registry.match_url("https://wire.example/a") == "Example Wire"
    assert registry.match_url("https://www.wire.example/a") == "Example Wire"
    assert registry.match_url("http://live.wire.example/b?c=d") == "Example Wire"
    assert registry.match_url("https://wire-news.example/x") == "Example Wire"
    assert registry.match_url("https://BAKUDESK.example/") == "Baku Desk"
    assert registry.match_url("https://notwire.example/") is None
    assert registry.match_url("https://example/") is None
    baku = next(s for s in registry.sources if s.name == "Baku Desk")
    assert (
        baku.country == "AZ"
        and baku.kind == "state_media"
        and baku.domains == ("bakudesk.example",)
    )


def test_later_registries_override_by_name(write: WriteFile) -> None:
    first = write("a.yaml", REGISTRY)
    second = write("b.yaml", "sources:\n  - name: Baku Desk\n    kind: government\n")
    merged = load_registries([first, second])
    assert {s.name: s.kind for s in merged.sources} == {
        "Example Wire": "wire",
        "Baku Desk": "government",
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("sources:\n  - name: X\n    kind: tabloid\n", "sources[0].kind: 'tabloid' is not one of"),
        ("sources:\n  - domains: [a.example]\n", "sources[0].name: every source needs a name"),
        ("sources:\n  - name: X\n    colour: red\n", "sources[0]: unknown field(s) colour"),
        ("sources:\n  - name: X\n    domains: {a: 1}\n", "sources[0].domains: expected a list"),
        ("outlets: []\n", "expected a top-level `sources:` list"),
        ("sources: [\n", "not valid YAML"),
        ("sources:\n  - name: X\n  - name: X\n", "listed twice: X"),
    ],
)
def test_registry_errors_name_file_and_field(write: WriteFile, content: str, expected: str) -> None:
    path = write("sources.yaml", content)
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_missing_registry_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "nope.yaml")


def test_registry_refuses_values_longer_than_the_ledger_keeps(write: WriteFile) -> None:
    path = write("sources.yaml", "sources:\n  - name: X\n    country: Azerbaijan Republic\n")
    with pytest.raises(RegistryError, match=r"sources\[0\]\.country"):
        load_registry(path)
