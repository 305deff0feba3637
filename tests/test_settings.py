"""Settings: declared defaults, config file, environment, flags; bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.settings import Settings, SettingsError, load_settings


def test_precedence_config_then_environment_then_flags(tmp_path: Path) -> None:
    (tmp_path / "corroborate.toml").write_text("commit_every = 7\nhedged_weight = 0.25\n")
    s = load_settings(tmp_path, env={})
    assert (s.commit_every, s.hedged_weight) == (7, 0.25)
    assert load_settings(tmp_path, env={"CORROBORATE_COMMIT_EVERY": "9"}).commit_every == 9
    assert (
        load_settings(tmp_path, env={"CORROBORATE_COMMIT_EVERY": "9"}, commit_every=3).commit_every
        == 3
    )
    assert s.database_url == f"sqlite:///{(tmp_path / 'corroborate.db').resolve()}"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("max_document_bytes = true", "is not a int"),
        ("commit_every = 0", "outside 1.."),
        ("hedged_weight = 2.5", "outside 0..1"),
        ("copy_threshold = 'high'", "not a valid float"),
        ("colour = 'red'", "unknown setting 'colour'"),
    ],
)
def test_bad_values_are_refused_with_the_setting_named(
    tmp_path: Path, line: str, expected: str
) -> None:
    (tmp_path / "corroborate.toml").write_text(line + "\n")
    with pytest.raises(SettingsError, match=expected):
        load_settings(tmp_path, env={})


def test_every_setting_is_described() -> None:
    names = [name for name, _default, help_text in Settings.describe() if help_text]
    assert {"min_independent_groups", "hedged_weight", "copy_threshold", "camps"} <= set(names)
