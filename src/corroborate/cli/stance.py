"""`corroborate stance-eval`: the stance model scored on FNC-1 format files."""

from __future__ import annotations

from pathlib import Path

import click

from corroborate.cli.app import cli, fail


@cli.command("stance-eval")
@click.option("--stances", required=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="CSV with Headline, Body ID, Stance.")  # fmt: skip
@click.option("--bodies", required=True, type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="CSV with Body ID, articleBody.")  # fmt: skip
def stance_eval_cmd(stances: Path, bodies: Path) -> None:
    """FNC score, per-class P/R/F1, macro-F1, confusion and speed of the stance model."""
    from corroborate.stance.data import FormatError
    from corroborate.stance.evaluate import evaluate_files, format_metrics
    from corroborate.stance.model import ArtefactError

    try:
        result = evaluate_files(stances, bodies)
    except (FormatError, ArtefactError) as exc:
        fail(str(exc))
    click.echo(format_metrics(result.metrics, result.seconds))
