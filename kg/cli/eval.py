"""``kg eval GOLD.jsonl``: precision, recall and F1 of an extractor on a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..eval import evaluate, format_report

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
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def eval_command(gold: Path, by: str, errors: int, extractor: str, as_json: bool) -> None:
    """Score the extractor on GOLD.jsonl (format of ../shared/data/gold/dev.jsonl).

    The extractor reads each document's text and title only; names match by name or alias after
    folding case and whitespace, dates as ISO at the same precision, countries by canonical name.

    \b
    Examples:
      kg eval ../shared/data/gold/dev.jsonl
      kg eval dev.jsonl --by relation --errors 20
    """
    report = evaluate(gold, extractor=extractor, errors=errors)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, by_source=(by == "source")))
