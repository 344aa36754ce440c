"""``kg enrich``: link films, people and studios to Wikidata and add the facts we miss."""

from __future__ import annotations

from pathlib import Path

import click

from ..enrich import enrich as run_enrich
from .common import connect, endpoint_options, open_store

__all__ = ["enrich"]


@click.command()
@endpoint_options(required=False)
@click.option(
    "--min-interval",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to the server (rate limit).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite file of cached answers (default: <store>/cache/enrich.sqlite).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def enrich(
    ctx: click.Context,
    endpoint: str | None,
    update_endpoint: str | None,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    timeout: float,
    min_interval: float,
    cache: Path | None,
    quiet: bool,
) -> None:
    """Link the store's films, people and studios to Wikidata entities.

    Films are matched by label and type, told apart by year and director; people and studios
    only through a linked film. owl:sameAs links and missing facts (release date, director) go to
    the named graph https://w3id.org/filmkg/source/enrich-wikidata with provenance. Answers are
    cached, so running it again asks the server nothing.

    \b
    Examples:
      kg enrich                                   # https://query.wikidata.org/sparql
      kg enrich --endpoint http://localhost:8890/sparql --min-interval 0
    """
    remote = connect(
        endpoint or "https://query.wikidata.org/sparql",
        update_endpoint,
        graph_store,
        user,
        password,
        token,
        timeout,
    )
    with open_store(ctx) as store:
        report = run_enrich(
            store, remote, min_interval=min_interval, cache=cache, progress=not quiet
        )
    click.echo(report.summary())
