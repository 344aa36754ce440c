"""``kg load`` and ``kg unload``: put sources into the store, take them out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..ingest import load_paths, remove_sources
from ..validate import require_valid
from .common import open_store

__all__ = ["load", "unload"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    "-m",
    default=None,
    help="Table mapping: a .toml file or the name of a shipped one (wikidata_films, films_sample).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@click.option(
    "--validate",
    "validate_",
    is_flag=True,
    help="Check each source against the SHACL shapes; refuse the load (store unchanged, exit 1) on a violation.",
)
@click.option(
    "--keep-going",
    "-k",
    is_flag=True,
    help="Load every good source and list each one that failed (an unreadable file, a bad "
    "article or JSON line) with the reason; exit 1 if any failed.",
)
@click.option(
    "--extractor",
    default=None,
    help="Article extractor by versioned name (default rules.v2; ner.v2 uses a spaCy pipeline named by KG_NER_MODEL).",
)
@click.pass_context
def load(
    ctx: click.Context,
    paths: tuple[Path, ...],
    mapping: str | None,
    quiet: bool,
    validate_: bool,
    keep_going: bool,
    extractor: str | None,
) -> None:
    """Load tables, RDF files and articles into the store.

    Each file becomes its own named graph with provenance (path, checksum, loader, time).
    Loading an unchanged file again changes nothing; a changed file replaces its graph.
    If anything fails, the store is left exactly as it was (with --keep-going, the sources
    that fail are listed and left out; the others are loaded).

    \b
    Tables (.csv .tsv .jsonl with --mapping), RDF (.ttl .nt .nq .trig .jsonld .rdf),
    articles (.txt .html .jsonl) and directories of them.

    \b
    Examples:
      kg load data/sample/films.csv --mapping films_sample
      kg load ../shared/data/structured/wikidata_films/omdb.csv --mapping wikidata_films
      kg load ontology/film.ttl data/sample/extra.trig
      kg load data/sample/articles/ --extractor rules.v2
      kg load --keep-going news/                   # load the good articles, list the bad ones
      kg --store /tmp/films load data/sample/
    """
    hook = require_valid if validate_ else None
    with open_store(ctx) as store:
        report = load_paths(
            store,
            list(paths),
            mapping=mapping,
            progress=not quiet,
            validate=hook,
            extractor=extractor,
            keep_going=keep_going,
        )
    if not quiet:
        click.echo(report.summary())
        if report.conflicts:
            click.echo(
                f"{report.conflicts} conflict{'s' if report.conflicts != 1 else ''} between sources "
                "(kg validate lists them; nothing was merged)"
            )
    for failure in report.failed:
        click.echo(f"kg: failed: {failure}", err=True)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.pass_context
def unload(ctx: click.Context, sources: tuple[str, ...]) -> None:
    """Remove loaded sources (by file path or graph IRI) and every fact they brought.

    \b
    Example:
      kg unload data/sample/films.csv
    """
    with open_store(ctx) as store:
        removed = remove_sources(store, list(sources))
    click.echo(f"removed {len(removed)} graph{'s' if len(removed) != 1 else ''}")
