"""`python -m corroborate.web serve ...`: the CLI with the serve command registered."""

from corroborate.cli import main
from corroborate.web import cli as _serve  # noqa: F401  (registers `serve`)

main()
