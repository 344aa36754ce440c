"""Network speed: the Wikidata co-star projection, PageRank, sampled betweenness and Louvain,
networkx next to igraph on the same graph in the same run (the ratio is the tracked figure).

Goal: building the co-star projection from the store in < 5 s; each metric within 5x of igraph,
using ``backend="igraph"`` where plain networkx is not. networkx's sampled betweenness is timed
on ``--nx-k`` sources (default 20) and scaled linearly to k=500 (its cost is linear in k) unless
``--full`` is given: on this graph the full k=500 run takes tens of minutes.

    .venv/bin/python bench/bench_network.py [--store DIR] [--nx-k 20] [--full] [--skip-nx-louvain]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import REPO, WIKIDATA, table

sys.path.insert(0, str(REPO))

import kg
from kg.network import build_graph, centrality, detect_communities
from kg.network.metrics import to_igraph
from kg.network.projections import no_gc


def timed(func: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result, wall seconds and CPU seconds of ``func()`` (CPU time is steadier on a busy box)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--store", type=Path, default=None, help="an on-disk store holding the table"
    )
    parser.add_argument("--k", type=int, default=500, help="betweenness sample size (default 500)")
    parser.add_argument("--nx-k", type=int, default=20, help="sources actually run by networkx")
    parser.add_argument("--full", action="store_true", help="run networkx betweenness on all k")
    parser.add_argument("--skip-nx-louvain", action="store_true", help="skip networkx Louvain")
    args = parser.parse_args()

    omdb = WIKIDATA / "omdb.csv"
    if args.store is not None:
        store = kg.Store.open(args.store)
        if not kg.graph_stats(store)["films"]:
            print(f"loading {omdb} into {args.store} ...", flush=True)
            kg.load_paths(store, [omdb], mapping="wikidata_films", progress=False)
    else:
        if not omdb.exists():
            raise SystemExit(f"{omdb} not found: the benchmark needs the shared Wikidata table")
        store = kg.Store.memory()
        _, seconds, _ = timed(
            lambda: kg.load_paths(store, [omdb], mapping="wikidata_films", progress=False)
        )
        print(f"loaded {omdb.name} into memory in {seconds:.1f} s", flush=True)

    class Rows(list[list[str]]):
        def append(self, row: list[str]) -> None:  # progress as we go; the table at the end
            super().append(row)
            print("  " + " | ".join(c for c in row if c), flush=True)

    rows = Rows()
    rows.append(["task", "networkx s", "(cpu s)", "igraph s", "(cpu s)", "nx / igraph", "goal"])

    g, build_wall, build_cpu = timed(lambda: build_graph(store, "co-star"))
    print(f"co-star: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges", flush=True)
    rows.append(
        ["build co-star from store", f"{build_wall:.2f}", f"{build_cpu:.2f}", "", "", "",
         "< 5 s: " + ("ok" if build_wall < 5 else "wall over") + (", cpu ok" if build_cpu < 5 else ", cpu over")]
    )  # fmt: skip

    (h, nodes), conv_wall, conv_cpu = timed(lambda: to_igraph(g))
    rows.append(
        ["networkx -> igraph conversion", "", "", f"{conv_wall:.2f}", f"{conv_cpu:.2f}", "", ""]
    )

    def ratio_row(
        name: str, nx_s: tuple[float, float], ig_s: tuple[float, float], note: str = ""
    ) -> None:
        r = nx_s[0] / ig_s[0] if ig_s[0] else float("inf")
        rows.append(
            [name, f"{nx_s[0]:.2f}", f"{nx_s[1]:.2f}", f"{ig_s[0]:.2f}", f"{ig_s[1]:.2f}",
             f"{r:.1f}x", ("<= 5x ok" if r <= 5 else "> 5x: use --backend igraph") + note]
        )  # fmt: skip

    # PageRank
    pr_nx, w, c = timed(lambda: centrality(g, ["pagerank"])["pagerank"])
    _pr_ig_raw, wi, ci = timed(lambda: h.pagerank(directed=False, damping=0.85, weights="weight"))
    ratio_row("pagerank", (w, c), (wi, ci))
    pr_be, wb, cb = timed(lambda: centrality(g, ["pagerank"], backend="igraph")["pagerank"])
    diff = max(abs(pr_nx[v] - pr_be[v]) for v in g)
    rows.append(
        [
            "pagerank --backend igraph (with conversion)",
            "",
            "",
            f"{wb:.2f}",
            f"{cb:.2f}",
            "",
            f"max |diff| {diff:.1e}",
        ]
    )

    # sampled betweenness: the same k sources in both
    k = args.k
    nx_k = k if args.full else min(args.nx_k, k)
    sample = random.Random(0).sample(nodes, k)
    index = {v: i for i, v in enumerate(nodes)}
    with no_gc():
        _, wi, ci = timed(lambda: h.betweenness(directed=False, sources=[index[s] for s in sample]))
    bt_nx, w, c = timed(lambda: centrality(g, ["betweenness"], k=nx_k, seed=1)["betweenness"])
    scale = k / nx_k
    note = "" if nx_k == k else f" (nx timed at k={nx_k}, x{scale:g})"
    ratio_row(f"betweenness k={k}", (w * scale, c * scale), (wi, ci), note)
    bt_be, wb, cb = timed(
        lambda: centrality(g, ["betweenness"], k=nx_k, seed=1, backend="igraph")["betweenness"]
    )
    diff = max(abs(bt_nx[v] - bt_be[v]) for v in g)
    rows.append(
        [
            f"betweenness k={nx_k} --backend igraph",
            "",
            "",
            f"{wb:.2f}",
            f"{cb:.2f}",
            "",
            f"max |diff| vs nx {diff:.1e}",
        ]
    )

    # Louvain
    ig_louvain, wi, ci = timed(lambda: detect_communities(g, seed=0, backend="igraph"))
    if args.skip_nx_louvain:
        rows.append(
            [
                "louvain --backend igraph",
                "skipped",
                "",
                f"{wi:.2f}",
                f"{ci:.2f}",
                "",
                f"modularity {ig_louvain['modularity']:.4f}",
            ]
        )
    else:
        nx_louvain, w, c = timed(lambda: detect_communities(g, seed=0))
        ratio_row(
            "louvain",
            (w, c),
            (wi, ci),
            f" (modularity nx {nx_louvain['modularity']:.4f}, igraph {ig_louvain['modularity']:.4f})",
        )

    print(table(rows))
    store.close()


if __name__ == "__main__":
    main()
