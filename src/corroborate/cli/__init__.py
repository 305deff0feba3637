"""The `corroborate` command: thin shells over library functions."""

from corroborate.cli import claims, documents, findings  # noqa: F401  (each module registers its commands)
from corroborate.cli.app import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli(prog_name="corroborate")
