"""The ``kg`` command: a thin layer that parses arguments, calls the API and formats output.

Exit codes: 0 ok, 1 a check failed, 2 a usage or input error. Each command lives in its own
module and is registered by name in :data:`COMMANDS` (a :class:`kg.registry.Registry`) as a lazy
``"module:attribute"`` path, so ``kg query`` imports the query command and what it needs, not
networkx or the reasoner. Add-on packages register commands the same way, through the entry-point
group ``kg.commands``.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["--help"]).exit_code
0
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import click

from ..errors import KGError
from ..registry import Registry
from .common import open_store, store_path

__all__ = ["COMMANDS", "entry_point", "main", "open_store", "run", "store_path"]

COMMANDS: Registry[click.Command] = Registry("command", group="kg.commands")
"""The subcommands of ``kg`` by name: click commands, or ``"module:attribute"`` paths to them."""

for _name, _target in (
    ("load", "kg.cli.load:load"),
    ("unload", "kg.cli.load:unload"),
    ("query", "kg.cli.query:query"),
    ("export", "kg.cli.export:export"),
    ("stats", "kg.cli.stats:stats"),
    ("eval", "kg.cli.eval:eval_command"),
    ("explain", "kg.cli.explain:explain_command"),
    ("network", "kg.cli.network:network"),
    ("validate", "kg.cli.validate:validate"),
    ("reason", "kg.cli.reason:reason"),
    ("push", "kg.cli.push:push"),
    ("enrich", "kg.cli.enrich:enrich"),
    ("serve", "kg.cli.serve:serve"),
    ("ask", "kg.cli.ask:ask_command"),
):
    COMMANDS.register(_name, _target)


class KGGroup(click.Group):
    """The ``kg`` group: subcommands from :data:`COMMANDS`, imported when first used; a
    :class:`KGError` becomes a one-line message and its exit code."""

    @property
    def commands(self) -> MutableMapping[str, click.Command]:
        """Every subcommand, all imported (for help pages and docs checks)."""
        for name in COMMANDS.names():
            self._command(name)
        return self._commands

    @commands.setter
    def commands(self, value: MutableMapping[str, click.Command]) -> None:
        self._commands = dict(value)

    def _command(self, name: str) -> click.Command | None:
        if name not in self._commands and name in COMMANDS:
            self._commands[name] = COMMANDS.get(name)
        return self._commands.get(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._command(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self._commands) | set(COMMANDS.names()))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.echo(f"kg: error: {' '.join(str(err).split())}", err=True)
            sys.exit(err.exit_code)
        except BrokenPipeError:  # `kg query ... | head`
            sys.exit(0)


@click.group(
    cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="KG_STORE",
    default=None,
    help="Store directory (default: $KG_STORE or ./.kg/store).",
)
@click.version_option(package_name="kg")
@click.pass_context
def main(ctx: click.Context, store_path: Path | None) -> None:
    """kg: a knowledge graph of film productions.

    Load articles and film tables into an RDF store, query it with SPARQL, export graph files
    and analyse the collaboration network.

    \b
    Examples:
      kg load data/sample/films.csv --mapping films_sample
      kg query 'SELECT ?title WHERE { ?f a kg:Film ; kg:title ?title }'
      kg query --name films-by-director --param director="Mara Lindqvist"
      kg export out/graph.trig
      kg stats
    """
    ctx.ensure_object(dict)
    ctx.obj["store_path"] = store_path


def run(argv: list[str] | None = None) -> int:
    """Run ``kg`` with ``argv``; returns the exit code (for tests and embedding)."""
    try:
        # without standalone mode click returns the code of a ctx.exit(n) instead of exiting
        code = main.main(args=argv, prog_name="kg", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        return 2
    except click.UsageError as err:  # one line, like every other error
        where = err.ctx.command_path if err.ctx is not None else "kg"
        message = " ".join(err.format_message().split())
        click.echo(f"kg: error: {message} (see `{where} --help`)", err=True)
        return 2
    except click.ClickException as err:
        click.echo(f"kg: error: {' '.join(err.format_message().split())}", err=True)
        return 2
    return code if type(code) is int else 0


def entry_point() -> None:
    """Console-script entry: ``kg``."""
    sys.exit(run())
