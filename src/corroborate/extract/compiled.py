"""Which extraction modules run compiled (mypyc, see setup.py), and a guard against stale builds.

An editable install builds the compiled modules next to their sources, and Python prefers the
compiled file: after a source edit the old code would keep running without a word. The guard
turns that into an error that says how to rebuild.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def compiled_modules() -> list[str]:
    """Names of the extraction modules that import from a compiled file."""
    return sorted(p.name.split(".", 1)[0] for p in HERE.glob("*.so"))


def check_fresh(*, folder: Path = HERE) -> None:
    """Raise ImportError if a compiled module in a source checkout is older than its source."""
    # Only a source checkout can hold compiled files older than their sources: an installed
    # wheel unpacks both from one build, in whatever order (its mtimes say nothing).
    if not (folder.parents[2] / "pyproject.toml").exists():
        return
    for lib in folder.glob("*.so"):
        source = folder / (lib.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > lib.stat().st_mtime:
            raise ImportError(
                f"{lib} is older than {source.name}: the compiled extractor would run stale code. "
                "Rebuild it with `make .venv/.installed` (or `pip install -e .`), or delete the "
                "src/corroborate/extract/*.so files to run the sources as they are."
            )
