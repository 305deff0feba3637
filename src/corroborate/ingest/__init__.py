"""Ingestion: files, folders and URLs to Documents. No database access here."""

from corroborate.ingest.build import (
    build_document,
    dedupe_key_of,
    detect_language,
    normalise_text,
)
from corroborate.ingest.fetch import fetch_url
from corroborate.ingest.files import FORMATS, InputPlan, ReadOptions, is_url, plan_inputs, read_file
from corroborate.ingest.registry import (
    RegistryError,
    SourceRegistry,
    load_registries,
    load_registry,
)
from corroborate.ingest.rows import parse_field_mapping

__all__ = [
    "FORMATS",
    "InputPlan",
    "ReadOptions",
    "RegistryError",
    "SourceRegistry",
    "build_document",
    "dedupe_key_of",
    "detect_language",
    "fetch_url",
    "is_url",
    "load_registries",
    "load_registry",
    "normalise_text",
    "parse_field_mapping",
    "plan_inputs",
    "read_file",
]
