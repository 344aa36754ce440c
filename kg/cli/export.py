"""``kg export``: write the graph as an RDF file."""

from __future__ import annotations

from pathlib import Path

import click

from ..export import export_rdf
from .common import open_store

__all__ = ["export"]


@click.command()
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--graph",
    "-g",
    default=None,
    help="Export only this named graph (an IRI from `kg stats --sources`).",
)
@click.pass_context
def export(ctx: click.Context, output: Path, graph: str | None) -> None:
    """Export the store to OUTPUT; the format comes from its extension.

    \b
    .nq .trig .jsonld  keep every named graph (data and provenance)
    .ttl .nt .rdf      merge the graphs into one (or write one with --graph)

    \b
    Examples:
      kg export out/graph.trig
      kg export out/films.ttl
      kg export out/one-source.nt --graph https://w3id.org/filmkg/source/films-csv-1a2b3c4d
    """
    with open_store(ctx, read_only=True) as store:
        path = export_rdf(store, output, graph=graph, progress=True)
    click.echo(f"wrote {path}")
