"""Which pack reads a document: the stored or detected language, English when it is English."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from corroborate.extract.lexical.pack import available_languages

# below this many words py3langid guesses wildly ("Iran supplies drones." -> Catalan), so a
# short text is only told apart between English and the languages that have a pack
SHORT_TEXT_WORDS = 25
# a few words ("Wagner", "Hezbollah fighters.") tell only their script
TINY_TEXT_WORDS = 5
_SCRIPTS = (("CYRILLIC", "ru"), ("ARABIC", "ar"))


def _by_script(text: str) -> str:
    import unicodedata

    letters = [unicodedata.name(c, "") for c in text if c.isalpha()]
    for script, lang in _SCRIPTS:
        if letters and sum(script in n for n in letters) * 2 > len(letters):
            return lang
    return "en"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


@lru_cache(maxsize=1)
def _short_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(sorted(available_languages() | {"en"}))
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (English for an empty text)."""
    if not text.strip():
        return "en"
    sample = text[:4000]
    if len(sample.split()) < TINY_TEXT_WORDS:
        return _by_script(sample)
    short = len(sample.split()) < SHORT_TEXT_WORDS
    lang, _p = (_short_identifier() if short else _identifier()).classify(sample)
    return str(lang)


def route(text: str, language: str | None) -> str:
    """The language whose extractor reads this text: 'en', a pack's code, or another code
    (no pack: the text is skipped). A stored code with no pack is checked again on a short text,
    where the stored detection is least reliable."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    if not lang:
        return detect_language(text)
    if lang != "en" and lang not in available_languages() and len(text.split()) < SHORT_TEXT_WORDS:
        return detect_language(text)
    return lang
