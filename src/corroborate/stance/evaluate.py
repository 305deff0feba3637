"""Score the stance model on any stances/bodies file pair in the FNC-1 format."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from corroborate.stance.data import FormatError, read_bodies, read_stances
from corroborate.stance.metrics import StanceMetrics, stance_metrics
from corroborate.stance.model import StanceModel


@dataclass(frozen=True, slots=True)
class StanceEvaluation:
    metrics: StanceMetrics
    seconds: float  # prediction time, features included

    @property
    def pairs_per_second(self) -> float:
        return self.metrics.pairs / self.seconds if self.seconds > 0 else float("inf")


def evaluate_files(
    stances: Path, bodies: Path, model: StanceModel | None = None
) -> StanceEvaluation:
    """Predict every pair of `stances` against `bodies` and score against its Stance column."""
    texts = read_bodies(bodies)
    pairs = read_stances(stances)
    missing = sorted({p.body_id for p in pairs if p.body_id not in texts})
    if missing:
        raise FormatError(f"{stances}: Body ID not in {bodies}: {', '.join(missing[:5])}")
    unlabelled = sum(1 for p in pairs if p.stance is None)
    if unlabelled:
        raise FormatError(f"{stances}: no Stance column or empty stances; nothing to score")
    model = model or StanceModel.load()
    start = time.perf_counter()
    predictions = model.predict([(p.headline, texts[p.body_id]) for p in pairs])
    seconds = time.perf_counter() - start
    metrics = stance_metrics([p.stance or "" for p in pairs], [p.label for p in predictions])
    return StanceEvaluation(metrics, seconds)


def format_metrics(m: StanceMetrics, seconds: float | None = None) -> str:
    """Plain-text report: FNC score, per-class P/R/F1, macro-F1, confusion matrix, speed."""
    lines = [
        f"pairs        {m.pairs}",
        f"FNC score    {m.fnc_score:.2f} of {m.fnc_max:.2f} = {m.fnc_share:.4f}",
        f"macro-F1     {m.macro_f1:.4f}",
        f"accuracy     {m.accuracy:.4f}",
        "",
        f"{'class':<10} {'precision':>9} {'recall':>7} {'F1':>7} {'support':>8}",
    ]
    for label in m.labels:
        c = m.per_class[label]
        lines.append(
            f"{label:<10} {c.precision:>9.4f} {c.recall:>7.4f} {c.f1:>7.4f} {c.support:>8}"
        )
    width = max(9, *(len(label) for label in m.labels)) + 1
    lines += ["", "confusion (rows: gold, columns: predicted)"]
    lines.append(" " * width + "".join(f"{label:>{width}}" for label in m.labels))
    for label, row in zip(m.labels, m.confusion, strict=True):
        lines.append(f"{label:<{width}}" + "".join(f"{n:>{width}}" for n in row))
    if seconds is not None:
        rate = m.pairs / seconds if seconds > 0 else float("inf")
        lines += ["", f"speed        {rate:.0f} pairs/s ({seconds:.2f}s for {m.pairs} pairs)"]
    return "\n".join(lines)
