"""The data that flows between components: raw inputs, documents and sources.

Plain frozen dataclasses, so that every stage can run in a worker process and be built by
hand in tests without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SOURCE_KINDS = (
    "state_media",
    "government",
    "independent",
    "wire",
    "monitor",
    "think_tank",
    "telegram_channel",
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document besides its text; every field optional."""

    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    external_id: str | None = None

    def overlay(self, other: Metadata) -> Metadata:
        """Fields set in `other` win; the rest keep this object's values."""
        return Metadata(
            source=other.source or self.source,
            url=other.url or self.url,
            title=other.title or self.title,
            author=other.author or self.author,
            published=other.published or self.published,
            language=other.language or self.language,
            external_id=other.external_id or self.external_id,
        )


@dataclass(frozen=True, slots=True)
class RawInput:
    """Text read from one file, row or URL, before normalisation.

    `origin` names the input in messages and in the ledger: a path, `path:row N` or a URL.
    """

    origin: str
    text: str
    format: str
    meta: Metadata = field(default_factory=Metadata)
    # problems that did not cost the text, e.g. an unreadable date (stored without it)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised document, ready for the ledger and for extraction."""

    origin: str
    text: str
    format: str
    content_hash: str
    dedupe_key: str
    meta: Metadata


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not become a document, with a one-line reason."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """Part of an input passed over on purpose (a media-only or service message), with why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet, as described in a sources.yaml registry."""

    name: str
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    affiliation: str | None = None
    notes: str | None = None
