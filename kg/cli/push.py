"""``kg push``: copy the store's named graphs to a SPARQL server; shared remote-endpoint options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import open_store

__all__ = ["connect", "endpoint_options", "push"]

F = TypeVar("F", bound=Callable[..., Any])


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
) -> Any:
    """A :class:`kg.remote.RemoteEndpoint` from the options of :func:`endpoint_options`."""
    from ..remote import RemoteEndpoint

    return RemoteEndpoint(
        endpoint,
        update_url=update_endpoint,
        graph_store_url=graph_store,
        user=user,
        password=password,
        token=token,
        timeout=timeout,
    )


@click.command()
@endpoint_options(required=True)
@click.option(
    "--graph", "graphs", multiple=True, help="Push only this named graph (IRI); repeatable."
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Triples per request (default 1000 for update, 20000 for gsp).",
)
@click.option(
    "--method",
    type=click.Choice(["auto", "update", "gsp"]),
    default="auto",
    show_default=True,
    help="SPARQL 1.1 Update (INSERT DATA) or Graph Store Protocol POST (needs --graph-store); "
    "auto: gsp when --graph-store is given (much faster on Virtuoso), else update.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Retries of a failed request.",
)
@click.option("--force", is_flag=True, help="Re-send graphs the server already has up to date.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def push(
    ctx: click.Context,
    endpoint: str,
    update_endpoint: str | None,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    timeout: float,
    graphs: tuple[str, ...],
    batch_size: int | None,
    method: str,
    retries: int,
    force: bool,
    quiet: bool,
) -> None:
    """Copy the store's named graphs (data and provenance) to a SPARQL server.

    Graphs go in batches with a progress bar; failed requests are retried; an interrupted push
    resumes where it stopped, and a graph the server already has unchanged is skipped, so pushing
    twice duplicates nothing. Progress is recorded on the server in the graph
    https://w3id.org/filmkg/push/status.

    \b
    Examples:
      kg push --endpoint http://localhost:8890/sparql \\
              --update-endpoint http://localhost:8890/sparql-auth --user dba --password dba
      kg push --endpoint https://db.example.org/ds/sparql --update-endpoint https://db.example.org/ds/update \\
              --token "$TOKEN" --graph https://w3id.org/filmkg/source/films-csv-5b67dde0
    """
    from ..push import push as push_graphs

    remote = connect(endpoint, update_endpoint, graph_store, user, password, token, timeout)
    with open_store(ctx, read_only=True) as store:
        report = push_graphs(
            store,
            remote,
            graphs=list(graphs) or None,
            batch_size=batch_size,
            method="gsp" if method == "gsp" else "update" if method == "update" else "auto",
            retries=retries,
            force=force,
            progress=not quiet,
        )
    click.echo(report.summary())
