"""Charts that read: labels placed apart, the rest listed, a caption for each."""

from __future__ import annotations

import re
from itertools import combinations

from corroborate.assess import Attention
from corroborate.report import charts
from corroborate.report.charts_text import CAPTIONS


def test_placed_labels_never_overlap() -> None:
    points = [(0.0, 1.0)] * 6 + [(0.1, 1.2), (5.0, 1.0), (0.0, 9.0)]
    spots = charts.place_labels(points, min_gap=1.0)
    assert spots[7] == (5.0, 1.0) and spots[0] == (0.0, 1.0)  # clear ones stay on their point
    for (x1, y1), (x2, y2) in combinations(spots, 2):
        assert abs(x1 - x2) >= 4.0 or abs(y1 - y2) >= 1.0 - 1e-9


def _attention(actor: str, mentions: int, support: int) -> Attention:
    return Attention(actor=actor, relation="arms_supply", mentions=mentions, outlets=1,
                     propositions=1, corroborated=0, independent_support=support)  # fmt: skip


def test_coverage_labels_the_top_actors_and_lists_the_rest() -> None:
    many = [_attention(f"Actor{i:02d}", mentions=40 - i, support=i % 3) for i in range(20)]
    svg = charts.coverage(many)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg) or re.findall(r"<!-- (.*?) -->", svg)
    joined = " ".join(texts)
    assert "Actor00" in joined and "Actor11" in joined  # the twelve most mentioned, labelled
    assert "Also plotted, unlabelled: Actor12, Actor13" in joined


def test_every_chart_has_a_caption_on_how_to_read_it() -> None:
    assert set(CAPTIONS) == {"timeline", "network", "coverage"}
    assert all(c.startswith("How to read:") and c.endswith(".") for c in CAPTIONS.values())
