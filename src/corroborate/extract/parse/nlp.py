"""The spaCy pipeline of a language, loaded once per process from an installed package."""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def pipeline(name: str) -> Any:
    """The installed pipeline package `name` (spaCy never downloads: a missing one is an error)."""
    # imported by name: the compiled build analyses extract/ without spaCy installed
    spacy = importlib.import_module("spacy")
    from corroborate.extract.parse.lemmas import remember_lemmas
    from corroborate.extract.parse.ruler import use_table

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: pip install the package that provides it"
            f" (see pyproject.toml) ({exc})"
        ) from None
    use_table(nlp)  # the attribute ruler's rules by look-up: the same attributes, faster
    remember_lemmas(nlp)  # the lemmatizer's answers kept per word, tag and morphology
    numpy_products(nlp)  # the networks' matrix products by numpy's BLAS: three times faster
    return nlp


def numpy_products(nlp: Any) -> bool:
    """Have the pipeline's networks multiply matrices with numpy's BLAS, not thinc's bundled
    BLIS: that BLIS is built without kernels for the CPU (its "generic" configuration), and
    numpy's OpenBLAS runs the same products about three times faster; the token-to-vector
    layers are most of the parser's and recogniser's cost. Only where numpy's BLAS can be held
    to one thread (a worker per core; idle BLAS threads spin and would burn the other cores):
    else BLIS stays. Only CPU operations are replaced (a GPU's stay). The products are the same
    up to rounding order (claims identical on all news-dev, world-dev and multi-dev articles
    and the challenge set). Whether the products moved to numpy."""
    if not _one_blas_thread():
        return False
    cpu = importlib.import_module("thinc.api").NumpyOps
    plain = cpu(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is cpu and getattr(node.ops, "use_blis", False):
                node.ops = plain
    return True


def _one_blas_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread, unless the environment already sets its count;
    whether numpy's products run on as many threads as the environment asks (one if unset)."""
    if os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS"):
        return True  # the operator's choice, read by OpenBLAS when it loaded
    importlib.import_module("numpy")  # loads its BLAS, so that threadpoolctl can see it
    pools = importlib.import_module("threadpoolctl")
    if not any(p.get("internal_api") == "openblas" for p in pools.threadpool_info()):
        return False
    pools.threadpool_limits(limits=1, user_api="blas")  # for the process, not a block
    return True
