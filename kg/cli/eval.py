"""``kg eval GOLD.jsonl``: precision, recall and F1 of an extractor on a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..eval import evaluate_documents, format_report, load_gold
from ..ingest import known_names
from .common import open_store

__all__ = ["eval_command"]


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--by",
    "by",
    type=click.Choice(["source", "relation"]),
    default="source",
    show_default=True,
    help="Break scores down by source (and relation) or by relation only.",
)
@click.option(
    "--errors",
    "errors",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="List the first N false positives and false negatives with their sentence.",
)
@click.option("--extractor", default="rules.v2", show_default=True, help="Extractor name.")
@click.option(
    "--known-names",
    "known",
    is_flag=True,
    help="Give the extractor the names the store (--store) knows, as kg load does.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.pass_context
def eval_command(
    ctx: click.Context, gold: Path, by: str, errors: int, extractor: str, known: bool, as_json: bool
) -> None:
    """Score the extractor on GOLD.jsonl (format of ../shared/data/gold/dev.jsonl).

    The extractor reads each document's text and title only; names match by name or alias after
    folding case and whitespace, dates as ISO at the same precision, countries by canonical name.

    \b
    Examples:
      kg eval ../shared/data/gold/dev.jsonl
      kg eval dev.jsonl --by relation --errors 20
      kg --store wikidata.kg eval dev.jsonl --known-names
    """
    gazetteer = None
    if known:
        with open_store(ctx, read_only=True) as store:
            gazetteer = known_names(store)
    docs = load_gold(gold)
    report = evaluate_documents(docs, extractor=extractor, errors=errors, gazetteer=gazetteer)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, by_source=(by == "source")))
