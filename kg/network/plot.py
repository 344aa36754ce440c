"""Pictures of a projection: PNG/SVG through matplotlib (Agg), or one self-contained HTML page.

Large graphs are cut down to the ``max_nodes`` best-connected nodes (by weighted degree) before
drawing, keeping their largest connected piece when it holds most of them. Nodes are placed by a
seeded spring layout (refined by Kamada-Kawai on connected pictures up to 500 nodes), coloured by Louvain community and sized by
degree; ``labels`` nodes are named: each community's best-connected node, then the next best. The HTML page embeds the node-link JSON
and positions and draws them with inline JavaScript into SVG (pan, zoom, hover, search): it opens
from disk without a server or a CDN.

>>> import networkx as nx, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "karate.html"
>>> plot_graph(nx.karate_club_graph(), out)["nodes"]
34
>>> "<script>" in out.read_text()
True
"""

from __future__ import annotations

import html
import importlib.util
import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import UnknownFormatError
from .communities import detect_communities
from .metrics import require_edges

__all__ = ["PLOT_FORMATS", "plot_graph"]

PLOT_FORMATS = ("png", "svg", "pdf", "html")

_PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
]  # fmt: skip
_OTHER = "#c7c7c7"


def _reduce(g: nx.Graph, max_nodes: int) -> nx.Graph:
    if g.number_of_nodes() <= max_nodes:
        return g
    strength = dict(g.degree(weight="weight"))
    keep = sorted(g, key=lambda v: (-strength[v], str(v)))[:max_nodes]
    h = g.subgraph(keep)
    # specks cut off from the rest squash the layout: draw the largest piece when it dominates
    largest = max(nx.connected_components(h), key=len)
    return h.subgraph(largest) if len(largest) >= 0.5 * len(h) else h


def _layout(
    g: nx.Graph, seed: int
) -> tuple[dict[Hashable, tuple[float, float]], dict[Hashable, int], list[Hashable]]:
    if nx.is_connected(g) and len(g) <= 500 and importlib.util.find_spec("scipy") is not None:
        start = nx.spring_layout(g, seed=seed, weight=None, iterations=50)
        pos = nx.kamada_kawai_layout(g, pos=start, weight=None)  # spreads dense casts out
    else:
        pos = nx.spring_layout(g, seed=seed, weight=None, iterations=100)
    membership: dict[Hashable, int] = {}
    if g.number_of_edges():
        membership = detect_communities(g, seed=seed)["membership"]
    ranked = sorted(g, key=lambda v: (-g.degree(v, weight="weight"), str(v)))
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}, membership, ranked


def plot_graph(
    g: nx.Graph,
    path: str | Path,
    *,
    max_nodes: int = 300,
    labels: int = 20,
    seed: int = 0,
    title: str | None = None,
) -> dict[str, Any]:
    """Draw ``g`` to ``path`` (``.png``, ``.svg``, ``.pdf`` or ``.html``).

    Parameters
    ----------
    g : networkx.Graph
    path : the file to write; its extension picks the format.
    max_nodes : draw at most this many nodes (the best-connected).
    labels : name this many nodes (the best-connected) in static pictures.
    seed : seed for the layout and the community colours.
    title : a title (default: the projection's name and size).

    Returns
    -------
    dict
        ``path, format, nodes, edges, communities`` of what was drawn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "k.svg"
    >>> plot_graph(nx.karate_club_graph(), out, labels=5)["format"]
    'svg'
    """
    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    if fmt not in PLOT_FORMATS:
        raise UnknownFormatError(
            f"unknown picture format {fmt!r}; use .png, .svg, .pdf or .html", path=str(target)
        )
    require_edges(g, "a picture")
    h = _reduce(g, max_nodes)
    pos, membership, ranked = _layout(h, seed)
    name = title or (
        f"{g.graph.get('projection', 'graph')}: {g.number_of_nodes()} nodes, "
        f"{g.number_of_edges()} edges"
        + (f" (top {h.number_of_nodes()} drawn)" if h is not g else "")
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        _write_html(h, target, pos, membership, name)
    else:
        _write_static(h, target, pos, membership, _to_label(ranked, membership, labels), name, fmt)
    return {
        "path": str(target),
        "format": fmt,
        "nodes": h.number_of_nodes(),
        "edges": h.number_of_edges(),
        "communities": len(set(membership.values())),
    }


def _to_label(ranked: list[Hashable], membership: dict[Hashable, int], n: int) -> list[Hashable]:
    """The best-connected node of each community first (so labels spread over the picture), then
    the rest by rank, ``n`` in all."""
    leaders: dict[int, Hashable] = {}
    for v in ranked:
        leaders.setdefault(membership.get(v, -1), v)
    chosen = list(leaders.values())[:n]
    taken = set(chosen)
    chosen += [v for v in ranked if v not in taken][: max(0, n - len(chosen))]
    return chosen


def _colour(membership: dict[Hashable, int], v: Hashable) -> str:
    c = membership.get(v, -1)
    return _PALETTE[c] if 0 <= c < len(_PALETTE) else _OTHER


def _write_static(
    h: nx.Graph,
    target: Path,
    pos: dict[Hashable, tuple[float, float]],
    membership: dict[Hashable, int],
    labelled: list[Hashable],
    title: str,
    fmt: str,
) -> None:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(12, 10), dpi=120)
    try:
        degrees = dict(h.degree())
        top = max(degrees.values()) or 1
        nx.draw_networkx_edges(h, pos, ax=ax, alpha=0.15, width=0.6, edge_color="#555555")
        nx.draw_networkx_nodes(
            h,
            pos,
            ax=ax,
            node_size=[20 + 280 * degrees[v] / top for v in h],
            node_color=[_colour(membership, v) for v in h],
            linewidths=0.3,
            edgecolors="white",
        )
        nx.draw_networkx_labels(
            h,
            pos,
            labels={v: str(h.nodes[v].get("label", v)) for v in labelled},
            ax=ax,
            font_size=8,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
        ax.set_title(title)
        ax.set_axis_off()
        fig.tight_layout()
        fig.savefig(target, format=fmt)
    finally:
        plt.close(fig)


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>__TITLE__</title>
<style>
body{margin:0;font:13px system-ui,sans-serif;background:#fafafa}
header{padding:6px 10px;background:#fff;border-bottom:1px solid #ddd;display:flex;gap:12px;align-items:center}
#tip{position:fixed;pointer-events:none;background:#fff;border:1px solid #999;padding:4px 6px;display:none;max-width:360px}
svg{width:100vw;height:calc(100vh - 40px);cursor:grab}
line{stroke:#777;stroke-opacity:.25}
circle{stroke:#fff;stroke-width:.5}
circle.hit{stroke:#000;stroke-width:2}
text{font-size:10px;pointer-events:none;paint-order:stroke;stroke:#fff;stroke-width:3px}
</style></head><body>
<header><b>__TITLE__</b><input id="q" placeholder="find a name" size="24"><span id="info"></span></header>
<svg id="s"><g id="v"><g id="e"></g><g id="n"></g><g id="l"></g></g></svg><div id="tip"></div>
<script id="graph" type="application/json">__DATA__</script>
<script>
(function(){
var data=JSON.parse(document.getElementById("graph").textContent);
var NS="http://www.w3.org/2000/svg",svg=document.getElementById("s"),view=document.getElementById("v");
var W=svg.clientWidth||1000,H=svg.clientHeight||700,S=Math.min(W,H)*0.45;
function px(p){return [W/2+p[0]*S,H/2+p[1]*S];}
var byId={},deg={};data.nodes.forEach(function(n){byId[n.id]=n;deg[n.id]=0;});
data.edges.forEach(function(e){deg[e.source]++;deg[e.target]++;});
var maxd=1;for(var k in deg){if(deg[k]>maxd)maxd=deg[k];}
var eg=document.getElementById("e"),ng=document.getElementById("n"),lg=document.getElementById("l");
data.edges.forEach(function(e){var a=px(byId[e.source].pos),b=px(byId[e.target].pos),l=document.createElementNS(NS,"line");
l.setAttribute("x1",a[0]);l.setAttribute("y1",a[1]);l.setAttribute("x2",b[0]);l.setAttribute("y2",b[1]);
l.setAttribute("stroke-width",Math.min(4,0.5+Math.log(1+(e.weight||1))));eg.appendChild(l);});
var tip=document.getElementById("tip"),circles={};
data.nodes.forEach(function(n,i){var p=px(n.pos),c=document.createElementNS(NS,"circle");
c.setAttribute("cx",p[0]);c.setAttribute("cy",p[1]);c.setAttribute("r",3+9*deg[n.id]/maxd);c.setAttribute("fill",n.colour);
c.addEventListener("mousemove",function(ev){tip.style.display="block";tip.style.left=(ev.clientX+12)+"px";tip.style.top=(ev.clientY+12)+"px";
tip.textContent=(n.label||n.id)+" - "+deg[n.id]+" links"+(n.community!=null?", community "+n.community:"");});
c.addEventListener("mouseleave",function(){tip.style.display="none";});
ng.appendChild(c);circles[n.id]=c;
if(i<data.labelled){var t=document.createElementNS(NS,"text");t.setAttribute("x",p[0]+6);t.setAttribute("y",p[1]+3);t.textContent=n.label||n.id;lg.appendChild(t);}});
var tx=0,ty=0,sc=1,drag=null;function apply(){view.setAttribute("transform","translate("+tx+","+ty+") scale("+sc+")");}
svg.addEventListener("wheel",function(ev){ev.preventDefault();var f=ev.deltaY<0?1.15:1/1.15;tx=ev.offsetX-(ev.offsetX-tx)*f;ty=ev.offsetY-(ev.offsetY-ty)*f;sc*=f;apply();},{passive:false});
svg.addEventListener("mousedown",function(ev){drag=[ev.clientX-tx,ev.clientY-ty];});
window.addEventListener("mouseup",function(){drag=null;});
window.addEventListener("mousemove",function(ev){if(drag){tx=ev.clientX-drag[0];ty=ev.clientY-drag[1];apply();}});
document.getElementById("q").addEventListener("input",function(ev){var q=ev.target.value.toLowerCase(),hits=0;
data.nodes.forEach(function(n){var on=q&&(n.label||n.id).toLowerCase().indexOf(q)>=0;circles[n.id].setAttribute("class",on?"hit":"");if(on)hits++;});
document.getElementById("info").textContent=q?hits+" found":"";});
document.getElementById("info").textContent=data.nodes.length+" nodes, "+data.edges.length+" edges";
})();
</script></body></html>
"""


def _write_html(
    h: nx.Graph,
    target: Path,
    pos: dict[Hashable, tuple[float, float]],
    membership: dict[Hashable, int],
    title: str,
) -> None:
    ranked = sorted(h, key=lambda v: (-h.degree(v, weight="weight"), str(v)))
    nodes = [
        {
            "id": str(v),
            "label": str(h.nodes[v].get("label", v)),
            "pos": [round(pos[v][0], 4), round(pos[v][1], 4)],
            "colour": _colour(membership, v),
            "community": membership.get(v),
        }
        for v in ranked
    ]
    edges = [
        {"source": str(u), "target": str(v), "weight": w}
        for u, v, w in h.edges(data="weight", default=1)
    ]
    data = {"nodes": nodes, "edges": edges, "labelled": min(20, len(nodes))}
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    page = _HTML.replace("__TITLE__", html.escape(title)).replace("__DATA__", text)
    target.write_text(page, encoding="utf-8")
