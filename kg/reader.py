"""Reading a graph: the :class:`GraphReader` protocol both backends implement, and :class:`Result`.

Code that only reads (building networks, looking up labels and sources, binding named-query
parameters) takes a :class:`GraphReader` and runs unchanged on the embedded store
(:class:`kg.store.Store`) and on a SPARQL server (:class:`kg.remote.RemoteEndpoint`, which reads
the graphs ``kg push`` wrote there). Nothing tells the backends apart with ``isinstance``: each
implements the two methods its own way, the store with Oxigraph's native results, the server with
paged SPARQL JSON. The protocol lives in its own module, apart from both backends, so that readers
depend on what they need and not on Oxigraph or HTTP.

A query's answer, local or remote, has the shape of :class:`Result`.

>>> from kg.store import Store
>>> def subjects(reader: GraphReader) -> list[str | None]:
...     return [s for (s,) in reader.text_rows("SELECT ?s WHERE { ?s ?p ?o }")]
>>> with Store.memory() as store:
...     subjects(store)
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Literal, Protocol

from rdflib.term import Identifier, Node

from .errors import QueryError

__all__ = ["GraphReader", "Result", "ResultKind", "Row", "TextRow", "Triple", "expect_kind"]

Row = tuple[Identifier | None, ...]
"""A SELECT row as rdflib terms, ``None`` where a variable is unbound."""

TextRow = tuple[str | None, ...]
"""A SELECT row as plain strings: an IRI, a literal's lexical form, ``_:id`` for a blank node,
``None`` where a variable is unbound."""

Triple = tuple[Node, Node, Node]
"""A triple of rdflib terms."""

ResultKind = Literal["select", "ask", "graph"]


class GraphReader(Protocol):
    """Read-only SPARQL SELECT access to kg's data: a store's graphs, or those pushed to a server.

    The default graph is the union of kg's named graphs (on a server: the graphs ``kg push``
    completed there). Queries bring their own prefixes (:func:`kg.query.with_prefixes`).
    """

    def rows(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Every row of a SELECT query as rdflib terms; ``bindings`` are bound safely."""
        ...

    def text_rows(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> Iterator[TextRow]:
        """Every row of a SELECT query as plain strings (see :data:`TextRow`): the bulk path,
        no rdflib term is made."""
        ...


class Result(Protocol):
    """The answer to a SPARQL query: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT and
    DESCRIBE), and the standard serialisations. :class:`kg.store.QueryResult` and
    :class:`kg.remote.RemoteResult` implement it."""

    @property
    def kind(self) -> ResultKind:
        """``"select"``, ``"ask"`` or ``"graph"``."""
        ...

    @property
    def columns(self) -> list[str]:
        """The SELECT variables, in order (empty for other queries)."""
        ...

    def rows(self) -> list[Row]:
        """SELECT rows as rdflib terms, in column order."""
        ...

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        ...

    def triples(self) -> list[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms."""
        ...

    def serialize(self, fmt: str, output: IO[bytes]) -> None:
        """Write results as ``json``/``xml``/``csv``/``tsv``, or triples as an RDF format."""
        ...


_WRONG_KIND: dict[ResultKind, str] = {
    "select": "a {kind} query has no rows",
    "ask": "only an ASK query has a boolean answer",
    "graph": "only CONSTRUCT and DESCRIBE queries give triples",
}


def expect_kind(kind: ResultKind, wanted: ResultKind) -> None:
    """Raise :class:`~kg.errors.QueryError` when a result of ``kind`` is read as ``wanted``.

    >>> expect_kind("ask", "select")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: a ASK query has no rows
    """
    if kind != wanted:
        raise QueryError(_WRONG_KIND[wanted].format(kind=kind.upper()))
