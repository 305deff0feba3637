"""The generated world knowledge base: current with its generator, and tagging the right state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from corroborate.extract import default_kb, load_kb
from corroborate.extract.kb import KnowledgeBase, bundled_lexicons
from corroborate.extract.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_world_kb.py"
LANGUAGES = ("en", "ru", "tr", "ar", "fr", "it", "uk", "es")


def tags(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str | None]]:
    """(matched text, kind, canonical value) of each entity phrase in the text."""
    toks = tokenize(text)
    out: list[tuple[str, str, str | None]] = []
    for m in kb.entities.match([t.text for t in toks], [t.lower for t in toks]):
        entry = m.first("actor", "demonym")
        if entry is not None:
            phrase = " ".join(t.text for t in toks[m.start : m.end])
            out.append((phrase, entry.kind, entry.value))
    return out


def test_generated_files_are_current(tmp_path: Path) -> None:
    """Re-running the generator rewrites the committed files byte for byte."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    for language in LANGUAGES:
        fresh = (tmp_path / language / "world.yaml").read_text(encoding="utf-8")
        bundled = (bundled_lexicons(language) / "world.yaml").read_text(encoding="utf-8")
        assert fresh == bundled, f"{language}/world.yaml is stale: run {SCRIPT.name}"


def _world(language: str) -> list[dict[str, object]]:
    data = yaml.safe_load((bundled_lexicons(language) / "world.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    actors = data["actors"]
    assert isinstance(actors, list)
    return actors


def test_hand_kept_states_are_not_generated_again() -> None:
    names = {a["name"] for a in _world("en")}
    assert {"Kenya", "Rwanda", "North Korea", "DR Congo", "Jordan"} <= names
    assert not {"Turkey", "Türkiye", "Russia", "United States", "Georgia"} & names
    # CLDR's "Türkiye" is an alias of the hand-kept Turkey, so it names no second actor
    assert tags(default_kb(), "Türkiye said") == [("Türkiye", "actor", "Turkey")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan troops landed", [("Kenyan", "demonym", "Kenya")]),
        ("Rwandan-backed rebels", [("Rwandan-backed", "demonym", "Rwanda")]),
        ("Pyongyang shipped shells", [("Pyongyang", "actor", "North Korea")]),
        ("the DRC, not Brazzaville", [("DRC", "actor", "DR Congo"),
                                      ("Brazzaville", "actor", "Republic of the Congo")]),
        ("Burma and Côte d’Ivoire", [("Burma", "actor", "Myanmar"),
                                     ("Côte d’Ivoire", "actor", "Ivory Coast")]),
        ("officials in N'Djamena", [("N'Djamena", "actor", "Chad")]),
        ("the South Sudanese army", [("South Sudanese", "demonym", "South Sudan")]),
    ],
)  # fmt: skip
def test_world_states_tag_the_right_actor(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert tags(default_kb(), text) == expected


def test_stoplisted_words_name_nothing() -> None:
    """A capital that is also a first name, a territory that is also a word: no actor."""
    assert tags(default_kb(), "Victoria met Wellington in Kingston, New Jersey") == []


def test_every_language_pack_knows_every_state_by_its_english_name() -> None:
    english = {a["name"] for a in _world("en")}
    for language in LANGUAGES[1:]:
        names = {a["name"] for a in _world(language)}
        assert english <= names, language
        assert {"Turkey", "Russia", "United States"} <= names, language


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "поставки России", "Russia"),
        ("ru", "с Соединёнными Штатами", "United States"),
        ("ru", "в Южной Корее", "South Korea"),
        ("uk", "до Туреччини", "Turkey"),
        ("uk", "з Російською Федерацією", "Russia"),
        ("tr", "Rusya Federasyonu", "Russia"),
        ("fr", "la Corée du Nord", "North Korea"),
        ("ar", "الاتحاد الروسي", "Russia"),
        ("es", "Estados Unidos", "United States"),
        ("it", "Corea del Nord", "North Korea"),
    ],
)
def test_names_in_other_languages_keep_the_english_canonical_name(
    language: str, text: str, expected: str
) -> None:
    kb = load_kb([bundled_lexicons(language)])
    assert [value for _phrase, _kind, value in tags(kb, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RSF fighters", [("RSF", "actor", "Rapid Support Forces")]),
        ("the M23 and FARDC", [("M23", "actor", "M23"), ("FARDC", "actor", "DR Congo")]),
        ("Ansar Allah and Kataib Hezbollah", [("Ansar Allah", "actor", "Houthis"),
                                              ("Kataib Hezbollah", "actor", "Kataib Hezbollah")]),
        ("data from ISW", [("ISW", "actor", "Institute for the Study of War")]),
        # hand-kept states gain their agencies without losing their own names
        ("the IDF said", [("IDF", "actor", "Israel")]),
        ("Israel said", [("Israel", "actor", "Israel")]),
    ],
)  # fmt: skip
def test_hand_kept_groups_tag_the_right_actor(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert tags(default_kb(), text) == expected


def test_outlets_are_outlets_and_state_types_survive_extension() -> None:
    kb = default_kb()
    toks = tokenize("Ukrainska Pravda and The Irrawaddy reported")
    found = kb.entities.match([t.text for t in toks], [t.lower for t in toks])
    assert [m.entries[0].value for m in found if m.first("outlet")] == [
        "Ukrainska Pravda",
        "The Irrawaddy",
    ]
    assert (kb.actor_types["Israel"], kb.actor_types["Houthis"]) == ("state", "armed_group")
    assert kb.adversaries["Ukraine"] == "Russia"  # groups.yaml extends Ukraine, keeps this


def test_no_lexicon_word_list_holds_a_yaml_boolean() -> None:
    # a bare on / off / yes / no in a YAML list is read as a boolean, and the word is lost
    import yaml

    from corroborate.extract.kb import bundled_lexicons

    def booleans(node: object, path: str) -> list[str]:
        if isinstance(node, dict):
            return [b for k, v in node.items() for b in booleans(v, f"{path}.{k}")]
        if isinstance(node, list):
            return [f"{path}[{i}]" for i, v in enumerate(node) if isinstance(v, bool)] + [
                b for v in node for b in booleans(v, path)
            ]
        return []

    root = bundled_lexicons("en").parent
    found = [
        b
        for f in sorted(root.glob("*/*.yaml"))
        for b in booleans(yaml.safe_load(f.read_text(encoding="utf-8")), f.name)
    ]
    assert found == []
