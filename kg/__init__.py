"""kg: a knowledge graph of film productions.

Load articles and film tables into RDF under a film ontology, keep provenance, query with SPARQL,
export graph files and analyse the collaboration network.

The public API is re-exported here and imported lazily on first use, so ``import kg`` does no
work (networkx, owlready2, pySHACL and spaCy load only when their functions are called).

>>> import kg
>>> with kg.Store.memory() as store:
...     kg.graph_stats(store)["triples"]
0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .enrich import EnrichReport, enrich
    from .errors import (
        KGCheckFailed,
        KGError,
        KGInputError,
        MappingError,
        ParseError,
        QueryError,
        StoreBusyError,
        StoreError,
        UnknownFormatError,
        UnknownNameError,
    )
    from .eval import evaluate
    from .explain import FactExplanation, explain
    from .export import export_rdf
    from .extract import extract
    from .ingest import LoadReport, load_paths, remove_sources
    from .model import Document, EntityRef, EntityType, Evidence, Fact, Relation, Value, ValueType
    from .network import (
        build_graph,
        centrality,
        collaboration_path,
        detect_communities,
        plot_graph,
        timeline,
        write_graph,
    )
    from .network import graph_stats as network_stats
    from .push import PushReport, push
    from .query import NamedQuery, format_table, named_queries, run_named_query, run_query
    from .reason import ReasonReport, drop_inferred, reason
    from .remote import RemoteEndpoint, RemoteResult, remote_named_query, remote_query
    from .serve import ServeConfig, make_server
    from .stats import graph_stats, source_list
    from .store import QueryResult, Store
    from .validate import ValidationReport, ValidationResult, validate

_EXPORTS: dict[str, tuple[str, str]] = {
    # errors
    **{
        name: ("errors", name)
        for name in (
            "KGCheckFailed",
            "KGError",
            "KGInputError",
            "MappingError",
            "ParseError",
            "QueryError",
            "StoreBusyError",
            "StoreError",
            "UnknownFormatError",
            "UnknownNameError",
        )
    },
    # data passed between stages
    **{
        name: ("model", name)
        for name in (
            "Document",
            "EntityRef",
            "EntityType",
            "Evidence",
            "Fact",
            "Relation",
            "Value",
            "ValueType",
        )
    },
    # store, loading, querying, exporting
    "Store": ("store", "Store"),
    "QueryResult": ("store", "QueryResult"),
    "LoadReport": ("ingest", "LoadReport"),
    "load_paths": ("ingest", "load_paths"),
    "remove_sources": ("ingest", "remove_sources"),
    "NamedQuery": ("query", "NamedQuery"),
    "format_table": ("query", "format_table"),
    "named_queries": ("query", "named_queries"),
    "run_named_query": ("query", "run_named_query"),
    "run_query": ("query", "run_query"),
    "export_rdf": ("export", "export_rdf"),
    "graph_stats": ("stats", "graph_stats"),
    "source_list": ("stats", "source_list"),
    # extraction and evaluation
    "extract": ("extract", "extract"),
    "evaluate": ("eval", "evaluate"),
    "explain": ("explain", "explain"),
    "FactExplanation": ("explain", "FactExplanation"),
    # network analysis
    "build_graph": ("network", "build_graph"),
    "centrality": ("network", "centrality"),
    "collaboration_path": ("network", "collaboration_path"),
    "detect_communities": ("network", "detect_communities"),
    "network_stats": ("network", "graph_stats"),
    "plot_graph": ("network", "plot_graph"),
    "timeline": ("network", "timeline"),
    "write_graph": ("network", "write_graph"),
    # validation and reasoning
    "ValidationReport": ("validate", "ValidationReport"),
    "ValidationResult": ("validate", "ValidationResult"),
    "validate": ("validate", "validate"),
    "ReasonReport": ("reason", "ReasonReport"),
    "drop_inferred": ("reason", "drop_inferred"),
    "reason": ("reason", "reason"),
    # remote servers
    "PushReport": ("push", "PushReport"),
    "push": ("push", "push"),
    "RemoteEndpoint": ("remote", "RemoteEndpoint"),
    "RemoteResult": ("remote", "RemoteResult"),
    "remote_named_query": ("remote", "remote_named_query"),
    "remote_query": ("remote", "remote_query"),
    "EnrichReport": ("enrich", "EnrichReport"),
    "enrich": ("enrich", "enrich"),
    # the SPARQL endpoint (`kg.serve` is the subpackage, so its `serve()` is not re-exported)
    "ServeConfig": ("serve", "ServeConfig"),
    "make_server": ("serve", "make_server"),
}

__all__ = [
    "Document",
    "EnrichReport",
    "EntityRef",
    "EntityType",
    "Evidence",
    "Fact",
    "FactExplanation",
    "KGCheckFailed",
    "KGError",
    "KGInputError",
    "LoadReport",
    "MappingError",
    "NamedQuery",
    "ParseError",
    "PushReport",
    "QueryError",
    "QueryResult",
    "ReasonReport",
    "Relation",
    "RemoteEndpoint",
    "RemoteResult",
    "ServeConfig",
    "Store",
    "StoreBusyError",
    "StoreError",
    "UnknownFormatError",
    "UnknownNameError",
    "ValidationReport",
    "ValidationResult",
    "Value",
    "ValueType",
    "build_graph",
    "centrality",
    "collaboration_path",
    "detect_communities",
    "drop_inferred",
    "enrich",
    "evaluate",
    "explain",
    "export_rdf",
    "extract",
    "format_table",
    "graph_stats",
    "load_paths",
    "make_server",
    "named_queries",
    "network_stats",
    "plot_graph",
    "push",
    "reason",
    "remote_named_query",
    "remote_query",
    "remove_sources",
    "run_named_query",
    "run_query",
    "source_list",
    "timeline",
    "validate",
    "write_graph",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562)."""
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'kg' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
