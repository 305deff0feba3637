"""The rule lemmatizer's answers kept per (word, part of speech, morphology): the same lemmas.

spaCy's rule lemmatizer keeps its own cache only for words that reach its rule tables; every
uninflected word (a singular noun, an infinitive, a positive adjective: most of a sentence)
is judged again each time it occurs, its morphology unpacked to decide so, and each token's
lemma is read and written one Python call at a time. What the rules give depends only on the
word, its part of speech and its morphology, so each answer is kept under those three, and a
document's lemmas are read and written as one array.
"""

from __future__ import annotations

from typing import Any

_KEPT = 100_000  # answers kept before the table starts again (a vocabulary's worth)


def remember_lemmas(nlp: Any) -> None:
    """Give the pipeline's rule lemmatizer, if any, the kept answers (see the module's note)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or "lemmatize" not in vars(lemmatizer):
        return
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    base = type(lemmatizer)
    kept: dict[tuple[int, int, int], int] = {}

    class KeptLemmatizer(base):  # type: ignore[valid-type,misc]
        """The same component with its answers kept (spaCy calls a component by its type)."""

        def __call__(self, doc: Any) -> Any:
            if not self._validated or not len(doc):
                return base.__call__(self, doc)
            try:
                rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
                lemmas = rows[:, 3:4].copy()
                add = doc.vocab.strings.add
                for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                    if self.overwrite or lemma == 0:
                        key = (orth, pos, morph)
                        found = kept.get(key)
                        if found is None:
                            found = add(self.lemmatize(doc[i])[0])
                            if len(kept) >= _KEPT:
                                kept.clear()
                            kept[key] = found
                        lemmas[i, 0] = found
                doc.from_array([LEMMA], lemmas)
                return doc
            except Exception as e:
                return self.get_error_handler()(self.name, self, [doc], e)

    lemmatizer.__class__ = KeptLemmatizer
