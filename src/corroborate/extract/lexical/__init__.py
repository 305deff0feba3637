"""The multilingual lexical stage: claims in languages without a dependency parser here.

Entities -> attribution -> events -> roles -> claims over tokens and lemmas; every word it
knows comes from the language's folder under data/lexicons/ (see pack.py), the morphology from
pymorphy3, simplemma or a spaCy pipeline as that folder's pack.yaml names.
"""

from corroborate.extract.lexical.pack import Pack, available_languages, load_pack
from corroborate.extract.lexical.route import detect_language, route

__all__ = ["Pack", "available_languages", "detect_language", "load_pack", "route"]
