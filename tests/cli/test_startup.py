"""Start-up: the command line imports what a command needs when it runs it, not before.

The wall times are measured by benchmarks/cli_bench.py; this test guards what makes them small:
importing the CLI and printing its help load none of the heavy libraries.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "matplotlib", "scipy", "fastapi", "lightgbm", "trafilatura", "datasketch", "sqlalchemy",
    "numpy", "uvicorn", "pypdf", "corroborate.extract", "corroborate.store", "corroborate.web.app",
)  # fmt: skip

_PROBE = """
import json, sys
from corroborate.cli import cli
for args in (["--help"], ["--version"], ["ingest", "--help"], ["report", "--help"]):
    try:
        cli.main(args, prog_name="corroborate", standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded_after(code: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
        cwd=cwd,
    )  # fmt: skip
    return set(json.loads(done.stdout.splitlines()[-1]))


def _heavy_in(modules: set[str]) -> list[str]:
    return sorted(h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in modules))


def test_import_and_help_load_no_heavy_library(tmp_path: Path) -> None:
    loaded = _loaded_after(_PROBE, tmp_path)
    assert "corroborate.cli" in loaded  # the probe really ran the command line
    assert _heavy_in(loaded) == []


def test_probe_detects_a_heavy_import(tmp_path: Path) -> None:
    """The guard can fail: a command that runs does load the store, and the probe sees it."""
    code = _PROBE.replace('["--help"], ', '["--help"], ["documents", "--json"], ')
    assert "corroborate.store" in _heavy_in(_loaded_after(code, tmp_path))


def test_ledger_listings_load_the_store_but_not_the_extractor(tmp_path: Path) -> None:
    """documents/claims/sources/errors read the ledger: the extractor (spaCy's and the lexicons'
    importers, ~0.1 s) and the assessment's libraries are not theirs to load."""
    listings = '["documents"], ["claims", "--json"], ["sources"], ["errors"]'
    code = _PROBE.replace('["--help"], ["--version"], ["ingest", "--help"], ["report", "--help"]',
                          listings)  # fmt: skip
    loaded = _loaded_after(code, tmp_path)
    assert "corroborate.store" in loaded  # the commands really ran against a ledger
    assert _heavy_in(loaded) == ["corroborate.store", "sqlalchemy"]
