"""A one-page network report for a researcher: ``kg network report -p co-star -o report.html``.

One self-contained HTML file (pictures inline as PNG, no script, nothing fetched) with:

- the degree distribution on log-log axes (complementary CDF), with a discrete power-law fit
  (``x_min`` chosen by the Kolmogorov-Smirnov distance, as Clauset, Shalizi and Newman 2009) and a
  lognormal fit of the same tail, and Vuong's log-likelihood ratio test between them;
- clustering and mean path length against two baselines of the same size: an Erdős-Rényi random
  graph (same nodes and edges) and a configuration model (same degrees) - the small-world
  comparison of Watts and Strogatz (1998) and Newman (2003);
- degree assortativity, the rich-club coefficient (against the configuration model), the largest
  component;
- the top people by several centralities, the communities with their top members, and growth by
  decade.

Large graphs are sampled where exact numbers would take minutes (path lengths and clustering from
200 nodes; betweenness from 100 sources); the report says so next to each number.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.barabasi_albert_graph(300, 3, seed=1)
>>> out = pathlib.Path(tempfile.mkdtemp()) / "r.html"
>>> summary = network_report(g, out, seed=1)
>>> summary["nodes"], summary["degree_fit"]["preferred"] in ("power law", "lognormal", "neither")
(300, True)
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
from collections import Counter
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx

from ..progress import bar
from .communities import detect_communities
from .metrics import (
    average_path_length,
    centrality,
    default_backend,
    degree_assortativity,
    random_reference,
    require_edges,
)

__all__ = ["degree_fit", "network_report"]


def degree_fit(degrees: list[int]) -> dict[str, Any]:
    """Fit a discrete power law and a lognormal to the tail of a degree sequence.

    ``x_min`` minimises the KS distance of the power law (candidates: the distinct degrees, the
    tail keeping at least 50 values); ``alpha`` is the discrete MLE (Clauset et al.'s
    approximation ``1 + n / sum(ln(x / (x_min - 1/2))))``); the lognormal is fitted to the same
    tail by maximum likelihood, truncated at ``x_min``. ``R`` is the log-likelihood ratio (positive:
    the power law fits better; both continuous approximations, the lognormal's parameters by
    maximising its likelihood truncated at ``x_min``), ``p`` Vuong's two-sided p-value; ``preferred`` is the better fit
    when ``p < 0.1``, else ``"neither"``.

    >>> import random
    >>> rng = random.Random(0)
    >>> ds = [int(10 * rng.paretovariate(1.5)) for _ in range(3000)]
    >>> fit = degree_fit(ds)
    >>> 2.0 < fit["alpha"] < 3.2
    True
    """
    import numpy as np
    from scipy import optimize, special, stats

    data = np.asarray(sorted(d for d in degrees if d > 0), dtype=float)
    if data.size < 10:
        return {"x_min": None, "alpha": None, "preferred": "neither", "n_tail": int(data.size)}
    candidates = np.unique(data)
    candidates = candidates[np.searchsorted(data, candidates) <= data.size - 50] if data.size > 60 else candidates[:1]  # fmt: skip
    best: tuple[float, float, float] | None = None  # (ks, xmin, alpha)
    for xmin in candidates[:200]:
        tail = data[data >= xmin]
        alpha = 1 + tail.size / np.sum(np.log(tail / (xmin - 0.5)))
        xs = np.unique(tail)
        empirical = np.searchsorted(tail, xs, side="right") / tail.size
        model = 1 - (xs / xmin) ** (1 - alpha)  # continuous approximation of the CDF
        ks = float(np.max(np.abs(empirical - model)))
        if best is None or ks < best[0]:
            best = (ks, float(xmin), float(alpha))
    assert best is not None
    ks, xmin, alpha = best
    tail = data[data >= xmin]
    logs = np.log(tail)
    log_xmin = math.log(xmin)

    def lognormal_loglik(params: Any) -> Any:
        """Per-point log-likelihood of a lognormal truncated at x_min."""
        m, log_s = params
        s = math.exp(log_s)
        survival = 0.5 * special.erfc((log_xmin - m) / (s * math.sqrt(2)))
        return stats.norm.logpdf(logs, m, s) - logs - np.log(max(survival, 1e-300))

    start = [float(logs.mean()), math.log(float(logs.std()) or 1e-3)]
    found = optimize.minimize(
        lambda p: -float(np.sum(lognormal_loglik(p))), start, method="Nelder-Mead"
    )
    mu, sigma = float(found.x[0]), math.exp(float(found.x[1]))
    # log-likelihoods per point (continuous densities on x >= x_min)
    l_pl = np.log(alpha - 1) - np.log(xmin) - alpha * np.log(tail / xmin)
    l_ln = lognormal_loglik(found.x)
    diff = l_pl - l_ln
    ratio = float(diff.sum())
    spread = float(diff.std()) or 1e-12
    p = float(special.erfc(abs(ratio) / (math.sqrt(2 * diff.size) * spread)))
    preferred = "neither" if p >= 0.1 else ("power law" if ratio > 0 else "lognormal")
    return {
        "x_min": xmin,
        "alpha": alpha,
        "ks": ks,
        "n_tail": int(tail.size),
        "lognormal_mu": mu,
        "lognormal_sigma": sigma,
        "R": ratio,
        "p": p,
        "preferred": preferred,
    }


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _degree_plot(degrees: list[int], fit: dict[str, Any]) -> str:
    import matplotlib.pyplot as plt
    import numpy as np
    from scipy import special

    data = np.asarray(sorted(d for d in degrees if d > 0), dtype=float)
    xs = np.unique(data)
    ccdf = 1 - np.searchsorted(data, xs, side="left") / data.size
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    ax.loglog(xs, ccdf, "o", ms=3, color="#1f77b4", alpha=0.7, label="data (P(K ≥ k))")
    if fit.get("alpha"):
        xmin, alpha = fit["x_min"], fit["alpha"]
        share = fit["n_tail"] / data.size
        grid = np.logspace(math.log10(xmin), math.log10(data.max()), 100)
        ax.loglog(grid, share * (grid / xmin) ** (1 - alpha), "-", color="#d62728",
                  label=f"power law, α = {alpha:.2f} (k ≥ {xmin:.0f})")  # fmt: skip
        mu, sigma = fit["lognormal_mu"], fit["lognormal_sigma"]

        def z(x: Any) -> Any:
            return (np.log(x) - mu) / (sigma * math.sqrt(2))

        survival = 0.5 * special.erfc(z(grid)) / (0.5 * special.erfc(z(xmin)))
        ax.loglog(grid, share * survival, "--", color="#2ca02c",
                  label=f"lognormal, μ = {mu:.2f}, σ = {sigma:.2f}")  # fmt: skip
        ax.axvline(xmin, color="#999", lw=0.8, ls=":")
    ax.set_xlabel("degree k (collaborators)")
    ax.set_ylabel("share of nodes with degree ≥ k")
    ax.set_title("Degree distribution (complementary CDF)")
    ax.legend(fontsize=8, title="legend", title_fontsize=8)
    return _png(fig)


def _bars(labels: list[str], series: dict[str, list[float]], title: str, ylabel: str) -> str:
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    width = 0.8 / max(1, len(series))
    x = np.arange(len(labels))
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"]
    for i, (name, values) in enumerate(series.items()):
        ax.bar(x + i * width, values, width, label=name, color=colours[i % len(colours)])
    ax.set_xticks(x + width * (len(series) - 1) / 2, labels, rotation=0, fontsize=8)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8, title="legend", title_fontsize=8)
    return _png(fig)


def _rich_club_plot(rc: dict[int, float], rc_ref: dict[int, float]) -> str:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ks = sorted(k for k in rc if k in rc_ref and rc_ref[k] > 0)
    ax.semilogx(ks, [rc[k] for k in ks], "-", color="#1f77b4", label="φ(k), the graph")
    ax.semilogx(ks, [rc_ref[k] for k in ks], "--", color="#999", label="φ(k), configuration model")
    ax2 = ax.twinx()
    ax2.semilogx(ks, [rc[k] / rc_ref[k] for k in ks], ":", color="#d62728",
                 label="ρ(k) = φ / φ_random (right axis)")  # fmt: skip
    ax2.axhline(1, color="#d62728", lw=0.5)
    ax.set_xlabel("degree k")
    ax.set_ylabel("rich-club coefficient φ(k)")
    ax2.set_ylabel("ρ(k)")
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], fontsize=8, title="legend",
              title_fontsize=8, loc="upper left")  # fmt: skip
    ax.set_title("Rich club: do the best-connected link to each other?")
    return _png(fig)


def _clustering(g: nx.Graph, sample: int, seed: int) -> tuple[float, bool]:
    import random

    if g.number_of_nodes() <= 2000:
        return nx.average_clustering(g), False
    nodes = random.Random(seed).sample(sorted(g, key=str), sample)
    return nx.average_clustering(g, nodes=nodes), True


def _rich_club(g: nx.Graph) -> dict[int, float]:
    h = nx.Graph(g.edges())
    h.remove_edges_from(nx.selfloop_edges(h))
    return {int(k): float(v) for k, v in nx.rich_club_coefficient(h, normalized=False).items()}


def _e(text: object) -> str:
    return html.escape(str(text))


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    return _e(value)


def network_report(
    g: nx.Graph,
    path: str | Path,
    *,
    seed: int = 0,
    sample: int = 200,
    top: int = 10,
    progress: bool = False,
) -> dict[str, Any]:
    """Write the report of ``g`` to ``path`` (HTML) and return its numbers as a dict."""
    require_edges(g, "a report")
    target = Path(path)
    steps = bar(total=8, desc="report", unit=" steps", enabled=progress)
    n, m = g.number_of_nodes(), g.number_of_edges()
    degrees = [d for _, d in g.degree()]
    steps.set_postfix_str("degree distribution")
    fit = degree_fit(degrees)
    steps.update()
    steps.set_postfix_str("baselines")
    er = nx.gnm_random_graph(n, m, seed=seed)
    er = nx.relabel_nodes(er, dict(enumerate(sorted(g, key=str))))
    config = random_reference(g, seed=seed)
    rows = []
    for name, h in (("this graph", g), ("random (Erdős-Rényi, same n, m)", er),
                    ("configuration model (same degrees)", config)):  # fmt: skip
        c, sampled = _clustering(h, sample, seed)
        length = average_path_length(h, sample=sample, seed=seed)
        rows.append((name, c, length["value"], sampled or length["sampled"]))
    steps.update()
    c0, l0 = rows[0][1], rows[0][2]
    c_er, l_er = rows[1][1], rows[1][2]
    sigma = (c0 / c_er) / (l0 / l_er) if c_er and l_er and l0 else None
    steps.set_postfix_str("assortativity, rich club")
    assortativity = degree_assortativity(g)
    rc = _rich_club(g)
    rc_ref = _rich_club(config)
    steps.update()
    comps = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    steps.set_postfix_str("centralities")
    backend = default_backend()
    k = None if n <= 2000 else 100
    scores = centrality(g, ["degree", "pagerank", "betweenness"], k=k, seed=seed, backend=backend)
    steps.update()
    steps.set_postfix_str("communities")
    communities = detect_communities(g, seed=seed, backend=backend)
    steps.update()
    steps.set_postfix_str("growth")
    growth = _growth(g)
    steps.update()
    steps.set_postfix_str("pictures")
    pictures = {
        "degree": _degree_plot(degrees, fit),
        "smallworld": _bars(
            ["clustering", "mean path length"],
            {name: [c, length] for name, c, length, _ in rows},
            "Small world: clustering and path length against baselines",
            "value",
        ),
        "richclub": _rich_club_plot(rc, rc_ref),
    }
    if growth:
        decades = sorted(growth)
        pictures["growth"] = _bars(
            [f"{d}s" for d in decades],
            {
                "films": [growth[d]["films"] for d in decades],
                "new people": [growth[d]["new_people"] for d in decades],
            },
            "Growth by decade",
            "count",
        )
    steps.update()
    steps.close()
    summary: dict[str, Any] = {
        "nodes": n,
        "edges": m,
        "degree_fit": fit,
        "baselines": [
            {"graph": name, "clustering": c, "path_length": length, "sampled": s}
            for name, c, length, s in rows
        ],
        "small_world_sigma": sigma,
        "assortativity": assortativity,
        "largest_component": comps[0],
        "components": len(comps),
        "communities": communities["count"],
        "modularity": communities["modularity"],
        "growth": growth,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        _page(g, summary, rows, scores, communities, pictures, k, top, rc, rc_ref),
        encoding="utf-8",
    )
    return summary


def _growth(g: nx.Graph) -> dict[int, dict[str, int]]:
    info = g.graph.get("film_info") or {}
    films_by_decade: Counter[int] = Counter()
    seen_films: set[Any] = set()
    for _, _, films in g.edges(data="films"):
        if isinstance(films, str):  # read back from a graph file: "Title (1995); Other (1998)"
            films = [x.strip() for x in films.split("; ") if x.strip()]
        for f in films if isinstance(films, list | tuple) else ():
            if f in seen_films:
                continue
            seen_films.add(f)
            year = (info.get(f) or (None, None))[1]
            if year is None and isinstance(f, str):
                found = re.search(r"\((\d{4})\)$", f)
                year = int(found.group(1)) if found else None
            if isinstance(year, int):
                films_by_decade[year // 10 * 10] += 1
    people: Counter[int] = Counter()
    for _, year in g.nodes(data="first_year"):
        if isinstance(year, int):
            people[year // 10 * 10] += 1
    decades = sorted(set(films_by_decade) | set(people))
    return {
        d: {"films": films_by_decade.get(d, 0), "new_people": people.get(d, 0)} for d in decades
    }


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem}
h1{margin:.3rem 0}h2{margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.grid img{max-width:100%}
.note{color:#666;font-size:.85rem}.card{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.6rem 1rem}
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.4rem .8rem}
.kpi b{display:block;font-size:1.3rem}
"""


def _label(g: nx.Graph, v: Hashable) -> str:
    return str(g.nodes[v].get("label", v))


def _page(
    g: nx.Graph,
    s: dict[str, Any],
    rows: list[tuple[str, float, float, bool]],
    scores: dict[str, dict[Hashable, float]],
    communities: dict[str, Any],
    pictures: dict[str, str],
    k: int | None,
    top: int,
    rc: dict[int, float],
    rc_ref: dict[int, float],
) -> str:
    fit = s["degree_fit"]
    name = g.graph.get("projection", "graph")
    years = g.graph.get("years")
    kpis = [
        ("nodes", f"{s['nodes']:,}"),
        ("edges", f"{s['edges']:,}"),
        ("largest component", f"{s['largest_component']:,} ({s['largest_component'] / s['nodes']:.0%})"),
        ("components", f"{s['components']:,}"),
        ("assortativity r", _fmt(s["assortativity"])),
        ("small-world σ", _fmt(s["small_world_sigma"])),
        ("communities", f"{s['communities']:,} (Q = {s['modularity']:.3f})"),
    ]  # fmt: skip
    parts = [
        f"<h1>Network report: {_e(name)}</h1>",
        f"<p class='note'>{_e(f'Films of {years}. ' if years else '')}Numbers marked ≈ are sampled "
        "(seeded); see each section.</p>",
        "<div class='kpi'>"
        + "".join(f"<div>{_e(k_)}<b>{v}</b></div>" for k_, v in kpis)
        + "</div>",
        "<h2>Degree distribution</h2><div class='grid'><div><img alt='degree distribution' "
        f"src='{pictures['degree']}'></div><div class='card'>",
    ]
    if fit.get("alpha"):
        parts.append(
            f"<p>Power law fitted above <b>k<sub>min</sub> = {fit['x_min']:.0f}</b> "
            f"({fit['n_tail']:,} nodes): <b>α = {fit['alpha']:.2f}</b> (KS distance {fit['ks']:.3f}). "
            f"Lognormal on the same tail: μ = {fit['lognormal_mu']:.2f}, σ = {fit['lognormal_sigma']:.2f}.</p>"
            f"<p>Log-likelihood ratio R = {fit['R']:.1f} (positive favours the power law), Vuong's "
            f"p = {fit['p']:.3g}: <b>{_e(fit['preferred'])}</b> "
            f"{'fits better' if fit['preferred'] != 'neither' else '(the data cannot tell them apart)'}.</p>"
            "<p class='note'>Method of Clausetm, Shalizi and Newman (2009), continuous approximation "
            "of the discrete likelihoods.</p>".replace("Clausetm", "Clauset")
        )
    else:
        parts.append("<p>Too few nodes with links to fit a distribution.</p>")
    parts.append("</div></div>")
    table = "".join(
        f"<tr><td>{_e(name_)}</td><td class='n'>{'≈' if sampled else ''}{c:.4f}</td>"
        f"<td class='n'>{'≈' if sampled else ''}{length:.3f}</td></tr>"
        for name_, c, length, sampled in rows
    )
    parts.append(
        "<h2>Small world</h2><div class='grid'><div><img alt='small world' "
        f"src='{pictures['smallworld']}'></div><div class='card'><table><tr><th>graph</th>"
        f"<th>clustering C</th><th>mean path length L</th></tr>{table}</table>"
        f"<p>σ = (C / C<sub>random</sub>) / (L / L<sub>random</sub>) = <b>{_fmt(s['small_world_sigma'])}</b>: "
        "well above 1 means clustered like a lattice with paths as short as a random graph's "
        "(Watts and Strogatz 1998; Newman 2003). Path lengths are measured in each graph's largest "
        "component.</p></div></div>"
    )
    assort = s["assortativity"]
    meaning = (
        "well-connected people work with well-connected people"
        if assort is not None and assort > 0.05
        else "hubs work with the less connected"
        if assort is not None and assort < -0.05
        else "no degree preference"
    )
    top_k = sorted((k_ for k_ in rc if k_ in rc_ref and rc_ref[k_] > 0), reverse=True)
    parts.append(
        "<h2>Assortativity and rich club</h2><div class='grid'><div><img alt='rich club' "
        f"src='{pictures['richclub']}'></div><div class='card'><p>Degree assortativity "
        f"<b>r = {_fmt(assort)}</b>: {meaning}.</p><p>The rich-club coefficient φ(k) is the density "
        "of links among the nodes of degree above k; ρ(k) divides it by the same in a configuration "
        "model of the same degrees: above 1, the best-connected link to each other more than their "
        "degrees alone would make them.</p>"
        + (
            f"<p>At the highest degree with a baseline (k = {top_k[len(top_k) // 10]}): ρ = "
            f"{rc[top_k[len(top_k) // 10]] / rc_ref[top_k[len(top_k) // 10]]:.2f}.</p>"
            if top_k
            else ""
        )
        + "</div></div>"
    )
    ranked = []
    for measure, values in scores.items():
        best = sorted(values.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]
        ranked.append((measure, best))
    head = "".join(
        f"<th>{_e(m_)}{' (≈, ' + str(k) + ' sources)' if m_ == 'betweenness' and k else ''}</th>"
        for m_, _ in ranked
    )
    body = "".join(
        "<tr><td class='n'>" + str(i + 1) + "</td>"
        + "".join(
            f"<td>{_e(_label(g, best[i][0]))} <span class='note'>{best[i][1]:.3g}</span></td>"
            if i < len(best) else "<td></td>"
            for _, best in ranked
        )
        + "</tr>"
        for i in range(top)
    )  # fmt: skip
    parts.append(f"<h2>Top people</h2><table><tr><th>#</th>{head}</tr>{body}</table>")
    strength = dict(g.degree(weight="weight"))
    comm_rows = "".join(
        f"<tr><td class='n'>{i + 1}</td><td class='n'>{len(members):,}</td><td>"
        + ", ".join(
            _e(_label(g, v)) for v in sorted(members, key=lambda v: (-strength[v], str(v)))[:6]
        )
        + "</td></tr>"
        for i, members in enumerate(communities["communities"][:top])
    )
    parts.append(
        f"<h2>Communities</h2><p>{communities['count']:,} communities ({_e(communities['method'])}, "
        f"seed {communities['seed']}), modularity Q = {communities['modularity']:.3f}.</p>"
        f"<table><tr><th>#</th><th>members</th><th>top members (by weighted degree)</th></tr>"
        f"{comm_rows}</table>"
    )
    if "growth" in pictures:
        growth_rows = "".join(
            f"<tr><td>{d}s</td><td class='n'>{v['films']:,}</td><td class='n'>{v['new_people']:,}</td></tr>"
            for d, v in sorted(s["growth"].items())
        )
        parts.append(
            "<h2>Growth by decade</h2><div class='grid'><div><img alt='growth by decade' "
            f"src='{pictures['growth']}'></div><div class='card'><table><tr><th>decade</th>"
            f"<th>films</th><th>people's first film</th></tr>{growth_rows}</table></div></div>"
        )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Network report: {_e(name)}</title><style>{_CSS}</style></head><body><main>"
        + "".join(parts)
        + "</main></body></html>"
    )
