"""Extraction: text to claims. Pure functions of text and knowledge base; no storage, no I/O."""

from corroborate.extract.compiled import check_fresh

check_fresh()  # before the imports below would load a stale compiled module

from corroborate.extract.claim import (  # noqa: E402
    EXTRACTOR_VERSION,
    Claim,
    FramingMarker,
    Quantity,
    Span,
)
from corroborate.extract.extractor import Extraction, Extractor, extract_claims  # noqa: E402
from corroborate.extract.kb import KnowledgeBase, default_kb, load_kb  # noqa: E402

__all__ = [
    "EXTRACTOR_VERSION",
    "Claim",
    "Extraction",
    "Extractor",
    "FramingMarker",
    "KnowledgeBase",
    "Quantity",
    "Span",
    "default_kb",
    "extract_claims",
    "load_kb",
]
