"""The role of an actor: its propositions by status, with the evidence that decided each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from corroborate.assess import Proposition
from corroborate.assess.status import STATUSES
from corroborate.assess_run import Assessment
from corroborate.report.explain import Sentence, VoiceRow, sentence_of, voice_rows

MAX_QUOTES = 4
UNKNOWN_LISTED = 30  # names the unknown-actors note lists by name; the rest are counted


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    outlet: str | None
    published: str | None
    speaker: str
    polarity: str
    hedged: bool
    url: str | None
    claim_id: int = 0
    sentence: Sentence | None = None  # the whole sentence, once the document text is read


@dataclass(frozen=True, slots=True)
class PropositionView:
    proposition: Proposition
    quotes: list[Quote]
    voices: list[VoiceRow] = field(default_factory=list)


@dataclass(slots=True)
class RoleReport:
    actor: str
    generated_at: str
    documents: int
    outlets: int
    claims: int
    sections: dict[str, list[PropositionView]] = field(default_factory=dict)
    as_recipient: list[PropositionView] = field(default_factory=list)
    attention: list[dict[str, object]] = field(default_factory=list)
    framing: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    charts: dict[str, str] = field(default_factory=dict)
    camps: str = ""  # one sentence: the camps independence was judged by, or that none are set
    camps_set: bool = False
    # names the extractor read as actors or voices that the knowledge base lacks, with how many
    # documents each was found in (the most frequent first), and how many there are in all
    unknown_actors: list[tuple[str, int]] = field(default_factory=list)
    unknown_total: int = 0

    @property
    def unknown_note(self) -> str:
        """One paragraph: which names have no type, state or camp, and how to give them one."""
        return unknown_sentence(self.unknown_total, self.unknown_actors)

    @property
    def counts(self) -> dict[str, int]:
        return {status: len(views) for status, views in self.sections.items()}


def unknown_sentence(total: int, names: list[tuple[str, int]]) -> str:
    """What a reader must know about names the knowledge base lacks ("" when there are none)."""
    if not total:
        return ""
    listed = ", ".join(
        f"{name} ({n} document{'s' if n != 1 else ''})" for name, n in names[:UNKNOWN_LISTED]
    )
    rest = total - min(len(names), UNKNOWN_LISTED)
    more = f", and {rest} more" if rest > 0 else ""
    one = total == 1
    return (
        f"Unknown actors: {total} name{'' if one else 's'} the extractor read as "
        f"{'an actor or a voice is' if one else 'actors or voices are'} not in the knowledge "
        f"base: {listed}{more}. None has a type, a state or a camp: where one speaks it counts "
        "as its own voice, it is matched only as the text spells it, and claims made by or about "
        "it may be missed. A lexicon file in the workspace's lexicons/ folder can give it "
        "aliases, a type and a state."
    )


def web_url(url: str | None) -> str | None:
    """Only http(s) links with a host reach a page: corpus metadata is untrusted
    ("javascript:...", "data:..."). The report and the workbench both use this."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def _quotes(assessment: Assessment, p: Proposition) -> list[Quote]:
    picked: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    # one quote per voice first, so the reader sees each side before repeats
    first = [i for v in (*p.affirming, *p.denying) for i in v.claim_ids[:1]]
    for claim_id in dict.fromkeys([*first, *p.claim_ids]):
        if claim_id not in assessment.claims:
            continue  # document-stance evidence: shown in the explanation, not as a claim
        c = assessment.claims[claim_id]
        key = (c.speaker, c.evidence)
        if key in seen:
            continue
        seen.add(key)
        picked.append(
            Quote(
                c.evidence,
                c.outlet,
                c.published.isoformat() if c.published else None,
                c.speaker,
                c.polarity,
                c.hedged,
                web_url(c.url),
                claim_id,
            )
        )
        if len(picked) >= MAX_QUOTES:
            break
    return picked


def role_report(
    assessment: Assessment,
    actor: str,
    *,
    framing: dict[str, list[tuple[str, str, int]]] | None = None,
    documents: int = 0,
) -> RoleReport:
    props = assessment.for_actor(actor)
    report = RoleReport(
        actor=actor,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=documents,
        outlets=len({c.outlet for c in assessment.claims.values() if c.outlet}),
        claims=len(assessment.claims),
        framing=framing or {},
        camps=assessment.camps.summary(),
        camps_set=assessment.camps.is_set,
    )
    for status in STATUSES:
        views = [
            PropositionView(p, _quotes(assessment, p), voice_rows(p))
            for p in props
            if p.status == status
        ]
        report.sections[status] = sorted(views, key=lambda v: -len(v.proposition.claim_ids))
    report.as_recipient = [
        PropositionView(p, _quotes(assessment, p))
        for p in assessment.propositions
        if p.recipient == actor and p.status in ("corroborated", "contested")
    ]
    report.attention = [
        {"relation": a.relation, "mentions": a.mentions, "outlets": a.outlets,
         "propositions": a.propositions, "corroborated": a.corroborated,
         "independent_support": a.independent_support, "ratio": round(a.ratio, 2)}
        for a in assessment.attention
        if a.actor == actor
    ]  # fmt: skip
    return report


def quoted_documents(
    report: RoleReport, assessment: Assessment, *, per_section: int | None = None
) -> set[int]:
    """The documents whose sentences the report's quotes need (of the first `per_section`
    propositions of each status, when a page shows only those)."""
    views = [
        *(v for vs in report.sections.values() for v in vs[:per_section]),
        *report.as_recipient[:per_section],
    ]
    return {
        assessment.rows[q.claim_id].document_id
        for v in views
        for q in v.quotes
        if q.claim_id in assessment.rows
    }


def attach_sentences(report: RoleReport, assessment: Assessment, texts: Mapping[int, str]) -> None:
    """Give every quote its whole sentence (a denial's with the denial's own words)."""

    def fill(v: PropositionView) -> PropositionView:
        quotes = []
        for q in v.quotes:
            row = assessment.rows.get(q.claim_id)
            text = texts.get(row.document_id) if row else None
            if row is None or text is None:
                quotes.append(q)
                continue
            sentence = sentence_of(
                text, row.evidence_start, row.evidence_end, denial=q.polarity == "deny"
            )
            quotes.append(replace(q, sentence=sentence))
        return replace(v, quotes=quotes)

    report.sections = {s: [fill(v) for v in vs] for s, vs in report.sections.items()}
    report.as_recipient = [fill(v) for v in report.as_recipient]
