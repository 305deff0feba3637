"""People a sentence names that no pack lists: open-world voices ("Giuseppe Conte said").

A person is two or three capitalised words outside every known name, opened by a first name
where the morphology knows first names (pymorphy3's Name tag), else by any capital; a surname
alone is the person the document named in full before. The name is written as the text gives
it, or in Latin letters by the pack's transliteration table (the contract's names are English).
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.lexical.pack import Pack
from corroborate.extract.lexical.text import Tok

MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class Person:
    start: int
    end: int
    name: str


def _capital(tok: Tok) -> bool:
    return tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper()


def people(pack: Pack, toks: list[Tok], taken: set[int], known: dict[str, str]) -> list[Person]:
    """The people named in toks (tokens in `taken` belong to known actors); `known` maps a
    surname to the full name the document gave first, and learns the ones found here."""
    if pack.person_names is None:
        return []
    by_name = pack.person_names == "morphology"
    out: list[Person] = []
    i = 0
    while i < len(toks):
        if i in taken or not _capital(toks[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < len(toks)
            and j - i < MAX_WORDS
            and j not in taken
            and _capital(toks[j])
            and toks[j - 1].suffix is None
        ):
            j += 1
        a = i + 1 if i == 0 and j - i > 2 else i  # a capitalised first word of the sentence
        if j - a >= 2 and (not by_name or toks[a].given_name):
            name = _written(pack, toks[a:j])
            known.setdefault(toks[j - 1].lower, name)
            out.append(Person(a, j, name))
        elif j - i == 1 and i > 0 and toks[i].lower in known:
            out.append(Person(i, j, known[toks[i].lower]))
        i = j
    return out


def _written(pack: Pack, toks: list[Tok]) -> str:
    words = [t.text for t in toks]
    if pack.transliteration:
        table = pack.transliteration
        words = [_latin(w, table) for w in words]
    return " ".join(words)


def _latin(word: str, table: dict[str, str]) -> str:
    low = word.lower()
    out: list[str] = []
    k = 0
    while k < len(low):
        pair = low[k : k + 2]
        if pair in table:  # "ий" -> "y", "ей" -> "ei": pairs first
            out.append(table[pair])
            k += 2
            continue
        out.append(table.get(low[k], low[k]))
        k += 1
    latin = "".join(out)
    return latin[:1].upper() + latin[1:]
