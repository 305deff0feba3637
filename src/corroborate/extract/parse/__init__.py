"""Extraction on sentence structure: a spaCy parse under the knowledge base.

The stages, each a small module over one parsed sentence:
entities (who and what is named) -> attribution (whose voice each clause is in) ->
events (which words are acts) -> roles (agent, object, recipient) -> claims.
Language knowledge is data: the lexicon folder's YAML files, parse.yaml among them.
"""

from corroborate.extract.parse.extractor import ParseExtractor

__all__ = ["ParseExtractor"]
