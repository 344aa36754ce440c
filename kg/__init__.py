"""kg: a knowledge graph of film productions.

Load articles and film tables into RDF under a film ontology, keep provenance, query with SPARQL,
export graph files and analyse the collaboration network.

>>> import kg
>>> with kg.Store.memory() as store:
...     kg.graph_stats(store)["triples"]
0
"""

from __future__ import annotations

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
from .export import export_rdf
from .ingest import LoadReport, load_paths, remove_sources
from .model import Document, EntityRef, EntityType, Evidence, Fact, Relation, Value, ValueType
from .query import NamedQuery, format_table, named_queries, run_named_query, run_query
from .stats import graph_stats, source_list
from .push import PushReport, push
from .remote import RemoteEndpoint, RemoteResult, remote_named_query, remote_query
from .store import QueryResult, Store

__all__ = [
    "Document",
    "EntityRef",
    "EntityType",
    "Evidence",
    "Fact",
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
    "Relation",
    "RemoteEndpoint",
    "RemoteResult",
    "Store",
    "StoreBusyError",
    "StoreError",
    "UnknownFormatError",
    "UnknownNameError",
    "Value",
    "ValueType",
    "export_rdf",
    "format_table",
    "graph_stats",
    "load_paths",
    "named_queries",
    "push",
    "remote_named_query",
    "remote_query",
    "remove_sources",
    "run_named_query",
    "run_query",
    "source_list",
]
