"""``kg serve``: the store as a SPARQL 1.1 endpoint, with a query page in the browser."""

from __future__ import annotations

import click

from ..serve import ServeConfig, make_server
from .common import store_path

__all__ = ["serve"]


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback unless told otherwise).",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0 picks a free one).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=float,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    default=100_000,
    show_default=True,
    type=int,
    help="Most rows (or triples) an answer may have.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=int,
    help="Queries answered at once (one process each).",
)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (needs --token).")
@click.option(
    "--token",
    envvar="KG_SERVE_TOKEN",
    default=None,
    help="Bearer token updates must carry ($KG_SERVE_TOKEN).",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="HOST[:PORT]",
    help="Let queries call this host with SERVICE (repeatable; '*' for any). Off by default.",
)
@click.option(
    "--allow-load",
    "allow_load",
    multiple=True,
    metavar="HOST[:PORT]",
    help="Let updates LOAD from this host (repeatable; with --allow-update). Off by default.",
)
@click.option(
    "--cors",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages from this origin read answers (repeatable; '*' for any). Off by default.",
)
@click.option(
    "--allow-host",
    "allow_host",
    multiple=True,
    metavar="NAME",
    help="Accept this Host header too when bound to loopback (e.g. behind a reverse proxy).",
)
@click.option(
    "--base",
    default=None,
    metavar="IRI",
    help="IRI prefix served as this server's pages: {base}resource/film/x is /resource/film/x "
    "(default https://w3id.org/filmkg/, the IRIs kg mints).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    allow_update: bool,
    token: str | None,
    allow_service: tuple[str, ...],
    allow_load: tuple[str, ...],
    cors: tuple[str, ...],
    allow_host: tuple[str, ...],
    base: str | None,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol, with a query page at /.

    Read-only unless started with --allow-update and --token. Federated SERVICE calls, LOAD of
    URLs and cross-origin (CORS) reads are refused unless allowed by the options below. Answers come as SPARQL JSON, XML,
    CSV or TSV (SELECT/ASK) and Turtle, N-Triples or JSON-LD (CONSTRUCT/DESCRIBE), chosen by
    the Accept header or a format= parameter. The store is held only while requests are being
    answered, so `kg load` can run beside a server.

    \b
    Examples:
      kg serve --store .kg/store --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
      open http://127.0.0.1:7878/   (pick a named query, fill its parameters, run)
      curl -H 'Accept: text/turtle' http://127.0.0.1:7878/resource/film/the-glass-harbor
      kg serve --base http://films.example.org/   (serve a graph minted under another base)
    """
    config = ServeConfig(
        store=store_path(ctx),
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        allow_update=allow_update,
        token=token,
        allow_service=list(allow_service),
        allow_load=list(allow_load),
        cors=list(cors),
        allow_host=list(allow_host),
    )
    if base is not None:
        config.base = base
    config.check()
    server = make_server(config)
    mode = "read-write (token required)" if allow_update else "read-only"
    click.echo(
        f"kg serve: {config.store} on {server.url} ({mode}); SPARQL at {server.url}sparql; Ctrl-C stops",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
