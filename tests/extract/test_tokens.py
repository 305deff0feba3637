"""Tokens, sentence boundaries on raw text, and the prefilter's word sets."""

from __future__ import annotations

from corroborate.extract.tokens import WordFlags, sentence_spans, tokenize, word_set

ABBREVIATIONS = frozenset({"gen", "mr"})


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text, abbreviations=ABBREVIATIONS)]


def test_tokens_keep_designations_and_split_possessives() -> None:
    tokens = tokenize("Turkey's F-16s didn't fly; 130,000-140,000 troops.")
    assert [t.text for t in tokens] == [
        "Turkey", "'s", "F-16s", "did", "n't", "fly", ";", "130,000-140,000", "troops", ".",
    ]  # fmt: skip
    text = "xx Tor-M1 yy"
    (tor,) = [t for t in tokenize(text, 3, 9)]
    assert (tor.start, tor.end, text[tor.start : tor.end]) == (3, 9, "Tor-M1")


def test_token_offsets_found_from_the_words_match_the_text() -> None:
    text = "Ankara's  F-16 \u2014 Iran\u2019s\tdrones (2.5 tons)\nit's Iran\u2019s  "
    tokens = tokenize(text, 2)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.lower for t in tokens][:4] == ["kara", "'s", "f-16", "\u2014"]
    starts = [t.start for t in tokens]
    assert starts == sorted(set(starts))  # a repeated word ("Iran\u2019s") has its own offsets


def test_sentence_boundaries() -> None:
    text = (
        'Gen. Smith said the U.S. embassy closed. "We left," he said. Then Baku spoke!'
        " The offensive began.On Monday it ended\nA new line starts here"
    )
    assert sentences(text) == [
        "Gen. Smith said the U.S. embassy closed.",
        '"We left," he said.',
        "Then Baku spoke!",
        "The offensive began.",
        "On Monday it ended",
        "A new line starts here",
    ]


def test_no_boundary_before_lowercase_or_inside_numbers() -> None:
    assert sentences("It cost 2.5 million, e.g. for drones. Next.") == [
        "It cost 2.5 million, e.g. for drones.",
        "Next.",
    ]


def test_word_set_sees_parts_of_compounds_and_possessives() -> None:
    text = "Russian-Armenian media cited Turkey's F-16 in the US report."
    words = word_set(text, 0, len(text))
    assert {"russian", "armenian", "turkey", "f-16", "US", "us"} <= words


def test_word_flags_answer_as_word_set_does() -> None:
    text = "Russian-Armenian media cited Turkey's F-16 in the US report; Iran\u2019s drones."
    sets = [frozenset({"armenian"}), frozenset({"us"}), frozenset({"Iran"}), frozenset({"x"})]
    flags = WordFlags(sets, limit=3)  # a tiny cache: cleared while reading this very sentence
    words = word_set(text, 0, len(text))
    expected = sum(1 << k for k, s in enumerate(sets) if not words.isdisjoint(s))
    assert flags(text, 0, len(text)) == expected == 0b111
    assert flags(text, 0, 16) == 0b001  # "Russian-Armenian" alone


def test_glued_paragraph_opening_with_a_typographic_quote_is_a_new_sentence() -> None:
    text = (
        "Minsk backs Chisinau.\u201cA GRAVE HOUR\u201d Kyiv said so. She said \u201cno.\u201d Fine."
    )
    assert sentences(text) == [
        "Minsk backs Chisinau.",
        "\u201cA GRAVE HOUR\u201d Kyiv said so.",
        "She said \u201cno.\u201d",
        "Fine.",
    ]
    # a straight quote or a lowercase word after the mark still joins nothing new
    assert sentences('He said "no."then left.') == ['He said "no."then left.']
