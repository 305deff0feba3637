"""One language identifier per process, shared by ingest and extraction.

py3langid's model takes about 80 MB once loaded; each `from_model_file` loads another copy, so
every identifier here, the restricted ones too, is built on the arrays of the one full model.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's identifier over all its languages, loaded on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


@lru_cache(maxsize=8)
def restricted(languages: tuple[str, ...]) -> Any:
    """An identifier that only chooses among `languages`, sharing the full model's arrays."""
    from py3langid.langid import LanguageIdentifier

    full = identifier()
    ident = LanguageIdentifier(
        full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove, full.tk_output,
        tk_row=full.tk_row,
    )  # fmt: skip
    ident.set_languages(list(languages))
    return ident
