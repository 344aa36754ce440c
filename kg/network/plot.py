"""Pictures of a projection: PNG/SVG through matplotlib (Agg), or one self-contained HTML page.

Large graphs are drawn as their *backbone* (:func:`backbone`): the largest connected component,
cut down to its ``max_nodes`` best-connected nodes (by weighted degree) with the edges among them
and only the connected piece they form; when that piece is small, the community-level graph
(communities as nodes, sized by members) is drawn instead. Isolated nodes are never drawn (the
title says how many were left out). Every picture has a legend: colours are communities, named
by their best-connected member; sizes are degree. Nodes are placed by a
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
from .metrics import default_backend, require_edges

__all__ = ["PLOT_FORMATS", "backbone", "plot_graph"]

PLOT_FORMATS = ("png", "svg", "pdf", "html")

_PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
]  # fmt: skip
_OTHER = "#c7c7c7"


def backbone(g: nx.Graph, max_nodes: int = 300, *, seed: int = 0) -> tuple[nx.Graph, str]:
    """What to draw of ``g``, and a note saying what it is.

    - no isolated nodes, ever (a ring of grey dots shows nothing);
    - a graph of at most ``max_nodes`` connected nodes is drawn whole;
    - else its largest component, cut to the ``max_nodes`` nodes of highest weighted degree and
      the connected piece they form with the edges among them;
    - when that piece would hold fewer than a third of ``max_nodes``, the community-level graph:
      one node per community (``label`` its best-connected member, ``members`` its size), edges
      weighted by the links between communities.

    >>> h, note = backbone(nx.disjoint_union(nx.path_graph(3), nx.empty_graph(5)))
    >>> h.number_of_nodes(), note
    (3, '5 isolated nodes not drawn')
    """
    notes = []
    isolates = [v for v in g if g.degree(v) == 0]
    if isolates:
        notes.append(
            f"{len(isolates):,} isolated node{'s' if len(isolates) != 1 else ''} not drawn"
        )
        g = g.subgraph(v for v in g if g.degree(v) > 0)
    if g.number_of_nodes() <= max_nodes:
        return g, "; ".join(notes)
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(map(str, c))))
    comp = comps[0]
    core = g.subgraph(comp)
    if len(comp) < max_nodes:  # a fragmented graph: its largest pieces, as many as fit
        chosen: list[Hashable] = []
        count = 0
        for c in comps:
            if len(chosen) + len(c) > max_nodes or len(c) < 3:
                break
            chosen.extend(c)
            count += 1
        notes.append(
            f"the {count:,} largest components ({len(chosen):,} of {g.number_of_nodes():,} "
            "connected nodes)"
        )
        return g.subgraph(chosen), "; ".join(notes)
    if len(comp) < g.number_of_nodes():
        notes.append(f"largest component: {len(comp):,} of {g.number_of_nodes():,} nodes")
    if core.number_of_nodes() <= max_nodes:
        return core, "; ".join(notes)
    strength = dict(core.degree(weight="weight"))
    keep = sorted(core, key=lambda v: (-strength[v], str(v)))[:max_nodes]
    top = core.subgraph(keep)
    piece = max(nx.connected_components(top), key=len) if top.number_of_edges() else set()
    if len(piece) >= max_nodes / 3:
        notes.append(f"top {len(piece):,} nodes by weighted degree, with the edges among them")
        return top.subgraph(piece), "; ".join(notes)
    notes.append("community-level graph: one node per community, sized by members")
    return _community_graph(core, max_nodes, seed), "; ".join(notes)


def _community_graph(g: nx.Graph, max_nodes: int, seed: int) -> nx.Graph:
    found = detect_communities(g, seed=seed, backend=default_backend())
    membership = found["membership"]
    strength = dict(g.degree(weight="weight"))
    h = nx.Graph()
    h.graph.update(g.graph)
    for index, members in enumerate(found["communities"][:max_nodes]):
        leader = max(members, key=lambda v: (strength[v], str(v)))
        h.add_node(
            f"community-{index}",
            label=f"{g.nodes[leader].get('label', leader)} +{len(members) - 1}",
            members=len(members),
            community=index,
        )
    for u, v, w in g.edges(data="weight", default=1):
        a, b = membership.get(u), membership.get(v)
        if a is None or b is None or a == b or a >= max_nodes or b >= max_nodes:
            continue
        key = (f"community-{a}", f"community-{b}")
        h.add_edge(*key, weight=h.edges[key]["weight"] + w if h.has_edge(*key) else w)
    return h


def _layout(
    g: nx.Graph, seed: int
) -> tuple[dict[Hashable, tuple[float, float]], dict[Hashable, int], list[Hashable]]:
    if nx.is_connected(g) and len(g) <= 500 and importlib.util.find_spec("scipy") is not None:
        start = nx.spring_layout(g, seed=seed, weight=None, iterations=50)
        pos = nx.kamada_kawai_layout(g, pos=start, weight=None)  # spreads dense casts out
    else:
        pos = nx.spring_layout(g, seed=seed, weight=None, iterations=100)
    membership: dict[Hashable, int] = {}
    if all("community" in d for _, d in g.nodes(data=True)):
        membership = {v: int(d["community"]) for v, d in g.nodes(data=True)}
    elif g.number_of_edges():
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
    h, note = backbone(g, max_nodes, seed=seed)
    pos, membership, ranked = _layout(h, seed)
    name = title or (
        f"{g.graph.get('projection', 'graph')}: {g.number_of_nodes():,} nodes, "
        f"{g.number_of_edges():,} edges"
        + (f" ({h.number_of_nodes():,} drawn)" if h.number_of_nodes() < g.number_of_nodes() else "")
    )
    legend = _legend(h, membership)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        _write_html(h, target, pos, membership, name, note, legend)
    else:
        _write_static(
            h,
            target,
            pos,
            membership,
            _to_label(ranked, membership, labels),
            name,
            fmt,
            note,
            legend,
        )
    return {
        "path": str(target),
        "format": fmt,
        "nodes": h.number_of_nodes(),
        "edges": h.number_of_edges(),
        "communities": len(set(membership.values())),
        "note": note,
    }


def _legend(h: nx.Graph, membership: dict[Hashable, int]) -> list[tuple[str, str]]:
    """``(colour, text)`` for the communities drawn: named by their best-connected member."""
    strength = dict(h.degree(weight="weight"))
    members: dict[int, list[Hashable]] = {}
    for v, c in membership.items():
        members.setdefault(c, []).append(v)
    out = []
    for c in sorted(members, key=lambda c: -len(members[c]))[: len(_PALETTE)]:
        if c >= len(_PALETTE):
            continue
        leader = max(members[c], key=lambda v: (strength.get(v, 0), str(v)))
        label = str(h.nodes[leader].get("label", leader))
        out.append((_PALETTE[c], f"{label} and {len(members[c]) - 1} more"))
    if any(c >= len(_PALETTE) for c in members):
        out.append((_OTHER, "smaller communities"))
    return out


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
    note: str,
    legend: list[tuple[str, str]],
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
        span = max((abs(y) for _, y in pos.values()), default=1.0) or 1.0
        nx.draw_networkx_labels(
            h,
            {v: (x, y + 0.025 * span) for v, (x, y) in pos.items()},  # above the node
            labels={v: str(h.nodes[v].get("label", v)) for v in labelled},
            ax=ax,
            font_size=8,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
        )
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=8, color=colour, label=text)
            for colour, text in legend
        ]
        first = ax.legend(
            handles=handles, title="colour: community", loc="upper left", fontsize=7,
            title_fontsize=8, framealpha=0.85,
        )  # fmt: skip
        ax.add_artist(first)
        sizes = sorted({1, max(1, top // 2), top})
        size_handles = [
            Line2D([], [], marker="o", linestyle="", color="#999999",
                   markersize=(20 + 280 * d / top) ** 0.5, label=f"{d} link{'' if d == 1 else 's'}")
            for d in sizes
        ]  # fmt: skip
        ax.legend(
            handles=size_handles, title="size: degree", loc="lower left", fontsize=7,
            title_fontsize=8, framealpha=0.85, labelspacing=1.2,
        )  # fmt: skip
        ax.set_title(title + (f"\n{note}" if note else ""), fontsize=10)
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
#note{color:#666}
#legend{position:fixed;right:10px;top:50px;background:#fffe;border:1px solid #ccc;padding:6px 8px;max-width:260px;font-size:12px}
#legend div{margin:2px 0}#legend i{display:inline-block;border-radius:50%;vertical-align:middle;margin-right:4px;background:#999}
#legend b{display:block;margin-top:4px}
text{font-size:10px;pointer-events:none;paint-order:stroke;stroke:#fff;stroke-width:3px}
</style></head><body>
<header><b>__TITLE__</b><input id="q" placeholder="find a name" size="24"><span id="info"></span><span id="note">__NOTE__</span></header>
<div id="legend"><b>colour: community</b>__LEGEND__<b>size: degree</b> <span class="sz"><i style="width:6px;height:6px"></i>few links <i style="width:14px;height:14px"></i>many</span></div>
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
tip.textContent=(n.label||n.id)+" - "+deg[n.id]+(deg[n.id]===1?" link":" links")+(n.community!=null?", community "+n.community:"");});
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
    note: str = "",
    legend: list[tuple[str, str]] | None = None,
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
    items = "".join(
        f'<div><i style="width:10px;height:10px;background:{c}"></i>{html.escape(t)}</div>'
        for c, t in legend or []
    )
    page = (
        _HTML.replace("__TITLE__", html.escape(title))
        .replace("__NOTE__", html.escape(note))
        .replace("__LEGEND__", items)
        .replace("__DATA__", text)
    )
    target.write_text(page, encoding="utf-8")
