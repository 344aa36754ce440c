"""Progress bars on long commands: on a terminal (forced here with KG_PROGRESS=1), never in logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.network.metrics import betweenness, centrality

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "sample"


def _kg(store: Path, *args: str, progress: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_PROGRESS"}
    if progress is not None:
        env["KG_PROGRESS"] = progress
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from kg.cli import entry_point; entry_point()",
            "--store",
            str(store),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "store"
    done = _kg(path, "load", str(SAMPLE / "films.csv"), "--mapping", "films_sample", progress="0")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("export", "{tmp}/g.nq"), "export g.nq"),
        (("validate",), "validate: reading"),
        (("reason", "--profile", "rl", "--dry-run"), "reason: round 1"),
        (("network", "stats", "-p", "co-star"), "stats"),
        (("network", "centrality", "-m", "betweenness", "--k", "3", "--backend", "networkx"), "betweenness"),
        (("network", "communities"), "communities: louvain"),
    ],
)  # fmt: skip
def test_bars_on_a_terminal_only(
    store: Path, tmp_path: Path, args: tuple[str, ...], shown: str
) -> None:
    argv = [a.format(tmp=tmp_path) for a in args]
    with_bar = _kg(store, *argv, progress="1")
    assert with_bar.returncode in (0, 1), with_bar.stderr
    assert shown in with_bar.stderr
    quiet = _kg(store, *argv, progress=None)  # stderr is a pipe: no bar
    assert shown not in quiet.stderr and "\r" not in quiet.stderr


def test_sampled_betweenness_is_networkx_own() -> None:
    g = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=2)
    assert betweenness(g, k=40, seed=3) == nx.betweenness_centrality(g, k=40, seed=3)
    assert betweenness(g) == pytest.approx(nx.betweenness_centrality(g))
    pytest.importorskip("igraph")
    ig = centrality(g, ["betweenness"], k=40, seed=3, backend="igraph")["betweenness"]
    assert ig == pytest.approx(nx.betweenness_centrality(g, k=40, seed=3))


def test_centrality_on_a_large_graph_says_it_samples(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from kg.network.io import write_graph

    g = nx.barabasi_albert_graph(2500, 2, seed=1)
    nx.set_node_attributes(g, {v: f"p{v}" for v in g}, "label")
    path = tmp_path / "big.graphml"
    write_graph(g, path)
    result = CliRunner().invoke(
        main, ["network", "centrality", "--input", str(path), "-m", "betweenness"]
    )
    assert result.exit_code == 0, result.output
    assert "sampled from 200 of 2,500 sources" in result.output
