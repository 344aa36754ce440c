"""``kg explain ENTITY [RELATION] [OTHER]``: the sources behind a fact."""

# ruff: noqa: RUF002  (a real film title with an en dash)

from __future__ import annotations

import json

import click

from ..explain import explain, format_explanations
from .common import open_store

__all__ = ["explain_command"]


@click.command("explain")
@click.argument("entity")
@click.argument("relation", required=False)
@click.argument("other", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.pass_context
def explain_command(
    ctx: click.Context, entity: str, relation: str | None, other: str | None, fmt: str
) -> None:
    """Show the sources behind the facts about ENTITY (a name or an IRI).

    For each supporting article: the fact, the article (title, path or url, published date), the
    sentence with its character offsets, the confidence and the extractor; for facts from a table,
    the table and its mapping. RELATION is a name such as director, cast_member, producer,
    executive_producer, screenwriter, composer, release_date, production_company, distributor;
    OTHER restricts to facts with that entity at the other end.

    \b
    Examples:
      kg explain "Tom Cruise" producer
      kg explain "Mission: Impossible – Dead Reckoning Part One" director
      kg explain "The Glass Harbor" cast_member "Owen Sato" --format json
      kg explain https://w3id.org/filmkg/resource/person/tom-cruise

    \b
    The same by SPARQL: the named query fact-sources (queries/fact-sources.rq), e.g.
      kg query --name fact-sources --param subject="The Glass Harbor" --param predicate=kg:director
    """
    with open_store(ctx, read_only=True) as store:
        facts = explain(store, entity, relation, other)
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in facts], indent=2, ensure_ascii=False))
    else:
        click.echo(format_explanations(facts))
