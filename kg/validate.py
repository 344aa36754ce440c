"""Check the graph against the SHACL shapes (``ontology/shapes.ttl``) and say what to fix, where.

:func:`validate` takes a :class:`~kg.store.Store` (every source graph, the inferred graph left out)
or an RDF file, and returns a :class:`ValidationReport` of plain dataclasses: each result names the
focus node and its label, the path, the value, the message, the severity, the shape and the source
document(s) the offending triple came from (its named graph and that graph's ``kg:sourcePath``).

How it runs (measured in ``bench/bench_reason.py``; see the README section "Validate and reason"):

* The ontology (``film.ttl`` + ``alignment.ttl``) is mixed into the data graph as pySHACL's
  ``ont_graph`` **without** RDFS inference: ``sh:targetClass`` and ``sh:class`` follow
  ``rdfs:subClassOf*`` through the mixed-in ontology, while ``rdfs:range`` is *not* applied — RDFS
  inference would type every ``kg:director`` value as a ``kg:Person`` and so hide exactly the
  errors "a director is a Person" is there to catch (it is also several times slower).
* ``engine="fast"`` (the default): SHACL-SPARQL constraints of node shapes (``sh:sparql``: the
  1870 release-date floor, "not their own co-star", ...) run as one query each, straight on the
  Oxigraph store, over all focus nodes at once; pySHACL checks only the SHACL-core constraints on an
  in-memory copy. pySHACL would run each SPARQL constraint once per focus node through rdflib's
  SPARQL engine, which dominates its time on big graphs.
* ``engine="pyshacl"``: everything through pySHACL (the reference; the tests check both agree).

>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import RDF
>>> from kg.namespace import KG, KGR
>>> from kg.store import Store
>>> with Store.memory() as store:
...     with store.writing():
...         _ = store.add_triples("urn:g", [(KGR["film/x"], RDF.type, KG.Film)])
...     report = validate(store)
>>> report.conforms
False
>>> sorted({r.path for r in report.results})
['https://w3id.org/filmkg/ontology#title']
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from .conflicts import Conflict, find_conflicts
from .errors import KGCheckFailed, KGInputError
from .iri import CONFLICTS_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH
from .lookup import labels, short_iri, source_paths
from .namespace import PROV, bind_prefixes
from .progress import bar, iterate, ticking
from .resources import ontology_file
from .resources import ontology_graph as load_ontology
from .sparql import where_brace
from .store import Store, rdf_format_for

__all__ = [
    "INFERRED_GRAPH",
    "Engine",
    "SourceRef",
    "ValidationReport",
    "ValidationResult",
    "load_ontology",
    "load_shapes",
    "require_valid",
    "validate",
]


Engine = Literal["fast", "pyshacl"]

_SEVERITY: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_NODE = {v: k for k, v in _SEVERITY.items()}


# --- the report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """A source document: its named graph and, when the graph records one, its ``kg:sourcePath``."""

    graph: str
    path: str | None = None

    def __str__(self) -> str:
        return self.path or self.graph


@dataclass(frozen=True)
class ValidationResult:
    """One violation (or warning) of one shape by one focus node."""

    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str
    constraint: str
    sources: tuple[SourceRef, ...] = ()


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`. ``conforms`` is False when any result is a Violation."""

    conforms: bool
    results: list[ValidationResult]
    triples: int
    engine: str
    seconds: float
    shapes: str
    graph: Graph = field(default_factory=Graph, repr=False, compare=False)
    """The SHACL validation report as an RDF graph (``sh:ValidationReport``)."""

    def counts(self) -> dict[str, int]:
        """How many results of each severity."""
        out: dict[str, int] = defaultdict(int)
        for r in self.results:
            out[r.severity] += 1
        return dict(out)

    def by_shape(self) -> dict[str, list[ValidationResult]]:
        """Results grouped by shape, shapes in name order."""
        groups: dict[str, list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            groups[r.shape].append(r)
        return {
            k: sorted(groups[k], key=lambda r: (r.focus, r.path or "", r.value or ""))
            for k in sorted(groups)
        }

    def to_text(self, *, limit: int | None = 50) -> str:
        """A readable report grouped by shape (at most ``limit`` results per shape)."""
        counts = self.counts()
        head = "conforms" if self.conforms else "does not conform"
        detail = ", ".join(
            f"{n} {sev.lower()}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items())
        )
        lines = [
            f"{head}: {detail or 'no results'} "
            f"({self.triples:,} triples checked against {self.shapes} in {self.seconds:.2f} s, engine {self.engine})"
        ]
        for shape, results in self.by_shape().items():
            lines.append("")
            lines.append(f"{short_iri(shape)} ({len(results)})")
            shown = results if limit is None else results[:limit]
            for r in shown:
                focus = short_iri(r.focus) + (f' "{r.focus_label}"' if r.focus_label else "")
                lines.append(f"  {r.severity}: {focus}")
                if r.path:
                    lines.append(f"    path:    {short_iri(r.path)}")
                if r.value is not None:
                    lines.append(f"    value:   {short_iri(r.value)}")
                lines.append(f"    message: {r.message}")
                if r.sources:
                    lines.append(
                        f"    source:  {'; '.join(_describe_source(s) for s in r.sources)}"
                    )
            if len(shown) < len(results):
                lines.append(
                    f"  ... and {len(results) - len(shown)} more (use --format json for all)"
                )
        return "\n".join(lines)

    def to_json(self) -> str:
        """The report as JSON: ``conforms``, ``counts`` and every result with its sources."""
        payload = {
            "conforms": self.conforms,
            "counts": self.counts(),
            "triples": self.triples,
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "shapes": self.shapes,
            "results": [asdict(r) for r in self.results],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False)

    def to_turtle(self) -> str:
        """The SHACL validation report graph in Turtle (with ``prov:wasDerivedFrom`` source graphs)."""
        return self.graph.serialize(format="turtle")


CONFLICT_SHAPE = "https://w3id.org/filmkg/shapes#SourcesAgreeShape"
"""The name under which conflicts between sources are reported (as warnings)."""


def _conflict_results(store: Store, graphs: set[str]) -> list[ValidationResult]:
    """Each conflict between the selected sources (:mod:`kg.conflicts`) as a warning."""
    conflicts: list[Conflict] = [
        c for c in find_conflicts(store) if all(set(cl.sources) <= graphs for cl in c.claims)
    ]
    if not conflicts:
        return []
    paths = source_paths(store)
    names = labels(store, {cl.value for c in conflicts for cl in c.claims if cl.is_iri})
    out = []
    for c in conflicts:
        sides = "; ".join(
            f"{names.get(cl.value, cl.value)} ({', '.join(paths.get(g, g) for g in cl.sources)})"
            for cl in c.claims
        )
        key = f" ({c.key})" if c.key else ""
        out.append(
            ValidationResult(
                focus=c.subject,
                focus_label=c.label,
                path=c.predicate,
                value=" | ".join(names.get(cl.value, cl.value) for cl in c.claims),
                message=f"sources disagree on {short_iri(c.predicate)}{key}: {sides}; check the "
                "sources and unload or correct the wrong one (nothing was merged)",
                severity="Warning",
                shape=CONFLICT_SHAPE,
                constraint="kg:Conflict",
                sources=tuple(SourceRef(g, paths.get(g)) for cl in c.claims for g in cl.sources),
            )
        )
    return out


def _describe_source(source: SourceRef) -> str:
    return f"{source.path} (graph <{source.graph}>)" if source.path else f"<{source.graph}>"


# --- inputs ---------------------------------------------------------------------------------------------


def load_shapes(shapes: str | Path | Graph | None = None) -> tuple[Graph, str]:
    """The shapes graph (default: the shipped ``shapes.ttl``) and a name for it."""
    if isinstance(shapes, Graph):
        return shapes, "the given shapes"
    if shapes is None:
        resource = ontology_file("shapes.ttl")
        graph = Graph()
        graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
        return graph, "shapes.ttl"
    path = Path(shapes)
    if not path.is_file():
        raise KGInputError("no such shapes file; check the path", path=str(path))
    graph = Graph()
    try:
        graph.parse(str(path), format=_rdflib_format(path))
    except Exception as err:  # rdflib raises many kinds
        raise KGInputError(f"cannot read the shapes: {err}", path=str(path)) from err
    return graph, path.name


def _rdflib_format(path: Path) -> str:
    name = rdf_format_for(path).name
    return {
        "Turtle": "turtle",
        "N-Triples": "nt",
        "N-Quads": "nquads",
        "TriG": "trig",
        "JSON-LD": "json-ld",
        "RDF/XML": "xml",
        "N3": "n3",
    }.get(name, "turtle")


def _file_store(path: Path) -> tuple[Store, dict[str, str]]:
    """An RDF file in a throw-away in-memory store: triples in a graph named by the file's URI."""
    if not path.is_file():
        raise KGInputError(
            "no such file; check the path" if not path.exists() else "not a regular file",
            path=str(path),
        )
    if path.stat().st_size == 0:
        raise KGInputError("the file is empty: nothing to validate", path=str(path))
    store = Store.memory()
    graph = path.resolve().as_uri()
    try:
        with store.writing():
            store.load_file(path, graph)
    except BaseException:
        store.close()
        raise
    return store, {graph: str(path)}


# --- validation -----------------------------------------------------------------------------------------


def validate(
    data: Store | str | Path,
    *,
    shapes: str | Path | Graph | None = None,
    graphs: Sequence[str] | None = None,
    engine: Engine = "fast",
    progress: bool = False,
) -> ValidationReport:
    """Validate a store (or an RDF file) against the SHACL shapes.

    Parameters
    ----------
    data:
        A :class:`~kg.store.Store`, or the path of an RDF file (Turtle, N-Triples, TriG, ...).
    shapes:
        A shapes file or graph; default the shipped ``ontology/shapes.ttl``.
    graphs:
        Only these named graphs (default: every graph but the inferred one).
    engine:
        ``"fast"`` (SPARQL constraints on Oxigraph, the rest with pySHACL) or ``"pyshacl"``.

    Returns
    -------
    ValidationReport
        ``conforms`` and the results, each with its source documents.

    Raises
    ------
    KGInputError
        A missing, empty or malformed file (exit code 2 in the CLI).

    Examples
    --------
    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     validate(store).conforms
    True
    """
    started = time.perf_counter()
    shapes_graph, shapes_name = load_shapes(shapes)
    ontology = load_ontology()
    path_labels: dict[str, str] = {}
    if isinstance(data, Store):
        store, owned = data, False
    else:
        store, path_labels = _file_store(Path(data))
        owned = True
    try:
        selected = (
            list(graphs)
            if graphs is not None
            else [
                g
                for g in store.named_graphs()
                if g not in (INFERRED_GRAPH, ONTOLOGY_GRAPH, CONFLICTS_GRAPH)
            ]
        )
        data_graph = _data_graph(store, selected, progress=progress)
        checked = len(data_graph)
        if engine == "fast":
            core_shapes, sparql_checks = _split_sparql(shapes_graph)
        elif engine == "pyshacl":
            core_shapes, sparql_checks = shapes_graph, []
        else:
            raise KGInputError(f"unknown validation engine {engine!r}; use 'fast' or 'pyshacl'")
        with ticking("validate: SHACL core shapes (pySHACL)", enabled=progress):
            report_graph = _run_pyshacl(data_graph, core_shapes, ontology)
        raw = list(_read_report(report_graph, shapes_graph))
        if sparql_checks:
            classes = _subclass_closure(ontology + shapes_graph)
            for check in iterate(
                sparql_checks,
                total=len(sparql_checks),
                desc="validate: SPARQL shapes",
                unit=" shapes",
                enabled=progress,
            ):
                raw.extend(_run_sparql_check(store, selected, check, classes))
        results = _finish(store, selected, raw, path_labels, shapes_graph)
        if graphs is None:  # the whole store: sources that disagree are reported too
            with ticking("validate: conflicts between sources", enabled=progress):
                results += _conflict_results(store, set(selected))
    finally:
        if owned:
            store.close()
    conforms = not any(r.severity == "Violation" for r in results)
    report_out = _report_graph(conforms, raw, results, shapes_graph)
    return ValidationReport(
        conforms=conforms,
        results=results,
        triples=checked,
        engine=engine,
        seconds=time.perf_counter() - started,
        shapes=shapes_name,
        graph=report_out,
    )


def require_valid(store: Store, graphs: list[str]) -> None:
    """Raise :class:`~kg.errors.KGCheckFailed` if ``graphs`` violate the shapes: the hook
    ``kg load --validate`` passes to :func:`kg.ingest.load_paths`, which then rolls the load back.

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     require_valid(store, [])
    """
    report = validate(store, graphs=graphs)
    if report.conforms:
        return
    violations = [r for r in report.results if r.severity == "Violation"]
    source = next((s for r in violations for s in r.sources), None)
    shown = "; ".join(
        f"{short_iri(r.focus)} {short_iri(r.path) if r.path else ''}: {r.message} [{short_iri(r.shape)}]".replace(
            "  ", " "
        )
        for r in violations[:5]
    )
    more = f"; and {len(violations) - 5} more" if len(violations) > 5 else ""
    raise KGCheckFailed(
        f"{len(violations)} SHACL violation{'s' if len(violations) != 1 else ''}: {shown}{more}. Nothing was loaded: "
        "fix the source and load it again (`kg validate FILE` shows the full report)",
        path=source.path if source else None,
    )


def _data_graph(store: Store, graphs: Sequence[str], *, progress: bool = False) -> Graph:
    out = Graph()
    add = out.add
    total = sum(store.graph_size(g) for g in graphs) if progress else None
    with bar(
        total=total, desc="validate: reading", unit=" triples", scale=True, enabled=progress
    ) as ticks:
        for graph in graphs:
            count = 0
            for s, p, o, _ in store.triples(graph):
                add((s, p, o))
                count += 1
                if count % 10_000 == 0:
                    ticks.update(10_000)
            ticks.update(count % 10_000)
    return out


def _run_pyshacl(data_graph: Graph, shapes_graph: Graph, ontology: Graph) -> Graph:
    from pyshacl import validate as shacl_validate

    if not any(shapes_graph.triples((None, RDF.type, SH.NodeShape))) and not any(
        shapes_graph.triples((None, SH.path, None))
    ):
        return Graph()
    _conforms, report_graph, _text = shacl_validate(
        data_graph,
        shacl_graph=shapes_graph,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,  # the data graph is our own throw-away copy
    )
    assert isinstance(report_graph, Graph)
    return report_graph


@dataclass
class _Raw:
    """A result before its labels and sources are looked up (rdflib terms)."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: Node
    shape: Node
    component: Node
    path_graph: Graph | None = None  # where a complex (blank node) path is described


def _read_report(report: Graph, shapes: Graph) -> Iterator[_Raw]:
    for result in report.objects(None, SH.result):  # top-level results, not nested sh:detail
        focus = report.value(result, SH.focusNode)
        if focus is None:
            continue
        messages = [str(m) for m in report.objects(result, SH.resultMessage)]
        shape = report.value(result, SH.sourceShape)
        yield _Raw(
            focus=focus,
            path=report.value(result, SH.resultPath),
            value=report.value(result, SH.value),
            message=messages[0] if messages else "",
            severity=report.value(result, SH.resultSeverity) or SH.Violation,
            shape=shape if shape is not None else BNode(),
            component=report.value(result, SH.sourceConstraintComponent) or SH.ConstraintComponent,
            path_graph=report,
        )


# --- SHACL-SPARQL constraints straight on Oxigraph --------------------------------------------------------


@dataclass
class _SparqlCheck:
    shape: URIRef | BNode
    constraint: Node
    select: str
    message: str | None
    severity: Node
    targets: list[tuple[str, URIRef]]  # ("class"|"node"|"subjectsOf"|"objectsOf", term)


def _split_sparql(shapes: Graph) -> tuple[Graph, list[_SparqlCheck]]:
    """Take the ``sh:sparql`` constraints of node shapes out of ``shapes`` (into checks we run on
    Oxigraph); property shapes' SPARQL constraints (which need ``$PATH``) stay with pySHACL."""
    checks: list[_SparqlCheck] = []
    removed: list[tuple[Node, Node, Node]] = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(shape, SH.path) is not None:
            continue
        if shapes.value(shape, SH.deactivated) == RdfLiteral(True) or shapes.value(
            constraint, SH.deactivated
        ) == RdfLiteral(True):
            removed.append((shape, SH.sparql, constraint))
            continue
        select = shapes.value(constraint, SH.select)
        if select is None:
            continue
        assert isinstance(shape, URIRef | BNode)
        targets: list[tuple[str, URIRef]] = []
        for kind, prop in (
            ("class", SH.targetClass),
            ("node", SH.targetNode),
            ("subjectsOf", SH.targetSubjectsOf),
            ("objectsOf", SH.targetObjectsOf),
        ):
            targets += [(kind, t) for t in shapes.objects(shape, prop) if isinstance(t, URIRef)]
        if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
            assert isinstance(shape, URIRef)
            targets.append(("class", shape))
        message = shapes.value(constraint, SH.message) or shapes.value(shape, SH.message)
        checks.append(
            _SparqlCheck(
                shape=shape,
                constraint=constraint,
                select=_prefixes(shapes, constraint) + str(select),
                message=str(message) if message is not None else None,
                severity=shapes.value(shape, SH.severity) or SH.Violation,
                targets=targets,
            )
        )
        removed.append((shape, SH.sparql, constraint))
    if not checks and not removed:
        return shapes, []
    core = Graph()
    for prefix, ns in shapes.namespaces():
        core.bind(prefix, ns)
    drop = set(removed)
    for triple in shapes:
        if triple not in drop:
            core.add(triple)
    return core, checks


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for ontology in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(ontology, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>\n")
    return "".join(lines)


def _subclass_closure(graph: Graph) -> dict[URIRef, set[URIRef]]:
    """Each named class and its named subclasses (reflexive, transitive, through equivalences)."""
    children: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            children[sup].add(sub)
    for a, b in graph.subject_objects(OWL.equivalentClass):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            children[a].add(b)
            children[b].add(a)
    out: dict[URIRef, set[URIRef]] = {}

    def down(cls: URIRef) -> set[URIRef]:
        if cls in out:
            return out[cls]
        seen = {cls}
        stack = [cls]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        out[cls] = seen
        return seen

    for cls in list(children):
        down(cls)
    return defaultdict(set, out)


_THIS = re.compile(r"\$this\b")
_SELECT_VARS = re.compile(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)


def _run_sparql_check(
    store: Store, graphs: Sequence[str], check: _SparqlCheck, classes: dict[URIRef, set[URIRef]]
) -> Iterator[_Raw]:
    if not check.targets:
        return
    patterns = []
    for kind, term in check.targets:
        if kind == "class":
            values = " ".join(c.n3() for c in sorted(classes[term] | {term}))
            patterns.append(f"{{ VALUES ?__class {{ {values} }} ?this a ?__class }}")
        elif kind == "node":
            patterns.append(f"{{ VALUES ?this {{ {term.n3()} }} }}")
        elif kind == "subjectsOf":
            patterns.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?this {term.n3()} ?__o }} }}")
        else:
            patterns.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?__s {term.n3()} ?this }} }}")
    target = " UNION ".join(patterns)
    text = _THIS.sub("?this", check.select)
    brace = where_brace(text)
    query = (
        text[: brace + 1]
        + f" {{ SELECT DISTINCT ?this WHERE {{ {target} }} }} "
        + text[brace + 1 :]
    )
    if not re.search(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?(\*|[^{]*\?this\b)", query, re.IGNORECASE):
        query = _SELECT_VARS.sub(lambda m: m.group(0) + "?this ", query, count=1)
    result = store.query(query, default_graphs=list(graphs) or ["urn:kg:none"])
    columns = result.columns
    for row in result.rows():
        binding = dict(zip(columns, row, strict=True))
        focus = binding.get("this")
        if focus is None:
            continue
        value = binding.get("value")
        path = binding.get("path")
        message = check.message or "SPARQL constraint violated"
        message = _fill_message(message, binding)
        yield _Raw(
            focus=focus,
            path=path,
            value=value,
            message=message,
            severity=check.severity,
            shape=check.shape,
            component=SH.SPARQLConstraintComponent,
        )


def _fill_message(message: str, binding: dict[str, Any]) -> str:
    def repl(m: re.Match[str]) -> str:
        term = binding.get(m.group(1))
        if term is None:
            return m.group(0)
        return str(term) if isinstance(term, RdfLiteral) else short_iri(str(term))

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", repl, message)


# --- labels, sources, the report graph -------------------------------------------------------------------


def _finish(
    store: Store, graphs: Sequence[str], raw: list[_Raw], path_labels: dict[str, str], shapes: Graph
) -> list[ValidationResult]:
    focus_labels = labels(
        store, {r.focus for r in raw if isinstance(r.focus, URIRef)}, graphs=graphs
    )
    paths = source_paths(store)
    paths.update(path_labels)
    seen: set[tuple[Any, ...]] = set()
    out: list[ValidationResult] = []
    for r in raw:
        sources = tuple(
            SourceRef(g, paths.get(g)) for g in _sources_of(store, graphs, r.focus, r.path, r.value)
        )
        result = ValidationResult(
            focus=str(r.focus),
            focus_label=focus_labels.get(str(r.focus)) if isinstance(r.focus, URIRef) else None,
            path=_path_text(r.path, r.path_graph),
            value=None if r.value is None else str(r.value),
            message=r.message,
            severity=_SEVERITY.get(r.severity, str(r.severity)),
            shape=_shape_name(r.shape, shapes),
            constraint=_local(str(r.component)).removesuffix("ConstraintComponent"),
            sources=sources,
        )
        key = (
            result.focus,
            result.path,
            result.value,
            result.shape,
            result.constraint,
            result.message,
        )
        if key not in seen:
            seen.add(key)
            out.append(result)
    out.sort(key=lambda r: (r.shape, r.focus, r.path or "", r.value or ""))
    return out


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _sources_of(
    store: Store, graphs: Sequence[str], focus: Node, path: Node | None, value: Node | None
) -> list[str]:
    """The graphs holding the offending triple; failing that, the graphs describing the focus."""
    wanted = set(graphs)
    if isinstance(path, URIRef) and value is not None:
        rows = store.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            bindings={"s": focus, "p": path, "o": value},  # type: ignore[dict-item]
            union_default_graph=False,
        ).rows()
        found = sorted(str(r[0]) for r in rows if str(r[0]) in wanted)
        if found:
            return found
    if isinstance(focus, URIRef | BNode):
        rows = store.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            bindings={"s": focus},
            union_default_graph=False,
        ).rows()
        found = sorted(str(r[0]) for r in rows if str(r[0]) in wanted)
        if found:
            return found
        rows = store.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            bindings={"o": focus},
            union_default_graph=False,
        ).rows()
        return sorted(str(r[0]) for r in rows if str(r[0]) in wanted)
    return []


def _path_text(path: Node | None, graph: Graph | None) -> str | None:
    """A property path as text: an IRI, or SPARQL syntax (``^kg:person``, ``kg:a/kg:b``)."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    if graph is None:
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + short_iri(_path_text(inverse, graph) or "")
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(
            short_iri(_path_text(p, graph) or "") for p in Collection(graph, alternatives)
        )
    for prop, suffix in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        inner = graph.value(path, prop)
        if inner is not None:
            return f"({short_iri(_path_text(inner, graph) or '')}){suffix}"
    if graph.value(path, RDF.first) is not None:
        return "/".join(short_iri(_path_text(p, graph) or "") for p in Collection(graph, path))
    return str(path)


def _shape_name(shape: Node, graph: Graph | None) -> str:
    """A shape's name: its IRI, or for a blank property shape, the node shape holding it."""
    if isinstance(shape, URIRef) or graph is None:
        return str(shape)
    parent = graph.value(None, SH.property, shape)
    if isinstance(parent, URIRef):
        path = graph.value(shape, SH.path)
        tail = _path_text(path, graph)
        return f"{parent}" + (f" ({short_iri(tail)})" if tail else "")
    return str(shape)


def _report_graph(
    conforms: bool, raw: list[_Raw], results: list[ValidationResult], shapes: Graph
) -> Graph:
    """The SHACL report as RDF, with each result's source graphs as ``prov:wasDerivedFrom``."""
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, RdfLiteral(conforms)))
    by_key = {(r.focus, r.message, r.shape): r for r in results}
    done: set[tuple[str, str, str, str | None, str | None]] = set()
    for r in raw:
        name = _shape_name(r.shape, shapes)
        key = (
            str(r.focus),
            r.message,
            name,
            None if r.path is None else str(r.path),
            None if r.value is None else str(r.value),
        )
        if key in done:
            continue
        done.add(key)
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, r.focus))
        if r.path is not None:
            graph.add((node, SH.resultPath, r.path))
            if isinstance(r.path, BNode) and r.path_graph is not None:
                _copy_bnode(r.path_graph, r.path, graph)
        if r.value is not None:
            graph.add((node, SH.value, r.value))
        graph.add((node, SH.resultMessage, RdfLiteral(r.message)))
        graph.add((node, SH.resultSeverity, r.severity))
        graph.add((node, SH.sourceShape, r.shape))
        if isinstance(r.shape, BNode):
            _copy_bnode(shapes, r.shape, graph)
        graph.add((node, SH.sourceConstraintComponent, r.component))
        result = by_key.get((str(r.focus), r.message, name))
        if result is not None:
            for source in result.sources:
                graph.add((node, PROV.wasDerivedFrom, URIRef(source.graph)))
    return graph


def _copy_bnode(source: Graph, node: Node, target: Graph) -> None:
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for p, o in source.predicate_objects(current):
            target.add((current, p, o))
            if isinstance(o, BNode):
                stack.append(o)
