"""A role report as Markdown, JSON or self-contained HTML (charts inline, nothing fetched)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from corroborate.assess.camps import AUTHOR
from corroborate.assess.model import QuantityFigure
from corroborate.report.charts_text import CAPTIONS
from corroborate.report.explain import LEGEND
from corroborate.report.role import PropositionView, Quote, RoleReport

HEADINGS = {
    "corroborated": "Corroborated",
    "contested": "Contested",
    "single-source": "Single-source",
    "one-sided": "One-sided (affirmed only by a camp opposed to the actor)",
    "unverified": "Unverified (hedged reports only)",
    "denied-only": "Denied, with no one affirming",
}


def figure_text(q: QuantityFigure) -> str:
    """ "12 howitzers (Armenia, in Yerevan Daily)"; an outlet's own figure names the outlet."""
    span = f"{q.low:g}" + (f"-{q.high:g}" if q.high != q.low else "")
    if q.speaker == AUTHOR:
        who = q.outlet or "an unknown outlet"
    else:
        who = q.speaker + (f", in {q.outlet}" if q.outlet else "")
    return f"{span} {q.unit} ({who})".replace("  ", " ")


def quote_voice(q: Quote) -> str:
    """Who says it: "Armenia affirms", "Turkey denies, hedged", "the outlet affirms"."""
    who = "the outlet" if q.speaker == AUTHOR else q.speaker
    says = "denies" if q.polarity == "deny" else "affirms"
    return f"{who} {says}" + (", hedged" if q.hedged else "")


def _quote_md(q: Quote) -> str:
    if q.sentence is None:
        body = f"**{q.text}**"
    else:
        s = q.sentence
        body = (
            ("… " if s.clipped_start else "") + f"{s.before}**{s.quote}**{s.after}"
            + (" …" if s.clipped_end else "")
        )  # fmt: skip
    source = f"{q.outlet or 'unknown outlet'}, {q.published or 'undated'}"
    return f"> {' '.join(body.split())}  \n> — {source} ({quote_voice(q)})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _view_md(v: PropositionView) -> list[str]:
    p = v.proposition
    seen = f"{p.first_seen} to {p.last_seen}" if p.first_seen else "undated"
    lines = [
        f"### {p.statement}",
        "",
        f"*{p.status}*, {len(p.claim_ids)} mention(s) in {p.documents} document(s), {seen}; "
        f"CAMEO {p.cameo or '-'}; id `{p.id}`",
        "",
        p.explanation,
        "",
    ]
    if v.voices:
        lines += ["| says | voice | standing | weight | how it counts |", "|---|---|---|---|---|"]
        lines += [
            f"| {r.says} | {_cell(r.voice)} | {r.standing} | {r.weight:g} | {r.counts} |"
            for r in v.voices
        ]
        lines.append("")
    if p.quantities:
        lines += ["Figures: " + "; ".join(figure_text(q) for q in p.quantities), ""]
    for q in v.quotes:
        lines += [_quote_md(q), ""]
    return lines


def legend_md() -> list[str]:
    lines = ["## How to read this report", ""]
    lines += [f"- **{term}**: {meaning}" for term, meaning in LEGEND]
    return [*lines, ""]


def to_markdown(r: RoleReport) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in r.counts.items() if n)
    lines = [
        f"# The role of {r.actor}",
        "",
        f"From {r.claims} claims in {r.documents} documents from {r.outlets} outlets; "
        f"generated {r.generated_at}. {counts or 'No propositions about this actor.'}",
        "",
        "Statuses follow documented rules (see `corroborate.assess.status`): independent voices "
        "are counted by camp and affiliation group, copied stories count once, and a camp's own "
        "accusations are not corroboration.",
        "",
        r.camps if r.camps_set else f"**{r.camps}**",
        "",
        *([r.unknown_note, ""] if r.unknown_total else []),
        *legend_md(),
    ]
    for status, views in r.sections.items():
        if views:
            lines += [f"## {HEADINGS[status]}", ""]
            for v in views:
                lines += _view_md(v)
    if r.as_recipient:
        lines += [f"## What others did for or against {r.actor} (corroborated or contested)", ""]
        for v in r.as_recipient:
            lines += [f"- {v.proposition.statement}: *{v.proposition.status}*"]
        lines.append("")
    if r.attention:
        header = ["relation", "mentions", "outlets", "propositions", "corroborated",
                  "independent support", "mentions per support"]  # fmt: skip
        lines += ["## Attention against evidence", "", "| " + " | ".join(header) + " |",
                  "|" + "---|" * len(header)]  # fmt: skip
        for a in r.attention:
            lines.append(
                f"| {a['relation']} | {a['mentions']} | {a['outlets']} | {a['propositions']} | "
                f"{a['corroborated']} | {a['independent_support']} | {a['ratio']} |"
            )
        lines.append("")
    if r.framing:
        lines += ["## Framing markers per outlet", ""]
        for outlet, terms in r.framing.items():
            listed = ", ".join(f"{t} ({side}, {n})" for t, side, n in terms[:8])
            lines.append(f"- **{outlet}**: {listed}")
        lines.append("")
    return "\n".join(lines)


def _quote_dict(q: Quote) -> dict[str, Any]:
    data = asdict(q)
    data["sentence"] = q.sentence.text if q.sentence else None
    return data


def _view_dict(v: PropositionView) -> dict[str, Any]:
    return {
        "proposition": v.proposition.to_dict(),
        "voices": [asdict(r) for r in v.voices],
        "quotes": [_quote_dict(q) for q in v.quotes],
    }


def to_json(r: RoleReport) -> str:
    data: dict[str, Any] = {
        "actor": r.actor, "generated_at": r.generated_at, "documents": r.documents,
        "outlets": r.outlets, "claims": r.claims, "counts": r.counts,
        "sections": {s: [_view_dict(v) for v in views] for s, views in r.sections.items()},
        "as_recipient": [v.proposition.to_dict() for v in r.as_recipient],
        "attention": r.attention, "framing": r.framing,
        "camps": {"set": r.camps_set, "note": r.camps},
        "unknown_actors": {
            "total": r.unknown_total,
            "names": [{"name": name, "documents": n} for name, n in r.unknown_actors],
            "note": r.unknown_note,
        },
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2)


_ENV = Environment(
    loader=PackageLoader("corroborate.report", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def to_html(r: RoleReport) -> str:
    """Corpus text is untrusted: the template escapes it; only our own SVG charts are inlined."""
    return _ENV.get_template("report.html.j2").render(
        report=r, headings=HEADINGS, legend=LEGEND, figure_text=figure_text, captions=CAPTIONS,
        quote_voice=quote_voice,
    )  # fmt: skip
