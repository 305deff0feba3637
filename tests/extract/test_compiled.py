"""The stale-build guard: a compiled module older than its source fails loudly, in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corroborate.extract.compiled import check_fresh


def _package(root: Path, *, checkout: bool) -> Path:
    folder = root / "src" / "corroborate" / "extract"
    folder.mkdir(parents=True)
    if checkout:
        (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    lib = folder / "roles.cpython-311-x86_64-linux-gnu.so"
    lib.write_bytes(b"")
    source = folder / "roles.py"
    source.write_text("x = 1\n")
    os.utime(lib, (1_000_000, 1_000_000))  # built before the source was last edited
    return folder


def test_a_stale_compiled_module_in_a_checkout_is_an_error(tmp_path: Path) -> None:
    folder = _package(tmp_path, checkout=True)
    with pytest.raises(ImportError, match=r"roles\.cpython.*older than roles\.py.*make"):
        check_fresh(folder=folder)


def test_a_fresh_build_passes(tmp_path: Path) -> None:
    folder = _package(tmp_path, checkout=True)
    os.utime(next(folder.glob("*.so")))  # rebuilt now
    check_fresh(folder=folder)


def test_an_installed_wheel_is_not_judged_by_mtimes(tmp_path: Path) -> None:
    # site-packages has no pyproject.toml above the package: unpack order sets the mtimes
    check_fresh(folder=_package(tmp_path, checkout=False))
