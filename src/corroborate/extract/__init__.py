"""Extraction: text to claims. Pure functions of text and knowledge base; no storage, no I/O."""

from corroborate.extract.claim import EXTRACTOR_VERSION, Claim, FramingMarker, Quantity, Span
from corroborate.extract.extractor import Extraction, Extractor, extract_claims
from corroborate.extract.kb import KnowledgeBase, default_kb, load_kb

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
