"""``kg push``: copy the store's named graphs to a SPARQL server."""

from __future__ import annotations

import click

from ..push import push as push_graphs
from .common import connect, endpoint_options, open_store

__all__ = ["push"]


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
