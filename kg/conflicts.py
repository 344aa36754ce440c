"""Sources that disagree, and sources that agree: conflicts and agreements as first-class nodes.

A *functional* fact has one true value: a film's release date for one region and kind of release
(theatrical or streaming), its year, its runtime; and its director, in the sense that two sources
naming different directors disagree unless some source names both (co-directors). When sources
disagree, :func:`find_conflicts` reports a :class:`Conflict` naming the entity, the property, the
key (region and kind) and each value with the sources that give it. Nothing is merged: each
value stays in its own source's graph.

When two or more sources state the same fact, :func:`find_agreements` reports an
:class:`Agreement` whose confidence combines theirs (``1 - prod(1 - c)``: a table or RDF file
counts as certain).

:func:`record_conflicts` writes both into the named graph :data:`kg.iri.CONFLICTS_GRAPH`
(``kg:Conflict`` with one ``kg:Claim`` per value; ``kg:Agreement``), replacing what was there;
``kg load`` and ``kg unload`` call it, ``kg validate`` reports the conflicts, entity pages show them
and the named query ``conflicts`` lists them.

>>> from kg.store import Store
>>> from kg.ingest import load_paths
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Heat is a 1995 crime film directed by Michael Mann.\\n")
>>> _ = (d / "b.txt").write_text("Heat is a 1995 crime film directed by Ridley Scott.\\n")
>>> with Store.memory() as store:
...     _ = load_paths(store, [d / "a.txt", d / "b.txt"], progress=False)
...     [conflict] = find_conflicts(store)
>>> conflict.predicate.rsplit("#", 1)[1], sorted(c.value.rsplit("/", 1)[1] for c in conflict.claims)
('director', ['michael-mann', 'ridley-scott'])
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .iri import (
    CONFLICTS_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    agreement_iri,
    claim_iri,
    conflict_iri,
)
from .lookup import labels
from .model import ROLES
from .namespace import KG, PROV
from .query import with_prefixes
from .reader import GraphReader
from .sparql import is_plain_iri
from .store import Store, Triple
from .triples import nt_string

__all__ = [
    "CONFLICT_PREDICATES",
    "FUNCTIONAL_PROPERTIES",
    "Agreement",
    "Claim",
    "Conflict",
    "conflict_subjects",
    "conflict_triples",
    "find_agreements",
    "find_conflicts",
    "format_conflicts",
    "record_conflicts",
]

FUNCTIONAL_PROPERTIES: tuple[URIRef, ...] = (
    KG.director,
    KG.releaseDate,
    KG.year,
    KG.runtimeMinutes,
)
"""Properties whose values sources must agree on (release dates per region and kind)."""

_DERIVED = {CONFLICTS_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH}
_AGREEMENT_PROPERTIES = (
    *(KG[r.property_name] for r in ROLES),
    KG.releaseDate,
    KG.partOfSeries,
    KG.follows,
    KG.basedOn,
)
CONFLICT_PREDICATES: frozenset[URIRef] = frozenset(
    (*FUNCTIONAL_PROPERTIES, *_AGREEMENT_PROPERTIES, KG.release)
)
"""Properties whose subjects can gain or lose a conflict or an agreement when a source changes."""
_CONFLICT_VALUES = " ".join(sorted(p.n3() for p in CONFLICT_PREDICATES))
_FULL_SCAN = 20_000
"""Subjects above which one scan of the whole graph is cheaper than lookups per subject."""


@dataclass
class Claim:
    """One value of a conflict and the sources (graph IRIs) that give it."""

    value: str
    is_iri: bool
    sources: list[str] = field(default_factory=list)
    confidence: float | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Conflict:
    """Sources that disagree on one functional fact of one entity."""

    subject: str
    predicate: str
    key: str | None
    claims: list[Claim] = field(default_factory=list)
    label: str | None = None

    @property
    def iri(self) -> URIRef:
        """The conflict node's IRI (stable for the same entity, property and key)."""
        return conflict_iri(self.subject, self.predicate, self.key)


@dataclass
class Agreement:
    """A fact stated by two or more sources, and the confidence they give it together."""

    subject: str
    predicate: str
    object: str
    sources: list[str]
    confidence: float


def _conflicting(values: dict[str, set[str]]) -> bool:
    """Whether sources (graph -> values) disagree: two sources share no value and no third
    source names a value of each (which would make them two parts of one answer).

    >>> _conflicting({"a": {"x"}, "b": {"y"}})
    True
    >>> _conflicting({"a": {"x"}, "b": {"y"}, "c": {"x", "y"}})
    False
    >>> _conflicting({"a": {"x", "y"}, "b": {"y"}})
    False
    """
    graphs = sorted(values)
    for i, g in enumerate(graphs):
        for h in graphs[i + 1 :]:
            if _share(values[g], values[h]):
                continue
            if any(_share(values[k], values[g]) and _share(values[k], values[h]) for k in graphs):
                continue
            return True
    return False


def _share(a: set[str], b: set[str]) -> bool:
    """Whether two sets of values have one in common; a year (or month) agrees with a date in it.

    >>> _share({"2021"}, {"2021-03-12"}), _share({"2020"}, {"2021-03-12"})
    (True, False)
    >>> _share({"2021-03"}, {"2021-03-12"}), _share({"2021-04"}, {"2021"})
    (True, True)
    """
    if a & b:
        return True
    return any(_within(x, y) or _within(y, x) for x in a for y in b)


def _within(coarse: str, fine: str) -> bool:
    """Is the date ``fine`` inside the year or month ``coarse`` ("2021-03" in "2021")?"""
    return len(coarse) in (4, 7) and len(fine) > len(coarse) and fine.startswith(coarse + "-")


_ReleaseRow = tuple[str, str, str | None, str | None, str]
"""``(film, date, region, release class, graph)``."""
_FactRow = tuple[str, str, str, str]
"""``(subject, property, value, graph)``; a value is an IRI or a literal's lexical form."""
_EvidenceRow = tuple[str, str, str, str, str, str]
"""``(subject, property, value, graph, evidence node, confidence)``."""
_RELEASE_CLASSES = (str(KG.TheatricalRelease), str(KG.StreamingRelease))


@dataclass
class _Statements:
    """What conflicts and agreements are computed from: rows read by SPARQL from any reader
    (the whole graph), or by index lookups from a local store (a few entities, see
    :func:`_statements_about`)."""

    releases: Iterable[_ReleaseRow]
    facts: Iterable[_FactRow]
    """Statements of the functional properties."""
    evidence: Callable[[Collection[tuple[str, str]]], Iterable[_EvidenceRow]]
    """The evidence of the statements about some ``(subject, graph)`` pairs (at least: a
    reader may give more); read only if some conflict or agreement needs confidences."""
    agreed: Callable[[], Iterable[tuple[str, str, str, list[str]]]]
    """``(subject, property, value, sources)`` of the statements two or more sources make."""
    confidences: Callable[[Collection[tuple[str, str]]], Iterable[_EvidenceRow]] | None = None
    """The rows of :attr:`evidence` in any order (faster where the reader can), for what reads
    only the best confidence of each statement."""


def _statements(reader: GraphReader) -> _Statements:
    """Every statement conflicts and agreements are about, by SPARQL (any reader)."""
    release_query = """SELECT ?film ?date ?region ?type ?g WHERE {
  GRAPH ?g { ?film kg:release ?r . ?r kg:date ?date }
  OPTIONAL { GRAPH ?g { ?r kg:region ?region } }
  OPTIONAL { GRAPH ?g { ?r a ?type FILTER (?type IN (kg:TheatricalRelease, kg:StreamingRelease)) } }
}"""
    evidence_query = """SELECT ?s ?p ?o ?g ?ev ?c WHERE {
  GRAPH ?g { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c }
}"""

    def facts() -> Iterator[_FactRow]:
        values = " ".join(p.n3() for p in FUNCTIONAL_PROPERTIES)  # not FILTER IN: ~5x faster
        query = f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        for s, p, o, g in reader.text_rows(query):
            if s is not None and p is not None and o is not None and g is not None:
                yield s, p, o, g

    def releases() -> Iterator[_ReleaseRow]:
        for film, date, region, rtype, g in reader.text_rows(with_prefixes(release_query)):
            if film is not None and date is not None and g is not None:
                yield film, date, region, rtype, g

    def evidence() -> Iterator[_EvidenceRow]:
        for s, p, o, g, ev, c in reader.text_rows(with_prefixes(evidence_query)):
            if s and p and o is not None and g and ev and c:
                yield s, p, o, g, ev, c

    def agreed() -> Iterator[tuple[str, str, str, list[str]]]:
        values = " ".join(p.n3() for p in _AGREEMENT_PROPERTIES)
        derived = ", ".join(URIRef(g).n3() for g in sorted(_DERIVED))
        query = f"""SELECT ?s ?p ?o (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN ({derived})) }}
GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1)"""
        for s, p, o, joined in reader.text_rows(query):
            if s is not None and p is not None and o is not None and joined is not None:
                yield s, p, o, sorted(joined.split())

    every = functools.cache(lambda: list(evidence()))
    return _Statements(releases(), facts(), lambda _pairs: every(), agreed)


def _statements_about(store: Store, subjects: Iterable[str]) -> _Statements:
    """The statements about ``subjects`` (and their release nodes and evidence), by lookups on
    the store's indexes: for a load that touched a few entities of a big store, where a SPARQL
    join over a VALUES block of them may scan the whole store."""
    functional = {str(p) for p in FUNCTIONAL_PROPERTIES}
    agreeable = {str(p) for p in _AGREEMENT_PROPERTIES}
    release, date, region, rdf_type = str(KG.release), str(KG.date), str(KG.region), str(RDF.type)
    facts: list[_FactRow] = []
    by_statement: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    release_nodes: list[tuple[str, str, str]] = []  # (film, node, graph)
    # one lookup per subject and property that matters (not every statement about the subject:
    # a film of the table has dozens, credits and labels among them, each costly to decode)
    properties = sorted(functional | agreeable | {release})
    # one query for all of them (about half the time of a lookup per subject and property); the rows
    # are put in the order of the subjects given, as the lookups gave them
    order = {subject: i for i, subject in enumerate(subjects)}
    rows = sorted(store.match_about(order, properties), key=lambda row: order[row[0]])
    for s, p, o, g in rows:
        if p in functional:
            facts.append((s, p, o, g))
        if p in agreeable and g not in _DERIVED:
            by_statement[(s, p, o)].add(g)
        if p == release:
            release_nodes.append((s, o, g))
    # what each release node's graph states about it, read for all of them at once
    node_facts: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    wanted = {(node, g) for _, node, g in release_nodes}
    for node, p, o, g in store.match_about(sorted({node for node, _ in wanted})):
        if (node, g) in wanted:
            node_facts[(node, g)].append((p, o))
    releases: list[_ReleaseRow] = []
    for film, node, g in release_nodes:
        about = node_facts.get((node, g), [])
        regions: list[str | None] = [o for p, o in about if p == region] or [None]
        kinds: list[str | None] = [
            o for p, o in about if p == rdf_type and o in _RELEASE_CLASSES
        ] or [None]
        for day in (o for p, o in about if p == date):
            releases.extend((film, day, r, k, g) for r in regions for k in kinds)

    stated = (str(RDF.predicate), str(RDF.object), str(KG.confidence))

    def evidence(pairs: Collection[tuple[str, str]]) -> Iterator[_EvidenceRow]:
        """Only the evidence nodes a conflict or an agreement needs (of ``pairs``): an article
        load touches thousands of subjects and a few hundred of them have either."""
        graphs_of: dict[str, set[str]] = defaultdict(set)
        for subject, graph in pairs:
            graphs_of[subject].add(graph)
        for subject in sorted(graphs_of):
            for graph in sorted(graphs_of[subject]):
                for ev, _, s, g in store.match(
                    predicate=str(RDF.subject), obj=subject, graph=graph
                ):
                    about = stated_by(ev, g)
                    if len(about) == 3:
                        yield s, about[stated[0]], about[stated[1]], g, ev, about[stated[2]]

    def stated_by(ev: str, g: str) -> dict[str, str]:
        """What evidence node ``ev`` of graph ``g`` states (the last value of each property)."""
        return {
            p: o
            for prop in stated
            for _, p, o, _ in store.match(subject=ev, predicate=prop, graph=g)
        }

    def confidences(pairs: Collection[tuple[str, str]]) -> Iterator[_EvidenceRow]:
        """The rows of :func:`evidence`, in another order and by one query for all the
        subjects (not four lookups per evidence node): for agreements, which read only the
        best confidence of each statement, so the order of ties does not matter."""
        wanted = set(pairs)
        subjects = sorted({s for s, _ in wanted})
        if not all(is_plain_iri(s) for s in subjects):
            yield from evidence(pairs)
            return
        found: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
        for start in range(0, len(subjects), 5000):
            values = " ".join(f"<{s}>" for s in subjects[start : start + 5000])
            query = f"""SELECT ?s ?g ?ev ?p ?o ?c WHERE {{ VALUES ?s {{ {values} }}
  GRAPH ?g {{ ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c }}
  FILTER (isIRI(?g) && isIRI(?ev)) }}"""
            for s, g, ev, p, o, c in store.text_rows(with_prefixes(query)):
                if s is not None and g is not None and (s, g) in wanted:
                    assert ev is not None and p is not None and o is not None and c is not None
                    found[(s, ev, g)].append((p, o, c))
        for (s, ev, g), rows in found.items():
            if len(rows) == 1:
                p, o, c = rows[0]
                yield s, p, o, g, ev, c
            else:  # a property of the node has more than one value: as the lookups read it
                about = stated_by(ev, g)
                if len(about) == 3:
                    yield s, about[stated[0]], about[stated[1]], g, ev, about[stated[2]]

    def agreed() -> Iterator[tuple[str, str, str, list[str]]]:
        for (s, p, o), graphs in by_statement.items():
            if len(graphs) > 1:
                yield s, p, o, sorted(graphs)

    return _Statements(releases, facts, evidence, agreed, confidences)


def _evidence(rows: Iterable[_EvidenceRow]) -> dict[tuple[str, str, str, str], tuple[float, str]]:
    """The best confidence (and its evidence node) of each ``(s, p, o, graph)`` read from text."""
    out: dict[tuple[str, str, str, str], tuple[float, str]] = {}
    for s, p, o, g, ev, c in rows:
        key = (s, p, o, g)
        value = float(c)
        if key not in out or value > out[key][0]:
            out[key] = (value, ev)
    return out


def _groups(
    statements: _Statements,
) -> Iterator[tuple[str, str, str | None, dict[str, set[str]]]]:
    """``(subject, property, key, {graph: values})`` for every functional fact that more than
    one source states."""
    per: dict[tuple[str, str, str | None], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    keyed: dict[tuple[str, str], set[str]] = defaultdict(set)  # (film, graph) -> dated releases
    for film, date, region, rtype, g in statements.releases:
        if g in _DERIVED:
            continue
        kind = "streaming" if rtype and rtype.endswith("StreamingRelease") else "theatrical"
        key = f"{region or 'any region'}, {kind}"
        per[(film, str(KG.releaseDate), key)][g].add(date)
        keyed[(film, g)].add(date)
    for s, p, o, g in statements.facts:
        if g in _DERIVED:
            continue
        if p == str(KG.releaseDate):
            if o in keyed.get((s, g), ()):
                continue  # a dated release: compared per region and kind above
            per[(s, p, "date without region")][g].add(o)
        else:
            per[(s, p, None)][g].add(o)
    for (subject, prop, group_key), by_graph in per.items():
        if len(by_graph) > 1:
            yield subject, prop, group_key, by_graph


def find_conflicts(reader: GraphReader) -> list[Conflict]:
    """Every functional fact on which sources disagree (see the module docstring), by entity."""
    return _conflicts(reader, _statements(reader))


def _conflicts(reader: GraphReader, statements: _Statements) -> list[Conflict]:
    found: list[Conflict] = []
    conflicting = [group for group in _groups(statements) if _conflicting(group[3])]
    pairs = {(s, g) for s, _, _, by_graph in conflicting for g in by_graph}
    evidence = _evidence(statements.evidence(pairs)) if conflicting else {}
    for s, p, key, by_graph in conflicting:
        conflict = Conflict(s, p, key)
        by_value: dict[str, list[str]] = defaultdict(list)
        for g, vals in by_graph.items():
            for v in vals:
                by_value[v].append(g)
        for value, graphs in sorted(by_value.items()):
            claim = Claim(value, "://" in value or value.startswith("urn:"), sorted(graphs))
            confidences = []
            for g in claim.sources:
                found_ev = evidence.get((s, p, value, g))
                if found_ev is not None:
                    confidences.append(found_ev[0])
                    claim.evidence.append(found_ev[1])
                else:
                    confidences.append(1.0)
            claim.confidence = 1.0 - math.prod(1.0 - c for c in confidences)
            conflict.claims.append(claim)
        found.append(conflict)
    names = labels(
        reader,
        {c.subject for c in found} | {cl.value for c in found for cl in c.claims if cl.is_iri},
    )
    for conflict in found:
        conflict.label = names.get(conflict.subject)
    found.sort(key=lambda c: ((c.label or c.subject).casefold(), c.predicate, c.key or ""))
    return found


def find_agreements(reader: GraphReader) -> list[Agreement]:
    """Facts that two or more sources state, with their combined confidence."""
    return _agreements(_statements(reader))


def _agreements(statements: _Statements) -> list[Agreement]:
    rows = list(statements.agreed())
    if not rows:
        return []
    read = statements.confidences or statements.evidence
    evidence = _evidence(read({(s, g) for s, _, _, gs in rows for g in gs}))
    out = []
    for s, p, o, sources in rows:
        confidences = [evidence.get((s, p, o, g), (1.0, ""))[0] for g in sources]
        out.append(Agreement(s, p, o, sources, 1.0 - math.prod(1.0 - c for c in confidences)))
    return out


def _term(value: str, is_iri: bool) -> URIRef | Literal:
    return URIRef(value) if is_iri else Literal(value)


@functools.lru_cache(maxsize=4096)
def _decimal(value: float) -> Literal:
    """A combined confidence as written (rounded): the same few values again and again."""
    return Literal(round(value, 4), datatype=XSD.decimal)


@functools.lru_cache(maxsize=256)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def conflict_triples(
    conflicts: Iterable[Conflict], agreements: Iterable[Agreement] = ()
) -> Iterator[Triple]:
    """The RDF of conflicts (``kg:Conflict`` and its ``kg:Claim`` nodes) and agreements."""
    a, derived, combined = RDF.type, PROV.wasDerivedFrom, KG.combinedConfidence
    for c in conflicts:
        node = c.iri
        yield node, a, KG.Conflict
        yield node, KG.conflictSubject, URIRef(c.subject)
        yield node, KG.conflictProperty, URIRef(c.predicate)
        if c.key:
            yield node, KG.conflictKey, Literal(c.key)
        for claim in c.claims:
            claim_node = claim_iri(node, claim.value)
            yield node, KG.claim, claim_node
            yield claim_node, a, KG.Claim
            yield claim_node, KG.claimValue, _term(claim.value, claim.is_iri)
            for g in claim.sources:
                yield claim_node, derived, URIRef(g)
            for ev in claim.evidence:
                yield claim_node, KG.supportedBy, URIRef(ev)
            if claim.confidence is not None:
                yield claim_node, combined, _decimal(round(claim.confidence, 4))
    agreement, agreed_subject, agreed_property = KG.Agreement, KG.agreedSubject, KG.agreedProperty
    agreed_value, source_count = KG.agreedValue, KG.sourceCount
    iris: dict[str, URIRef] = {}  # subjects, properties and sources recur from row to row
    for ag in agreements:
        is_iri = "://" in ag.object or ag.object.startswith("urn:")
        node = agreement_iri(ag.subject, ag.predicate, ag.object)
        yield node, a, agreement  # its own terms: rdf:subject... are for evidence nodes
        for prop, value in ((agreed_subject, ag.subject), (agreed_property, ag.predicate)):
            term = iris.get(value)
            if term is None:
                term = iris[value] = URIRef(value)
            yield node, prop, term
        yield node, agreed_value, _term(ag.object, is_iri)
        yield node, source_count, _integer(len(ag.sources))
        yield node, combined, _decimal(round(ag.confidence, 4))
        for g in ag.sources:
            term = iris.get(g)
            if term is None:
                term = iris[g] = URIRef(g)
            yield node, derived, term


def conflict_subjects(store: Store, graph: str) -> set[str]:
    """The subjects (IRIs) of the named graph ``graph`` that conflicts and agreements can be
    about (one query: for a table, its films).

    >>> from kg.ingest import load_paths
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Heat is a 1995 crime film directed by Michael Mann.\\n")
    >>> with Store.memory() as store:
    ...     _ = load_paths(store, [d / "a.txt"], progress=False)
    ...     [s.rsplit("/", 1)[1] for g in store.named_graphs() for s in conflict_subjects(store, g)]
    ['heat']
    """
    # the graph is written into the query: bound as a parameter, Oxigraph may read every graph
    query = (
        f"SELECT DISTINCT ?s WHERE {{ VALUES ?p {{ {_CONFLICT_VALUES} }} "
        f"GRAPH {URIRef(graph).n3()} {{ ?s ?p ?o }} FILTER (isIRI(?s)) }}"
    )
    return {s for (s,) in store.text_rows(query) if s}


def record_conflicts(
    store: Store,
    subjects: Iterable[str] | None = None,
    *,
    tables: Mapping[str, Set[str]] | None = None,
) -> tuple[int, int]:
    """Bring the conflicts graph up to date (inside :meth:`kg.store.Store.writing`); returns the
    store's ``(conflicts, agreements)``. With ``subjects`` (the entities whose facts a load
    changed) only their conflicts and agreements are looked for again and replaced; without, the
    whole graph is rebuilt. ``tables``: graphs written whole by the load, each with the subjects
    it alone describes (a table's new films); their other subjects (:func:`conflict_subjects`)
    are looked at too, read only when the store has two sources or more. A store with one
    source has neither conflicts nor agreements, and costs nothing."""
    about = None if subjects is None else set(subjects)
    if about is not None and not about and not tables:
        return _recorded(store)
    sources = [g for g in store.named_graphs() if g not in _DERIVED]
    if len(sources) < 2:
        store.remove_graph(CONFLICTS_GRAPH)
        return 0, 0
    if about is not None:
        for graph, alone in (tables or {}).items():
            about |= conflict_subjects(store, graph) - alone
        if not about:
            return _recorded(store)
    if about is None or len(about) > _FULL_SCAN:
        conflicts = find_conflicts(store)
        agreements = find_agreements(store)
        if conflicts or agreements:
            store.replace_graph(CONFLICTS_GRAPH, conflict_triples(conflicts, agreements))
        else:
            store.remove_graph(CONFLICTS_GRAPH)
        return len(conflicts), len(agreements)
    if store.has_graph(CONFLICTS_GRAPH):  # else nothing recorded to look up (a first conflict)
        store.remove_about(CONFLICTS_GRAPH, _recorded_about(store, sorted(about)))
    statements = _statements_about(store, sorted(about))
    found = conflict_triples(_conflicts(store, statements), _agreements(statements))
    _add_recorded(store, found)
    return _recorded(store)


def _add_recorded(store: Store, triples: Iterable[Triple]) -> None:
    """Add ``triples`` to the conflicts graph: as N-Triples text in one write of the graph and
    of the merge's new triples (:meth:`kg.store.Store.add_graphs`), where rdflib terms cost a
    conversion per term and two bulk writes (about three times the time for the thousands of
    agreements of a folder of articles). A term text cannot carry as written (a blank node, an
    IRI with a character N-Triples does not allow) takes the rdflib path instead."""
    found = list(triples)
    iris: dict[str, str | None] = {}  # predicates, classes, sources recur from line to line
    lines = [_nt_line(triple, iris) for triple in found]
    if any(line is None for line in lines):
        store.add_triples(CONFLICTS_GRAPH, found)
    elif lines:
        store.add_graphs({CONFLICTS_GRAPH: [line for line in lines if line is not None]})


def _nt_term(term: Node) -> str | None:
    """An IRI or a literal as N-Triples (``None`` for a blank node or an IRI N-Triples cannot
    write).

    >>> _nt_term(URIRef("urn:a")), _nt_term(Literal('say "hi"\\n', lang="en"))
    ('<urn:a>', '"say \\\\"hi\\\\"\\\\n"@en')
    >>> _nt_term(Literal("2", datatype=XSD.integer))
    '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(term, URIRef):
        return f"<{term}>" if is_plain_iri(term) else None
    if isinstance(term, Literal):
        text = nt_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            datatype = _nt_term(term.datatype)
            return None if datatype is None else f"{text}^^{datatype}"
        return text
    return None


def _nt_line(triple: Triple, iris: dict[str, str | None]) -> str | None:
    """A triple as one N-Triples line (``None`` if a term cannot be written, see
    :func:`_nt_term`, or if the line holds ``_:``, which the store's text path refuses as a
    possible blank node). ``iris``: the IRIs written so far, by their text."""
    terms = []
    for term in triple:
        if type(term) is URIRef:
            key = str(term)  # a plain str: an rdflib term's own hash costs a tuple
            text = iris.get(key, "")
            if text == "":
                text = iris[key] = _nt_term(term)
        else:
            text = _nt_term(term)
        terms.append(text)
    s, p, o = terms
    if s is None or p is None or o is None:
        return None
    line = f"{s} {p} {o} .\n"
    return None if "_:" in line else line


def _recorded(store: Store) -> tuple[int, int]:
    """How many conflicts and agreements the conflicts graph holds."""
    query = f"""SELECT (COUNT(?c) AS ?n) (COUNT(?a) AS ?m) WHERE {{ GRAPH <{CONFLICTS_GRAPH}> {{
  {{ ?c a <{KG.Conflict}> }} UNION {{ ?a a <{KG.Agreement}> }} }} }}"""
    for n, m in store.text_rows(query):
        return int(n or 0), int(m or 0)
    return 0, 0


def _recorded_about(store: Store, subjects: list[str]) -> set[str]:
    """The nodes of the conflicts graph (conflicts with their claims, agreements) that are about
    ``subjects``."""
    nodes: set[str] = set()
    for subject in subjects:
        for prop in (KG.conflictSubject, KG.agreedSubject):
            for node, _, _, g in store.match(predicate=str(prop), obj=subject):
                if g == CONFLICTS_GRAPH:
                    nodes.add(node)
    claims = {o for n in nodes for _, p, o, _ in store.match(subject=n, predicate=str(KG.claim))}
    return nodes | claims


def format_conflicts(conflicts: list[Conflict], names: dict[str, str] | None = None) -> str:
    """Plain text, one block per conflict: the entity, the property, each value and its sources."""
    names = names or {}
    lines = []
    for c in conflicts:
        prop = c.predicate.rsplit("#", 1)[-1]
        key = f" ({c.key})" if c.key else ""
        lines.append(f"{c.label or c.subject}: sources disagree on {prop}{key}")
        for claim in c.claims:
            value = names.get(claim.value, claim.value) if claim.is_iri else claim.value
            conf = f", confidence {claim.confidence:.2f}" if claim.confidence is not None else ""
            lines.append(f"    {value}: {', '.join(names.get(g, g) for g in claim.sources)}{conf}")
    return "\n".join(lines)
