"""Analysts' decisions on single claims (accept, reject, correct, note) as review records.

A decision is kept by the claim's meaning (document, evidence span, subject, relation, speaker),
not by its row id, so it survives re-extraction. Each record holds who, when, and the claim's
effective fields before and after, so the reviews table is the audit log. Decisions are folded in
the order they were made; the assessment sees rejected claims dropped and corrections applied.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from corroborate.assess import Proposition
from corroborate.assess.model import ClaimRecord
from corroborate.store import ClaimRow, Ledger

CLAIM_KINDS = ("accept", "reject", "correct", "note")
PROPOSITION_KINDS = ("merge", "split")
CORRECTABLE = ("subject", "relation", "object", "recipient", "speaker", "polarity", "hedged")
SPLIT_FIELDS = ("outlet", "speaker", "object", "affiliation", "evidence", "url")
POLARITIES = ("affirm", "deny")

ClaimKey = tuple[int, int, int, str, str, str]


class ReviewError(ValueError):
    """A review that cannot be recorded; the message says why."""


def claim_key(row: ClaimRow) -> ClaimKey:
    return (
        row.document_id,
        row.evidence_start,
        row.evidence_end,
        row.subject or "",
        row.relation,
        row.speaker,
    )


def _key_payload(row: ClaimRow) -> dict[str, Any]:
    return dict(
        zip(
            ("document_id", "evidence_start", "evidence_end", "subject", "relation", "speaker"),
            claim_key(row),
            strict=True,
        )
    )


def _key_of(payload: Mapping[str, Any]) -> ClaimKey | None:
    k = payload.get("claim")
    if not isinstance(k, dict):
        return None
    try:
        return (
            int(k["document_id"]),
            int(k["evidence_start"]),
            int(k["evidence_end"]),
            str(k["subject"]),
            str(k["relation"]),
            str(k["speaker"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(slots=True)
class Decision:
    """Where the analysts' decisions on one claim stand."""

    state: str = "unreviewed"  # unreviewed, accepted, rejected, corrected
    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return self.state == "rejected"


def fold(decision: Decision, kind: str, changes: Mapping[str, Any], note: str) -> Decision:
    out = Decision(decision.state, dict(decision.fields), list(decision.notes))
    if kind == "accept":
        out.state = "accepted"
    elif kind == "reject":
        out.state = "rejected"
    elif kind == "correct":
        out.state = "corrected"
        out.fields.update(changes)
    if note:
        out.notes.append(note)
    return out


def decisions(reviews: Iterable[Mapping[str, Any]]) -> dict[ClaimKey, Decision]:
    """Fold every claim review, oldest first, into one decision per claim key."""
    out: dict[ClaimKey, Decision] = {}
    for r in reviews:
        if r["kind"] not in CLAIM_KINDS:
            continue
        payload = r["payload"] or {}
        key = _key_of(payload)
        if key is None:
            continue
        changes = payload.get("changes") or {}
        out[key] = fold(out.get(key, Decision()), str(r["kind"]), changes, str(r["note"] or ""))
    return out


def effective(row: ClaimRow, decision: Decision | None) -> dict[str, Any]:
    """The claim's fields as the assessment sees them, corrections applied."""
    base = {name: getattr(row, name) for name in CORRECTABLE}
    if decision is not None:
        base.update(decision.fields)
    return base


def apply(record: ClaimRecord, decision: Decision | None) -> ClaimRecord | None:
    """The record the assessment should use: None when rejected, corrected when corrected."""
    if decision is None:
        return record
    if decision.rejected:
        return None
    known = {k: v for k, v in decision.fields.items() if k in CORRECTABLE}
    return dataclasses.replace(record, **known) if known else record


def validate_changes(changes: Mapping[str, Any], relations: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in CORRECTABLE:
            raise ReviewError(f"cannot correct {name!r}: correctable fields are {CORRECTABLE}")
        if name == "hedged":
            if not isinstance(value, bool):
                raise ReviewError("hedged must be true or false")
        elif name == "polarity":
            if value not in POLARITIES:
                raise ReviewError(f"polarity must be one of {POLARITIES}")
        elif name == "relation":
            if value not in relations:
                raise ReviewError(f"unknown relation {value!r}; known: {', '.join(relations)}")
        elif value is not None and not isinstance(value, str):
            raise ReviewError(f"{name} must be text or null")
        elif isinstance(value, str) and len(value) > 200:
            raise ReviewError(f"{name} is longer than 200 characters")
        elif name in ("speaker",) and not value:
            raise ReviewError("speaker cannot be empty")
        out[name] = value.strip() if isinstance(value, str) else value
    return out


def idempotency_digest(key: str | None, *scope: object) -> str | None:
    """What a review stores for a client's idempotency key: a digest of the key and the action
    (path, kind), so one key reused for two different actions never hides the second."""
    if not key:
        return None
    joined = "\x1f".join([key, *(str(s) for s in scope)])
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def review_claim(
    ledger: Ledger,
    row: ClaimRow,
    *,
    kind: str,
    author: str,
    note: str = "",
    changes: Mapping[str, Any] | None = None,
    relations: Sequence[str] = (),
    idempotency_key: str | None = None,
) -> int:
    """Record one decision on a claim, with its fields before and after; returns the review id."""
    if kind not in CLAIM_KINDS:
        raise ReviewError(f"unknown review kind {kind!r}; one of {CLAIM_KINDS}")
    clean = validate_changes(changes or {}, relations) if kind == "correct" else {}
    if kind == "correct" and not clean:
        raise ReviewError("a correction must change at least one field")
    if kind == "note" and not note.strip():
        raise ReviewError("a note cannot be empty")
    key = claim_key(row)
    current = decisions(ledger.list_reviews()).get(key)
    after = fold(current or Decision(), kind, clean, note)
    payload = {
        "claim": _key_payload(row),
        "claim_id": row.id,
        "changes": clean,
        "before": {"state": (current or Decision()).state, **effective(row, current)},
        "after": {"state": after.state, **effective(row, after)},
    }
    return ledger.add_review(
        kind=kind, payload=payload, note=note.strip(), author=author,
        idempotency_key=idempotency_key,
    )  # fmt: skip


def _snapshot(p: Proposition) -> dict[str, Any]:
    return {
        "id": p.id,
        "statement": p.statement,
        "status": p.status,
        "claims": len(p.claim_ids),
    }


def proposition_key(p: Proposition) -> list[str]:
    """The key merges and splits are stored under: the proposition's meaning, not its claims."""
    return [p.subject or "", p.relation, p.recipient or "", p.object_class]


def merge(
    ledger: Ledger,
    source: Proposition,
    target: Proposition,
    *,
    author: str,
    note: str = "",
    idempotency_key: str | None = None,
) -> int:
    if source.id == target.id:
        raise ReviewError("cannot merge a proposition into itself")
    payload = {
        "source": proposition_key(source),
        "target": proposition_key(target),
        "before": {"source": _snapshot(source), "target": _snapshot(target)},
        "after": {"id": target.id, "claims": len(source.claim_ids) + len(target.claim_ids)},
    }
    return ledger.add_review(
        kind="merge", payload=payload, note=note.strip(), author=author,
        idempotency_key=idempotency_key,
    )  # fmt: skip


def split(
    ledger: Ledger,
    source: Proposition,
    moved: int,
    *,
    field_name: str,
    value: str,
    label: str,
    author: str,
    note: str = "",
    idempotency_key: str | None = None,
) -> int:
    if field_name not in SPLIT_FIELDS:
        raise ReviewError(f"cannot split by {field_name!r}; one of {SPLIT_FIELDS}")
    if not value.strip() or not label.strip():
        raise ReviewError("a split needs a value to match and a label for the new proposition")
    if moved == 0:
        raise ReviewError(f"no mention of {source.id} has {field_name} containing {value!r}")
    payload = {
        "source": proposition_key(source),
        "field": field_name,
        "value": value.strip(),
        "label": label.strip(),
        "before": {"source": _snapshot(source)},
        "after": {"moved": moved, "kept": len(source.claim_ids) - moved, "label": label.strip()},
    }
    return ledger.add_review(
        kind="split", payload=payload, note=note.strip(), author=author,
        idempotency_key=idempotency_key,
    )  # fmt: skip
