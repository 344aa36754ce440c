"""The graph store: the only module that knows the backend (Oxigraph, on disk or in memory).

A store directory holds the Oxigraph database (``oxigraph/``), a lock file and, while a write is
under way, a checkpoint to roll back to. Readers share the lock, one writer holds it alone, so a
query never sees a half-written source (see ``docs/decisions/0001-store.md``). A write that fails
part-way — or a process killed mid-write — is rolled back to the checkpoint.

>>> from rdflib import URIRef, Literal
>>> with Store.memory() as store:
...     with store.writing():
...         _ = store.replace_graph(URIRef("urn:g"), [(URIRef("urn:s"), URIRef("urn:p"), Literal("o"))])
...     store.query("SELECT ?o WHERE { ?s ?p ?o }").rows()
[(rdflib.term.Literal('o'),)]
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import socket
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

import pyoxigraph as ox
from rdflib import BNode, Dataset, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Identifier, Node, Variable

from .errors import ParseError, QueryError, StoreBusyError, StoreError, UnknownFormatError
from .reader import ResultKind, Row, TextRow, Triple, expect_kind
from .sparql import bind_values

__all__ = [
    "DEFAULT_STORE",
    "RDF_FORMATS",
    "QueryResult",
    "Store",
    "Triple",
    "default_store_path",
    "rdf_format_for",
]

DEFAULT_STORE = Path(".kg/store")

#: File extensions of the RDF formats we read and write, by Oxigraph format.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def default_store_path() -> Path:
    """The store directory: ``$KG_STORE`` if set, else ``./.kg/store``."""
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


def rdf_format_for(name_or_path: str | Path) -> ox.RdfFormat:
    """The RDF format named by an extension, a format name or a file path.

    >>> rdf_format_for("out/graph.trig").name
    'TriG'
    >>> rdf_format_for("x.csv")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownFormatError: unknown RDF format 'csv'
    """
    text = str(name_or_path)
    key = text.rsplit(".", 1)[-1].lower() if "." in text else text.lower()
    try:
        return RDF_FORMATS[key]
    except KeyError:
        known = ", ".join(sorted({k for k in RDF_FORMATS if len(k) <= 6}))
        raise UnknownFormatError(
            f"unknown RDF format {key!r}; use one of: {known}", path=text if "." in text else None
        ) from None


# --- term conversion (rdflib <-> Oxigraph), kept here so no other module sees Oxigraph -----------


def _to_ox(term: Node, cache: dict[Node, Any]) -> Any:
    hit = cache.get(term)
    if hit is not None:
        return hit
    if isinstance(term, URIRef):
        out: Any = ox.NamedNode(str(term))
        if len(cache) < 500_000:
            cache[term] = out
        return out
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store {term!r}")


def _to_rdflib(term: Any) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _text_rows(solutions: Any) -> Iterator[TextRow]:
    """Oxigraph's solutions as plain strings, read natively (no rdflib terms: the bulk path)."""
    blank = ox.BlankNode
    for solution in solutions:  # a solution iterates over its values in column order
        yield tuple(
            [
                None if t is None else ("_:" + t.value if type(t) is blank else t.value)
                for t in solution
            ]
        )


def _graph_node(graph: str | None) -> Any:
    return ox.DefaultGraph() if graph is None else ox.NamedNode(str(graph))


# --- query results ---------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """The store's answer to a SPARQL query (a :class:`kg.reader.Result`): a boolean (ASK), rows
    (SELECT) or triples (CONSTRUCT/DESCRIBE).

    ``rows()`` and ``triples()`` give rdflib terms; ``serialize()`` writes the standard formats.
    """

    kind: ResultKind
    _raw: Any
    columns: list[str]
    _rows: list[Row] | None = field(default=None, repr=False)
    _triples: list[Triple] | None = field(default=None, repr=False)

    def rows(self) -> list[Row]:
        """SELECT rows as tuples of rdflib terms (``None`` for unbound), in column order.

        The engine's answer is read once; later calls return the same list.
        """
        expect_kind(self.kind, "select")
        if self._rows is None:
            width = len(self.columns)
            self._rows = [tuple(_to_rdflib(sol[i]) for i in range(width)) for sol in self._raw]
        return self._rows

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        expect_kind(self.kind, "ask")
        return bool(self._raw)

    def triples(self) -> list[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms (read once, like :meth:`rows`)."""
        expect_kind(self.kind, "graph")
        if self._triples is None:
            out: list[Triple] = []
            for t in self._raw:
                s, p, o = _to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)
                assert s is not None and p is not None and o is not None
                out.append((s, p, o))
            self._triples = out
        return self._triples

    def serialize(self, fmt: str, output: IO[bytes]) -> None:
        """Write SELECT/ASK results as ``json``/``xml``/``csv``/``tsv`` or graph results as an RDF
        format (``ttl``, ``nt``, ``jsonld``, ``rdf``...). Streams the engine's answer, so call it
        before (not after) :meth:`rows` / :meth:`triples`."""
        if self._rows is not None or self._triples is not None:
            raise QueryError(
                "the results were already read with rows()/triples(); run the query again"
            )
        if self.kind == "graph":
            ox.serialize(self._raw, output, format=rdf_format_for(fmt))
            return
        try:
            results_format = _RESULT_FORMATS[fmt]
        except KeyError:
            raise UnknownFormatError(
                f"unknown results format {fmt!r}; use one of: {', '.join(_RESULT_FORMATS)}"
            ) from None
        self._raw.serialize(output, format=results_format)


# --- locking -----------------------------------------------------------------------------------------


class _Lock:
    """A shared (readers) or exclusive (writer) ``flock`` on ``<store>/lock``, with who holds it."""

    def __init__(self, directory: Path, timeout: float) -> None:
        self.path = directory / "lock"
        self.info = directory / "writer.json"
        self.timeout = timeout
        self._fd: int | None = None
        self.mode: int | None = None

    def acquire(self, exclusive: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                break
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES):
                    raise StoreError(f"cannot lock the store: {err}", path=str(self.path)) from err
                if time.monotonic() >= deadline:
                    raise StoreBusyError(self._busy_message(exclusive)) from None
                time.sleep(0.05)
        self.mode = mode
        if exclusive:
            who = {"pid": os.getpid(), "host": socket.gethostname(), "command": " ".join(sys.argv)}
            self.info.write_text(json.dumps(who))

    def downgrade(self) -> None:
        if self._fd is not None and self.mode == fcntl.LOCK_EX:
            with contextlib.suppress(FileNotFoundError):
                self.info.unlink()
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            self.mode = fcntl.LOCK_SH

    def release(self) -> None:
        if self._fd is not None:
            if self.mode == fcntl.LOCK_EX:
                with contextlib.suppress(FileNotFoundError):
                    self.info.unlink()
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
            self.mode = None

    def _busy_message(self, exclusive: bool) -> str:
        holder = "another process"
        with contextlib.suppress(OSError, ValueError):
            who = json.loads(self.info.read_text())
            holder = f"process {who['pid']} on {who['host']} ({who['command']})"
        action = "write to" if exclusive else "read"
        return (
            f"the store {self.path.parent} is busy: {holder} holds it; waited {self.timeout:g} s to "
            f"{action} it. Try again when it finishes, or raise the wait with KG_LOCK_TIMEOUT=SECONDS"
        )


# --- the store -------------------------------------------------------------------------------------


class Store:
    """An Oxigraph store on disk (default) or in memory, with safe writes.

    Open with :meth:`open` (a directory) or :meth:`memory`; use as a context manager. Reading
    needs no ceremony; writing happens inside ``with store.writing():`` which takes the write lock,
    makes a checkpoint, and rolls back everything written in the block if it raises.

    A store is a :class:`kg.reader.GraphReader` (:meth:`rows`, :meth:`text_rows`) over the union
    of its named graphs.
    """

    def __init__(
        self,
        path: Path | None,
        *,
        read_only: bool = False,
        lock_timeout: float | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        timeout = lock_timeout
        if timeout is None:
            timeout = float(os.environ.get("KG_LOCK_TIMEOUT", "60"))
        self._lock = _Lock(path, timeout) if path is not None else None
        self._journal: list[tuple[str, Any]] | None = None
        self._ox: Any = None
        self._dataset: Dataset | None = None
        self._cache: dict[Node, Any] = {}
        self._open()

    # -- opening and closing --

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        lock_timeout: float | None = None,
    ) -> Store:
        """Open (creating if needed) the on-disk store at ``path`` (default :func:`default_store_path`)."""
        directory = Path(path) if path is not None else default_store_path()
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"{directory} is a file, not a store directory; pass --store DIR")
        if read_only and not (directory / "oxigraph").exists():
            raise StoreError(
                f"no store at {directory}: load something first (kg load FILE --store {directory})"
            )
        return cls(directory, read_only=read_only, lock_timeout=lock_timeout)

    @classmethod
    def memory(cls) -> Store:
        """A fresh in-memory store (for tests and throw-away work)."""
        return cls(None)

    def _open(self) -> None:
        if self.path is None:
            self._ox = ox.Store()
            return
        assert self._lock is not None
        self.path.mkdir(parents=True, exist_ok=True)
        # A writer opens under the exclusive lock (one writing process at a time); a reader under
        # the shared one. A checkpoint seen while holding either lock was left by a dead writer.
        self._lock.acquire(exclusive=not self.read_only)
        if self._needs_recovery():
            if self._lock.mode != fcntl.LOCK_EX:
                self._lock.release()
                self._lock.acquire(exclusive=True)
            if self._needs_recovery():
                self._recover()
        self._lock.downgrade()
        try:
            if self.read_only:
                self._ox = ox.Store.read_only(str(self.path / "oxigraph"))
            else:
                self._ox = ox.Store(str(self.path / "oxigraph"))
        except OSError as err:
            self._lock.release()
            raise StoreError(
                f"cannot open the store: {err}. If another kg process is writing to it, wait for "
                "it to finish",
                path=str(self.path),
            ) from err

    def _needs_recovery(self) -> bool:
        return self.path is not None and (self.path / "checkpoint").exists()

    def _recover(self) -> None:
        """A write died before it finished: put the checkpoint back."""
        assert self.path is not None
        data, checkpoint = self.path / "oxigraph", self.path / "checkpoint"
        if (checkpoint / "COMPLETE").exists():
            shutil.rmtree(data, ignore_errors=True)
            (checkpoint / "COMPLETE").unlink()
            checkpoint.rename(data)
        else:  # died while making the checkpoint: the data was not touched yet
            shutil.rmtree(checkpoint)

    def close(self) -> None:
        """Flush and close the store, releasing its lock."""
        if self._ox is not None:
            if not self.read_only and self.path is not None:
                with contextlib.suppress(OSError):
                    self._ox.flush()
            self._ox = None
            self._dataset = None
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.path if self.path is not None else "memory"
        return f"<kg.Store {where}{' read-only' if self.read_only else ''}>"

    # -- writing --

    @contextlib.contextmanager
    def writing(self) -> Iterator[Self]:
        """Write inside this block: all or nothing, invisible to readers until it ends."""
        if self.read_only:
            raise StoreError("this store was opened read-only", path=str(self.path))
        if self._journal is not None:  # nested: the outer block owns the transaction
            yield self
            return
        if self.path is None:
            self._journal = []
            try:
                yield self
            except BaseException:
                self._undo_journal()
                raise
            finally:
                self._journal = None
            return
        assert self._lock is not None
        self._lock.acquire(exclusive=True)
        checkpoint = self.path / "checkpoint"
        self._journal = []
        try:
            self._ox.flush()
            self._ox.backup(str(checkpoint))
            (checkpoint / "COMPLETE").touch()
            try:
                yield self
                self._ox.flush()
            except BaseException:
                self._ox = None
                self._dataset = None
                self._recover()
                self._ox = ox.Store(str(self.path / "oxigraph"))
                raise
            shutil.rmtree(checkpoint, ignore_errors=True)
        finally:
            self._journal = None
            self._lock.downgrade()

    def _require_write(self) -> None:
        if self._journal is None:
            raise StoreError("write outside `with store.writing():`")

    def _undo_journal(self) -> None:
        assert self._journal is not None
        for action, payload in reversed(self._journal):
            if action == "added":
                self._ox.remove_graph(payload)
            elif action == "removed":
                graph, quads = payload
                self._ox.add_graph(graph)
                self._ox.extend(quads)

    def remove_graph(self, graph: str) -> None:
        """Drop a named graph and its triples (inside :meth:`writing`)."""
        self._require_write()
        node = _graph_node(graph)
        if not self._ox.contains_named_graph(node):
            return
        if self.path is None:
            assert self._journal is not None
            self._journal.append(
                ("removed", (node, list(self._ox.quads_for_pattern(None, None, None, node))))
            )
        self._ox.remove_graph(node)

    def add_triples(self, graph: str, triples: Iterable[Triple]) -> int:
        """Add rdflib triples to a named graph (inside :meth:`writing`); returns how many."""
        self._require_write()
        node = _graph_node(graph)
        if self.path is None:
            assert self._journal is not None
            if not self._ox.contains_named_graph(node):
                self._journal.append(("added", node))
        count = 0
        cache = self._cache

        def quads() -> Iterator[Any]:
            nonlocal count
            for s, p, o in triples:
                count += 1
                yield ox.Quad(_to_ox(s, cache), _to_ox(p, cache), _to_ox(o, cache), node)

        if self.path is None:
            self._ox.extend(quads())
        else:
            self._ox.bulk_extend(quads())
        self._ox.add_graph(node)
        return count

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace a named graph's content with ``triples``; returns how many were written."""
        self.remove_graph(graph)
        return self.add_triples(graph, triples)

    def load_file(self, path: Path, graph: str, fmt: ox.RdfFormat | None = None) -> None:
        """Bulk-load an RDF file with Oxigraph's own parser; triples go to ``graph``, quads keep
        their graph names (inside :meth:`writing`). Raises :class:`ParseError` naming the line."""
        self._require_write()
        rdf_format = fmt or rdf_format_for(path)
        node = _graph_node(graph)
        base = Path(path).resolve().as_uri()
        try:
            if self.path is None:
                assert self._journal is not None
                before = set(self._ox.named_graphs())
                self._ox.load(path=str(path), format=rdf_format, base_iri=base, to_graph=node)
                for added in set(self._ox.named_graphs()) - before:
                    self._journal.append(("added", added))
            else:
                self._ox.bulk_load(path=str(path), format=rdf_format, base_iri=base, to_graph=node)
        except SyntaxError as err:
            line = getattr(err, "lineno", None)
            raise ParseError(
                f"malformed {rdf_format.name}: {err.msg if hasattr(err, 'msg') else err}; fix the "
                "file and load it again (nothing was loaded)",
                path=str(path),
                line=line,
            ) from err
        except (OSError, ValueError) as err:
            raise ParseError(f"cannot load: {err}", path=str(path)) from err
        self._ox.add_graph(node)

    def graphs_in_file(self, path: Path, fmt: ox.RdfFormat | None = None) -> set[str]:
        """Names of the named graphs a quads file (N-Quads, TriG) writes into."""
        rdf_format = fmt or rdf_format_for(path)
        if not rdf_format.supports_datasets:
            return set()
        try:
            return {
                q.graph_name.value
                for q in ox.parse(
                    path=str(path), format=rdf_format, base_iri=Path(path).resolve().as_uri()
                )
                if isinstance(q.graph_name, ox.NamedNode)
            }
        except SyntaxError as err:
            raise ParseError(
                f"malformed {rdf_format.name}: {err}",
                path=str(path),
                line=getattr(err, "lineno", None),
            ) from err

    # -- reading --

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        union_default_graph: bool = True,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query. ``bindings`` bind variables safely (see :func:`kg.sparql.bind_values`).

        By default the default graph is the union of all named graphs, so a plain
        ``SELECT ... WHERE { ?film kg:director ?who }`` sees every source.
        """
        kwargs: dict[str, Any] = {}
        if bindings:
            sparql = bind_values(sparql, bindings)
        if default_graphs:
            kwargs["default_graph"] = [_graph_node(g) for g in default_graphs]
        elif union_default_graph:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [_graph_node(g) for g in named_graphs]
        try:
            raw = self._ox.query(sparql, **kwargs)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL: {err}") from err
        except (OSError, ValueError, TypeError) as err:
            raise QueryError(f"the query failed: {err}") from err
        if isinstance(raw, ox.QueryBoolean):
            return QueryResult("ask", raw, [])
        if isinstance(raw, ox.QuerySolutions):
            return QueryResult("select", raw, [v.value for v in raw.variables])
        return QueryResult("graph", raw, [])

    def rows(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Every row of a SELECT over the union of the named graphs, as rdflib terms.

        >>> with Store.memory() as store:
        ...     store.rows("SELECT ?x WHERE { BIND(1 AS ?x) }")
        [(rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')),)]
        """
        return self.query(sparql, bindings=bindings).rows()

    def text_rows(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> Iterator[TextRow]:
        """Every row of a SELECT as plain strings (IRIs, lexical forms, ``_:id``, ``None``), read
        straight from Oxigraph's results: the bulk path (no rdflib terms are made).

        >>> year = "<http://www.w3.org/2001/XMLSchema#gYear>"
        >>> with Store.memory() as store:
        ...     list(store.text_rows(f'SELECT ?x ?y WHERE {{ BIND(STRDT("1995", {year}) AS ?x) }}'))
        [('1995', None)]
        """
        result = self.query(sparql, bindings=bindings)
        expect_kind(result.kind, "select")
        return _text_rows(result._raw)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (inside :meth:`writing`)."""
        self._require_write()
        try:
            self._ox.update(sparql)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL update: {err}") from err

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs in the store, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._ox)

    def triples(
        self, graph: str | None = None
    ) -> Iterator[tuple[Identifier, Identifier, Identifier, Identifier | None]]:
        """Every quad (as rdflib terms), of one named graph or of all."""
        node = _graph_node(graph) if graph is not None else None
        for q in self._ox.quads_for_pattern(None, None, None, node):
            s, p, o = _to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)
            assert s is not None and p is not None and o is not None
            yield s, p, o, _to_rdflib(q.graph_name)

    def dump(
        self,
        output: IO[bytes],
        fmt: str | ox.RdfFormat,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        """Serialise the store (or one named graph) in an RDF format; triples formats of the whole
        store merge all graphs into one. ``prefixes`` abbreviate IRIs where the format allows."""
        rdf_format = fmt if isinstance(fmt, ox.RdfFormat) else rdf_format_for(fmt)
        kwargs: dict[str, Any] = {}
        if prefixes and rdf_format in (
            ox.RdfFormat.TURTLE,
            ox.RdfFormat.TRIG,
            ox.RdfFormat.RDF_XML,
        ):
            kwargs["prefixes"] = dict(prefixes)
        if graph is not None:
            node = _graph_node(graph)
            if not self._ox.contains_named_graph(node):
                raise StoreError(
                    f"no named graph {graph} in the store; `kg stats --sources` lists them"
                )
            self._ox.dump(output, format=rdf_format, from_graph=node, **kwargs)
        elif rdf_format.supports_datasets:
            self._ox.dump(output, format=rdf_format, **kwargs)
        else:
            quads = self._ox.quads_for_pattern(None, None, None, None)
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(triples, output, format=rdf_format, **kwargs)

    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib :class:`~rdflib.Dataset` (through oxrdflib), for Python users."""
        if self._dataset is None:
            from oxrdflib import OxigraphStore

            self._dataset = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        return self._dataset


def variable(name: str) -> Variable:
    """An rdflib SPARQL variable (helper for bindings)."""
    return Variable(name)
