"""The spaCy pipeline of a language, loaded once per process from an installed package."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def pipeline(name: str) -> Any:
    """The installed pipeline package `name` (spaCy never downloads: a missing one is an error)."""
    # imported by name: the compiled build analyses extract/ without spaCy installed
    spacy = importlib.import_module("spacy")
    from corroborate.extract.parse.lemmas import remember_lemmas
    from corroborate.extract.parse.ruler import use_table

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: pip install the package that provides it"
            f" (see pyproject.toml) ({exc})"
        ) from None
    use_table(nlp)  # the attribute ruler's rules by look-up: the same attributes, faster
    remember_lemmas(nlp)  # the lemmatizer's answers kept per word, tag and morphology
    return nlp
