"""kg.network.paths, ego, timeline and plot on the hand-made fixture."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.errors import KGInputError, UnknownNameError
from kg.network import (
    build_graph,
    collaboration_path,
    distance_distribution,
    ego_graph,
    ego_summary,
    plot_graph,
    timeline,
)

FIXTURE = Path(__file__).parent / "data" / "network" / "films.ttl"
R = "https://w3id.org/filmkg/resource/person/"


@pytest.fixture(scope="module")
def costar() -> nx.Graph:
    with kg.Store.memory() as s:
        kg.load_paths(s, [FIXTURE], progress=False)
        return build_graph(s, "co-star")


@pytest.fixture(scope="module")
def costar_90s() -> nx.Graph:
    with kg.Store.memory() as s:
        kg.load_paths(s, [FIXTURE], progress=False)
        return build_graph(s, "co-star", years="1990-2000")


def test_path_with_films(costar: nx.Graph, costar_90s: nx.Graph) -> None:
    p = collaboration_path(costar, "Ann A", "eve e")
    assert p["distance"] == 1 and p["hops"][0]["films"] == ["Epsilon"]
    p = collaboration_path(costar_90s, "Ann A", "Eve E")
    assert p["distance"] == 3
    assert [h["from_label"] for h in p["hops"]] == ["Ann A", p["hops"][1]["from_label"], "Dee D"]
    assert p["hops"][-1]["films"] == ["Gamma (2000)"]
    assert p["hops"][0]["films"] == ["Alpha (1990)"]
    assert collaboration_path(costar, R + "ann-a", "fay-f")["distance"] is None


def test_unknown_person_suggests(costar: nx.Graph) -> None:
    with pytest.raises(
        UnknownNameError, match=r"no person named 'Ann B' in the graph; did you mean: .*Ann A"
    ):
        collaboration_path(costar, "Ann B", "Eve E")


def test_distance_distribution(costar: nx.Graph) -> None:
    d = distance_distribution(costar, "Ann A")
    # Ann: B, C, E at 1; D at 2 (via B, C or E); F, G unreachable
    assert d["distribution"] == {1: 3, 2: 1}
    assert (d["reachable"], d["unreachable"], d["max_distance"]) == (4, 2, 2)
    assert d["mean_distance"] == pytest.approx(5 / 4)


def test_ego(costar: nx.Graph) -> None:
    h = ego_graph(costar, "Ben B")
    assert {n.rsplit("/", 1)[-1] for n in h} == {"ben-b", "ann-a", "cal-c", "dee-d"}
    assert h.number_of_edges() == 5  # AB AC BC BD CD
    s = ego_summary(costar, "Ben B")
    assert s["neighbours"][0] == {
        "id": R + "cal-c",
        "label": "Cal C",
        "weight": 2,
        "films": "Alpha (1990); Beta (1995)",
    }
    assert ego_graph(costar, "Ben B", radius=2).number_of_nodes() == 5
    with pytest.raises(KGInputError, match="radius"):
        ego_graph(costar, "Ben B", radius=0)


def test_timeline_cumulative(costar: nx.Graph) -> None:
    rows = timeline(costar)
    assert [r["year"] for r in rows] == list(range(1990, 2006))
    by_year = {r["year"]: r for r in rows}
    # 1990: Alpha (A,B,C triangle); 1995: + Beta (D; BD, CD); 2000: + Gamma (E; DE); 2005: + Delta (F,G)
    assert (by_year[1990]["nodes"], by_year[1990]["edges"], by_year[1990]["components"]) == (
        3,
        3,
        1,
    )
    assert (by_year[1995]["nodes"], by_year[1995]["edges"]) == (4, 5)
    assert by_year[1995]["edges_delta"] == 2 and by_year[1991]["edges_delta"] == 0
    assert (by_year[2000]["nodes"], by_year[2000]["edges"], by_year[2000]["new_nodes"]) == (5, 6, 1)
    assert (by_year[2005]["nodes"], by_year[2005]["edges"], by_year[2005]["components"]) == (
        7,
        7,
        2,
    )
    assert by_year[2005]["largest_component_share"] == pytest.approx(5 / 7)
    assert by_year[2000]["density"] == pytest.approx(6 / 10)
    # Epsilon has no year: its A-E edge is in no snapshot
    assert by_year[2005]["edges"] == costar.number_of_edges() - 1


def test_timeline_window_and_errors(costar: nx.Graph) -> None:
    rows = timeline(costar, years="1995-2005", step=5, window=5)
    assert [(r["year"], r["nodes"], r["edges"]) for r in rows] == [
        (1995, 3, 3),
        (2000, 2, 1),
        (2005, 2, 1),
    ]
    with pytest.raises(KGInputError, match="no films in the years 1900-1910"):
        timeline(costar, years="1900-1910")


@pytest.mark.parametrize("ext", ["png", "svg"])
def test_plot_static(costar: nx.Graph, tmp_path: Path, ext: str) -> None:
    pytest.importorskip("matplotlib")
    info = plot_graph(costar, tmp_path / f"g.{ext}", labels=3)
    data = (tmp_path / f"g.{ext}").read_bytes()
    assert info["nodes"] == 7 and info["communities"] >= 2
    assert data.startswith(b"\x89PNG") if ext == "png" else b"<svg" in data


def test_plot_html_is_self_contained(costar: nx.Graph, tmp_path: Path) -> None:
    plot_graph(costar, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text()
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page.replace("https://w3id.org/filmkg/", "")
    match = re.search(r'<script id="graph" type="application/json">(.*?)</script>', page, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 8
    assert {n["label"] for n in data["nodes"]} >= {"Ann A", "Gus G"}


def test_plot_errors(costar: nx.Graph, tmp_path: Path) -> None:
    with pytest.raises(kg.UnknownFormatError):
        plot_graph(costar, tmp_path / "g.bmp")
    with pytest.raises(KGInputError, match="empty"):
        plot_graph(nx.Graph(), tmp_path / "g.png")
