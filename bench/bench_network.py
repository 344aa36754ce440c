"""Network speed: the Wikidata co-star projection, then PageRank, sampled betweenness and Louvain,
networkx next to igraph on the same graph in the same run.

Every ratio is measured, never extrapolated: networkx and igraph run the same call in turn
(pairs), after one warm-up each, and the ratio quoted is the median of the pairs. Betweenness is
compared at ``--k-both`` sampled sources (the same sources in both; networkx needs tens of minutes
at k=500 on this graph), and igraph's time at ``--k`` sources is printed alone, measured.

Goals: building the co-star projection from the store in < 2 s CPU (issue 14); the metrics on
igraph (the default backend when it is installed).

    .venv/bin/python bench/bench_network.py [--store DIR] [--runs 3] [--k 500] [--k-both 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import REPO, WIKIDATA, machine_line, spread, table

sys.path.insert(0, str(REPO))

import kg
from kg.network import build_graph, centrality, detect_communities
from kg.network.metrics import to_igraph
from kg.network.projections import no_gc


def timed(func: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result, wall seconds and CPU seconds of ``func()`` (CPU time is steadier on a busy box)."""
    wall, cpu = time.perf_counter(), time.process_time()
    with no_gc():
        result = func()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def pairs(
    a: Callable[[], Any], b: Callable[[], Any], runs: int
) -> tuple[list[float], list[float], list[float]]:
    """CPU seconds of ``a`` and ``b`` run in turn, after a warm-up of each, and their ratios."""
    timed(a)
    timed(b)
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        ta.append(timed(a)[2])
        tb.append(timed(b)[2])
    return ta, tb, [x / y for x, y in zip(ta, tb, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, default=None, help="an on-disk store with the table")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--k", type=int, default=500, help="igraph betweenness sample size")
    parser.add_argument("--k-both", type=int, default=20, help="betweenness sample for both")
    parser.add_argument("--louvain-runs", type=int, default=1, help="timed Louvain runs of each")
    args = parser.parse_args()
    print(machine_line())

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

    rows = [["task", "networkx cpu s", "igraph cpu s", "nx / igraph", "note"]]

    def show(row: list[str]) -> None:
        rows.append(row)
        print("  " + " | ".join(c for c in row if c), flush=True)

    builds = [timed(lambda: build_graph(store, "co-star")) for _ in range(args.runs)]
    g = builds[-1][0]
    print(f"co-star: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges", flush=True)
    cpu = [b[2] for b in builds]
    show(
        ["build co-star from store", spread(cpu), "", "",
         f"wall {spread([b[1] for b in builds])}; goal < 2 s cpu: "
         + ("ok" if statistics.median(cpu) < 2 else "over")]
    )  # fmt: skip

    conv = [timed(lambda: to_igraph(g)) for _ in range(args.runs)]
    h, nodes = conv[-1][0]
    show(["networkx -> igraph conversion", "", spread([c[2] for c in conv]), "", ""])

    def ratio_row(name: str, a: Callable[[], Any], b: Callable[[], Any], runs: int) -> None:
        ta, tb, ratios = pairs(a, b, runs)
        show([name, spread(ta), spread(tb), f"{spread(ratios)}x", f"{runs} pairs"])

    ratio_row(
        "pagerank",
        lambda: centrality(g, ["pagerank"], backend="networkx"),
        lambda: h.pagerank(directed=False, damping=0.85, weights="weight"),
        args.runs,
    )
    # networkx draws its k sources as random.Random(seed).sample(list(g), k): the same here
    sample = random.Random(1).sample(nodes, args.k_both)
    index = {v: i for i, v in enumerate(nodes)}
    ratio_row(
        f"betweenness k={args.k_both} (same sources)",
        lambda: centrality(g, ["betweenness"], k=args.k_both, seed=1, backend="networkx"),
        lambda: h.betweenness(directed=False, sources=[index[s] for s in sample]),
        args.runs,
    )
    big = random.Random(0).sample(nodes, args.k)
    ig_big = [
        timed(lambda: h.betweenness(directed=False, sources=[index[s] for s in big]))[2]
        for _ in range(args.runs)
    ]
    show([f"betweenness k={args.k}", "not run", spread(ig_big), "", "igraph alone, measured"])
    ratio_row(
        "louvain (seed 0)",
        lambda: detect_communities(g, seed=0, backend="networkx"),
        lambda: h.community_multilevel(weights="weight"),
        args.louvain_runs,
    )
    print(table(rows))
    print(machine_line())
    store.close()


if __name__ == "__main__":
    main()
