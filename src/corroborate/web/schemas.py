"""The REST API's shapes: what the OpenAPI schema documents and responses are checked against."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

T = TypeVar("T")

Text200 = Field(default=None, max_length=200)


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    total: int | None = Field(description="all matching items, when cheap to count")
    next_offset: int | None = Field(description="offset of the next page, null on the last")


class ErrorBody(BaseModel):
    status: int
    message: str
    details: list[str] = []


class ErrorOut(BaseModel):
    error: ErrorBody


class VoiceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    group: str
    stance: str
    polarity: str
    weight: float
    speakers: list[str]
    outlets: list[str]
    claim_ids: list[int]


class QuantityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    low: float
    high: float
    unit: str
    speaker: str
    outlet: str | None
    published: date | None


class PropositionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    subject: str | None
    relation: str
    recipient: str | None
    object_class: str
    statement: str
    status: str
    explanation: str
    why_grouped: str
    claim_ids: list[int]
    affirming: list[VoiceOut]
    denying: list[VoiceOut]
    first_seen: date | None
    last_seen: date | None
    outlets: list[str]
    documents: int
    copies_collapsed: int
    quantities: list[QuantityOut]
    cameo: str | None


class ReviewStateOut(BaseModel):
    state: str
    corrections: dict[str, Any]
    notes: list[str]


class ClaimOut(BaseModel):
    id: int
    document_id: int
    source: str | None
    affiliation: str | None
    url: str | None
    published: date | None
    subject: str | None
    relation: str
    object: str | None
    recipient: str | None
    quantity_low: float | None
    quantity_high: float | None
    quantity_unit: str | None
    speaker: str
    polarity: str
    hedged: bool
    evidence_start: int
    evidence_end: int
    evidence_text: str
    cameo: str | None
    confidence: float
    extractor: str
    review: ReviewStateOut
    proposition_id: str | None = Field(description="the proposition it counts towards, if any")


class PropositionDetailOut(PropositionOut):
    mentions: list[ClaimOut]


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    source: str | None
    title: str | None
    url: str | None
    published: date | None
    language: str | None
    format: str
    origin: str
    chars: int
    content_hash: str


class MarkerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    term: str
    side: str
    start: int
    end: int


class DocumentDetailOut(BaseModel):
    id: int
    title: str | None
    source: str | None
    published: date | None
    url: str | None
    text: str
    copy_cluster: int | None
    claims: list[ClaimOut]
    framing: list[MarkerOut]


class SourceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    domains: list[str]
    country: str | None
    kind: str | None
    affiliation: str | None
    notes: str | None
    documents: int


class ActorOut(BaseModel):
    actor: str
    propositions: int
    by_status: dict[str, int]


class SearchHitOut(BaseModel):
    document_id: int
    score: float
    title: str | None
    source: str | None
    published: date | None
    snippet: str


class ReviewOut(BaseModel):
    id: int
    kind: str
    payload: dict[str, Any]
    note: str
    author: str
    created_at: datetime = Field(description="when it was recorded, in UTC")

    @field_validator("created_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """The ledger records UTC, but SQLite hands it back without the zone; a date-time
        without one is not RFC 3339 and cannot be compared with one that has it."""
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str | None = Text200
    relation: str | None = Text200
    object: str | None = Text200
    recipient: str | None = Text200
    speaker: str | None = Text200
    polarity: Literal["affirm", "deny"] | None = None
    hedged: bool | None = None


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid")
    author: str = Field(min_length=1, max_length=200, description="who decides (audit log)")
    note: str = Field(default="", max_length=4000)


class ClaimReviewIn(Author):
    kind: Literal["accept", "reject", "correct", "note"]
    changes: Correction | None = Field(
        default=None, description="for kind=correct: only the fields to change"
    )


class MergeIn(Author):
    source: str = Field(pattern=r"^P[0-9a-f]{10}$")
    target: str = Field(pattern=r"^P[0-9a-f]{10}$")


class SplitIn(Author):
    field: Literal["outlet", "speaker", "object", "affiliation", "evidence", "url"]
    value: str = Field(min_length=1, max_length=200)
    label: str = Field(min_length=1, max_length=200)


class ReviewCreated(BaseModel):
    review_id: int
    detail: str
    updating: bool = Field(
        False,
        description="the assessment is being rebuilt in the background: until it is done, "
        "reads show the previous one (the review is stored all the same)",
    )


class IngestOut(BaseModel):
    added: int
    existing: int
    failed: int
    claims: int
    errors: list[str]
