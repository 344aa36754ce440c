"""``kg validate``: check the store (or an RDF file) against the SHACL shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..validate import validate as run_validate
from .common import open_store

__all__ = ["validate"]


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "ttl"]),
    default="text",
    show_default=True,
    help="text: grouped by shape; json: every result; ttl: the SHACL report graph.",
)
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Shapes file (default: the shipped shapes.ttl).",
)
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="fast: SHACL-SPARQL constraints run on the store, the rest with pySHACL; pyshacl: all with pySHACL.",
)
@click.option(
    "--limit",
    type=int,
    default=50,
    show_default=True,
    help="Results shown per shape in text output (0: all).",
)
@click.pass_context
def validate(
    ctx: click.Context, file: Path | None, fmt: str, shapes: Path | None, engine: str, limit: int
) -> None:
    """Check the data against the SHACL shapes; say what to fix and in which source.

    Without FILE, checks every source graph in the store (the inferred graph is left out).
    Exit code 0 when the data conforms, 1 when it does not, 2 on a usage or input error.

    \b
    Examples:
      kg validate
      kg validate --format json > report.json
      kg validate data/sample/extra.ttl --format ttl
    """
    if file is not None:
        report = run_validate(file, shapes=shapes, engine=engine)  # type: ignore[arg-type]
    else:
        with open_store(ctx, read_only=True) as store:
            report = run_validate(store, shapes=shapes, engine=engine, progress=True)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "ttl":
        click.echo(report.to_turtle())
    else:
        click.echo(report.to_text(limit=limit or None))
    if not report.conforms:
        sys.exit(1)
