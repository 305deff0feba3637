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
    max_pdf_stream_bytes: int = _setting(
        50_000_000, "a PDF stream that decompresses beyond this is refused (flate bombs)"
    )
    max_json_depth: int = _setting(64, "JSONL rows nested deeper than this are refused")
    max_json_number_digits: int = _setting(
        100, "JSONL rows with a number longer than this (digits) are refused"
    )
    max_extract_seconds: float = _setting(
        30.0,
        "extraction of one document stops after this many seconds (checked between pieces "
        "of a long document); the claims found so far are kept, with a note",
    )
    max_claims_per_document: int = _setting(
        5_000, "claims kept per document at most; beyond it, a note says the rest were dropped"
    )
    fetch_timeout: float = _setting(20.0, "seconds to wait for a URL to connect and respond")
    user_agent: str = _setting("corroborate/0.1 (+claim ledger)", "User-Agent sent with URLs")
    contact: str = _setting(
        "",
        "an e-mail address or URL for site operators, added to the User-Agent of every request "
        "(set it before `watch` polls other people's servers)",
    )
    host_delay: float = _setting(
        2.0, "seconds between two requests to the same host (feeds and their pages)"
    )
    watch_interval: float = _setting(900.0, "seconds between two polls of the feeds by `watch`")
    watch_retries: int = _setting(
        3, "polls that retry a feed entry whose page failed before `watch` leaves it as an error"
    )
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
        "the conflict's camps (which actors and outlet groups speak with one voice): bundled "
        "names such as karabakh-2020 or russia-ukraine (`corroborate camps` lists them) or paths "
        "to camps YAML files, comma-separated; unset: none, every state is its own voice",
    )
    lexicons: str = _setting(
        "",
        "extra lexicon folders (YAML), separated by the OS path separator; the workspace's "
        "lexicons/ folder is always read",
    )

    @property
    def agent(self) -> str:
        """The User-Agent sent: the tool's name and, when set, how to reach its operator."""
        return f"{self.user_agent} (contact: {self.contact})" if self.contact else self.user_agent

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
    "host_delay": (0.0, float("inf")),
    "watch_interval": (1.0, float("inf")),
    "watch_retries": (1, float("inf")),
    "max_pdf_stream_bytes": (1, float("inf")),
    "max_extract_seconds": (0.1, float("inf")),
    "max_claims_per_document": (1, float("inf")),
    "max_json_depth": (1, 900),  # Python's own recursion limit is near 1,000
    "max_json_number_digits": (1, 4300),  # Python's int conversion limit
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
