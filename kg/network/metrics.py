"""Network metrics: whole-graph statistics, small-world comparison, node centralities.

Every function takes the graph first and returns plain dicts. Costly measures sample on large
graphs with a seed, so the same call gives the same numbers; the result says when it sampled.
Centralities are computed by igraph when it is installed (``backend="auto"``, the default; from
the ``igraph`` extra) and come back as the same dicts, equal to networkx's (the reference) within
floating-point tolerance; :func:`sparse_centrality` measures a projection kept as arrays.

>>> import networkx as nx
>>> g = nx.path_graph(4)
>>> s = graph_stats(g)
>>> s["nodes"], s["edges"], s["density"], s["average_path_length"]
(4, 3, 0.5, 1.6666666666666667)
>>> centrality(g, ["degree"])["degree"]
{0: 1, 1: 2, 2: 2, 3: 1}
"""

from __future__ import annotations

import importlib.util
import math
import random
import warnings
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np

from ..errors import KGInputError, UnknownNameError
from ..gcpause import no_gc
from ..progress import bar
from .sparse import SparseGraph

__all__ = [
    "ARRAY_MEASURES",
    "BACKENDS",
    "MEASURES",
    "average_path_length",
    "betweenness",
    "centrality",
    "default_backend",
    "degree_assortativity",
    "graph_stats",
    "require_edges",
    "small_world",
    "sparse_centrality",
    "to_igraph",
    "top_nodes",
]

MEASURES: tuple[str, ...] = (
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
)
"""Centrality measures by name."""

BACKENDS: tuple[str, ...] = ("networkx", "igraph", "auto")


def default_backend() -> str:
    """``igraph`` when python-igraph is installed (the same numbers, 20-40x faster on large
    graphs), else ``networkx``: what ``backend="auto"`` means.

    >>> default_backend() in ("igraph", "networkx")
    True
    """
    return "igraph" if importlib.util.find_spec("igraph") is not None else "networkx"


EXACT_LIMIT = 2000
"""Graphs (largest components) up to this many nodes get exact path lengths and clustering."""

DEFAULT_SAMPLE = 200
"""Sources (path length) and nodes (clustering) sampled on larger graphs."""


def require_edges(g: nx.Graph, what: str = "this") -> None:
    """Raise a clear :class:`~kg.errors.KGInputError` for an empty or edgeless graph.

    >>> require_edges(nx.empty_graph(3))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.KGInputError: the graph has 3 nodes and no edges: nothing to compute ...
    """
    if g.number_of_nodes() == 0:
        raise KGInputError(
            f"the graph is empty: nothing to compute {what} on; build a projection with data"
        )
    if g.number_of_edges() == 0:
        raise KGInputError(
            f"the graph has {g.number_of_nodes()} nodes and no edges: nothing to compute {what} on; "
            "widen --years or --roles, or lower --min-weight"
        )


def _largest_component(g: nx.Graph) -> nx.Graph:
    comp = max(nx.connected_components(g), key=lambda c: (len(c), min(map(str, c))))
    return g.subgraph(comp)


def _sample(nodes: Iterable[Hashable], k: int, seed: int) -> list[Hashable]:
    ordered = sorted(nodes, key=str)
    if k >= len(ordered):
        return ordered
    return random.Random(seed).sample(ordered, k)


def average_path_length(
    g: nx.Graph, *, sample: int | None = None, seed: int = 0, exact_limit: int = EXACT_LIMIT
) -> dict[str, Any]:
    """Mean shortest-path length (hops) in the largest connected component.

    Exact when the component has at most ``exact_limit`` nodes (or ``sample`` is ``None`` and the
    component is small); otherwise breadth-first searches from ``sample`` (default 500) sources
    drawn with ``seed``, averaging over every pair they reach.

    Returns
    -------
    dict
        ``value``, ``sampled`` (bool), ``sources`` (searches run), ``component_nodes``.

    Examples
    --------
    >>> average_path_length(nx.path_graph(4))
    {'value': 1.6666666666666667, 'sampled': False, 'sources': 4, 'component_nodes': 4}
    """
    require_edges(g, "path lengths")
    comp = _largest_component(g)
    n = comp.number_of_nodes()
    if n <= exact_limit and (sample is None or sample >= n):
        sources = list(comp)
        sampled = False
    else:
        sources = _sample(comp, sample or DEFAULT_SAMPLE, seed)
        sampled = len(sources) < n
    total, pairs = _distance_sums(comp, sources)
    value = total / pairs if pairs else 0.0
    return {"value": value, "sampled": sampled, "sources": len(sources), "component_nodes": n}


def _csr(g: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int], Any]:
    """The adjacency of ``g`` as a scipy CSR matrix (1 per edge, both directions), built straight
    from the adjacency dicts: ``nx.to_scipy_sparse_array`` is ~10x slower on a subgraph view."""
    import numpy as np
    from scipy.sparse import csr_array

    base = g
    while hasattr(base, "_graph"):  # a subgraph view: walk the parent's plain dicts
        base = base._graph
    order = list(g)
    index = {v: i for i, v in enumerate(order)}
    indptr = [0]
    indices: list[int] = []
    adj = base._adj
    for v in order:
        indices.extend(index[w] for w in adj[v] if w in index)
        indptr.append(len(indices))
    cols = np.asarray(indices, dtype=np.int64)
    data = np.ones(len(cols), dtype=np.int8)
    matrix = csr_array(
        (data, cols, np.asarray(indptr, dtype=np.int64)), shape=(len(order), len(order))
    )
    return order, index, matrix


def degree_assortativity(g: nx.Graph) -> float | None:
    """Pearson correlation of the degrees at the two ends of each edge (Newman's r), or ``None``
    when undefined (all degrees equal). Equals ``nx.degree_assortativity_coefficient`` on simple
    graphs; vectorised with numpy on large graphs (~20x faster).

    >>> round(degree_assortativity(nx.star_graph(4)), 6)
    -1.0
    """
    if g.number_of_nodes() > EXACT_LIMIT and importlib.util.find_spec("scipy") is not None:
        import numpy as np

        _, _, matrix = _csr(g)
        degrees = np.diff(matrix.indptr)
        x = np.repeat(degrees, degrees).astype(np.float64)
        y = degrees[matrix.indices].astype(np.float64)
        if x.size == 0 or x.std() == 0 or y.std() == 0:
            return None
        return float(np.corrcoef(x, y)[0, 1])
    try:
        with warnings.catch_warnings():  # a regular graph has no degree variance: nan
            warnings.simplefilter("ignore", RuntimeWarning)
            value = float(nx.degree_assortativity_coefficient(g))
    except (ZeroDivisionError, ValueError):
        return None
    return None if math.isnan(value) else value


def _distance_sums(comp: nx.Graph, sources: list[Hashable]) -> tuple[int, int]:
    """Sum of hop distances from ``sources`` to every node of the connected ``comp``, and the
    number of (source, other node) pairs. Breadth-first searches run in scipy's csgraph when it
    is installed and the component is large (the same integers, ~50x faster), else in networkx."""
    n = comp.number_of_nodes()
    if n > EXACT_LIMIT and importlib.util.find_spec("scipy") is not None:
        from scipy.sparse.csgraph import shortest_path

        _, index, matrix = _csr(comp)
        total = 0
        for start in range(0, len(sources), 50):
            chunk = [index[v] for v in sources[start : start + 50]]
            dist = shortest_path(matrix, method="D", directed=False, unweighted=True, indices=chunk)
            total += int(dist.sum())
        return total, len(sources) * (n - 1)
    total = pairs = 0
    for s in sources:
        lengths = nx.single_source_shortest_path_length(comp, s)
        total += sum(lengths.values())
        pairs += len(lengths) - 1
    return total, pairs


def _clustering(
    g: nx.Graph, *, sample: int | None, seed: int, exact_limit: int
) -> tuple[float, bool]:
    n = g.number_of_nodes()
    if n <= exact_limit and (sample is None or sample >= n):
        return nx.average_clustering(g), False
    nodes = _sample(g, sample or DEFAULT_SAMPLE, seed)
    return nx.average_clustering(g, nodes=nodes), len(nodes) < n


def graph_stats(
    g: nx.Graph,
    *,
    sample: int | None = None,
    seed: int = 0,
    exact_limit: int = EXACT_LIMIT,
    small_world_test: bool = False,
    progress: bool = False,
) -> dict[str, Any]:
    """Size, density, components, clustering, assortativity and path length of ``g``.

    Parameters
    ----------
    g : networkx.Graph
    sample : sources / nodes to sample for path length and clustering on graphs larger than
        ``exact_limit`` (default 200).
    seed : random seed for sampling (same seed, same numbers).
    small_world_test : also compare with a random graph of the same degrees (:func:`small_world`).

    Returns
    -------
    dict
        ``nodes, edges, density, average_degree, components, largest_component_nodes,
        largest_component_share, isolates, average_clustering, clustering_sampled,
        degree_assortativity, average_path_length, path_length_sampled`` (and ``small_world``).

    Examples
    --------
    >>> g = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
    >>> s = graph_stats(g)
    >>> s["components"], s["largest_component_share"], s["average_clustering"]
    (2, 0.6, 0.6)
    """
    require_edges(g, "statistics")
    n, m = g.number_of_nodes(), g.number_of_edges()
    steps = bar(total=5 if small_world_test else 4, desc="stats", unit=" steps", enabled=progress)
    steps.set_postfix_str("components")
    components = [len(c) for c in nx.connected_components(g)]
    largest = max(components)
    steps.update()
    steps.set_postfix_str("clustering")
    clustering, clustering_sampled = _clustering(
        g, sample=sample, seed=seed, exact_limit=exact_limit
    )
    steps.update()
    steps.set_postfix_str("assortativity")
    assortativity = degree_assortativity(g)
    steps.update()
    steps.set_postfix_str("path length")
    path = average_path_length(g, sample=sample, seed=seed, exact_limit=exact_limit)
    steps.update()
    out: dict[str, Any] = {
        "nodes": n,
        "edges": m,
        "density": nx.density(g),
        "average_degree": 2 * m / n,
        "components": len(components),
        "largest_component_nodes": largest,
        "largest_component_share": largest / n,
        "isolates": sum(1 for c in components if c == 1),
        "average_clustering": clustering,
        "clustering_sampled": clustering_sampled,
        "degree_assortativity": assortativity,
        "average_path_length": path["value"],
        "path_length_sampled": path["sampled"],
    }
    if small_world_test:
        steps.set_postfix_str("small-world comparison")
        out["small_world"] = small_world(g, sample=sample, seed=seed, exact_limit=exact_limit)
        steps.update()
    steps.close()
    return out


def random_reference(g: nx.Graph, *, seed: int = 0) -> nx.Graph:
    """A random simple graph with (nearly) the degrees of ``g``: a configuration model, seeded.

    Multi-edges and self-loops of the configuration model are dropped, which lowers a few
    degrees slightly on dense hubs; nodes keep their names.

    >>> h = random_reference(nx.karate_club_graph(), seed=1)
    >>> h.number_of_nodes()
    34
    """
    nodes = sorted(g, key=str)
    degrees = [g.degree(v) for v in nodes]
    multi = nx.configuration_model(degrees, seed=seed)
    h = nx.Graph(multi)
    h.remove_edges_from(nx.selfloop_edges(h))
    return nx.relabel_nodes(h, dict(enumerate(nodes)))


def small_world(
    g: nx.Graph, *, sample: int | None = None, seed: int = 0, exact_limit: int = EXACT_LIMIT
) -> dict[str, Any]:
    """Compare clustering and path length with a degree-preserving random graph.

    ``sigma = (C / C_rand) / (L / L_rand)``; well above 1 means small-world (clustered like a
    lattice, short paths like a random graph). ``L`` is measured on the largest components.

    Returns
    -------
    dict
        ``clustering, clustering_random, path_length, path_length_random, clustering_ratio,
        path_length_ratio, sigma, seed``.

    Examples
    --------
    >>> r = small_world(nx.connected_watts_strogatz_graph(200, 8, 0.1, seed=1), seed=1)
    >>> r["sigma"] > 1
    True
    """
    require_edges(g, "the small-world comparison")
    ref = random_reference(g, seed=seed)
    c, _ = _clustering(g, sample=sample, seed=seed, exact_limit=exact_limit)
    c_rand, _ = _clustering(ref, sample=sample, seed=seed, exact_limit=exact_limit)
    length = average_path_length(g, sample=sample, seed=seed, exact_limit=exact_limit)["value"]
    length_rand = average_path_length(ref, sample=sample, seed=seed, exact_limit=exact_limit)[
        "value"
    ]
    c_ratio = c / c_rand if c_rand else None
    l_ratio = length / length_rand if length_rand else None
    sigma = c_ratio / l_ratio if c_ratio is not None and l_ratio else None
    return {
        "clustering": c,
        "clustering_random": c_rand,
        "path_length": length,
        "path_length_random": length_rand,
        "clustering_ratio": c_ratio,
        "path_length_ratio": l_ratio,
        "sigma": sigma,
        "seed": seed,
    }


# --- centrality ----------------------------------------------------------------------------------


def _check_measures(measures: Iterable[str]) -> list[str]:
    out = []
    for name in measures:
        key = name.strip().lower().replace("-", "_")
        if key not in MEASURES:
            raise UnknownNameError(
                f"unknown centrality measure {name!r}; use one of: {', '.join(MEASURES)}"
            )
        out.append(key)
    return out


def centrality(
    g: nx.Graph,
    measures: Sequence[str] = ("degree", "weighted_degree", "pagerank"),
    *,
    k: int | None = None,
    seed: int = 0,
    weight: str = "weight",
    backend: str = "auto",
    progress: bool = False,
) -> dict[str, dict[Hashable, float]]:
    """Centrality scores of every node, by measure.

    Parameters
    ----------
    g : networkx.Graph
    measures : names from :data:`MEASURES`:
        ``degree`` (neighbours), ``weighted_degree`` (sum of ``weight``), ``betweenness``
        (normalised; sampled from ``k`` sources drawn with ``seed`` when ``k`` is given),
        ``closeness`` (Wasserman-Faust, for disconnected graphs), ``eigenvector`` (weighted, of
        the largest component; 0 elsewhere), ``pagerank`` (weighted, damping 0.85; networkx
        stops at its default tolerance, igraph solves exactly: they agree to about 1e-5).
        Betweenness and closeness count hops, not weights.
    k, seed : betweenness sample size and seed.
    weight : the edge attribute used by weighted measures.
    backend : ``auto`` (default: igraph when installed, else networkx), ``networkx`` (the
        reference) or ``igraph`` (pagerank, betweenness and closeness run in igraph; the results
        are the same dicts and equal networkx's within tolerance, which the tests check).

    Returns
    -------
    dict
        ``{measure: {node: score}}``.

    Examples
    --------
    >>> g = nx.star_graph(3)
    >>> centrality(g, ["betweenness", "closeness"])["betweenness"][0]
    1.0
    """
    require_edges(g, "centrality")
    names = _check_measures(measures)
    if backend not in BACKENDS:
        raise UnknownNameError(f"unknown backend {backend!r}; use one of: {', '.join(BACKENDS)}")
    if k is not None and k < 1:
        raise KGInputError(f"--k must be at least 1 (got {k})")
    if backend == "auto":
        backend = default_backend()
    with no_gc():
        return _centrality(
            g, names, k=k, seed=seed, weight=weight, backend=backend, progress=progress
        )


def _centrality(
    g: nx.Graph,
    names: list[str],
    *,
    k: int | None,
    seed: int,
    weight: str,
    backend: str,
    progress: bool = False,
) -> dict[str, dict[Hashable, float]]:
    out: dict[str, dict[Hashable, float]] = {}
    converted: tuple[Any, list[Hashable]] | None = None
    for name in names:
        if name == "degree":
            out[name] = dict(g.degree())
        elif name == "weighted_degree":
            out[name] = dict(g.degree(weight=weight))
        elif backend == "igraph" and name in ("pagerank", "betweenness", "closeness"):
            converted = converted or to_igraph(g, weight)
            out[name] = _igraph_centrality(converted, name, k=k, seed=seed, progress=progress)
        elif name == "betweenness":
            out[name] = betweenness(g, k=k, seed=seed, progress=progress)
        elif name == "closeness":
            out[name] = nx.closeness_centrality(g)
        elif name == "eigenvector":
            out[name] = _eigenvector(g, weight)
        else:
            out[name] = nx.pagerank(g, weight=weight)
    return out


def _eigenvector(g: nx.Graph, weight: str) -> dict[Hashable, float]:
    """Eigenvector centrality of the largest component (0 elsewhere: on a disconnected graph the
    leading eigenvector is not unique, and networkx refuses it)."""
    comp = _largest_component(g) if not nx.is_connected(g) else g
    out: dict[Hashable, float] = dict.fromkeys(g, 0.0)
    if importlib.util.find_spec("scipy") is None:
        out.update(nx.eigenvector_centrality(comp, max_iter=1000, weight=weight))
    else:
        out.update(nx.eigenvector_centrality_numpy(comp, weight=weight))
    return out


def to_igraph(g: nx.Graph, weight: str | None = "weight") -> tuple[Any, list[Hashable]]:
    """An undirected ``igraph.Graph`` of ``g`` (edge attribute ``weight``) and its node order.

    >>> h, nodes = to_igraph(nx.path_graph(3))
    >>> h.vcount(), h.ecount(), nodes
    (3, 2, [0, 1, 2])
    """
    try:
        import igraph
    except ImportError as err:
        raise KGInputError(
            "the igraph backend needs python-igraph: pip install 'kg[igraph]'"
        ) from err
    with no_gc():
        nodes = list(g)
        index = {v: i for i, v in enumerate(nodes)}
        edges: list[tuple[int, int]] = []
        weights: list[float] = []
        for u, nbrs in g.adjacency():
            iu = index[u]
            for v, d in nbrs.items():
                iv = index[v]
                if iu < iv or u == v:
                    edges.append((iu, iv))
                    weights.append(float(d.get(weight, 1)) if weight is not None else 1.0)
        h = igraph.Graph(n=len(nodes), edges=edges, directed=False)
        h.es["weight"] = weights
    return h, nodes


def betweenness(
    g: nx.Graph, *, k: int | None = None, seed: int = 0, progress: bool = False
) -> dict[Hashable, float]:
    """Normalised betweenness (hops), exact or from ``k`` sources drawn with ``seed``: the same
    numbers as ``nx.betweenness_centrality(g, k=k, seed=seed)``, computed source by source so a
    progress bar can show the ETA (on 53k nodes one source takes about a second).

    >>> b = betweenness(nx.path_graph(4))
    >>> b == nx.betweenness_centrality(nx.path_graph(4))
    True
    """
    sample = None if k is None or k >= g.number_of_nodes() else k
    try:
        from networkx.algorithms.centrality.betweenness import (
            _accumulate_basic,
            _rescale,
            _single_source_shortest_path_basic,
        )
    except ImportError:  # networkx moved its helpers: the public function, without a bar
        return dict(nx.betweenness_centrality(g, k=sample, seed=seed))
    nodes = list(g) if sample is None else random.Random(seed).sample(list(g.nodes()), sample)
    scores: dict[Hashable, float] = dict.fromkeys(g, 0.0)
    with bar(total=len(nodes), desc="betweenness", unit=" sources", enabled=progress) as ticks:
        for s in nodes:
            stack, pred, sigma, _ = _single_source_shortest_path_basic(g, s)
            scores, _ = _accumulate_basic(scores, stack, pred, sigma, s)
            ticks.update()
    return dict(
        _rescale(
            scores,
            len(g),
            normalized=True,
            directed=g.is_directed(),
            endpoints=False,
            sampled_nodes=None if sample is None else nodes,
        )
    )


def _igraph_centrality(
    converted: tuple[Any, list[Hashable]],
    name: str,
    *,
    k: int | None,
    seed: int,
    progress: bool = False,
) -> dict[Hashable, float]:
    h, nodes = converted
    n = len(nodes)
    if name == "pagerank":
        values = h.pagerank(directed=False, damping=0.85, weights="weight")
        return dict(zip(nodes, values, strict=True))
    if name == "closeness":
        raw = h.closeness(normalized=True)
        sizes = h.connected_components().sizes()
        member = h.connected_components().membership
        out: dict[Hashable, float] = {}
        for i, v in enumerate(nodes):
            r = sizes[member[i]]
            c = raw[i]
            out[v] = 0.0 if r <= 1 or c is None or math.isnan(c) else c * (r - 1) / (n - 1)
        return out
    # betweenness: the same sources networkx would draw, the same rescaling (normalised)
    big_n = n - 1
    if big_n < 2:
        return dict.fromkeys(nodes, 0.0)
    if k is None or k >= n:
        raw = h.betweenness(directed=False)
        scale = 2 / (big_n * (big_n - 1))
        return {v: raw[i] * scale for i, v in enumerate(nodes)}
    sources = random.Random(seed).sample(nodes, k)
    index = {v: i for i, v in enumerate(nodes)}
    raw = [0.0] * n
    with bar(total=k, desc="betweenness (igraph)", unit=" sources", enabled=progress) as ticks:
        for start in range(0, k, 25):  # in chunks, for the bar: same sums
            chunk = [index[s] for s in sources[start : start + 25]]
            part = h.betweenness(directed=False, sources=chunk)
            raw = [a + b for a, b in zip(raw, part, strict=True)]
            ticks.update(len(chunk))
    chosen = set(sources)
    s_src = 2 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
    s_other = 2 / (k * (big_n - 1))
    return {v: raw[i] * (s_src if v in chosen else s_other) for i, v in enumerate(nodes)}


ARRAY_MEASURES: tuple[str, ...] = (
    "degree",
    "weighted_degree",
    "pagerank",
    "betweenness",
    "closeness",
)
"""The measures :func:`sparse_centrality` computes from a projection's arrays."""


def sparse_centrality(
    sg: SparseGraph,
    measures: Sequence[str] = ("degree", "weighted_degree", "pagerank"),
    *,
    k: int | None = None,
    seed: int = 0,
    progress: bool = False,
) -> dict[str, dict[Hashable, float]]:
    """:func:`centrality` of a projection kept as arrays (:func:`kg.network.build_sparse`), in
    igraph, with no networkx graph: what a graph too big for networkx is measured with (the
    Wikidata co-star graph: 1.7M edges, 12 bytes each here against about 250 in networkx). The
    same numbers as ``centrality(sg.to_networkx(), measures, backend="igraph")``; the measures
    are those of :data:`ARRAY_MEASURES`.

    >>> from kg.credits import CreditIndex
    >>> from kg.network.sparse import sparse_projection
    >>> idx = CreditIndex.empty().with_graph("g", [("f", "cast_member", "a"), ("f", "cast_member", "b")])
    >>> sparse_centrality(sparse_projection(idx, "co-star", ("cast_member",)), ["degree"])
    {'degree': {'a': 1, 'b': 1}}
    """
    names = _check_measures(measures)
    other = [m for m in names if m not in ARRAY_MEASURES]
    if other:
        raise KGInputError(
            f"{', '.join(other)} need a networkx graph; measure {', '.join(ARRAY_MEASURES)} "
            "from the arrays, or build the graph with build_graph"
        )
    if sg.number_of_edges() == 0:
        raise KGInputError("centrality needs a graph with edges")
    n = sg.number_of_nodes()
    out: dict[str, dict[Hashable, float]] = {}
    converted: tuple[Any, list[Hashable]] | None = None
    for name in names:
        if name in ("degree", "weighted_degree"):
            w = None if name == "degree" else np.concatenate([sg.weight, sg.weight])
            sums = np.bincount(np.concatenate([sg.u, sg.v]), weights=w, minlength=n)
            values = sums.astype(np.int64).tolist()
            out[name] = dict(zip(sg.nodes, values, strict=True))
        else:
            converted = converted or (sg.to_igraph(), list(sg.nodes))
            out[name] = _igraph_centrality(converted, name, k=k, seed=seed, progress=progress)
    return out


def top_nodes(
    g: nx.Graph,
    scores: Mapping[str, Mapping[Hashable, float]],
    *,
    n: int = 10,
    by: str | None = None,
) -> list[dict[str, Any]]:
    """The ``n`` best nodes by measure ``by`` (default: the first), with labels and all scores.

    >>> g = nx.star_graph(3)
    >>> nx.set_node_attributes(g, {0: "hub"}, "label")
    >>> top_nodes(g, centrality(g, ["degree"]), n=1)
    [{'rank': 1, 'id': '0', 'label': 'hub', 'degree': 3}]
    """
    if not scores:
        return []
    key = by or next(iter(scores))
    if key not in scores:
        raise KGInputError(
            f"--sort-by {key!r} is not among the measures computed: {', '.join(scores)}"
        )
    ranked = sorted(scores[key].items(), key=lambda item: (-item[1], str(item[0])))[:n]
    rows = []
    for rank, (node, _) in enumerate(ranked, start=1):
        row: dict[str, Any] = {
            "rank": rank,
            "id": str(node),
            "label": g.nodes[node].get("label", str(node)),
        }
        for name, values in scores.items():
            row[name] = values.get(node)
        rows.append(row)
    return rows
