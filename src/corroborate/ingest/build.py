"""Raw input to Document: a pure function of text and metadata, safe in any worker process."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from corroborate.ingest.registry import SourceRegistry
from corroborate.model import Document, IngestFailure, Metadata, RawInput

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")
MIN_WORDS_FOR_LANGUAGE = 3


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return _BLANK_RUNS.sub("\n\n", text).strip()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little to tell."""
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    import py3langid  # loads its model on first use, once per process

    lang, _score = py3langid.classify(text[:4000])
    return str(lang)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_document(
    raw: RawInput,
    *,
    overrides: Metadata | None = None,
    registry: SourceRegistry | None = None,
) -> Document | IngestFailure:
    """Normalise text, resolve metadata, detect language and hash the content.

    Metadata precedence: `overrides` (command-line flags) over the input's own metadata; the
    outlet falls back to the registry entry whose domain matches the document's URL.
    """
    text = normalise_text(raw.text)
    if not text:
        return IngestFailure(raw.origin, "no text after extraction")
    meta = raw.meta.overlay(overrides) if overrides else raw.meta
    if meta.source is None and meta.url and registry is not None:
        meta = replace(meta, source=registry.match_url(meta.url))
    if meta.language is None:
        meta = replace(meta, language=detect_language(text))
    folded = " ".join(text.split())
    return Document(
        origin=raw.origin,
        text=text,
        format=raw.format,
        content_hash=_sha256(folded),
        dedupe_key=_sha256(f"{meta.source or ''}\x00{folded}"),
        meta=meta,
    )
