"""kg.network.build / projections: projections from a store, filters and clear errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.errors import KGInputError, UnknownNameError
from kg.network import build as build_module
from kg.network import build_graph, fetch_credits, get_projection, project
from kg.network.projections import PROJECTIONS, Credits, parse_years

FIXTURE = Path(__file__).parent / "data" / "network" / "films.ttl"
R = "https://w3id.org/filmkg/resource/"


def p(slug: str) -> str:
    return f"{R}person/{slug}"


def f(slug: str) -> str:
    return f"{R}film/{slug}"


@pytest.fixture(scope="module")
def store() -> Iterator[kg.Store]:
    with kg.Store.memory() as s:
        kg.load_paths(s, [FIXTURE], progress=False)
        yield s


def edge_set(g: nx.Graph) -> set[frozenset[str]]:
    return {frozenset((u.rsplit("/", 1)[-1], v.rsplit("/", 1)[-1])) for u, v in g.edges()}


def pairs(*items: str) -> set[frozenset[str]]:
    return {frozenset(x.split("|")) for x in items}


def test_costar_by_hand(store: kg.Store) -> None:
    g = build_graph(store, "co-star")
    assert g.number_of_nodes() == 7
    assert edge_set(g) == pairs(
        "ann-a|ben-b", "ann-a|cal-c", "ben-b|cal-c", "ben-b|dee-d", "cal-c|dee-d",
        "dee-d|eve-e", "fay-f|gus-g", "ann-a|eve-e",
    )  # fmt: skip
    bc = g.edges[p("ben-b"), p("cal-c")]
    assert bc["weight"] == 2 and bc["films"] == [f("alpha"), f("beta")]
    assert g.nodes[p("dee-d")] == {
        "label": "Dee D",
        "type": "person",
        "film_count": 2,
        "first_year": 1995,
        "last_year": 2000,
    }  # fmt: skip  (Gamma's year comes from its release date)
    assert g.graph["projection"] == "co-star" and g.graph["roles"] == ["cast_member"]


def test_year_filter_drops_films_without_year(store: kg.Store) -> None:
    g = build_graph(store, "co-star", years="1990-2000")
    assert {n.rsplit("/", 1)[-1] for n in g} == {"ann-a", "ben-b", "cal-c", "dee-d", "eve-e"}
    assert g.number_of_edges() == 6


def test_min_weight_drops_light_edges_and_their_nodes(store: kg.Store) -> None:
    g = build_graph(store, "co-star", min_weight=2)
    assert edge_set(g) == pairs("ben-b|cal-c")
    assert set(g) == {p("ben-b"), p("cal-c")}


def test_other_projections(store: kg.Store) -> None:
    crew = build_graph(store, "crew")
    assert crew.number_of_nodes() == 9 and crew.edges[p("ben-b"), p("dana-director")]["weight"] == 2
    da = build_graph(store, "director-actor")
    assert edge_set(da) == pairs(
        "dana-director|ann-a", "dana-director|ben-b", "dana-director|cal-c", "dana-director|dee-d",
        "eli-director|dee-d", "eli-director|eve-e", "eli-director|fay-f", "eli-director|gus-g",
    )  # fmt: skip
    ps = build_graph(store, "person-studio")
    studio = f"{R}organization/studio-one"
    assert ps.nodes[studio]["type"] == "organization"
    assert ps.edges[p("dana-director"), studio]["weight"] == 2
    assert ps.number_of_edges() == 8
    ff = build_graph(store, "film-film")
    assert ff.edges[f("alpha"), f("beta")]["weight"] == 3  # Ben, Cal, Dana
    assert ff.number_of_edges() == 5
    pf = build_graph(store, "person-film")
    assert pf.number_of_edges() == 16 and nx.is_bipartite(pf)
    assert pf.edges[p("dana-director"), f("alpha")]["roles"] == ["director"]
    assert pf.nodes[f("gamma")] == {"label": "Gamma", "type": "film", "bipartite": 1, "year": 2000}


def test_roles_option(store: kg.Store) -> None:
    g = build_graph(store, "crew", roles="director,cast_member", years="1990")
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 6
    with pytest.raises(KGInputError, match="no edges"):  # directors never share a film here
        build_graph(store, "crew", roles="director")
    with pytest.raises(UnknownNameError, match="did you mean"):
        build_graph(store, "crew", roles="directer")


def test_empty_and_out_of_range_errors(store: kg.Store) -> None:
    with pytest.raises(
        KGInputError, match=r"no films .* 1800-1850 \(the store has films from 1990 to 2005\)"
    ):
        build_graph(store, "co-star", years="1800-1850")
    with kg.Store.memory() as empty, pytest.raises(KGInputError, match="load some films first"):
        build_graph(empty, "co-star")
    with pytest.raises(
        UnknownNameError, match="unknown projection 'costars'; did you mean co-star"
    ):
        build_graph(store, "costars")
    with pytest.raises(KGInputError, match="bad year range"):
        build_graph(store, "co-star", years="nineties")


def test_registry() -> None:
    assert set(PROJECTIONS) >= {
        "person-film",
        "co-star",
        "crew",
        "director-actor",
        "person-studio",
        "film-film",
    }
    assert get_projection("co_star").name == "co-star"
    assert parse_years("-1990") == (None, 1990)


def test_fetch_credits_reads_years_and_labels(store: kg.Store) -> None:
    credits = fetch_credits(store)
    assert credits.films[f("gamma")] == ("Gamma", 2000)
    assert credits.films[f("epsilon")] == ("Epsilon", None)
    assert credits.labels[p("ann-a")] == "Ann A"
    assert len(credits.rows) == 16 + 3  # person credits + production companies


def test_project_without_store() -> None:
    c = Credits.from_rows([("x", "cast_member", "a"), ("x", "cast_member", "b")])
    g = project(c, "co-star")
    assert g.nodes["a"]["label"] == "a" and g.edges["a", "b"]["weight"] == 1


def test_a_graph_too_big_for_networkx_says_what_to_do(
    store: kg.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "available_memory", lambda: 2_000)
    with pytest.raises(KGInputError, match=r"8 edges.*--min-weight 2 keeps 1\b.*build_sparse"):
        build_graph(store, "co-star")
    assert build_module.build_sparse(store, "co-star").number_of_edges() == 8  # arrays still work
    monkeypatch.setattr(build_module, "available_memory", lambda: None)  # unknown: no check
    assert build_graph(store, "co-star").number_of_edges() == 8
