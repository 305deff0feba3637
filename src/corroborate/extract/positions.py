"""Positional rules that stand in for a parser: passives, subjects, relative heads, light verbs,
coordinated objects, negation and irrealis around a trigger."""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

AGENT_KINDS = frozenset({"actor", "institution", "pronoun", "group_ref"})
# the cue kinds at a token with no cue: shared, so asking costs no new empty set
NO_KINDS: frozenset[str] = frozenset()


def is_participle(word: str, g: Grammar) -> bool:
    return word.endswith(("ed", "en", "wn")) or word in g.irregular_participles


def _manner_adverb(word: str) -> bool:
    """ "were unexpectedly thrown", "was heavily shelled": an -ly adverb the list lacks (the
    lower-cased token of a name like "Italy" is too short or capitalised in the text)."""
    return len(word) > 5 and word.endswith("ly") and word.isalpha()


def is_passive(tokens: list[Token], t0: int, t1: int, g: Grammar) -> bool:
    followed_by_agent = t1 < len(tokens) and tokens[t1].lower == "by"
    if t1 - t0 > 1:
        # "was involved in the fighting" is a state; "was shot down (by X)" a passive: a
        # participle followed only by particles, after a form of "be"
        if not is_participle(tokens[t0].lower, g):
            return False
        if followed_by_agent:
            return True
        if not all(tokens[i].lower in g.particles for i in range(t0 + 1, t1)):
            return False
    word = tokens[t0].lower
    if not is_participle(word, g):
        return False
    i = t0 - 1
    while i >= 0 and (
        tokens[i].lower in g.adverbs
        or (_manner_adverb(tokens[i].lower) and not tokens[i].text[:1].isupper())
    ):
        i -= 1
    if i >= 0 and tokens[i].lower in g.be_verbs:
        return True
    # reduced relative: "support provided by Russia", "drones supplied by Turkey"
    return followed_by_agent


def coordinated(
    first: Mention, after: list[Mention], tokens: list[Token], g: Grammar
) -> list[Mention]:
    """A thing and the things listed with it: "volunteers and weapons", "drones, shells"."""
    out = [first]
    for m in after:
        if m.start <= out[-1].start or m.kind != "thing":
            continue
        between = [t.lower for t in tokens[out[-1].end : m.start]]
        if between and all(
            w in ("and", ",", "or", "as", "well", "also", "related") for w in between
        ):
            out.append(m)
        else:
            break
    return out


def first_subject(mentions: list[Mention], lo: int, t0: int) -> Mention | None:
    for m in mentions:
        in_clause = lo <= m.start and m.end <= t0 and not m.consumed and m.prep is None
        agent = m.kind in AGENT_KINDS
        if in_clause and (agent or (m.kind == "thing" and m.actors)):
            return m
    return None


def nearest_subject(
    mentions: list[Mention],
    tokens: list[Token],
    lo: int,
    t0: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> Mention | None:
    for m in reversed(mentions):
        if m.end > t0 or m.start < lo or m.consumed:
            continue
        if m.prep is not None and not _opens_clause(m, tokens, t0, g):
            continue
        # an object right after a verb is not a subject: "Turkey sold drones and trained ..."
        j = m.start - 1
        while j >= lo and tokens[j].lower in g.determiners:
            j -= 1
        if (
            j >= lo
            and j in trigger_tokens
            and not (m.end == t0 and tokens[j].lower in g.causative_verbs)
        ):  # "helped Syrian troops retake Palmyra": the troops retake it
            continue
        if m.kind in ("actor", "pronoun", "group_ref", "institution", "thing", "modifier"):
            return _appositive_head(mentions, tokens, lo, m, t0, trigger_tokens, g) or m
    return None


def _appositive_head(
    mentions: list[Mention],
    tokens: list[Token],
    lo: int,
    m: Mention,
    t0: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> Mention | None:
    """ "Russia, Turkey's rival in the Caucasus, quietly backed Armenia": a phrase between
    commas right after an agent describes that agent, which is the verb's subject."""
    j = t0 - 1
    while j > m.end and (tokens[j].lower in g.adverbs or tokens[j].lower in g.auxiliaries):
        j -= 1
    if j <= m.end or tokens[j].text != ",":
        return None  # "its president, Recep Tayyip Erdogan, offered": the name is the subject
    k = m.start - 1
    while k >= lo and m.start - k <= 3 and tokens[k].lower in g.determiners:
        k -= 1
    if k < lo or tokens[k].text != ",":
        return None
    if any(i in trigger_tokens or tokens[i].lower in g.relative_pronouns for i in range(k, j)):
        return None  # "Russia, which backed ...,": a clause, not a description
    return next(
        (h for h in mentions if h.end == k and h.prep is None and h.is_agent and not h.consumed),
        None,
    )


def _opens_clause(m: Mention, tokens: list[Token], t0: int, g: Grammar) -> bool:
    """ "after Armenian forces attacked": a subordinator, not a preposition, when the phrase
    is followed by the verb (adverbs and auxiliaries allowed between). "reports of Russian
    mercenaries fighting for Armenia": the gerund after a report's "of" phrase is its act."""
    if m.prep == "of" and m.end == t0 and tokens[t0].lower.endswith("ing"):
        return _claim_of(tokens, m.start, g)
    if m.prep not in g.subordinators:
        return False
    return all(
        t.lower in g.adverbs or t.lower in g.be_verbs or t.lower in g.auxiliaries
        for t in tokens[m.end : t0]
    )


def _claim_of(tokens: list[Token], start: int, g: Grammar) -> bool:
    """The phrase at `start` is the "of" phrase of a claim noun: "reports of (some) ..."."""
    i = start - 1
    while i > 0 and start - i <= 3 and tokens[i].lower != "of":
        if tokens[i].lower not in g.determiners and not tokens[i].text[:1].isdigit():
            return False
        i -= 1
    return i > 0 and tokens[i].lower == "of" and tokens[i - 1].lower in g.claim_words


def relative_head(
    tokens: list[Token], mentions: list[Mention], lo: int, t0: int, g: Grammar
) -> tuple[bool, Mention | None]:
    """ "... draw in Russia, which has a base in Armenia": whether the trigger opens a relative
    clause, and the relative pronoun's antecedent (whatever preposition it follows) if that is
    an agent. "..., the violence began on 27 September, which killed 300": no agent."""
    j = t0 - 1
    while j > lo and (
        tokens[j].lower in g.adverbs
        or tokens[j].lower in g.auxiliaries
        or tokens[j].lower in g.be_verbs
    ):
        j -= 1
    if j - 1 < lo or tokens[j].lower not in g.relative_pronouns:
        return False, None
    if tokens[j - 1].text not in g.appositive_marks:
        return False, None
    head = next((m for m in mentions if m.end == j - 1 and not m.consumed), None)
    return True, head if head is not None and head.kind in AGENT_KINDS else None


def light_verb(tokens: list[Token], lo: int, t0: int, g: Grammar) -> int | None:
    """A verb that makes a noun trigger the act: "carried out drone strikes", "voiced
    strong diplomatic backing". Returns the light verb's token index."""
    i = t0 - 1
    while i >= lo and t0 - i <= 4:
        low = tokens[i].lower
        if low in g.light_verbs:
            return i
        if low in ("out", "up") and i > lo and tokens[i - 1].lower in g.light_verbs:
            return i - 1
        if low == "for" and i > lo and tokens[i - 1].lower in g.light_adjectives:
            return i - 1  # "was responsible for the attack": who is responsible carried it out
        if low in g.light_preps and i > lo and tokens[i - 1].lower in g.be_verbs:
            return i  # "Iran was behind the attack"
        if tokens[i].text[:1].isdigit():
            i -= 1  # "carried out 12 air strikes": the count is part of the noun phrase
            continue
        if not tokens[i].text.isalpha() or low in g.prepositions or low in g.conjunctions:
            return None
        i -= 1
    return None


def mentions_after(mentions: list[Mention], t1: int, hi: int, window: int = 14) -> list[Mention]:
    return [m for m in mentions if m.start >= t1 and m.start < hi and m.start - t1 <= window]


def is_negated(
    tokens: list[Token],
    lo: int,
    t0: int,
    subject: Mention | None,
    cue_kinds_at: dict[int, set[str]],
) -> bool:
    for i in range(max(lo, t0 - 4), t0):
        kinds = cue_kinds_at.get(i, NO_KINDS)
        if "negations" in kinds and "doubts" in cue_kinds_at.get(i + 1, NO_KINDS):
            continue  # "there is no doubt that X sent": the doubt is negated, not the act
        # "declined to send troops": a refusal denies only the act right after it
        if "negations" in kinds or (i == t0 - 1 and "refusals" in kinds):
            return True
    if subject is not None and subject.start > 0:
        before = tokens[subject.start - 1].lower
        if before in ("no", "neither", "nor"):
            return True
    return False


def is_irrealis(
    tokens: list[Token], lo: int, t0: int, cue_kinds_at: dict[int, set[str]], g: Grammar
) -> bool:
    for i in range(max(lo, t0 - 4), t0):
        kinds = cue_kinds_at.get(i, NO_KINDS)
        if "irrealis" in kinds:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt in ("have", "'ve"):  # "may have sent": a hedge about the past
                continue
            return True
    if (
        t0 > 0
        and tokens[t0 - 1].lower == "to"
        and any("irrealis" in cue_kinds_at.get(i, NO_KINDS) for i in range(max(lo, t0 - 10), t0))
    ):
        return True  # "called on the world to stand with Azerbaijan": the infinitive of an appeal
    return any(tokens[i].lower in g.conditionals for i in range(lo, t0))


def article_before(
    tokens: list[Token], mentions: list[Mention], t0: int, trigger_tokens: set[int], g: Grammar
) -> bool:
    """ "the suspected chemical attack": an article a few plain modifiers before the trigger
    makes it a noun; an auxiliary, pronoun, named phrase or another trigger in between does not
    ("the army will attack", "the Azerbaijani forces attack")."""
    for j in range(t0 - 1, max(-1, t0 - 4), -1):
        low = tokens[j].lower
        if low in g.articles:
            return j < t0 - 2  # one word before: the caller's own rules already decide
        if (
            not tokens[j].text.isalpha()
            or j in trigger_tokens
            or low in g.auxiliaries
            or low in g.be_verbs
            or low in g.pronouns
            or low in g.prepositions
            or low in g.conjunctions
            or any(m.start <= j < m.end for m in mentions)
        ):
            return False
    return False


def shared_from(tokens: list[Token], t1: int, hi: int, trigger_tokens: set[int], g: Grammar) -> int:
    """Where a verb's object may start: after a coordinated verb that shares it ("armed and
    trained the rebels": "the rebels" is the object of both), else right after the verb."""
    if t1 + 1 >= hi or tokens[t1].lower not in g.verb_links or (t1 + 1) not in trigger_tokens:
        return t1
    j = t1 + 1
    while j < hi and j in trigger_tokens:
        j += 1
    return j


def scheme_owner(tokens: list[Token], after: list[Mention], g: Grammar) -> Mention | None:
    """ "received missiles through a CIA programme", "under a US aid package": the owner of the
    scheme that delivers is the supplier (a bare "through Turkey" is a transit place)."""
    for m in after:
        if m.prep not in ("through", "under", "via") or m.kind not in ("actor", "modifier"):
            continue
        if any(t.lower in g.scheme_nouns for t in tokens[m.end : m.end + 3]):
            return m
    return None


def predicate_marker(
    tokens: list[Token], t1: int, hi: int, markers: frozenset[str], g: Grammar
) -> bool:
    """ "Ankara's support, Aliyev said, was moral and political": the noun is the subject of
    "be" and the predicate is one of `markers` (a parenthetical speaker skipped)."""
    i = t1
    if i < hi and tokens[i].text == ",":
        close = next((j for j in range(i + 1, min(hi, i + 7)) if tokens[j].text == ","), None)
        if close is None:
            return False
        i = close + 1
    if i >= hi or tokens[i].lower not in g.be_verbs:
        return False
    i += 1
    while i < hi and (tokens[i].lower in g.adverbs or tokens[i].lower.endswith("ly")):
        i += 1  # "was purely diplomatic"
    return i < hi and tokens[i].lower in markers


def claimer(
    tokens: list[Token],
    mentions: list[Mention],
    t0: int,
    t1: int,
    hi: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> Mention | None:
    """ "The Houthis claimed a drone strike on Abqaiq", "X claimed responsibility for the
    attack": who claims an act as a noun phrase carried it out. Not "claimed the attack was
    staged" (a reported clause: a verb follows the noun)."""
    i = t0 - 1
    while i >= 0 and t0 - i <= 5 and tokens[i].lower not in g.act_claims:
        low = tokens[i].lower
        if i in trigger_tokens or not tokens[i].text.isalpha() or low in g.be_verbs:
            return None
        if low in g.prepositions and low != "for":
            return None
        i -= 1
    if i < 0 or tokens[i].lower not in g.act_claims:
        return None
    for j in range(t1, hi):
        low = tokens[j].lower
        if low in (",", ";") or low in g.clause_breaks:
            break
        if j in trigger_tokens or low in g.be_verbs or low in g.auxiliaries:
            return None
    return next(
        (m for m in reversed(mentions) if m.end <= i and i - m.end <= 3 and m.is_agent), None
    )


def cleft(
    tokens: list[Token], mentions: list[Mention], lo: int, t0: int, g: Grammar
) -> tuple[Mention, Mention | None] | None:
    """ "It was Azerbaijan, not Turkey, that operated the drones": the focused actor is the
    subject, and the one set against it with "not" (if any) is denied the act."""
    j = t0 - 1
    while j > lo and (tokens[j].lower in g.adverbs or tokens[j].lower in g.auxiliaries):
        j -= 1
    if j - 3 < lo or tokens[j].lower not in ("that", "who"):
        return None
    before = [m for m in mentions if lo <= m.start and m.end <= j and m.actors]
    if not before:
        return None
    last, other = before[-1], None
    if (
        len(before) >= 2
        and last.end == j - 1
        and tokens[j - 1].text == ","
        and tokens[last.start - 1].lower == "not"
        and tokens[last.start - 2].text == ","
    ):
        other, last = last, before[-2]
        if last.end != other.start - 2:
            return None
    elif last.end != j:
        return None
    k = last.start - 1
    if k - 1 < lo or tokens[k].lower not in g.be_verbs or tokens[k - 1].lower != "it":
        return None
    return last, other
