"""Lookups for reports: labels of IRIs, source paths of graphs, short forms of IRIs.

Validation, reasoning and explanations name entities by their label and sources by the file
they were loaded from; they read both here, through any :class:`~kg.reader.GraphReader` (the
store, or a SPARQL server), and shorten IRIs with :func:`short_iri`.

>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> from kg.store import Store
>>> with Store.memory() as store:
...     with store.writing():
...         _ = store.add_triples("urn:g", [(URIRef("urn:heat"), RDFS.label, Literal("Heat"))])
...     labels(store, ["urn:heat", "urn:none"])
{'urn:heat': 'Heat'}
>>> short_iri("https://w3id.org/filmkg/ontology#director")
'kg:director'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .namespace import KG
from .reader import GraphReader

__all__ = ["LABEL_PREDICATES", "SHORT_PREFIXES", "labels", "short_iri", "source_paths"]

LABEL_PREDICATES: tuple[URIRef, ...] = (RDFS.label, KG.title, KG.name)
"""Where a label comes from, best first."""

SHORT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("kgr", "https://w3id.org/filmkg/resource/"),
    ("kgsh", "https://w3id.org/filmkg/shapes#"),
    ("kg", str(KG._NS)),
    ("sh", str(SH)),
    ("wdt", "http://www.wikidata.org/prop/direct/"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("schema", "https://schema.org/"),
    ("dbo", "http://dbpedia.org/ontology/"),
    ("owl", str(OWL)),
    ("xsd", str(XSD)),
    ("rdfs", str(RDFS)),
    ("rdf", str(RDF)),
)
"""The prefixes reports write IRIs with (``prefix``, namespace), first match wins."""

_CHUNK = 500


def short_iri(
    iri: str, prefixes: Iterable[tuple[str, str]] = SHORT_PREFIXES, *, angle: bool = False
) -> str:
    """``prefix:local`` for an IRI in one of ``prefixes``; otherwise the IRI itself (in angle
    brackets with ``angle=True``).

    >>> short_iri("http://www.w3.org/2002/07/owl#Thing"), short_iri("urn:x", angle=True)
    ('owl:Thing', '<urn:x>')
    """
    for prefix, namespace in prefixes:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>" if angle else iri


def labels(
    reader: GraphReader,
    iris: Iterable[str],
    *,
    graphs: Collection[str] | None = None,
    predicates: Sequence[URIRef] = LABEL_PREDICATES,
) -> dict[str, str]:
    """The best label of each IRI that has one: from the first of ``predicates`` it has, the
    smallest if there are several (so the answer does not depend on the engine's order).

    ``graphs`` restricts the labels to those stated in these named graphs (default: all).
    """
    wanted = sorted({str(i) for i in iris})
    if not wanted or (graphs is not None and not graphs):
        return {}
    rank = {str(p): i for i, p in enumerate(predicates)}
    values_p = ", ".join(p.n3() for p in predicates)
    keep = None if graphs is None else set(graphs)
    pattern = "?s ?p ?l" if keep is None else "GRAPH ?g { ?s ?p ?l }"
    best: dict[str, tuple[int, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        values_s = " ".join(URIRef(i).n3() for i in wanted[start : start + _CHUNK])
        sparql = (
            f"SELECT ?s ?p ?l {'?g' if keep is not None else ''} WHERE {{ VALUES ?s {{ {values_s} }} "
            f"{pattern} FILTER (?p IN ({values_p})) }}"  # two VALUES blocks: ~50x slower
        )
        for row in reader.rows(sparql):
            if keep is not None and str(row[3]) not in keep:
                continue
            subject, candidate = str(row[0]), (rank[str(row[1])], str(row[2]))
            if subject not in best or candidate < best[subject]:
                best[subject] = candidate
    return {subject: label for subject, (_, label) in best.items()}


def source_paths(reader: GraphReader) -> dict[str, str]:
    """The file or URL each source graph was loaded from (its ``kg:sourcePath``), by graph IRI.

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     source_paths(store)
    {}
    """
    rows = reader.rows(
        "SELECT ?g ?path WHERE { GRAPH ?g { ?g ?p ?path } }", bindings={"p": KG.sourcePath}
    )
    return {str(graph): str(path) for graph, path in rows}
