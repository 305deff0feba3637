"""The routing hook of Extractor.extract: a non-English text goes to its pack, or is skipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from corroborate.extract.lexical.pack import available_languages
from corroborate.extract.lexical.route import route

if TYPE_CHECKING:
    from corroborate.extract.extractor import Extraction


def read_other_language(text: str, *, doc: str, language: str | None) -> Extraction | None:
    """None for English (the caller's rule engine reads it); else this language's extraction."""
    from corroborate.extract.extractor import Extraction

    lang = route(text, language)
    if lang == "en":
        return None
    if lang not in available_languages():
        return Extraction(
            [], [], language=lang, note=f"language {lang!r} has no extraction pack: skipped"
        )
    from corroborate.extract.lexical.claims import extract_lexical
    from corroborate.extract.merge import name_unsent

    claims, framing = extract_lexical(text, doc=doc, language=lang)
    return Extraction(name_unsent(claims), framing, language=lang)
