"""What earlier sentences of a document leave for later ones (extractor.py keeps one per text)."""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.extract.claim import Claim
from corroborate.extract.frames import Frame


@dataclass(slots=True)
class SentenceContext:
    """What earlier sentences leave for later ones."""

    last_subject: tuple[str, ...] = ()
    last_list: tuple[str, ...] = ()
    last_actor: tuple[str, ...] = ()
    last_person: tuple[str, ...] = ()  # the state of the last official named: "he"/"she"
    last_speaker: tuple[str, ...] = ()  # who spoke in the last sentence that has claims
    # the last named party that voiced a claim anywhere before: "the officials said" after
    # "two Pentagon officials said" is them again, however many sentences lie between
    last_voice: tuple[str, ...] = ()
    last_coalition: tuple[str, ...] = ()  # the leader of the last "US-led coalition" named
    previous_claims: list[Claim] = field(default_factory=list)
    # the last claims someone other than the author voiced: "X denied the accusation" answers
    # an accusation, which need not be in the sentence right before
    previous_attributed: list[Claim] = field(default_factory=list)
    quote: Frame | None = None  # who speaks a sentence inside a long quotation (quotes.py)
    asked: list[Claim] = field(default_factory=list)  # the last sentence's, if it asked them
