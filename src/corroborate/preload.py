"""What the worker pool's fork server loads before it forks a worker (pool.py imports this
module there, and nothing else should): the language identifier's model and the default
extractor with its spaCy pipeline. Workers forked from the server share those pages instead of
each loading a copy, which keeps a batch's memory near one model set plus each worker's own
work, and a worker starts at once."""

from __future__ import annotations

import contextlib

from corroborate.langid import identifier
from corroborate.work import ExtractorSpec, extractor_for


def warm() -> None:
    """Load the shared models now; a failure here is left for the worker to meet and report."""
    with contextlib.suppress(Exception):
        identifier()
        extractor = extractor_for(ExtractorSpec())
        extractor.extract("Warm-up.", doc="warm-up", language="en")
        if extractor.parser is not None:
            extractor.parser.nlp("Warm-up.")  # loads the spaCy pipeline


warm()
