"""OWL 2 RL rules compiled from the ontology into SPARQL, run to a fixed point on the store.

:func:`compile_rules` turns the ontology (``film.ttl`` + ``alignment.ttl``) into a handful of
SPARQL rules, each one head triple and a body; :func:`materialise` runs them over the source graphs
plus a work graph until nothing new follows, adding each round's new triples to the work graph;
:func:`check` runs the consistency checks OWL 2 RL can do on the result. Everything runs inside
the store (Oxigraph): no triple of the data passes through Python except the new ones.

What is compiled (OWL 2 RL rule names in brackets):

- property hierarchy, precomputed in Python: ``rdfs:subPropertyOf`` [prp-spo1],
  ``owl:equivalentProperty`` both ways [prp-eqp1/2], ``owl:inverseOf`` [prp-inv1/2],
  ``owl:SymmetricProperty`` [prp-symp], in any combination, as one rule per direction;
- ``owl:TransitiveProperty`` [prp-trp], one recursive rule per property;
- class hierarchy: ``rdfs:subClassOf`` and ``owl:equivalentClass`` between named classes
  [cax-sco, cax-eqc1/2], and named members of an ``owl:intersectionOf`` a class is equivalent to
  [cls-int2];
- ``rdfs:domain`` / ``rdfs:range`` on named classes [prp-dom, prp-rng], through the hierarchy (the
  domain of a super-property types the subjects of its sub-properties); the range only types IRIs;
- class expressions on the sub-class side of ``rdfs:subClassOf`` / ``owl:equivalentClass``
  (``owl:intersectionOf``, ``owl:unionOf``, ``owl:someValuesFrom`` with a property or an
  ``owl:inverseOf`` expression and any compiled filler, ``owl:hasValue``, ``owl:oneOf``)
  [cls-int1, cls-uni, cls-svf1/2, cls-hv2, cls-oo] and ``owl:hasValue`` on the super-class side
  [cls-hv1];
- checks: ``owl:disjointWith`` / ``owl:AllDisjointClasses`` [cax-dw, cax-adc] and
  ``owl:FunctionalProperty`` with two values that are distinct literals or ``owl:differentFrom``
  individuals [prp-fp + eq-diff1].

Not compiled: equality (``owl:sameAs``, which prp-fp would infer for two IRI values), cardinality
and ``owl:allValuesFrom``. Rules are only about IRIs: blank-node subjects are left alone.

>>> from kg.resources import ontology_graph
>>> rules = compile_rules(ontology_graph())
>>> [r.name for r in rules.rules][:4]
['prp-spo1/eqp (object)', 'prp-spo1/eqp (data)', 'prp-inv/symp', 'cax-sco']
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from .lookup import short_iri
from .progress import iterate
from .store import Store

__all__ = [
    "Check",
    "Materialised",
    "Rule",
    "RuleSet",
    "Strategy",
    "Violation",
    "check",
    "compile_rules",
    "materialise",
    "transitive_closure",
]

Strategy = Literal["update", "construct"]
"""How new triples reach the work graph: a SPARQL ``INSERT ... WHERE`` per rule (``update``,
nothing crosses into Python) or a ``CONSTRUCT`` whose triples Python adds (``construct``)."""

_TYPE_KEY = "a "


def _key(p: Node, o: Node) -> str:
    return _TYPE_KEY + str(o) if p == RDF.type else str(p)


@dataclass(frozen=True)
class Rule:
    """One rule: ``head`` (three SPARQL terms or variables) follows from ``body`` (a group pattern
    binding the head's variables). ``reads``: the predicates (``"a <class>"`` for a type) the body
    matches; ``writes``: those the head can produce; rules of one ``group`` are closed under each
    other, so only new triples from outside the group make them run again (``""``: no group, a
    rule that may feed itself)."""

    name: str
    head: tuple[str, str, str]
    body: str
    reads: frozenset[str]
    writes: frozenset[str]
    group: str

    def where(self) -> str:
        """The body with a guard: only what the dataset does not already hold (distinct solutions
        first, then ``MINUS``, an anti-join: 5-10x faster in Oxigraph than ``FILTER NOT EXISTS``,
        which probes once per solution)."""
        head = " ".join(self.head)
        variables = " ".join(sorted({t for t in self.head if t.startswith("?")}))
        _s, p, o = self.head
        known = ""  # restrict the anti-join to the predicates / classes the rule can write
        if p.startswith("?"):
            known = f"VALUES {p} {{ {' '.join(f'<{k}>' for k in sorted(self.writes))} }} "
        elif p == "a" and o.startswith("?"):
            classes = sorted(k[len(_TYPE_KEY) :] for k in self.writes)
            known = f"VALUES {o} {{ {' '.join(f'<{c}>' for c in classes)} }} "
        return (
            f"{{ {{ SELECT DISTINCT {variables} WHERE {{ {self.body} }} }} "
            f"MINUS {{ {known}{head} }} }}"
        )

    def construct(self) -> str:
        """The rule as a SPARQL CONSTRUCT of the new triples."""
        return f"CONSTRUCT {{ {' '.join(self.head)} }} WHERE {self.where()}"

    def insert(self, graph: str, using: Sequence[str]) -> str:
        """The rule as a SPARQL Update inserting the new triples into ``graph``."""
        dataset = " ".join(f"USING <{g}>" for g in using)
        return f"INSERT {{ GRAPH <{graph}> {{ {' '.join(self.head)} }} }} {dataset} WHERE {self.where()}"


@dataclass(frozen=True)
class Check:
    """A consistency check: a SELECT whose rows ``(?x ?what ?v1 ?v2)`` are violations."""

    name: str
    axiom: Callable[[tuple[Node | None, ...]], str]
    query: str


@dataclass(frozen=True)
class Violation:
    """One row of a failed check: the individual and the axiom it breaks."""

    individual: Node
    axiom: str
    detail: tuple[Node | None, ...]


@dataclass
class RuleSet:
    """The rules and checks compiled from an ontology, and what could not be compiled."""

    rules: list[Rule]
    checks: list[Check]
    skipped: list[str] = field(default_factory=list)


@dataclass
class Materialised:
    """What :func:`materialise` did."""

    new: int
    rounds: int
    rule_seconds: dict[str, float]


# --- compiling --------------------------------------------------------------------------------


_T = TypeVar("_T", bound=Hashable)


def transitive_closure(
    edges: Iterable[tuple[_T, _T]], nodes: Iterable[_T] = ()
) -> dict[_T, set[_T]]:
    """Everything reachable from each node (itself included) along ``edges``; ``nodes`` adds nodes
    that have no edge.

    >>> transitive_closure([("a", "b"), ("b", "c")])["a"] == {"a", "b", "c"}
    True
    """
    up: dict[_T, set[_T]] = defaultdict(set)
    for a, b in edges:
        up[a].add(b)
    out: dict[_T, set[_T]] = {}
    for node in set(nodes) | set(up):
        seen = {node}
        stack = [node]
        while stack:
            for nxt in up.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        out[node] = seen
    return out


def _n3(term: Node) -> str:
    return term.n3()


def _values(variables: str, rows: Iterable[tuple[Node, ...]]) -> str:
    body = " ".join("(" + " ".join(_n3(t) for t in row) + ")" for row in sorted(rows, key=str))
    return f"VALUES ({variables}) {{ {body} }}"


_RULE_PREFIXES = (
    ("kg", "https://w3id.org/filmkg/ontology#"),
    ("owl", str(OWL)),
    ("rdfs", str(RDFS)),
)


def _short(iri: Node) -> str:
    return short_iri(str(iri), _RULE_PREFIXES, angle=True)


def _list(graph: Graph, node: Node | None) -> list[Node]:
    return [] if node is None else list(Collection(graph, node))


class _Compiler:
    def __init__(self, ontology: Graph) -> None:
        self.g = ontology
        self.skipped: list[str] = []
        self.fresh = 0
        g = ontology
        self.classes: set[Node] = {
            c
            for t in (OWL.Class, RDFS.Class)
            for c in g.subjects(RDF.type, t)
            if isinstance(c, URIRef)
        }
        self.object_props = {p for p in g.subjects(RDF.type, OWL.ObjectProperty)}
        self.data_props = {p for p in g.subjects(RDF.type, OWL.DatatypeProperty)}
        # named class hierarchy, with named members of equivalent/super intersections
        class_edges: list[tuple[Node, Node]] = []
        for a, b in g.subject_objects(RDFS.subClassOf):
            if isinstance(a, URIRef):
                class_edges += [(a, m) for m in self._named_supers(b)]
        for a, b in g.subject_objects(OWL.equivalentClass):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                class_edges += [(a, b), (b, a)]
            elif isinstance(a, URIRef):
                class_edges += [(a, m) for m in self._named_supers(b)]
            elif isinstance(b, URIRef):
                class_edges += [(b, m) for m in self._named_supers(a)]
        for a, b in class_edges:
            self.classes |= {a, b}
        self.classes -= {OWL.Thing, RDFS.Resource, OWL.Nothing}
        sup = transitive_closure(class_edges)
        self.supers: dict[Node, set[Node]] = {
            c: (sup.get(c, set()) | {c}) - {OWL.Thing, RDFS.Resource} for c in self.classes
        }
        # property hierarchy over (property, inverted) nodes
        edges: list[tuple[tuple[Node, bool], tuple[Node, bool]]] = []

        def both(a: Node, b: Node) -> None:
            edges.append(((a, False), (b, False)))
            edges.append(((a, True), (b, True)))

        for a, b in g.subject_objects(RDFS.subPropertyOf):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                both(a, b)
        for a, b in g.subject_objects(OWL.equivalentProperty):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                both(a, b)
                both(b, a)
        for a, b in g.subject_objects(OWL.inverseOf):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                for x, y in ((a, b), (b, a)):
                    edges.append(((x, False), (y, True)))
                    edges.append(((x, True), (y, False)))
        for p in g.subjects(RDF.type, OWL.SymmetricProperty):
            if isinstance(p, URIRef):
                edges.append(((p, False), (p, True)))
        for edge in list(edges):  # an undeclared aligned property is of the kind it is aligned to
            (a, _), (b, _) = edge
            for p, q in ((a, b), (b, a)):
                if p not in self.object_props and p not in self.data_props:
                    (self.object_props if q in self.object_props else self.data_props).add(p)
        self.data_props -= self.object_props
        self.reach: dict[Node, set[tuple[Node, bool]]] = {}
        for node, seen in transitive_closure(edges).items():
            prop, inverted = node
            if not inverted:
                self.reach[prop] = {n for n in seen if n != node}

    def _named_supers(self, expr: Node) -> list[Node]:
        """Named classes implied by being in ``expr`` (itself, or named members of an intersection)."""
        if isinstance(expr, URIRef):
            return [expr]
        members = _list(self.g, self.g.value(expr, OWL.intersectionOf))
        return [m for sub in members for m in self._named_supers(sub)]

    def var(self) -> str:
        self.fresh += 1
        return f"?v{self.fresh}"

    def pattern(self, expr: Node, var: str, keys: set[str]) -> str | None:
        """A SPARQL pattern true of ``var`` exactly when it is in the class expression (the sub-class
        side of OWL 2 RL), or None when the expression cannot be compiled."""
        g = self.g
        if expr in (OWL.Thing, RDFS.Resource):
            return ""
        if isinstance(expr, URIRef):
            keys.add(_TYPE_KEY + str(expr))
            return f"{var} a {_n3(expr)} ."
        if (members := g.value(expr, OWL.intersectionOf)) is not None:
            parts = [self.pattern(m, var, keys) for m in _list(g, members)]
            return None if None in parts else " ".join(p for p in parts if p is not None)
        if (members := g.value(expr, OWL.unionOf)) is not None:
            parts = [self.pattern(m, var, keys) for m in _list(g, members)]
            if any(p is None for p in parts):
                return None
            return " UNION ".join(f"{{ {p} }}" for p in parts)
        if (members := g.value(expr, OWL.oneOf)) is not None:
            return f"VALUES {var} {{ {' '.join(_n3(m) for m in _list(g, members))} }}"
        prop = g.value(expr, OWL.onProperty)
        if prop is None:
            return None
        inverse = g.value(prop, OWL.inverseOf) if isinstance(prop, BNode) else None
        name = inverse if inverse is not None else prop
        if not isinstance(name, URIRef):
            return None
        keys.add(str(name))

        def edge(other: str) -> str:
            return (
                f"{other} {_n3(name)} {var} ."
                if inverse is not None
                else f"{var} {_n3(name)} {other} ."
            )

        if (value := g.value(expr, OWL.hasValue)) is not None:
            return edge(_n3(value))
        if (filler := g.value(expr, OWL.someValuesFrom)) is not None:
            other = self.var()
            inner = self.pattern(filler, other, keys)
            return None if inner is None else f"{edge(other)} {inner}"
        return None

    def type_rule(
        self, name: str, body: str, var: str, classes: set[Node], reads: set[str], group: str
    ) -> Rule:
        return Rule(
            name=name,
            head=(var, "a", "?d"),
            body=f"{body} FILTER(isIRI({var})) {_values('?d', [(c,) for c in classes])}",
            reads=frozenset(reads),
            writes=frozenset(_TYPE_KEY + str(c) for c in classes),
            group=group,
        )

    def rules(self) -> list[Rule]:
        g = self.g
        out: list[Rule] = []
        props = self.object_props | self.data_props
        # property hierarchy (forward and inverted derivations), one rule each
        fwd = [(p, q) for p in props for q, inv in self.reach.get(p, ()) if not inv]
        back = [(p, q) for p in self.object_props for q, inv in self.reach.get(p, ()) if inv]
        obj_fwd = [(p, q) for p, q in fwd if p in self.object_props]
        data_fwd = [(p, q) for p, q in fwd if p not in self.object_props]
        for name, pairs, head, guard in (
            ("prp-spo1/eqp (object)", obj_fwd, ("?x", "?q", "?y"), "isIRI(?x) && isIRI(?y)"),
            ("prp-spo1/eqp (data)", data_fwd, ("?x", "?q", "?y"), "isIRI(?x) && isLiteral(?y)"),
            ("prp-inv/symp", back, ("?y", "?q", "?x"), "isIRI(?x) && isIRI(?y)"),
        ):
            if pairs:
                out.append(
                    Rule(
                        name=name,
                        head=head,
                        body=f"{_values('?p ?q', pairs)} ?x ?p ?y . FILTER({guard})",
                        reads=frozenset(str(p) for p, _ in pairs),
                        writes=frozenset(str(q) for _, q in pairs),
                        group="hierarchy",
                    )
                )
        # class hierarchy
        pairs_c = [(c, d) for c, sups in self.supers.items() for d in sups if d != c]
        if pairs_c:
            out.append(
                Rule(
                    name="cax-sco",
                    head=("?x", "a", "?d"),
                    body=f"{_values('?c ?d', pairs_c)} ?x a ?c . FILTER(isIRI(?x))",
                    reads=frozenset(_TYPE_KEY + str(c) for c, _ in pairs_c),
                    writes=frozenset(_TYPE_KEY + str(d) for _, d in pairs_c),
                    group="hierarchy",
                )
            )
        # domain and range, through the property hierarchy
        domain = {p: {d for d in g.objects(p, RDFS.domain) if d in self.classes} for p in props}
        rng = {p: {r for r in g.objects(p, RDFS.range) if r in self.classes} for p in props}
        subj: list[tuple[Node, Node]] = []
        obj: list[tuple[Node, Node]] = []
        for p in props:
            s_classes: set[Node] = set()
            o_classes: set[Node] = set()
            for q, inverted in {(p, False), *self.reach.get(p, ())}:
                s_side, o_side = (rng, domain) if inverted else (domain, rng)
                s_classes |= {c for d in s_side.get(q, ()) for c in self.supers[d]}
                o_classes |= {c for d in o_side.get(q, ()) for c in self.supers[d]}
            subj += [(p, c) for c in s_classes]
            if p in self.object_props:
                obj += [(p, c) for c in o_classes]
        for name, pairs, var, guard in (
            ("prp-dom", subj, "?x", "isIRI(?x)"),
            ("prp-rng", obj, "?y", "isIRI(?y)"),
        ):
            if pairs:
                out.append(
                    Rule(
                        name=name,
                        head=(var, "a", "?d"),
                        body=f"{_values('?p ?d', pairs)} ?x ?p ?y . FILTER({guard})",
                        reads=frozenset(str(p) for p, _ in pairs),
                        writes=frozenset(_TYPE_KEY + str(d) for _, d in pairs),
                        group="hierarchy",
                    )
                )
        # transitive properties
        for p in sorted(g.subjects(RDF.type, OWL.TransitiveProperty), key=str):
            if isinstance(p, URIRef):
                out.append(
                    Rule(
                        name=f"prp-trp ({_short(p)})",
                        head=("?x", _n3(p), "?z"),
                        body=f"?x {_n3(p)} ?y . ?y {_n3(p)} ?z . FILTER(isIRI(?x) && isIRI(?z))",
                        reads=frozenset({str(p)}),
                        writes=frozenset({str(p)}),
                        group="",
                    )
                )
        # class expressions on the sub-class side; hasValue on the super-class side
        axioms: list[tuple[Node, Node]] = list(g.subject_objects(RDFS.subClassOf))
        for a, b in g.subject_objects(OWL.equivalentClass):
            axioms += [(a, b), (b, a)]
        for sub, sup in axioms:
            if isinstance(sub, URIRef):
                value, prop = g.value(sup, OWL.hasValue), g.value(sup, OWL.onProperty)
                if isinstance(sup, BNode) and value is not None and isinstance(prop, URIRef):
                    out.append(
                        Rule(
                            name=f"cls-hv1 ({_short(sub)})",
                            head=("?x", _n3(prop), _n3(value)),
                            body=f"?x a {_n3(sub)} . FILTER(isIRI(?x))",
                            reads=frozenset({_TYPE_KEY + str(sub)}),
                            writes=frozenset({str(prop)}),
                            group=f"hv1 {sub}",
                        )
                    )
                continue
            targets = {
                c for n in self._named_supers(sup) if n in self.supers for c in self.supers[n]
            }
            if not targets:
                continue
            keys: set[str] = set()
            body = self.pattern(sub, "?x", keys)
            label = ", ".join(sorted(_short(t) for t in self._named_supers(sup)))
            if body is None:
                self.skipped.append(
                    f"a class expression not in OWL 2 RL's sub-class side, implying {label}"
                )
                continue
            out.append(self.type_rule(f"cls ({label})", body, "?x", targets, keys, f"cls {label}"))
        return out

    def checks(self) -> list[Check]:
        g = self.g
        out: list[Check] = []
        pairs: set[tuple[Node, Node]] = set()
        for a, b in g.subject_objects(OWL.disjointWith):
            if isinstance(a, URIRef) and isinstance(b, URIRef):
                pairs.add((a, b) if str(a) < str(b) else (b, a))
        for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = [m for m in _list(g, g.value(node, OWL.members)) if isinstance(m, URIRef)]
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.add((a, b) if str(a) < str(b) else (b, a))
        if pairs:
            out.append(
                Check(
                    name="cax-dw",
                    axiom=_disjoint_axiom,
                    query=f"SELECT DISTINCT ?x ?a ?b ?none WHERE {{ ?x a ?a . ?x a ?b . {_values('?a ?b', pairs)} }}",
                )
            )
        different: set[tuple[Node, Node]] = set()
        for a, b in g.subject_objects(OWL.differentFrom):
            different |= {(a, b), (b, a)}
        for node in g.subjects(RDF.type, OWL.AllDifferent):
            items = _list(g, g.value(node, OWL.distinctMembers) or g.value(node, OWL.members))
            different |= {(a, b) for a in items for b in items if a != b}
        functional = sorted(
            (p for p in g.subjects(RDF.type, OWL.FunctionalProperty) if isinstance(p, URIRef)),
            key=str,
        )
        if functional:
            known = f"EXISTS {{ {_values('?v1 ?v2', different)} }}" if different else "false"
            diff = _n3(OWL.differentFrom)
            out.append(
                Check(
                    name="prp-fp",
                    axiom=_functional_axiom,
                    query=(
                        "SELECT DISTINCT ?x ?p ?v1 ?v2 WHERE { "
                        f"VALUES ?p {{ {' '.join(_n3(p) for p in functional)} }} "
                        "?x ?p ?v1 . ?x ?p ?v2 . FILTER(isIRI(?x) && !sameTerm(?v1, ?v2) && "
                        "STR(?v1) <= STR(?v2) && ("
                        "(isLiteral(?v1) && isLiteral(?v2) && "
                        "(!(isNumeric(?v1) && isNumeric(?v2)) || ?v1 != ?v2)) "
                        f"|| {known} || EXISTS {{ ?v1 {diff} ?v2 }})) }}"
                    ),
                )
            )
        return out


def _disjoint_axiom(row: tuple[Node | None, ...]) -> str:
    return f"{_short(row[1])} owl:disjointWith {_short(row[2])} (nothing is both)"  # type: ignore[arg-type]


def _functional_axiom(row: tuple[Node | None, ...]) -> str:
    values = " and ".join(v.n3() if v is not None else "?" for v in row[2:4])
    return f"{_short(row[1])} is functional (one value at most), but has {values}"  # type: ignore[arg-type]


def compile_rules(ontology: Graph) -> RuleSet:
    """The OWL 2 RL rules and checks of ``ontology``, as SPARQL.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ... @prefix : <http://ex/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix owl: <http://www.w3.org/2002/07/owl#> .
    ... :p a owl:ObjectProperty ; rdfs:subPropertyOf :q ; rdfs:domain :A .
    ... :A a owl:Class ; rdfs:subClassOf :B .''', format="turtle")
    >>> [r.name for r in compile_rules(g).rules]
    ['prp-spo1/eqp (object)', 'cax-sco', 'prp-dom']
    """
    compiler = _Compiler(ontology)
    return RuleSet(compiler.rules(), compiler.checks(), compiler.skipped)


# --- running ---------------------------------------------------------------------------------------


def _count(store: Store, graph: str) -> int:
    [(n,)] = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    ).rows()
    return int(n)  # type: ignore[arg-type]


def materialise(
    store: Store,
    rules: Sequence[Rule],
    *,
    sources: Sequence[str],
    work: str,
    strategy: Strategy = "construct",
    max_rounds: int = 100,
    progress: bool = False,
) -> Materialised:
    """Run ``rules`` over ``sources`` + ``work`` until nothing new follows, adding what is new to the
    graph ``work`` (inside ``store.writing()``).

    A rule runs in the first round, and later only if a rule outside its group added a triple it
    reads in the round before (semi-naive by predicate).

    >>> from kg.store import Store
    >>> from kg.resources import ontology_graph
    >>> with Store.memory() as store, store.writing():
    ...     materialise(store, compile_rules(ontology_graph()).rules, sources=[], work="urn:w").new
    0
    """
    dataset = [*sources, work]
    timings: dict[str, float] = defaultdict(float)
    total = 0
    changed: dict[str, set[str]] | None = None  # group -> keys written in the last round
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        now: dict[str, set[str]] = defaultdict(set)
        for rule in iterate(
            rules, total=len(rules), desc=f"reason: round {rounds}", unit=" rules", enabled=progress
        ):
            if changed is not None:
                fresh = set().union(
                    *(k for grp, k in changed.items() if grp != rule.group or not rule.group)
                )
                if not fresh & rule.reads:
                    continue
            t = time.perf_counter()
            if strategy == "update":
                before = _count(store, work)
                store.update(rule.insert(work, dataset))
                added = _count(store, work) - before
                if added:
                    now[rule.group] |= rule.writes
            else:
                new = store.query(rule.construct(), default_graphs=dataset).triples()
                added = store.add_triples(work, new) if new else 0
                now[rule.group] |= {_key(p, o) for _s, p, o in new}
            total += added
            timings[rule.name] += time.perf_counter() - t
        if not now:
            break
        changed = now
    return Materialised(total, rounds, dict(timings))


def check(
    store: Store, checks: Sequence[Check], *, graphs: Sequence[str], limit: int = 50
) -> list[Violation]:
    """Run the consistency checks over ``graphs``; the violations found (at most ``limit`` each).

    >>> from kg.store import Store
    >>> from kg.resources import ontology_graph
    >>> with Store.memory() as store:
    ...     check(store, compile_rules(ontology_graph()).checks, graphs=["urn:none"])
    []
    """
    out: list[Violation] = []
    for c in checks:
        rows = store.query(f"{c.query} LIMIT {limit}", default_graphs=graphs).rows()
        for row in rows:
            assert row[0] is not None
            out.append(Violation(row[0], c.axiom(row), row))
    return out
