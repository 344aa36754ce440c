"""Network analysis of the film graph: projections, metrics, communities, paths, files, pictures.

Build a projection from the store, then call functions that take the graph first and return plain
dicts (networkx style). Plotting needs matplotlib (the ``network`` extra); the igraph backend
needs python-igraph (the ``igraph`` extra); both are imported only when used.

>>> import networkx as nx
>>> from kg.network import graph_stats
>>> graph_stats(nx.complete_graph(3))["density"]
1.0
"""

from __future__ import annotations

from .build import build_graph, fetch_credits
from .communities import community_summary, detect_communities
from .ego import ego_graph, ego_summary
from .io import read_graph, sanitize_graph, write_graph
from .metrics import average_path_length, centrality, graph_stats, small_world, top_nodes
from .paths import collaboration_path, distance_distribution, find_node
from .plot import plot_graph
from .projections import (
    PROJECTIONS,
    Credits,
    Projection,
    get_projection,
    project,
    register_projection,
)
from .source import GraphSource
from .timeline import timeline

__all__ = [
    "PROJECTIONS",
    "Credits",
    "GraphSource",
    "Projection",
    "average_path_length",
    "build_graph",
    "centrality",
    "collaboration_path",
    "community_summary",
    "detect_communities",
    "distance_distribution",
    "ego_graph",
    "ego_summary",
    "fetch_credits",
    "find_node",
    "get_projection",
    "graph_stats",
    "plot_graph",
    "project",
    "read_graph",
    "register_projection",
    "sanitize_graph",
    "small_world",
    "timeline",
    "top_nodes",
    "write_graph",
]
