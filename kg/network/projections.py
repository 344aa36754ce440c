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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..credits import CreditIndex
from ..errors import KGInputError, UnknownNameError
from ..gcpause import no_gc
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
    sparse: Callable[[CreditIndex, tuple[str, ...], Years | None], Any] | None = None
    """Built-ins: the same graph as sparse matrix products over a credit index, giving a
    :class:`kg.network.sparse.SparseGraph` (``build`` is then not called)."""


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


def filter_credits(credits: Credits, roles: Iterable[str], years: Years | None = None) -> Credits:
    """Credits in ``roles`` on films released within ``years`` (films without a year drop out)."""
    wanted = set(roles)
    films = credits.films
    rows = [r for r in credits.rows if r[1] in wanted]
    if years is not None:
        first, last = years
        ok = {
            f
            for f, (_, y) in films.items()
            if y is not None and (first is None or y >= first) and (last is None or y <= last)
        }
        rows = [r for r in rows if r[0] in ok]
    return Credits(rows, films, credits.labels)


def credit_index(credits: Credits) -> CreditIndex:
    """The :class:`~kg.credits.CreditIndex` of plain ``credits`` (one graph, ``""``)."""
    labels = {**credits.labels, **{f: label for f, (label, _) in credits.films.items()}}
    years = {f: y for f, (_, y) in credits.films.items()}
    return CreditIndex.empty().with_graph("", credits.rows, labels=labels, years=years)


def project(
    credits: Credits,
    projection: str | Projection = "co-star",
    *,
    roles: Iterable[str] | str | None = None,
    years: str | Years | None = None,
    min_weight: int = 1,
    films: bool = True,
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
    films : list the films behind each edge (``films``; ``people`` for film-film); ``False`` is
        much faster on big graphs.

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
    if spec.sparse is not None:
        sparse = spec.sparse(credit_index(credits), chosen, span).drop_light_edges(min_weight)
        g = sparse.to_networkx(films=films)
    else:
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
