"""Precision, recall and F1 of predicted claims against gold, by the contract's matching rules.

The rules are those of shared/claims-contract.md (and shared/eval/score_claims.py): same document
(base name), subject, relation (or relation_alt), polarity, speaker (or speaker_alt), recipient
where both give one, overlapping object where both give one; greedy, non-optional gold first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any

Claim = dict[str, Any]


def _norm(value: Any) -> str | None:
    return None if value is None else str(value).strip().lower()


def doc_key(claim: Claim) -> str:
    return PurePosixPath(str(claim.get("doc", "")).rstrip("/")).name


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [w for w in (_norm(v) for v in items if v) if w]


def _objects_overlap(gold: Any, pred: Any) -> bool:
    g, p = _words(gold), _norm(pred)
    if not g or not p:
        return True
    return any(w in p or p in w for w in g)


def _speaker_class(value: Any) -> str:
    return "author" if _norm(value) == "author" else "other"


def matches(gold: Claim, pred: Claim, *, loose: bool = False) -> bool:
    if _norm(gold.get("subject")) != _norm(pred.get("subject")):
        return False
    relations = {_norm(gold["relation"])} | {_norm(r) for r in gold.get("relation_alt", [])}
    if _norm(pred.get("relation")) not in relations:
        return False
    if _norm(gold.get("polarity", "affirm")) != _norm(pred.get("polarity", "affirm")):
        return False
    if loose:
        return _speaker_class(gold["speaker"]) == _speaker_class(pred.get("speaker"))
    speakers = {_norm(gold["speaker"])} | {_norm(s) for s in gold.get("speaker_alt", [])}
    if _norm(pred.get("speaker")) not in speakers:
        return False
    recipients = {_norm(gold.get("recipient"))} | {_norm(r) for r in gold.get("recipient_alt", [])}
    p_rec = _norm(pred.get("recipient"))
    if _norm(gold.get("recipient")) and p_rec and p_rec not in recipients:
        return False
    return _objects_overlap(gold.get("object"), pred.get("object"))


def _same_quantity(gold: Claim, pred: Claim) -> bool | None:
    g, p = gold.get("quantity"), pred.get("quantity")
    if not g:
        return None
    if not p:
        return False
    return _bound(g.get("low")) == _bound(p.get("low", -1)) and _bound(g.get("high")) == _bound(
        p.get("high", -1)
    )


def _bound(value: Any) -> float | None:
    """A quantity's bound; the contract's open bound ("more than 1,600": high null) is None."""
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    tp: int
    predicted: int
    gold_required: int
    hedged_accuracy: float | None
    quantity_accuracy: float | None
    out_of_scope: int = 0  # unmatched predictions a scope file leaves out of precision
    missed: list[Claim] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("missed", "spurious")
        }


OWN_ACTS = frozenset({"combat", "troop_deployment", "force_size"})


def out_of_scope(pred: Claim, belligerents: dict[str, set[str]]) -> bool:
    """A belligerent's own combat, deployment or force size: outside an external-involvement set."""
    own = belligerents.get(doc_key(pred), set())
    return _norm(pred.get("subject")) in own and _norm(pred.get("relation")) in OWN_ACTS


def load_belligerents(path: Path) -> dict[str, set[str]]:
    """A gold set's scope file: {"doc", "belligerents": [...]} per line."""
    return {
        doc_key(row): {str(_norm(b)) for b in row.get("belligerents", [])}
        for row in load_jsonl(path, kind="scope")
    }


def score(
    gold: list[Claim],
    predicted: list[Claim],
    *,
    loose: bool = False,
    belligerents: dict[str, set[str]] | None = None,
) -> Score:
    """The contract's matching; `belligerents` leaves their unmatched own acts out of precision."""
    scope = belligerents or {}
    docs = {doc_key(c) for c in gold}
    predicted = [c for c in predicted if doc_key(c) in docs]
    used: set[int] = set()
    tp = optional_hits = hedge_ok = hedge_n = qty_ok = qty_n = 0
    missed: list[Claim] = []
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    by_doc: dict[str, list[int]] = {}
    for pi, p in enumerate(predicted):
        by_doc.setdefault(doc_key(p), []).append(pi)
    for gi in order:
        g = gold[gi]
        for pi in by_doc.get(doc_key(g), []):
            if pi in used or not matches(g, predicted[pi], loose=loose):
                continue
            used.add(pi)
            if g.get("optional"):
                optional_hits += 1
            else:
                tp += 1
                hedge_n += 1
                hedge_ok += bool(g.get("hedged")) == bool(predicted[pi].get("hedged"))
                q = _same_quantity(g, predicted[pi])
                if q is not None:
                    qty_n += 1
                    qty_ok += q
            break
        else:
            if not g.get("optional"):
                missed.append(g)
    required = sum(not g.get("optional") for g in gold)
    ignored = {pi for pi, p in enumerate(predicted) if pi not in used and out_of_scope(p, scope)}
    counted = len(predicted) - optional_hits - len(ignored)
    precision = tp / counted if counted else 0.0
    recall = tp / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        tp=tp,
        predicted=len(predicted),
        gold_required=required,
        hedged_accuracy=round(hedge_ok / hedge_n, 4) if hedge_n else None,
        quantity_accuracy=round(qty_ok / qty_n, 4) if qty_n else None,
        out_of_scope=len(ignored),
        missed=missed,
        spurious=[p for pi, p in enumerate(predicted) if pi not in used and pi not in ignored],
    )


def load_jsonl(path: Path, *, kind: str = "claim") -> list[Claim]:
    rows: list[Claim] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: row {n}: invalid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or (kind == "claim" and "relation" not in row):
                raise ValueError(f"{path}: row {n}: not a claim (needs at least 'relation')")
            rows.append(row)
    return rows


def evidence_text(claim: Claim) -> str:
    ev = claim.get("evidence")
    return str(ev.get("text", "")) if isinstance(ev, dict) else str(ev or "")


def describe(claim: Claim) -> str:
    """One readable line: doc, who did what to whom, voiced by whom, and the words."""
    obj = claim.get("object")
    obj_text = "/".join(obj) if isinstance(obj, list) else obj
    parts = [
        doc_key(claim),
        f"{claim.get('subject')} {claim.get('relation')}",
        f"{obj_text or '-'} -> {claim.get('recipient') or '-'}",
        f"[{claim.get('speaker')} {claim.get('polarity')}"
        + (" hedged]" if claim.get("hedged") else "]"),
    ]
    return "  ".join(parts) + f'  "{evidence_text(claim)[:90]}"'


def iter_lines(result: Score) -> Iterable[str]:
    for g in result.missed:
        yield "missed    " + describe(g)
    for p in result.spurious:
        yield "spurious  " + describe(p)
