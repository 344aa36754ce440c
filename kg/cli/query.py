"""``kg query``: SPARQL from the command line, a file, or the named query library."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import KGInputError
from ..query import (
    format_table,
    named_queries,
    read_query_file,
    run_named_query,
    run_query,
    unknown_terms,
)
from ..reader import Result
from ..remote import RemoteEndpoint, remote_named_query, remote_query
from .common import connect, endpoint_options, open_store

__all__ = ["query"]

_RESULT_FORMATS = ["table", "csv", "tsv", "json", "xml"]
_GRAPH_FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "rdf"]


@contextlib.contextmanager
def _writing_to(path: Path) -> Iterator[None]:
    """An output file that cannot be written is an input error naming it."""
    try:
        yield
    except OSError as err:
        raise KGInputError(
            f"cannot write the answer: {err.strerror or err}; choose another -o path",
            path=str(path),
        ) from err


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise KGInputError(f"--param takes NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def _run_remote(
    server: RemoteEndpoint,
    sparql: str | None,
    file: Path | None,
    name: str | None,
    params: dict[str, str],
) -> Result:
    if name:
        return remote_named_query(server, name, params)
    return remote_query(server, read_query_file(file) if file else str(sparql))


@click.command()
@click.argument("sparql", required=False)
@click.option(
    "-f", "--file", "file", type=click.Path(path_type=Path), help="Read the query from a .rq file."
)
@click.option("-n", "--name", "name", help="Run a named query from the library (see --list).")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    help="Parameter of a named query: NAME=VALUE (a label or an IRI).",
)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@click.option(
    "--format",
    "fmt",
    default=None,
    type=click.Choice(_RESULT_FORMATS + _GRAPH_FORMATS),
    help="Output: table, csv, tsv, json, xml for SELECT/ASK (default table); ttl, nt, jsonld... for CONSTRUCT/DESCRIBE (default ttl).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to a file instead of standard output.",
)
@endpoint_options(required=False)
@click.pass_context
def query(
    ctx: click.Context,
    sparql: str | None,
    file: Path | None,
    name: str | None,
    params: tuple[str, ...],
    list_: bool,
    fmt: str | None,
    output: Path | None,
    endpoint: str | None,
    update_endpoint: str | None,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    token: str | None,
    timeout: float,
) -> None:
    """Run a SPARQL query over every graph in the store.

    Standard prefixes (kg, kgr, rdfs, xsd, prov, dcterms, schema, wd, wdt...) need no PREFIX lines.

    \b
    Examples:
      kg query 'SELECT ?title WHERE { ?f a kg:Film ; kg:title ?title } LIMIT 5'
      kg query -f my-question.rq --format csv -o answers.csv
      kg query --list
      kg query --name cast-of-film --param film="The Glass Harbor"
      kg query 'CONSTRUCT { ?f kg:director ?d } WHERE { ?f kg:director ?d }' --format nt
      kg query --endpoint http://localhost:8890/sparql --name films-of-year --param year=1995
    """
    if list_:
        for q in named_queries().values():
            args = " ".join(
                f'[--param {p.name}="{p.example}"]'
                if p.optional
                else f'--param {p.name}="{p.example}"'
                for p in q.params
            )
            click.echo(f"{q.name}: {q.title}")
            if q.description:
                click.echo(f"    {q.description}")
            click.echo(f"    kg query --name {q.name} {args}".rstrip())
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise KGInputError(
            "give exactly one of: a SPARQL string, -f FILE.rq, or --name NAMED_QUERY"
        )
    if params and not name:
        raise KGInputError("--param is for named queries (--name)")
    if not name:
        for warning in unknown_terms(read_query_file(file) if file else str(sparql)):
            click.echo(f"kg: warning: {warning}", err=True)
    with contextlib.ExitStack() as stack:
        if endpoint:  # a SPARQL server instead of the local store: kg.remote
            server = connect(endpoint, update_endpoint, graph_store, user, password, token, timeout)
            result = _run_remote(server, sparql, file, name, _parse_params(params))
        elif name:
            store = stack.enter_context(open_store(ctx, read_only=True))
            result = run_named_query(store, name, _parse_params(params))
        else:
            store = stack.enter_context(open_store(ctx, read_only=True))
            text = read_query_file(file) if file else str(sparql)
            result = run_query(store, text)
        fmt = fmt or ("ttl" if result.kind == "graph" else "table")
        if result.kind == "graph" and fmt not in _GRAPH_FORMATS:
            raise KGInputError(
                f"a CONSTRUCT/DESCRIBE query writes RDF: use --format {'|'.join(_GRAPH_FORMATS)}"
            )
        if result.kind != "graph" and fmt not in _RESULT_FORMATS:
            raise KGInputError(
                f"a SELECT/ASK query writes results: use --format {'|'.join(_RESULT_FORMATS)}"
            )
        if fmt == "table":
            text_out = format_table(result) + "\n"
            if output:
                with _writing_to(output):
                    output.write_text(text_out, encoding="utf-8")
            else:
                click.echo(text_out, nl=False)
            return
        if output:
            with _writing_to(output), output.open("wb") as handle:
                result.serialize(fmt, handle)
        else:
            result.serialize(fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
