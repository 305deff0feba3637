"""Stage 2, attribution: whose voice a clause is in, with what polarity and how hedged.

From a trigger, walk up the parse to the nearest verb of speech, cognition or denial whose
clausal complement holds it (nested reports give each clause its own voice: the innermost wins),
through nouns that carry a claim ("allegations that", "evidence of"), and "according to X".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from corroborate.extract.claim import Claim
from corroborate.extract.parse.entities import Tagged
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.phrases import PRONOUNS, Named, named
from corroborate.extract.parse.referents import Referents, description_kind

# How a clause hangs under the verb that voices it.
_CONTENT_DEPS = frozenset({"ccomp", "parataxis", "advcl", "xcomp"})
_NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "prep", "pcomp", "pobj", "relcl", "compound"})


@dataclass(frozen=True, slots=True)
class Voice:
    speaker: Named | None  # None: the author asserts it
    polarity: str
    hedged: bool
    accused: Any | None = None  # "X accused Y of ...": Y's token, the act's agent


@dataclass(slots=True)
class Memory:
    """What crosses sentences: the last speaker and the last actor named, for pronouns."""

    speaker: Named | None = None
    actor: Named | None = None
    referents: Referents = field(default_factory=Referents)  # the document's named parties
    offset: int = 0  # where the sentence being read starts in the document
    speaker_at: int = -1  # where `speaker` was named


def described(tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """ "the army", "the paramilitary group": the party of that kind the document named last."""
    kind = description_kind(tok, lex.definite_heads)
    if kind is None:
        return None
    value = memory.referents.last(kind, memory.offset + tok.idx)
    return None if value is None else Named(value, "actor", tok.i)


def subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if child.dep_ == "nsubjpass":
                for agent in verb.children:  # "was accused by Kyiv"
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                return pobj
                return None
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ == "ADV" and head.dep_ == "advmod" and head.head.i != head.i:
            head = head.head  # "went as far as to claim": the verb the adverb measures
        return subject_of(head)  # "pledged to deliver", "said and added"
    return None


def _adjunct_subject(verb: Any) -> Any | None:
    """ "Belgrade retaliated after accusing Y of ...", "..., while blaming Y for ...": a gerund
    under a preposition of the clause has that clause's subject."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    return subject_of(prep.head) if prep.head.pos_ in ("VERB", "AUX") else None


def enclosing_speaker(tagged: Tagged, tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """A pronoun inside reported speech is its speaker: "Kyiv said it had ..." (it = Kyiv)."""
    node = tok.head
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in lex.speech_lemmas:
            subj = subject_of(node)
            if subj is not None and subj.i != tok.i and subj.lower_ not in PRONOUNS:
                got = named(tagged, subj, lex.generic_heads)
                # "Western officials told the BBC they believed ...": a voice the text does
                # not name is still who "they" are; never who "it" is
                if got is not None and (got.kind != "generic" or tok.lower_ in ("they", "we")):
                    return got
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _cataphora(tagged: Tagged, tok: Any, lex: ParseLexicon) -> Named | None:
    """ "While it provides support to X, Armenia ...": the subject of a clause put before its
    main clause is the main clause's subject, named after it."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    main = subject_of(clause.head)
    if main is None or main.i < tok.i or main.lower_ in PRONOUNS:
        return None
    got = named(tagged, main, lex.generic_heads)
    return got if got is not None and got.kind in ("actor", "demonym", "open") else None


def resolve_pronoun(tagged: Tagged, tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    inner = (
        enclosing_speaker(tagged, tok, lex, memory)
        or _cataphora(tagged, tok, lex)
        or _parallel_object(tagged, tok, lex)
    )
    if inner is not None:
        return inner
    if tok.lower_ not in ("he", "she", "we"):
        return memory.actor
    named_last = memory.referents.last_person(memory.offset + tok.idx)
    if tok.lower_ != "we" and named_last is not None and named_last[0] > memory.speaker_at:
        # "..., says Maria Ortiz of the Andes Group. ... He told the BBC": the person named
        # since, in a sentence the parser did not read
        body, kind = named_last[1]
        return Named(body, kind, -1)
    return memory.speaker


def _parallel_object(tagged: Tagged, tok: Any, lex: ParseLexicon) -> Named | None:
    """ "X has backed Y ... and has supplied it with drones": the object pronoun of a verb
    coordinated after another is that verb's object, named before (the subject they share
    would be "itself")."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "dative") or verb.dep_ != "conj" or verb.head.i == verb.i:
        return None
    first = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if first is None or first.lower_ in PRONOUNS:
        return None
    got = named(tagged, first, lex.generic_heads)
    return got if got is not None and got.kind in ("actor", "demonym", "open", "name") else None


def speaker_of(tagged: Tagged, tok: Any | None, lex: ParseLexicon, memory: Memory) -> Named | None:
    if tok is None:
        return None
    if tok.lower_ in PRONOUNS:
        return resolve_pronoun(tagged, tok, lex, memory)
    got = named(tagged, tok, lex.generic_heads)
    if got is None:
        return described(tok, lex, memory)
    if got.kind == "generic":
        source = _report_source(tagged, tok, lex, memory)
        if source is not None:
            return source  # "reports from investigative journalists show": the journalists
    if got.kind == "generic" and tok.lemma_.lower() == "source":
        return Named("unnamed source", "generic", got.token)
    modifiers = {t.lower_ for t in tok.children if t.dep_ in ("amod", "compound")}
    if got.kind == "demonym" and (
        tok.lemma_.lower() in lex.private_heads
        or tok.lower_ in lex.private_heads
        or bool(modifiers & lex.nonstate_heads)
    ):
        # "two Syrian men told investigators", "a French newspaper reported", "Syrian rebel
        # sources said": people, a paper or rebels of a nationality do not speak for its
        # state; a hedged voice named as the text names it
        words = [t for t in tok.children if t.i < tok.i and t.dep_ in ("amod", "compound")]
        label = " ".join([*(t.text for t in words), tok.text])
        return Named(label, "generic", tok.i)
    return got


def _report_source(tagged: Tagged, tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """ "reports from UN experts", "a report by Amnesty": whoever made the report speaks."""
    if tok.lemma_.lower() not in lex.claim_nouns:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return speaker_of(tagged, pobj, lex, memory)
    return None


def _role_again(tok: Any, lex: ParseLexicon) -> bool:
    """ "the spokesperson", "the minister": a role named before, with nobody's name on it;
    "the accusations went as far as to claim": the charges of the accuser named before."""
    return (
        (tok.lemma_.lower() in lex.role_nouns or tok.lemma_.lower() in lex.recalled_claims)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in tok.children)
    )


def _according_to(tagged: Tagged, node: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in ("according", "per"):
            for to in (child, *child.children):
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return speaker_of(tagged, pobj, lex, memory)
    return None


def _naming(verb: Any) -> bool:
    """ "groups, informally known as the Axis", "a force described as elite": a participle
    that names what it follows reports nothing; its clause is the sentence's own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl", "amod")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    )


def _reported_conjunct(node: Any, head: Any, lex: ParseLexicon) -> bool:
    """ "Officials said Russia has received optics, and China has been providing engines": a
    clause with its own subject, coordinated after the reported one, where the parser hangs it
    on the verb of speech, is the report's second half."""
    if node.dep_ != "conj" or head.lemma_.lower() not in lex.speech_lemmas:
        return False
    if node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() in lex.speech_lemmas:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return False
    return any(c.dep_ == "ccomp" and head.i < c.i < node.i for c in head.children)


def _local_marks(node: Any, lex: ParseLexicon) -> tuple[bool, bool]:
    """(negated, hedged) by the node's own modifiers."""
    negated = hedged = False
    for child in node.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and low in ("never", "no longer")):
            negated = not negated
        else:
            modal = child.dep_ == "aux" and low in lex.hedge_modals
            hedged = hedged or modal or (child.dep_ in ("advmod", "amod") and low in lex.hedges)
    return negated, hedged


def voice(tagged: Tagged, trigger: Any, lex: ParseLexicon, memory: Memory) -> Voice | None:
    """The trigger's voice; None when it is no claim ("did not say", "declined to confirm")."""
    node = trigger
    negated, hedged = _local_marks(trigger, lex)
    according = _according_to(tagged, trigger, lex, memory)
    noun_speaker: Named | None = None
    noun_negated = False
    passed_noun = trigger.pos_ in ("NOUN", "PROPN")
    steps = 0
    while node.head.i != node.i and steps < 12:
        steps += 1
        head, dep = node.head, node.dep_
        is_verb = head.pos_ in ("VERB", "AUX")
        lemma = head.lemma_.lower()
        content = (
            dep in _CONTENT_DEPS
            or (dep in ("dobj", "nsubjpass") and passed_noun)
            or _reported_conjunct(node, head, lex)
        )
        if node.i == trigger.i and dep == "dobj" and lemma in lex.giving_speech_lemmas:
            content = False  # "Ottawa announced an aid package": the announcing is the giving
        accused = None
        if is_verb and lemma in lex.accuse_lemmas and dep in ("prep", "pcomp"):
            content = True  # "accused Y of sending", "blamed Y for the strike"
            # "X accused Y of ...", and passive "Y was accused (by X) of ...": Y acts
            accused = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if is_verb and lemma in lex.credit_lemmas and dep in ("prep", "pcomp"):
            content = True  # "praised Y for its support", "thanked Y for supplying": Y acts
            accused = next((c for c in head.children if c.dep_ == "dobj"), None)
        if is_verb and lemma in lex.speech_lemmas and content and not _naming(head):
            own_neg, own_hedge = _local_marks(head, lex)
            if own_neg:
                return None  # "did not confirm", "never said": no claim either way
            subj = subject_of(head)
            if subj is None and accused is not None:
                subj = _adjunct_subject(head)  # "began a counterattack after accusing Y of"
            own = speaker_of(tagged, subj, lex, memory)
            speaker = own or noun_speaker
            unnamed = speaker is None or speaker.kind == "generic"
            if unnamed and subj is not None and _role_again(subj, lex) and memory.speaker:
                # "..., the spokesperson added", "the officials said": the one named before
                speaker = memory.speaker
            speaker = speaker or _according_to(tagged, head, lex, memory) or according
            if speaker is None and subj is not None and subj.lower_ not in PRONOUNS:
                speaker = None  # an unnamed subject ("the statement said"): the author's
            # "Kenya's claim that ... was rejected": the claim is Kenya's, and nobody named
            # denies it; the owner of a claim noun never denies its own claim
            deny = lemma in lex.deny_lemmas and not (
                own is None and noun_speaker is not None and speaker is noun_speaker
            )
            polarity = "deny" if deny != (negated or noun_negated) else "affirm"
            hedged = hedged or own_hedge or lemma in lex.belief_lemmas
            if speaker is not None and speaker.kind == "generic":
                hedged = True
            if (
                speaker is None
                and subj is None
                and accused is not None
                and accused.dep_ == "nsubjpass"
            ):
                hedged = True  # "Iran was accused of ...": by nobody named
            return Voice(speaker, polarity, hedged, accused)
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in lex.claim_nouns:
            if dep in _NOUN_CONTENT_DEPS:
                passed_noun = True
                for child in head.children:
                    if child.dep_ == "det" and child.lower_ in ("no", "any"):
                        noun_negated = child.lower_ == "no"
                    if child.dep_ in ("poss", "compound") and noun_speaker is None:
                        noun_speaker = speaker_of(tagged, child, lex, memory)
                    if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj" and noun_speaker is None:
                                noun_speaker = speaker_of(tagged, pobj, lex, memory)
        elif is_verb and dep not in ("nsubj", "nsubjpass", "csubj"):
            own_neg, own_hedge = _local_marks(head, lex)
            # "did not pledge to deliver": a negated verb negates the act it governs (but not a
            # clause coordinated with it: "did not name Turkey, but ... promised to back")
            if dep == "xcomp" or (dep == "ccomp" and lemma not in lex.speech_lemmas):
                negated = negated != own_neg
                hedged = hedged or own_hedge or (dep == "xcomp" and lemma in lex.hedge_verbs)
        according = according or _according_to(tagged, head, lex, memory)
        node = head
    speaker = noun_speaker or according
    polarity = "deny" if (negated or noun_negated) else "affirm"
    hedged = hedged or (speaker is not None and speaker.kind == "generic")
    if passed_noun and noun_speaker is None and not noun_negated and trigger.pos_ not in ("NOUN",):
        hedged = True  # "amid reports that X sent ...": an unnamed report
    return Voice(speaker, polarity, hedged)


def echo_denials(
    tagged: Tagged, claims: list[Claim], lex: ParseLexicon, memory: Memory
) -> list[Claim]:
    """ "X accused Y of Z, a charge Y rejected", "..., which Y denied": a denial that holds no act
    of its own denies the sentence's accusations, in its subject's voice."""
    out: list[Claim] = []
    for tok in tagged.sent:
        if tok.lemma_.lower() not in lex.deny_lemmas or tok.pos_ not in ("VERB", "AUX"):
            continue
        if any(t.i in tagged.triggers for t in tok.subtree):
            continue  # it denies its own content: that voice is read from the trigger
        if tok.dep_ not in ("relcl", "acl", "appos", "advcl", "conj", "parataxis", "ccomp"):
            continue
        if _local_marks(tok, lex)[0]:
            continue  # "did not deny"
        denier = speaker_of(tagged, subject_of(tok), lex, memory)
        if denier is None or denier.kind == "generic":
            continue
        for c in claims:
            if c.speaker != denier.value:
                # denying a charge of withholding affirms the supply
                flipped = "deny" if c.polarity == "affirm" else "affirm"
                out.append(replace(c, speaker=denier.value, polarity=flipped, hedged=False))
    return out
