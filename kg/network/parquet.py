"""Parquet node and edge tables of a projection, for engines beyond one machine (Spark, DuckDB...).

:func:`write_parquet` writes a directory holding ``nodes.parquet`` and ``edges.parquet``:

- ``nodes.parquet``: ``id`` (``int64``, 0 to n-1 in the order of the node keys), ``node`` (the
  node's key, an IRI for people and films) and the node attributes (``label``, ``roles``...);
- ``edges.parquet``: ``src`` and ``dst`` (node ids; one row per undirected edge, ``src < dst``)
  and the edge attributes (``weight``, ``films``...).

Attributes are made plain first, as for the other graph files (:func:`~kg.network.io.sanitize_graph`:
film lists become ``"Title (Year); ..."`` text). Integer ids are what graph engines such as Spark
GraphX take; the ``node`` column maps them back. The projection's name and options are kept in the
Parquet schema metadata (keys ``kg.projection``, ``kg.roles``, ...). Needs pyarrow (the ``parquet``
or ``spark`` extra).

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.Graph(projection="co-star")
>>> g.add_edge("urn:b", "urn:a", weight=2)
>>> out = write_parquet(g, pathlib.Path(tempfile.mkdtemp()) / "costar")
>>> (out.node_count, out.edge_count)
(2, 1)
>>> sorted(read_parquet(out.directory).edges(data="weight"))
[('urn:a', 'urn:b', 2)]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import KGError, KGInputError
from .io import sanitize_graph

__all__ = ["EDGES_FILE", "NODES_FILE", "ParquetTables", "read_parquet", "write_parquet"]

NODES_FILE = "nodes.parquet"
"""The node table's file name inside the directory :func:`write_parquet` writes."""
EDGES_FILE = "edges.parquet"
"""The edge table's file name inside the directory :func:`write_parquet` writes."""

_RESERVED_NODE = ("id", "node")
_RESERVED_EDGE = ("src", "dst")


@dataclass(frozen=True)
class ParquetTables:
    """What :func:`write_parquet` wrote: the directory, its two files and their row counts."""

    directory: Path
    nodes: Path
    edges: Path
    node_count: int
    edge_count: int


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise KGError(
            "Parquet tables need pyarrow: pip install 'kg[parquet]' (or 'kg[spark]')"
        ) from err
    return pa, pq


def _column(pa: Any, values: list[Any]) -> Any:
    """An Arrow array of ``values``; a column mixing kinds of value becomes text."""
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int} or kinds <= {float} or kinds <= {bool} or kinds <= {str}:
        return pa.array(values)
    if kinds <= {int, float}:
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def _table(
    pa: Any, fixed: dict[str, Any], rows: list[dict[str, Any]], reserved: Iterable[str]
) -> Any:
    names: dict[str, None] = {}
    for row in rows:
        for key in row:
            if key not in reserved:
                names.setdefault(key, None)
    columns = dict(fixed)
    for name in names:
        columns[name] = _column(pa, [row.get(name) for row in rows])
    return pa.table(columns)


def _metadata(g: nx.Graph) -> dict[str, str]:
    return {f"kg.{key}": str(value) for key, value in g.graph.items() if key != "film_info"}


def write_parquet(g: nx.Graph, directory: str | Path) -> ParquetTables:
    """Write ``g`` as ``nodes.parquet`` and ``edges.parquet`` in ``directory`` (created).

    Parameters
    ----------
    g : networkx.Graph
        An undirected graph, such as a projection from :func:`~kg.network.build_graph`.
    directory : where to write; existing tables there are replaced.

    Returns
    -------
    ParquetTables
        The paths and row counts written.

    Raises
    ------
    KGInputError
        ``g`` is directed (the tables describe undirected projections).
    KGError
        pyarrow is not installed.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> import pyarrow.parquet as pq
    >>> g = nx.Graph([("b", "a", {"weight": 3}), ("b", "c", {"weight": 1})])
    >>> nx.set_node_attributes(g, {"a": "Ann", "b": "Bo", "c": "Cy"}, "label")
    >>> out = write_parquet(g, pathlib.Path(tempfile.mkdtemp()))
    >>> pq.read_table(out.nodes).to_pylist()[0]
    {'id': 0, 'node': 'a', 'label': 'Ann'}
    >>> pq.read_table(out.edges).to_pylist()
    [{'src': 0, 'dst': 1, 'weight': 3}, {'src': 1, 'dst': 2, 'weight': 1}]
    """
    if g.is_directed():
        raise KGInputError("Parquet tables describe undirected graphs; this graph is directed")
    pa, pq = _pyarrow()
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    clean = sanitize_graph(g)
    order: list[Hashable] = sorted(clean.nodes, key=str)
    ids = {node: i for i, node in enumerate(order)}
    node_rows = [clean.nodes[n] for n in order]
    nodes = _table(
        pa,
        {"id": pa.array(range(len(order)), type=pa.int64()), "node": pa.array(map(str, order))},
        node_rows,
        _RESERVED_NODE,
    )
    pairs = sorted(
        (min(ids[u], ids[v]), max(ids[u], ids[v]), d) for u, v, d in clean.edges(data=True)
    )
    edges = _table(
        pa,
        {
            "src": pa.array([p[0] for p in pairs], type=pa.int64()),
            "dst": pa.array([p[1] for p in pairs], type=pa.int64()),
        },
        [p[2] for p in pairs],
        _RESERVED_EDGE,
    )
    metadata = _metadata(g)
    nodes_path, edges_path = target / NODES_FILE, target / EDGES_FILE
    pq.write_table(nodes.replace_schema_metadata(metadata), nodes_path)
    pq.write_table(edges.replace_schema_metadata(metadata), edges_path)
    return ParquetTables(target, nodes_path, edges_path, nodes.num_rows, edges.num_rows)


def read_parquet(directory: str | Path) -> nx.Graph:
    """Read the tables :func:`write_parquet` wrote back into a networkx graph keyed by ``node``.

    Raises
    ------
    KGInputError
        ``directory`` lacks ``nodes.parquet`` or ``edges.parquet``.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> out = write_parquet(nx.Graph([("a", "b")], projection="crew"), pathlib.Path(tempfile.mkdtemp()))
    >>> g = read_parquet(out.directory)
    >>> sorted(g.edges()), g.graph["projection"]
    ([('a', 'b')], 'crew')
    """
    _, pq = _pyarrow()
    source = Path(directory)
    for name in (NODES_FILE, EDGES_FILE):
        if not (source / name).is_file():
            raise KGInputError(
                f"no {name} here: write the tables with `kg network export-parquet`",
                path=str(source),
            )
    nodes = pq.read_table(source / NODES_FILE)
    edges = pq.read_table(source / EDGES_FILE)
    g = nx.Graph()
    for key, value in (nodes.schema.metadata or {}).items():
        name = key.decode()
        if name.startswith("kg."):
            g.graph[name[3:]] = value.decode()
    keys: dict[int, str] = {}
    for row in nodes.to_pylist():
        node_id, node = row.pop("id"), row.pop("node")
        keys[node_id] = node
        g.add_node(node, **{k: v for k, v in row.items() if v is not None})
    for row in edges.to_pylist():
        u, v = keys[row.pop("src")], keys[row.pop("dst")]
        g.add_edge(u, v, **{k: x for k, x in row.items() if x is not None})
    return g
