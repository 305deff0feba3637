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
from corroborate.report.charts_text import CAPTIONS

__all__ = ["CAPTIONS", "coverage", "network", "place_labels", "timeline"]

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
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    if all_weeks:
        ax.legend(fontsize=7, ncol=3, frameon=False)
    else:
        ax.text(0.5, 0.5, "no dated claims", ha="center", va="center", transform=ax.transAxes)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg(fig)


MAX_NETWORK_NODES = 18  # the most connected actors are drawn; the rest are listed beneath
MAX_POINT_LABELS = 12  # the most mentioned actors are labelled; the rest are listed beneath


def _listed_rest(fig: Figure, rest: list[str], *, what: str) -> None:
    if rest:
        shown = ", ".join(rest[:30]) + (f" and {len(rest) - 30} more" if len(rest) > 30 else "")
        fig.text(0.02, -0.02, f"{what}: {shown}", fontsize=7, wrap=True, va="top")


def place_labels(points: list[tuple[float, float]], *, min_gap: float) -> list[tuple[float, float]]:
    """Label positions near their points (in the same units) with no two closer than
    `min_gap` vertically when they overlap horizontally: each label moves up in steps until
    it is clear of those already placed (the most important points come first)."""
    placed: list[tuple[float, float]] = []
    for x, y in points:
        ly = y
        while any(abs(px - x) < 4 * min_gap and abs(py - ly) < min_gap for px, py in placed):
            ly += min_gap
        placed.append((x, ly))
    return placed


def network(propositions: list[Proposition]) -> str:
    """Who acts for or against whom; line width = corroborated propositions (+1 for any)."""
    edges: Counter[tuple[str, str]] = Counter()
    strong: Counter[tuple[str, str]] = Counter()
    for p in propositions:
        if p.subject and p.recipient and p.subject != p.recipient:
            edges[(p.subject, p.recipient)] += 1
            strong[(p.subject, p.recipient)] += p.status == "corroborated"
    degree: Counter[str] = Counter()
    for (a, b), n in edges.items():
        degree[a] += n
        degree[b] += n
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    nodes, rest = sorted(ranked[:MAX_NETWORK_NODES]), sorted(ranked[MAX_NETWORK_NODES:])
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
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.annotate(
            "", xy=(x2, y2), xytext=(x1, y1),
            arrowprops={"arrowstyle": "->", "lw": 0.6 + 1.6 * strong[(a, b)],
                        "color": "#1b7837" if strong[(a, b)] else "#bbbbbb",
                        "shrinkA": 14, "shrinkB": 14, "connectionstyle": "arc3,rad=0.12"},
        )  # fmt: skip
    for name, (x, y) in pos.items():
        ax.scatter([x], [y], s=380, color="#f4f4f4", edgecolors="#444444", zorder=3)
        # labels sit outside the circle, on the node's own radius: neighbours never share a spot
        ha = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        va = "bottom" if y > 0.2 else "top" if y < -0.2 else "center"
        ax.text(1.2 * x, 1.2 * y, name, ha=ha, va=va, fontsize=8)
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.6, 1.6)
    _listed_rest(fig, rest, what="Less connected, not drawn")
    return _svg(fig)


def coverage(attention: list[Attention]) -> str:
    """Per actor: claim mentions (attention) against independent support (evidence)."""
    by_actor: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in attention:
        by_actor[a.actor][0] += a.mentions
        by_actor[a.actor][1] += a.independent_support
    fig, ax = plt.subplots(figsize=(6, 4))
    if not by_actor:
        ax.text(0.5, 0.5, "no actors with propositions", ha="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _svg(fig)
    ranked = sorted(by_actor, key=lambda n: (-by_actor[n][0], n))
    ax.scatter([s for _m, s in by_actor.values()], [m for m, _s in by_actor.values()], s=30,
               color="#5e81b5", zorder=3)  # fmt: skip
    top_m = max(m for m, _s in by_actor.values())
    top_s = max(s for _m, s in by_actor.values())
    gap = max(top_m, 1) * 0.06  # a label's height in data units (about a tenth of an inch)
    labelled = ranked[:MAX_POINT_LABELS]
    spots = place_labels([(by_actor[n][1], by_actor[n][0]) for n in labelled], min_gap=gap)
    for name, (x, y) in zip(labelled, spots, strict=True):
        mentions, support = by_actor[name]
        ax.annotate(
            name, (support, mentions), xytext=(x + 0.08 * max(top_s, 1), y),
            textcoords="data", fontsize=7, va="center",
            arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "#999999"}
            if y != mentions else None,
        )  # fmt: skip
    edge = max(top_m, top_s, 1)
    ax.plot([0, edge], [0, edge], ls=":", color="#999999", lw=0.8)
    ax.set_xlim(-0.3, max(top_s, 1) * 1.45 + 0.3)  # room for the labels right of the points
    ax.set_ylim(0, max(top_m, 1) * 1.12 + gap * min(len(labelled), 4))
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    ax.set_xlabel("independent non-hostile affirming groups (evidence)")
    ax.set_ylabel("claim mentions (attention)")
    ax.spines[["top", "right"]].set_visible(False)
    _listed_rest(fig, sorted(ranked[MAX_POINT_LABELS:]), what="Also plotted, unlabelled")
    return _svg(fig)
