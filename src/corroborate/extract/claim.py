"""The claim, in the shape of shared/claims-contract.md, plus the project's extensions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXTRACTOR_VERSION = "rules-0.1"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure or a range; an open bound is None ("at least 50": high None; "up to 300": low
    None), as the contract's conventions give it."""

    low: float | None
    high: float | None
    unit: str

    def to_dict(self) -> dict[str, Any]:
        def num(v: float | None) -> int | float | None:
            if v is None:
                return None
            return int(v) if float(v).is_integer() else v

        return {"low": num(self.low), "high": num(self.high), "unit": self.unit}

    def span(self) -> str:
        """ "12", "24-99", "at least 50", "up to 300": the figure as a reader writes it."""
        if self.high is None:
            return "" if self.low is None else f"at least {self.low:g}"
        if self.low is None:
            return f"up to {self.high:g}"
        return f"{self.low:g}" + (f"-{self.high:g}" if self.high != self.low else "")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Claim:
    doc: str
    subject: str | None
    relation: str
    object: str | None
    recipient: str | None
    quantity: Quantity | None
    speaker: str
    polarity: str
    hedged: bool
    evidence: Span
    cameo: str | None = None
    confidence: float = 0.8
    time: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def key(self) -> tuple[str | None, ...]:
        """Same speaker, subject, relation, object, recipient and polarity: one claim."""
        return (
            self.speaker.lower(),
            (self.subject or "").lower(),
            self.relation,
            (self.object or "").lower(),
            (self.recipient or "").lower(),
            self.polarity,
        )

    def to_contract(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "subject": self.subject,
            "relation": self.relation,
            "object": self.object,
            "recipient": self.recipient,
            "quantity": None if self.quantity is None else self.quantity.to_dict(),
            "speaker": self.speaker,
            "polarity": self.polarity,
            "hedged": self.hedged,
            "time": self.time,
            "evidence": self.evidence.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions],
            "cameo": self.cameo,
            "confidence": round(self.confidence, 3),
            "extractor": EXTRACTOR_VERSION,
        }


@dataclass(frozen=True, slots=True)
class FramingMarker:
    term: str
    side: str
    start: int
    end: int
