"""Graph files: GraphML, GEXF, GML, edge-list CSV and node-link JSON, chosen by extension.

networkx's writers fail on lists, dicts and ``None``, and Gephi, Cytoscape and igraph each read
only plain values, so :func:`sanitize_graph` makes every attribute a ``str``, ``int``, ``float`` or
``bool`` first: lists are joined with ``"; "`` (film IRIs become ``"Title (Year)"``), dicts become
JSON text and ``None`` is left out.

Format notes: GML reserves ``label`` for the node key, so there the node IRI is the GML label
and our label is written as ``name``; the CSV edge list writes ``source,target`` and the edge
attributes, with the nodes and their attributes beside it in ``FILE.nodes.csv``.

>>> import networkx as nx
>>> g = nx.Graph(projection="co-star")
>>> g.add_edge("a", "b", weight=2, films=["f1", "f2"], note=None)
>>> sanitize_graph(g).edges["a", "b"]
{'weight': 2, 'films': 'f1; f2'}
"""

from __future__ import annotations

import csv
import json
import math
import numbers
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import UnknownFormatError

__all__ = ["GRAPH_FORMATS", "graph_format_for", "read_graph", "sanitize_graph", "write_graph"]

GRAPH_FORMATS: dict[str, str] = {
    "graphml": "graphml",
    "xml": "graphml",
    "gexf": "gexf",
    "gml": "gml",
    "csv": "csv",
    "json": "json",
}
"""File extensions of the graph formats we write, by format name."""


def graph_format_for(path: str | Path, fmt: str | None = None) -> str:
    """The graph format for ``path`` (or the explicit ``fmt``).

    >>> graph_format_for("out/costar.gexf")
    'gexf'
    >>> graph_format_for("x.png")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownFormatError: x.png: unknown graph format 'png'; use one of ...
    """
    key = (fmt or Path(path).suffix.lstrip(".")).lower()
    if key not in GRAPH_FORMATS:
        raise UnknownFormatError(
            f"unknown graph format {key!r}; use one of: .graphml, .gexf, .gml, .csv, .json",
            path=str(path),
        )
    return GRAPH_FORMATS[key]


def _film_text(value: str, film_info: Mapping[str, Any]) -> str:
    info = film_info.get(value)
    if info is None:
        return value
    label, year = info
    return f"{label} ({year})" if year is not None else str(label)


def _plain(value: Any, film_info: Mapping[str, Any]) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return None if math.isnan(number) else number
    if isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, default=str)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return "; ".join(_film_text(str(v), film_info) for v in items)
    return str(value)


def sanitize_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` whose graph, node and edge attributes are all plain values.

    Parameters
    ----------
    g : networkx.Graph
        A graph; its ``film_info`` graph attribute, if any, turns film IRIs into titles.

    Returns
    -------
    networkx.Graph
        Same class, nodes and edges; attributes ``str``/``int``/``float``/``bool`` only.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph(film_info={"f1": ("Heat", 1995)})
    >>> g.add_node("a", label="Al", roles=["director", "cast_member"], born=None)
    >>> h = sanitize_graph(g)
    >>> h.nodes["a"], h.graph
    ({'label': 'Al', 'roles': 'director; cast_member'}, {})
    """
    film_info: Mapping[str, Any] = g.graph.get("film_info") or {}
    out = g.__class__()
    for key, value in g.graph.items():
        if key == "film_info":
            continue
        plain = _plain(value, {})
        if plain is not None:
            out.graph[key] = plain

    def clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
        result = {}
        for key, value in attrs.items():
            plain = _plain(value, film_info)
            if plain is not None:
                result[str(key)] = plain
        return result

    out.add_nodes_from((n, clean(d)) for n, d in g.nodes(data=True))
    out.add_edges_from((u, v, clean(d)) for u, v, d in g.edges(data=True))
    return out


def write_graph(g: nx.Graph, path: str | Path, *, fmt: str | None = None) -> Path:
    """Write ``g`` to ``path`` in the format its extension names (after :func:`sanitize_graph`).

    Parameters
    ----------
    g : networkx.Graph
    path : a file ending in ``.graphml``, ``.gexf``, ``.gml``, ``.csv`` or ``.json``.
    fmt : override the format guessed from the extension.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", films=["x", "y"])
    >>> _ = write_graph(g, out)
    >>> nx.read_graphml(out).edges["a", "b"]["films"]
    'x; y'
    """
    kind = graph_format_for(path, fmt)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean = sanitize_graph(g)
    if kind == "graphml":
        nx.write_graphml(clean, target)
    elif kind == "gexf":
        nx.write_gexf(clean, target)
    elif kind == "gml":
        renamed = clean.__class__(**clean.graph)
        renamed.add_nodes_from(
            (n, {("name" if k == "label" else k): v for k, v in d.items()})
            for n, d in clean.nodes(data=True)
        )
        renamed.add_edges_from(clean.edges(data=True))
        nx.write_gml(renamed, target)
    elif kind == "json":
        data = nx.node_link_data(clean, edges="edges")
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        _write_csv(clean, target)
    return target


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _write_csv(g: nx.Graph, target: Path) -> None:
    edge_rows = [{"source": u, "target": v, **d} for u, v, d in g.edges(data=True)]
    with target.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=_columns(edge_rows) or ["source", "target"])
        writer.writeheader()
        writer.writerows(edge_rows)
    node_rows = [{"id": n, **d} for n, d in g.nodes(data=True)]
    with target.with_suffix(".nodes.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=_columns(node_rows) or ["id"])
        writer.writeheader()
        writer.writerows(node_rows)


def read_graph(path: str | Path, *, fmt: str | None = None) -> nx.Graph:
    """Read a graph written by :func:`write_graph` (attributes as written: plain values).

    CSV cells are read back as text, except the integer columns we write (``weight``,
    ``film_count``, ``first_year``, ``last_year``, ``year``, ``bipartite``); other numbers in a
    CSV come back as text. GML nodes get their ``label`` back from ``name``. GEXF edge ids are
    dropped and whole-number weights (GEXF stores floats) come back as ``int``.

    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.csv"
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=3)
    >>> _ = write_graph(g, out)
    >>> read_graph(out).edges["a", "b"]
    {'weight': 3}
    """
    kind = graph_format_for(path, fmt)
    source = Path(path)
    if kind == "graphml":
        return nx.read_graphml(source)
    if kind == "gexf":
        g = nx.read_gexf(source)
        for _, _, d in g.edges(data=True):  # GEXF numbers edges and stores weights as floats
            d.pop("id", None)
            weight = d.get("weight")
            if isinstance(weight, float) and weight.is_integer():
                d["weight"] = int(weight)
        return g
    if kind == "gml":
        g = nx.read_gml(source)
        for _, d in g.nodes(data=True):
            if "name" in d:
                d["label"] = d.pop("name")
        return g
    if kind == "json":
        data = json.loads(source.read_text(encoding="utf-8"))
        return nx.node_link_graph(data, edges="edges")
    g = nx.Graph()
    nodes = source.with_suffix(".nodes.csv")
    if nodes.exists():
        with nodes.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                node = row.pop("id")
                g.add_node(node, **{k: _cell(k, v) for k, v in row.items() if v != ""})
    with source.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u, v = row.pop("source"), row.pop("target")
            g.add_edge(u, v, **{k: _cell(k, x) for k, x in row.items() if x != ""})
    return g


_INT_COLUMNS = frozenset({"weight", "film_count", "first_year", "last_year", "year", "bipartite"})


def _cell(key: str, text: str) -> str | int | float:
    """A CSV cell: integers in the numeric columns we write, text elsewhere."""
    if key in _INT_COLUMNS:
        try:
            return int(text)
        except ValueError:
            return float(text)
    return text
