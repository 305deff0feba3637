"""Pair features: headline/body overlap, TF-IDF similarities, cue counts near the best passage.

Everything that depends on the body alone is computed once per body (`BodyInfo`, cached by the
model); a pair then costs one pass over the body's sentence vectors.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from corroborate.stance.cues import CUE_KINDS, cue_index
from corroborate.stance.text import Sentence, content_stems, is_number, sentences, words

TOP_K = 3
SUPPORT = 0.4  # share of headline stems a sentence must hold to count as discussing it
# Groups of cue kinds for "is there such a cue in a sentence that matches the headline?"
CUE_GROUPS: dict[str, tuple[str, ...]] = {
    "deny": ("deny_verbs", "deny_predicates", "author_denials", "debunk"),
    "neg": ("negations",),
    "hedge": ("hedges", "doubt", "vague_sources"),
    "say": ("say_verbs", "according_to", "claim_nouns"),
    "contrast": ("contrast",),
}
LEAD = 3  # sentences counted as the lead of a body
Vector = dict[str, float]


class Idf:
    """Inverse document frequencies of stems (fitted on training bodies and headlines)."""

    def __init__(self, idf: Mapping[str, float], default: float) -> None:
        self.idf = dict(idf)
        self.default = default

    @classmethod
    def fit(cls, documents: Iterable[list[str]], min_df: int = 2) -> Idf:
        df: Counter[str] = Counter()
        n = 0
        for stems in documents:
            n += 1
            df.update(set(stems))
        # rounded as stored in the artefact, so training sees exactly what the shipped model sees
        idf = {s: round(math.log((1 + n) / (1 + c)) + 1.0, 4) for s, c in df.items() if c >= min_df}
        return cls(idf, round(math.log((1 + n) / 2) + 1.0, 4))

    def vector(self, stems: list[str]) -> Vector:
        """L2-normalised sublinear TF-IDF vector."""
        get, default, log = self.idf.get, self.default, math.log
        vec = {
            s: get(s, default) if c == 1 else (1.0 + log(c)) * get(s, default)
            for s, c in Counter(stems).items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {s: v / norm for s, v in vec.items()} if norm else {}

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.default)


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _bigrams(stems: list[str]) -> set[tuple[str, str]]:
    return set(pairwise(stems))


@dataclass(slots=True)
class HeadlineInfo:
    stems: list[str]
    stem_set: frozenset[str]
    bigrams: set[tuple[str, str]]
    numbers: frozenset[str]
    vec: Vector
    cues: list[int]
    question: bool
    n_tokens: int


@dataclass(slots=True)
class BodyInfo:
    text: str
    sentences: list[Sentence]
    sent_stems: list[frozenset[str]]
    sent_vecs: list[Vector]
    sent_cues: list[list[int]]
    vec: Vector
    stem_set: frozenset[str]
    lead_set: frozenset[str]
    bigrams: set[tuple[str, str]]
    numbers: frozenset[str]
    static: list[float]  # body-only features


def headline_info(text: str, idf: Idf) -> HeadlineInfo:
    tokens = words(text)
    stems = content_stems(tokens)
    return HeadlineInfo(
        stems=stems,
        stem_set=frozenset(stems),
        bigrams=_bigrams(stems),
        numbers=frozenset(t for t in tokens if is_number(t)),
        vec=idf.vector(stems),
        cues=cue_index().count(tokens),
        question="?" in text,
        n_tokens=len(tokens),
    )


def body_info(text: str, idf: Idf) -> BodyInfo:
    index = cue_index()
    sents = sentences(text) or [Sentence(0, len(text), text)]
    sent_tokens = [words(s.text) for s in sents]
    sent_stems = [content_stems(t) for t in sent_tokens]
    all_stems = [s for st in sent_stems for s in st]
    all_tokens = [t for ts in sent_tokens for t in ts]
    sent_cues = [index.count(t) for t in sent_tokens]
    bigrams: set[tuple[str, str]] = set()
    for st in sent_stems:
        bigrams |= _bigrams(st)
    n_sent = len(sents)
    n_tok = max(1, len(all_tokens))
    columns = list(zip(*sent_cues, strict=True))  # per cue kind, its count in each sentence
    totals = [sum(col) for col in columns]
    lead = [sum(col[:LEAD]) for col in columns]
    sent_with = [(len(col) - col.count(0)) / n_sent for col in columns]
    static = [
        math.log1p(n_tok),
        math.log1p(n_sent),
        text.count("?") / n_sent,
        (text.count('"') + text.count("\u201c")) / n_sent,
        *[1000.0 * t / n_tok for t in totals],
        *[float(x) for x in lead],
        *sent_with,
    ]
    return BodyInfo(
        text=text,
        sentences=sents,
        sent_stems=[frozenset(s) for s in sent_stems],
        sent_vecs=[idf.vector(s) for s in sent_stems],
        sent_cues=sent_cues,
        vec=idf.vector(all_stems),
        stem_set=frozenset(all_stems),
        lead_set=frozenset(s for st in sent_stems[:LEAD] for s in st),
        bigrams=bigrams,
        numbers=frozenset(t for t in all_tokens if is_number(t)),
        static=static,
    )


def _names() -> list[str]:
    k = CUE_KINDS
    return [
        # relatedness
        "cos_body",
        "sent_max",
        "sent_top3",
        "sent_mean",
        "sent_lead_max",
        "best_pos",
        "overlap_body",
        "overlap_body_w",
        "overlap_lead",
        "overlap_best_sent",
        "overlap_sent_max",
        "jaccard",
        "bigram_hits",
        "bigram_frac",
        "numbers_hit",
        "numbers_miss",
        "h_len",
        "h_stems",
        "h_oov_missing",
        # headline cues
        *[f"h_{c}" for c in k],
        "h_question",
        # cues near the passage
        *[f"top_{c}" for c in k],
        *[f"best_{c}" for c in k],
        *[f"wavg_{c}" for c in k],
        "neg_xor",
        *[f"near_{g}_overlap" for g in CUE_GROUPS],
        *[f"near_{g}_sim" for g in CUE_GROUPS],
        "support_sents",
        "support_frac",
        *[f"support_{c}" for c in k],
        # body only
        "b_len",
        "b_sents",
        "b_questions",
        "b_quotes",
        *[f"b_rate_{c}" for c in k],
        *[f"b_lead_{c}" for c in k],
        *[f"b_sentfrac_{c}" for c in k],
    ]


FEATURE_NAMES: tuple[str, ...] = tuple(_names())
_GROUP_INDEX = [tuple(CUE_KINDS.index(c) for c in kinds) for kinds in CUE_GROUPS.values()]


def pair_features(h: HeadlineInfo, b: BodyInfo, idf: Idf) -> tuple[list[float], int]:
    """The feature row of one pair and the index of the body sentence that best matches."""
    k = len(CUE_KINDS)
    sims = [dot(h.vec, v) for v in b.sent_vecs]
    n = len(sims)
    order = sorted(range(n), key=lambda i: -sims[i])
    best = order[0]
    top = order[:TOP_K]
    hset = h.stem_set
    n_h = max(1, len(hset))
    w_total = math.fsum(idf.weight(s) for s in hset) or 1.0  # fsum: set order varies
    overlaps = [len(hset & s) / n_h for s in b.sent_stems]
    in_body = hset & b.stem_set
    total_sim = sum(max(0.0, s) for s in sims) or 1.0
    wavg = [sum(sims[i] * b.sent_cues[i][c] for i in range(n)) / total_sim for c in range(k)]
    top_cues = [float(sum(b.sent_cues[i][c] for i in top)) for c in range(k)]
    best_cues = [float(b.sent_cues[best][c]) for c in range(k)]
    neg = CUE_KINDS.index("negations")
    h_neg = h.cues[neg] % 2
    b_neg = sum(b.sent_cues[i][neg] for i in top) % 2
    nums_hit = len(h.numbers & b.numbers)
    near_overlap = []
    near_sim = []
    for kinds in _GROUP_INDEX:
        hits = [i for i in range(n) if any(b.sent_cues[i][c] for c in kinds)]
        near_overlap.append(max((overlaps[i] for i in hits), default=0.0))
        near_sim.append(max((sims[i] for i in hits), default=0.0))
    support = [i for i in range(n) if overlaps[i] >= SUPPORT]
    n_sup = max(1, len(support))
    support_cues = [sum(b.sent_cues[i][c] for i in support) / n_sup for c in range(k)]
    row = [
        dot(h.vec, b.vec),
        sims[best],
        sum(sims[i] for i in top) / len(top),
        sum(sims) / n,
        max(sims[:LEAD]),
        best / n,
        len(in_body) / n_h,
        math.fsum(idf.weight(s) for s in in_body) / w_total,
        len(hset & b.lead_set) / n_h,
        overlaps[best],
        max(overlaps),
        len(in_body) / max(1, len(hset | b.stem_set)),
        float(len(h.bigrams & b.bigrams)),
        len(h.bigrams & b.bigrams) / max(1, len(h.bigrams)),
        float(nums_hit),
        float(len(h.numbers) - nums_hit),
        float(h.n_tokens),
        float(len(hset)),
        float(sum(1 for s in hset - b.stem_set if s not in idf.idf)),
        *[float(c) for c in h.cues],
        float(h.question),
        *top_cues,
        *best_cues,
        *wavg,
        float(h_neg ^ b_neg),
        *near_overlap,
        *near_sim,
        float(len(support)),
        len(support) / n,
        *support_cues,
        *b.static,
    ]
    return row, best


class Featurizer:
    """Pair features with per-body and per-headline caches (bounded, least recently used)."""

    def __init__(self, idf: Idf, max_bodies: int = 2048, max_headlines: int = 8192) -> None:
        self.idf = idf
        self.max_bodies = max_bodies
        self.max_headlines = max_headlines
        self._bodies: dict[str, BodyInfo] = {}
        self._headlines: dict[str, HeadlineInfo] = {}

    def body(self, text: str) -> BodyInfo:
        info = self._bodies.pop(text, None)
        if info is None:
            info = body_info(text, self.idf)
            if len(self._bodies) >= self.max_bodies:
                del self._bodies[next(iter(self._bodies))]
        self._bodies[text] = info  # re-inserted: most recently used last
        return info

    def headline(self, text: str) -> HeadlineInfo:
        info = self._headlines.pop(text, None)
        if info is None:
            info = headline_info(text, self.idf)
            if len(self._headlines) >= self.max_headlines:
                del self._headlines[next(iter(self._headlines))]
        self._headlines[text] = info
        return info

    def clear(self) -> None:
        self._bodies.clear()
        self._headlines.clear()

    def pair(self, headline: str, body: str) -> tuple[list[float], BodyInfo, int]:
        b = self.body(body)
        row, best = pair_features(self.headline(headline), b, self.idf)
        return row, b, best
