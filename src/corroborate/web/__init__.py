"""The web workbench: a FastAPI app over the ledger (pages, REST API) and `corroborate serve`."""

from corroborate.web.app import create_app
from corroborate.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
