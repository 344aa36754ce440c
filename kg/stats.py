"""Counts that describe a graph: triples, sources, films, people, organisations, credits by role.

>>> from kg.store import Store
>>> with Store.memory() as store:
...     graph_stats(store)["films"]
0
"""

from __future__ import annotations

from typing import Any

from .iri import ONTOLOGY_GRAPH
from .query import run_query
from .store import Store
from .summary import graph_sizes, summary_stats

__all__ = ["graph_stats", "source_list"]

_COUNTS = """
SELECT
  (COUNT(DISTINCT ?film) AS ?films) (COUNT(DISTINCT ?person) AS ?people)
  (COUNT(DISTINCT ?org) AS ?organisations) (COUNT(DISTINCT ?credit) AS ?credits)
WHERE {
  { ?film a kg:Film } UNION { ?person a kg:Person } UNION
  { ?org a kg:Organization } UNION { ?credit a kg:Credit }
}
"""

_ROLES = """
SELECT ?role (COUNT(DISTINCT ?credit) AS ?n) WHERE {
  ?credit a kg:Credit ; kg:role ?r .
  BIND(STRAFTER(STR(?r), "#") AS ?role)
} GROUP BY ?role ORDER BY DESC(?n) ?role
"""

_SOURCES_ONLY = """
SELECT ?graph ?path ?loader ?loaded WHERE {
  GRAPH ?graph { ?graph kg:sourcePath ?path ; kg:loader ?loader ; prov:generatedAtTime ?loaded }
} ORDER BY ?path
"""

_SOURCES = """
SELECT ?graph ?path ?loader ?loaded (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?graph kg:sourcePath ?path ; kg:loader ?loader ; prov:generatedAtTime ?loaded . ?s ?p ?o }
} GROUP BY ?graph ?path ?loader ?loaded ORDER BY ?path
"""


def graph_stats(store: Store, *, kept: bool = True) -> dict[str, Any]:
    """Counts as a plain dict: ``triples, graphs, films, people, organisations, credits, credits_by_role``.

    The ontology the store keeps (:data:`kg.iri.ONTOLOGY_GRAPH`) is schema, not data: its
    graph and triples are not counted. The counts come from the summaries ``kg load`` keeps
    (:mod:`kg.summary`) when the store has them; ``kept=False`` counts by scanning the store.
    """
    summary = summary_stats(store) if kept else None  # kg.summary: kept up to date by kg load
    if summary is not None:
        return summary
    counts = run_query(store, _COUNTS).rows()[0]
    roles = run_query(store, _ROLES).rows()
    graphs = [g for g in store.named_graphs() if g != ONTOLOGY_GRAPH]
    schema = store.graph_size(ONTOLOGY_GRAPH) if len(graphs) < len(store.named_graphs()) else 0
    return {
        "triples": len(store) - schema,
        "graphs": len(graphs),
        "films": int(counts[0] or 0),
        "people": int(counts[1] or 0),
        "organisations": int(counts[2] or 0),
        "credits": int(counts[3] or 0),
        "credits_by_role": {str(r[0]): int(str(r[1])) for r in roles},
    }


def source_list(store: Store) -> list[dict[str, str]]:
    """The loaded sources: graph IRI, path, loader, loaded at, triples (the graph sizes from
    the summaries ``kg load`` keeps, when the store has them: no scan)."""
    sizes = graph_sizes(store)
    if sizes is not None:
        return [
            {
                "graph": str(r[0]),
                "path": str(r[1]),
                "loader": str(r[2]),
                "loaded": str(r[3]),
                "triples": str(sizes.get(str(r[0]), 0)),
            }
            for r in run_query(store, _SOURCES_ONLY).rows()
        ]
    return [
        {
            "graph": str(r[0]),
            "path": str(r[1]),
            "loader": str(r[2]),
            "loaded": str(r[3]),
            "triples": str(r[4]),
        }
        for r in run_query(store, _SOURCES).rows()
    ]
