"""Definite descriptions: "the army", "the rebels", "the government" stand for a party the
document named before ("the Sudanese Armed Forces", "the RSF", "Ethiopia").

The parser reads only the sentences that can hold a claim, so the parties named elsewhere (an
introduction, a quote's attribution) are found here over the whole text, once per document:
every knowledge-base actor mention with its offset and the kinds of description it can answer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from corroborate.extract.kb import KnowledgeBase
from corroborate.extract.tokens import tokenize

# How far after a name its army word may stand: "Sudan's army", "the Sudanese armed forces".
_ARMY_WINDOW = 3
# The kind a description of an armed force asks for (parse.yaml definite_heads).
ARMY = "army"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offset into the document
    value: str  # the actor's canonical name
    kinds: frozenset[str]


# "Maria Ortiz, managing director at the Andes Group", "Maria Ortiz of the Andes Group": a
# person and the body the text ties them to, wherever the sentence stands (most such sentences
# hold no act, so the parser never reads them).
_NAME = r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}"
# a word of a title ("managing director at"), never a clause's ("who met with", "flanked by")
_TITLE_WORD = r"(?:(?!(?:who|which|that|whose|where|when|while)\b)(?![a-z-]+ed\b)[a-z-]+ )"
_BODY = r"[A-Z][\w&'-]*(?: (?:of |for |and |on )?[A-Z][\w&'-]*)*"
_AFFILIATION = re.compile(
    rf"(?P<person>{_NAME})(?:, (?:the |a |an )?{_TITLE_WORD}{{0,4}}(?:at|of|for|with)| of)"
    rf" (?:the )?(?P<body>{_BODY})"
)


@dataclass(slots=True)
class Referents:
    """The document's actor mentions in order, each with the descriptions it can answer, and
    its people tied to a body with where each is named."""

    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (body, kind)
    person_mentions: list[tuple[int, tuple[str, str]]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, kb: KnowledgeBase, army_words: frozenset[str]) -> Referents:
        text = text.replace("\u00a0", " ")  # "Ana\u00a0Vero": one name (offsets kept)
        words = tokenize(text)
        texts, lowers = [w.text for w in words], [w.lower for w in words]
        out = cls()
        states: list[tuple[int, int, str]] = []  # a state's phrase: start, end, name
        for m in kb.entities.match(texts, lowers):
            entry = m.entries[0]
            if entry.kind not in ("actor", "demonym"):
                continue
            kinds = {kb.actor_types.get(entry.value, "state")}
            # "the Sudanese Armed Forces" (as "SAF" too), "Libyan National Army", "Sudan's army"
            named = " ".join([*lowers[m.start : m.end], entry.value.lower()])
            window = lowers[m.end : m.end + _ARMY_WINDOW]
            after = " ".join(w for w in window if w not in ("'s", "'"))
            after = re.split(r"[,.;:]", after)[0]
            if _has_any(named, army_words) or _has_any(after, army_words):
                kinds.add(ARMY)
            out.mentions.append(Mention(words[m.start].start, entry.value, frozenset(kinds)))
            if entry.cls == "person" and m.end - m.start >= 2:
                # an official the knowledge base knows by full name: the surname alone, later
                # in the text, is the same official ("Defence Minister Ana Vero ... Vero said")
                # "Xi Jinping ... Xi said": where the family name comes first, it is the first
                last = texts[m.start] if entry.value in kb.family_first else texts[m.end - 1]
                if last[:1].isupper() and not kb.entities.match([last], [last.lower()]):
                    out.people.setdefault(last, (entry.value, "actor"))
            if "collective" not in kinds:
                states.append((words[m.start].start, words[m.end - 1].end, entry.value))
        out.mentions.sort(key=lambda x: x.start)
        out.starts = [x.start for x in out.mentions]
        out._titled(text, kb, states)
        out._affiliations(text, kb)
        return out

    def _titled(self, text: str, kb: KnowledgeBase, states: list[tuple[int, int, str]]) -> None:
        """ "Ruritanian Foreign Minister Ana Vero", "Ruritania's envoy Ana Vero", "Ana Vero,
        the Ruritanian foreign minister": a state named with an office, and its holder."""
        heads = [str(w).lower() for w in kb.parse.get("person_title_heads") or ()]
        former = [str(w).lower() for w in kb.parse.get("person_title_former") or ()]
        lower = frozenset(str(w).lower() for w in kb.parse.get("person_title_words") or ())
        if not heads:
            return
        head = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
        after = re.compile(
            rf"(?:['\u2019]s)? (?P<title>(?:[A-Za-z'\u2019-]+ ){{0,3}}?(?:{head}))"
            rf"(?-i:(?: (?:of|for) [A-Z][a-z]+(?: [A-Z][a-z]+)?)?,? (?P<person>{_NAME}))\b",
            re.IGNORECASE,
        )
        appos = re.compile(
            rf"(?:['\u2019]s)? (?P<title>(?:[A-Za-z'\u2019-]+ ){{0,3}}?(?:{head}))\b", re.IGNORECASE
        )
        before = re.compile(rf"(?P<person>{_NAME}), (?:the |a |an )?$")
        # "Ana Vero, spokeswoman for the Ruritanian foreign ministry"
        office_of = re.compile(
            rf"(?-i:(?P<person>{_NAME})), (?:the |a |an )?"
            rf"(?P<title>(?:[A-Za-z-]+ ){{0,3}}?(?:{head})) (?:for|of|at|to|in) (?:the )?$",
            re.IGNORECASE,
        )
        for start, end, state in states:
            rest, lead = text[end:], text[max(0, start - 40) : start]
            if any(re.search(rf"\b{re.escape(f)}\s*$", lead, re.IGNORECASE) for f in former):
                continue  # "former Ruritanian president Ana Vero"
            m, person = after.match(rest), None
            if m is not None and _title(m.group("title"), lower, heads, former, kb):
                person = m.group("person")
            b, a = before.search(lead), appos.match(rest)
            if (
                person is None
                and b is not None
                and a is not None
                and _title(a.group("title"), lower, heads, former, kb)
            ):
                person = b.group("person")
            o = office_of.search(lead)
            if (
                person is None
                and o is not None
                and _title(o.group("title"), lower, heads, former, kb)
                and _office_words(rest, lower, heads)
            ):
                person = o.group("person")
            if person is None or not _names_person(person, kb):
                continue
            owner = (state, "actor")
            self.people.setdefault(person, owner)
            self.people.setdefault(person.split()[-1], owner)

    def _affiliations(self, text: str, kb: KnowledgeBase) -> None:
        for m in _AFFILIATION.finditer(text):
            person, body = m.group("person"), m.group("body")
            if person.split()[0].lower() in ("the", "a", "an") or len(body) < 3:
                continue
            if kb.entities.match(person.split(), person.lower().split()):
                continue  # "Port Sudan, with the commander of ...": a place, not a person
            found = kb.entities.match(body.split(), body.lower().split())
            whole = next((f for f in found if f.start == 0), None)
            if whole is not None and whole.entries[0].kind != "actor":
                continue  # "of Defence": a word of an office, not a body
            owner = (whole.entries[0].value, "actor") if whole is not None else (body, "open")
            self.people.setdefault(person, owner)
            self.people.setdefault(person.split()[-1], owner)
        if not self.people:
            return
        names = re.compile(r"\b(" + "|".join(map(re.escape, self.people)) + r")\b")
        self.person_mentions = [(m.start(), self.people[m.group(1)]) for m in names.finditer(text)]

    def last_person(self, before: int) -> tuple[int, tuple[str, str]] | None:
        """The body of the person the text named last before the offset, and where."""
        found = [p for p in self.person_mentions if p[0] < before]
        return found[-1] if found else None

    def last(self, kind: str, before: int) -> str | None:
        """The party of this kind named last before the offset, if any."""
        for k in range(bisect_left(self.starts, before) - 1, -1, -1):
            if kind in self.mentions[k].kinds:
                return self.mentions[k].value
        return None


def _names_person(name: str, kb: KnowledgeBase) -> bool:
    """Two or three capitalised words the knowledge base does not know as a party or place."""
    return not kb.entities.match(name.split(), name.lower().split())


def _title(
    title: str, lower: frozenset[str], heads: list[str], former: list[str], kb: KnowledgeBase
) -> bool:
    """An office's words: its head, lower-case words of offices or capitalised ones, no
    "former" and no party's name ("urged US president ..." is no title of the first party)."""
    words = title.split()
    if any(w.lower() in former for w in words):
        return False
    found = kb.entities.match(words, title.lower().split())
    if any(m.entries[0].kind in ("actor", "demonym") for m in found):
        return False
    low = title.lower()
    head = next((h for h in heads if low == h or low.endswith(" " + h)), None)
    if head is None:
        return False
    lead = words[: len(words) - len(head.split())]
    return all(w[:1].isupper() or _bare(w) in lower for w in lead)


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("\u2019s")


def _office_words(rest: str, lower: frozenset[str], heads: list[str]) -> bool:
    """After "spokeswoman for the Ruritanian": words of an office ("Foreign Ministry"), never
    a capitalised name of its own ("the Ruritanian Institute of ..." is no state's office)."""
    for word in rest.split()[:3]:
        if not word[:1].isupper():
            return True
        if _bare(word.strip(",.;:")) not in lower and _bare(word.strip(",.;:")) not in heads:
            return False
    return True


def _has_any(words: str, phrases: frozenset[str]) -> bool:
    padded = f" {words} "
    return any(f" {p} " in padded for p in phrases)


def description_kind(tok: Any, heads: dict[str, str]) -> str | None:
    """The kind of party "the army", "the armed forces", "the paramilitary group" asks for:
    a definite noun with no owner of its own ("the Sudanese army" names its state)."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
        return None
    if any(c.dep_ in ("poss", "compound", "nmod") or c.pos_ == "PROPN" for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "the army of Chad": its owner is named
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma == "force" and any(c.lower_ == "armed" for c in tok.children):
        return ARMY
    return heads.get(low) or heads.get(lemma)
