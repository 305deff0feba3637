"""Settings are declared data: a name, a default and a help text each.

Values come from, in rising order: the defaults here, the workspace's corroborate.toml,
CORROBORATE_<NAME> environment variables, and command-line flags. Nothing is read at import.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "corroborate.toml"
DEFAULT_DB_NAME = "corroborate.db"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str | None = _setting(
        None, "SQLAlchemy URL of the ledger; unset means corroborate.db in the workspace"
    )
    max_document_bytes: int = _setting(
        20_000_000, "inputs (files, rows, downloads) larger than this are refused"
    )
    fetch_timeout: float = _setting(20.0, "seconds to wait for a URL to connect and respond")
    user_agent: str = _setting("corroborate/0.1 (+claim ledger)", "User-Agent sent with URLs")
    commit_every: int = _setting(
        100, "documents per transaction; an interrupted run loses at most this much work"
    )
    workers: int = _setting(
        0, "worker processes that build and extract documents (ingest, reextract); 0: every core"
    )
    scheduler: str = _setting(
        "",
        "a Dask scheduler address (tcp://HOST:PORT): extract on that cluster instead of local "
        "processes; unset: local",
    )
    min_independent_groups: int = _setting(
        2, "independent voice groups needed to call a proposition corroborated"
    )
    hedged_weight: float = _setting(
        0.5, "weight of a hedged mention; a voice group is firm at a total weight of 1"
    )
    copy_threshold: float = _setting(
        0.6, "estimated text similarity (Jaccard, 0-1) above which documents are copies"
    )
    stance_weight: float = _setting(
        0.3, "weight of a document's stance toward a proposition (the stance model's evidence)"
    )
    camps: str = _setting(
        "",
        "a camps YAML file (which actors and outlet groups speak with one voice); "
        "unset: the bundled one",
    )
    lexicons: str = _setting(
        "",
        "extra lexicon folders (YAML), separated by the OS path separator; the workspace's "
        "lexicons/ folder is always read",
    )

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting, for `corroborate settings`."""
        return [(f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(cls)]

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


class SettingsError(ValueError):
    pass


# The lowest value each numeric setting accepts (and the highest, for shares).
_RANGES: dict[str, tuple[float, float]] = {
    "max_document_bytes": (1, float("inf")),
    "fetch_timeout": (0.1, float("inf")),
    "commit_every": (1, float("inf")),
    "workers": (0, 1024),
    "min_independent_groups": (1, float("inf")),
    "hedged_weight": (0.0, 1.0),
    "stance_weight": (0.0, 1.0),
    "copy_threshold": (0.05, 1.0),
}


def _coerce(name: str, raw: Any, default: Any) -> Any:
    kind = type(default) if default is not None else str
    if isinstance(raw, bool) and kind is not bool:
        raise SettingsError(f"setting {name}: {raw!r} is not a {kind.__name__}")
    try:
        if kind is int:
            value: Any = int(raw)
        elif kind is float:
            value = float(raw)
        else:
            return str(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name}: {raw!r} is not a valid {kind.__name__}") from None
    low, high = _RANGES.get(name, (float("-inf"), float("inf")))
    if not low <= value <= high:
        raise SettingsError(f"setting {name}: {raw!r} is outside {low:g}..{high:g}")
    return value


def load_settings(
    workspace: Path, *, env: Mapping[str, str] | None = None, **overrides: Any
) -> Settings:
    """Resolve settings for a workspace directory (whether or not it has a config file)."""
    env = os.environ if env is None else env
    known = {f.name: f.default for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    config = workspace / CONFIG_NAME
    if config.is_file():
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{config}: not valid TOML ({exc})") from None
        for key, raw in data.items():
            if key not in known:
                raise SettingsError(
                    f"{config}: unknown setting {key!r} (see `corroborate settings`)"
                )
            values[key] = _coerce(key, raw, known[key])
        if isinstance(values.get("database_url"), str):
            values["database_url"] = _workspace_relative(values["database_url"], workspace)
    for key, default in known.items():
        raw = env.get(f"CORROBORATE_{key.upper()}")
        if raw:
            values[key] = _coerce(key, raw, default)
    values.update({k: _coerce(k, v, known[k]) for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    if settings.database_url is None:
        path = (workspace / DEFAULT_DB_NAME).resolve()
        settings = dataclasses.replace(settings, database_url=f"sqlite:///{path}")
    return settings


def _workspace_relative(url: str, workspace: Path) -> str:
    """A relative SQLite path in a workspace config means relative to the workspace."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:////"):
        return url
    rel = url.removeprefix("sqlite:///")
    if not rel or rel == ":memory:":
        return url
    return f"sqlite:///{(workspace / rel).resolve()}"
