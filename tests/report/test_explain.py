"""Whole-sentence quotes and voices tables, on text and hand-built voices."""

from __future__ import annotations

from corroborate.assess import assess
from corroborate.report.explain import LEGEND, sentence_of, voice_rows
from tests.assess.test_status import CAMPS, OUTLETS, claim

TEXT = (
    "Intro line. Belarus sent artillery shells to Russia, the wire service reported, citing "
    "rail records. Minsk denied it.\n\nLater, U.S. officials said Gen. Smith met them."
)


def _span(words: str) -> tuple[int, int]:
    i = TEXT.index(words)
    return i, i + len(words)


def test_the_whole_sentence_around_the_claim_words() -> None:
    s = sentence_of(TEXT, *_span("Belarus sent artillery shells to Russia"))
    assert s.before == "" and s.quote == "Belarus sent artillery shells to Russia"
    assert s.after == ", the wire service reported, citing rail records."
    assert not (s.clipped_start or s.clipped_end)
    later = sentence_of(TEXT, *_span("officials"))
    assert later.text == "Later, U.S. officials said Gen. Smith met them."  # not cut at "U.S."


def test_a_denial_shows_the_denial_own_words() -> None:
    s = sentence_of(TEXT, *_span("Belarus sent artillery shells to Russia"), denial=True)
    assert s.text.endswith("citing rail records. Minsk denied it.")
    said = sentence_of("Tehran denied sending drones to Moscow. Other news.", 14, 38, denial=True)
    assert said.text == "Tehran denied sending drones to Moscow."  # already says it


def test_a_very_long_sentence_is_cut_with_an_ellipsis() -> None:
    long = "word " * 400 + "Turkey sent drones" + " more" * 400 + "."
    i = long.index("Turkey")
    s = sentence_of(long, i, i + len("Turkey sent drones"))
    assert s.clipped_start and s.clipped_end
    assert s.text.startswith("… ") and s.text.endswith(" …") and len(s.text) < 1300


def test_voice_rows_say_how_each_voice_counts() -> None:
    claims = [claim("Armenia", "Yerevan Daily"), claim("author", "Monitor"),
              claim("Turkey", "Baku Daily", polarity="deny"),
              claim("author", "Wire One", hedged=True)]  # fmt: skip
    [p] = assess(claims, camps=CAMPS, outlet_affiliation=OUTLETS)
    rows = {r.voice: r for r in voice_rows(p)}
    assert rows["Armenia [am] (in Yerevan Daily)"].standing == "a camp opposed to the actor"
    assert rows["Monitor"].counts == "counts as an independent voice"
    assert rows["Turkey [az] (in Baku Daily)"].counts.startswith("noted: the accused's own")
    wire = rows["Wire One [wire]"]
    assert wire.counts.startswith("not firm") and wire.weight == 0.5
    assert {t for t, _ in LEGEND} >= {"weight 1", "weight 0.5", "weight 0.3", "third party"}
