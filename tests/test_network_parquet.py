"""Parquet node and edge tables (`kg network export-parquet`) and the errors of `kg network
distributed` that come before any engine starts."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KGInputError, UnknownNameError
from kg.network.distributed import check_measures, run_distributed
from kg.network.parquet import read_parquet, write_parquet

pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def store(network_store: Path) -> Path:
    return network_store


def test_export_parquet_round_trips_the_projection(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "costar"
    result = CliRunner().invoke(
        main, ["--store", str(store), "network", "export-parquet", "-p", "co-star", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "7 nodes (nodes.parquet), 8 edges (edges.parquet)" in result.stdout
    built = CliRunner().invoke(
        main, ["--store", str(store), "network", "build", "-o", str(tmp_path / "g.json")]
    )
    assert built.exit_code == 0, built.output
    from kg.network.io import read_graph

    expected = read_graph(tmp_path / "g.json")
    got = read_parquet(out)
    assert got.graph["projection"] == "co-star"
    assert set(got.nodes) == set(expected.nodes)
    assert {frozenset(e) for e in got.edges} == {frozenset(e) for e in expected.edges}
    for u, v, d in expected.edges(data=True):
        assert got.edges[u, v] == d
    for n, d in expected.nodes(data=True):
        assert got.nodes[n] == d


def test_tables_have_integer_ids_and_one_row_per_edge(tmp_path: Path) -> None:
    g = nx.Graph(projection="co-star")
    g.add_edge("urn:z", "urn:a", weight=2, films=["urn:f1", "urn:f2"])
    g.add_edge("urn:m", "urn:z", weight=1, films=["urn:f1"])
    g.add_node("urn:alone", label="Alone")
    written = write_parquet(g, tmp_path)
    nodes = pq.read_table(written.nodes)
    edges = pq.read_table(written.edges)
    assert nodes.column("id").to_pylist() == [0, 1, 2, 3]
    assert nodes.column("node").to_pylist() == ["urn:a", "urn:alone", "urn:m", "urn:z"]
    assert str(nodes.schema.field("id").type) == "int64"
    assert edges.to_pylist() == [
        {"src": 0, "dst": 3, "weight": 2, "films": "urn:f1; urn:f2"},
        {"src": 2, "dst": 3, "weight": 1, "films": "urn:f1"},
    ]
    assert nodes.schema.metadata[b"kg.projection"] == b"co-star"


def test_mixed_attribute_kinds_become_one_column_type(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", year=1999, note="x")
    g.add_node("b", year=2001.5, note=3)
    g.add_edge("a", "b")
    nodes = pq.read_table(write_parquet(g, tmp_path).nodes)
    assert nodes.column("year").to_pylist() == [1999.0, 2001.5]
    assert nodes.column("note").to_pylist() == ["x", "3"]


def test_directed_graphs_and_missing_tables_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(KGInputError, match="undirected"):
        write_parquet(nx.DiGraph([("a", "b")]), tmp_path)
    with pytest.raises(KGInputError, match=r"no nodes\.parquet"):
        read_parquet(tmp_path)


def test_distributed_rejects_unknown_names_before_starting_an_engine(tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match="closeness"):
        check_measures("pagerank,closeness")
    with pytest.raises(UnknownNameError, match="dask"):
        run_distributed(str(tmp_path), str(tmp_path / "out"), engine="dask")
    result = CliRunner().invoke(
        main, ["network", "distributed", str(tmp_path), "-o", str(tmp_path / "o"), "--measure", "x"]
    )
    assert result.exit_code == 2 and "unknown measure 'x'" in result.stderr


def test_distributed_says_when_the_tables_are_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["network", "distributed", str(tmp_path), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert "no nodes.parquet here" in result.stderr and "export-parquet" in result.stderr


def test_distributed_says_how_to_install_spark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parquet(nx.Graph([("a", "b")]), tmp_path / "t")
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if pyspark were not installed
    result = CliRunner().invoke(
        main, ["network", "distributed", str(tmp_path / "t"), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2 and "pip install 'kg[spark]'" in result.stderr


def test_distributed_checks_conf_pairs(tmp_path: Path) -> None:
    write_parquet(nx.Graph([("a", "b")]), tmp_path / "t")
    result = CliRunner().invoke(
        main,
        ["network", "distributed", str(tmp_path / "t"), "-o", str(tmp_path / "o"), "--conf", "x"],
    )
    assert result.exit_code == 2 and "KEY=VALUE" in result.stderr
