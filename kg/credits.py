"""The credit index: who is credited on which film, as integer columns kept beside the store.

Every credit of the graph (``film  role-property  agent``, the direct triples of
:data:`kg.model.ROLES`) is one row of four integer columns, ``graph, film, role, agent``, with
the node IRIs, their labels and the films' years in tables beside them. Network projections and
the aggregate named queries read these columns instead of asking the store again: reading a
credit back out of Oxigraph on disk costs a lookup per IRI (about 5-10 us), which is most of the
time of a projection of a big graph.

The index of a store is a sidecar of its generation (``Store.read_sidecar("credit-index")``),
kept current by :mod:`kg.ingest` on every load and unload: the rows of a graph that is loaded are
added (those of a table from the facts as they are written, those of an article or an RDF file by
one query over that graph alone) and the rows of a graph that is removed are dropped. A write that
does not keep it (a SPARQL Update, ``kg reason``) leaves the next generation without one; it is
then read from the store in full when next needed (:func:`read_index`).

>>> idx = CreditIndex.empty()
>>> idx = idx.with_graph("urn:g", [("urn:f", "cast_member", "urn:a"), ("urn:f", "director", "urn:d")],
...                      labels={"urn:a": "Ann", "urn:f": "Film"}, years={"urn:f": 1999})
>>> len(idx), idx.label_of("urn:a"), idx.year_of("urn:f")
(2, 'Ann', 1999)
>>> len(CreditIndex.from_bytes(idx.to_bytes()).without_graphs(["urn:g"]))
0
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rdflib import URIRef

from .model import ROLES
from .reader import GraphReader

__all__ = ["NO_YEAR", "ROLE_NAMES", "SIDECAR", "CreditIndex", "NodeList", "index_of", "read_index"]

SIDECAR = "credit-index"
"""The sidecar key of the credit index (:meth:`kg.store.Store.read_sidecar`)."""

ROLE_NAMES: tuple[str, ...] = tuple(r.relation.value for r in ROLES)
"""Role names by role number (a row's ``role`` column indexes this)."""

_KG = "https://w3id.org/filmkg/ontology#"
_PROPERTY = {f"{_KG}{r.property_name}": i for i, r in enumerate(ROLES)}
NO_YEAR = -32768
"""The year of a node that has none (:attr:`CreditIndex.years`)."""
_FORMAT = 2

_ROLE_VALUES = " ".join(f"<{p}>" for p in _PROPERTY)
_CREDITS_IN = f"SELECT ?film ?p ?agent WHERE {{ GRAPH ?g {{ VALUES ?p {{ {_ROLE_VALUES} }} ?film ?p ?agent }} }}"
_CREDITS_ALL = (
    "SELECT ?g ?film ?p ?agent WHERE { GRAPH ?g { VALUES ?p { "
    + _ROLE_VALUES
    + " } ?film ?p ?agent } }"
)
_LABELS = "SELECT ?s ?label WHERE { %s { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
_LABELS_ALL = "SELECT ?g ?s ?label WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
_YEARS_ALL = (
    "SELECT ?g ?s ?year ?date WHERE { GRAPH ?g { ?s a <" + _KG + "Film> "
    "OPTIONAL { ?s <" + _KG + "year> ?year } OPTIONAL { ?s <" + _KG + "releaseDate> ?date } } }"
)
_YEARS = (
    "SELECT ?s ?year ?date WHERE { %s { ?s a <" + _KG + "Film> "
    "OPTIONAL { ?s <" + _KG + "year> ?year } OPTIONAL { ?s <" + _KG + "releaseDate> ?date } } }"
)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    match = re.match(r"-?\d{4}", text)
    return int(match.group()) if match else None


@dataclass
class CreditIndex:
    """Credits as integer columns (see the module docstring); immutable in use: the ``with_*``
    and ``without_*`` methods return new indexes.

    Labels and years are kept per graph too (``label_*``, ``year_*`` rows), so that removing a
    graph removes what it said; :attr:`labels` (the smallest label of each node) and
    :attr:`years` (the earliest year of each film) are worked out from them when first read."""

    nodes: Sequence[str]  # a list, or a NodeList read from bytes (decoded when asked)
    graphs: list[str]
    graph: np.ndarray  # int32, per row
    film: np.ndarray  # int32, per row (index into nodes)
    role: np.ndarray  # int8, per row (index into ROLE_NAMES)
    agent: np.ndarray  # int32, per row (index into nodes)
    label_graph: np.ndarray  # int32, per label row
    label_node: np.ndarray  # int32, per label row
    label_text: list[str]  # per label row
    year_graph: np.ndarray  # int32, per year row
    year_node: np.ndarray  # int32, per year row
    year_value: np.ndarray  # int16, per year row
    _ids: dict[str, int] | None = field(default=None, repr=False)
    _labels: list[str | None] | None = field(default=None, repr=False)
    _years: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def empty(cls) -> CreditIndex:
        """An index with no credits."""
        i4 = np.zeros(0, dtype=np.int32)
        i2 = np.zeros(0, dtype=np.int16)
        return cls([], [], i4, i4, np.zeros(0, dtype=np.int8), i4, i4, i4, [], i4, i4, i2)

    def __len__(self) -> int:
        return len(self.film)

    def decoded(self) -> CreditIndex:
        """The same index with every node IRI decoded (for code that reads most of them, such
        as a projection: one split instead of a lookup per node)."""
        if isinstance(self.nodes, list):
            return self
        return dataclasses.replace(self, nodes=list(self.nodes))

    def node_ids(self) -> dict[str, int]:
        """Node IRI -> node number (made once, on first need)."""
        if self._ids is None:
            self._ids = {n: i for i, n in enumerate(self.nodes)}
        return self._ids

    @property
    def labels(self) -> list[str | None]:
        """Per node: the smallest label any graph gives it (``None`` when none does)."""
        if self._labels is None:
            out: list[str | None] = [None] * len(self.nodes)
            for node, text in zip(self.label_node.tolist(), self.label_text, strict=True):
                old = out[node]
                if old is None or text < old:
                    out[node] = text
            self._labels = out
        return self._labels

    @property
    def years(self) -> np.ndarray:
        """Per node (int16): a film's earliest year, :data:`NO_YEAR` when none is known."""
        if self._years is None:
            out = np.full(len(self.nodes), np.iinfo(np.int16).max, dtype=np.int16)
            np.minimum.at(out, self.year_node, self.year_value)
            out[out == np.iinfo(np.int16).max] = NO_YEAR
            self._years = out
        return self._years

    def label_of(self, iri: str) -> str | None:
        """The label of a node, if the index has one."""
        i = self.node_ids().get(iri)
        return None if i is None else self.labels[i]

    def year_of(self, iri: str) -> int | None:
        """The year of a film, if the index has one."""
        i = self.node_ids().get(iri)
        return None if i is None or self.years[i] == NO_YEAR else int(self.years[i])

    # -- changes --

    def without_graphs(self, graphs: Iterable[str]) -> CreditIndex:
        """The index without the credits, labels and years of ``graphs`` (node numbers stay)."""
        gone = set(graphs)
        dead = np.asarray([i for i, g in enumerate(self.graphs) if g in gone], dtype=np.int32)
        if not len(dead):
            return self
        keep = ~np.isin(self.graph, dead)
        keep_l = ~np.isin(self.label_graph, dead)
        keep_y = ~np.isin(self.year_graph, dead)
        return CreditIndex(
            self.nodes,
            self.graphs,
            self.graph[keep],
            self.film[keep],
            self.role[keep],
            self.agent[keep],
            self.label_graph[keep_l],
            self.label_node[keep_l],
            [t for t, k in zip(self.label_text, keep_l.tolist(), strict=True) if k],
            self.year_graph[keep_y],
            self.year_node[keep_y],
            self.year_value[keep_y],
            self._ids,
        )

    def with_graph(
        self,
        graph: str,
        rows: Iterable[tuple[str, str, str]],
        *,
        labels: Mapping[str, str] | None = None,
        years: Mapping[str, int | None] | None = None,
    ) -> CreditIndex:
        """The index with the credits ``rows`` (``film, role name, agent``) of ``graph`` added,
        and the ``labels`` and film ``years`` that graph gives (a node keeps its smallest label
        and a film its earliest year, whichever graph gives them)."""
        return self.with_rows(
            ((graph, *r) for r in rows),
            labels=((graph, k, v) for k, v in (labels or {}).items()),
            years=((graph, k, v) for k, v in (years or {}).items()),
        )

    def with_rows(
        self,
        rows: Iterable[tuple[str, str, str, str]],
        *,
        labels: Iterable[tuple[str, str, str]] = (),
        years: Iterable[tuple[str, str, int | None]] = (),
    ) -> CreditIndex:
        """The index with credits ``rows`` (``graph, film, role name, agent``), ``labels``
        (``graph, node, label``) and ``years`` (``graph, film, year``) added."""
        nodes = list(self.nodes)
        ids = dict(self.node_ids())
        role_of = {name: i for i, name in enumerate(ROLE_NAMES)}
        graphs = list(self.graphs)
        graph_ids = {g: i for i, g in enumerate(graphs)}

        node, graph_of = _numberer(nodes, ids), _numberer(graphs, graph_ids)

        cols: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
        graph_col, film_col, role_col, agent_col = cols
        known, last, number = ids.get, None, -1  # a node known already: no call (most of them)
        for graph, film, role, agent in rows:
            if graph != last:  # the rows of a graph come together
                last, number = graph, graph_of(graph)
            graph_col.append(number)
            f, a = known(film), known(agent)
            film_col.append(node(film) if f is None else f)
            role_col.append(role_of[role])
            agent_col.append(node(agent) if a is None else a)
        label_cols: tuple[list[int], list[int], list[str]] = ([], [], [])
        for graph, iri, text in labels:
            label_cols[0].append(graph_of(graph))
            label_cols[1].append(node(iri))
            label_cols[2].append(text)
        year_cols: tuple[list[int], list[int], list[int]] = ([], [], [])
        for graph, iri, year in years:
            if year is not None and -32767 < year < 32767:
                year_cols[0].append(graph_of(graph))
                year_cols[1].append(node(iri))
                year_cols[2].append(year)

        def cat(old: np.ndarray, new: list[int]) -> np.ndarray:
            return np.concatenate([old, np.asarray(new, dtype=old.dtype)])

        return CreditIndex(
            nodes,
            graphs,
            cat(self.graph, cols[0]),
            cat(self.film, cols[1]),
            cat(self.role, cols[2]),
            cat(self.agent, cols[3]),
            cat(self.label_graph, label_cols[0]),
            cat(self.label_node, label_cols[1]),
            self.label_text + label_cols[2],
            cat(self.year_graph, year_cols[0]),
            cat(self.year_node, year_cols[1]),
            cat(self.year_value, year_cols[2]),
            ids,
        )

    def with_graph_from(self, reader: GraphReader, graph: str) -> CreditIndex:
        """The index with the credits, labels and years of ``graph`` read from ``reader`` (one
        query each over that graph alone: the cost is the graph's, not the store's)."""
        return self.with_graphs_from(reader, [graph])

    def with_graphs_from(self, reader: GraphReader, graphs: Iterable[str]) -> CreditIndex:
        """:meth:`with_graph_from` for many graphs (a load of many articles): the index is
        extended once, not copied once per graph."""
        rows: list[tuple[str, str, str, str]] = []
        labels: list[tuple[str, str, str]] = []
        years: list[tuple[str, str, int | None]] = []
        for graph in graphs:
            where = {"g": URIRef(graph)}
            rows.extend(
                (graph, *r) for r in _credit_rows(reader.text_rows(_CREDITS_IN, bindings=where))
            )
            found = _labels(reader.text_rows(_LABELS % "GRAPH ?g", bindings=where))
            labels.extend((graph, node, text) for node, text in found.items())
            # the graph written into the text: bound as a parameter, Oxigraph reads the OPTIONALs
            # of every graph (0.2 s per graph beside the Wikidata table, against 0.2 ms)
            dated = _film_years(reader.text_rows(_YEARS % f"GRAPH {URIRef(graph).n3()}"))
            years.extend((graph, film, year) for film, year in dated.items())
        return self.with_rows(rows, labels=labels, years=years)

    # -- reading --

    def unique_credits(self, roles: Sequence[str] | None = None) -> tuple[np.ndarray, ...]:
        """``(film, role, agent)`` columns with each credit once, whichever graphs state it
        (RDF set semantics), keeping only ``roles`` (names) when given."""
        film, role, agent = self.film, self.role, self.agent
        if roles is not None:
            wanted = np.asarray([ROLE_NAMES.index(r) for r in roles], dtype=np.int8)
            keep = np.isin(role, wanted)
            film, role, agent = film[keep], role[keep], agent[keep]
        if not len(film):
            return film, role, agent
        key = (film.astype(np.int64) << 36) | (role.astype(np.int64) << 31) | agent.astype(np.int64)
        _, first = np.unique(key, return_index=True)
        return film[first], role[first], agent[first]

    # -- bytes --

    def to_bytes(self) -> bytes:
        """The index as bytes (numpy ``.npz``) to keep as a sidecar."""
        out = io.BytesIO()
        np.savez(
            out,
            format=np.asarray([_FORMAT]),
            nodes=_text_array(list(self.nodes)),
            graphs=_text_array(self.graphs),
            label_text=_text_array([t.replace("\n", " ") for t in self.label_text]),
            graph=self.graph,
            film=self.film,
            role=self.role,
            agent=self.agent,
            label_graph=self.label_graph,
            label_node=self.label_node,
            year_graph=self.year_graph,
            year_node=self.year_node,
            year_value=self.year_value,
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> CreditIndex:
        """An index written by :meth:`to_bytes`; raises ``ValueError`` if it is not one."""
        try:
            arrays: Any = np.load(io.BytesIO(data), allow_pickle=False)
            if int(arrays["format"][0]) != _FORMAT:
                raise ValueError(f"credit index format {int(arrays['format'][0])}")

            def text(name: str) -> list[str]:
                raw = arrays[name].tobytes().decode("utf-8")
                return raw.split("\n") if raw else []

            index = cls(
                NodeList(arrays["nodes"]),
                text("graphs"),
                arrays["graph"],
                arrays["film"],
                arrays["role"],
                arrays["agent"],
                arrays["label_graph"],
                arrays["label_node"],
                text("label_text"),
                arrays["year_graph"],
                arrays["year_node"],
                arrays["year_value"],
            )
        except (OSError, KeyError, ValueError, EOFError) as err:
            raise ValueError(f"not a credit index: {err}") from err
        if len(index.label_text) != len(index.label_node):
            raise ValueError("not a credit index: labels and their nodes differ in number")
        return index


class NodeList(Sequence[str]):
    """Node IRIs kept as one UTF-8 byte array (newline-separated), decoded one at a time when
    asked, or all at once after many asks: an aggregate that names 100 people out of millions
    decodes 100.

    >>> nodes = NodeList(np.frombuffer(b"urn:a\\nurn:b", dtype=np.uint8))
    >>> len(nodes), nodes[1], list(nodes)
    (2, 'urn:b', ['urn:a', 'urn:b'])
    """

    _MANY = 10_000

    def __init__(self, blob: np.ndarray) -> None:
        self._blob = blob.tobytes()
        breaks = np.flatnonzero(blob == ord("\n"))
        self._starts = np.concatenate([[0], breaks + 1]) if len(blob) else np.zeros(0, np.int64)
        self._ends = np.concatenate([breaks, [len(blob)]]) if len(blob) else np.zeros(0, np.int64)
        self._all: list[str] | None = None
        self._asked = 0

    def __len__(self) -> int:
        return len(self._starts)

    def _decoded(self) -> list[str]:
        if self._all is None:
            self._all = self._blob.decode("utf-8").split("\n") if self._blob else []
        return self._all

    def __getitem__(self, i: Any) -> Any:
        if self._all is not None or isinstance(i, slice):
            return self._decoded()[i]
        self._asked += 1
        if self._asked > self._MANY:
            return self._decoded()[i]
        return self._blob[int(self._starts[i]) : int(self._ends[i])].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())


def _numberer(names: list[str], ids: dict[str, int]) -> Callable[[str], int]:
    """A function giving each name its number in ``names`` (appending new ones)."""

    def number(name: str) -> int:
        i = ids.get(name)
        if i is None:
            i = ids[name] = len(names)
            names.append(name)
        return i

    return number


def _text_array(items: list[str]) -> np.ndarray:
    """Strings (without newlines) as one UTF-8 byte array, newline-separated."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _credit_rows(rows: Iterable[tuple[str | None, ...]]) -> list[tuple[str, str, str]]:
    out = []
    for film, prop, agent in rows:
        if film is not None and prop is not None and agent is not None:
            out.append((film, ROLE_NAMES[_PROPERTY[prop]], agent))
    return out


def _labels(rows: Iterable[tuple[str | None, ...]]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for s, label in rows:
        if s is not None and label is not None and (s not in labels or label < labels[s]):
            labels[s] = label  # the smallest of several labels: deterministic
    return labels


def _film_years(rows: Iterable[tuple[str | None, ...]]) -> dict[str, int | None]:
    years: dict[str, int | None] = {}
    for s, year, date in rows:
        if s is None:
            continue
        y = _year(year) or _year(date)  # kg:year first, else the release date's year
        old = years.get(s)
        years[s] = y if old is None or (y is not None and y < old) else old
    return years


def read_index(reader: GraphReader, *, graphs: bool = True) -> CreditIndex:
    """The credit index of everything ``reader`` holds, read in full (three flat queries: the
    credits, every ``rdfs:label``, the films' years). ``graphs=False`` reads the credits of the
    default graph without telling the graphs apart (one graph ``""``): what a projection of a
    SPARQL server needs, where the named graphs may not be readable.

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     len(read_index(store))
    0
    """
    rows: list[tuple[str, str, str, str]] = []
    if graphs:
        for g, film, prop, agent in reader.text_rows(_CREDITS_ALL):
            if g is not None and film is not None and prop is not None and agent is not None:
                rows.append((g, film, ROLE_NAMES[_PROPERTY[prop]], agent))
        labels = _graph_rows(reader.text_rows(_LABELS_ALL))
        years = [
            (g, film, _year(year) or _year(date))
            for g, film, year, date in reader.text_rows(_YEARS_ALL)
            if g is not None and film is not None
        ]
        return CreditIndex.empty().with_rows(rows, labels=labels, years=years)
    query = f"SELECT ?film ?p ?agent WHERE {{ VALUES ?p {{ {_ROLE_VALUES} }} ?film ?p ?agent }}"
    return CreditIndex.empty().with_graph(
        "",
        _credit_rows(reader.text_rows(query)),
        labels=_labels(reader.text_rows(_LABELS % "")),
        years=_film_years(reader.text_rows(_YEARS % "")),
    )


def _graph_rows(rows: Iterable[tuple[str | None, ...]]) -> list[tuple[str, str, str]]:
    return [(g, s, o) for g, s, o in rows if g is not None and s is not None and o is not None]


def index_of(reader: GraphReader) -> CreditIndex:
    """The credit index of ``reader``: the one a store keeps beside its generation when it has
    one, else read in full (:func:`read_index`, without telling the graphs apart).

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     len(index_of(store))
    0
    """
    read = getattr(reader, "read_sidecar", None)  # a store keeps one; a SPARQL server does not
    data = read(SIDECAR) if read is not None else None
    if data is not None:
        try:
            return CreditIndex.from_bytes(data)
        except ValueError:
            pass  # an older format: read the store
    return read_index(reader, graphs=False)
