"""``kg ask``: a question in plain English, answered from the store (offline, no language model)."""

from __future__ import annotations

import json

import click

from ..ask import ask, format_answer
from .common import open_store

__all__ = ["ask_command"]


@click.command("ask")
@click.argument("question", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--no-sparql", is_flag=True, help="Do not print the SPARQL that ran.")
@click.pass_context
def ask_command(ctx: click.Context, question: tuple[str, ...], fmt: str, no_sparql: bool) -> None:
    """Answer a question about the films in the store, and show the SPARQL it ran.

    Understood forms: who directed / starred in / produced / wrote / scored FILM; which studio
    made FILM; when / where was FILM released; PERSON's filmography (as actor, as director...);
    films of YEAR or of a decade; co-stars of PERSON; films PERSON and OTHER made together; the
    collaboration distance between PERSON and OTHER; who worked most often with PERSON. A name
    that is not found gets "did you mean"; a question of another form gets the list of forms.
    Exit codes: 0 answered, 1 a name was not found, 2 not understood.

    \b
    Examples:
      kg ask "who directed The Glass Harbor?"
      kg ask "what films did Tomas Ferreira and Juno Achterberg make together?"
      kg ask "what is the collaboration distance between Tomas Ferreira and Kim Sato?"
      kg ask --format json "films of the 1990s"
    """
    text = " ".join(question)
    with open_store(ctx, read_only=True) as store:
        answer = ask(store, text)
    if fmt == "json":
        click.echo(json.dumps(answer.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_answer(answer, sparql=not no_sparql), err=not answer.understood)
    if not answer.understood:
        ctx.exit(2)
    if not answer.answered:
        ctx.exit(1)
