"""Static SVG charts for the HTML report (matplotlib, no browser code, no CDN)."""

from __future__ import annotations

import io
import math
import re
from collections import Counter, defaultdict
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display: render to files only
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from corroborate.assess import Attention, Proposition
from corroborate.assess.status import STATUSES

COLOURS = {
    "corroborated": "#1b7837",
    "contested": "#e08214",
    "single-source": "#5e81b5",
    "one-sided": "#b2182b",
    "unverified": "#999999",
    "denied-only": "#762a83",
}
plt.rcParams.update({"font.size": 9, "svg.fonttype": "none"})


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prologue: the SVG is inlined in HTML
    # drop matplotlib's RDF metadata (a timestamp): charts stay identical from run to run
    return re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)


def timeline(propositions: list[Proposition], dates: dict[str, list[date]]) -> str:
    """Claims per week by the status of their proposition."""
    weeks: dict[str, Counter[date]] = defaultdict(Counter)
    for p in propositions:
        for d in dates.get(p.id, []):
            weeks[p.status][d.fromordinal(d.toordinal() - d.weekday())] += 1
    fig, ax = plt.subplots(figsize=(7.5, 2.8))
    all_weeks = sorted({w for c in weeks.values() for w in c})
    bottom = [0] * len(all_weeks)
    for status in STATUSES:
        values = [weeks[status].get(w, 0) for w in all_weeks]
        if any(values):
            ax.bar(all_weeks, values, width=5, bottom=bottom, color=COLOURS[status], label=status)  # type: ignore[arg-type]
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("claim mentions per week")
    if all_weeks:
        ax.legend(fontsize=7, ncol=3, frameon=False)
    else:
        ax.text(0.5, 0.5, "no dated claims", ha="center", va="center", transform=ax.transAxes)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg(fig)


def network(propositions: list[Proposition]) -> str:
    """Who acts for or against whom; line width = corroborated propositions (+1 for any)."""
    edges: Counter[tuple[str, str]] = Counter()
    strong: Counter[tuple[str, str]] = Counter()
    for p in propositions:
        if p.subject and p.recipient and p.subject != p.recipient:
            edges[(p.subject, p.recipient)] += 1
            strong[(p.subject, p.recipient)] += p.status == "corroborated"
    nodes = sorted({n for e in edges for n in e})
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.set_axis_off()
    if not nodes:
        ax.text(0.5, 0.5, "no propositions with both subject and recipient", ha="center")
        return _svg(fig)
    pos = {
        n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
        for i, n in enumerate(nodes)
    }
    for a, b in edges:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.annotate(
            "", xy=(x2, y2), xytext=(x1, y1),
            arrowprops={"arrowstyle": "->", "lw": 0.6 + 1.6 * strong[(a, b)],
                        "color": "#1b7837" if strong[(a, b)] else "#bbbbbb",
                        "shrinkA": 14, "shrinkB": 14, "connectionstyle": "arc3,rad=0.12"},
        )  # fmt: skip
    for name, (x, y) in pos.items():
        ax.scatter([x], [y], s=380, color="#f4f4f4", edgecolors="#444444", zorder=3)
        ax.text(x, y - 0.16, name, ha="center", va="top", fontsize=8)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.4, 1.3)
    return _svg(fig)


def coverage(attention: list[Attention]) -> str:
    """Per actor: claim mentions (attention) against independent support (evidence)."""
    by_actor: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in attention:
        by_actor[a.actor][0] += a.mentions
        by_actor[a.actor][1] += a.independent_support
    fig, ax = plt.subplots(figsize=(6, 4))
    for actor, (mentions, support) in by_actor.items():
        ax.scatter([support], [mentions], s=30, color="#5e81b5")
        ax.annotate(
            actor, (support, mentions), fontsize=7, xytext=(3, 3), textcoords="offset points"
        )
    top = max([m for m, _s in by_actor.values()] + [1])
    ax.plot([0, top], [0, top], ls=":", color="#999999", lw=0.8)
    ax.set_xlabel("independent non-hostile affirming groups (evidence)")
    ax.set_ylabel("claim mentions (attention)")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
