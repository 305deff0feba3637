"""The attribute ruler's rules applied by table look-up: the same attributes at less cost.

spaCy's AttributeRuler runs its Matcher over every token with all of its rules (179 in the
English pipeline: tag to part of speech and morphology, lemma exceptions). Nearly all rules
look at one token and read only its tag, lower form, dependency label and whitespace flag:
the rules without a lower form are decided once per (tag, label, flag), those naming lower
forms are looked up by the token's. The few rules over two tokens are checked pair by pair.
The rules that match a token are applied in the ruler's own order (a later rule wins), as
AttributeRuler.set_annotations does, so every token ends with the attributes the Matcher
path would give it. A rule the table cannot read (another attribute or operator) leaves the
ruler as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# (tag_, lower_, dep_, is_space): all a rule of the English pipeline looks at
Key = tuple[str, str, str, bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# a rule over two tokens: its id, the tests of each token, which of the two it sets
_Pair = tuple[int, Callable[[Key], bool], Callable[[Key], bool], int]
_FULL_KEYS = 50_000  # answers kept per whole key before the table starts again


def _test(attr: str, spec: Any) -> Callable[[Key], bool] | None:
    """One attribute's condition as the Matcher reads it, None when it is one we do not read."""
    if attr not in _FIELDS:
        return None
    at = _FIELDS[attr]
    if attr == "IS_SPACE":
        if not isinstance(spec, bool):
            return None
        return lambda key: key[at] == spec
    if isinstance(spec, str):
        return lambda key: key[at] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, value),) = spec.items()
        if op == "IN":
            within = frozenset(value)
            return lambda key: key[at] in within
        if op == "NOT_IN":
            outside = frozenset(value)
            return lambda key: key[at] not in outside
        if op == "REGEX":
            found = re.compile(value).search
            return lambda key: found(key[at]) is not None
    return None


def _token_test(pattern: dict[str, Any]) -> Callable[[Key], bool] | None:
    tests = [_test(attr, spec) for attr, spec in pattern.items()]
    if any(t is None for t in tests):
        return None
    checks = [t for t in tests if t is not None]
    return lambda key: all(t(key) for t in checks)


def _values(pattern: dict[str, Any], attr: str = "LOWER") -> frozenset[str] | None:
    """The values a token rule needs of one attribute, when it names them (a string or IN)."""
    spec = pattern.get(attr)
    if isinstance(spec, str):
        return frozenset({spec})
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


def _first_filter(pattern: dict[str, Any]) -> tuple[int, frozenset[str]] | None:
    """A named set of values of the first token of a two-token rule: where it can start."""
    for attr in ("LOWER", "DEP", "TAG"):
        values = _values(pattern, attr)
        if values is not None:
            return _FIELDS[attr], values
    return None


class TableRuler:
    """Replaces a loaded AttributeRuler's match and set_annotations (its __call__ stays)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        # one-token rules by what they read: the tag, dependency and space flag only (kept per
        # such key, a small set), named lower forms (looked up by the token's), anything else
        self.by_tag: list[tuple[int, Callable[[Key], bool]]] = []
        self.by_lower: dict[str, list[tuple[int, Callable[[Key], bool]]]] = {}
        self.others: list[tuple[int, Callable[[Key], bool]]] = []
        self.pairs: list[tuple[_Pair, tuple[int, frozenset[str]] | None]] = []
        self.readable = True
        for rule_id in range(len(ruler.attrs)):
            index = ruler.indices[rule_id]
            for alternative in ruler.matcher.get(str(rule_id))[1]:
                tests = [_token_test(p) for p in alternative]
                if any(t is None for t in tests) or len(tests) not in (1, 2):
                    self.readable = False
                    return
                if len(tests) == 2:
                    at = index if index >= 0 else 2 + index
                    if at not in (0, 1):
                        self.readable = False
                        return
                    pair = (rule_id, tests[0], tests[1], at)
                    self.pairs.append((pair, _first_filter(alternative[0])))  # type: ignore[arg-type]
                    continue
                if index not in (0, -1):
                    self.readable = False
                    return
                rule = (rule_id, tests[0])
                lowers = _values(alternative[0])
                if "LOWER" not in alternative[0]:
                    self.by_tag.append(rule)  # type: ignore[arg-type]
                elif lowers is not None:
                    for low in lowers:
                        self.by_lower.setdefault(low, []).append(rule)  # type: ignore[arg-type]
                else:
                    self.others.append(rule)  # type: ignore[arg-type]
        self._memo: dict[tuple[str, str, bool], tuple[int, ...]] = {}
        self._full: dict[Key, tuple[int, ...]] = {}  # the answer per whole key, while it fits
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _rules(self, key: Key) -> tuple[int, ...]:
        found = self._full.get(key)
        if found is not None:
            return found
        short = (key[0], key[2], key[3])
        rules = self._memo.get(short)
        if rules is None:
            rules = tuple(sorted({r for r, test in self.by_tag if test(key)}))
            self._memo[short] = rules
        extra = [r for r, test in self.by_lower.get(key[1], ()) if test(key)]
        extra += [r for r, test in self.others if test(key)]
        found = tuple(sorted({*rules, *extra})) if extra else rules
        if len(self._full) >= _FULL_KEYS:
            self._full.clear()  # a vocabulary's worth of words: start again, never grow on
        self._full[key] = found
        return found

    def match(self, doc: Any) -> list[tuple[int, tuple[int, ...]]]:
        """Per token, the ids of the rules that set its attributes, in the order they apply."""
        keys: list[Key] = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        per_token = [self._rules(k) for k in keys]
        last = len(keys) - 1
        for (rule_id, first, second, at), start in self.pairs:
            if start is None:
                places: Any = range(last)
            else:
                field, values = start
                places = [i for i in range(last) if keys[i][field] in values]
            for i in places:
                if first(keys[i]) and second(keys[i + 1]):
                    j = i + at
                    # the Matcher's sort by rule id: a pair's rule takes its place among them
                    per_token[j] = tuple(sorted({*per_token[j], rule_id}))
        return [(i, rules) for i, rules in enumerate(per_token) if rules]

    def set_annotations(self, doc: Any, matches: list[tuple[int, tuple[int, ...]]]) -> None:
        for i, rules in matches:
            merged = self._merged.get(rules)
            if merged is None:
                merged = {}
                for rule_id in rules:  # in the ruler's order: a later rule's value wins
                    merged.update(self.attrs[rule_id])
                self._merged[rules] = merged
            self._set(doc[i], merged)


def use_table(nlp: Any) -> None:
    """Give the pipeline's attribute ruler, if any, the table path (see the module's note)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    table = TableRuler(ruler)
    if table.readable:
        ruler.match = table.match
        ruler.set_annotations = table.set_annotations
