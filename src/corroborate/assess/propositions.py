"""Grouping claim mentions into propositions, explainably and stably; analyst merges and splits."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from corroborate.assess.model import ClaimRecord

Key = tuple[str, str, str, str]  # subject, relation, recipient, object family
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Review:
    """An analyst's decision, kept by proposition key so it survives re-extraction.

    merge: the claims of `source` join `target`. split: claims of `source` whose `field` contains
    `value` (case-insensitive) become their own proposition, labelled `label`.
    """

    kind: str
    source: Key
    target: Key | None = None
    field: str | None = None
    value: str | None = None
    label: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Grouping:
    families: dict[str, str] = field(default_factory=dict)  # object class -> family
    statements: dict[str, str] = field(default_factory=dict)
    unnamed: dict[str, str] = field(default_factory=dict)  # relation -> words for no object


@lru_cache(maxsize=4)
def default_grouping() -> Grouping:
    path = Path(str(files("corroborate") / "data" / "knowledge" / "propositions.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    families = {
        str(cls): str(family)
        for family, classes in (data.get("families") or {}).items()
        for cls in classes
    }
    return Grouping(
        families,
        {str(k): str(v) for k, v in (data.get("statements") or {}).items()},
        {str(k): str(v) for k, v in (data.get("unnamed_objects") or {}).items()},
    )


ObjectClassifier = Callable[[str | None], str | None]


def claim_key(c: ClaimRecord, family: str) -> Key:
    return (c.subject or "", c.relation, c.recipient or "", family)


def proposition_id(key: Key) -> str:
    """Stable across runs and re-extraction: a hash of the key, not of claim ids."""
    return "P" + hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:10]


def statement(
    key: Key,
    objects: Iterable[str | None],
    templates: Mapping[str, str],
    *,
    unnamed: Mapping[str, str] | None = None,
) -> str:
    """The proposition in words; a relation whose sentence needs an object the claims never
    name says what kind of thing it was ("Russia supplied arms to Armenia", not "supplied to")."""
    subject, relation, recipient, family = key
    common = Counter(o for o in objects if o).most_common(1)
    obj = common[0][0] if common else family or (unnamed or {}).get(relation, "")
    text = templates.get(relation, "{subject} " + relation.replace("_", " ") + "[ {object}]")
    values = {"subject": subject or "Someone", "object": obj, "recipient": recipient}

    def optional(m: re.Match[str]) -> str:
        part = m.group(1)
        needed = re.findall(r"\{(\w+)\}", part)
        return part if all(values.get(n) for n in needed) else ""

    return _OPTIONAL.sub(optional, text).format(**values).strip()


def group_claims(
    claims: Sequence[ClaimRecord],
    *,
    classify: ObjectClassifier,
    grouping: Grouping,
    reviews: Sequence[Review] = (),
) -> tuple[dict[Key, list[ClaimRecord]], dict[Key, str]]:
    """Propositions as key -> claims, and for each key the reason its claims are together."""
    groups: dict[Key, list[ClaimRecord]] = {}
    for c in claims:
        cls = classify(c.object)
        family = grouping.families.get(cls or "", cls or "")
        groups.setdefault(claim_key(c, family), []).append(c)
    _fold_unknown_details(groups)
    why = {
        k: (
            f"same subject ({k[0] or 'unnamed'}), relation ({k[1]}), recipient "
            f"({k[2] or 'not given'}) and object family ({k[3] or 'not given'})"
        )
        for k in groups
    }
    for review in reviews:
        _apply(review, groups, why)
    return groups, why


def _fold_unknown_details(groups: dict[Key, list[ClaimRecord]]) -> None:
    """Mentions that leave recipient or object unsaid join the one proposition that says them
    ("Turkey backed ..." beside "Turkey backed Azerbaijan"), when exactly one fits."""
    by_act: dict[tuple[str, str], list[Key]] = {}
    for key in groups:
        by_act.setdefault(key[:2], []).append(key)  # only keys of one actor and act can fit
    for keys in by_act.values():
        for key in sorted(keys, key=lambda k: (k[2] != "", k[3] != "")):
            if (key[2] and key[3]) or key not in groups or not key[0]:
                continue  # an unnamed actor is not known to be the named one
            fits = [
                k
                for k in keys
                if k != key
                and k in groups
                and (not key[2] or k[2] == key[2])
                and (not key[3] or k[3] == key[3])
            ]
            if len(fits) == 1:
                groups[fits[0]].extend(groups.pop(key))


def _apply(review: Review, groups: dict[Key, list[ClaimRecord]], why: dict[Key, str]) -> None:
    if review.source not in groups:
        return  # the proposition no longer exists after re-extraction: nothing to apply
    if review.kind == "merge" and review.target is not None:
        target = review.target
        groups.setdefault(target, []).extend(groups.pop(review.source))
        why[target] = why.get(target, "") + f"; merged by an analyst: {review.note or 'no note'}"
        why.pop(review.source, None)
    elif review.kind == "split" and review.field and review.value is not None:
        needle = review.value.lower()
        moved = [
            c for c in groups[review.source]
            if needle in str(getattr(c, review.field, "") or "").lower()
        ]  # fmt: skip
        if not moved:
            return
        label = review.label or f"{review.field}~{review.value}"
        new_key: Key = (review.source[0], review.source[1], review.source[2], label)
        groups[review.source] = [c for c in groups[review.source] if c not in moved]
        groups.setdefault(new_key, []).extend(moved)
        why[new_key] = f"split by an analyst from {proposition_id(review.source)}: {review.note}"
        if not groups[review.source]:
            groups.pop(review.source)
            why.pop(review.source, None)
