"""kg.network.io: every written file reads back with the same nodes, edges and attributes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kg
from kg.errors import UnknownFormatError
from kg.network import build_graph, read_graph, sanitize_graph, write_graph

FIXTURE = Path(__file__).parent / "data" / "network" / "films.ttl"


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    with kg.Store.memory() as s:
        kg.load_paths(s, [FIXTURE], progress=False)
        return build_graph(s, "crew")


def as_data(g: nx.Graph) -> tuple[dict[str, Any], dict[frozenset[str], Any]]:
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    edges = {frozenset((str(u), str(v))): dict(d) for u, v, d in g.edges(data=True)}
    return nodes, edges


def test_sanitize(graph: nx.Graph) -> None:
    clean = sanitize_graph(graph)
    e = clean.edges[
        "https://w3id.org/filmkg/resource/person/ben-b",
        "https://w3id.org/filmkg/resource/person/cal-c",
    ]
    assert e == {"weight": 2, "films": "Alpha (1990); Beta (1995)"}
    assert clean.graph == {
        "projection": "crew",
        "roles": "director; cast_member; producer; executive_producer; screenwriter; composer; cinematographer; editor",
        "years": "all",
        "min_weight": 1,
    }
    for _, d in clean.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    g = nx.Graph()
    g.add_node(1, meta={"b": 1}, tags={"y", "x"}, gone=None, score=float("nan"))
    assert sanitize_graph(g).nodes[1] == {"meta": '{"b": 1}', "tags": "x; y"}


@pytest.mark.parametrize("ext", ["graphml", "gexf", "gml", "json", "csv"])
def test_round_trip(graph: nx.Graph, tmp_path: Path, ext: str) -> None:
    path = write_graph(graph, tmp_path / f"crew.{ext}")
    back = read_graph(path)
    want_nodes, want_edges = as_data(sanitize_graph(graph))
    got_nodes, got_edges = as_data(back)
    assert got_nodes == want_nodes
    assert got_edges == want_edges
    assert back.number_of_nodes() == graph.number_of_nodes() == 9
    assert back.number_of_edges() == graph.number_of_edges() == 16


def test_read_with_plain_networkx(graph: nx.Graph, tmp_path: Path) -> None:
    want_nodes, want_edges = as_data(sanitize_graph(graph))
    g = nx.read_graphml(write_graph(graph, tmp_path / "g.graphml"))
    assert as_data(g) == (want_nodes, want_edges)
    g = nx.read_gml(write_graph(graph, tmp_path / "g.gml"))  # the GML label is the IRI
    assert set(g) == set(want_nodes)
    assert {n: d["name"] for n, d in g.nodes(data=True)} == {
        n: d["label"] for n, d in want_nodes.items()
    }
    data = json.loads(write_graph(graph, tmp_path / "g.json").read_text())
    g = nx.node_link_graph(data, edges="edges")
    assert as_data(g) == (want_nodes, want_edges)
    g = nx.read_gexf(write_graph(graph, tmp_path / "g.gexf"))
    nodes, edges = as_data(g)
    assert nodes == want_nodes
    for key, d in edges.items():  # GEXF: edges get an id, weights are floats
        d.pop("id")
        assert d == {**want_edges[key], "weight": pytest.approx(want_edges[key]["weight"])}
    assert set(edges) == set(want_edges)


def test_graphml_read_by_igraph(graph: nx.Graph, tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = write_graph(graph, tmp_path / "g.graphml")
    h = igraph.Graph.Read_GraphML(str(path))
    assert h.vcount() == graph.number_of_nodes() and h.ecount() == graph.number_of_edges()
    want_nodes, want_edges = as_data(sanitize_graph(graph))
    ids = h.vs["id"]
    assert set(ids) == set(want_nodes)
    for v in h.vs:
        assert v["label"] == want_nodes[v["id"]]["label"]
        assert int(v["film_count"]) == want_nodes[v["id"]]["film_count"]
    got = {frozenset((ids[e.source], ids[e.target])): (int(e["weight"]), e["films"]) for e in h.es}
    assert got == {k: (d["weight"], d["films"]) for k, d in want_edges.items()}


def test_csv_writes_nodes_beside(graph: nx.Graph, tmp_path: Path) -> None:
    write_graph(graph, tmp_path / "e.csv")
    header = (tmp_path / "e.csv").read_text().splitlines()[0]
    assert header == "source,target,weight,films"
    assert (tmp_path / "e.nodes.csv").read_text().startswith("id,label,type,film_count")


def test_unknown_extension(graph: nx.Graph, tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="unknown graph format 'txt'"):
        write_graph(graph, tmp_path / "g.txt")
