"""The ``kg`` command: a thin layer that parses arguments, calls the API and formats output.

Exit codes: 0 ok, 1 a check failed, 2 a usage or input error. Each command lives in its own
module and is listed in :data:`COMMANDS`; add-on commands register the same way.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["--help"]).exit_code
0
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import KGError

__all__ = ["COMMANDS", "entry_point", "main", "open_store", "run", "store_path"]

COMMANDS: list[str] = [
    "kg.cli.load:load",
    "kg.cli.load:unload",
    "kg.cli.query:query",
    "kg.cli.export:export",
    "kg.cli.stats:stats",
    "kg.cli.eval:eval_command",
    "kg.cli.explain:explain_command",
    "kg.cli.network:network",
    "kg.cli.validate:validate",
    "kg.cli.reason:reason",
    "kg.cli.push:push",
    "kg.cli.enrich:enrich",
    "kg.cli.serve:serve",
]
"""Subcommands as ``module:attribute`` of click commands."""


class KGGroup(click.Group):
    """A click group that turns :class:`KGError` into a one-line message and its exit code."""

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


def store_path(ctx: click.Context) -> Path:
    """The store directory named by ``--store`` / ``KG_STORE`` (default ``./.kg/store``)."""
    from ..store import default_store_path

    root = ctx.find_root()
    path: Path | None = (root.obj or {}).get("store_path")
    return path if path is not None else default_store_path()


def open_store(ctx: click.Context, *, read_only: bool = False) -> Any:
    """Open the store named by ``--store`` / ``KG_STORE`` (a :class:`kg.store.Store`)."""
    from ..store import Store

    return Store.open(store_path(ctx), read_only=read_only)


def _register() -> None:
    for target in COMMANDS:
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        main.add_command(command)


def run(argv: list[str] | None = None) -> int:
    """Run ``kg`` with ``argv``; returns the exit code (for tests and embedding)."""
    try:
        main.main(args=argv, prog_name="kg", standalone_mode=False)
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
    return 0


_register()


def entry_point() -> None:
    """Console-script entry: ``kg``."""
    sys.exit(run())
