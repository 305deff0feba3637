"""The web workbench: a FastAPI app over the ledger (pages, REST API) and `corroborate serve`.

`create_app` and `WebConfig` are loaded on first use, so that importing `corroborate.web.cli`
(which registers `serve` with the command line) does not import FastAPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborate.web.app import create_app
    from corroborate.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from corroborate.web.app import create_app

        return create_app
    if name == "WebConfig":
        from corroborate.web.config import WebConfig

        return WebConfig
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
