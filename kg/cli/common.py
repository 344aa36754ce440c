"""What the ``kg`` commands share: the store named by ``--store``, the SPARQL-server options.

>>> from click.testing import CliRunner
>>> @click.command()
... @endpoint_options(required=False)
... def show(**options: object) -> None:
...     click.echo(sorted(options))
>>> CliRunner().invoke(show, []).output.strip()
"['endpoint', 'graph_store', 'password', 'timeout', 'token', 'update_endpoint', 'user']"
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..remote import RemoteEndpoint
from ..store import Store, default_store_path

__all__ = ["connect", "endpoint_options", "open_store", "store_path"]

F = TypeVar("F", bound=Callable[..., Any])


def store_path(ctx: click.Context) -> Path:
    """The store directory named by ``--store`` / ``KG_STORE`` (default ``./.kg/store``)."""
    root = ctx.find_root()
    path: Path | None = (root.obj or {}).get("store_path")
    return path if path is not None else default_store_path()


def open_store(ctx: click.Context, *, read_only: bool = False) -> Store:
    """Open the store named by ``--store`` / ``KG_STORE``."""
    return Store.open(store_path(ctx), read_only=read_only)


def endpoint_options(*, required: bool) -> Callable[[F], F]:
    """Add ``--endpoint``, ``--update-endpoint``, ``--graph-store``, ``--user``, ``--password``,
    ``--token`` and ``--timeout`` to a command (each also read from a ``KG_...`` variable)."""

    def decorate(func: F) -> F:
        options = [
            click.option(
                "--endpoint",
                envvar="KG_ENDPOINT",
                required=required,
                help="SPARQL query endpoint URL of a server, e.g. http://localhost:8890/sparql ($KG_ENDPOINT).",
            ),
            click.option(
                "--update-endpoint",
                envvar="KG_UPDATE_ENDPOINT",
                help="SPARQL update endpoint, if not the query endpoint (Virtuoso: .../sparql-auth).",
            ),
            click.option(
                "--graph-store",
                envvar="KG_GRAPH_STORE",
                help="Graph Store HTTP Protocol endpoint (Virtuoso: .../sparql-graph-crud-auth).",
            ),
            click.option(
                "--user",
                envvar="KG_USER",
                help="User name (HTTP basic or digest, as the server asks).",
            ),
            click.option(
                "--password", envvar="KG_PASSWORD", help="Password for --user ($KG_PASSWORD)."
            ),
            click.option(
                "--token", envvar="KG_TOKEN", help="Bearer token instead of --user/--password."
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0.1),
                default=60.0,
                show_default=True,
                help="Seconds to wait for the server to answer one request.",
            ),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def connect(
    endpoint: str,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    timeout: float = 60.0,
) -> RemoteEndpoint:
    """A :class:`kg.remote.RemoteEndpoint` from the options of :func:`endpoint_options`."""
    return RemoteEndpoint(
        endpoint,
        update_url=update_endpoint,
        graph_store_url=graph_store,
        user=user,
        password=password,
        token=token,
        timeout=timeout,
    )
