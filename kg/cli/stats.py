"""``kg stats``: what is in the store."""

from __future__ import annotations

import json

import click

from ..stats import graph_stats, source_list
from .common import open_store

__all__ = ["stats"]


@click.command()
@click.option("--sources", is_flag=True, help="List the loaded sources (named graphs) too.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def stats(ctx: click.Context, sources: bool, as_json: bool) -> None:
    """Count triples, named graphs, films, people, organisations and credits by role.

    \b
    Examples:
      kg stats
      kg stats --sources --json
    """
    with open_store(ctx, read_only=True) as store:
        counts = graph_stats(store)
        listed = source_list(store) if sources else []
    if as_json:
        click.echo(json.dumps({**counts, **({"sources": listed} if sources else {})}, indent=2))
        return
    for key in ("triples", "graphs", "films", "people", "organisations", "credits"):
        click.echo(f"{key:<14}{counts[key]:>12,}")
    for role, n in counts["credits_by_role"].items():
        click.echo(f"  {role:<22}{n:>10,}")
    for src in listed:
        click.echo(
            f"{src['graph']}  {src['path']}  ({src['loader']}, {int(src['triples']):,} triples)"
        )
