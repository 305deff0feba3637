"""The spaCy pipeline of a language, loaded once per process from an installed package."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def pipeline(name: str) -> Any:
    """The installed pipeline package `name` (spaCy never downloads: a missing one is an error)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: pip install the package that provides it"
            f" (see pyproject.toml) ({exc})"
        ) from None
