"""Ego networks: a person, the people within a few collaborations, and the links among them.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b", {"weight": 3}), ("a", "c", {"weight": 1}), ("c", "d", {"weight": 1})])
>>> sorted(ego_graph(g, "a").nodes())
['a', 'b', 'c']
>>> [r["id"] for r in ego_summary(g, "a")["neighbours"]]
['b', 'c']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..errors import KGInputError
from .paths import _film_names, find_node

__all__ = ["ego_graph", "ego_summary"]


def ego_graph(g: nx.Graph, person: str, *, radius: int = 1) -> nx.Graph:
    """The subgraph of nodes within ``radius`` hops of ``person`` (a name or IRI), with its edges.

    Graph attributes are kept, plus ``ego`` (the centre's IRI) and ``radius``.

    >>> ego_graph(nx.path_graph(["a", "b", "c"]), "b").number_of_edges()
    2
    """
    if radius < 1:
        raise KGInputError(f"--radius must be at least 1 (got {radius})")
    node = find_node(g, person)
    h = nx.ego_graph(g, node, radius=radius).copy()
    h.graph.update(g.graph)
    h.graph["ego"] = str(node)
    h.graph["radius"] = radius
    return h


def ego_summary(g: nx.Graph, person: str, *, radius: int = 1, top: int = 20) -> dict[str, Any]:
    """The ego network's size, density and the centre's strongest ties (by ``weight``).

    Returns
    -------
    dict
        ``person, label, radius, nodes, edges, density, neighbours`` (a list of ``{id, label,
        weight, films}``, heaviest first, at most ``top``).

    Examples
    --------
    >>> g = nx.Graph([("a", "b", {"weight": 2})])
    >>> ego_summary(g, "a")["neighbours"]
    [{'id': 'b', 'label': 'b', 'weight': 2, 'films': ''}]
    """
    h = ego_graph(g, person, radius=radius)
    centre = h.graph["ego"]
    centre_node = next(v for v in h if str(v) == centre)
    ties = sorted(
        h[centre_node].items(), key=lambda item: (-item[1].get("weight", 1), str(item[0]))
    )[:top]
    return {
        "person": centre,
        "label": str(h.nodes[centre_node].get("label", centre)),
        "radius": radius,
        "nodes": h.number_of_nodes(),
        "edges": h.number_of_edges(),
        "density": nx.density(h),
        "neighbours": [
            {
                "id": str(v),
                "label": str(h.nodes[v].get("label", v)),
                "weight": d.get("weight", 1),
                "films": "; ".join(_film_names(g, d.get("films"))),
            }
            for v, d in ties
        ],
    }
