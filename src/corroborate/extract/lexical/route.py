"""Which pack reads a document: the stored or detected language, English when it is English."""

from __future__ import annotations

from typing import Any

from corroborate.extract.lexical.pack import available_languages
from corroborate.langid import identifier, restricted

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


def _identifier() -> Any:
    return identifier()


def _short_identifier() -> Any:
    return restricted(tuple(sorted(available_languages() | {"en"})))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (English for an empty text)."""
    if not text.strip():
        return "en"
    sample = text[:4000]
    if len(sample.split()) < TINY_TEXT_WORDS:
        return _by_script(sample)
    if len(sample.split()) >= SHORT_TEXT_WORDS:
        return str(_identifier().classify(sample)[0])
    # short: English or a pack's language, unless the full model does not see English at all
    guess = str(_short_identifier().classify(sample)[0])
    if guess == "en" and not _english_among_top(sample):
        return str(_identifier().classify(sample)[0])
    return guess


def _english_among_top(text: str, top: int = 3) -> bool:
    return "en" in [lang for lang, _score in _identifier().rank(text[:4000])[:top]]


def route(text: str, language: str | None) -> str:
    """The language whose extractor reads this text: 'en', a pack's code, or another code
    (no pack: the text is skipped). A stored code is trusted on a long text; on a short one,
    where detection is least reliable, it is checked again: English wins back a short text when
    the detector ranks English among its first three guesses."""
    lang = (language or "").lower().split("-")[0].split("_")[0]
    if not lang:
        return detect_language(text)
    if lang == "en":
        return "en"
    n = len(text.split())
    if n >= SHORT_TEXT_WORDS:
        return lang
    if lang in available_languages():
        return detect_language(text) if n >= TINY_TEXT_WORDS else lang
    if n < TINY_TEXT_WORDS:
        return _by_script(text)
    return "en" if _english_among_top(text) else lang
