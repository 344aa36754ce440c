"""Projections: how credits (film, role, person) become a graph, in a small registry by name.

A projection is a function from :class:`Credits` (plain Python data, read from the store by
:mod:`kg.network.build`) to a :class:`networkx.Graph`. Built-ins:

=================  ==========================================================================
``person-film``    bipartite people and films; one edge per credited person, ``roles`` on it
``co-star``        cast members linked by shared films (``weight`` = films, ``films`` listed)
``crew``           any two people credited on the same film, in any of the chosen roles
``director-actor`` directors linked to the cast members of their films
``person-studio``  people linked to the production companies / distributors of their films
``film-film``      films linked by the people they share (``weight`` = shared people)
=================  ==========================================================================

Nodes are keyed by IRI and carry ``label``, ``type`` (``person``, ``film``, ``organization``),
``film_count`` (how many films in the projection) and ``first_year``/``last_year`` (years active).
Edges carry ``weight`` and the list of ``films`` (IRIs; :mod:`kg.network.io` writes titles).

>>> credits = Credits.from_rows(
...     [("f1", "cast_member", "a"), ("f1", "cast_member", "b"), ("f2", "cast_member", "a"),
...      ("f2", "cast_member", "b"), ("f2", "director", "c")],
...     films={"f1": ("Heat", 1995), "f2": ("Ronin", 1998)},
...     labels={"a": "Al", "b": "Bo", "c": "Cy"})
>>> g = project(credits, "co-star")
>>> sorted(g.edges(data="weight"))
[('a', 'b', 2)]
>>> g.nodes["a"]["label"], g.nodes["a"]["first_year"], g.nodes["a"]["last_year"]
('Al', 1995, 1998)
"""

from __future__ import annotations

import difflib
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from ..errors import KGInputError, UnknownNameError
from ..model import ROLES, EntityType
from ..registry import Registry

__all__ = [
    "ORGANIZATION_ROLES",
    "PERSON_ROLES",
    "PROJECTIONS",
    "Credits",
    "Projection",
    "film_display",
    "get_projection",
    "normalise_roles",
    "parse_years",
    "project",
    "register_projection",
]

PERSON_ROLES: tuple[str, ...] = tuple(
    r.relation.value for r in ROLES if r.agent is EntityType.PERSON
)
"""Roles a person is credited in (names as :class:`kg.model.Relation` values, from
:data:`kg.model.ROLES`)."""

ORGANIZATION_ROLES: tuple[str, ...] = tuple(
    r.relation.value for r in ROLES if r.agent is not EntityType.PERSON
)
"""Roles an organisation has on a film."""

_ROLE_ALIASES = {alias: r.relation.value for r in ROLES for alias in r.aliases}

Years = tuple[int | None, int | None]


@dataclass
class Credits:
    """Who is credited on which film, with the labels and years a projection needs.

    ``rows`` are ``(film, role, agent)`` IRIs/role names; ``films`` maps a film to ``(label,
    year)``; ``labels`` maps people and organisations to their label.
    """

    rows: list[tuple[str, str, str]]
    films: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, str]],
        *,
        films: Mapping[str, tuple[str, int | None]] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> Credits:
        """Credits from plain tuples (handy in tests and notebooks)."""
        return cls(list(rows), dict(films or {}), dict(labels or {}))

    def year_range(self) -> tuple[int | None, int | None]:
        """The first and last film year present (``None`` when no film has a year)."""
        years = [y for _, y in self.films.values() if y is not None]
        return (min(years), max(years)) if years else (None, None)


def film_display(credits: Credits, film: str) -> str:
    """``"Title (Year)"`` for a film IRI, falling back to the IRI's last segment.

    >>> film_display(Credits([], films={"f": ("Heat", 1995)}), "f")
    'Heat (1995)'
    """
    label, year = credits.films.get(film, (film.rsplit("/", 1)[-1], None))
    return f"{label} ({year})" if year is not None else label


def normalise_roles(roles: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """Role names from user input: comma-separated or a list, aliases allowed.

    >>> normalise_roles("cast, director")
    ('cast_member', 'director')
    >>> normalise_roles(["executive-producer"])
    ('executive_producer',)
    """
    if roles is None:
        return None
    items = roles.split(",") if isinstance(roles, str) else list(roles)
    out: list[str] = []
    known = PERSON_ROLES + ORGANIZATION_ROLES
    for item in items:
        name = item.strip().lower().replace("-", "_").replace(" ", "_")
        if not name:
            continue
        name = _ROLE_ALIASES.get(name, name)
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownNameError(f"unknown role {item.strip()!r}{hint} Roles: {', '.join(known)}")
        if name not in out:
            out.append(name)
    return tuple(out) if out else None


def parse_years(text: str | Sequence[int | None] | None) -> Years | None:
    """A year range from ``"1990-2000"``, ``"1995"``, ``"1990-"`` or ``"-2000"`` (inclusive).

    >>> parse_years("1990-2000")
    (1990, 2000)
    >>> parse_years("1995")
    (1995, 1995)
    >>> parse_years("1990-")
    (1990, None)
    >>> parse_years("2000-1990")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.KGInputError: bad year range '2000-1990': the first year is after the last
    """
    if text is None:
        return None
    if not isinstance(text, str):
        first, last = text
        return (first, last)
    raw = text.strip()
    if not raw:
        return None
    try:
        if "-" in raw.lstrip("-") or raw.startswith("-"):
            head, _, tail = raw.partition("-") if not raw.startswith("-") else ("", "", raw[1:])
            first = int(head) if head.strip() else None
            last = int(tail) if tail.strip() else None
        else:
            first = last = int(raw)
    except ValueError:
        raise KGInputError(
            f"bad year range {text!r}: write YEAR, FIRST-LAST, FIRST- or -LAST (e.g. 1990-2000)"
        ) from None
    if first is not None and last is not None and first > last:
        raise KGInputError(f"bad year range {text!r}: the first year is after the last")
    return (first, last)


@dataclass(frozen=True)
class Projection:
    """A named way of turning credits into a graph."""

    name: str
    description: str
    default_roles: tuple[str, ...]
    build: Callable[[Credits, tuple[str, ...]], nx.Graph]
    node_types: tuple[str, ...] = ("person",)


PROJECTIONS: Registry[Projection] = Registry("projection", group="kg.projections")
"""Registered projections by name (a :class:`kg.registry.Registry`: built-ins are registered like
add-ons, which plugin packages add through the entry-point group ``kg.projections``)."""


def register_projection(projection: Projection) -> Projection:
    """Add a projection to :data:`PROJECTIONS` (replacing one of the same name)."""
    PROJECTIONS.register(projection.name, projection)
    return projection


def get_projection(name: str) -> Projection:
    """The projection called ``name`` (``costar``/``co_star`` also find ``co-star``).

    >>> get_projection("costar").name
    'co-star'
    >>> get_projection("co-stars")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownNameError: unknown projection 'co-stars'; did you mean co-star? ...
    """
    key = name.strip().lower().replace("_", "-")
    names = PROJECTIONS.names()
    squashed = {p.replace("-", ""): p for p in names}
    found = key if key in names else squashed.get(key.replace("-", ""))
    if found is not None:
        return PROJECTIONS.get(found)
    close = difflib.get_close_matches(key, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ";"
    raise UnknownNameError(f"unknown projection {name!r}{hint} Projections: {', '.join(names)}")


# --- shared steps ------------------------------------------------------------------------------


@contextmanager
def no_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small containers.

    The collector's passes grow with every list and dict allocated; building the 1.7M-edge
    co-star graph takes about 4x longer with it running. Nothing built here forms cycles.

    With ``freeze=True`` the objects alive at the end are moved to the collector's permanent
    generation (:func:`gc.freeze`): a graph's millions of acyclic dicts and lists are then never
    walked again (the first collection after the build would otherwise take ~1.5 s). They are
    still freed by reference counting when dropped; only reference cycles among objects alive
    at that moment wait for :func:`gc.unfreeze`.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _in_years(year: int | None, years: Years | None) -> bool:
    if years is None:
        return True
    if year is None:
        return False
    first, last = years
    return (first is None or year >= first) and (last is None or year <= last)


def filter_credits(credits: Credits, roles: Iterable[str], years: Years | None = None) -> Credits:
    """Credits in ``roles`` on films released within ``years`` (films without a year drop out)."""
    wanted = set(roles)
    films = credits.films
    if years is None:
        rows = [r for r in credits.rows if r[1] in wanted]
    else:
        ok = {f for f, (_, y) in films.items() if _in_years(y, years)}
        rows = [r for r in credits.rows if r[1] in wanted and r[0] in ok]
    return Credits(rows, films, credits.labels)


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


def _fill_edges(g: nx.Graph, edges: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """Add edges between nodes already in ``g``, sharing one attribute dict per edge.

    ``add_edges_from`` merges attribute dicts edge by edge; on the 1.7M co-star edges of the
    Wikidata table this direct fill is about 3x faster. Only used on a fresh ``nx.Graph``.
    """
    if type(g) is not nx.Graph:
        g.add_edges_from(edges)
        return
    adj = g._adj
    for a, b, attrs in edges:
        adj[a][b] = attrs
        adj[b][a] = attrs


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


for _p in (
    Projection(
        "person-film",
        "bipartite people and films, the roles on each edge",
        PERSON_ROLES,
        _person_film,
        ("person", "film"),
    ),
    Projection(
        "co-star", "cast members linked by shared films", ("cast_member",), _co_credit_graph
    ),
    Projection("crew", "any two people credited on the same film", PERSON_ROLES, _co_credit_graph),
    Projection(
        "director-actor",
        "directors linked to the cast of their films",
        ("director", "cast_member"),
        _director_actor,
    ),
    Projection(
        "person-studio",
        "people linked to the production companies and distributors of their films",
        PERSON_ROLES + ORGANIZATION_ROLES,
        _person_studio,
        ("person", "organization"),
    ),
    Projection(
        "film-film", "films linked by the people they share", PERSON_ROLES, _film_film, ("film",)
    ),
):
    register_projection(_p)


def project(
    credits: Credits,
    projection: str | Projection = "co-star",
    *,
    roles: Iterable[str] | str | None = None,
    years: str | Years | None = None,
    min_weight: int = 1,
) -> nx.Graph:
    """Build the graph of ``projection`` from ``credits``.

    Parameters
    ----------
    credits : Credits
        The credits (see :func:`kg.network.build.fetch_credits`).
    projection : str or Projection
        A name from :data:`PROJECTIONS` (default ``co-star``).
    roles : roles to count (default: the projection's own), e.g. ``"cast_member,director"``.
    years : only films released in this range, e.g. ``"1990-2000"`` or ``(1990, 2000)``.
    min_weight : drop edges lighter than this, and the nodes that lose all their edges by it.

    Returns
    -------
    networkx.Graph
        With graph attributes ``projection``, ``roles``, ``years`` and ``min_weight``.

    Examples
    --------
    >>> c = Credits.from_rows([("f", "director", "d"), ("f", "cast_member", "a")])
    >>> sorted(project(c, "director-actor").edges())
    [('d', 'a')]
    >>> project(c, "co-star").number_of_edges()
    0
    """
    spec = projection if isinstance(projection, Projection) else get_projection(projection)
    chosen = normalise_roles(roles) or spec.default_roles
    span = parse_years(years)
    subset = filter_credits(credits, chosen, span)
    with no_gc(freeze=True):
        g = spec.build(subset, chosen)
    if min_weight > 1:
        light = [(u, v) for u, v, w in g.edges(data="weight", default=1) if w < min_weight]
        touched = {n for e in light for n in e}
        g.remove_edges_from(light)
        g.remove_nodes_from([n for n in touched if g.degree(n) == 0])
    g.graph.update(
        projection=spec.name,
        roles=list(chosen),
        years=_years_text(span),
        min_weight=min_weight,
    )
    g.graph["film_info"] = credits.films
    return g


def _years_text(span: Years | None) -> str:
    if span is None:
        return "all"
    first, last = span
    return f"{first if first is not None else ''}-{last if last is not None else ''}"
