"""The graph store: the only module that knows the backend (Oxigraph, on disk or in memory).

A store directory holds published *generations* of an Oxigraph database that no process writes to
once published, and a pointer to the current one. Readers open the current generation and never
wait for a writer; a writer (one at a time, first come first served) works on a hard-linked copy and
publishes it with an atomic rename, so a reader sees the state before a write or after it, never a
part of it; a write that fails, or a process killed mid-write, publishes nothing
(``docs/decisions/0006-store-generations.md``). The default graph is the RDF merge of the named
graphs: each triple once (``docs/decisions/0007-default-graph.md``).

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
import itertools
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Identifier, Node, Variable

from .errors import ParseError, QueryError, StoreBusyError, StoreError, UnknownFormatError
from .reader import ResultKind, Row, TextRow, Triple, expect_kind
from .sparql import bind_values, is_plain_iri

__all__ = [
    "DEFAULT_STORE",
    "MAX_ENTITY_CHARS",
    "RDF_FORMATS",
    "QueryResult",
    "Store",
    "Triple",
    "check_entity_expansion",
    "default_store_path",
    "rdf_format_for",
    "store_exists",
]

DEFAULT_STORE = Path(".kg/store")

_T = TypeVar("_T")

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


@contextlib.contextmanager
def _evaluating() -> Iterator[None]:
    """Oxigraph evaluates lazily: an error (a SERVICE that does not answer, a store read that
    fails) surfaces while the answer is read. Turn it into a :class:`QueryError`."""
    try:
        yield
    except (OSError, RuntimeError, ValueError) as err:
        if isinstance(err, BrokenPipeError):
            raise
        text = " ".join(str(err).split())
        hint = ""
        if isinstance(err, OSError):
            hint = "; if the query calls a SERVICE, check its address or write SERVICE SILENT"
        raise QueryError(f"the query failed while running: {text}{hint}") from err


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
            with _evaluating():
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
            with _evaluating():
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
            with _evaluating():
                ox.serialize(self._raw, output, format=rdf_format_for(fmt))
            return
        try:
            results_format = _RESULT_FORMATS[fmt]
        except KeyError:
            raise UnknownFormatError(
                f"unknown results format {fmt!r}; use one of: {', '.join(_RESULT_FORMATS)}"
            ) from None
        with _evaluating():
            self._raw.serialize(output, format=results_format)


# --- RDF/XML entity expansion guard ------------------------------------------------------------------

#: Most characters one XML entity may expand to, and most characters the expansion of all entity
#: references may add to an RDF/XML file (beyond ``10 x`` the file's own size).
MAX_ENTITY_CHARS = 64 * 1024
MAX_EXPANSION_CHARS = 1024 * 1024

_DOCTYPE_HEAD = 1024 * 1024
_ENTITY = re.compile(
    rb"<!ENTITY\s+(%\s+)?([^\s\"'>]+)\s+(?:\"([^\"]*)\"|'([^']*)'|(SYSTEM|PUBLIC)\b)", re.DOTALL
)
_ENTITY_REF = re.compile(rb"&([A-Za-z_:][\w.:-]*);")
_PREDEFINED = {b"amp", b"lt", b"gt", b"quot", b"apos"}


def check_entity_expansion(path: str | Path) -> None:
    """Refuse an RDF/XML file whose DOCTYPE entities expand beyond a small bound (the "billion
    laughs"), or that declares external or parameter entities. Runs before Oxigraph sees the file,
    which would expand them all in memory.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "laughs.rdf"
    >>> _ = p.write_text('<!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    ...     + "".join(f'<!ENTITY {c} "{10 * f"&{p};"}">' for p, c in zip("bcdef", "cdefg")) + ']><r/>')
    >>> check_entity_expansion(p)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.ParseError: ...: the XML entity 'g' expands to 3,000,000 characters ...
    """
    file = Path(path)
    with file.open("rb") as handle:
        head = handle.read(_DOCTYPE_HEAD)
    at = head.find(b"<!DOCTYPE")
    if at < 0 or b"<!ENTITY" not in head:
        _check_well_formed(file)
        return
    subset_end = head.find(b"]>", at)
    if subset_end < 0:
        raise ParseError(
            f"the DOCTYPE is longer than {_DOCTYPE_HEAD // 1024} KiB; remove it or shorten it "
            "(nothing was loaded)",
            path=str(file),
        )
    values: dict[bytes, bytes] = {}
    for m in _ENTITY.finditer(head, at, subset_end):
        name = m.group(2)
        if m.group(1) or m.group(5):
            kind = "parameter" if m.group(1) else "external"
            raise ParseError(
                f"the DOCTYPE declares the {kind} entity {name.decode(errors='replace')!r}; kg does "
                "not load such entities: expand it in the file (nothing was loaded)",
                path=str(file),
            )
        values[name] = m.group(3) if m.group(3) is not None else (m.group(4) or b"")
    sizes: dict[bytes, int] = {}

    def size(name: bytes, seen: tuple[bytes, ...]) -> int:
        if name in sizes:
            return sizes[name]
        if name in seen:
            raise ParseError(
                f"the XML entity {name.decode(errors='replace')!r} refers to itself (nothing was "
                "loaded)",
                path=str(file),
            )
        value = values[name]
        total = len(value)
        for ref in _ENTITY_REF.finditer(value):
            if ref.group(1) in values:
                total += size(ref.group(1), (*seen, name)) - len(ref.group(0))
        if total > MAX_ENTITY_CHARS:
            raise ParseError(
                f"the XML entity {name.decode(errors='replace')!r} expands to {total:,} characters, "
                f"more than the {MAX_ENTITY_CHARS:,} kg allows (an entity-expansion attack?); "
                "expand it in the file or remove it (nothing was loaded)",
                path=str(file),
            )
        sizes[name] = total
        return total

    for name in values:
        size(name, ())
    growth = {b"&" + n + b";": sizes[n] - len(n) - 2 for n in values if sizes[n] > len(n) + 2}
    if not growth:
        return
    added = 0
    budget = MAX_EXPANSION_CHARS + 10 * file.stat().st_size
    with file.open("rb") as handle:
        handle.seek(subset_end)
        tail = b""
        while chunk := handle.read(4 * 1024 * 1024):
            text = tail + chunk
            cut = max(0, len(text) - 256)
            added += sum(text.count(ref, 0, cut + len(ref) - 1) * n for ref, n in growth.items())
            tail = text[cut:]
            if added > budget:
                break
        added += sum(tail.count(ref) * n for ref, n in growth.items())
    if added > budget:
        raise ParseError(
            f"expanding the XML entities would add {added:,} characters to a "
            f"{file.stat().st_size:,}-byte file (an entity-expansion attack?); expand them in the "
            "file (nothing was loaded)",
            path=str(file),
        )
    _check_well_formed(file)


def _check_well_formed(file: Path) -> None:
    """Oxigraph's RDF/XML reader accepts an empty or truncated file as zero triples: read it with
    expat first (its internal entities were bounded above; external ones are never read)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as err:
        raise ParseError(
            f"malformed RDF/XML: {expat.ErrorString(err.code)} (column {err.offset + 1}); fix the "
            "file and load it again (nothing was loaded)",
            path=str(file),
            line=err.lineno,
        ) from err


# --- disk faults -------------------------------------------------------------------------------------


def _is_disk_full(err: BaseException | None) -> bool:
    """Whether ``err`` (or an error it was raised from) says the disk is full."""
    while err is not None:
        if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(err)
        if "No space left on device" in text or "os error 28" in text or "Disk quota" in text:
            return True
        err = err.__cause__ or err.__context__
    return False


# --- locking and generations -------------------------------------------------------------------------
#
# A store directory (format 2; docs/decisions/0006-store-generations.md):
#   CURRENT            the name of the published generation, replaced by an atomic rename
#   gens/g00000007/    an Oxigraph database that no process writes to once it is published
#   gens/g00000007.lock  readers hold a shared flock on it while they have the generation open
#   gens/work/         the writer's working copy (hard links), published as a checkpoint of it
#   writer.lock        the one writer holds it exclusively; writer.json says who that is
#   queue/             tickets of the processes waiting to write, served first come first served


def _flock(fd: int, mode: int) -> bool:
    """Try a non-blocking flock; True if taken."""
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


class _WriterQueue:
    """One writer at a time per store, first come first served across processes.

    A waiting writer puts a ticket (a file it holds an exclusive flock on) into ``queue/``; it
    writes when no live ticket is older than its own. A ticket whose owner died is unlocked and is
    removed by the next writer that looks.
    """

    def __init__(self, directory: Path, timeout: float) -> None:
        self.directory = directory
        self.queue = directory / "queue"
        self.info = directory / "writer.json"
        self.timeout = timeout
        self._ticket: Path | None = None
        self._ticket_fd: int | None = None
        self._lock_fd: int | None = None

    @property
    def held(self) -> bool:
        return self._lock_fd is not None

    def acquire(self) -> None:
        name = f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(3).hex()}"
        staging = self.queue / f".{name}"
        try:
            self.queue.mkdir(parents=True, exist_ok=True)
            fd = os.open(staging, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except OSError as err:
            raise StoreError(
                f"cannot write to the store ({err.strerror or err}): it is on a read-only disk or "
                "belongs to another user. Reading it works; to change it, copy it somewhere "
                "writable (kg export, then kg load) or mount it read-write",
                path=str(self.directory),
            ) from err
        fcntl.flock(fd, fcntl.LOCK_EX)
        staging.rename(self.queue / name)  # visible only once locked
        self._ticket, self._ticket_fd = self.queue / name, fd
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                if not self._someone_ahead(name):
                    lock_fd = os.open(self.directory / "writer.lock", os.O_RDWR | os.O_CREAT, 0o644)
                    if _flock(lock_fd, fcntl.LOCK_EX):
                        self._lock_fd = lock_fd
                        break
                    os.close(lock_fd)
                if time.monotonic() >= deadline:
                    raise StoreBusyError(self.busy_message())
                time.sleep(0.02)
        except BaseException:
            self._drop_ticket()
            raise
        who = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": " ".join(
                os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv)
            ),
            "since": time.time(),
        }
        with contextlib.suppress(OSError):
            self.info.write_text(json.dumps(who))

    def _someone_ahead(self, mine: str) -> bool:
        for other in sorted(os.listdir(self.queue)):
            if other >= mine:
                return False
            if other.startswith("."):
                continue
            try:
                fd = os.open(self.queue / other, os.O_RDONLY)
            except FileNotFoundError:
                continue
            try:
                if not _flock(fd, fcntl.LOCK_SH):
                    return True  # a live writer queued before us
                with contextlib.suppress(FileNotFoundError):  # its owner died
                    (self.queue / other).unlink()
            finally:
                os.close(fd)
        return False

    def _drop_ticket(self) -> None:
        if self._ticket is not None:
            with contextlib.suppress(FileNotFoundError):
                self._ticket.unlink()
        if self._ticket_fd is not None:
            os.close(self._ticket_fd)
        self._ticket = self._ticket_fd = None

    def release(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(FileNotFoundError):
                self.info.unlink()
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None
        self._drop_ticket()

    def busy_message(self) -> str:
        holder = "another process"
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            who = json.loads(self.info.read_text())
            since = time.time() - float(who["since"])
            holder = f"process {who['pid']} on {who['host']} ({who['command']}), for {since:.0f} s"
        return (
            f"the store {self.directory} is busy being written by {holder}; waited "
            f"{self.timeout:g} s for it. Readers are not affected; try the write again when it "
            "finishes, or raise the wait with KG_LOCK_TIMEOUT=SECONDS"
        )


class _Generation:
    """A published generation opened for reading, with the shared flock that keeps it on disk."""

    def __init__(self, directory: Path, name: str, fd: int | None, handle: Any) -> None:
        self.directory = directory
        self.name = name
        self.fd = fd
        self.handle = handle

    def release(self) -> None:
        self.handle = None
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


def _read_pointer(directory: Path) -> str | None:
    try:
        name = (directory / "CURRENT").read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(
            f"cannot read the store's CURRENT file: {err}", path=str(directory)
        ) from err
    if not re.fullmatch(r"g\d{8}", name):
        raise StoreError(
            f"the store's CURRENT file names {name[:40]!r}, not a generation; is this a kg store?",
            path=str(directory),
        )
    return name


def store_exists(path: str | Path) -> bool:
    """Whether ``path`` holds a kg store (of this format, or the older one with ``oxigraph/``).

    >>> store_exists("/nonexistent")
    False
    """
    directory = Path(path)
    return (directory / "CURRENT").is_file() or (directory / "oxigraph").is_dir()


# --- the default graph: the RDF merge of the named graphs -----------------------------------------
#
# (docs/decisions/0007-default-graph.md, 0009-merge-without-copying-big-sources.md)
# Queries read the merge as a list of graphs that share no triple: the *base* graphs (big sources
# written in bulk, pairwise disjoint) and Oxigraph's default graph D, which holds every triple of
# the other named graphs that no base graph holds. So the first big table of a store is stored
# once, not twice, and each triple is still one row. The list of bases is kept with each
# generation (``gens/NAME.store-meta``); a store without it has no bases (D is the whole merge).

_NT = ox.RdfFormat.N_TRIPLES
_META = "store-meta"
"""The file beside each generation that lists its base graphs (not a sidecar key)."""
_BASE_MIN = 50_000
"""Quads a graph needs to become a base graph (smaller ones are merged into D)."""


def _merge_graphs(bases: Sequence[str]) -> list[Any]:
    """The default graph of a query: the base graphs, then D."""
    return [*(ox.NamedNode(b) for b in bases), ox.DefaultGraph()]


def _values(name: str, bases: Sequence[str]) -> str:
    return f"VALUES ?{name} {{ {' '.join(f'<{b}>' for b in bases)} }}"


def _overlaps(handle: Any, node: Any, bases: Sequence[str]) -> bool:
    """Whether graph ``node`` states a triple that one of ``bases`` states."""
    if not bases:
        return False
    ask = f"ASK {{ GRAPH {node} {{ ?s ?p ?o }} GRAPH ?b {{ ?s ?p ?o }} {_values('b', bases)} }}"
    return bool(handle.query(ask))


def _graph_quads(handle: Any, node: Any) -> int:
    rows = handle.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))[0].value)


def _into_default(handle: Any, select: str, many: bool) -> None:
    """Add the ``?s ?p ?o`` rows of ``select`` to D."""
    default = ox.DefaultGraph()
    quads = (ox.Quad(r[0], r[1], r[2], default) for r in handle.query(select))
    if many:
        handle.bulk_extend(quads)
    else:
        handle.extend(list(quads))


def _not_in(bases: Sequence[str]) -> str:
    if not bases:
        return ""
    return f"FILTER NOT EXISTS {{ GRAPH ?b {{ ?s ?p ?o }} {_values('b', bases)} }}"


def _merge_settle(
    handle: Any,
    node: Any,
    bases: list[str],
    size: int | None = None,
    split: _DefaultSplit | None = None,
) -> None:
    """Graph ``node`` was written in bulk: it becomes a base graph if it is big and shares no
    triple with the other bases (then D gives up the triples it holds), else D takes its
    triples that no base holds. ``size``: the graph's quads, if known (counted otherwise);
    ``split``: its lines sorted as they were written (see :class:`_DefaultSplit`)."""
    if node.value in bases:
        bases.remove(node.value)  # it grew: decide again
        size = None
        split = None
    if size is None:
        size = _graph_quads(handle, node)
    if split is not None and split.usable and split.bases == bases:
        overlap = split.settle(handle)
        if size >= _BASE_MIN and not overlap:
            bases.append(node.value)
            _drop_from_default(handle, node, size)
        else:
            split.load_into_default(handle)
        return
    if size >= _BASE_MIN and not _overlaps(handle, node, bases):
        bases.append(node.value)
        _drop_from_default(handle, node, size)
        return
    select = f"SELECT ?s ?p ?o WHERE {{ GRAPH {node} {{ ?s ?p ?o }} {_not_in(bases)} }}"
    _into_default(handle, select, size >= _SMALL_WRITE)


class _DefaultSplit:
    """The lines of a big graph being bulk-loaded beside base graphs, sorted as they go by
    (in the thread that feeds the loader) into those D must take and those it may not.

    A line whose subject no base graph describes states a triple no base holds: it is kept
    for D, as text in a file beside the store (no Python object per term). The others
    (*suspects*: about entities a base describes, a few percent for a table that shares
    people with the first) are looked up one by one afterwards (:meth:`settle`). This is what
    ``SELECT ... FILTER NOT EXISTS`` into ``bulk_extend`` gave, without making and reading a
    Python term per quad (36 s for a 2M-triple table, against 4 s here and 9 s to load D).
    Blank nodes cannot be handed over as text (a label names another node in another parse):
    a line with one makes the split unusable, and the merge falls back to the query."""

    def __init__(self, handle: Any, bases: Sequence[str], folder: Path) -> None:
        self.bases = list(bases)
        self._handle = handle
        self._nodes = [ox.NamedNode(b) for b in bases]
        self._described: dict[str, bool] = {}
        self._suspects: list[str] = []
        self._file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by settle/discard
            "w", encoding="utf-8", dir=folder, prefix=".default-", suffix=".nt", delete=False
        )
        self.kept = 0
        self.usable = True

    def note(self, data: str) -> None:
        """Sort the whole lines of ``data`` (N-Triples text)."""
        if not self.usable:
            return
        if "_:" in data:  # maybe a blank node (or text in a literal): take the query's way
            self.usable = False
            return
        handle, nodes, described = self._handle, self._nodes, self._described
        kept: list[str] = []
        for line in data.split("\n"):
            if not line:
                continue
            subject = line[: line.index(" ")]
            hit = described.get(subject)
            if hit is None:
                iri = ox.NamedNode(subject[1:-1])
                hit = described[subject] = any(
                    next(iter(handle.quads_for_pattern(iri, None, None, b)), None) is not None
                    for b in nodes
                )
            if hit:
                self._suspects.append(line)
            else:
                kept.append(line)
        if kept:
            self.kept += len(kept)
            self._file.write("\n".join(kept) + "\n")

    def settle(self, handle: Any) -> bool:
        """Look the suspects up: those no base holds join the lines kept for D. Returns
        whether a base holds one of them (the graph shares a triple with a base)."""
        self._described = {}
        overlap = False
        if self._suspects:
            text = "\n".join(self._suspects) + "\n"
            parsed = _parse_ntriples(text)
            kept = []
            for triple, line in zip(parsed, self._suspects, strict=True):
                s, p, o = triple.subject, triple.predicate, triple.object
                if any(ox.Quad(s, p, o, b) in handle for b in self._nodes):
                    overlap = True
                else:
                    kept.append(line)
            self._suspects = []
            if kept:
                self.kept += len(kept)
                self._file.write("\n".join(kept) + "\n")
        self._file.close()
        return overlap

    def load_into_default(self, handle: Any) -> None:
        """D takes the kept lines (after :meth:`settle`)."""
        try:
            if self.kept >= _SMALL_WRITE:
                handle.bulk_load(
                    path=self._file.name, format=_NT, to_graph=ox.DefaultGraph(), lenient=True
                )
            elif self.kept:
                handle.load(
                    path=self._file.name, format=_NT, to_graph=ox.DefaultGraph(), lenient=True
                )
        finally:
            self.discard()

    def discard(self) -> None:
        self._file.close()
        with contextlib.suppress(OSError):
            os.unlink(self._file.name)


def _drop_from_default(handle: Any, node: Any, size: int) -> None:
    """D gives up the triples that graph ``node`` (``size`` quads, now a base graph) states:
    by a lookup per triple of D when D is the smaller (usually: the ontology and a few
    articles beside a big table), else by one update joining the two."""
    default = ox.DefaultGraph()
    held = list(itertools.islice(handle.quads_for_pattern(None, None, None, default), size))
    if not held:
        return
    if len(held) < size:
        for q in held:
            if ox.Quad(q.subject, q.predicate, q.object, node) in handle:
                handle.remove(q)
        return
    handle.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} ?s ?p ?o }}")


def _merge_small(
    handle: Any, node: Any, quads: list[Any], bases: list[str], *, bulk: bool = False
) -> None:
    """A few ``quads`` were inserted into graph ``node`` (``bulk``: D takes its new triples by
    a bulk load)."""
    default = ox.DefaultGraph()
    if node.value in bases:
        others = [ox.NamedNode(b) for b in bases if b != node.value]
        if any(
            ox.Quad(q.subject, q.predicate, q.object, b) in handle for q in quads for b in others
        ):
            _merge_settle(handle, node, bases)  # no longer disjoint from the others
            return
        for q in quads:
            handle.remove(ox.Quad(q.subject, q.predicate, q.object, default))
        return
    nodes = [ox.NamedNode(b) for b in bases]
    described: dict[Any, bool] = {}  # a triple whose subject no base graph describes is new to D

    def held(q: Any) -> bool:
        hit = described.get(q.subject)
        if hit is None:
            hit = described[q.subject] = any(
                next(iter(handle.quads_for_pattern(q.subject, None, None, b)), None) is not None
                for b in nodes
            )
        return hit and any(ox.Quad(q.subject, q.predicate, q.object, b) in handle for b in nodes)

    new = [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads if not held(q)]
    (handle.bulk_extend if bulk else handle.extend)(new)


def _merge_many(handle: Any, lines: Iterable[str], bases: list[str]) -> list[str]:
    """N-Triples ``lines`` are about to be written into new, small graphs (none of them a base
    graph): the lines D must take, those that no base graph holds. Only the lines whose subject
    a base graph describes are parsed and looked up (most triples of articles are about their
    own evidence nodes, which no table states); the rest go to D as text. Read before the
    graphs are written, so the lookups see the store as it was (and the write is one load).
    A subject of a few lines (a person's type and label) has its lines looked up at once: a
    scan for the subject costs about three lookups of a line (a folder of articles' lookups
    take a third less time)."""
    unique = set(lines)
    if not bases:
        return list(unique)
    base_nodes = [ox.NamedNode(b) for b in bases]
    kept: list[str] = []
    suspects: list[str] = []
    pattern = handle.quads_for_pattern
    for subject, about in _by_subject(unique).items():
        if len(about) <= _FEW_LINES or any(
            next(iter(pattern(ox.NamedNode(subject[1:-1]), None, None, b)), None) is not None
            for b in base_nodes
        ):
            suspects.extend(about)
        else:
            kept.extend(about)
    if suspects:
        parsed = ox.parse(input="".join(suspects).encode("utf-8"), format=_NT)
        for triple, line in zip(parsed, suspects, strict=True):
            s, p, o = triple.subject, triple.predicate, triple.object
            if not any(ox.Quad(s, p, o, b) in handle for b in base_nodes):
                kept.append(line)
    return kept


_FEW_LINES = 3
"""Lines of a subject up to which :func:`_merge_many` looks them up rather than the subject."""


def _by_subject(lines: Iterable[str]) -> dict[str, list[str]]:
    """N-Triples ``lines`` by their subject (its text, ``<iri>``).

    >>> _by_subject(['<urn:a> <urn:p> "1" .\\n', '<urn:a> <urn:q> "2" .\\n'])
    {'<urn:a>': ['<urn:a> <urn:p> "1" .\\n', '<urn:a> <urn:q> "2" .\\n']}
    """
    out: dict[str, list[str]] = {}
    for line in lines:
        subject = line[: line.index(" ")]
        about = out.get(subject)
        if about is None:
            out[subject] = [line]
        else:
            about.append(line)
    return out


def _merge_drop(handle: Any, node: Any, bases: list[str]) -> None:
    """Graph ``node`` is about to be removed: keep in the merge what other graphs state."""
    others = f"GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {node})"
    if node.value in bases:
        bases.remove(node.value)
        # what other graphs state too moves into D (no other base holds it: bases are disjoint)
        select = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH {node} {{ ?s ?p ?o }} {others} }}"
        _into_default(handle, select, many=True)
        return
    handle.update(
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ {others} }} }}"
    )


def _merge_rebuild(handle: Any, bases: Sequence[str]) -> list[str]:
    """Make D again from the named graphs, keeping those of ``bases`` that still exist and share
    no triple with each other; returns the bases kept."""
    handle.clear_graph(ox.DefaultGraph())
    present = {g.value for g in handle.named_graphs() if isinstance(g, ox.NamedNode)}
    kept: list[str] = []
    for base in bases:
        if base in present and not _overlaps(handle, ox.NamedNode(base), kept):
            kept.append(base)
    default = ox.DefaultGraph()
    others = [g for g in handle.named_graphs() if g.value not in kept]

    def quads() -> Iterator[Any]:
        for g in others:
            if kept:
                select = f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} {_not_in(kept)} }}"
                for r in handle.query(select):
                    yield ox.Quad(r[0], r[1], r[2], default)
            else:
                for q in handle.quads_for_pattern(None, None, None, g):
                    yield ox.Quad(q.subject, q.predicate, q.object, default)

    handle.bulk_extend(quads())
    return kept


def _read_meta(gens: Path, name: str) -> list[str]:
    """The base graphs of generation ``name`` (none for a generation written before them)."""
    try:
        meta = json.loads((gens / f"{name}.{_META}").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    bases = meta.get("bases", []) if isinstance(meta, dict) else []
    return [b for b in bases if isinstance(b, str)]


def _write_meta(gens: Path, name: str, bases: Sequence[str]) -> None:
    (gens / f"{name}.{_META}").write_text(
        json.dumps({"format": 1, "bases": list(bases)}), encoding="utf-8"
    )


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_ntriples(text: str) -> list[Any]:
    try:
        return list(ox.parse(input=text.encode(), format=_NT))
    except SyntaxError as err:  # kg wrote these lines: a bug, not bad input
        raise StoreError(f"kg made N-Triples that do not parse ({err}); please report it") from err


def _bulk_load_text(
    handle: Any,
    text: Iterator[str],
    node: Any,
    split: _DefaultSplit | None = None,
    *,
    fmt: Any = _NT,
    batch: int = 2048,
) -> int:
    """Bulk-load N-Triples ``text`` (pieces of whole lines) into graph ``node`` (or N-Quads,
    ``fmt``, with ``node`` ``None``): a thread writes it into a pipe that Oxigraph's loader
    reads (the loader lets go of the GIL), so making the text and storing it overlap and the
    whole text is never in memory at once; ``batch`` pieces are encoded at a time, and
    ``split`` sorts the lines for the merge on the way. Returns how many lines were written;
    an error raised while making the text is raised here once the loader has stopped."""
    read_fd, write_fd = os.pipe()
    count = 0
    failure: list[BaseException] = []

    def feed() -> None:
        nonlocal count
        try:
            with open(write_fd, "wb", buffering=1 << 20) as out:
                for chunk in _chunks(text, batch):
                    if split is None:
                        # piece by piece: one piece with a non-ASCII character does not widen
                        # the joined text (to 2 or 4 bytes a character) before it is encoded;
                        # the same bytes, in half the time (the Wikidata table: 0.7 -> 0.37 s)
                        encoded = b"".join([piece.encode("utf-8") for piece in chunk])
                        count += encoded.count(b"\n")
                        out.write(encoded)
                        continue
                    data = "".join(chunk)
                    count += data.count("\n")
                    out.write(data.encode("utf-8"))
                    split.note(data)
        except BaseException as err:  # handed to the caller's thread
            failure.append(err)

    thread = threading.Thread(target=feed, name="kg-bulk-feed", daemon=True)
    thread.start()
    try:
        # lenient: the lines are kg's own (IRIs it minted, literals it escaped), so Oxigraph
        # need not validate every IRI again (about a tenth of the loader's time)
        handle.bulk_load(path=f"/dev/fd/{read_fd}", format=fmt, to_graph=node, lenient=True)
    except SyntaxError as err:
        raise StoreError(f"kg made N-Triples that do not parse ({err}); please report it") from err
    finally:
        os.close(read_fd)  # a feeder still writing gets a broken pipe and stops
        thread.join()
    if failure and not isinstance(failure[0], BrokenPipeError):
        raise failure[0]
    return count


# --- the store -------------------------------------------------------------------------------------


_SMALL_WRITE = 50_000
"""Quads below which a write is an ordinary insert rather than a bulk load."""
_BULK_MIN = 5_000
"""Quads from which a write of rdflib triples on disk is a bulk load all the same (an insert
costs about 25 us a quad, a bulk load about 20 ms and 8 us a quad)."""


class Store:
    """An Oxigraph store on disk (default) or in memory, with safe writes.

    Open with :meth:`open` (a directory) or :meth:`memory`; use as a context manager. Reading
    needs no ceremony and never waits for a writer: it sees the generation that was current when
    the store was opened (or when its own last write ended). Writing happens inside
    ``with store.writing():``, which waits its turn among writers, works on a copy, and publishes
    the copy at the end of the block; if the block raises, the copy is thrown away.

    Queries see a default graph that is the RDF merge (a set) of every named graph: a triple stated
    by two sources is one triple there, and ``GRAPH ?g`` still answers per source.

    A store is a :class:`kg.reader.GraphReader` (:meth:`rows`, :meth:`text_rows`) over the RDF
    merge of its named graphs.
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
        self.lock_timeout = timeout
        self._writers = _WriterQueue(path, timeout) if path is not None else None
        self._generations: list[_Generation] = []
        self._journal: list[tuple[str, Any]] | None = None
        self._writing = False
        self._merge_stale = False
        self._bases: list[str] = []  # named graphs read as part of the merge (see _Merge below)
        self._ox: Any = None
        self._dataset: Dataset | None = None
        self._cache: dict[Node, Any] = {}
        self._sidecars: dict[str, bytes] = {}  # in memory; on disk: written with a generation
        self._pending_sidecars: dict[str, bytes] = {}
        self._sidecars_before: dict[str, bytes] = {}  # in memory: those of the write's start
        self._write_base: str | None = None  # the generation a write started from
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
        if read_only and not store_exists(directory):
            raise StoreError(
                f"no store at {directory}: load something first (kg load FILE --store {directory})"
            )
        return cls(directory, read_only=read_only, lock_timeout=lock_timeout)

    @classmethod
    def memory(cls) -> Store:
        """A fresh in-memory store (for tests and throw-away work)."""
        return cls(None)

    @property
    def generation(self) -> str | None:
        """The name of the generation this store reads (``None`` in memory)."""
        return self._generations[-1].name if self._generations else None

    def _open(self) -> None:
        if self.path is None:
            self._ox = ox.Store()
            return
        if _read_pointer(self.path) is None and not self.read_only:
            self._create_or_migrate()
        if _read_pointer(self.path) is None and (self.path / "oxigraph").is_dir():
            self._ox = self._open_legacy()  # an old-format store we may not change (read-only)
            return
        self._read_current()

    def _open_legacy(self) -> Any:
        assert self.path is not None
        try:
            return ox.Store.read_only(str(self.path / "oxigraph"))
        except OSError as err:
            raise StoreError(f"cannot open the store: {err}", path=str(self.path)) from err

    def _create_or_migrate(self) -> None:
        """A new store gets its first generation; an old-format one (``oxigraph/``) becomes one."""
        assert self.path is not None and self._writers is not None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"cannot create the store directory: {err}", path=str(self.path)
            ) from err
        if not os.access(self.path, os.W_OK):
            return  # a read-only store: read what is there
        self._writers.acquire()
        try:
            if _read_pointer(self.path) is not None:
                return  # another process made it while we waited
            gens = self.path / "gens"
            gens.mkdir(exist_ok=True)
            first = gens / "g00000001"
            shutil.rmtree(first, ignore_errors=True)
            legacy = self.path / "oxigraph"
            if legacy.is_dir():
                self._recover_legacy()
                legacy.rename(first)
                handle = ox.Store(str(first))
                _merge_rebuild(handle, [])
                handle.flush()
                del handle
            else:
                ox.Store(str(first)).flush()
            _write_meta(gens, "g00000001", [])
            self._publish("g00000001")
        except OSError as err:
            if _is_disk_full(err):
                raise StoreError(self._disk_full_message()) from err
            raise StoreError(f"cannot create the store: {err}", path=str(self.path)) from err
        finally:
            self._writers.release()

    def _recover_legacy(self) -> None:
        """An old-format store whose last write died: put its checkpoint back."""
        assert self.path is not None
        data, checkpoint = self.path / "oxigraph", self.path / "checkpoint"
        if not checkpoint.exists():
            return
        if (checkpoint / "COMPLETE").exists():
            shutil.rmtree(data, ignore_errors=True)
            (checkpoint / "COMPLETE").unlink()
            checkpoint.rename(data)
        else:
            shutil.rmtree(checkpoint)

    def _read_current(self) -> None:
        """Open the published generation for reading, holding its shared lock."""
        assert self.path is not None
        gens = self.path / "gens"
        for _ in range(1000):
            name = _read_pointer(self.path)
            if name is None:
                raise StoreError(
                    f"no store at {self.path}: load something first (kg load FILE --store {self.path})"
                )
            fd: int | None
            try:
                fd = os.open(gens / f"{name}.lock", os.O_RDONLY)
            except FileNotFoundError:
                if not (gens / name / "CURRENT").exists():
                    continue  # replaced and removed since we read the pointer: read it again
                fd = None  # e.g. a copy of a store without its lock files
            except OSError:
                fd = None
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_SH)  # waits only while a cleaner renames it away
            if not (gens / name / "CURRENT").exists():
                if fd is not None:
                    os.close(fd)
                continue
            try:
                handle = ox.Store.read_only(str(gens / name))
            except OSError as err:
                if fd is not None:
                    os.close(fd)
                raise StoreError(f"cannot open the store: {err}", path=str(self.path)) from err
            self._generations.append(_Generation(gens / name, name, fd, handle))
            self._ox = handle
            self._dataset = None
            self._bases = _read_meta(gens, name)
            return
        raise StoreError("the store changed too often to be opened; try again", path=str(self.path))

    def refresh(self) -> bool:
        """Read the newest published generation if another process published one; True if so."""
        if self.path is None or self._writing or not self._generations:
            return False
        if _read_pointer(self.path) == self.generation:
            return False
        self._release_generations()
        self._read_current()
        return True

    def _release_generations(self) -> None:
        self._ox = None
        self._dataset = None
        for gen in self._generations:
            gen.release()
        self._generations.clear()

    def close(self) -> None:
        """Close the store, letting go of the generation it reads."""
        self._ox = None
        self._dataset = None
        self._release_generations()

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
        """Write inside this block: all or nothing, invisible to readers until it ends.

        On disk, the writer waits its turn (first come, first served; ``KG_LOCK_TIMEOUT``), writes
        into a hard-linked copy of the current generation and publishes a checkpoint of it with an
        atomic rename; readers keep the generation they opened until they close or refresh.
        """
        if self.read_only:
            raise StoreError("this store was opened read-only", path=str(self.path))
        if self._writing:  # nested: the outer block owns the transaction
            yield self
            return
        if self.path is None:
            self._journal = []
            self._writing = True
            previous = self._sidecars
            self._sidecars_before = previous
            self._sidecars = {}
            bases = list(self._bases)
            try:
                yield self
                self._sync_merge()
            except BaseException:
                self._undo_journal()
                self._bases = _merge_rebuild(self._ox, bases)
                self._sidecars = previous
                raise
            finally:
                self._journal = None
                self._writing = False
                self._merge_stale = False
            return
        assert self._writers is not None
        self._writers.acquire()
        work = self.path / "gens" / "work"
        published = False
        try:
            try:
                self._release_generations()
                self._read_current()  # the newest generation, now that we hold the write lock
                source = self._generations[-1].directory
                self._write_base = self._generations[-1].name
                shutil.rmtree(work, ignore_errors=True)
                _link_copy(source, work)
                self._ox = ox.Store(str(work))
                self._dataset = None
                self._writing = True
                yield self
                self._sync_merge()
                self._ox.flush()
                name = self._next_generation()
                self._ox.backup(str(self.path / "gens" / name))
                for key, data in self._pending_sidecars.items():
                    (self.path / "gens" / f"{name}.{key}").write_bytes(data)
                _write_meta(self.path / "gens", name, self._bases)
                self._publish(name)
                published = True
            except BaseException as err:
                if _is_disk_full(err):
                    raise StoreError(self._disk_full_message()) from err
                raise
            finally:
                self._pending_sidecars = {}
                self._writing = False
                self._merge_stale = False
                self._ox = None
                self._dataset = None
                shutil.rmtree(work, ignore_errors=True)
                if published:
                    self._release_generations()
                    with contextlib.suppress(OSError):
                        self._collect_garbage()
        finally:
            self._writers.release()
            self._release_generations()
            self._read_current()

    def _disk_full_message(self) -> str:
        return (
            f"no space left on device while writing {self.path}; nothing was changed. Free some "
            "space (the store needs room for what it writes) and run the command again"
        )

    def _next_generation(self) -> str:
        assert self.path is not None
        numbers = [
            int(p.name[1:])
            for p in (self.path / "gens").iterdir()
            if re.fullmatch(r"g\d{8}", p.name)
        ]
        return f"g{max(numbers, default=0) + 1:08d}"

    def _publish(self, name: str) -> None:
        """Make generation ``name`` the current one (atomically, durably)."""
        assert self.path is not None
        gens = self.path / "gens"
        os.close(os.open(gens / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644))
        pointer = self.path / "CURRENT.tmp"
        with pointer.open("w", encoding="ascii") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        pointer.replace(self.path / "CURRENT")
        with contextlib.suppress(OSError):
            dir_fd = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def _collect_garbage(self) -> None:
        """Remove generations that are neither current nor open by any reader (writer only)."""
        assert self.path is not None
        gens = self.path / "gens"
        current = _read_pointer(self.path)
        for entry in gens.iterdir():
            name = entry.name
            if name.startswith(".trash-"):
                shutil.rmtree(entry, ignore_errors=True)
                continue
            if not re.fullmatch(r"g\d{8}", name) or name == current:
                continue
            lock = gens / f"{name}.lock"
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if not _flock(fd, fcntl.LOCK_EX):
                    continue  # a reader still has it open
                trash = gens / f".trash-{name}"
                entry.rename(trash)
                lock.unlink()
                for sidecar in gens.glob(f"{name}.*"):
                    if sidecar.suffix != ".lock":
                        sidecar.unlink(missing_ok=True)
            finally:
                os.close(fd)
            shutil.rmtree(trash, ignore_errors=True)

    def _require_write(self) -> None:
        if not self._writing:
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

    # -- the default graph: the merge of the named graphs (see _merge_* below) --

    def _sync_merge(self) -> None:
        if self._merge_stale:
            self._bases = _merge_rebuild(self._ox, self._bases)

    def _merge_added(self, node: Any, quads: list[Any] | None, size: int | None = None) -> None:
        """``quads`` (or, for ``None``, a bulk write of unknown quads, ``size`` of them if the
        graph was new) were added to ``node``."""
        if self._merge_stale:
            return
        if quads is None:
            _merge_settle(self._ox, node, self._bases, size)
        else:
            _merge_small(self._ox, node, quads, self._bases)

    # -- write operations --

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
        if not self._merge_stale:
            _merge_drop(self._ox, node, self._bases)
        self._ox.remove_graph(node)

    def remove_about(self, graph: str, subjects: Iterable[str]) -> int:
        r"""Remove what the named graph ``graph`` states about ``subjects`` (IRIs), inside
        :meth:`writing`; returns how many quads. A triple leaves the default graph (the merge)
        when no other graph states it.

        >>> t = '<urn:s> <urn:p> "o" .\n'
        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_graphs({"urn:g1": [t], "urn:g2": [t]})
        ...     store.remove_about("urn:g1", ["urn:s"]), len(store.rows("SELECT * WHERE { ?s ?p ?o }"))
        ...     store.remove_about("urn:g2", ["urn:s"]), len(store.rows("SELECT * WHERE { ?s ?p ?o }"))
        (1, 1)
        (1, 0)
        """
        self._require_write()
        node = _graph_node(graph)
        default = ox.DefaultGraph()
        removed: list[Any] = []
        for subject in subjects:
            removed.extend(self._ox.quads_for_pattern(ox.NamedNode(subject), None, None, node))
        for quad in removed:
            self._ox.remove(quad)
            if self._merge_stale:
                continue
            others = self._ox.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
            if not any(isinstance(q.graph_name, ox.NamedNode) for q in others):
                self._ox.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))
        if removed and self.path is None:
            assert self._journal is not None
            self._journal.append(("removed", (node, removed)))
        return len(removed)

    def match(
        self,
        *,
        subject: str | None = None,
        predicate: str | None = None,
        obj: str | None = None,
        graph: str | None = None,
    ) -> Iterator[tuple[str, str, str, str]]:
        r"""The statements of the named graphs that match a pattern of IRIs (``None`` matches
        anything; ``graph`` is one named graph), as text rows ``(subject, predicate, object, graph)``: a literal object as its
        lexical form, as :meth:`text_rows` gives it. Index lookups, for code that reads what
        the store says about a few entities without a query plan.

        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_graphs({"urn:g": ['<urn:s> <urn:p> "7" .\n']})
        ...     list(store.match(subject="urn:s"))
        [('urn:s', 'urn:p', '7', 'urn:g')]
        """
        blank = ox.BlankNode
        terms = [None if x is None else ox.NamedNode(x) for x in (subject, predicate, obj, graph)]
        for q in self._ox.quads_for_pattern(*terms):
            g = q.graph_name
            if type(g) is not ox.NamedNode:
                continue  # the default graph: the merge, not a source
            s, o = q.subject, q.object
            yield (
                "_:" + s.value if type(s) is blank else s.value,
                q.predicate.value,
                "_:" + o.value if type(o) is blank else o.value,
                g.value,
            )

    def match_about(
        self, subjects: Iterable[str], predicates: Iterable[str] | None = None
    ) -> Iterator[tuple[str, str, str, str]]:
        r"""What the named graphs state about many ``subjects`` (IRIs), restricted to
        ``predicates`` if given: the rows of :meth:`match` for each subject and predicate, in
        no set order. One query per few thousand subjects: Oxigraph reads each subject's
        statements in one index scan and keeps those of ``predicates``, where a :meth:`match`
        per subject and predicate pays a lookup for each pair and a Python call for each (for
        a loaded folder of articles' conflict checks, about half the time).

        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_graphs({"urn:g": ['<urn:s> <urn:p> "7" .\n', '<urn:s> <urn:q> "8" .\n',
        ...                                     '<urn:t> <urn:p> "9" .\n']})
        ...     sorted(store.match_about(["urn:s", "urn:t"], ["urn:p"]))
        [('urn:s', 'urn:p', '7', 'urn:g'), ('urn:t', 'urn:p', '9', 'urn:g')]
        """
        wanted: list[str | None] = [None]
        if predicates is not None:
            wanted = [*sorted(set(predicates))]
        plain: list[str] = []
        for subject in subjects:
            if is_plain_iri(subject):
                plain.append(subject)
            else:  # not writable as a SPARQL IRI: looked up one by one
                for prop in wanted:
                    yield from self.match(subject=subject, predicate=prop)
        if not wanted:
            return
        where = ""
        if wanted != [None]:
            if not all(p is not None and is_plain_iri(p) for p in wanted):
                for subject in plain:
                    for prop in wanted:
                        yield from self.match(subject=subject, predicate=prop)
                return
            where = f"FILTER (?p IN ({', '.join(f'<{p}>' for p in wanted)}))"
        for chunk in _chunks(plain, 5000):
            values = " ".join(f"<{s}>" for s in chunk)
            query = (
                f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} FILTER (isIRI(?g)) {where} }}"
            )
            for s, p, o, g in _text_rows(self._ox.query(query)):
                assert s is not None and p is not None and o is not None and g is not None
                yield s, p, o, g

    def add_triples(self, graph: str, triples: Iterable[Triple]) -> int:
        """Add rdflib triples to a named graph (inside :meth:`writing`); returns how many."""
        self._require_write()
        node = _graph_node(graph)
        fresh = self._note_new_graph(node)
        cache = self._cache
        return self._add_quads(
            node,
            (
                ox.Quad(_to_ox(s, cache), _to_ox(p, cache), _to_ox(o, cache), node)
                for s, p, o in triples
            ),
            fresh,
        )

    def add_graphs(self, graphs: Mapping[str, Sequence[str]]) -> int:
        r"""Add N-Triples lines to many named graphs in one write (inside :meth:`writing`);
        returns how many lines (triples). The path for many small sources (a folder of
        articles): one parse and insert for all of them, the merge's new triples included,
        where :meth:`add_ntriples` per graph pays both per graph. The lines are kg's own
        (IRIs it minted, literals it escaped): Oxigraph does not validate every IRI again.
        Lines with blank nodes are not taken (a blank node is local to the text it is parsed
        from).

        >>> with Store.memory() as store, store.writing():
        ...     store.add_graphs({"urn:g1": ['<urn:a> <urn:p> "1" .\n'],
        ...                       "urn:g2": ['<urn:b> <urn:p> "2" .\n']})
        ...     sorted(store.named_graphs()), len(store.rows("SELECT * WHERE { ?s ?p ?o }"))
        2
        (['urn:g1', 'urn:g2'], 2)
        """
        self._require_write()
        quads: list[str] = []
        nodes: list[Any] = []
        count = 0
        for graph, lines in graphs.items():
            node = _graph_node(graph)
            self._note_new_graph(node)
            nodes.append(node)
            text = "".join(lines)
            # each line ends with " .\n" and holds no other line break: the graph's name goes
            # before every " .\n" of the text (a literal's line breaks are escaped)
            if (
                "_:" in text
                or text.count("\n") != len(lines)
                or not all(line[-3:] == " .\n" for line in lines)
            ):
                bad = next(x for x in lines if x[-3:] != " .\n" or "_:" in x or "\n" in x[:-1])
                raise StoreError(f"not one N-Triples line without blank nodes: {bad[:80]!r}")
            quads.append(text.replace(" .\n", f" <{graph}> .\n"))
            count += len(lines)
        # the merge (D) takes, in the same load, the lines no base graph holds; a base graph
        # written again (rare) is settled graph by graph once written
        rebase = any(node.value in self._bases for node in nodes)
        kept: list[str] = []
        if not self._merge_stale and not rebase:
            kept = _merge_many(self._ox, (x for g in graphs.values() for x in g), self._bases)
        pieces = itertools.chain(quads, ("".join(c) for c in _chunks(kept, 4096)))
        try:
            if self.path is not None and count >= _SMALL_WRITE:
                # streamed: one graph's text (or 4096 lines of the merge) encoded at a time
                _bulk_load_text(self._ox, pieces, None, fmt=ox.RdfFormat.N_QUADS, batch=1)
            else:
                data = "".join(pieces).encode("utf-8")
                # a few thousand lines on disk (the conflicts graph after a folder of
                # articles) are bulk-loaded, as _add_quads does: about half an insert's time
                bulk = self.path is not None and count >= _BULK_MIN
                load = self._ox.bulk_load if bulk else self._ox.load
                load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as err:
            raise StoreError(f"kg wrote N-Quads Oxigraph cannot read (a bug): {err}") from err
        for node in nodes:
            self._ox.add_graph(node)
        if rebase and not self._merge_stale:
            for node in nodes:  # graph by graph
                written = list(self._ox.quads_for_pattern(None, None, None, node))
                _merge_small(self._ox, node, written, self._bases)
        return count

    def add_ntriples(self, graph: str, text: Iterable[str]) -> int:
        """Add N-Triples text to a named graph (inside :meth:`writing`): ``text`` comes in pieces
        that each end with a line break (a line, or the lines of one fact); returns how many lines
        (triples). The path for big sources: on disk the text goes to Oxigraph's bulk loader
        through a pipe, parsed while it is still being made, and no Python object is made per
        term.

        >>> with Store.memory() as store, store.writing():
        ...     store.add_ntriples("urn:g", ['<urn:a> <urn:b> "c" .\\n<urn:a> <urn:b> "d" .\\n'])
        ...     store.rows("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
        2
        [(rdflib.term.Literal('c'),), (rdflib.term.Literal('d'),)]
        """
        self._require_write()
        node = _graph_node(graph)
        fresh = self._note_new_graph(node)
        stream = iter(text)
        head: list[str] = []
        lines = 0
        for piece in stream:
            head.append(piece)
            lines += piece.count("\n")
            if lines >= _SMALL_WRITE:
                break
        if lines < _SMALL_WRITE:
            parsed = _parse_ntriples("".join(head))
            return self._add_quads(
                node, (ox.Quad(q.subject, q.predicate, q.object, node) for q in parsed)
            )
        split = None
        if self.path is None:
            count = 0
            for chunk in _chunks(itertools.chain(head, stream), 20_000):
                data = "".join(chunk)
                count += data.count("\n")
                self._ox.load(input=data.encode(), format=_NT, to_graph=node)
        else:
            if fresh and self._bases and not self._merge_stale:
                split = _DefaultSplit(self._ox, self._bases, self.path)
            try:
                count = _bulk_load_text(self._ox, itertools.chain(head, stream), node, split)
            except BaseException:
                if split is not None:
                    split.discard()
                raise
        self._ox.add_graph(node)
        if self._merge_stale:
            if split is not None:
                split.discard()
            return count
        try:
            _merge_settle(self._ox, node, self._bases, count if fresh else None, split)
        finally:
            if split is not None:
                split.discard()
        return count

    def _note_new_graph(self, node: Any) -> bool:
        """Journal a graph about to be made (in memory); True if ``node`` is new."""
        fresh = not self._ox.contains_named_graph(node)
        if self.path is None and fresh:
            assert self._journal is not None
            self._journal.append(("added", node))
        return fresh

    def _add_quads(self, node: Any, quads: Iterator[Any], fresh: bool = True) -> int:
        """Write quads of ``node``: an ordinary insert when few, else a bulk load (on disk).
        Many quads added to a graph that was there (``fresh`` false: the conflicts graph
        brought up to date) update the merge with those quads only, as a few do: deciding the
        whole graph again would read all of it, and the bases, on every load."""
        head = list(itertools.islice(quads, _SMALL_WRITE))
        if len(head) < _SMALL_WRITE:
            # A bulk load writes new table files: worth it for a big source, far too slow per
            # article (about 20 ms each). Small sources go through an ordinary insert, which is
            # as safe here: the writer works on its own copy until the block ends; a few
            # thousand quads (the conflicts graph after a folder of articles) are bulk-loaded.
            bulk = self.path is not None and len(head) >= _BULK_MIN
            (self._ox.bulk_extend if bulk else self._ox.extend)(head)
            self._ox.add_graph(node)
            if not self._merge_stale:
                _merge_small(self._ox, node, head, self._bases, bulk=bulk)
            return len(head)
        count = len(head)

        def counted() -> Iterator[Any]:
            nonlocal count
            yield from head
            for quad in quads:
                count += 1
                yield quad

        if not fresh:
            written = [*head, *quads]
            if self.path is None:
                self._ox.extend(written)
            else:
                self._ox.bulk_extend(written)
            self._merge_added(node, written)
            return len(written)
        if self.path is None:
            self._ox.extend(counted())
        else:
            self._ox.bulk_extend(counted())
        self._ox.add_graph(node)
        self._merge_added(node, None)
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
        if rdf_format == ox.RdfFormat.RDF_XML:
            check_entity_expansion(path)
        node = _graph_node(graph)
        base = Path(path).resolve().as_uri()
        before = set(self._ox.named_graphs())
        try:
            if self.path is None:
                assert self._journal is not None
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
            if _is_disk_full(err):
                raise
            raise ParseError(f"cannot load: {err}", path=str(path)) from err
        self._ox.add_graph(node)
        touched = {node} | (set(self._ox.named_graphs()) - before)
        if rdf_format.supports_datasets:
            touched |= {ox.NamedNode(g) for g in self.graphs_in_file(path, rdf_format)}
        for graph_node in sorted(touched, key=str):
            self._merge_added(graph_node, None)

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
        except (OSError, ValueError) as err:
            raise ParseError(f"cannot read: {err}", path=str(path)) from err

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (inside :meth:`writing`).

        Inside an update the default graph is the store's own (empty) default graph, as SPARQL
        Update expects: name the graph to change with ``GRAPH``/``WITH``. Triples an update puts
        into the default graph are kept in the named graph ``urn:kg:graph:default``.
        """
        self._require_write()
        if not self._merge_stale:
            self._ox.clear_graph(ox.DefaultGraph())
            self._merge_stale = True
        try:
            self._ox.update(sparql)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL update: {_one_line(str(err))}") from err
        except (OSError, ValueError, RuntimeError) as err:
            if _is_disk_full(err):
                raise
            raise QueryError(f"the update failed: {' '.join(str(err).split())}") from err
        default = ox.DefaultGraph()
        stray = list(self._ox.quads_for_pattern(None, None, None, default))
        if stray:
            keep = ox.NamedNode(_UPDATE_DEFAULT_GRAPH)
            self._ox.extend(ox.Quad(q.subject, q.predicate, q.object, keep) for q in stray)
            self._ox.clear_graph(default)

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

        By default the default graph is the RDF merge of all named graphs (each triple once), so a
        plain ``SELECT ... WHERE { ?film kg:director ?who }`` sees every source; ``GRAPH ?g``
        answers per source. ``union_default_graph=False`` leaves the default graph empty;
        ``default_graphs`` makes it the named graphs listed.
        """
        kwargs: dict[str, Any] = {}
        if bindings:
            sparql = bind_values(sparql, bindings)
        if default_graphs:
            kwargs["default_graph"] = [_graph_node(g) for g in default_graphs]
        elif not union_default_graph:
            kwargs["default_graph"] = ox.NamedNode(_EMPTY_GRAPH)
        elif self._merge_stale:  # inside a block after an update: the merge is rebuilt at its end
            kwargs["default_graph"] = list(self._ox.named_graphs()) or ox.NamedNode(_EMPTY_GRAPH)
        elif self._legacy:
            kwargs["use_default_graph_as_union"] = True
        elif self._bases:
            kwargs["default_graph"] = _merge_graphs(self._bases)
        if named_graphs:
            kwargs["named_graphs"] = [_graph_node(g) for g in named_graphs]
        try:
            raw = self._ox.query(sparql, **kwargs)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL: {_one_line(str(err))}") from err
        except (OSError, ValueError, TypeError, RuntimeError) as err:
            raise QueryError(f"the query failed: {' '.join(str(err).split())}") from err
        if isinstance(raw, ox.QueryBoolean):
            return QueryResult("ask", raw, [])
        if isinstance(raw, ox.QuerySolutions):
            return QueryResult("select", raw, [v.value for v in raw.variables])
        return QueryResult("graph", raw, [])

    @property
    def _legacy(self) -> bool:
        return self.path is not None and not self._generations and not self._writing

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

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs in the store, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        """Whether the named graph ``graph`` exists (one lookup, not a listing of every graph).

        >>> with Store.memory() as store:
        ...     store.has_graph("urn:g")
        False
        """
        return bool(self._ox.contains_named_graph(ox.NamedNode(graph)))

    def describes(self, subject: str) -> bool:
        """Whether some graph states a triple about ``subject`` (an IRI): one index lookup.

        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_graphs({"urn:g": ['<urn:s> <urn:p> "7" .\\n']})
        ...     store.describes("urn:s"), store.describes("urn:p")
        (True, False)
        """
        found = self._ox.quads_for_pattern(ox.NamedNode(subject), None, None, None)
        return next(iter(found), None) is not None

    def subjects_if_few(self, limit: int) -> frozenset[str] | None:
        """The IRIs some quad has as its subject (in any graph), if the store holds at most
        ``limit`` quads (one only the ontology was written to, before a first load): then
        :meth:`describes` is a look-up in a set; ``None`` for a bigger store. Reads at most
        ``limit + 1`` quads.

        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_graphs({"urn:g": ['<urn:s> <urn:p> "7" .\\n']})
        ...     sorted(store.subjects_if_few(10)), store.subjects_if_few(0)
        (['urn:s'], None)
        """
        quads = list(
            itertools.islice(self._ox.quads_for_pattern(None, None, None, None), limit + 1)
        )
        if len(quads) > limit:
            return None
        return frozenset(q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode))

    # -- sidecars: derived data kept with a generation (rebuilt when missing) --

    def read_sidecar(self, key: str) -> bytes | None:
        """The derived data stored under ``key`` with the generation this store reads, if any.

        A sidecar belongs to one generation: a write that does not store it again leaves the
        next generation without it, so it can never describe another state of the data.

        >>> with Store.memory() as store:
        ...     with store.writing():
        ...         store.write_sidecar("names", b"abc")
        ...     store.read_sidecar("names")
        b'abc'
        """
        if self.path is None:
            return self._sidecars.get(key)
        if self._writing:
            if key in self._pending_sidecars:
                return self._pending_sidecars[key]
            name = self._write_base  # the state this write started from
        else:
            name = self.generation
        if name is None:
            return None
        try:
            return (self.path / "gens" / f"{name}.{key}").read_bytes()
        except OSError:
            return None

    def keep_sidecars(self) -> None:
        """In a write that changed no data, publish the sidecars of the state it started from
        again (a write stores only the sidecars it writes, and would otherwise leave the next
        generation without the others: a `kg load` of unchanged files lost the kept summaries).

        >>> with Store.memory() as store:
        ...     with store.writing():
        ...         store.write_sidecar("names", b"abc")
        ...     with store.writing():
        ...         store.keep_sidecars()
        ...     store.read_sidecar("names")
        b'abc'
        """
        self._require_write()
        if self.path is None:
            self._sidecars = {**self._sidecars_before, **self._sidecars}
            return
        base = self._write_base
        if base is None:
            return
        for path in (self.path / "gens").glob(f"{base}.*"):
            key = path.name[len(base) + 1 :]
            if key in ("lock", _META) or key in self._pending_sidecars:
                continue
            self._pending_sidecars[key] = path.read_bytes()

    def write_sidecar(self, key: str, data: bytes) -> None:
        """Store derived data under ``key`` with the generation this write publishes."""
        self._require_write()
        if not re.fullmatch(r"[a-z][a-z0-9-]*", key) or key == _META:
            raise ValueError(
                f"a sidecar key is lower-case letters, digits and dashes (not {_META!r}), "
                f"not {key!r}"
            )
        if self.path is None:
            self._sidecars[key] = data
        else:
            self._pending_sidecars[key] = data

    def graph_size(self, graph: str) -> int:
        """How many triples the named graph ``graph`` holds.

        >>> with Store.memory() as store, store.writing():
        ...     _ = store.add_triples("urn:g", [(URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))] * 2)
        ...     store.graph_size("urn:g")
        1
        """
        node = _graph_node(graph)
        if not isinstance(node, ox.NamedNode):
            return 0
        rows = self._ox.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{node.value}> {{ ?s ?p ?o }} }}"
        )
        return int(next(iter(rows))[0].value)

    def __len__(self) -> int:
        """How many triples the named graphs hold (a triple in two graphs counts twice)."""
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        return int(next(iter(self._ox.query(count)))[0].value)

    def _named_quads(self) -> Iterator[Any]:
        for g in self._ox.named_graphs():
            yield from self._ox.quads_for_pattern(None, None, None, g)

    def triples(
        self, graph: str | None = None
    ) -> Iterator[tuple[Identifier, Identifier, Identifier, Identifier | None]]:
        """Every quad (as rdflib terms), of one named graph or of all."""
        quads = (
            self._ox.quads_for_pattern(None, None, None, _graph_node(graph))
            if graph is not None
            else self._named_quads()
        )
        for q in quads:
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
        store write the merge of all graphs (each triple once). ``prefixes`` abbreviate IRIs where
        the format allows."""
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
            ox.serialize(self._named_quads(), output, format=rdf_format, **kwargs)
        elif self._legacy:
            quads = self._ox.quads_for_pattern(None, None, None, None)
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(triples, output, format=rdf_format, **kwargs)
        elif self._bases and rdf_format not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            parts = _merge_graphs(self._bases)
            quads = itertools.chain.from_iterable(
                self._ox.quads_for_pattern(None, None, None, g) for g in parts
            )
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(triples, output, format=rdf_format, **kwargs)
        else:  # the merge's parts one after the other (they share no triple)
            for part in _merge_graphs(self._bases) if self._bases else [ox.DefaultGraph()]:
                self._ox.dump(output, format=rdf_format, from_graph=part, **kwargs)

    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib :class:`~rdflib.Dataset` (through oxrdflib), for Python users:
        its named graphs are the sources. Its default graph is Oxigraph's own, which holds the
        merge only of the sources that are not base graphs
        (``docs/decisions/0009-merge-without-copying-big-sources.md``): for the merge of all,
        use :meth:`query`, :meth:`rows` or :meth:`dump`.
        """
        if self._dataset is None:
            from oxrdflib import OxigraphStore

            self._dataset = Dataset(store=OxigraphStore(store=self._ox), default_union=False)
        return self._dataset


_EMPTY_GRAPH = "urn:kg:graph:empty"
_UPDATE_DEFAULT_GRAPH = "urn:kg:graph:default"


def _one_line(text: str, limit: int = 300) -> str:
    """A parser message on one line, its long list of expected characters cut short.

    >>> _one_line("error at 1:5:   expected one of 'a', 'b', 'c'", limit=36)
    "error at 1:5: expected one of 'a',…"
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _link_copy(source: Path, target: Path) -> None:
    """A writable copy of a published (never again written) Oxigraph database: table files are
    immutable in RocksDB, so they are hard-linked; the rest (manifest, logs, options) is copied."""
    target.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name.startswith("LOG."):
            continue
        if entry.suffix in (".sst", ".blob"):
            os.link(entry, target / entry.name)
        else:
            shutil.copy2(entry, target / entry.name)


def variable(name: str) -> Variable:
    """An rdflib SPARQL variable (helper for bindings)."""
    return Variable(name)
