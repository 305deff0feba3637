"""Cutting text into highlighted segments: the pieces, and the spans covering each."""

from __future__ import annotations

import random

from corroborate.web.views import Span, segments, snippet


def covering(text: str, spans: list[Span], a: int, b: int) -> tuple[Span, ...]:
    """The definition: the valid spans that contain [a, b), in the order given."""
    return tuple(
        s for s in spans if 0 <= s.start < s.end <= len(text) and s.start <= a < b <= s.end
    )


def test_overlapping_nested_adjacent_and_invalid_spans() -> None:
    text = "Turkey sent drones to Azerbaijan."
    spans = [Span(0, 6, "actor", "a"), Span(0, 18, "claim", "c"), Span(12, 18, "thing", "t"),
             Span(18, 21, "x", "adjacent"), Span(30, 99, "bad", "past the end"),
             Span(5, 5, "bad", "empty")]  # fmt: skip
    got = segments(text, spans)
    assert "".join(s.text for s in got) == text
    assert [(s.text, [m.label for m in s.marks]) for s in got] == [
        ("Turkey", ["a", "c"]), (" sent ", ["c"]), ("drones", ["c", "t"]), (" to", ["adjacent"]),
        (" Azerbaijan.", []),
    ]  # fmt: skip


def test_matches_the_definition_on_random_spans() -> None:
    rng = random.Random(3)
    text = "x" * 60
    for _ in range(200):
        starts = [rng.randint(-3, 62) for _ in range(rng.randint(0, 8))]
        spans = [Span(a, a + rng.randint(-2, 15), "k", str(i)) for i, a in enumerate(starts)]
        pos = 0
        for seg in segments(text, spans):
            end = pos + len(seg.text)
            assert seg.marks == covering(text, spans, pos, end)
            pos = end
        assert pos == len(text)


def test_snippet_marks_every_term() -> None:
    text = "convoy " * 200
    pieces = snippet(text, ["convoy"])
    assert sum(1 for p in pieces if p.marks) >= 20 and pieces[-1].text == " …"
