"""`corroborate serve`: the web workbench on 127.0.0.1, or elsewhere behind a token."""

from __future__ import annotations

import os
import secrets

import click

from corroborate.cli.app import cli, fail, workspace_of
from corroborate.web.config import CONFIG_ENV, WebConfig, is_loopback


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="CORROBORATE_WEB_TOKEN",
    help="Secret every request must carry (Authorization: Bearer, or ?token= once); required "
    "with a non-loopback --host. Also read from CORROBORATE_WEB_TOKEN.",
)
@click.option("--new-token", is_flag=True, help="Generate a random token, print it and require it.")
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    help="Host header to accept besides loopback names (e.g. a DNS name of this machine).",
)
@click.option(
    "--max-upload",
    default=5_000_000,
    show_default=True,
    type=click.IntRange(1, 2_000_000_000),
    help="Largest upload accepted, in bytes.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes. Each keeps its own copy of the assessment in memory and sees the "
    "others' reviews within two seconds; one per core suits large ledgers.",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Requests each worker serves at once (pages are Python under one lock: a few suffice).",
)
@click.option(
    "--page-cache",
    "page_cache_mb",
    default=200,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="Megabytes of rendered pages each worker keeps for the current assessment (0: none).",
)
@click.pass_context
def serve_cmd(
    ctx: click.Context,
    host: str,
    port: int,
    token: str | None,
    new_token: bool,
    allowed_hosts: tuple[str, ...],
    max_upload: int,
    workers: int,
    threads: int,
    page_cache_mb: int,
) -> None:
    """Serve the web workbench: pages, the REST API under /api/ and its /openapi.json."""
    import uvicorn

    from corroborate.store import LedgerError
    from corroborate.web.app import create_app

    workspace = workspace_of(ctx)
    if new_token:
        token = secrets.token_urlsafe(24)
    try:
        config = WebConfig(
            database_url=str(workspace.settings.database_url),
            token=token or None,
            host=host,
            allowed_hosts=allowed_hosts,
            max_upload_bytes=min(max_upload, workspace.settings.max_document_bytes),
            upload_workspace=workspace.root,
            threads=threads,
            page_cache_bytes=page_cache_mb * 1_000_000,
        )
        app = create_app(config)
    except (ValueError, LedgerError) as exc:
        fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"corroborate workbench on http://{shown}:{port}/ (ledger {app.state.web.ledger.safe_url})"
    )
    if new_token:
        click.echo(f"token: {token}  (open http://{shown}:{port}/?token={token} once)")
    elif token and not is_loopback(host):
        click.echo("every request needs the token")
    click.echo("assessing the ledger before serving (a minute per million claims)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
        return
    app.state.web.ledger.close()  # the parent only checked the configuration; workers serve
    os.environ[CONFIG_ENV] = config.to_json()
    uvicorn.run(
        "corroborate.web.app:from_environment", factory=True, workers=workers, host=host,
        port=port, log_level="info", server_header=False,
    )  # fmt: skip
