"""What assessment reads and produces: plain data, so it runs anywhere without a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One stored claim with what assessment needs of its document and outlet."""

    id: int
    document_id: int
    subject: str | None
    relation: str
    object: str | None
    recipient: str | None
    speaker: str
    polarity: str
    hedged: bool
    evidence: str
    outlet: str | None = None
    affiliation: str | None = None
    published: date | None = None
    quantity_low: float | None = None
    quantity_high: float | None = None
    quantity_unit: str | None = None
    url: str | None = None
    weight: float = 1.0  # below 1 for evidence weaker than an extracted claim (document stance)


@dataclass(frozen=True, slots=True)
class AssessSettings:
    """Weights and thresholds of the status rules: settings, not constants (see docs)."""

    min_independent_groups: int = field(
        default=2, metadata={"help": "independent voice groups needed to call a claim corroborated"}
    )
    hedged_weight: float = field(
        default=0.5, metadata={"help": "weight of a hedged mention; a group counts at weight >= 1"}
    )
    copy_threshold: float = field(
        default=0.6, metadata={"help": "estimated Jaccard similarity above which texts are copies"}
    )
    shingle_words: int = field(default=5, metadata={"help": "words per shingle for copy detection"})
    stance_weight: float = field(
        default=0.3, metadata={"help": "weight of a document's stance toward a proposition"}
    )
    num_perm: int = field(default=64, metadata={"help": "MinHash permutations"})


@dataclass(frozen=True, slots=True)
class Voice:
    """One independent voice behind a proposition: a group, and the mentions it made."""

    group: str
    stance: str  # own (the subject's camp), hostile (an opposing camp) or third
    polarity: str
    weight: float
    speakers: tuple[str, ...]
    outlets: tuple[str, ...]
    claim_ids: tuple[int, ...]

    @property
    def firm(self) -> bool:
        """A group counts as a voice of its own from the weight of one unhedged claim."""
        return self.weight >= 1.0


@dataclass(frozen=True, slots=True)
class QuantityFigure:
    low: float
    high: float
    unit: str
    speaker: str
    outlet: str | None
    published: date | None


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claim mentions about the same act, across documents, with their assessment."""

    id: str
    subject: str | None
    relation: str
    recipient: str | None
    object_class: str
    statement: str
    claim_ids: tuple[int, ...]
    why_grouped: str
    status: str
    explanation: str
    affirming: tuple[Voice, ...]
    denying: tuple[Voice, ...]
    first_seen: date | None
    last_seen: date | None
    outlets: tuple[str, ...]
    documents: int
    copies_collapsed: int
    quantities: tuple[QuantityFigure, ...]
    cameo: str | None = None

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        data = asdict(self)
        for key in ("first_seen", "last_seen"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        for q in data["quantities"]:
            q["published"] = q["published"].isoformat() if q["published"] else None
        return data
