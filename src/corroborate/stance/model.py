"""The shipped stance model: headline/body pair -> agree, disagree, discuss or unrelated."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np

from corroborate.stance.data import LABELS
from corroborate.stance.features import FEATURE_NAMES, Featurizer, Idf

ARTEFACT = ("data", "models", "stance.json.gz")
FORMAT = "corroborate-stance/1"


@dataclass(frozen=True, slots=True)
class Passage:
    """The body sentence that best matches the headline, as character offsets into the body."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class StancePrediction:
    label: str
    confidence: float
    probabilities: dict[str, float]
    passage: Passage


class ArtefactError(ValueError):
    """The model file is missing or not one this code can read."""


def artefact_path() -> Path:
    return Path(str(files("corroborate").joinpath(*ARTEFACT)))


def save_artefact(
    path: Path,
    booster: lgb.Booster,
    idf: Idf,
    class_scale: Sequence[float],
    meta: dict[str, Any],
) -> None:
    """One gzipped JSON file: idf table, LightGBM trees as text, decision scaling, provenance."""
    payload = {
        "format": FORMAT,
        "labels": list(LABELS),
        "features": list(FEATURE_NAMES),
        "class_scale": [float(x) for x in class_scale],
        "idf_default": idf.default,
        "idf": dict(sorted(idf.idf.items())),
        "booster": booster.model_to_string(),
        "meta": meta,
    }
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same model gives byte-identical files
    with path.open("wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)


class StanceModel:
    """Load once with `StanceModel.load()`; `predict` caches features per body and headline."""

    def __init__(
        self,
        booster: lgb.Booster,
        idf: Idf,
        class_scale: Sequence[float],
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.booster = booster
        self.featurizer = Featurizer(idf)
        self.class_scale = np.asarray(class_scale, dtype=np.float64)
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path | None = None) -> StanceModel:
        """The shipped model (or the one at `path`), read once per process."""
        return _load(str(path or artefact_path()))

    @classmethod
    def read(cls, path: Path) -> StanceModel:
        """A fresh, uncached model from `path`."""
        try:
            with gzip.open(path, "rb") as fh:
                payload = json.loads(fh.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise ArtefactError(f"{path}: cannot read the stance model ({exc})") from None
        if payload.get("format") != FORMAT:
            raise ArtefactError(f"{path}: not a {FORMAT} file")
        if tuple(payload["features"]) != FEATURE_NAMES:
            raise ArtefactError(f"{path}: trained on other features; retrain the model")
        if tuple(payload["labels"]) != LABELS:
            raise ArtefactError(f"{path}: unexpected labels {payload['labels']}")
        booster = lgb.Booster(model_str=payload["booster"])
        idf = Idf(payload["idf"], float(payload["idf_default"]))
        return cls(booster, idf, payload["class_scale"], payload.get("meta"))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Class probabilities (rows of LABELS order) after the tuned decision scaling."""
        raw = np.asarray(self.booster.predict(rows, num_threads=1), dtype=np.float64)
        scaled = raw * self.class_scale
        out: np.ndarray = scaled / scaled.sum(axis=1, keepdims=True)
        return out

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
        """Stance of each (headline, body) pair."""
        if not pairs:
            return []
        rows = []
        passages = []
        for headline, body in pairs:
            row, info, best = self.featurizer.pair(headline, body)
            rows.append(row)
            s = info.sentences[best]
            passages.append(Passage(s.start, s.end, s.text))
        probs = self.probabilities(np.asarray(rows, dtype=np.float64))
        out = []
        for p, passage in zip(probs, passages, strict=True):
            k = int(np.argmax(p))
            out.append(
                StancePrediction(
                    label=LABELS[k],
                    confidence=float(p[k]),
                    probabilities={label: float(v) for label, v in zip(LABELS, p, strict=True)},
                    passage=passage,
                )
            )
        return out


@cache
def _load(path: str) -> StanceModel:
    return StanceModel.read(Path(path))
