"""Generate the world knowledge base: every ISO 3166 state and territory as a lexicon actor.

    .venv/bin/python scripts/build_world_kb.py            # rewrites the bundled world.yaml files
    .venv/bin/python scripts/build_world_kb.py --out DIR  # writes DIR/<lang>/world.yaml instead

Names come from maintained packages, pinned in pyproject's dev extras (build-time only):
pycountry (ISO 3166-1 names, official names and their translations) and Babel (CLDR's territory
names per language). What no package gives, demonyms, capitals and the names English news
prefers, comes from the reviewed table scripts/data/world_states.tsv; the stoplist
scripts/data/world_stoplist.txt keeps common words and first names ("Victoria", "Jersey") from
becoming names on their own. Actors kept by hand in the English lexicon (actors.yaml, ...) are
not generated again: a country whose name or alias a hand-kept actor already has is left to it
in English, and keeps that actor's canonical name in the other languages.

The English file has aliases, demonyms and metonyms; each other language's file has the state's
names in that language (CLDR's and pycountry's), and for Russian and Ukrainian their case forms
from pymorphy3. Output is deterministic: re-running on the same inputs rewrites the same bytes.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "corroborate" / "data" / "lexicons"
TABLE = Path(__file__).resolve().parent / "data" / "world_states.tsv"
STOPLIST = Path(__file__).resolve().parent / "data" / "world_stoplist.txt"
LANGUAGES = ("ru", "tr", "ar", "fr", "it", "uk", "es")
INFLECTED = ("ru", "uk")  # languages whose names get their case forms from pymorphy3
AND = ("\u0438", "\u0456", "\u0439", "\u0442\u0430")  # "and" in Russian and Ukrainian
OUTPUT = "world.yaml"
COMMAND = "python scripts/build_world_kb.py"
EXTRA_CODES = {"XK": "Kosovo"}  # in CLDR, not (yet) in ISO 3166-1
COLUMNS = ("code", "name", "type", "adjectives", "nouns", "metonyms", "aliases")
TYPES = frozenset({"state", "territory", "de_facto"})


@dataclass(frozen=True, slots=True)
class Row:
    """One reviewed line of the table."""

    code: str
    name: str
    type: str
    adjectives: tuple[str, ...]
    nouns: tuple[str, ...]
    metonyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(slots=True)
class Country:
    """A generated actor: what world.yaml says about one code."""

    code: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    hand_kept: bool = False  # the English lexicon keeps it by hand under `name`


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def read_table(path: Path) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = [ln for ln in lines if not ln.startswith("#")]
    if not body or tuple(body[0].split("\t")) != COLUMNS:
        raise SystemExit(f"{path}: the first line must be the header {' '.join(COLUMNS)}")
    for number, line in enumerate(body[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise SystemExit(f"{path}: row {number} has {len(cells)} fields, not {len(COLUMNS)}")
        code, name, kind = (c.strip() for c in cells[:3])
        if kind not in TYPES:
            raise SystemExit(f"{path}: row {number} ({code}): unknown type {kind!r}")
        if code in rows:
            raise SystemExit(f"{path}: row {number}: {code} appears twice")
        rows[code] = Row(code, name, kind, *(_split(c) for c in cells[3:]))
    return rows


def read_stoplist(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def hand_kept(folder: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """From the hand-kept English lexicons: name or alias -> actor, actor -> type, and every
    phrase they index (names, aliases, metonyms, demonyms, people, outlets), all lower case."""
    by_name: dict[str, str] = {}
    types: dict[str, str] = {}
    phrases: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        if path.name == OUTPUT:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for actor in data.get("actors", []) or []:
            name = str(actor["name"])
            types[name] = str(actor.get("type", "state"))
            for alias in [name, *(actor.get("aliases") or [])]:
                by_name[str(alias).lower()] = name
            for key in ("aliases", "metonyms", "demonyms", "people"):
                phrases.update(str(p).lower() for p in actor.get(key) or [])
            phrases.add(name.lower())
        phrases.update(str(p).lower() for p in data.get("outlets") or [])
    return by_name, types, phrases


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _unique_names(items: Iterable[str]) -> list[str]:
    """Names once each: the index matches them without regard to case ("US" aside)."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item if item.isupper() else item.lower()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _fold(text: str) -> str:
    """Latin letters without their accents (Türkiye -> Turkiye); other scripts unchanged."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return stripped if stripped.isascii() else text


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")


def variants(name: str) -> list[str]:
    """A name as CLDR or ISO writes it, plus the spellings news uses for the same name:
    straight apostrophes, "and" for "&", "Saint" for "St.", no accents, no Arabic vowel marks,
    Russian "e" for "yo"; an ISO "Name (Note)" keeps its name, an inverted "Korea, Republic of"
    is left out."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = name.removeprefix("the ")  # ISO's "the State of Palestine"
    if re.search("[\u0400-\u04ff]", name):  # Cyrillic: no stress accents (U+0301)
        name = name.replace("\u0301", "")
    if "," in name or " - " in name or " \u2013 " in name:  # CLDR's "Congo - Kinshasa": a label
        return []
    forms = [name, name.replace("\u2019", "'")]  # right single quote
    forms += [f.replace(" & ", " and ") for f in forms]
    forms += [re.sub(r"\bSt\. ", "Saint ", f) for f in forms]
    forms += [re.sub(r"\bSt\. ", "St ", f) for f in forms]
    forms += [_fold(f) for f in forms]
    forms += [_ARABIC_MARKS.sub("", f) for f in forms]
    forms += [f.replace("\u0451", "\u0435").replace("\u0401", "\u0415") for f in forms]
    return _unique(forms)


def _english_names(code: str, cldr: dict[str, str]) -> list[str]:
    names: list[str] = []
    if code in cldr:
        names.append(cldr[code])
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(str(value))
    return names


def _dashed(word: str, suffixes: Iterable[str]) -> list[str]:
    return [f"{word}-{s}" for s in suffixes]


def build_english(
    table: dict[str, Row], stop: frozenset[str], known: dict[str, str], kept: set[str]
) -> list[Country]:
    """One Country per code; hand-kept ones marked and given the hand-kept name."""
    cldr = dict(Locale("en").territories)
    codes = sorted({c.alpha_2 for c in pycountry.countries} | set(EXTRA_CODES))
    missing = [c for c in codes if c not in table]
    if missing:
        raise SystemExit(f"{TABLE}: no row for {', '.join(missing)}")
    # phrases the table gives a country on purpose: a package name that one of them claims
    # for another country ("Congo" is DR Congo's in news, though ISO names the Republic so)
    claimed: dict[str, str] = {}
    for row in table.values():
        for phrase in (row.name, *row.aliases, *row.adjectives, *row.nouns, *row.metonyms):
            if phrase:
                claimed[phrase.lower()] = row.code
    out: list[Country] = []
    for code in codes:
        row = table[code]
        found = _english_names(code, cldr) or [EXTRA_CODES[code]]
        # CLDR's "Bosnia & Herzegovina" is written "Bosnia and Herzegovina" in news
        base = row.name or next(v for v in variants(found[0]) if "&" not in v and "St." not in v)
        names = [base, *row.aliases, *(v for n in found for v in variants(n))]
        owner = next((known[n.lower()] for n in names if n.lower() in known), None)
        if owner is not None:
            out.append(Country(code, owner, row.type, hand_kept=True))
            continue

        def keep(phrase: str, code: str = code) -> bool:
            low = phrase.lower()
            return low not in stop and low not in kept and claimed.get(low, code) == code

        aliases = [a for a in _unique_names(v for n in names for v in variants(n)) if keep(a)]
        adjectives = [a for a in row.adjectives if keep(a)]
        demonyms = [*adjectives, *(n for n in row.nouns if keep(n))]
        suffixes = ("backed", "led", "made")
        if adjectives and row.type == "state":
            demonyms += _dashed(adjectives[0], suffixes)
        if row.type == "state" and len(base.split()) <= 2:
            demonyms += _dashed(base, ("backed", "led"))
        metonyms = [m for m in _unique(v for m in row.metonyms for v in variants(m)) if keep(m)]
        aliases = [a for a in aliases if a.lower() != base.lower()]
        out.append(
            Country(code, base, row.type, aliases, _unique(demonyms), metonyms, hand_kept=False)
        )
    _check_unique(out)
    return out


def _check_unique(countries: list[Country]) -> None:
    """No phrase may name two countries: the table must settle it."""
    owners: dict[str, set[str]] = {}
    for c in countries:
        if c.hand_kept:
            continue
        for phrase in (c.name, *c.aliases, *c.demonyms, *c.metonyms):
            owners.setdefault(phrase.lower(), set()).add(c.name)
    clashes = sorted(f"{p!r}: {', '.join(sorted(o))}" for p, o in owners.items() if len(o) > 1)
    if clashes:
        raise SystemExit(f"{TABLE}: phrases naming two countries:\n  " + "\n  ".join(clashes))


# --- other languages ----------------------------------------------------------------------------


def _translations(language: str) -> Callable[[str], str]:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:
        return lambda text: text


Inflect = Callable[[str], list[str]]


def _inflector(language: str) -> Inflect:
    """Case forms of a name ("Россия" -> "России", "Россию"...) from pymorphy3; the name alone
    where the analyser does not know its words as a noun phrase."""
    import pymorphy3  # build-time only, and only for these two languages

    morph = pymorphy3.MorphAnalyzer(lang=language)
    cases = ("nomn", "gent", "datv", "accs", "ablt", "loct")

    def has(parse: Any, *grammemes: str) -> bool:
        # by name: a grammeme one language's dictionary lacks (Geox in Ukrainian) is absent
        return set(grammemes) <= set(re.split("[ ,]", str(parse.tag)))

    def modifier(parse: Any) -> bool:  # an adjective or participle ("Соединённые") in nominative
        return has(parse, "ADJF", "nomn") or has(parse, "PRTF", "nomn")

    def head_parse(word: str) -> Any:
        parses = [p for p in morph.parse(word) if has(p, "NOUN", "nomn")]
        parses.sort(key=lambda p: (not has(p, "Geox"), -p.score))
        return parses[0] if parses else None

    def adj_parse(word: str, number: str, gender: str | None) -> Any:
        for p in morph.parse(word):
            if not modifier(p):
                continue
            if number == "plur" and has(p, "plur"):
                return p
            if number != "plur" and not has(p, "plur") and (gender is None or has(p, gender)):
                return p
        return None

    def inflect(name: str) -> list[str]:
        words = name.split(" ")
        # the head noun: the first word that is a nominative noun; adjectives before it agree,
        # a second head joined by "and" is inflected too; the rest (a genitive, an
        # apposition such as "Республика Корея") stays as written
        heads: list[int] = []
        for i, word in enumerate(words):
            last = i == len(words) - 1
            adjective = any(modifier(p) for p in morph.parse(word))
            if head_parse(word) is not None and "-" not in word and (last or not adjective):
                heads.append(i)
                if i + 2 < len(words) and words[i + 1] in AND and head_parse(words[i + 2]):
                    heads.append(i + 2)
                break
            if not adjective:
                return [name]
        if not heads:
            return [name]
        plans: dict[int, Any] = {}
        for h in heads:
            noun = head_parse(words[h])
            # a dictionary that leaves the singular unmarked (Ukrainian) inflects without it
            number = "plur" if has(noun, "plur") else "sing" if has(noun, "sing") else ""
            plans[h] = (noun, number)
        first = plans[heads[0]]
        gender = next((g for g in ("masc", "femn", "neut") if has(first[0], g)), None)
        for i in range(heads[0]):
            adj = adj_parse(words[i], first[1], gender)
            if adj is None:
                return [name]
            plans[i] = (adj, first[1])
        forms: list[str] = []
        for case in cases:
            out = list(words)
            for i, (parse, number) in plans.items():
                grammemes = {case} if has(parse, "Pltm") or not number else {case, number}
                animate_form = number == "plur" or gender == "masc"
                if case == "accs" and not has(parse, "NOUN") and animate_form:
                    grammemes.add("inan")  # an inanimate accusative is the nominative
                changed = parse.inflect(grammemes)
                if changed is None:
                    break
                out[i] = _match_case(words[i], changed.word)
            else:
                forms.append(" ".join(out))
        return _unique([name, *forms])

    return inflect


def _match_case(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        # "Центрально-Африканская": each part of a hyphenated word keeps its capital
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word


def build_language(language: str, countries: list[Country]) -> list[Country]:
    cldr = dict(Locale(language).territories)
    translate = _translations(language)
    inflect: Inflect = _inflector(language) if language in INFLECTED else (lambda n: [n])
    out: list[Country] = []
    for c in countries:
        names: list[str] = [cldr[c.code]] if c.code in cldr else []
        country = pycountry.countries.get(alpha_2=c.code)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value and translate(str(value)) != str(value):
                    names.append(translate(str(value)))
        written = _unique(v for n in names for v in variants(n))
        forms = (form for n in written for form in inflect(n))
        aliases = _unique_names(v for form in forms for v in variants(form))
        # every country, even one without a name of its own here: the pack must know them all
        own = [a for a in aliases if a.lower() != c.name.lower()]
        out.append(Country(c.code, c.name, c.type, own))
    return out


# --- output -------------------------------------------------------------------------------------


def _header(language: str) -> str:
    what = (
        "aliases, demonyms and metonyms"
        if language == "en"
        else f"the names in this language ({language}) of each state and territory; the canonical"
        " name stays English"
    )
    return (
        f"# GENERATED by `{COMMAND}`: do not edit by hand.\n"
        f"# Every ISO 3166 state and territory with {what}.\n"
        "# Sources: pycountry and Babel (CLDR), pinned in pyproject's dev extras, and the\n"
        "# reviewed tables in scripts/data/. Change those and re-run the command (a test checks\n"
        "# that this file is current).\n" + (HAND_KEPT if language == "en" else "")
    )


HAND_KEPT = "# States kept by hand in actors.yaml are not repeated here.\n"


def render(language: str, countries: list[Country]) -> str:
    actors: list[dict[str, Any]] = []
    for c in sorted(countries, key=lambda c: (c.name, c.code)):
        if language == "en" and c.hand_kept:
            continue
        actor: dict[str, Any] = {"name": c.name, "code": c.code, "type": c.type}
        actor["aliases"] = c.aliases
        if language == "en":
            actor["demonyms"] = c.demonyms
            actor["metonyms"] = c.metonyms
        actors.append(actor)
    body = yaml.safe_dump(
        {"actors": actors}, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    return _header(language) + body


def generate(out: Path, *, lexicons: Path = LEXICONS) -> list[Path]:
    table = read_table(TABLE)
    known, _types, kept = hand_kept(lexicons / "en")
    english = build_english(table, read_stoplist(STOPLIST), known, kept)
    written: list[Path] = []
    for language in ("en", *LANGUAGES):
        countries = english if language == "en" else build_language(language, english)
        path = out / language / OUTPUT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(language, countries), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=LEXICONS, help="folder of language folders")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
