"""Graph -> networkx graph: credits as integer columns, projected by sparse matrix products.

The credits come from the store's credit index (:mod:`kg.credits`, kept beside each generation by
``kg load``), or, where there is none (a SPARQL server that ``kg push`` filled, a store written by
a SPARQL Update), from three flat queries read once: the ``(film, role property, agent)`` triples,
every ``rdfs:label`` and the years of films (``kg:year``, else the year of ``kg:releaseDate``).
The built-in projections are products of sparse incidence matrices
(:mod:`kg.network.sparse`); the networkx graph is made at the end, with the films of each edge
only when asked.

>>> import kg
>>> from kg.network.build import build_graph
>>> with kg.Store.memory() as store:
...     build_graph(store, "co-star")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
kg.errors.KGInputError: the store has no films with cast_member credits: load some films first ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import networkx as nx
import numpy as np

from ..credits import NO_YEAR as _NO_YEAR
from ..credits import ROLE_NAMES, CreditIndex, index_of
from ..errors import KGInputError
from ..gcpause import no_gc
from ..model import ROLES
from ..namespace import KG
from ..reader import GraphReader
from .projections import (
    ORGANIZATION_ROLES,
    PERSON_ROLES,
    Credits,
    Projection,
    Years,
    _years_text,
    get_projection,
    normalise_roles,
    parse_years,
    project,
)
from .sparse import SparseGraph

__all__ = [
    "ROLE_PROPERTIES",
    "available_memory",
    "build_graph",
    "build_sparse",
    "check_fits",
    "fetch_credits",
    "index_credits",
]

ROLE_PROPERTIES: dict[str, str] = {r.relation.value: str(KG[r.property_name]) for r in ROLES}
"""The direct film -> agent property of each role (from :data:`kg.model.ROLES`)."""


def fetch_credits(reader: GraphReader, roles: Iterable[str] | None = None) -> Credits:
    """All credits in ``roles`` (default: every role) with the labels and years of their nodes,
    as plain Python data (what an add-on projection's ``build`` takes).

    >>> import kg
    >>> with kg.Store.memory() as store:
    ...     len(fetch_credits(store).rows)
    0
    """
    chosen = normalise_roles(list(roles) if roles is not None else None) or (
        PERSON_ROLES + ORGANIZATION_ROLES
    )
    with no_gc():
        return index_credits(index_of(reader), chosen)


def index_credits(index: CreditIndex, roles: Iterable[str]) -> Credits:
    """The credits of ``roles`` in a credit index as :class:`Credits` (each credit once).

    >>> idx = CreditIndex.empty().with_graph("g", [("f", "cast_member", "a")] * 2)
    >>> index_credits(idx, ["cast_member"]).rows
    [('f', 'cast_member', 'a')]
    """
    film, role, agent = index.unique_credits(list(roles))
    nodes, labels = index.nodes, index.labels
    rows = [
        (nodes[f], ROLE_NAMES[r], nodes[a])
        for f, r, a in zip(film.tolist(), role.tolist(), agent.tolist(), strict=True)
    ]
    films = {
        nodes[f]: (labels[f] or nodes[f].rsplit("/", 1)[-1], index.year_of(nodes[f]))
        for f in set(film.tolist())
    }
    agents = {nodes[a]: labels[a] for a in set(agent.tolist()) if labels[a] is not None}
    return Credits(rows, films, {k: v for k, v in agents.items() if v is not None})


class _FilmInfo(Mapping[str, tuple[str, int | None]]):
    """``film IRI -> (title, year)`` read from a credit index when asked (graph files show
    films by title)."""

    def __init__(self, index: CreditIndex) -> None:
        self.index = index

    def __getitem__(self, film: str) -> tuple[str, int | None]:
        i = self.index.node_ids()[film]
        return (self.index.labels[i] or film.rsplit("/", 1)[-1], self.index.year_of(film))

    def __iter__(self) -> Iterator[str]:
        return iter(self.index.nodes)

    def __len__(self) -> int:
        return len(self.index.nodes)


def build_sparse(
    store: GraphReader,
    projection: str | Projection = "co-star",
    *,
    roles: Iterable[str] | str | None = None,
    years: str | Years | None = None,
    min_weight: int = 1,
    allow_empty: bool = False,
    index: CreditIndex | None = None,
) -> SparseGraph:
    """A built-in projection's graph as arrays (:class:`~kg.network.sparse.SparseGraph`): what
    :func:`build_graph` makes before it turns it into a networkx graph. Metrics on igraph read
    it directly. Raises like :func:`build_graph`.

    >>> import kg
    >>> with kg.Store.memory() as store:
    ...     build_sparse(store, "co-star", allow_empty=True).number_of_edges()
    0
    """
    spec = projection if isinstance(projection, Projection) else get_projection(projection)
    if spec.sparse is None:
        raise KGInputError(f"the {spec.name} projection has no sparse form; use build_graph")
    chosen = normalise_roles(roles) or spec.default_roles
    span = parse_years(years)
    index = index if index is not None else index_of(store)
    sg: SparseGraph = spec.sparse(index, chosen, span).drop_light_edges(min_weight)
    sg.graph.update(
        projection=spec.name, roles=list(chosen), years=_years_text(span), min_weight=min_weight
    )
    sg.graph["film_info"] = _FilmInfo(index)
    if not allow_empty:
        _check(index, spec, chosen, sg)
    return sg


def _check(index: CreditIndex, spec: Projection, chosen: tuple[str, ...], sg: SparseGraph) -> None:
    what = ", ".join(chosen)
    film, _, _ = index.unique_credits(list(chosen))
    if not len(film):
        raise KGInputError(
            f"the store has no films with {what} credits: load some films first "
            "(kg load FILE), or choose other --roles"
        )
    if sg.number_of_nodes() == 0:
        years = index.years[np.unique(film)]
        years = years[years != _NO_YEAR]
        have = f" (the store has films from {years.min()} to {years.max()})" if len(years) else ""
        raise KGInputError(
            f"no films with {what} credits in the years {sg.graph['years']}{have}; widen --years"
        )
    if sg.number_of_edges() == 0:
        raise KGInputError(
            f"the {spec.name} projection has {sg.number_of_nodes()} nodes but no edges"
            f" (roles {what}, years {sg.graph['years']}, min weight {sg.graph['min_weight']}):"
            " widen --years or --roles, or lower --min-weight"
        )


NX_BYTES_PER_EDGE = {False: 250, True: 500}
"""What a networkx edge costs with its weight (``False``) and with its film list (``True``),
measured on the Wikidata co-star graph (1.7M edges: 0.42 GB and 0.84 GB over the arrays)."""


def available_memory() -> int | None:
    """Bytes of memory the system can still give (Linux ``MemAvailable``), ``None`` elsewhere."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def check_fits(sg: SparseGraph, *, films: bool) -> None:
    """Refuse to make a networkx graph of ``sg`` that would not fit in memory, saying what to do
    instead (networkx keeps a dict per edge: about 0.25-0.5 KB; the arrays keep 12 bytes).

    Raises
    ------
    KGInputError
        The graph would take more than 80% of the memory the system can still give.

    Examples
    --------
    >>> import kg
    >>> with kg.Store.memory() as store:
    ...     check_fits(build_sparse(store, "co-star", allow_empty=True), films=True)
    """
    free = available_memory()
    edges = sg.number_of_edges()
    need = edges * NX_BYTES_PER_EDGE[films] + sg.number_of_nodes() * 1_000
    if free is None or need < 0.8 * free:
        return
    heavy = int(np.count_nonzero(sg.weight >= 2))
    raise KGInputError(
        f"the {sg.graph.get('projection', '')} projection has {edges:,} edges: as a networkx graph"
        f" it needs about {need / 1e9:.1f} GB and this machine can give {free / 1e9:.1f} GB."
        f" Keep fewer edges (--min-weight 2 keeps {heavy:,}; or narrow --years), or work on the"
        " arrays: kg.network.build_sparse(store, ...) holds it in about"
        f" {edges * 12 / 1e9:.1f} GB and .to_igraph() runs the metrics"
    )


def build_graph(
    store: GraphReader,
    projection: str | Projection = "co-star",
    *,
    roles: Iterable[str] | str | None = None,
    years: str | Years | None = None,
    min_weight: int = 1,
    allow_empty: bool = False,
    films: bool = True,
) -> nx.Graph:
    """Build a projection's graph from the store.

    Parameters
    ----------
    store : a :class:`~kg.reader.GraphReader`: a :class:`kg.Store`, or a
        :class:`kg.RemoteEndpoint` (the graphs ``kg push`` put there)
    projection : a name from :data:`kg.network.projections.PROJECTIONS` (default ``co-star``).
    roles : roles to count (default: the projection's), e.g. ``"cast_member,director"``.
    years : only films released in this range (``"1990-2000"``, ``"1995"``, ``"1990-"``).
    min_weight : drop edges lighter than this.
    allow_empty : return an empty graph instead of raising.
    films : list the films behind each edge (``films``); ``False`` is much faster on big graphs.

    Returns
    -------
    networkx.Graph

    Raises
    ------
    KGInputError
        When there is nothing to analyse: no credits, no films in the year range, or no edges.

    Examples
    --------
    >>> import kg, tempfile, pathlib
    >>> ttl = pathlib.Path(tempfile.mkdtemp()) / "f.ttl"
    >>> _ = ttl.write_text('''@prefix kg: <https://w3id.org/filmkg/ontology#> .
    ... <urn:f> a kg:Film ; kg:castMember <urn:a>, <urn:b> .''')
    >>> with kg.Store.memory() as store:
    ...     _ = kg.load_paths(store, [ttl], progress=False)
    ...     sorted(build_graph(store, "co-star").edges())
    [('urn:a', 'urn:b')]
    """
    spec = projection if isinstance(projection, Projection) else get_projection(projection)
    if spec.sparse is not None:
        sg = build_sparse(
            store, spec, roles=roles, years=years, min_weight=min_weight, allow_empty=allow_empty
        )
        check_fits(sg, films=films)
        return sg.to_networkx(films=films)
    chosen = normalise_roles(roles) or spec.default_roles
    credits = fetch_credits(store, chosen)
    g = project(credits, spec, roles=chosen, years=years, min_weight=min_weight, films=films)
    if allow_empty:
        return g
    what = ", ".join(chosen)
    if not credits.rows:
        raise KGInputError(
            f"the store has no films with {what} credits: load some films first "
            "(kg load FILE), or choose other --roles"
        )
    if g.number_of_nodes() == 0 or g.number_of_edges() == 0:
        raise KGInputError(
            f"the {spec.name} projection has no edges (roles {what}, years {g.graph['years']},"
            f" min weight {min_weight}): widen --years or --roles, or lower --min-weight"
        )
    return g
