"""Statistics the store keeps up to date on each load and unload, and the aggregates they answer.

A count over the whole graph (how many films, people with the most credits, director-actor
pairs) costs a scan of the store on every query: seconds at 2M triples and ten times that at 20M.
Instead, ``kg load`` and ``kg unload`` keep two sidecars beside each generation of the store
(:meth:`kg.store.Store.write_sidecar`), updated from the graphs they wrote or removed only:

- the credit index (:mod:`kg.credits`): every credit as integer columns;
- the type summary (:class:`TypeSummary`): per named graph, its size and, per class, the 64-bit
  hashes of its members (and, per role, of the credit nodes with that ``kg:role``), so that a
  count of distinct members over several graphs is a union of sorted arrays, exact but for a
  hash collision (about 1 in 10^12 at a million members).

:func:`answer_named_query` answers ``counts-by-type``, ``busiest-people``,
``people-most-studios`` and ``director-actor-pairs`` from them: the inner aggregate of each
query (the per-class totals, and the top 100 rows by numpy and scipy from the credit index) is
worked out when the summaries are kept, once per load, and stored with the generation it
describes (its provenance); a query runs the rest of the named query (labels, filters, order)
in the store over those rows (a ``VALUES`` block in place of the inner ``SELECT``), so the
answer has the same columns, terms and order as the SPARQL. :func:`summary_stats` gives
``kg stats`` its counts. A generation without the sidecars (written by a SPARQL Update or
``kg reason``) answers ``None``: the caller then runs the SPARQL as before.

>>> from kg.store import Store
>>> from rdflib import URIRef
>>> with Store.memory() as store:
...     with store.writing():
...         _ = store.add_triples("urn:g", [(URIRef("urn:f"), KG.castMember, URIRef("urn:a"))])
...         keep_summaries(store, ["urn:g"])
...     index, types = read_summaries(store)
>>> len(index), types.triples()
(1, 1)
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from .credits import ROLE_NAMES, CreditIndex
from .credits import SIDECAR as CREDIT_SIDECAR
from .iri import CONFLICTS_GRAPH, ONTOLOGY_GRAPH
from .model import ROLES
from .namespace import KG
from .store import QueryResult, Store
from .triples import CreditNote

__all__ = [
    "SIDECAR",
    "SUMMARY_QUERIES",
    "TypeSummary",
    "answer_named_query",
    "graph_sizes",
    "keep_summaries",
    "read_summaries",
    "summary_stats",
]

SIDECAR = "type-summary"
"""The sidecar key of the type summary."""

_FORMAT = 2
_ROLE_KEY = "role:"  # members of a role: credit nodes with that kg:role
_CREDITS_KEY = "credits:"  # per role property: (credits, distinct people) in the credit index
_TYPES = "SELECT ?x ?t WHERE { GRAPH ?g { ?x a ?t } }"
_ROLES = f"SELECT ?x ?r WHERE {{ GRAPH ?g {{ ?x <{KG.role}> ?r }} }}"
_CONTRIBUTOR_ROLES = (
    f"SELECT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ "
    f"?p <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <{KG.contributor}> }} }}"
)
_ROLE_OF = {str(KG[r.property_name]): i for i, r in enumerate(ROLES)}
"""Role property IRI -> role number in the credit index."""


def _digests(iris: Iterable[str], known: Mapping[str, bytes] | None = None) -> list[bytes]:
    """The 8-byte blake2b digest of each IRI, in order."""
    blake2b = hashlib.blake2b
    if known is None:
        return [blake2b(i.encode("utf-8"), digest_size=8).digest() for i in iris]
    get = known.get
    return [get(i) or blake2b(i.encode("utf-8"), digest_size=8).digest() for i in iris]


def _sorted_hashes(digests: list[bytes]) -> np.ndarray:
    """The digests as sorted distinct little-endian integers."""
    values = np.frombuffer(b"".join(digests), dtype="<u8").astype(np.uint64)  # a copy
    return _distinct(values)


def _distinct(values: np.ndarray, kind: Any = None) -> np.ndarray:
    """The distinct values of ``values`` in order, as ``np.unique`` gives them, found by
    sorting ``values`` in place (``kind``: the sort's). ``np.unique`` hashes the values before
    it sorts them: ten to twenty times the time of this sort.

    >>> _distinct(np.array([5, 1, 5, 2], dtype=np.int32)).tolist()
    [1, 2, 5]
    """
    values.sort(kind=kind)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


_CREDIT = str(KG.Credit)


def _hashed(members: Mapping[str, Iterable[str]]) -> dict[str, np.ndarray]:
    """Each key's members as the sorted distinct 64-bit hashes of their IRIs (blake2b: the same
    in every process). A credit node is a member of ``kg:Credit`` and of its role's key: it is
    hashed once (a third of the hashing of a table).

    >>> hashed = _hashed({_CREDIT: ["urn:c", "urn:d"], "role:urn:r": ["urn:d", "urn:d"]})
    >>> hashed["role:urn:r"].tolist() == _hashed({"k": ["urn:d"]})["k"].tolist()
    True
    >>> len(hashed[_CREDIT]), hashed[_CREDIT].dtype
    (2, dtype('uint64'))
    """
    out: dict[str, np.ndarray] = {}
    known: dict[str, bytes] | None = None
    for key, iris in members.items():
        if key == _CREDIT:
            iris = list(iris)
            digests = _digests(iris)
            known = dict(zip(iris, digests, strict=True))
        else:
            digests = _digests(iris, known if key.startswith(_ROLE_KEY) else None)
        out[key] = _sorted_hashes(digests)
    return out


def _union(parts: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of sorted distinct arrays, as ``np.unique`` of their
    concatenation gives them, without sorting them again: the stable sort of the concatenated
    runs merges them (timsort finds the runs), in time linear in the values for a few parts.
    (``np.unique`` hashed or sorted every part but the biggest, which with many tables of a
    size is the whole store, at 26 times the cost.)

    >>> _union([np.array([1, 5, 9], dtype=np.uint64), np.array([2, 5], dtype=np.uint64)]).tolist()
    [1, 2, 5, 9]
    """
    return _distinct(np.concatenate(parts), kind="stable")


@dataclass
class TypeSummary:
    """Per named graph: its size, and the hashed members of each class (see the module
    docstring); immutable in use.

    >>> s = TypeSummary({}).with_graph("urn:g", 3, {"urn:Film": ["urn:a", "urn:b"]})
    >>> s = s.with_graph("urn:h", 1, {"urn:Film": ["urn:b"]})
    >>> s.count("urn:Film"), s.triples()
    (2, 4)
    >>> TypeSummary.from_bytes(s.without(["urn:g"]).to_bytes()).count("urn:Film")
    1
    """

    graphs: dict[str, tuple[int, dict[str, np.ndarray]]]
    totals: dict[str, tuple[int, int]] = field(default_factory=dict)
    answers: dict[str, list[list[str | int]]] = field(default_factory=dict)
    """The inner rows of the aggregate named queries (IRIs and counts), worked out when the
    summary is kept: the generation they were computed for is their provenance."""
    """Per class: distinct members in all graphs, and in the data (all graphs but the ontology,
    less what the ontology itself types so); per ``role:`` key, the credits with that role.
    Worked out by :meth:`with_totals` when the summary is kept, so that reading a count costs
    nothing."""

    def with_totals(
        self,
        credits_by_role: Mapping[str, tuple[int, int]],
        answers: Mapping[str, list[list[str | int]]] | None = None,
    ) -> TypeSummary:
        """The summary with :attr:`totals` worked out from the graphs, and the credits and
        distinct people of each role property (``credits:`` keys, from the credit index)."""
        totals: dict[str, tuple[int, int]] = {
            _CREDITS_KEY + prop: counts for prop, counts in credits_by_role.items()
        }
        schema = self.graphs.get(ONTOLOGY_GRAPH, (0, {}))[1]
        credits = self.members(str(KG.Credit))
        for key in sorted(self.classes()):
            if key.startswith(_ROLE_KEY):
                n = int(np.isin(self.members(key), credits, assume_unique=True).sum())
                totals[key] = (n, n)
                continue
            everything = len(self.members(key))
            if key not in schema:  # the ontology has no member of it: the data has them all
                totals[key] = (everything, everything)
                continue
            inside = self.members(key, exclude=[ONTOLOGY_GRAPH])
            totals[key] = (everything, int((~np.isin(inside, schema[key])).sum()))
        return TypeSummary(self.graphs, totals, dict(answers or {}))

    def without(self, graphs: Iterable[str]) -> TypeSummary:
        """The summary without ``graphs``."""
        gone = set(graphs)
        return TypeSummary({g: v for g, v in self.graphs.items() if g not in gone})

    def with_graph(
        self, graph: str, size: int, members: Mapping[str, Iterable[str]]
    ) -> TypeSummary:
        """The summary with ``graph`` (of ``size`` triples) and its class ``members`` (IRIs)."""
        return TypeSummary({**self.graphs, graph: (size, _hashed(members))})

    def with_graphs(
        self, graphs: Iterable[tuple[str, int, Mapping[str, Iterable[str]]]]
    ) -> TypeSummary:
        """:meth:`with_graph` for many ``(graph, size, members)`` at once (one copy)."""
        out = dict(self.graphs)
        for graph, size, members in graphs:
            out[graph] = (size, _hashed(members))
        return TypeSummary(out)

    def with_graph_from(self, store: Store, graph: str) -> TypeSummary:
        """The summary with ``graph`` read from ``store`` (two queries over that graph alone)."""
        where = {"g": URIRef(graph)}
        members: dict[str, list[str]] = {}
        for x, t in store.text_rows(_TYPES, bindings=where):
            if x is not None and t is not None:
                members.setdefault(t, []).append(x)
        for x, r in store.text_rows(_ROLES, bindings=where):
            if x is not None and r is not None:
                members.setdefault(_ROLE_KEY + r, []).append(x)
        return self.with_graph(graph, store.graph_size(graph), members)

    def members(self, key: str, *, exclude: Iterable[str] = ()) -> np.ndarray:
        """Hashes of the members of ``key`` (a class IRI) in all graphs but ``exclude``."""
        skip = set(exclude)
        parts = [m[key] for g, (_, m) in self.graphs.items() if g not in skip and key in m]
        if not parts:
            return np.zeros(0, dtype=np.uint64)
        return parts[0] if len(parts) == 1 else _union(parts)

    def count(self, key: str, *, exclude: Iterable[str] = ()) -> int:
        """How many distinct members ``key`` has in all graphs but ``exclude``."""
        return len(self.members(key, exclude=exclude))

    def classes(self) -> set[str]:
        """Every class (and ``role:`` key) some graph has members of."""
        return {k for _, m in self.graphs.values() for k in m}

    def triples(self, *, exclude: Iterable[str] = ()) -> int:
        """Triples in all graphs but ``exclude`` (a triple in two graphs counts twice)."""
        skip = set(exclude)
        return sum(size for g, (size, _) in self.graphs.items() if g not in skip)

    def to_bytes(self) -> bytes:
        """The summary as bytes (numpy ``.npz``: a JSON header and one array of hashes)."""
        graphs: list[Any] = []
        arrays: list[np.ndarray] = []
        for graph, (size, members) in self.graphs.items():
            graphs.append([graph, size, [[k, len(v)] for k, v in members.items()]])
            arrays.extend(members.values())
        header = {"graphs": graphs, "totals": self.totals, "answers": self.answers}
        out = io.BytesIO()
        np.savez(
            out,
            format=np.asarray([_FORMAT]),
            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
            hashes=np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.uint64),
        )
        return out.getvalue()

    @staticmethod
    def header_of(data: bytes) -> tuple[dict[str, Any], Any]:
        """The JSON header of bytes written by :meth:`to_bytes` (graph sizes, totals) and the
        still unread arrays; raises ``ValueError`` if they are not a summary."""
        try:
            arrays: Any = np.load(io.BytesIO(data), allow_pickle=False)
            if int(arrays["format"][0]) != _FORMAT:
                raise ValueError(f"type summary format {int(arrays['format'][0])}")
            header: dict[str, Any] = json.loads(arrays["header"].tobytes().decode("utf-8"))
        except (OSError, KeyError, ValueError, TypeError, EOFError) as err:
            raise ValueError(f"not a type summary: {err}") from err
        return header, arrays

    @classmethod
    def from_bytes(cls, data: bytes) -> TypeSummary:
        """A summary written by :meth:`to_bytes`; raises ``ValueError`` if it is not one."""
        header, arrays = cls.header_of(data)
        try:
            hashes = arrays["hashes"]
            graphs: dict[str, tuple[int, dict[str, np.ndarray]]] = {}
            at = 0
            for graph, size, keys in header["graphs"]:
                members = {}
                for key, n in keys:
                    members[key] = hashes[at : at + n]
                    at += n
                graphs[graph] = (int(size), members)
        except (OSError, KeyError, ValueError, TypeError, EOFError) as err:
            raise ValueError(f"not a type summary: {err}") from err
        totals = {k: (int(a), int(b)) for k, (a, b) in header["totals"].items()}
        return cls(graphs, totals, header.get("answers", {}))


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_WATCHED = [_RDF_TYPE, _RDFS_LABEL, str(KG.role), str(KG.year), str(KG.releaseDate), *_ROLE_OF]
_LINE = re.compile(
    r"^<([^>]*)> <(" + "|".join(re.escape(p) for p in _WATCHED) + r")> (.*) \.$", re.MULTILINE
)
_TYPE, _ROLE, _LABEL, _OTHER = "=type", "=role", "=label", "=other"


def _watched_kind(predicate: str) -> str:
    """The kind :data:`_WATCHED_TERMS` gives a watched predicate (a role name for a role
    property)."""
    if predicate == _RDF_TYPE:
        return _TYPE
    if predicate == str(KG.role):
        return _ROLE
    if predicate == _RDFS_LABEL:
        return _LABEL
    return ROLE_NAMES[_ROLE_OF[predicate]] if predicate in _ROLE_OF else _OTHER


_WATCHED_TERMS = {f"<{p}>": _watched_kind(p) for p in _WATCHED}
"""Each watched predicate as an N-Triples term: ``_TYPE``, ``_ROLE`` (``kg:role``), ``_LABEL``,
the role name of a role property (a credit of the index), or ``_OTHER`` (a year or date, which
:meth:`GraphTally._note_rows` takes). The kinds start with ``=``, which no role name does."""
_ONE_LINE = re.compile(_LINE.pattern[1:])
""":data:`_LINE` for one line (its ``$`` before the line's break)."""
_UNESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "r": "\r"}


def _lexical(term: str) -> str:
    """The lexical form of an N-Triples literal as kg's writer spells it (``"..."`` with an
    optional ``@lang`` or ``^^<datatype>``)."""
    text = term[1 : term.rindex('"')]
    if "\\" in text:
        text = _UNESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), text)
    return text


@dataclass
class GraphTally:
    """What the summaries need from one graph, taken from its N-Triples lines as they are
    written (a table's bulk load) instead of reading the graph back (about 8 s on the
    Wikidata table).

    >>> t = GraphTally()
    >>> lines = ['<urn:f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/filmkg/ontology#Film> .\\n'
    ...          '<urn:f> <http://www.w3.org/2000/01/rdf-schema#label> "Say \\\\"hi\\\\"" .\\n']
    >>> _ = list(t.observe(lines))
    >>> t.labels, dict(t.members)
    ({'urn:f': 'Say "hi"'}, {'https://w3id.org/filmkg/ontology#Film': ['urn:f']})
    """

    credits: list[tuple[str, str, str]] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    year: dict[str, int] = field(default_factory=dict)
    date_year: dict[str, int] = field(default_factory=dict)
    size: int | None = None
    _roles: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    """Each role individual met (an N-Triples term) -> its members (:meth:`note_row`)."""

    @classmethod
    def of_lines(cls, lines: Iterable[str]) -> GraphTally:
        """The tally of a graph written as these distinct N-Triples ``lines`` (an article's),
        its size included.

        >>> GraphTally.of_lines(['<urn:f> <https://w3id.org/filmkg/ontology#year> "1999" .\\n']).year
        {'urn:f': 1999}
        """
        tally = cls()
        match = _ONE_LINE.match  # line by line: a multi-line pattern tries every character
        watched = _watched_lines(lines)
        tally._note_rows((m[1], m[2], m[3]) for m in map(match, watched) if m is not None)
        tally.size = sum(line.count("\n") for line in lines)
        return tally

    def observe(self, chunks: Iterable[str]) -> Iterator[str]:
        """Pass ``chunks`` (N-Triples text, one or more whole lines each) through, noting the
        triples the summaries need."""
        for chunk in chunks:
            self._note(chunk)
            yield chunk

    def _note(self, chunk: str) -> None:
        self._note_rows(_LINE.findall(chunk))

    def note_terms(self, triples: Iterable[tuple[str, str, str]]) -> None:
        """Note triples given as their N-Triples terms (``<iri>``, ``"literal"``), as they are
        made into lines (:func:`kg.triples.facts_to_ntriples`): what :meth:`observe` takes
        from the lines, without searching the text again (a pattern over every line of a big
        table cost a sixth of its load).

        >>> t = GraphTally()
        >>> t.note_terms([("<urn:f>", "<https://w3id.org/filmkg/ontology#year>", '"1999"')])
        >>> t.year
        {'urn:f': 1999}
        """
        watched = _WATCHED_TERMS
        members, credits, labels = self.members, self.credits, self.labels
        rest = []
        for s, p, o in triples:
            kind = watched.get(p)
            if kind is None or s[0] != "<":
                continue
            if kind == _TYPE:  # the most common four first, without a call per triple
                members.setdefault(o[1:-1], []).append(s[1:-1])
            elif kind == _ROLE:  # in order with the types: the members' keys keep their order
                members.setdefault(_ROLE_KEY + o[1:-1], []).append(s[1:-1])
            elif kind == _LABEL:  # as _note_rows takes it
                text = o[1 : o.rindex('"')]
                if "\\" in text:
                    text = _lexical(o)
                subject = s[1:-1]
                old = labels.get(subject)
                if old is None or text < old:
                    labels[subject] = text
            elif kind != _OTHER:
                credits.append((s[1:-1], kind, o[1:-1]))
            else:
                rest.append((s[1:-1], p[1:-1], o))
        if rest:
            self._note_rows(rest)

    def note_row(self, triples: list[tuple[str, str, str]], credits: list[CreditNote]) -> None:
        """:meth:`note_terms` of a table row's ``triples`` and ``credits`` (as
        :func:`kg.triples.table_rows_to_ntriples` shows them): the credits are noted from their
        notes, not looked for among the triples (most of a table's watched triples are about
        credits). The members' keys keep the order of their first triple: a row whose credits
        have a role not met before (the first rows) is noted triple by triple.

        >>> row = [("<urn:f>", "<https://w3id.org/filmkg/ontology#director>", "<urn:p>")]
        >>> row += [("<urn:c>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{_CREDIT}>"),
        ...         ("<urn:c>", f"<{_KG_ROLE}>", "<urn:Director>")]
        >>> t = GraphTally()
        >>> t.note_row(row, [(0, 3, "urn:f", row[0][1], "urn:p", "urn:c", "<urn:Director>")])
        >>> t.credits, list(t.members)
        ([('urn:f', 'director', 'urn:p')], ['https://w3id.org/filmkg/ontology#Credit', 'role:urn:Director'])
        """
        watched, roles = _WATCHED_TERMS, self._roles
        nodes = self.members.get(_CREDIT)
        if nodes is None or not all(note[6] is None or note[6] in roles for note in credits):
            self.note_terms([t for t in triples if t[1] in watched])
            for note in credits:  # their keys exist now
                if note[6] is not None:
                    roles[note[6]] = self.members[_ROLE_KEY + note[6][1:-1]]
            return
        rest, at = [], 0
        for start, end, *_ in credits:
            rest += triples[at:start]
            at = end
        rest += triples[at:]
        self.note_terms([t for t in rest if t[1] in watched])
        add_credit = self.credits.append
        for _, _, film, prop, agent, node, role in credits:
            add_credit((film, watched[prop], agent))
            if node is not None and role is not None:
                nodes.append(node)
                roles[role].append(node)

    def _note_rows(self, rows: Iterable[tuple[str, str, str]]) -> None:
        role_of = _ROLE_OF
        for s, p, o in rows:
            if p == _RDF_TYPE:
                self.members.setdefault(o[1:-1], []).append(s)
            elif p in role_of:
                self.credits.append((s, ROLE_NAMES[role_of[p]], o[1:-1]))
            elif p == _RDFS_LABEL:
                text = _lexical(o)
                old = self.labels.get(s)
                if old is None or text < old:
                    self.labels[s] = text
            elif p == _KG_ROLE:
                self.members.setdefault(_ROLE_KEY + o[1:-1], []).append(s)
            else:
                y = _year_of(_lexical(o))
                into = self.year if p == _KG_YEAR else self.date_year
                if y is not None and (s not in into or y < into[s]):
                    into[s] = y

    def film_years(self) -> dict[str, int | None]:
        """Each film's year: its ``kg:year``, else the year of its earliest release date."""
        films = self.members.get(str(KG.Film), [])
        return {f: self.year.get(f, self.date_year.get(f)) for f in films}


_KG_ROLE, _KG_YEAR = str(KG.role), str(KG.year)


def _watched_lines(lines: Iterable[str]) -> Iterator[str]:
    """The ``lines`` :data:`_ONE_LINE` may match, found by splitting (most lines of an article,
    about its evidence, have a predicate nobody watches: the pattern is not tried on them). A
    line whose first word is an IRI ending at its first ``>`` can match only if its second word
    is a watched predicate; any other line is left to the pattern.

    >>> list(_watched_lines(['<urn:f> <urn:p> "x" .\\n', '<urn:a b> <urn:p> "y" .\\n']))
    ['<urn:a b> <urn:p> "y" .\\n']
    """
    watched = _WATCHED_TERMS
    for line in lines:
        words = line.split(" ", 2)
        if len(words) < 3 or words[0][-1:] != ">" or words[1] in watched:
            yield line


_YEAR = re.compile(r"-?\d{4}")


def _year_of(text: str) -> int | None:
    match = _YEAR.match(text)
    return int(match.group()) if match else None


# --- keeping them ------------------------------------------------------------------------------


def read_summaries(store: Store) -> tuple[CreditIndex, TypeSummary] | None:
    """The credit index and type summary kept with the generation ``store`` reads, or ``None``
    when it has none (or an older format).

    >>> with Store.memory() as store:
    ...     read_summaries(store) is None
    True
    """
    credits, types = store.read_sidecar(CREDIT_SIDECAR), store.read_sidecar(SIDECAR)
    if credits is None or types is None:
        return None
    try:
        return CreditIndex.from_bytes(credits), TypeSummary.from_bytes(types)
    except ValueError:
        return None


def keep_summaries(
    store: Store, touched: Iterable[str], tallies: Mapping[str, GraphTally] | None = None
) -> None:
    """Bring the summaries up to date after a load or unload wrote or removed the graphs
    ``touched`` (inside its ``store.writing()`` block): the graphs touched, and any the
    summaries do not know, are read again; the others are kept as they are. Without summaries
    (a store loaded before they existed, or after a SPARQL Update), every graph is read once.
    A graph with a :class:`GraphTally` in ``tallies`` (taken as it was written) is not read.
    """
    graphs = set(store.named_graphs())
    kept = read_summaries(store)
    if kept is None:
        index, types, stale = CreditIndex.empty(), TypeSummary({}), set(graphs)
    else:
        index, types = kept
        stale = set(touched) | {CONFLICTS_GRAPH} | (graphs - set(types.graphs))
    gone = (set(types.graphs) - graphs) | stale
    index, types = index.without_graphs(gone), types.without(gone)
    tallies = tallies or {}
    unread = [g for g in sorted(stale & graphs) if g not in tallies]
    tallied = [(g, tallies[g]) for g in sorted(stale & graphs) if g in tallies]
    index = index.with_graphs_from(store, unread)
    # the tallied graphs (a table, or each article of a folder) extend the index once
    index = index.with_rows(
        ((g, *row) for g, tally in tallied for row in tally.credits),
        labels=((g, node, text) for g, tally in tallied for node, text in tally.labels.items()),
        years=((g, film, y) for g, tally in tallied for film, y in tally.film_years().items()),
    )
    for graph in unread:
        types = types.with_graph_from(store, graph)
    types = types.with_graphs(
        (g, tally.size if tally.size is not None else store.graph_size(g), tally.members)
        for g, tally in tallied
    )
    store.write_sidecar(CREDIT_SIDECAR, index.to_bytes())
    answers = {}
    for name, (_, compute) in SUMMARY_QUERIES.items():
        if name != "counts-by-type" and (rows := compute(store, index)) is not None:
            answers[name] = [[str(c) if isinstance(c, URIRef) else int(c) for c in r] for r in rows]
    store.write_sidecar(SIDECAR, types.with_totals(_role_counts(index), answers).to_bytes())


def _role_counts(index: CreditIndex) -> dict[str, tuple[int, int]]:
    """Per role property: distinct credits (film, person) and distinct people."""
    _, role, agent = index.unique_credits()
    out = {}
    for number, spec in enumerate(ROLES):
        mine = role == number
        if mine.any():
            out[str(KG[spec.property_name])] = (int(mine.sum()), len(_distinct(agent[mine])))
    return out


# --- answering -----------------------------------------------------------------------------------


def _header(store: Store) -> dict[str, Any] | None:
    """The type summary's header (graph sizes and totals) without its arrays, or ``None``."""
    data = store.read_sidecar(SIDECAR)
    if data is None:
        return None
    try:
        return TypeSummary.header_of(data)[0]
    except ValueError:
        return None


def summary_stats(store: Store) -> dict[str, Any] | None:
    """``kg stats`` counts (see :func:`kg.stats.graph_stats`) from the summaries, or ``None``
    when the store keeps none. Reads the totals kept on load: no count is made here.

    >>> with Store.memory() as store:
    ...     summary_stats(store) is None
    True
    """
    header = _header(store)
    if header is None:
        return None
    totals = {k: v[0] for k, v in header["totals"].items()}
    by_role = {
        key[len(_ROLE_KEY) :].split("#", 1)[-1]: n
        for key, n in totals.items()
        if key.startswith(_ROLE_KEY) and n
    }
    graphs = [g for g in store.named_graphs() if g != ONTOLOGY_GRAPH]
    return {
        "triples": sum(size for g, size, _ in header["graphs"] if g != ONTOLOGY_GRAPH),
        "graphs": len(graphs),
        "films": totals.get(str(KG.Film), 0),
        "people": totals.get(str(KG.Person), 0),
        "organisations": totals.get(str(KG.Organization), 0),
        "credits": totals.get(str(KG.Credit), 0),
        "credits_by_role": dict(sorted(by_role.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def graph_sizes(store: Store) -> dict[str, int] | None:
    """Triples per named graph from the summaries, or ``None`` when the store keeps none.

    >>> with Store.memory() as store:
    ...     with store.writing():
    ...         _ = store.add_triples("urn:g", [(URIRef("urn:a"), KG.title, Literal("A"))])
    ...         keep_summaries(store, ["urn:g"])
    ...     graph_sizes(store)
    {'urn:g': 1}
    """
    header = _header(store)
    return None if header is None else {g: int(size) for g, size, _ in header["graphs"]}


def _contributor_roles(store: Store) -> list[int] | None:
    """Role numbers of the properties the ontology declares as ``kg:contributor`` roles; ``None``
    when one of them is not a role the index keeps."""
    out = []
    for (prop,) in store.text_rows(_CONTRIBUTOR_ROLES):
        if prop not in _ROLE_OF:
            return None
        out.append(_ROLE_OF[prop])
    return sorted(out)


def _matrix(index: CreditIndex, roles: list[int], rows: str = "agent") -> Any:
    """0/1 scipy matrix over node numbers: ``agent x film`` (``rows="agent"``) or
    ``film x agent``."""
    from scipy.sparse import csr_matrix  # scipy loads in 0.2 s: only when a count is asked

    keep = np.isin(index.role, np.asarray(roles, dtype=np.int8))
    film, agent = index.film[keep], index.agent[keep]
    n = len(index.nodes)
    r, c = (agent, film) if rows == "agent" else (film, agent)
    m = csr_matrix((np.ones(len(r), dtype=np.int32), (r, c)), shape=(n, n))
    m.sum_duplicates()
    m.data[:] = 1
    return m


def _top(keys: list[np.ndarray], limit: int = 100) -> np.ndarray:
    """Positions of the ``limit`` largest rows by ``keys`` (each descending, first key first)."""
    order = np.lexsort(tuple(-k for k in reversed(keys)))
    return order[:limit]


def _integer(n: int) -> Literal:
    return Literal(str(int(n)), datatype=XSD.integer)


def _busiest(store: Store, index: CreditIndex) -> list[tuple[Any, ...]] | None:
    roles = _contributor_roles(store)
    if roles is None:
        return None
    films = np.asarray(_matrix(index, roles).sum(axis=1)).ravel()
    people = np.flatnonzero(films)
    top = people[_top([films[people]])]
    return [(URIRef(index.nodes[p]), _integer(films[p])) for p in top.tolist()]


def _most_studios(store: Store, index: CreditIndex) -> list[tuple[Any, ...]] | None:
    roles = _contributor_roles(store)
    if roles is None:
        return None
    person_film = _matrix(index, roles)
    film_studio = _matrix(index, [ROLE_NAMES.index("production_company")], rows="film")
    has_studio = (np.diff(film_studio.indptr) > 0).astype(np.int32)
    films = person_film @ has_studio
    studios = np.diff((person_film @ film_studio).tocsr().indptr)
    people = np.flatnonzero(films)
    top = people[_top([studios[people], films[people]])]
    return [
        (URIRef(index.nodes[p]), _integer(studios[p]), _integer(films[p])) for p in top.tolist()
    ]


def _director_actor(store: Store, index: CreditIndex) -> list[tuple[Any, ...]] | None:
    d = _matrix(index, [ROLE_NAMES.index("director")])
    a = _matrix(index, [ROLE_NAMES.index("cast_member")])
    pairs = (d @ a.T).tocoo()
    keep = pairs.row != pairs.col
    row, col, n = pairs.row[keep], pairs.col[keep], pairs.data[keep]
    top = _top([n])
    return [
        (URIRef(index.nodes[row[i]]), URIRef(index.nodes[col[i]]), _integer(n[i]))
        for i in top.tolist()
    ]


def _counts_by_type(store: Store, totals: Mapping[str, Any]) -> list[tuple[Any, ...]] | None:
    roles = _contributor_roles(store)
    if roles is None:
        return None
    rows: list[tuple[Any, ...]] = [
        (Literal("class"), URIRef(key), _integer(data), None)
        for key, (_, data) in sorted(totals.items())
        if data and not key.startswith((_ROLE_KEY, _CREDITS_KEY))
    ]
    for role in roles:
        prop = str(KG[ROLES[role].property_name])
        credits, people = totals.get(_CREDITS_KEY + prop, (0, 0))
        if credits:
            rows.append((Literal("role"), URIRef(prop), _integer(credits), _integer(people)))
    return rows


_INNER = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)


def _replace_inner(text: str, values: str) -> str:
    """``text`` with its first ``{ SELECT ... }`` block replaced by ``values``."""
    match = _INNER.search(text)
    if match is None:
        raise ValueError("no inner SELECT")
    depth, i = 0, match.start()
    for i in range(match.start(), len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                break
    return text[: match.start()] + values + text[i + 1 :]


def _values(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    cells = " ".join(
        "(" + " ".join("UNDEF" if c is None else c.n3() for c in row) + ")" for row in rows
    )
    return f"VALUES ({' '.join('?' + c for c in columns)}) {{ {cells} }}"


SUMMARY_QUERIES: dict[str, tuple[list[str], Any]] = {
    "busiest-people": (["person", "films"], _busiest),
    "people-most-studios": (["person", "studios", "films"], _most_studios),
    "director-actor-pairs": (["director", "actor", "films"], _director_actor),
    "counts-by-type": (["kind", "type", "count", "people"], _counts_by_type),
}
"""Named queries answered from the summaries: the variables of their inner SELECT, and the
function that computes its rows."""


def answer_named_query(
    store: Store, name: str, text: str, bindings: Mapping[str, Any]
) -> QueryResult | None:
    """The answer to the named query ``name`` (its SPARQL ``text`` with standard prefixes, and
    ``bindings``) from the summaries, or ``None`` when it is not one of
    :data:`SUMMARY_QUERIES` or the store keeps no summaries.

    >>> with Store.memory() as store:
    ...     answer_named_query(store, "busiest-people", "", {}) is None
    True
    """
    if name not in SUMMARY_QUERIES:
        return None
    columns, compute = SUMMARY_QUERIES[name]
    if name == "counts-by-type":  # the totals kept on load are the answer
        header = _header(store)
        rows = None if header is None else compute(store, header["totals"])
        if rows is None:
            return None
        start, end = text.index("WHERE {") + len("WHERE {"), text.rindex("}")
        sparql = text[:start] + " " + _values(columns, rows) + " " + text[end:]
        return store.query(sparql, bindings=bindings)
    header = _header(store)  # the rows worked out when the store was written
    if header is None:
        return None
    if name in header.get("answers", {}):
        rows = [
            tuple(URIRef(c) if isinstance(c, str) else _integer(c) for c in row)
            for row in header["answers"][name]
        ]
    else:  # kept by an older kg: work them out from the credit index now
        data = store.read_sidecar(CREDIT_SIDECAR)
        try:
            computed = None if data is None else compute(store, CreditIndex.from_bytes(data))
        except ValueError:
            computed = None
        if computed is None:
            return None
        rows = computed
    return store.query(_replace_inner(text, _values(columns, rows)), bindings=bindings)
