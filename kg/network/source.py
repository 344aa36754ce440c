"""Where an analysis gets its graph: a projection of the store, of a SPARQL server, or a file.

:class:`GraphSource` holds the choices ``kg network`` takes as options (projection, roles, years,
minimum weight, and where to read), so the same choices work from Python:

>>> import tempfile, pathlib
>>> empty = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> GraphSource("co-star", store_path=empty).load()  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
kg.errors.StoreError: no store at ...: load something first (kg load FILE --store ...)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import KGInputError
from ..reader import GraphReader
from ..remote import RemoteEndpoint
from ..store import Store, default_store_path
from .build import build_graph, build_sparse
from .io import read_graph
from .projections import get_projection
from .sparse import SparseGraph

__all__ = ["GraphSource"]


@dataclass(frozen=True)
class GraphSource:
    """A projection (``projection``, ``roles``, ``years``, ``min_weight``) of the store at
    ``store_path`` (default :func:`kg.store.default_store_path`), or of the graphs ``kg push``
    wrote to ``endpoint``; or, when ``input_path`` is given, the graph file written by
    ``kg network build`` (the projection options are then ignored)."""

    projection: str = "co-star"
    roles: str | None = None
    years: str | None = None
    min_weight: int = 1
    input_path: Path | None = None
    endpoint: RemoteEndpoint | None = None
    store_path: Path | None = None

    def load(self, *, all_years: bool = False, films: bool = True) -> nx.Graph:
        """The networkx graph; ``all_years`` ignores ``years`` (for per-year snapshots);
        ``films=False`` leaves the film lists off the edges of a projection (metrics do not
        need them, and they are most of the time of a big graph).

        Raises
        ------
        KGInputError
            A graph file without nodes; nothing to project (see :func:`~kg.network.build_graph`).
        StoreError
            No store at ``store_path``.
        """
        if self.input_path is not None:
            g = read_graph(self.input_path)
            if g.number_of_nodes() == 0:
                raise KGInputError("the graph file has no nodes", path=str(self.input_path))
            return g
        years = None if all_years else self.years
        if self.endpoint is not None:
            return self._project(self.endpoint, years, films)
        with Store.open(self.store_path or default_store_path(), read_only=True) as store:
            return self._project(store, years, films)

    def load_sparse(self) -> SparseGraph | None:
        """The projection as arrays (:func:`~kg.network.build.build_sparse`), or ``None`` when
        this source is a graph file or an add-on projection without a sparse form."""
        if self.input_path is not None or get_projection(self.projection).sparse is None:
            return None
        build = functools.partial(
            build_sparse, projection=self.projection, roles=self.roles, years=self.years,
            min_weight=self.min_weight,
        )  # fmt: skip
        if self.endpoint is not None:
            return build(self.endpoint)
        with Store.open(self.store_path or default_store_path(), read_only=True) as store:
            return build(store)

    def _project(self, reader: GraphReader, years: str | None, films: bool) -> nx.Graph:
        return build_graph(
            reader,
            self.projection,
            roles=self.roles,
            years=years,
            min_weight=self.min_weight,
            films=films,
        )
