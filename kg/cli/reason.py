"""``kg reason``: materialise what the ontology implies into the inferred graph; catch contradictions."""

from __future__ import annotations

import sys

import click

from ..reason import INFERRED_GRAPH, drop_inferred
from ..reason import reason as run_reason
from .common import open_store

__all__ = ["reason"]


@click.command()
@click.option(
    "--profile",
    type=click.Choice(["dl", "rl"]),
    default="dl",
    show_default=True,
    help="dl: OWL 2 DL with HermiT/Pellet (complete, explains inconsistency; up to a few "
    "thousand films); rl: the ontology's OWL 2 RL rules as SPARQL in the store (large graphs, "
    "no Java).",
)
@click.option(
    "--engine",
    type=click.Choice(["sparql", "owlrl"]),
    default="sparql",
    show_default=True,
    help="rl profile: sparql (rules run in the store) or owlrl (the owlrl package over rdflib; "
    "slow, for checking the rules against it).",
)
@click.option(
    "--reasoner",
    type=click.Choice(["hermit", "pellet"]),
    default="hermit",
    show_default=True,
    help="DL reasoner. Pellet needs a newer Java than HermiT; kg finds one (or set KG_JAVA).",
)
@click.option("--drop", is_flag=True, help="Remove the inferred graph and stop.")
@click.option("--dry-run", is_flag=True, help="Reason and report, but write nothing.")
@click.option(
    "--memory", "memory_mb", type=int, default=None, help="Java heap in MB for the DL reasoner."
)
@click.pass_context
def reason(
    ctx: click.Context,
    profile: str,
    engine: str,
    reasoner: str,
    drop: bool,
    dry_run: bool,
    memory_mb: int | None,
) -> None:
    """Reason over the data with the ontology and store the implied facts in their own graph.

    Inferred: people's classes from their credits (kg:Director, kg:Actor, ...), inverse properties
    (kg:contributedTo, kg:follows/kg:followedBy), super-properties (kg:contributor) and the aligned
    Wikidata / schema.org / DBpedia terms. They go to the graph
    https://w3id.org/filmkg/graph/inferred, which each run replaces; SPARQL sees them at once.
    If the data contradicts the ontology, the individuals and axioms involved are listed, nothing
    is written, and the exit code is 1.

    \b
    Examples:
      kg reason
      kg reason --profile rl
      kg reason --profile rl --engine owlrl
      kg reason --reasoner pellet
      kg reason --drop
    """
    if drop:
        with open_store(ctx) as store:
            dropped = drop_inferred(store)
        click.echo(f"dropped {INFERRED_GRAPH}" if dropped else f"no {INFERRED_GRAPH} to drop")
        return
    with open_store(ctx, read_only=dry_run) as store:
        report = run_reason(
            store,
            profile=profile,  # type: ignore[arg-type]
            reasoner=reasoner,  # type: ignore[arg-type]
            write=not dry_run,
            memory_mb=memory_mb,
            engine=engine,  # type: ignore[arg-type]
            progress=True,
        )
    click.echo(report.to_text())
    if not report.consistent:
        sys.exit(1)
