"""The projections as they were before the sparse builders: plain dicts, one entry per edge.

Kept for the tests only, as the reference the sparse builders (:mod:`kg.network.sparse`) must
equal, node for node and edge for edge, films listed in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from kg.network.projections import ORGANIZATION_ROLES, PERSON_ROLES, Credits, Years, filter_credits


def _people_by_film(credits: Credits, roles: Iterable[str]) -> dict[str, list[str]]:
    wanted = set(roles)
    by_film: dict[str, dict[str, None]] = defaultdict(dict)
    for film, role, agent in credits.rows:
        if role in wanted:
            by_film[film][agent] = None
    return {f: sorted(people) for f, people in by_film.items()}


def _add_nodes(
    g: nx.Graph, credits: Credits, node_films: Mapping[str, Iterable[str]], node_type: str
) -> None:
    films = credits.films
    labels = credits.labels
    for node, its_films in node_films.items():
        fs = set(its_films)
        years = [y for f in fs if (y := films.get(f, ("", None))[1]) is not None]
        attrs: dict[str, Any] = {
            "label": labels.get(node, node.rsplit("/", 1)[-1]),
            "type": node_type,
            "film_count": len(fs),
        }
        if years:
            attrs["first_year"] = min(years)
            attrs["last_year"] = max(years)
        g.add_node(node, **attrs)


def _edge_attrs(credits: Credits, films: list[str]) -> dict[str, Any]:
    return {"weight": len(films), "films": films}


def _order(films: list[str], credits: Credits) -> list[str]:
    if len(films) < 2:
        return films
    info = credits.films
    return sorted(films, key=lambda f: (info.get(f, ("", None))[1] or 0, f))


def _film_order(credits: Credits, films: Iterable[str]) -> list[str]:
    """Films by year then IRI, so lists built by walking them come out in that order."""
    info = credits.films
    return sorted(films, key=lambda f: (info.get(f, ("", None))[1] or 0, f))


def _co_credit_graph(credits: Credits, roles: tuple[str, ...]) -> nx.Graph:
    """People linked by the films they share (co-star, crew)."""
    by_film = _people_by_film(credits, roles)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    node_films: dict[str, list[str]] = defaultdict(list)
    get = pairs.get
    for film in _film_order(credits, by_film):
        people = by_film[film]
        for person in people:
            node_films[person].append(film)
        for pair in combinations(people, 2):
            attrs = get(pair)
            if attrs is None:
                pairs[pair] = {"weight": 1, "films": [film]}
            else:
                attrs["weight"] += 1
                attrs["films"].append(film)
    g = nx.Graph()
    _add_nodes(g, credits, node_films, "person")
    adj = g._adj  # see _fill_edges: a fresh nx.Graph whose nodes are all added
    for (a, b), attrs in pairs.items():
        adj[a][b] = attrs
        adj[b][a] = attrs
    return g


def _director_actor(credits: Credits, roles: tuple[str, ...]) -> nx.Graph:
    directors = _people_by_film(credits, [r for r in roles if r == "director"] or ["director"])
    cast = _people_by_film(credits, [r for r in roles if r != "director"] or ["cast_member"])
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    node_films: dict[str, list[str]] = defaultdict(list)
    node_roles: dict[str, set[str]] = defaultdict(set)
    for film, ds in directors.items():
        actors = cast.get(film, [])
        if not actors:
            continue
        for d in ds:
            node_films[d].append(film)
            node_roles[d].add("director")
        for a in actors:
            node_films[a].append(film)
            node_roles[a].add("cast_member")
        for d in ds:
            for a in actors:
                if a != d:
                    pairs[(d, a)].append(film)
    g = nx.Graph()
    _add_nodes(g, credits, node_films, "person")
    for node, rs in node_roles.items():
        g.nodes[node]["roles"] = sorted(rs)
    for (a, b), fs in pairs.items():
        if g.has_edge(a, b):  # each directed the other: merge
            merged = sorted(set(g.edges[a, b]["films"]) | set(fs))
            g.add_edge(a, b, **_edge_attrs(credits, _order(merged, credits)))
        else:
            g.add_edge(a, b, **_edge_attrs(credits, _order(fs, credits)))
    return g


def _person_film(credits: Credits, roles: tuple[str, ...]) -> nx.Graph:
    wanted = set(roles)
    edge_roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    node_films: dict[str, list[str]] = defaultdict(list)
    for film, role, agent in credits.rows:
        if role in wanted and role not in edge_roles[(agent, film)]:
            edge_roles[(agent, film)].append(role)
            node_films[agent].append(film)
    g = nx.Graph()
    _add_nodes(g, credits, node_films, "person")
    for node in node_films:
        g.nodes[node]["bipartite"] = 0
    for film in sorted({f for _, f in edge_roles}):
        label, year = credits.films.get(film, (film.rsplit("/", 1)[-1], None))
        attrs: dict[str, Any] = {"label": label, "type": "film", "bipartite": 1}
        if year is not None:
            attrs["year"] = year
        g.add_node(film, **attrs)
    g.add_edges_from(
        (a, f, {"roles": sorted(rs), "weight": len(rs)}) for (a, f), rs in edge_roles.items()
    )
    return g


def _person_studio(credits: Credits, roles: tuple[str, ...]) -> nx.Graph:
    person_roles = [r for r in roles if r in PERSON_ROLES] or list(PERSON_ROLES)
    org_roles = [r for r in roles if r in ORGANIZATION_ROLES] or list(ORGANIZATION_ROLES)
    people = _people_by_film(credits, person_roles)
    orgs = _people_by_film(credits, org_roles)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    person_films: dict[str, list[str]] = defaultdict(list)
    org_films: dict[str, list[str]] = defaultdict(list)
    for film, os_ in orgs.items():
        ps = people.get(film, [])
        if not ps:
            continue
        for o in os_:
            org_films[o].append(film)
        for p in ps:
            person_films[p].append(film)
            for o in os_:
                pairs[(p, o)].append(film)
    g = nx.Graph()
    _add_nodes(g, credits, person_films, "person")
    _add_nodes(g, credits, org_films, "organization")
    for node in person_films:
        g.nodes[node]["bipartite"] = 0
    for node in org_films:
        g.nodes[node]["bipartite"] = 1
    g.add_edges_from(
        (p, o, _edge_attrs(credits, _order(fs, credits))) for (p, o), fs in pairs.items()
    )
    return g


def _film_film(credits: Credits, roles: tuple[str, ...]) -> nx.Graph:
    films_of: dict[str, dict[str, None]] = defaultdict(dict)
    wanted = set(roles)
    for film, role, agent in credits.rows:
        if role in wanted:
            films_of[agent][film] = None
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    all_films: set[str] = set()
    for person, fs in films_of.items():
        ordered = sorted(fs)
        all_films.update(ordered)
        for pair in combinations(ordered, 2):
            pairs[pair].append(person)
    g = nx.Graph()
    for film in sorted(all_films):
        label, year = credits.films.get(film, (film.rsplit("/", 1)[-1], None))
        attrs: dict[str, Any] = {"label": label, "type": "film"}
        if year is not None:
            attrs["year"] = year
        g.add_node(film, **attrs)
    g.add_edges_from(
        (a, b, {"weight": len(ps), "people": sorted(ps)}) for (a, b), ps in pairs.items()
    )
    return g


REFERENCE = {
    "person-film": _person_film,
    "co-star": _co_credit_graph,
    "crew": _co_credit_graph,
    "director-actor": _director_actor,
    "person-studio": _person_studio,
    "film-film": _film_film,
}


def reference_graph(
    credits: Credits, projection: str, roles: tuple[str, ...], years: Years | None = None
) -> nx.Graph:
    """The graph the old code built for ``projection`` of ``credits``."""
    return REFERENCE[projection](filter_credits(credits, roles, years), roles)
