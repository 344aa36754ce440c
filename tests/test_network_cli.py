"""`kg network ...` through the real click entry point: outputs, files, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.network import network


@pytest.fixture
def store(network_store: Path) -> Path:
    return network_store


def kg(store: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--store", str(store), "network", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_every_subcommand_has_help_with_an_example() -> None:
    for name in network.commands:
        result = CliRunner().invoke(main, ["network", name, "--help"])
        assert (
            result.exit_code == 0 and "Examples:" in result.output and "kg network" in result.output
        ), name


def test_build_writes_file(store: Path, tmp_path: Path) -> None:
    code, out, _ = kg(
        store, "build", "-p", "co-star", "--years", "1990-2000", "-o", str(tmp_path / "g.graphml")
    )
    assert code == 0 and "5 nodes, 6 edges" in out
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_edges() == 6


def test_stats_formats(store: Path) -> None:
    code, out, _ = kg(store, "stats", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["nodes"] == 7 and data["edges"] == 8 and data["components"] == 2
    code, out, _ = kg(store, "stats", "--format", "csv")
    rows = {r["metric"]: r["value"] for r in csv.DictReader(io.StringIO(out))}
    assert rows["nodes"] == "7" and rows["largest_component_share"] == f"{5 / 7:.6g}"
    code, out, _ = kg(store, "stats", "--small-world", "--seed", "1")
    assert code == 0 and "small_world.sigma" in out and "density" in out


def test_centrality_table(store: Path) -> None:
    code, out, _ = kg(store, "centrality", "-m", "degree,betweenness", "--top", "2")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["rank", "id", "label", "degree", "betweenness"]
    assert "Ann A" in lines[2] and "Ben B" in lines[3]  # degree 3 ties (Ann, Ben, Cal, Dee) by IRI
    code, out, _ = kg(
        store, "centrality", "-m", "pagerank", "--backend", "igraph", "--format", "json"
    )
    assert code == 0 and len(json.loads(out)) == 7


def test_communities(store: Path, tmp_path: Path) -> None:
    code, out, _ = kg(
        store, "communities", "--seed", "3", "--format", "json", "-o", str(tmp_path / "c.gexf")
    )
    data = json.loads(out)
    assert code == 0 and data["count"] >= 2 and "modularity" in data
    g = nx.read_gexf(tmp_path / "c.gexf")
    assert {d["community"] for _, d in g.nodes(data=True)} == set(range(data["count"]))
    again = json.loads(kg(store, "communities", "--seed", "3", "--format", "json")[1])
    assert again["communities"] == data["communities"]


def test_path(store: Path) -> None:
    code, out, _ = kg(store, "path", "Ann A", "Eve E", "--years", "1990-2000")
    assert code == 0 and "distance 3" in out and "Gamma (2000)" in out
    code, out, _ = kg(store, "path", "Ann A", "--format", "json")
    assert code == 0 and json.loads(out)["distribution"] == {"1": 3, "2": 1}
    code, _, err = kg(store, "path", "Ann A", "Fay F")
    assert code == 1 and "not connected" in err


def test_ego_and_timeline_and_plot(store: Path, tmp_path: Path) -> None:
    code, out, _ = kg(store, "ego", "Ben B", "--format", "csv", "-o", str(tmp_path / "ego.json"))
    assert code == 0 and out.splitlines()[1].startswith(
        "https://w3id.org/filmkg/resource/person/cal-c,Cal C,2"
    )
    assert json.loads((tmp_path / "ego.json").read_text())["graph"]["ego"].endswith("ben-b")
    code, out, _ = kg(store, "timeline", "--years", "1995-2005", "--step", "5", "--format", "json")
    assert code == 0 and [r["edges"] for r in json.loads(out)] == [5, 6, 7]
    code, out, _ = kg(store, "plot", "-o", str(tmp_path / "p.html"))
    assert code == 0 and (tmp_path / "p.html").exists()


def test_input_file(store: Path, tmp_path: Path) -> None:
    kg(store, "build", "-o", str(tmp_path / "g.gml"))
    code, out, _ = kg(store, "stats", "--input", str(tmp_path / "g.gml"), "--format", "json")
    assert code == 0 and json.loads(out)["edges"] == 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["path", "Ann Q", "Eve E"], "no person named 'Ann Q' in the graph; did you mean: Ann A"),
        (
            ["stats", "--years", "1800-1850"],
            "no films with cast_member credits in the years 1800-1850",
        ),
        (["stats", "-p", "crew", "--roles", "director"], "has 2 nodes but no edges"),
        (["stats", "-p", "costarz"], "unknown projection 'costarz'"),
        (["build", "-o", "x.txt"], "unknown graph format 'txt'"),
        (["centrality", "-m", "fame"], "unknown centrality measure 'fame'"),
    ],
)
def test_errors_are_one_line(store: Path, args: list[str], message: str) -> None:
    code, out, err = kg(store, *args)
    assert code == 2
    assert message in err and err.startswith("kg: error:") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in out + err


def test_empty_store(tmp_path: Path) -> None:
    code, _, err = kg(tmp_path / "empty", "stats")
    assert code == 2 and "kg: error:" in err
