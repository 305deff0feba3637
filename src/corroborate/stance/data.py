"""FNC-1 format files (stances and bodies CSV) and the body-disjoint train/dev split."""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
SPLIT_SEED = 20170601  # fixed: the dev split must never move
DEV_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Pair:
    headline: str
    body_id: str
    stance: str | None  # None when the file has no Stance column


class FormatError(ValueError):
    """A file that is not in the FNC-1 format."""


def read_bodies(path: Path) -> dict[str, str]:
    """`Body ID` -> `articleBody`."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = set(reader.fieldnames or ())
        if not {"Body ID", "articleBody"} <= fields:
            raise FormatError(f"{path}: expected columns 'Body ID' and 'articleBody'")
        return {row["Body ID"].strip(): row["articleBody"] for row in reader}


def read_stances(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = set(reader.fieldnames or ())
        if not {"Headline", "Body ID"} <= fields:
            raise FormatError(f"{path}: expected columns 'Headline' and 'Body ID'")
        pairs = []
        for n, row in enumerate(reader, start=2):
            stance = row.get("Stance")
            if stance is not None:
                stance = stance.strip().lower()
                if stance not in LABELS:
                    raise FormatError(f"{path}:{n}: unknown stance {stance!r}")
            pairs.append(Pair(row["Headline"], row["Body ID"].strip(), stance))
        return pairs


def split_bodies(
    body_ids: Sequence[str], seed: int = SPLIT_SEED, dev_share: float = DEV_SHARE
) -> tuple[set[str], set[str]]:
    """Deterministic body-disjoint split: (train body ids, dev body ids)."""
    ids = sorted(set(body_ids), key=lambda x: (len(x), x))
    random.Random(seed).shuffle(ids)
    n_dev = round(len(ids) * dev_share)
    return set(ids[n_dev:]), set(ids[:n_dev])


@dataclass(frozen=True, slots=True)
class FncData:
    bodies: dict[str, str]
    train: list[Pair]
    dev: list[Pair]


def load_split(folder: Path, seed: int = SPLIT_SEED) -> FncData:
    """train_bodies.csv + train_stances.csv of `folder`, split 80/20 by body."""
    bodies = read_bodies(folder / "train_bodies.csv")
    pairs = read_stances(folder / "train_stances.csv")
    train_ids, dev_ids = split_bodies(list(bodies), seed)
    return FncData(
        bodies,
        [p for p in pairs if p.body_id in train_ids],
        [p for p in pairs if p.body_id in dev_ids],
    )


# Per-label quotas of the regression sample: enough disagree pairs for a stable macro-F1.
SAMPLE_QUOTAS: dict[str, int] = {"agree": 60, "disagree": 40, "discuss": 80, "unrelated": 120}


def dev_sample(data: FncData, quotas: dict[str, int] | None = None, seed: int = 7) -> list[Pair]:
    """A fixed sample of dev pairs, stratified by label (file order does not matter)."""
    rng = random.Random(seed)
    out: list[Pair] = []
    for label, n in (quotas or SAMPLE_QUOTAS).items():
        pool = sorted(
            (p for p in data.dev if p.stance == label), key=lambda p: (p.body_id, p.headline)
        )
        out += rng.sample(pool, min(n, len(pool)))
    return out
