"""Speaker frames: who voices which stretch of a sentence, affirming or denying it.

"Armenia said Turkish jets attacked": a say frame, speaker Armenia, over "Turkish jets attacked".
"..., which Ankara denied": a backward deny frame over the clause before it. Claims take the
innermost frame around their trigger; outside every frame the author speaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.kb import Entry, Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.speaker_cues import (
    as_noun,
    closing_quote_before,
    first_agent,
    no_evidence,
    owner_tail,
    points_back,
    unnamed_source,
    unnamed_tail_speaker,
)
from corroborate.extract.speech import (
    claimed_by,
    gerund_anaphor,
    parenthetical,
    private,
    voice_label,
)
from corroborate.extract.tokens import Token


@dataclass(slots=True)
class Frame:
    speakers: tuple[str, ...]  # empty: the author
    polarity: str
    hedged: bool
    lo: int
    hi: int
    cue: int
    kind: str  # say | deny | accuse | according | author_deny | back_deny
    target: Mention | None = None  # the accused party ("accused Turkey of ...")
    reciprocal: bool = False  # "Armenia and Azerbaijan accused each other of ...": each speaker
    # accuses the others
    # "Karabakh forces claimed to have downed ...": an infinitive complement, whose unnamed
    # subject is the speaker itself
    control: bool = False
    # "Armenian suggestions that it had ...": a claim noun's owner speaks, and "it" is not them
    owned: bool = False

    def contains(self, i: int) -> bool:
        return self.lo <= i < self.hi


def speaker_names(m: Mention) -> tuple[str, ...]:
    if m.label:
        return (m.label,)
    return m.actors


def _clause_start(tokens: list[Token], i: int, g: Grammar) -> int:
    """The first token of the clause that token i-1 is in: after the last ';' before it."""
    return next((k + 1 for k in range(i - 1, -1, -1) if tokens[k].lower in g.clause_breaks), 0)


def _clause_end(tokens: list[Token], lo: int, hi: int, g: Grammar) -> int:
    """The end of a reported clause: a ';' or a comma opening a relative or contrast."""
    for i in range(lo, hi):
        low = tokens[i].lower
        if low in g.clause_breaks:
            return i
        if low != "," or i + 1 >= hi:
            continue
        nxt = tokens[i + 1].lower
        if nxt in g.clause_openers:
            return i
        if nxt in ("a", "an") and i + 2 < hi and tokens[i + 2].lower in g.back_objects:
            return i  # "..., a claim Ankara denied"
    return hi


def _mention_before(mentions: list[Mention], i: int, window: int) -> Mention | None:
    best = None
    for m in mentions:
        if m.end <= i and i - m.end <= window and not m.consumed:
            best = m
    return best


# people who serve the one they are "to": "an aide to the president"
_AIDE_NOUNS = frozenset({"adviser", "advisor", "aide", "advisers", "advisors", "aides"})


def _speaker_before(
    mentions: list[Mention], i: int, window: int, g: Grammar, tokens: list[Token]
) -> Mention | None:
    """The nearest phrase before a say verb that can be its speaker: not the object of "with",
    "against", "to"... ("The Azerbaijani Army, which trained with Turkish forces, reported");
    "for"/"of" may introduce the speaker's title ("a spokesman for the ministry")."""
    best = _mention_before(mentions, i, window)
    if best is not None and best.prep == "of" and not best.is_agent:
        # "a UN panel of experts found": the body that owns the panel speaks, not its members
        owner = next((m for m in mentions if m.end == best.start - 2 and m.is_agent), None)
        if owner is not None and owner.prep is None:
            return owner
    if best is None or best.prep is None or best.prep in g.title_preps:
        return best
    if best.prep in g.subordinators and best.is_agent and best.end == i:
        return best  # "It comes after Russia accused ...": the clause's subject, not an object
    if (
        best.prep == "to"
        and best.start >= 2
        and tokens[best.start - 2].lower in _AIDE_NOUNS
        and not any(m.end == best.start - 1 and m.actors for m in mentions)
    ):
        # "an adviser to Azerbaijan's president said": the adviser speaks for Azerbaijan
        # ("Armenia's ambassador to Russia" is Armenia's: an envoy is sent to the other side)
        return best
    earlier = [m for m in mentions if m.end <= best.start and not m.consumed and m.is_agent]
    for m in reversed(earlier):
        if m.prep is None or m.prep in g.title_preps:
            return m
    return best


def _mention_after(mentions: list[Mention], i: int, window: int) -> Mention | None:
    for m in mentions:
        if m.start >= i and m.start - i <= window and not m.consumed:
            return m
    return None


def _skip_that(tokens: list[Token], i: int, hi: int, g: Grammar) -> int:
    """Past "on Tuesday that" to where the reported content starts."""
    j = i
    while j < hi and j - i < 6 and tokens[j].lower != "that" and tokens[j].lower in g.time_words:
        j += 1
    if j < hi and tokens[j].lower == "that":
        return j + 1
    return i


def _phrase_open(tokens: list[Token], start: int, trigger_tokens: set[int], g: Grammar) -> int:
    """The token before a speaker's noun phrase: "..., the Armenian defence ministry said"."""
    i = start - 1
    while (
        i >= 0
        and start - i <= 3
        and i not in trigger_tokens
        and (tokens[i].lower in g.determiners or tokens[i].lower in g.speaker_modifiers)
    ):
        i -= 1
    return i


def _tail_empty(tokens: list[Token], c1: int, g: Grammar, mentions: list[Mention]) -> bool:
    """Nothing reported after the say verb: "... , X said on Tuesday." or "X said, citing Y",
    or whom X told: "..., Pashinyan told a French newspaper." (a demonym, then a noun)."""
    for j in range(c1, len(tokens)):
        tok = tokens[j]
        if tok.lower in g.clause_breaks:
            return True  # "..., Baku said; Yerevan said ..."
        if tok.text == "," and j + 1 < len(tokens):
            nxt = tokens[j + 1].lower
            if nxt.endswith("ing") or nxt in g.tail_openers:
                return True  # a participial or 'according to' tail: "..., citing a source"
        if tok.lower in g.subordinators and j > c1 and all(t.lower != "that" for t in tokens[j:]):
            return True  # '"...," Petrov said on Twitter after he met Vucic': when, not what
        if not (
            tok.text in ".!?"
            or tok.lower in g.quotes
            or tok.lower in g.time_words
            or tok.lower in g.addressees
            or tok.lower in g.determiners
            or (
                tokens[j - 1].lower in g.determiners  # a demonym: "told a French newspaper"
                and tok.text[:1].isupper()
                and any(m.start <= j < m.end and m.kind == "modifier" for m in mentions)
            )
            or tok.lower in g.adverbs
            or tok.text[:1].isdigit()
        ):
            return False
    return True


_SPEECH = frozenset({"say_verbs", "deny_verbs", "accuse_verbs"})


def find_frames(
    tokens: list[Token],
    cues: list[Match],
    mentions: list[Mention],
    trigger_tokens: set[int],
    g: Grammar,
) -> list[Frame]:
    n = len(tokens)
    frames: list[Frame] = []
    last_speaker: Mention | None = None
    deny_words = {i for c in cues if "deny_predicates" in c.kinds() for i in range(c.start, c.end)}
    say_words = {
        i for c in cues if not c.kinds().isdisjoint(_SPEECH) for i in range(c.start, c.end)
    }
    for c in list(cues):
        if "deny_predicates" not in c.kinds():
            continue
        # "which Islamabad called baseless", "dismissed as absurd": a denial by the caller
        for k in range(c.start - 1, max(-1, c.start - 7), -1):  # 'called it "an absolute lie"'
            if tokens[k].lower in g.call_verbs:
                cues = [*cues, Match(k, k + 1, (Entry("deny_verbs", tokens[k].lower),))]
                break
    cues = sorted([*cues, *no_evidence(tokens, cues, g)], key=lambda m: m.start)
    for cue in cues:
        kinds = cue.kinds()
        c0, c1 = cue.start, cue.end
        if "author_denials" in kinds:
            frames.append(
                Frame((), "deny", True, c1, _clause_end(tokens, c1, n, g), c0, "author_deny")
            )
            continue
        if "according_to" in kinds:
            src = _mention_after(mentions, c1, 4)
            if src is not None and any(t.text in ",;:" for t in tokens[c1 : src.start]):
                # "According to the agreement, Georgia lost ...": the source is the phrase
                # the comma closes (a document, no voice), not the clause's first name
                src = None
            if src is None:
                continue
            vague = not src.is_agent or unnamed_source(tokens, src, g)
            if not src.is_agent:
                # "according to fighters interviewed by the Aleppo Dispatch": the outlet
                relay = _mention_after(mentions, src.end, 4)
                src = relay if relay is not None and relay.kind == "outlet" else src
            names = speaker_names(src) if src.is_agent else ()
            if not names and src.kind == "vague":
                names = voice_label(tokens, src.start, src.end, g)  # "according to diplomats"
            # "..., according to the French newspaper": the source is no role of the claim
            # before it (not its recipient, not its object)
            # ("..., citing X" stays over the whole sentence: it qualifies a say verb's source)
            trailing = (
                c0 > 0
                and tokens[c0 - 1].text == ","
                and tokens[c0].lower == "according"
                and all(t.text != "," for t in tokens[c1:])
            )  # not "drones that, according to X, are giving ...": the content follows
            hi = c0 - 1 if trailing else n
            frames.append(Frame(names, "affirm", vague, 0, hi, c0, "according"))
            continue
        is_deny = "deny_verbs" in kinds
        is_accuse = "accuse_verbs" in kinds
        if not (is_deny or is_accuse or "say_verbs" in kinds):
            if "claim_nouns" in kinds:  # "rejected Armenian suggestions that ..." (7.3)
                owned = _owned_claim(tokens, c0, c1, mentions, g)
                if owned is not None:
                    frames.append(owned)
            continue
        if c0 in trigger_tokens and not (c1 < n and tokens[c1].lower == "that"):
            continue  # "maintained a base" is an act; "maintained that ..." a statement
        if not (is_deny or is_accuse) and as_noun(tokens, c0, say_words, g):
            owned = _owned_claim(tokens, c0, c1, mentions, g)
            if owned is not None:
                frames.append(owned)  # "Armenia's claim that ...": Armenia says what follows
            continue  # "denied reports that ...", "the claims": a noun, not a statement
        left = _speaker_before(mentions, c0, 8, g, tokens)
        j = c0 - 1
        while j >= 0 and tokens[j].lower in g.adverbs:
            j -= 1
        if not is_accuse and j >= 0 and tokens[j].lower in g.be_verbs:
            left = None  # "Turkey's influence has been well documented": a topic, not a speaker
        right = _mention_after(mentions, c1, 3)
        if left is None and j >= 0 and claimed_by(tokens, j, c0, c1, right, g):
            # "attacks, many of which have been claimed by Daesh": the claimer voices its act
            lo = _clause_start(tokens, j + 1, g)
            if right is not None and any(k in trigger_tokens for k in range(lo, j)):
                names = speaker_names(right)  # and acted: control gives it unowned acts
                frames.append(Frame(names, "affirm", False, lo, c0, c0, "say", control=True))
            continue
        polarity = "deny" if is_deny else "affirm"
        hedged = any(e.value in g.hedged_say for e in cue.entries)
        prev = tokens[c0 - 1].lower if c0 > 0 else ""
        if is_accuse:
            special = _special_accusation(tokens, c0, c1, left, right, g)
            if special is not None:
                frames.append(special)
                continue
        # inverted order: "..., the ministry said." or "..., said Hajiyev."
        before_speaker = _phrase_open(tokens, left.start, trigger_tokens, g) if left else c0 - 1
        tail_empty = _tail_empty(tokens, c1, g, mentions)
        unnamed = unnamed_tail_speaker(tokens, c0, mentions, g) if tail_empty else None
        if unnamed is not None and not (is_deny or is_accuse):
            # "..., Western analysts estimate.": someone the text does not name (guidelines 6.5)
            lo = _clause_start(tokens, unnamed, g)
            label = voice_label(tokens, unnamed + 1, c0, g)
            frames.append(Frame(label, polarity, True, lo, unnamed, c0, "say"))
            continue
        tail_owner = owner_tail(tokens, c0, mentions, g) if tail_empty else None
        if tail_owner is not None:
            # "NATO has not deployed ..., its top general said": NATO speaks
            comma, owner = tail_owner
            lo = _clause_start(tokens, comma, g)
            frames.append(Frame(speaker_names(owner), polarity, hedged, lo, comma, c0, "say"))
            continue
        speaker: Mention | None = None
        if prev in ("and", "but") or (prev == "," and tokens[c0].lower.endswith("ing")):
            # "... and denied ...", "..., claiming ...": the clause's own subject speaks
            main = last_speaker or first_agent(mentions, c0)
            left = main if main is not None else left
        if left is not None and left.is_agent:
            speaker = left
        elif right is not None and right.is_agent and (prev == "," or c0 == 0 or prev in '"\u201d'):
            speaker = right
        elif left is not None and left.kind == "vague":
            speaker = left
        if (
            right is not None
            and right.kind == "outlet"
            and right.start - c1 <= 1
            and (speaker is None or speaker.kind not in ("actor", "outlet"))
        ):
            speaker, hedged = right, True  # "a former officer told the Caspian Ledger"
        if speaker is None:
            continue
        names = () if speaker.kind == "vague" else speaker_names(speaker)
        if speaker.kind == "vague" or (speaker is left and private(tokens, speaker, g)):
            # "an Armenian army veteran recalled": no state's voice; his own, hedged
            lo = speaker.start  # "a retired Azerbaijani officer": the words that say so too
            while lo > 0 and tokens[lo - 1].lower in g.private_persons:
                lo -= 1
            names, hedged = voice_label(tokens, lo, speaker.end, g), True
        comma_before = before_speaker >= 0 and (
            tokens[before_speaker].text == "," or tokens[before_speaker].text in g.quotes
        )
        if speaker is right:
            comma_before = True
        if tail_empty and not comma_before and speaker is left and left is not None:
            # '"...," Name, a spokesman for the ministry, said.': the quote before the phrase
            close = closing_quote_before(tokens, left.start, g)
            if close is not None:
                before_speaker, comma_before = close, True
        if comma_before and (tail_empty or speaker is right):
            hi = before_speaker if speaker is not right else c0 - 1
            lo = _clause_start(tokens, hi, g)
            frames.append(Frame(names, polarity, hedged, lo, max(lo, hi), c0, "say"))
            continue
        if comma_before and speaker is left and not is_accuse and parenthetical(tokens, c1):
            # "Ankara's support, Aliyev said, was moral": the speaker set inside the clause
            # voices all of it, before and after
            lo = _clause_start(tokens, before_speaker + 1, g)
            hi = _clause_end(tokens, c1 + 1, n, g)
            frames.append(Frame(names, polarity, hedged, lo, hi, c0, "deny" if is_deny else "say"))
            continue
        last_speaker = speaker
        opener_at = before_speaker if left is not None else -1
        opener = tokens[opener_at].lower if opener_at >= 0 else ""
        if is_deny and (prev == "which" or opener in g.relative_back):
            # "..., which Ankara denied", "..., a charge the president rejected"
            hi = opener_at + 1 if opener_at >= 0 else c0
            while hi > 0 and (
                tokens[hi - 1].lower in g.relative_back
                or tokens[hi - 1].lower in g.determiners
                or tokens[hi - 1].text == ","
            ):
                hi -= 1
            frames.append(Frame(names, "deny", hedged, 0, hi, c0, "back_deny"))
            continue
        lo = c1
        target = None
        if is_accuse:
            target = right if right is not None and right.is_agent else None
            j = target.end if target is not None else c1
            while j < n and tokens[j].lower not in ("of", "for") and j - c1 < 8:
                j += 1
            lo = j + 1 if j < n else c1
        else:
            lo = _skip_that(tokens, c1, n, g)
            k = lo
            while (
                k < n
                and k - lo < 4
                and (tokens[k].lower in g.addressees or tokens[k].lower in g.time_words)
            ):
                k += 1  # 'Aliyev told reporters: "..."'
            if k < n and tokens[k].text == ":":
                lo = k + 1  # 'the ministry said: "The enemy fired ..."': the quote is the content
        hi = _clause_end(tokens, lo, n, g)
        kind = "deny" if is_deny else ("accuse" if is_accuse else "say")
        if is_deny and (
            points_back(tokens, c1, hi, deny_words, g)
            or gerund_anaphor(tokens, c1, hi, trigger_tokens, mentions)
        ):
            kind = "back_deny_prev"  # "Ankara denied it." refers to earlier sentences
        control = (
            kind != "accuse"
            and lo == c1
            and c1 < n
            and (
                tokens[c1].lower == "to"
                # "Tehran acknowledged sending drones": the admitter is the gerund's subject
                or (tokens[c0].lower in g.gerund_control and tokens[c1].lower.endswith("ing"))
            )
        )
        frames.append(Frame(names, polarity, hedged, lo, hi, c0, kind, target, control=control))
    return _nest(frames, tokens, deny_words, g)


def _nest(
    frames: list[Frame], tokens: list[Token], deny_words: set[int], g: Grammar
) -> list[Frame]:
    """Frames that qualify each other: "X reported, citing Y" (Y speaks), "X found no evidence"
    (X denies), "X said reports of ... were fake" (X denies)."""
    out: list[Frame] = []
    says = [f for f in frames if f.kind in ("say", "accuse")]
    for f in frames:
        outer = next((s for s in says if s.cue < f.cue and f.cue - s.cue <= 3), None)
        if f.kind == "according" and outer is not None and outer.kind == "say":
            # "..., the Baku Tribune reported, citing an Azerbaijani source": the source speaks
            if f.speakers:
                outer.speakers = f.speakers
            outer.hedged = outer.hedged or f.hedged
            continue
        if f.kind == "author_deny" and outer is not None:
            f.speakers = outer.speakers  # "The Arms Ledger found no evidence that ..."
        out.append(f)
    for f in out:
        if f.kind != "say":
            continue
        # "said reports of Russian mercenaries fighting for Armenia were fake"
        for i in range(f.lo + 1, f.hi):
            if i in deny_words and tokens[i - 1].lower in g.be_verbs:
                if any(tokens[j].lower in g.claim_words for j in range(f.lo, i)):
                    f.polarity = "deny" if f.polarity == "affirm" else "affirm"
                break
    return out


def _of_clause(tokens: list[Token], j: int, g: Grammar) -> tuple[int, int]:
    """The accused act: from past "of"/"for" to the clause end."""
    n, c = len(tokens), j
    while j < n and tokens[j].lower not in ("of", "for") and j - c < 8:
        j += 1
    lo = j + 1 if j < n else c
    return lo, _clause_end(tokens, lo, n, g)


def _special_accusation(
    tokens: list[Token],
    c0: int,
    c1: int,
    left: Mention | None,
    right: Mention | None,
    g: Grammar,
) -> Frame | None:
    """ "Turkey was accused (by Armenia) of ..." (the accused precedes the verb) and "Armenia and
    Azerbaijan accused each other of ..." (every party accuses the others)."""
    n = len(tokens)
    if left is None or not left.is_agent:
        return None
    i = c0 - 1
    while i >= 0 and tokens[i].lower in g.adverbs:
        i -= 1
    if i >= 0 and tokens[i].lower in g.be_verbs:
        by = right is not None and right.is_agent and c1 < n and tokens[c1].lower == "by"
        names = speaker_names(right) if by and right is not None else ()
        lo, hi = _of_clause(tokens, right.end if by and right is not None else c1, g)
        return Frame(names, "affirm", not by, lo, hi, c0, "accuse", left)
    pair = " ".join(t.lower for t in tokens[c1 : c1 + 2])
    if pair in g.reciprocals and len(left.actors) >= 2:
        lo, hi = _of_clause(tokens, c1 + 2, g)
        return Frame(left.actors, "affirm", False, lo, hi, c0, "accuse", None, reciprocal=True)
    return None


def _owned_claim(
    tokens: list[Token], c0: int, c1: int, mentions: list[Mention], g: Grammar
) -> Frame | None:
    """ "Armenia's claim that ...", "Armenian allegations that ...": a claim noun with a named
    owner speaks the clause it introduces (whoever else denies or grades it)."""
    if c1 >= len(tokens) or tokens[c1].lower not in ("that", "of"):
        return None
    j = c0 - 1
    if j >= 0 and tokens[j].lower == "'s":
        j -= 1
    owner = next((m for m in mentions if m.end == j + 1 and m.actors), None)
    if owner is None or owner.kind not in ("actor", "modifier"):
        return None
    lo = c1 + 1
    return Frame(
        speaker_names(owner),
        "affirm",
        tokens[c0].lower in g.hedged_nouns,  # "Armenian suggestions that ..."
        lo,
        _clause_end(tokens, lo, len(tokens), g),
        c0,
        "say",
        owned=True,
    )


def innermost(frames: list[Frame], i: int) -> Frame | None:
    around = [f for f in frames if f.contains(i) and f.kind != "back_deny"]
    if not around:
        return None
    return min(around, key=lambda f: (f.hi - f.lo, -f.cue))
