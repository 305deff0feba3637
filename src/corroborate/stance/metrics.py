"""Stance metrics: the FNC-1 score, per-class precision/recall/F1, macro-F1, confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.stance.data import LABELS

RELATED = frozenset(("agree", "disagree", "discuss"))


@dataclass(frozen=True, slots=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class StanceMetrics:
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows: gold label, columns: predicted label
    fnc_score: float
    fnc_max: float
    per_class: dict[str, ClassScores]
    macro_f1: float
    accuracy: float

    @property
    def fnc_share(self) -> float:
        return self.fnc_score / self.fnc_max if self.fnc_max else 0.0

    @property
    def pairs(self) -> int:
        return sum(sum(row) for row in self.confusion)


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS
) -> list[list[int]]:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def fnc_score(confusion: Sequence[Sequence[int]], labels: Sequence[str] = LABELS) -> float:
    """0.25 per right related/unrelated decision, plus 0.75 per related pair labelled exactly."""
    score = 0.0
    for i, gold in enumerate(labels):
        for j, pred in enumerate(labels):
            n = confusion[i][j]
            if (gold in RELATED) == (pred in RELATED):
                score += 0.25 * n
            if gold == pred and gold in RELATED:
                score += 0.75 * n
    return score


def fnc_max(confusion: Sequence[Sequence[int]], labels: Sequence[str] = LABELS) -> float:
    return sum(
        (1.0 if gold in RELATED else 0.25) * sum(confusion[i]) for i, gold in enumerate(labels)
    )


def metrics_from_confusion(
    confusion: Sequence[Sequence[int]], labels: Sequence[str] = LABELS
) -> StanceMetrics:
    per_class: dict[str, ClassScores] = {}
    for i, label in enumerate(labels):
        tp = confusion[i][i]
        predicted = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per_class[label] = ClassScores(p, r, f1, support)
    total = sum(sum(row) for row in confusion)
    return StanceMetrics(
        labels=tuple(labels),
        confusion=tuple(tuple(row) for row in confusion),
        fnc_score=fnc_score(confusion, labels),
        fnc_max=fnc_max(confusion, labels),
        per_class=per_class,
        macro_f1=sum(c.f1 for c in per_class.values()) / len(labels),
        accuracy=sum(confusion[i][i] for i in range(len(labels))) / total if total else 0.0,
    )


def stance_metrics(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS
) -> StanceMetrics:
    return metrics_from_confusion(confusion_matrix(gold, predicted, labels), labels)
