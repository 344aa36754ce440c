"""Pictures for a researcher: legends, the backbone of big graphs, and the one-page report."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import networkx as nx
import pytest
from browser import SCREENSHOTS, chromium, off_machine, requested_urls, screenshot
from click.testing import CliRunner

from kg.cli import main
from kg.network.io import read_graph, write_graph
from kg.network.plot import backbone, plot_graph
from kg.network.report import degree_fit, network_report

pytest.importorskip("matplotlib")


def _collaboration_graph(n: int = 2500, seed: int = 1) -> nx.Graph:
    """A heavy-tailed, clustered graph with labels and years, like a co-star projection."""
    g = nx.powerlaw_cluster_graph(n, 3, 0.4, seed=seed)
    rng = random.Random(seed)
    films: dict[str, tuple[str, int]] = {}
    for v in g:
        g.nodes[v]["label"] = f"Person {v}"
        g.nodes[v]["first_year"] = 1950 + v * 60 // n
    for i, (u, w) in enumerate(g.edges()):
        year = max(g.nodes[u]["first_year"], g.nodes[w]["first_year"]) + rng.randint(0, 5)
        films[f"f{i}"] = (f"Film {i}", year)
        g.edges[u, w]["weight"] = rng.randint(1, 3)
        g.edges[u, w]["films"] = [f"f{i}"]
    g.graph["projection"] = "co-star"
    g.graph["film_info"] = films
    return g


def test_backbone_never_draws_isolates() -> None:
    g = nx.disjoint_union_all([nx.complete_graph(5)] + [nx.empty_graph(1)] * 400)
    h, note = backbone(g, 300)
    assert h.number_of_nodes() == 5 and "400 isolated nodes not drawn" in note
    fragmented = nx.disjoint_union_all([nx.path_graph(4) for _ in range(200)])
    h, note = backbone(fragmented, 100)
    assert h.number_of_nodes() == 100 and min(d for _, d in h.degree()) > 0
    assert "the 25 largest components" in note
    big = _collaboration_graph(3000)
    h, note = backbone(big, 300)
    assert h.number_of_nodes() <= 300 and nx.is_connected(h) and "top" in note


def test_static_and_html_pictures_have_legends(tmp_path: Path) -> None:
    g = _collaboration_graph(600)
    svg = tmp_path / "g.svg"
    info = plot_graph(g, svg, max_nodes=150)
    text = svg.read_text()
    assert "colour: community" in text and "size: degree" in text
    assert info["nodes"] <= 150
    page = tmp_path / "g.html"
    plot_graph(g, page, max_nodes=150)
    assert "colour: community" in page.read_text() and "Person" in page.read_text()


def test_degree_fit_tells_power_law_from_lognormal() -> None:
    rng = random.Random(3)
    pareto = degree_fit([int(5 * rng.paretovariate(1.3)) + 1 for _ in range(5000)])
    assert 2.1 < pareto["alpha"] < 2.5 and pareto["preferred"] != "lognormal"  # true alpha 2.3
    lognormal = degree_fit([int(rng.lognormvariate(3, 0.6)) + 1 for _ in range(5000)])
    assert lognormal["preferred"] != "power law"
    # (a lognormal with a very small mu mimics a power law: on short tails "neither" is honest)


def test_report_numbers_and_sections(tmp_path: Path) -> None:
    g = _collaboration_graph(1500)
    g.graph["years"] = "1950-2010"
    out = tmp_path / "report.html"
    s = network_report(g, out, seed=2)
    text = out.read_text()
    assert "Films of 1950-2010. Numbers marked ≈ are sampled" in text
    for section in ("Degree distribution", "Small world", "Assortativity and rich club",
                    "Top people", "Communities", "Growth by decade"):  # fmt: skip
        assert section in text
    assert text.count("data:image/png;base64,") == 4
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org", "")
    assert s["small_world_sigma"] > 1  # clustered, short paths
    base = {b["graph"]: b for b in s["baselines"]}
    assert (
        base["this graph"]["clustering"] > 5 * base["random (Erdős-Rényi, same n, m)"]["clustering"]
    )


@pytest.mark.parametrize("suffix", [".graphml", ".csv"])
def test_growth_by_decade_from_a_graph_file(tmp_path: Path, suffix: str) -> None:
    """A graph file holds film lists as text ("Title (1995); Other (1998)"): same decades."""
    g = _collaboration_graph(400)
    g.add_edge(0, 399, weight=1, films=["no-year"])  # a film without a year counts nowhere
    graph_file = tmp_path / f"g{suffix}"
    write_graph(g, graph_file)
    from_file = read_graph(graph_file)
    assert isinstance(next(iter(from_file.edges(data="films")))[2], str)
    in_memory = network_report(g, tmp_path / "a.html", seed=1)["growth"]
    read_back = network_report(from_file, tmp_path / "b.html", seed=1)["growth"]
    assert read_back == in_memory
    assert sum(d["films"] for d in read_back.values()) == g.number_of_edges() - 1


@pytest.mark.browser
def test_report_and_big_graph_pictures_as_a_person_sees_them(tmp_path: Path) -> None:
    g = _collaboration_graph(2500)
    graph_file = tmp_path / "big.graphml"
    write_graph(g, graph_file)
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["network", "report", "--input", str(graph_file), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "small-world sigma" in result.output
    picture = tmp_path / "big.png"
    result = CliRunner().invoke(
        main, ["network", "plot", "--input", str(graph_file), "-o", str(picture)]
    )
    assert result.exit_code == 0, result.output
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(picture, SCREENSHOTS / "big-graph-plot-synthetic.png")
    with chromium(tmp_path) as driver:
        driver.get(report.as_uri())
        assert "Network report" in driver.title
        screenshot(driver, "network-report-synthetic")
        assert not off_machine(requested_urls(driver))


@pytest.mark.slow
@pytest.mark.browser
def test_wikidata_report_and_director_actor_backbone(
    tmp_path: Path, wikidata_store: object
) -> None:
    store = Path(str(getattr(wikidata_store, "path")))  # noqa: B009
    report = tmp_path / "report.html"
    runner = CliRunner()
    result = runner.invoke(
        main, ["--store", str(store), "network", "report", "-p", "co-star", "--years", "1990-1999", "-o", str(report)]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    picture = tmp_path / "director-actor.png"
    result = runner.invoke(
        main, ["--store", str(store), "network", "plot", "-p", "director-actor", "--min-weight", "5", "-o", str(picture)]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "isolated" not in result.output or "drew" in result.output
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(picture, SCREENSHOTS / "big-graph-plot-wikidata-director-actor.png")
    with chromium(tmp_path) as driver:
        driver.get(report.as_uri())
        screenshot(driver, "network-report-wikidata-co-star-1990s")
