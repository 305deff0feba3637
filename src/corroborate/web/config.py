"""What the web app is started with: the ledger, who may use it, and its limits."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict, dataclass
from pathlib import Path

CONFIG_ENV = "CORROBORATE_WEB_CONFIG"  # how `serve --workers N` hands the config to its workers
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebConfig:
    database_url: str
    token: str | None = None  # when set, every request must carry it
    host: str = "127.0.0.1"
    # Host headers accepted besides loopback names (guards against DNS rebinding); "*" for any
    allowed_hosts: tuple[str, ...] = ()
    max_upload_bytes: int = 5_000_000
    upload_workspace: Path | None = None  # workspace whose settings and lexicons ingest uses
    recheck_seconds: float = 2.0  # how often to look for changes made outside the app
    secure_cookies: bool = False
    threads: int = 4  # requests served at once per worker process
    page_cache_bytes: int = 200_000_000  # rendered pages kept per worker; 0: none

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.token:
            raise ValueError(
                f"serving on {self.host} exposes the ledger beyond this machine: "
                "give a token (--token or CORROBORATE_WEB_TOKEN)"
            )
        if self.token is not None and len(self.token) < 16:
            raise ValueError("the token must be at least 16 characters long")

    def to_json(self) -> str:
        data = asdict(self)
        data["upload_workspace"] = str(self.upload_workspace) if self.upload_workspace else None
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> WebConfig:
        data = json.loads(text)
        data["allowed_hosts"] = tuple(data["allowed_hosts"])
        if data["upload_workspace"] is not None:
            data["upload_workspace"] = Path(data["upload_workspace"])
        return cls(**data)

    @property
    def host_names(self) -> frozenset[str]:
        names = set(LOOPBACK_NAMES) | set(self.allowed_hosts)
        if self.host not in ("0.0.0.0", "::"):
            names.add(self.host)
        return frozenset(names)
