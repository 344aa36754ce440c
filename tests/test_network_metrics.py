"""kg.network.metrics and communities: hand-computed values, networkx equality, igraph backend."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from kg.errors import KGInputError, UnknownNameError
from kg.network import centrality, detect_communities, graph_stats, small_world, top_nodes
from kg.network.communities import community_summary
from kg.network.metrics import average_path_length, random_reference


@pytest.fixture
def small() -> nx.Graph:
    """A triangle a-b-c with a tail c-d, and a separate edge e-f (weights on edges)."""
    g = nx.Graph()
    g.add_edge("a", "b", weight=2)
    g.add_edge("b", "c", weight=1)
    g.add_edge("a", "c", weight=1)
    g.add_edge("c", "d", weight=3)
    g.add_edge("e", "f", weight=1)
    for v in g:
        g.nodes[v]["label"] = v.upper()
    return g


def test_stats_by_hand(small: nx.Graph) -> None:
    s = graph_stats(small)
    assert (s["nodes"], s["edges"]) == (6, 5)
    assert s["density"] == pytest.approx(5 / 15)
    assert s["average_degree"] == pytest.approx(10 / 6)
    assert s["components"] == 2 and s["isolates"] == 0
    assert s["largest_component_nodes"] == 4 and s["largest_component_share"] == pytest.approx(
        4 / 6
    )
    # clustering: a=1, b=1, c=1/3 (1 of 3 neighbour pairs linked), d=e=f=0 -> (2 + 1/3) / 6
    assert s["average_clustering"] == pytest.approx((2 + 1 / 3) / 6)
    # largest component a,b,c,d: distances ab1 ac1 ad2 bc1 bd2 cd1 -> 8 / 6
    assert s["average_path_length"] == pytest.approx(8 / 6)
    assert s["degree_assortativity"] == pytest.approx(nx.degree_assortativity_coefficient(small))
    assert not s["path_length_sampled"] and not s["clustering_sampled"]


def test_sampled_path_length_is_seeded_and_close() -> None:
    g = nx.connected_watts_strogatz_graph(600, 6, 0.1, seed=3)
    exact = nx.average_shortest_path_length(g)
    a = average_path_length(g, sample=100, seed=7, exact_limit=100)
    b = average_path_length(g, sample=100, seed=7, exact_limit=100)
    assert a == b and a["sampled"] and a["sources"] == 100
    assert a["value"] == pytest.approx(exact, rel=0.05)
    assert average_path_length(g)["value"] == pytest.approx(exact)


def test_sampled_path_length_scipy_equals_bfs() -> None:
    pytest.importorskip("scipy")
    g = nx.connected_watts_strogatz_graph(2500, 6, 0.1, seed=4)  # above EXACT_LIMIT: scipy
    sources = random.Random(1).sample(sorted(g), 60)
    want = sum(sum(nx.single_source_shortest_path_length(g, s).values()) for s in sources)
    from kg.network.metrics import _distance_sums

    assert _distance_sums(g, sources) == (want, 60 * 2499)


def test_assortativity_numpy_equals_networkx() -> None:
    pytest.importorskip("scipy")
    from kg.network.metrics import degree_assortativity

    g = nx.barabasi_albert_graph(3000, 3, seed=2)  # above EXACT_LIMIT: numpy
    g.add_edge(5000, 5001)  # and a second component
    assert degree_assortativity(g) == pytest.approx(nx.degree_assortativity_coefficient(g))
    assert degree_assortativity(nx.cycle_graph(5)) is None


def test_small_world_against_random_reference() -> None:
    g = nx.connected_watts_strogatz_graph(300, 8, 0.05, seed=1)
    ref = random_reference(g, seed=2)
    assert ref.number_of_nodes() == 300
    assert sum(d for _, d in ref.degree()) <= sum(d for _, d in g.degree())
    r = small_world(g, seed=2)
    assert r == small_world(g, seed=2)  # seeded
    assert r["sigma"] > 1.5 and r["clustering"] > 3 * r["clustering_random"]
    assert r["path_length"] == pytest.approx(nx.average_shortest_path_length(g))


@pytest.mark.parametrize("backend", ["networkx", "auto"])
def test_centrality_equals_networkx(small: nx.Graph, backend: str) -> None:
    """networkx is the reference; the default (igraph when installed) must equal it."""
    scores = centrality(
        small,
        ["degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank"],
        backend=backend,
    )
    assert scores["degree"] == {"a": 2, "b": 2, "c": 3, "d": 1, "e": 1, "f": 1}
    assert scores["weighted_degree"] == {"a": 3, "b": 3, "c": 5, "d": 3, "e": 1, "f": 1}
    # c lies on the a-d and b-d paths: 2 pairs of the (5*4/2)=10 -> 0.2
    assert scores["betweenness"]["c"] == pytest.approx(0.2)
    assert scores["betweenness"] == pytest.approx(nx.betweenness_centrality(small))
    assert scores["closeness"] == pytest.approx(nx.closeness_centrality(small))
    lcc = small.subgraph("abcd")
    assert scores["eigenvector"] == pytest.approx(
        {**nx.eigenvector_centrality_numpy(lcc, weight="weight"), "e": 0.0, "f": 0.0}
    )
    # networkx stops at its tolerance, igraph solves exactly: they agree to about 1e-5
    assert scores["pagerank"] == pytest.approx(nx.pagerank(small, weight="weight"), abs=1e-5)
    assert math.isclose(sum(scores["pagerank"].values()), 1.0)


def test_sampled_betweenness_equals_networkx() -> None:
    g = nx.les_miserables_graph()
    got = centrality(g, ["betweenness"], k=20, seed=5)["betweenness"]
    assert got == pytest.approx(nx.betweenness_centrality(g, k=20, seed=5))


def test_igraph_backend_equals_networkx() -> None:
    pytest.importorskip("igraph")
    g = nx.les_miserables_graph()
    g.add_edge("Loner", "Other", weight=1)  # a second component
    for k in (None, 15):
        nxs = centrality(g, ["betweenness", "closeness", "pagerank"], k=k, seed=3)
        igs = centrality(g, ["betweenness", "closeness", "pagerank"], k=k, seed=3, backend="igraph")
        assert set(igs["pagerank"]) == set(g)
        for name in ("betweenness", "closeness"):
            assert igs[name] == pytest.approx(nxs[name], rel=1e-9, abs=1e-12), name
        # igraph solves PageRank exactly; networkx iterates to a tolerance
        assert igs["pagerank"] == pytest.approx(nx.pagerank(g, tol=1e-13), rel=1e-6)
        assert igs["pagerank"] == pytest.approx(nxs["pagerank"], abs=1e-4)


def test_top_nodes(small: nx.Graph) -> None:
    rows = top_nodes(
        small, centrality(small, ["degree", "weighted_degree"]), n=2, by="weighted_degree"
    )
    assert rows == [
        {"rank": 1, "id": "c", "label": "C", "degree": 3, "weighted_degree": 5},
        {"rank": 2, "id": "a", "label": "A", "degree": 2, "weighted_degree": 3},
    ]


def test_errors(small: nx.Graph) -> None:
    with pytest.raises(KGInputError, match="empty"):
        graph_stats(nx.Graph())
    with pytest.raises(KGInputError, match="no edges"):
        centrality(nx.empty_graph(3))
    with pytest.raises(UnknownNameError, match="unknown centrality measure 'fame'"):
        centrality(small, ["fame"])


def test_louvain_reproducible_and_modularity() -> None:
    g = nx.karate_club_graph()
    a = detect_communities(g, seed=42, backend="networkx")
    b = detect_communities(g, seed=42, backend="networkx")
    assert a["communities"] == b["communities"] and a["modularity"] == b["modularity"]
    default = detect_communities(g, seed=42)  # igraph's when installed: similar modularity
    assert default == detect_communities(g, seed=42)
    assert default["modularity"] == pytest.approx(a["modularity"], abs=0.02)
    direct = nx.community.louvain_communities(g, weight="weight", seed=42)
    assert sorted(map(sorted, direct)) == sorted(map(sorted, a["communities"]))
    assert a["modularity"] == pytest.approx(nx.community.modularity(g, direct, weight="weight"))
    assert sorted(v for c in a["communities"] for v in c) == sorted(g)
    sizes = [len(c) for c in a["communities"]]
    assert sizes == sorted(sizes, reverse=True)
    assert a["membership"][0] == next(i for i, c in enumerate(a["communities"]) if 0 in c)


def test_label_propagation_by_hand() -> None:
    g = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (3, 4)])
    r = detect_communities(g, "label_propagation", seed=1, weight=None)
    assert r["communities"] == [[1, 2, 3], [4, 5, 6]]
    # modularity by hand: m=7; each triangle has 3 internal edges and degree sum 7
    assert r["modularity"] == pytest.approx(2 * (3 / 7 - (7 / 14) ** 2))
    assert r == detect_communities(g, "label_propagation", seed=1, weight=None)


def test_igraph_louvain_is_a_valid_partition() -> None:
    pytest.importorskip("igraph")
    g = nx.karate_club_graph()
    r = detect_communities(g, seed=1, backend="igraph")
    assert r == detect_communities(g, seed=1, backend="igraph")
    assert sorted(v for c in r["communities"] for v in c) == sorted(g)
    assert r["modularity"] == pytest.approx(detect_communities(g, seed=1)["modularity"], abs=0.03)


def test_community_summary() -> None:
    g = nx.barbell_graph(3, 0)
    rows = community_summary(g, detect_communities(g, seed=0))
    assert [(r["size"], r["internal_edges"]) for r in rows] == [(3, 3), (3, 3)]
