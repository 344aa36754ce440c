"""Projections as sparse matrix products over integer ids, and the graph they give.

Credits are a person x film incidence matrix ``B`` (one per role set); every built-in projection is
a product of such matrices: co-credits ``B Bᵀ`` (co-star, crew), shared people ``Bᵀ B``
(film-film), directors x cast ``D Aᵀ`` (director-actor), people x companies ``P Oᵀ``
(person-studio), and ``B`` itself (person-film). scipy multiplies them in compiled code; the
result is a :class:`SparseGraph` (node IRIs and attributes, edges as ``u, v, weight`` arrays)
that becomes a networkx graph only when asked (:meth:`SparseGraph.to_networkx`), with the films
of each edge only when asked too (they are found from the matrices, not kept per edge), or an
igraph graph straight from the arrays (:meth:`SparseGraph.to_igraph`).

>>> from kg.credits import CreditIndex
>>> idx = CreditIndex.empty().with_graph("g", [("f1", "cast_member", "a"), ("f1", "cast_member", "b"),
...     ("f2", "cast_member", "a"), ("f2", "cast_member", "b")], years={"f1": 1995, "f2": 1998})
>>> sg = sparse_projection(idx, "co-star", ("cast_member",))
>>> sg.number_of_nodes(), sg.number_of_edges(), [int(w) for w in sg.weight]
(2, 1, [2])
>>> sorted(sg.to_networkx().edges(data="films"))
[('a', 'b', ['f1', 'f2'])]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix

from ..credits import ROLE_NAMES, CreditIndex
from ..gcpause import no_gc
from .projections import (
    ORGANIZATION_ROLES,
    PERSON_ROLES,
    Credits,
    Projection,
    Years,
    credit_index,
    register_projection,
)

__all__ = ["SPARSE_PROJECTIONS", "SparseGraph", "sparse_projection"]

from ..credits import NO_YEAR as _NO_YEAR


@dataclass
class SparseGraph:
    """A projection's graph as arrays: node IRIs with attribute columns, and undirected edges
    ``u[i] - v[i]`` (node numbers) of ``weight[i]``.

    ``edge_films(i)`` lists the films (IRIs, by year then IRI) behind edge ``i``, found when
    asked; ``edge_key`` names that list on the edge (``films``, or ``people`` for film-film)."""

    nodes: list[str]
    attrs: dict[str, list[Any]]
    u: np.ndarray
    v: np.ndarray
    weight: np.ndarray
    graph: dict[str, Any] = field(default_factory=dict)
    edge_key: str = "films"
    edge_items: Callable[[np.ndarray, np.ndarray], list[list[str]]] | None = None
    edge_extra: dict[str, list[Any]] = field(default_factory=dict)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.u)

    def edge_films(self, i: int) -> list[str]:
        """The films (or people, for film-film) behind edge ``i``."""
        if self.edge_items is None:
            return []
        return self.edge_items(self.u[i : i + 1], self.v[i : i + 1])[0]

    def drop_light_edges(self, min_weight: int) -> SparseGraph:
        """Without edges lighter than ``min_weight`` and the nodes that lose all edges by it."""
        if min_weight <= 1:
            return self
        keep = self.weight >= min_weight
        had = np.zeros(len(self.nodes), dtype=bool)
        had[self.u] = had[self.v] = True
        still = np.zeros(len(self.nodes), dtype=bool)
        still[self.u[keep]] = still[self.v[keep]] = True
        node_keep = ~had | still
        new_of = np.cumsum(node_keep) - 1
        chosen = np.flatnonzero(node_keep)
        old_u, old_v = self.u[keep], self.v[keep]
        items = self.edge_items

        def shifted(u: np.ndarray, v: np.ndarray) -> list[list[str]]:
            assert items is not None
            return items(chosen[u], chosen[v])

        return SparseGraph(
            [self.nodes[i] for i in chosen],
            {k: [col[i] for i in chosen] for k, col in self.attrs.items()},
            new_of[old_u].astype(np.int32),
            new_of[old_v].astype(np.int32),
            self.weight[keep],
            dict(self.graph),
            self.edge_key,
            shifted if items is not None else None,
            {k: [col[i] for i in np.flatnonzero(keep)] for k, col in self.edge_extra.items()},
        )

    def to_networkx(self, *, films: bool = True) -> nx.Graph:
        """A networkx graph with the same nodes, attributes and edges; ``films=False`` leaves out
        the list of films on each edge (much faster and smaller on big graphs)."""
        with no_gc(freeze=True):
            g = self.node_graph()
            columns_of_edges: list[tuple[str, list[Any]]] = [
                (k, col) for k, col in self.edge_extra.items()
            ]
            columns_of_edges.append(("weight", self.weight.tolist()))
            if films and self.edge_items is not None:
                columns_of_edges.append((self.edge_key, self.edge_items(self.u, self.v)))
            keys = [k for k, _ in columns_of_edges]
            if keys == ["weight"]:  # the common case, about 2x faster as a literal
                edge_attrs = [{"weight": w} for w in columns_of_edges[0][1]]
            else:
                edge_attrs = [
                    dict(zip(keys, row, strict=True))
                    for row in zip(*(c for _, c in columns_of_edges), strict=True)
                ]
            named = np.asarray(self.nodes, dtype=object)
            adj = g._adj  # a fresh nx.Graph whose nodes are all there: fill both directions
            for a, b, attrs in zip(
                named[self.u].tolist(), named[self.v].tolist(), edge_attrs, strict=True
            ):
                adj[a][b] = attrs
                adj[b][a] = attrs
        return g

    def node_graph(self) -> nx.Graph:
        """A networkx graph of the nodes and their attributes only (no edges): cheap, for
        labels and tables next to scores computed from the arrays."""
        g = nx.Graph()
        g.graph.update(self.graph)
        columns = list(self.attrs.items())
        for i, node in enumerate(self.nodes):
            g.add_node(node, **{k: col[i] for k, col in columns if col[i] is not None})
        return g

    def to_igraph(self) -> Any:
        """An undirected ``igraph.Graph`` (vertex attribute ``name`` = IRI, edge attribute
        ``weight``), made straight from the arrays."""
        import igraph

        edges = zip(self.u.tolist(), self.v.tolist(), strict=True)  # 2x faster than a 2-D list
        h = igraph.Graph(n=len(self.nodes), edges=edges, directed=False)
        h.es["weight"] = self.weight.astype(float).tolist()
        h.vs["name"] = list(self.nodes)
        return h

    def node_list(self) -> list[Hashable]:
        return list(self.nodes)


# --- the products --------------------------------------------------------------------------------


@dataclass
class _Credits:
    """The unique credits of the chosen roles on the films in the year range, as columns."""

    index: CreditIndex
    film: np.ndarray
    role: np.ndarray
    agent: np.ndarray

    @classmethod
    def of(cls, index: CreditIndex, roles: Sequence[str], years: Years | None) -> _Credits:
        film, role, agent = index.unique_credits(roles)
        if years is not None:
            y = index.years[film]
            keep = y != _NO_YEAR
            first, last = years
            if first is not None:
                keep &= y >= first
            if last is not None:
                keep &= y <= last
            film, role, agent = film[keep], role[keep], agent[keep]
        return cls(index, film, role, agent)

    def only(self, roles: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        wanted = np.asarray([ROLE_NAMES.index(r) for r in roles], dtype=np.int8)
        keep = np.isin(self.role, wanted)
        return self.film[keep], self.agent[keep]

    def on_shared_films(
        self, first: Sequence[str], second: Sequence[str]
    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """The films with credits in both role sets (sorted), and the ``(film, agent)`` columns
        of each set on those films only."""
        one, two = self.only(first), self.only(second)
        both = np.intersect1d(one[0], two[0])
        k1, k2 = np.isin(one[0], both), np.isin(two[0], both)
        return both, (one[0][k1], one[1][k1]), (two[0][k2], two[1][k2])


def _incidence(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> csr_matrix:
    """A 0/1 matrix with a 1 at each ``(rows[i], cols[i])``."""
    m = csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n_rows, n_cols), dtype=np.int32
    )
    m.sum_duplicates()
    m.data[:] = 1
    return m


def _at(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions of ``ids`` among ``values`` (distinct; each id is one of them)."""
    if not len(values):
        return np.zeros(0, dtype=np.int32)
    lookup = np.full(int(values.max()) + 1, -1, dtype=np.int32)
    lookup[values] = np.arange(len(values), dtype=np.int32)
    out: np.ndarray = lookup[ids]
    return out


def _compact(ids: np.ndarray, names: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of ``ids`` and each value's position among them: sorted by number, or by
    ``names[id]`` when given (nodes in IRI order, whatever order the store gave them)."""
    values, positions = np.unique(ids, return_inverse=True)
    if names is not None and len(values) > 1:
        order = np.argsort(np.asarray([names[v] for v in values.tolist()], dtype=object))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        values, positions = values[order], rank[positions]
    return values, positions.astype(np.int32)


def _node_attrs(
    index: CreditIndex, people: np.ndarray, b: csr_matrix, films: np.ndarray, node_type: str
) -> dict[str, list[Any]]:
    """``label, type, film_count, first_year, last_year`` of ``people`` (rows of ``b``, a 0/1
    people x films matrix over ``films``)."""
    names, known = index.nodes, index.labels
    labels = [known[p] or names[p].rsplit("/", 1)[-1] for p in people.tolist()]
    counts = np.diff(b.indptr)
    years = index.years[films[b.indices]].astype(np.float64)
    years[years == _NO_YEAR] = np.nan
    first: list[Any] = [None] * len(people)
    last: list[Any] = [None] * len(people)
    rows = np.flatnonzero(counts > 0)
    if len(rows):  # each nonempty row's films lie between its start and the next one's
        starts = b.indptr[:-1][rows]
        with np.errstate(all="ignore"):
            lo = np.fmin.reduceat(years, starts)
            hi = np.fmax.reduceat(years, starts)
        for i, low, high in zip(rows.tolist(), lo.tolist(), hi.tolist(), strict=True):
            if low == low:  # not NaN: some film has a year
                first[i], last[i] = int(low), int(high)
    return {
        "label": labels,
        "type": [node_type] * len(people),
        "film_count": counts.tolist(),
        "first_year": first,
        "last_year": last,
    }


class _Columns:
    """Films (or people) as columns of the matrices: their names and the order lists take."""

    def __init__(self, names: list[str], rank: np.ndarray) -> None:
        self.names = names
        self.rank = rank

    @classmethod
    def films(cls, index: CreditIndex, films: np.ndarray) -> _Columns:
        """Films by year, then IRI (years missing count as 0), as the lists always were."""
        years = index.years[films].astype(np.int32)
        years[years == _NO_YEAR] = 0
        names = [index.nodes[f] for f in films]
        order = np.lexsort((np.asarray(names, dtype=object), years))
        return cls(names, _rank(order))

    @classmethod
    def by_name(cls, names: list[str]) -> _Columns:
        return cls(names, _rank(np.argsort(np.asarray(names, dtype=object), kind="stable")))

    def listed(self, positions: np.ndarray) -> list[str]:
        if len(positions) > 1:
            positions = positions[np.argsort(self.rank[positions], kind="stable")]
        return [self.names[c] for c in positions.tolist()]


def _rank(order: np.ndarray) -> np.ndarray:
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def _common(left: csr_matrix, right: csr_matrix, a: int, b: int) -> np.ndarray:
    """The columns row ``a`` of ``left`` and row ``b`` of ``right`` both have."""
    lp, li, rp, ri = left.indptr, left.indices, right.indptr, right.indices
    return np.intersect1d(li[lp[a] : lp[a + 1]], ri[rp[b] : rp[b + 1]], assume_unique=True)


_FEW = 64
"""Up to this many edges, their lists are found edge by edge (a path's hops); beyond it, all at
once from the matrices' columns (a whole graph's edges)."""


def _expand(left: csr_matrix, right: csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every ``(row of left, row of right, column)`` with a 1 in that column of both: the
    credits behind each entry of ``left @ right.T``, one per shared column.

    >>> m = csr_matrix(np.array([[1, 1], [1, 0]]))
    >>> [a.tolist() for a in _expand(m, m)]
    [[0, 0, 1, 1, 0], [0, 1, 0, 1, 0], [0, 0, 0, 0, 1]]
    """
    lc, rc = left.tocsc(), right.tocsc()
    lc.sort_indices()
    rc.sort_indices()
    a, b = np.diff(lc.indptr), np.diff(rc.indptr)
    counts = a.astype(np.int64) * b
    total = int(counts.sum())
    col = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    k = np.arange(total, dtype=np.int64) - np.repeat(starts, counts)
    bc = b[col]
    rows_l = lc.indices[lc.indptr[col] + k // bc]
    rows_r = rc.indices[rc.indptr[col] + k % bc]
    return rows_l.astype(np.int64), rows_r.astype(np.int64), col


def _lists(
    left: np.ndarray,
    right: np.ndarray,
    col: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
    columns: _Columns,
) -> list[list[str]]:
    """The columns behind each requested edge ``u[i] - v[i]``, given every credit pair
    ``left - right`` in column ``col`` (edges are keyed as ``u < v``; pairs the other way round count
    for the same edge)."""
    lo, hi = np.minimum(left, right), np.maximum(left, right)
    keep = lo != hi
    pair_keys = (lo[keep] << 32) | hi[keep]
    col = col[keep]
    uu, vv = u.astype(np.int64), v.astype(np.int64)
    want = (np.minimum(uu, vv) << 32) | np.maximum(uu, vv)
    order = np.argsort(want, kind="stable")
    sorted_want = want[order]
    at = np.searchsorted(sorted_want, pair_keys)
    at[at == len(sorted_want)] = 0
    hit = sorted_want[at] == pair_keys if len(sorted_want) else np.zeros(len(at), dtype=bool)
    edge = order[at[hit]]
    col = col[hit]
    by = np.lexsort((columns.rank[col], edge))
    edge, col = edge[by], col[by]
    if len(edge):  # a column shared twice (each directed the other) counts once
        new = np.ones(len(edge), dtype=bool)
        new[1:] = (edge[1:] != edge[:-1]) | (col[1:] != col[:-1])
        edge, col = edge[new], col[new]
    names = columns.names
    flat = [names[c] for c in col.tolist()]
    ends = np.cumsum(np.bincount(edge, minlength=len(u))).tolist()
    out, start = [], 0
    for end in ends:
        out.append(flat[start:end])
        start = end
    return out


def _shared(
    left: csr_matrix, right: csr_matrix, columns: _Columns, shift: int = 0
) -> Callable[[np.ndarray, np.ndarray], list[list[str]]]:
    """Edge lists: the columns shared by row ``u`` of ``left`` and row ``v - shift`` of
    ``right``, named and ordered by ``columns``."""

    def items(u: np.ndarray, v: np.ndarray) -> list[list[str]]:
        if len(u) <= _FEW:
            return [
                columns.listed(_common(left, right, a, b - shift))
                for a, b in zip(u.tolist(), v.tolist(), strict=True)
            ]
        rows_l, rows_r, col = _expand(left, right)
        return _lists(rows_l, rows_r + shift, col, u, v, columns)

    return items


def _pairs(w: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries above the diagonal of a symmetric matrix as ``u < v`` edges in ``(u, v)``
    order, read off its CSR arrays."""
    w = w.tocsr()
    rows = np.repeat(np.arange(w.shape[0], dtype=np.int64), np.diff(w.indptr))
    keep = w.indices > rows
    u, v, data = rows[keep], w.indices[keep].astype(np.int64), w.data[keep]
    order = np.argsort(u * w.shape[1] + v)  # half the entries: cheaper than sorting them all
    return u[order].astype(np.int32), v[order].astype(np.int32), data[order].astype(np.int32)


def _co_credit(c: _Credits, roles: Sequence[str]) -> SparseGraph:
    index = c.index
    films, f_pos = _compact(c.film)
    people, p_pos = _compact(c.agent, index.nodes)
    b = _incidence(p_pos, f_pos, len(people), len(films))
    u, v, w = _pairs(b @ b.T)
    return SparseGraph(
        [index.nodes[p] for p in people],
        _node_attrs(index, people, b, films, "person"),
        u,
        v,
        w,
        edge_items=_shared(b, b, _Columns.films(index, films)),
    )


def _director_actor(c: _Credits, roles: Sequence[str]) -> SparseGraph:
    index = c.index
    d_roles = [r for r in roles if r == "director"] or ["director"]
    a_roles = [r for r in roles if r != "director"] or ["cast_member"]
    films, (d_film, d_agent), (a_film, a_agent) = c.on_shared_films(d_roles, a_roles)
    people, _ = _compact(np.concatenate([d_agent, a_agent]), index.nodes)
    # directors first, so that an edge reads director -> actor in edge lists and exports
    people = people[np.argsort(~np.isin(people, d_agent), kind="stable")]
    n, m = len(people), len(films)
    d = _incidence(_at(people, d_agent), _at(films, d_film), n, m)
    a = _incidence(_at(people, a_agent), _at(films, a_film), n, m)
    overlap = d.multiply(a).tocsr()  # directed and acted in the same film
    union = d @ a.T
    union = union + union.T - overlap @ overlap.T
    union.setdiag(0)
    union.eliminate_zeros()
    u, v, w = _pairs(union)
    either = ((d + a) > 0).astype(np.int32).tocsr()
    attrs = _node_attrs(index, people, either, films, "person")
    d_rows, a_rows = np.diff(d.indptr) > 0, np.diff(a.indptr) > 0
    attrs["roles"] = [
        [r for r, has in (("cast_member", a_rows[i]), ("director", d_rows[i])) if has]
        for i in range(n)
    ]
    columns = _Columns.films(index, films)

    def items(uu: np.ndarray, vv: np.ndarray) -> list[list[str]]:
        if len(uu) > _FEW:  # all at once: director -> actor pairs, either way round
            return _lists(*_expand(d, a), uu, vv, columns)
        return [  # films either directed the other: the union of both ways
            columns.listed(np.union1d(_common(d, a, x, y), _common(d, a, y, x)))
            for x, y in zip(uu.tolist(), vv.tolist(), strict=True)
        ]

    return SparseGraph([index.nodes[p] for p in people], attrs, u, v, w, edge_items=items)


def _person_studio(c: _Credits, roles: Sequence[str]) -> SparseGraph:
    index = c.index
    p_roles = [r for r in roles if r in PERSON_ROLES] or list(PERSON_ROLES)
    o_roles = [r for r in roles if r in ORGANIZATION_ROLES] or list(ORGANIZATION_ROLES)
    films, (p_film, p_agent), (o_film, o_agent) = c.on_shared_films(p_roles, o_roles)
    people, pp = _compact(p_agent, index.nodes)
    orgs, op = _compact(o_agent, index.nodes)
    m = len(films)
    p = _incidence(pp, _at(films, p_film), len(people), m)
    o = _incidence(op, _at(films, o_film), len(orgs), m)
    w = (p @ o.T).tocoo()
    order = np.lexsort((w.col, w.row))
    u = w.row[order].astype(np.int32)
    v = (w.col[order] + len(people)).astype(np.int32)
    attrs_p = _node_attrs(index, people, p, films, "person")
    attrs_o = _node_attrs(index, orgs, o, films, "organization")
    attrs = {k: attrs_p[k] + attrs_o[k] for k in attrs_p}
    attrs["bipartite"] = [0] * len(people) + [1] * len(orgs)
    items = _shared(p, o, _Columns.films(index, films), shift=len(people))
    return SparseGraph(
        [index.nodes[x] for x in people] + [index.nodes[x] for x in orgs],
        attrs,
        u,
        v,
        w.data[order].astype(np.int32),
        edge_items=items,
    )


def _film_film(c: _Credits, roles: Sequence[str]) -> SparseGraph:
    index = c.index
    films, f_pos = _compact(c.film)
    people, p_pos = _compact(c.agent, index.nodes)
    b = _incidence(f_pos, p_pos, len(films), len(people))  # films x people
    u, v, w = _pairs(b @ b.T)
    order = np.argsort(np.asarray([index.nodes[f] for f in films], dtype=object), kind="stable")
    # nodes in IRI order, as before
    films, b = films[order], b[order]
    new_of = np.empty(len(order), dtype=np.int32)
    new_of[order] = np.arange(len(order), dtype=np.int32)
    u, v = new_of[u], new_of[v]
    swap = u > v
    u, v = np.where(swap, v, u), np.where(swap, u, v)
    labels = [index.labels[f] or index.nodes[f].rsplit("/", 1)[-1] for f in films]
    years = [None if index.years[f] == _NO_YEAR else int(index.years[f]) for f in films]
    return SparseGraph(
        [index.nodes[f] for f in films],
        {"label": labels, "type": ["film"] * len(films), "year": years},
        u,
        v,
        w,
        edge_key="people",
        edge_items=_shared(b, b, _Columns.by_name([index.nodes[p] for p in people])),
    )


def _person_film(c: _Credits, roles: Sequence[str]) -> SparseGraph:
    index = c.index
    people, p_pos = _compact(c.agent, index.nodes)
    films, f_pos = _compact(c.film)
    b = _incidence(p_pos, f_pos, len(people), len(films))
    attrs = _node_attrs(index, people, b, films, "person")
    attrs["bipartite"] = [0] * len(people)
    film_order = np.argsort(
        np.asarray([index.nodes[f] for f in films], dtype=object), kind="stable"
    )
    films = films[film_order]
    new_of = np.empty(len(film_order), dtype=np.int64)
    new_of[film_order] = np.arange(len(film_order))
    for key in attrs:
        attrs[key] = attrs[key] + [None] * len(films)
    attrs["label"][len(people) :] = [
        index.labels[f] or index.nodes[f].rsplit("/", 1)[-1] for f in films
    ]
    attrs["type"][len(people) :] = ["film"] * len(films)
    attrs["bipartite"][len(people) :] = [1] * len(films)
    attrs["year"] = [None] * len(people) + [
        None if index.years[f] == _NO_YEAR else int(index.years[f]) for f in films
    ]
    # one edge per (person, film), with the roles on it
    key = p_pos.astype(np.int64) * len(films) + new_of[f_pos]
    order = np.lexsort((c.role, key))
    key, role = key[order], c.role[order]
    edges, starts = np.unique(key, return_index=True)
    groups = np.split(role, starts[1:])
    role_lists = [sorted(ROLE_NAMES[r] for r in g.tolist()) for g in groups]
    u = (edges // len(films)).astype(np.int32)
    v = (edges % len(films) + len(people)).astype(np.int32)
    for key_name in ("film_count", "first_year", "last_year"):
        attrs[key_name][len(people) :] = [None] * len(films)
    return SparseGraph(
        [index.nodes[p] for p in people] + [index.nodes[f] for f in films],
        attrs,
        u,
        v,
        np.asarray([len(r) for r in role_lists], dtype=np.int32),
        edge_items=None,
        edge_extra={"roles": role_lists},
    )


SPARSE_PROJECTIONS: dict[str, Callable[[_Credits, Sequence[str]], SparseGraph]] = {
    "co-star": _co_credit,
    "crew": _co_credit,
    "director-actor": _director_actor,
    "person-studio": _person_studio,
    "film-film": _film_film,
    "person-film": _person_film,
}
"""The built-in projections' sparse builders, by projection name."""


def sparse_projection(
    index: CreditIndex, projection: str, roles: Sequence[str], years: Years | None = None
) -> SparseGraph:
    """The graph of a built-in ``projection`` of ``index`` for ``roles`` and ``years``."""
    credits = _Credits.of(index.decoded(), roles, years)
    return SPARSE_PROJECTIONS[projection](credits, roles)


def _register(name: str, description: str, roles: tuple[str, ...], types: tuple[str, ...]) -> None:
    def sparse(index: CreditIndex, chosen: tuple[str, ...], years: Years | None) -> SparseGraph:
        return sparse_projection(index, name, chosen, years)

    def build(credits: Credits, chosen: tuple[str, ...]) -> nx.Graph:
        return sparse(credit_index(credits), chosen, None).to_networkx()

    register_projection(Projection(name, description, roles, build, types, sparse))


for _name, _description, _roles, _types in (
    ("person-film", "bipartite people and films, the roles on each edge", PERSON_ROLES,
     ("person", "film")),
    ("co-star", "cast members linked by shared films", ("cast_member",), ("person",)),
    ("crew", "any two people credited on the same film", PERSON_ROLES, ("person",)),
    ("director-actor", "directors linked to the cast of their films", ("director", "cast_member"),
     ("person",)),
    ("person-studio", "people linked to the production companies and distributors of their films",
     PERSON_ROLES + ORGANIZATION_ROLES, ("person", "organization")),
    ("film-film", "films linked by the people they share", PERSON_ROLES, ("film",)),
):  # fmt: skip
    _register(_name, _description, _roles, _types)
