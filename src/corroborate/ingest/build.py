"""Raw input to Document: a pure function of text and metadata, safe in any worker process."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlsplit

from corroborate.ingest.clean import clean_origin, clean_text, clean_url, one_line
from corroborate.ingest.registry import SourceRegistry
from corroborate.model import Document, IngestFailure, Metadata, RawInput

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")
MIN_WORDS_FOR_LANGUAGE = 3
MAX_SOURCE_NAME = 200  # the ledger's sources.name column
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?")  # en, en-GB, pt_BR


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return _BLANK_RUNS.sub("\n\n", text).strip()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little to tell."""
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    from corroborate.langid import identifier  # loads its model on first use, once per process

    lang, _score = identifier().classify(text[:4000])
    return str(lang)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clean_meta(meta: Metadata) -> Metadata:
    def text(value: str | None) -> str | None:
        return (clean_text(value).strip() or None) if value is not None else None

    return replace(
        meta,
        source=text(meta.source),
        url=clean_url(meta.url),
        title=text(meta.title),
        author=text(meta.author),
        language=text(meta.language),
        external_id=text(meta.external_id),
    )


def build_document(
    raw: RawInput,
    *,
    overrides: Metadata | None = None,
    registry: SourceRegistry | None = None,
) -> Document | IngestFailure:
    """Normalise text, resolve metadata, detect language and hash the content.

    Metadata precedence: `overrides` (command-line flags) over the input's own metadata; the
    outlet falls back to the registry entry whose domain matches the document's URL.
    Never raises: whatever goes wrong is the input's failure, with a one-line reason.
    """
    origin = clean_origin(raw.origin)
    try:
        return _build(raw, origin, overrides, registry)
    except Exception as exc:  # a hostile input costs its own row, never the batch
        return IngestFailure(origin, f"cannot build the document ({type(exc).__name__}: "
                                     f"{one_line(str(exc), limit=200)})")  # fmt: skip


def _build(
    raw: RawInput, origin: str, overrides: Metadata | None, registry: SourceRegistry | None
) -> Document | IngestFailure:
    # lone surrogates and NUL characters go here, once, for every backend alike
    text = normalise_text(clean_text(raw.text))
    if not text:
        return IngestFailure(origin, "no text after extraction")
    meta = _clean_meta(raw.meta.overlay(overrides) if overrides else raw.meta)
    if meta.source is not None and len(meta.source) > MAX_SOURCE_NAME:
        return IngestFailure(
            origin,
            f"source name is {len(meta.source)} characters, over {MAX_SOURCE_NAME}: shorten it",
        )
    content_hash, dedupe_key = _identity(text, meta)
    if meta.source is None and meta.url and registry is not None:
        meta = replace(meta, source=registry.match_url(meta.url))
    language = meta.language
    if language is not None and not _LANGUAGE.fullmatch(language):
        language = None  # "English (United States)": not a code, detect it instead
    if language is None:
        language = detect_language(text)
    meta = replace(meta, language=language.lower() if language else None)
    return Document(
        origin=origin,
        text=text,
        format=raw.format,
        content_hash=content_hash,
        dedupe_key=dedupe_key,
        meta=meta,
    )


def _identity(text: str, meta: Metadata) -> tuple[str, str]:
    """(content hash, dedupe key) of normalised text with its metadata before registry lookup.

    A document's identity is its text and the outlet it states (flag or file) or its URL's
    host, never a registry lookup: editing sources.yaml must not make old documents new."""
    stated = meta.source or (urlsplit(meta.url).hostname if meta.url else None) or ""
    folded = " ".join(text.split())
    return _sha256(folded), _sha256(f"{stated}\x00{folded}")


def dedupe_key_of(raw: RawInput, *, overrides: Metadata | None = None) -> str:
    """The dedupe key `build_document` will give this input, at a fraction of its cost (no
    language detection), so a re-run can skip inputs already in the ledger before building."""
    meta = raw.meta.overlay(overrides) if overrides else raw.meta
    return _identity(normalise_text(raw.text), meta)[1]
