"""kg.network.sparse: the sparse builders equal the dict-based reference, edge lists included."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from _reference_projections import reference_graph

from kg.credits import CreditIndex
from kg.errors import KGInputError
from kg.network import project
from kg.network.metrics import centrality, sparse_centrality
from kg.network.projections import Credits, get_projection, parse_years
from kg.network.sparse import sparse_projection

ROLES = ("cast_member", "director", "producer", "screenwriter", "production_company")


def random_credits(seed: int, films: int = 160, people: int = 90) -> Credits:
    """Credits with a heavy-tailed cast (some people in many films), people in several roles,
    films without a year, and a credit stated twice."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str]] = []
    weights = [1 / (i + 1) for i in range(people)]
    for f in range(films):
        for role in ROLES:
            k = rng.randint(0, 6 if role == "cast_member" else 2)
            for who in set(rng.choices(range(people), weights, k=k)):
                agent = f"urn:o{who % 7}" if role == "production_company" else f"urn:p{who:02d}"
                rows.append((f"urn:f{f:02d}", role, agent))
    rows.append(rows[0])
    info = {
        f"urn:f{f:02d}": (f"Film {f}", None if f % 9 == 0 else 1950 + rng.randint(0, 60))
        for f in range(films)
    }
    labels = {f"urn:p{p:02d}": f"Person {p}" for p in range(0, people, 2)}
    return Credits(rows, info, labels)


def graph_dump(g: nx.Graph) -> tuple[dict[str, dict], dict[frozenset[str], dict]]:
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    for d in nodes.values():  # the reference leaves out what it does not know
        d.pop("roles", None) if not d.get("roles") else None
    edges = {frozenset((u, v)): dict(d) for u, v, d in g.edges(data=True)}
    return nodes, edges


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(
    "name", ["co-star", "crew", "director-actor", "person-studio", "film-film", "person-film"]
)
@pytest.mark.parametrize("years", [None, "1960-1990"])
def test_sparse_equals_reference(seed: int, name: str, years: str | None) -> None:
    credits = random_credits(seed)
    roles = get_projection(name).default_roles
    ours = project(credits, name, years=years)
    assert ours.number_of_edges() > 64  # the lists are found all at once, not edge by edge
    ref = reference_graph(credits, name, roles, parse_years(years))
    got_nodes, got_edges = graph_dump(ours)
    ref_nodes, ref_edges = graph_dump(ref)
    assert got_nodes == ref_nodes
    assert got_edges == ref_edges


@pytest.mark.parametrize("name", ["co-star", "director-actor", "person-studio", "film-film"])
def test_edge_lists_one_at_a_time_equal_all_at_once(name: str) -> None:
    credits = random_credits(3)
    years = {f: y for f, (_, y) in credits.films.items()}
    index = CreditIndex.empty().with_graph("", credits.rows, years=years)
    sg = sparse_projection(index, name, get_projection(name).default_roles)
    whole = sg.to_networkx()
    for i in range(0, sg.number_of_edges(), 7):
        a, b = sg.nodes[int(sg.u[i])], sg.nodes[int(sg.v[i])]
        assert sg.edge_films(i) == whole.edges[a, b][sg.edge_key]


def test_min_weight_and_no_films() -> None:
    credits = random_credits(4)
    heavy = project(credits, "co-star", min_weight=2)
    ref = reference_graph(credits, "co-star", ("cast_member",))
    light = [(u, v) for u, v, w in ref.edges(data="weight") if w < 2]
    touched = {n for e in light for n in e}
    ref.remove_edges_from(light)
    ref.remove_nodes_from([n for n in touched if ref.degree(n) == 0])
    assert graph_dump(heavy) == graph_dump(ref)
    bare = project(credits, "co-star", min_weight=2, films=False)
    assert all("films" not in d for _, _, d in bare.edges(data=True))
    assert sorted(bare.edges(data="weight")) == sorted(heavy.edges(data="weight"))


def test_to_igraph_matches_networkx() -> None:
    igraph = pytest.importorskip("igraph")
    credits = random_credits(5)
    index = CreditIndex.empty().with_graph("", credits.rows)
    sg = sparse_projection(index, "co-star", ("cast_member",))
    h = sg.to_igraph()
    assert isinstance(h, igraph.Graph)
    g = sg.to_networkx(films=False)
    assert h.vcount() == g.number_of_nodes() and h.ecount() == g.number_of_edges()
    names = h.vs["name"]
    assert {(frozenset((names[e.source], names[e.target])), e["weight"]) for e in h.es} == {
        (frozenset((u, v)), float(w)) for u, v, w in g.edges(data="weight")
    }


@pytest.mark.parametrize("k", [None, 20])
def test_centrality_from_arrays_equals_networkx(k: int | None) -> None:
    pytest.importorskip("igraph")
    credits = random_credits(6)
    index = CreditIndex.empty().with_graph("", credits.rows)
    sg = sparse_projection(index, "co-star", ("cast_member",))
    measures = ["degree", "weighted_degree", "pagerank", "betweenness", "closeness"]
    ours = sparse_centrality(sg, measures, k=k, seed=3)
    ref = centrality(sg.to_networkx(films=False), measures, k=k, seed=3, backend="networkx")
    assert ours["degree"] == ref["degree"] and ours["weighted_degree"] == ref["weighted_degree"]
    for name in ("pagerank", "betweenness", "closeness"):
        assert ours[name] == pytest.approx(ref[name], abs=1e-5), name
    with pytest.raises(KGInputError, match="eigenvector need a networkx graph"):
        sparse_centrality(sg, ["eigenvector"])
