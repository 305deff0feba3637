"""A workspace: a folder with corroborate.toml, the default SQLite ledger and sources.yaml."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from corroborate.settings import CONFIG_NAME, DEFAULT_DB_NAME, Settings, load_settings

if TYPE_CHECKING:
    from corroborate.store import Ledger

REGISTRY_NAME = "sources.yaml"

_CONFIG_TEMPLATE = """\
# corroborate workspace settings; `corroborate settings` lists every setting with its help.
# A relative SQLite path is relative to this folder. For PostgreSQL:
# database_url = "postgresql+psycopg://user@localhost/corroborate"
database_url = {database_url}

# The camps of the conflict this workspace covers: which actors and outlet groups speak with one
# voice, so that allies repeating each other are not counted as independent. Bundled conflicts
# (`corroborate camps` lists them with their sources): {bundled}.
# Or a path to your own camps file (copy a bundled one). Unset: every state is its own voice.
{camps_line}
"""

_REGISTRY_TEMPLATE = """\
# Outlets, matched to documents by URL domain. kind: state_media, government, independent,
# wire, monitor, think_tank or telegram_channel. affiliation: the group whose sources are not
# independent of each other (e.g. russian_state, armenian_government, international_independent).
# A Telegram channel is matched by the name its export carries; list its public address as a
# domain (t.me/NAME) and its posts get permalinks.
sources: []
#  - name: Example Wire
#    domains: [wire.example]
#    country: null
#    kind: wire
#    affiliation: wire
#    notes: "What an analyst should know about this outlet."
"""


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    settings: Settings

    @property
    def registry_path(self) -> Path:
        return self.root / REGISTRY_NAME

    def open_ledger(self) -> Ledger:
        from corroborate.store import Ledger

        assert self.settings.database_url is not None
        return Ledger(self.settings.database_url)


def find_workspace_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding corroborate.toml; else `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return start


def open_workspace(root: Path | None = None, *, database_url: str | None = None) -> Workspace:
    base = find_workspace_root(root or Path.cwd()) if root is None else root.resolve()
    return Workspace(base, load_settings(base, database_url=database_url))


def init_workspace(
    root: Path, *, database_url: str | None = None, camps: str | None = None
) -> tuple[Workspace, list[Path]]:
    """Create the folder, its config, a sources.yaml template and the migrated ledger.

    `camps` is written into a new config (the `camps` setting); without it the config says how
    to set them. Existing files are kept as they are, so init is safe to run twice. Returns the
    workspace and the files it created.
    """
    from corroborate.assess.camps import bundled_conflicts

    root.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    config = root / CONFIG_NAME
    if (
        database_url
        and database_url.startswith("sqlite:///")
        and not database_url.startswith("sqlite:////")
    ):
        # a relative path given on the command line means relative to where it was typed;
        # written into the workspace config it would mean relative to the workspace
        rel = database_url.removeprefix("sqlite:///")
        if rel and rel != ":memory:":
            database_url = f"sqlite:///{Path(rel).resolve()}"
    if not config.exists():
        url = database_url or f"sqlite:///{DEFAULT_DB_NAME}"
        camps_line = f"camps = {json.dumps(camps)}" if camps else '# camps = "russia-ukraine"'
        text = _CONFIG_TEMPLATE.format(
            database_url=json.dumps(url),
            bundled=", ".join(bundled_conflicts()),
            camps_line=camps_line,
        )
        config.write_text(text, encoding="utf-8")
        created.append(config)
    registry = root / REGISTRY_NAME
    if not registry.exists():
        registry.write_text(_REGISTRY_TEMPLATE, encoding="utf-8")
        created.append(registry)
    workspace = open_workspace(root, database_url=database_url)
    workspace.open_ledger().close()
    return workspace, created


def sample_corpus() -> tuple[Path, Path]:
    """The bundled sample corpus: (articles folder, its sources.yaml)."""
    base = Path(str(files("corroborate") / "data" / "sample"))
    return base / "articles", base / "sources.yaml"
