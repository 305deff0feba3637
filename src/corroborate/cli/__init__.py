"""The `corroborate` command: thin shells over library functions."""

from corroborate.cli import claims, documents, findings, stance  # noqa: F401  (each module registers its commands)
from corroborate.cli import watch as _watch  # noqa: F401  (registers `watch`)
from corroborate.cli.app import cli
from corroborate.web import cli as _web_cli  # noqa: F401  (registers `serve`)

__all__ = ["cli", "main"]


def main() -> None:
    cli(prog_name="corroborate")
