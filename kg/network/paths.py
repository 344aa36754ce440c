"""Collaboration paths: the "Bacon number" between two people, with the films on each hop.

People are found by IRI, by label (case, accents and punctuation folded) or by IRI slug; an
unknown name raises :class:`~kg.errors.UnknownNameError` with the closest labels in the graph.

>>> import networkx as nx
>>> g = nx.Graph(film_info={"f1": ("Heat", 1995), "f2": ("Ronin", 1998)})
>>> g.add_node("a", label="Al Pacino"); g.add_node("b", label="Robert De Niro")
>>> g.add_node("c", label="Jean Reno")
>>> g.add_edge("a", "b", films=["f1"]); g.add_edge("b", "c", films=["f2"])
>>> p = collaboration_path(g, "al pacino", "Jean Reno")
>>> p["distance"], [h["films"] for h in p["hops"]]
(2, [['Heat (1995)'], ['Ronin (1998)']])
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Hashable
from typing import Any

import networkx as nx

from ..errors import KGInputError, UnknownNameError
from ..resolve import normalise_name

__all__ = ["collaboration_path", "distance_distribution", "find_node"]


def _label(g: nx.Graph, node: Hashable) -> str:
    return str(g.nodes[node].get("label", node))


def find_node(g: nx.Graph, name: str, *, kind: str = "person") -> Hashable:
    """The node whose IRI, label or IRI slug is ``name``.

    Raises
    ------
    UnknownNameError
        Naming ``name`` and suggesting the closest labels.

    Examples
    --------
    >>> g = nx.Graph(); g.add_node("urn:x/tom-cruise", label="Tom Cruise")
    >>> find_node(g, "TOM CRUISE")
    'urn:x/tom-cruise'
    >>> find_node(g, "Tom Crusie")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownNameError: no person named 'Tom Crusie' in the graph; did you mean: Tom Cruise?
    """
    if name in g:
        return name
    key = normalise_name(name)
    matches = [
        v
        for v, label in g.nodes(data="label")
        if (label is not None and normalise_name(str(label)) == key)
        or str(v).rsplit("/", 1)[-1] == key
    ]
    if len(matches) == 1:
        found: Hashable = matches[0]
        return found
    if len(matches) > 1:
        options = ", ".join(sorted(str(v) for v in matches)[:5])
        raise KGInputError(f"{name!r} names {len(matches)} nodes: give the IRI, one of {options}")
    labels = [str(label) for _, label in g.nodes(data="label") if label is not None]
    raise UnknownNameError(f"no {kind} named {name!r} in the graph{_suggest(name, labels)}")


def _suggest(name: str, labels: list[str]) -> str:
    try:
        from rapidfuzz import fuzz, process, utils
    except ImportError:  # pragma: no cover - rapidfuzz is a core dependency
        import difflib

        close = difflib.get_close_matches(name, labels, n=3)
    else:
        found = process.extract(
            name,
            labels,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=3,
            score_cutoff=60,
        )
        close = [label for label, _, _ in found]
    return (
        f"; did you mean: {', '.join(close)}?"
        if close
        else "; check the spelling (kg network centrality lists names)"
    )


def _film_names(g: nx.Graph, films: Any) -> list[str]:
    info = g.graph.get("film_info") or {}
    out = []
    for f in films if isinstance(films, list | tuple) else ([films] if films else []):
        label, year = info.get(f, (f, None))
        out.append(f"{label} ({year})" if year is not None else str(label))
    return out


def collaboration_path(g: nx.Graph, source: str, target: str) -> dict[str, Any]:
    """The shortest chain of collaborations from ``source`` to ``target`` (names or IRIs).

    Returns
    -------
    dict
        ``source, source_label, target, target_label, distance`` (``None`` when they are not
        connected) and ``hops``: one ``{from, from_label, to, to_label, films}`` per step.
        Among several shortest paths, the one networkx's BFS finds first is returned.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> collaboration_path(g, "a", "c")["distance"]
    2
    """
    s = find_node(g, source)
    t = find_node(g, target)
    out: dict[str, Any] = {
        "source": str(s),
        "source_label": _label(g, s),
        "target": str(t),
        "target_label": _label(g, t),
        "distance": None,
        "hops": [],
    }
    try:
        path = nx.shortest_path(g, s, t)
    except nx.NetworkXNoPath:
        return out
    out["distance"] = len(path) - 1
    out["hops"] = [
        {
            "from": str(u),
            "from_label": _label(g, u),
            "to": str(v),
            "to_label": _label(g, v),
            "films": _film_names(g, g.edges[u, v].get("films")),
        }
        for u, v in itertools.pairwise(path)
    ]
    return out


def distance_distribution(g: nx.Graph, person: str) -> dict[str, Any]:
    """How many people are 1, 2, 3... collaborations away from ``person``.

    Returns
    -------
    dict
        ``person, label, reachable, unreachable, mean_distance, max_distance`` and
        ``distribution`` (``{distance: count}``, the person at 0 left out).

    Examples
    --------
    >>> distance_distribution(nx.path_graph(["a", "b", "c"]), "a")["distribution"]
    {1: 1, 2: 1}
    """
    node = find_node(g, person)
    lengths = nx.single_source_shortest_path_length(g, node)
    counts = Counter(d for d in lengths.values() if d > 0)
    reachable = sum(counts.values())
    return {
        "person": str(node),
        "label": _label(g, node),
        "reachable": reachable,
        "unreachable": g.number_of_nodes() - 1 - reachable,
        "mean_distance": sum(d * c for d, c in counts.items()) / reachable if reachable else None,
        "max_distance": max(counts) if counts else 0,
        "distribution": dict(sorted(counts.items())),
    }
